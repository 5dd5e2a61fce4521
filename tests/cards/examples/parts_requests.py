"""Example renderings of process 5's request cards (cards.parts_requests)."""

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from cards.parts_requests import RequestView, parts_queue_card, parts_request_card
from services.parts import (
    Order,
    OrderStatus,
    PartsAnswer,
    PartsRequest,
    QuoteLine,
    RequestStatus,
    RequestType,
)
from services.parts.forms import ANSWER_FIELDS
from services.parts.lines import MAX_LINES
from services.profile import load_profile

PROFILE = load_profile("bestpack")
AT = datetime(2026, 11, 23, 17, 0, tzinfo=UTC)
LONG = "Worn cutter blade holder on the left side, stamped 44-7 on the back. " * 50
REQUEST = PartsRequest(
    id=1,
    profile="bestpack",
    request_type=RequestType.QUOTE,
    quantity=2,
    nc_tape_head=True,
    requester_id="jordan",
    owner_id="ezechiel",
    status=RequestStatus.OPEN,
    created_at=AT,
    updated_at=AT,
    part_number="4471-220",
    description=LONG,
    serial_number="SN-12345",
    ticket_number="BP-1001",
)
LINES = (QuoteLine("4471-220B", 2, 12_050, "Encoder, 1024 ppr"), QuoteLine("GK-12", 1, 1_275))
# The longest quote the form accepts, every description as long as allowed.
LONGEST = tuple(
    QuoteLine(f"P-{n:04}-{'X' * 56}", 99_999, 999_999_999, "D" * 255) for n in range(MAX_LINES)
)
ANSWERED = replace(
    REQUEST,
    status=RequestStatus.ANSWERED,
    answer=PartsAnswer(LINES, "3 weeks from order", "Q-2201"),
    answered_by="ezechiel",
    answered_at=AT + timedelta(hours=2),
)
QUOTED = Order("Q-2201", OrderStatus.QUOTED, LINES, "3 weeks", AT, None, "PQ-1001")
SHIPPED = replace(QUOTED, status=OrderStatus.SHIPPED, order_number="SO-1001")

EXAMPLES = {
    "parts_request_card": [
        lambda: parts_request_card(PROFILE, REQUEST),
        lambda: parts_request_card(
            PROFILE,
            REQUEST,
            RequestView(
                headline="Jordan asks: Quote for 2 × Part 4471-220 (NC Tape Head)",
                answer_form=True,
                values={"lines": "4471-220B; 2; twelve", "quote_number": "Q 1"},
                errors={spec.id: f"{spec.label} is wrong. " * 5 for spec in ANSWER_FIELDS},
            ),
        ),
        lambda: parts_request_card(
            PROFILE,
            ANSWERED,
            RequestView(headline="Ezechiel answered PQ-1001.", order=QUOTED, order_button=True),
        ),
        lambda: parts_request_card(
            PROFILE, replace(ANSWERED, nc_tape_head=False, part_number=None, description=None)
        ),
        lambda: parts_request_card(
            PROFILE, replace(ANSWERED, answer=PartsAnswer(LONGEST, "3 weeks", "Q-2201"))
        ),
    ],
    "parts_queue_card": [
        lambda: parts_queue_card(PROFILE, []),
        lambda: parts_queue_card(
            PROFILE, [replace(REQUEST, id=n, nc_tape_head=n % 2 == 0) for n in range(1, 30)]
        ),
    ],
}
