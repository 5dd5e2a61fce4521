"""Process 6, service requests: the form, the manager's approval, the project."""
