"""Shared by the parts tests: the BestPack profile and requests built directly.

It holds no tests; it lives under this name because the parts tests may only add such files.
"""

from __future__ import annotations

from typing import Any

from services.parts import PartsDraft, PartsRequest, RequestStatus, RequestType
from services.profile import load_profile
from tests.services.test_tickets_helpers import MONDAY_9AM

BESTPACK = load_profile("bestpack")
DRAFT = PartsDraft(RequestType.QUOTE, quantity=2, part_number="4471-220", serial_number="SN-12345")


def open_request(**changes: Any) -> PartsRequest:
    """An open quote request from Jordan to Ezechiel, as stored."""
    values: dict[str, Any] = dict(
        id=1,
        profile="bestpack",
        request_type=RequestType.QUOTE,
        quantity=2,
        nc_tape_head=False,
        requester_id="jordan",
        owner_id="ezechiel",
        status=RequestStatus.OPEN,
        created_at=MONDAY_9AM,
        updated_at=MONDAY_9AM,
        part_number="4471-220",
    )
    return PartsRequest(**(values | changes))
