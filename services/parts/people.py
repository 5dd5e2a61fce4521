"""Who does what in process 5: the parts owner answers (within a business day); requester or
owner records an order."""

from __future__ import annotations

from datetime import datetime

from services.parts.model import ORDER_MOVES, Order, OrderStatus, PartsRequest, PartsRuleError
from services.profile import Capability, Person, ProcessRole, Profile
from services.tickets.rules import business_clock, name_of


def parts_owner(profile: Profile) -> Person | None:
    """Who answers parts requests: the parts step's owner, else the first who may."""
    # The profile checks at load that the step's owner may answer parts requests.
    owner = profile.owner_of(ProcessRole.PARTS)
    if owner is not None:
        return owner
    answerers = profile.people_with_capability(Capability.ANSWER_PARTS)
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


def answer_expected_by(profile: Profile, request: PartsRequest) -> datetime:
    """When the requester may expect the answer: one business day after asking."""
    return business_clock(profile).add(request.created_at, profile.business_hours.minutes_per_day)


def buttons_for(profile: Profile, person_id: str, order: Order) -> tuple[OrderStatus, ...]:
    """The moves a person records from the order's card: Shipped, Delivered (answer_parts)."""
    if not profile.has_capability(person_id, Capability.ANSWER_PARTS) or order.only_in_source:
        return ()  # an order only NetSuite knows moves on in NetSuite
    shown = (OrderStatus.SHIPPED, OrderStatus.DELIVERED)
    return tuple(status for status in shown if status in ORDER_MOVES[order.status])
