"""Process 4, engineering escalation: the handoff to Engineering, the engineering manager's
decision, and the RCCA an escalated ticket needs before it is resolved.

Pure workflow commands (services.escalations.workflow) decide; EscalationRepository stores
their records together with the ticket change.
"""

from services.escalations.forms import (
    HANDOFF_FIELDS,
    RCCA_FIELDS,
    handoff_fields,
    read_handoff,
    read_rcca,
)
from services.escalations.model import Decision, Escalation, EscalationStatus, Handoff, Rcca
from services.escalations.repository import EscalationRepository

__all__ = [
    "HANDOFF_FIELDS",
    "RCCA_FIELDS",
    "Decision",
    "Escalation",
    "EscalationRepository",
    "EscalationStatus",
    "Handoff",
    "Rcca",
    "handoff_fields",
    "read_handoff",
    "read_rcca",
]
