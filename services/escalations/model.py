"""Process 4's records: the handoff to Engineering, its outcome, and the RCCA that closes it."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import datetime
from enum import StrEnum
from typing import NamedTuple

from services.tickets import Change


class EscalationStatus(StrEnum):
    """Where a handoff stands: waiting for the engineering manager, sent back, or accepted."""

    REQUESTED = "requested"
    INFO_REQUESTED = "info_requested"
    ACCEPTED = "accepted"


@dataclass(frozen=True)
class Handoff:
    """Everything Engineering needs to take a problem over without calling the technician."""

    symptoms: str
    steps_tried: str
    machine_model: str
    serial_number: str
    software_versions: str
    suspected_cause: str
    containment: str
    help_needed: str
    urgency: str  # a priority key of the profile

    def answers(self) -> dict[str, str]:
        """The handoff as form answers (field id → text), to fill a form in again."""
        return {f.name: getattr(self, f.name) for f in fields(self)}


@dataclass(frozen=True)
class Escalation:
    """One handoff of a ticket to Engineering and what the engineering manager decided."""

    ticket_id: int
    status: EscalationStatus
    requested_by: str
    requested_at: datetime
    handoff: Handoff
    decided_by: str | None = None
    decided_at: datetime | None = None
    engineer_id: str | None = None
    # The manager's note on accepting, or the question when asking for more information.
    reply: str | None = None
    id: int | None = None  # set once stored


@dataclass(frozen=True)
class Rcca:
    """Root cause and corrective action: why it happened, what fixed it, what stops a repeat."""

    root_cause: str
    corrective_action: str
    preventive_action: str
    recorded_by: str
    recorded_at: datetime
    escalation_id: int | None = None
    ticket_id: int | None = None


class Decision(NamedTuple):
    """What a process 4 command produced: the ticket change and the escalation as it now is."""

    change: Change
    escalation: Escalation
