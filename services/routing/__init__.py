"""Process 2, Ticket Assignment: suggest who works a ticket from the profile's routing rules."""

from services.routing.assignment import Suggestion, explain_mismatch, suggest_assignee

__all__ = ["Suggestion", "explain_mismatch", "suggest_assignee"]
