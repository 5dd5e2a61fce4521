"""Process 2, Ticket Assignment: suggest who works a ticket, and whether a pick fits the rules."""

from services.routing.assignment import Suggestion, suggest_assignee
from services.routing.fit import Fit, needed_skills, routing_fit

__all__ = ["Fit", "Suggestion", "needed_skills", "routing_fit", "suggest_assignee"]
