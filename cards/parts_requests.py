"""Process 5's requests: one as its owner and its requester see it, and those awaiting an answer."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from microsoft_teams.cards import (
    ActionSet,
    CardElement,
    Column,
    ColumnSet,
    Container,
    ExecuteAction,
    Fact,
    FactSet,
    TextBlock,
)

from cards.fit import RecordLink, linked_number
from cards.forms import form_inputs
from cards.render import card, heading, note, render
from services.parts import REQUEST_TYPE_LABELS, Order, PartsRequest, RequestStatus
from services.parts.describe import order_line
from services.parts.forms import ANSWER_FIELDS
from services.parts.lines import first_line
from services.parts.model import QuoteLine, money, total_of
from services.parts.people import answer_expected_by
from services.profile import Profile
from services.tickets.rules import local_time, name_of

PARTS_ANSWER = "parts.answer"
PARTS_OPEN = "parts.open"
PARTS_ORDERED = "parts.ordered"
NC_TAPE_HEAD = "NC Tape Head: special handling (mechanical engineering checks fit and setup)"
QUEUE_LIMIT = 20  # a longer list stops being a to-do list; the rest is counted


@dataclass(frozen=True)
class RequestView:
    """What a request card shows besides the request, decided by the dialog from the viewer."""

    headline: str | None = None
    answer_form: bool = False  # the viewer may answer and the request is open
    values: Mapping[str, Any] = field(default_factory=dict)
    errors: Mapping[str, str] = field(default_factory=dict)
    order: Order | None = None  # where the quote stands in the order system
    order_button: bool = False  # "Customer ordered" (the quote is not ordered yet)
    ticket_link: RecordLink | None = None  # its ticket in the system of record


def nc_tape_head_flag() -> Container:
    """The banner NC Tape Head requests carry on every card: they are handled specially."""
    # Default-coloured text: the host's warning background stays readable behind it, where
    # warning-coloured text on it (yellow on orange) was not.
    line = TextBlock(text=NC_TAPE_HEAD, weight="Bolder", wrap=True)
    return Container(style="warning", items=[line])


def _status(profile: Profile, request: PartsRequest) -> list[tuple[str, str]]:
    """Where the request stands and, while it waits, when the answer is expected."""
    if request.status is RequestStatus.ANSWERED:
        return [("Status", "Answered")]
    owner = name_of(profile, request.owner_id)
    due = local_time(profile, answer_expected_by(profile, request))
    return [("Status", f"Waiting for {owner}'s answer"), ("Answer expected by", due)]


def request_facts(
    profile: Profile, request: PartsRequest, ticket_link: RecordLink | None = None
) -> list[Fact]:
    """The request's facts, empty ones left out."""
    pairs = [
        ("Request", REQUEST_TYPE_LABELS[request.request_type]),
        *_status(profile, request),
        ("Quantity", str(request.quantity)),
        ("Part number", request.part_number or ""),
        ("Machine serial", request.serial_number or ""),
        ("Ticket", linked_number(request.ticket_number, ticket_link)),
        ("Asked by", name_of(profile, request.requester_id)),
        ("Asked on", local_time(profile, request.created_at)),
        ("Parts owner", name_of(profile, request.owner_id)),
    ]
    return [Fact(title=k, value=v) for k, v in pairs if v]


def line_facts(lines: Sequence[QuoteLine]) -> list[Fact]:
    """A quote's lines, one fact each ("2 × 4471-220B": "Encoder · $120.50 each = $241.00"),
    and their total."""
    facts = []
    for line in lines:
        about = f"{line.description} · " if line.description else ""
        each = f"{money(line.price_cents)} each = {money(line.total_cents)}"
        facts.append(Fact(title=f"{line.quantity} × {line.part_number}", value=about + each))
    facts.append(Fact(title="Total", value=money(total_of(tuple(lines)))))
    return facts


def _answer_facts(profile: Profile, request: PartsRequest) -> list[Fact]:
    answer = request.answer
    assert answer is not None and request.answered_at is not None
    pairs = [
        ("Lead time", answer.lead_time),
        ("Quote number", answer.quote_number),
        ("Answered by", name_of(profile, request.answered_by or "")),
        ("Answered on", local_time(profile, request.answered_at)),
    ]
    return [Fact(title=k, value=v) for k, v in pairs]


def parts_request_card(
    profile: Profile, request: PartsRequest, view: RequestView | None = None
) -> dict:
    """A request: what is asked and, for the parts owner, the answer form; else the answer."""
    view = view or RequestView()
    body: list[CardElement] = [heading(f"{request.number} · {request.subject}")]
    if view.headline:
        body.append(TextBlock(text=view.headline, weight="Bolder", color="Accent", wrap=True))
    if request.nc_tape_head:
        body.append(nc_tape_head_flag())
    body.append(FactSet(facts=request_facts(profile, request, view.ticket_link)))
    if request.description:
        body.append(note(request.description, subtle=False))
    actions = []
    data = {"number": request.number}
    if request.answer is not None:
        body.append(TextBlock(text="Answer", weight="Bolder", spacing="Medium"))
        body.append(FactSet(facts=line_facts(request.answer.lines)))
        body.append(FactSet(facts=_answer_facts(profile, request)))
        if view.order is not None:
            body.append(note(order_line(view.order), subtle=False))
        if view.order_button:
            actions.append(ExecuteAction(title="Customer ordered", verb=PARTS_ORDERED, data=data))
    elif view.answer_form:
        start = first_line(request.part_number, request.description, request.quantity)
        values = {"lines": start, **view.values}
        body.append(TextBlock(text="Your answer", weight="Bolder", spacing="Medium"))
        body.extend(form_inputs(profile, ANSWER_FIELDS, values, view.errors))
        actions.append(
            ExecuteAction(
                title="Send answer",
                verb=PARTS_ANSWER,
                data=data,
                associated_inputs="auto",
                style="positive",
            )
        )
    actions.append(
        ExecuteAction(title="Refresh", verb=PARTS_OPEN, data=data, associated_inputs="none")
    )
    return render(card(body, actions))


def _row(profile: Profile, request: PartsRequest) -> ColumnSet:
    flag = " · **NC Tape Head**" if request.nc_tape_head else ""
    details = [
        REQUEST_TYPE_LABELS[request.request_type],
        f"{request.quantity} ×",
        f"from {name_of(profile, request.requester_id)}",
        local_time(profile, request.created_at),
    ]
    text = Column(
        width="stretch",
        items=[
            TextBlock(text=f"**{request.number}** · {request.subject}{flag}", wrap=True),
            TextBlock(
                text=" · ".join(details), wrap=True, is_subtle=True, size="Small", spacing="None"
            ),
        ],
    )
    button = ExecuteAction(title="Open", verb=PARTS_OPEN, data={"number": request.number})
    return ColumnSet(
        columns=[text, Column(width="auto", items=[ActionSet(actions=[button])])],
        separator=True,
    )


def parts_queue_card(profile: Profile, requests: Sequence[PartsRequest]) -> dict:
    """The parts requests waiting for an answer, oldest first; each opens its answer form."""
    body: list[CardElement] = [heading(f"Parts requests waiting ({len(requests)})")]
    if not requests:
        body.append(note("Nothing is waiting for an answer."))
    body.extend(_row(profile, request) for request in requests[:QUEUE_LIMIT])
    if len(requests) > QUEUE_LIMIT:
        body.append(note(f"…and {len(requests) - QUEUE_LIMIT} more, oldest first."))
    return render(card(body))
