"""Process 1, intake: the intake form, similar solved problems, filing a ticket."""
