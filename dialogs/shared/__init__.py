"""What every process shares: finding a ticket, applying a workflow step, the ticket card."""
