"""The routines' card inputs: a message to a customer, as the person edited it."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from dialogs.shared.tickets import TicketRef
from services.forms.bounds import Key, LongText


class MessageInputs(TicketRef):
    """Send to the customer / Sent it: which ticket, why the message is owed, and its text."""

    purpose: Key = ""
    text: LongText = ""


class NoInputs(BaseModel):
    """A button that carries nothing (Check again)."""

    model_config = ConfigDict(extra="ignore")
