"""Process 4's card inputs, as the client sent them; services.escalations.forms checks them."""

from __future__ import annotations

from dialogs.shared.tickets import TicketRef
from services.forms.bounds import FormInputs, FormText, Key, Reason, RecordId, Reference


class HandoffInputs(FormInputs):
    """The handoff form: the ticket's number plus every input (checked by read_handoff)."""

    number: Reference


class DecisionInputs(TicketRef):
    """The review card's forms: the escalation decided on, the engineer, whether the assignee
    stays on the customer and the note, or the question."""

    escalation_id: RecordId
    engineer: Key = ""
    keep_assignee: bool = False
    note: Reason = ""
    question: Reason = ""


class RccaInputs(TicketRef):
    """The RCCA form's inputs (checked by read_rcca)."""

    root_cause: FormText | None = None
    corrective_action: FormText | None = None
    preventive_action: FormText | None = None

    def typed(self) -> dict[str, str | None]:
        """The answers as typed, to check them and to show them again on a refused form."""
        return self.model_dump(exclude={"number"})
