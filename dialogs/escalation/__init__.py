"""Process 4, engineering escalation: the handoff, the manager's review, the RCCA."""
