"""Who does what in process 5: the parts owner answers; requester or owner records an order."""

from __future__ import annotations

from services.parts.model import PartsRequest, PartsRuleError
from services.profile import Capability, Person, Profile
from services.tickets.rules import name_of

PARTS_PROCESS = 5  # "Parts & Quote Support" in the support way's numbering


def parts_owner(profile: Profile) -> Person | None:
    """Who answers parts requests: the process owner if they may, else the first who may."""
    answerers = profile.people_with_capability(Capability.ANSWER_PARTS)
    try:
        owner = profile.process_owner(PARTS_PROCESS)
    except KeyError:  # a profile without a fifth process step
        owner = None
    if owner is not None and owner in answerers:
        return owner
    return answerers[0] if answerers else None


def may_record_order(profile: Profile, person_id: str, request: PartsRequest) -> None:
    """Refuse unless the person filed the request or answers parts requests."""
    if person_id == request.requester_id:
        return
    if profile.has_capability(person_id, Capability.ANSWER_PARTS):
        return
    raise PartsRuleError(
        f"Only {name_of(profile, request.requester_id)}, who asked, or someone who answers "
        f"parts requests can record the customer's order on {request.number}."
    )
