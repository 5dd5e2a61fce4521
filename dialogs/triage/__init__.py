"""Process 1, triage: the triage card, the queue, acknowledgement, asking for information."""
