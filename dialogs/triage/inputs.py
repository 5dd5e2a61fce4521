"""What the triage card's forms send, bounded."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from dialogs.shared.tickets import TicketRef
from services.forms.bounds import ChoiceKey, Reason


class PriorityInputs(TicketRef):
    """Change priority: the priority key picked on the card."""

    priority: ChoiceKey


class InfoRequest(TicketRef):
    """Request info: what triage needs to know."""

    question: Reason = ""

    @property
    def asked(self) -> str:
        """The question on one line ("" when nothing was typed)."""
        return " ".join(self.question.split())


class QueueInputs(BaseModel):
    """The queue's Refresh: it carries nothing but its verb."""

    model_config = ConfigDict(extra="ignore")
