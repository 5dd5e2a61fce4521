"""Process 5, parts and quotes: requests, the owner's answers, orders (NC Tape Heads flagged)."""
