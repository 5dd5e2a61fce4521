"""Process 7, knowledge capture: search, drafts from resolved tickets, publishing."""
