"""Process 2, assignment: by issue type, machine complexity and capability."""
