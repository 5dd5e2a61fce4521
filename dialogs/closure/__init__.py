"""Process 8, closure: resolve, confirm with the customer, close, reopen."""
