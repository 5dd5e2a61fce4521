"""The parts request form and the parts owner's answer, as field specs and server-side checks.

The cards are drawn from these specs and the server checks answers against the same specs
(services.forms), then adds what one field cannot say alone: a part number or a description,
a whole quantity, and the quote's lines (services.parts.lines).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from services.forms import check_answers
from services.parts.lines import (
    LINE_FORMAT,
    LINES_TEXT,
    MAX_LINES,
    MAX_QUANTITY,
    PART_ERROR,
    PART_PATTERN,
    QUANTITY_ERROR,
    parse_lines,
)
from services.parts.model import PartsAnswer, PartsDraft, QuoteLine, RequestType
from services.profile import Choice, FieldKind, FieldRole, FormField, Profile
from services.tickets import Ticket

_REFERENCE = r"^[A-Za-z0-9][A-Za-z0-9-]{1,31}$"
_SERIAL = "serial_number"

# The issue type whose parts are NC Tape Head parts: a form about such a ticket starts ticked.
NC_TAPE_HEAD_ISSUE = "nc_tape_head"

REQUEST_TYPE_CHOICES = (
    Choice(key=RequestType.QUOTE.value, label="Quote: price and lead time"),
    Choice(key=RequestType.IDENTIFICATION.value, label="Identify a part (find its number)"),
    Choice(key=RequestType.ORDER_STATUS.value, label="Order status"),
)

ANSWER_FIELDS = (
    FormField(
        id="lines",
        label="Quote lines",
        kind=FieldKind.MULTILINE,
        required=True,
        max_length=LINES_TEXT,
        help=f"One part a line, up to {MAX_LINES}: {LINE_FORMAT} (USD). "
        "Leave the description out if there is none.",
    ),
    FormField(
        id="lead_time",
        label="Lead time",
        kind=FieldKind.TEXT,
        required=True,
        placeholder="e.g. in stock, or 3 weeks from order",
    ),
    FormField(
        id="quote_number",
        label="Quote number",
        kind=FieldKind.TEXT,
        required=True,
        pattern=_REFERENCE,
        pattern_error="Quote numbers are 2–32 letters, digits or dashes.",
    ),
)


@dataclass
class Checked:
    """A checked form: the typed result, or per field id what is wrong (never both)."""

    errors: dict[str, str] = field(default_factory=dict)
    draft: PartsDraft | None = None
    answer: PartsAnswer | None = None


def _serial_field(profile: Profile) -> FormField:
    """The machine serial as the profile's intake asks it: same pattern, same message."""
    label = "Machine serial number"
    intake = profile.field_for(FieldRole.SERIAL_NUMBER)
    if intake is None:
        return FormField(id=_SERIAL, label=label, kind=FieldKind.TEXT)
    # Not required on the card: an order status look-up needs no serial (checked below).
    update = {"id": _SERIAL, "label": label, "required": False, "role": None}
    return intake.model_copy(update=update)


def serial_required(profile: Profile) -> bool:
    """Whether quotes and identifications need the serial (as intake needs it)."""
    intake = profile.field_for(FieldRole.SERIAL_NUMBER)
    return intake is not None and intake.required


def request_fields(profile: Profile) -> tuple[FormField, ...]:
    """The request form's fields, in the order the card asks them."""
    return (
        FormField(
            id="request_type",
            label="What do you need?",
            kind=FieldKind.CHOICE,
            required=True,
            choices=REQUEST_TYPE_CHOICES,
        ),
        FormField(
            id="part_number",
            label="Part number",
            kind=FieldKind.TEXT,
            pattern=PART_PATTERN,
            pattern_error=PART_ERROR,
            help="Leave it empty if unknown and describe the part below.",
        ),
        FormField(
            id="description",
            label="Description",
            kind=FieldKind.MULTILINE,
            placeholder="What it looks like, where it sits on the machine, any marking",
        ),
        FormField(
            id="quantity",
            label="Quantity",
            kind=FieldKind.NUMBER,
            required=True,
            minimum=1,
            maximum=MAX_QUANTITY,
            range_error=QUANTITY_ERROR,
        ),
        _serial_field(profile),
        FormField(
            id="nc_tape_head",
            label="NC Tape Head part (special handling)",
            kind=FieldKind.TOGGLE,
        ),
        FormField(
            id="order_reference",
            label="Order or quote number",
            kind=FieldKind.TEXT,
            pattern=_REFERENCE,
            pattern_error="Order and quote numbers are 2–32 letters, digits or dashes.",
            help="For an order status.",
        ),
        FormField(
            id="ticket",
            label="Ticket (optional)",
            kind=FieldKind.TEXT,
            placeholder="Ticket number, e.g. BP-1001",
            help="Each step then lands in that ticket's timeline.",
        ),
    )


def ticket_values(ticket: Ticket) -> dict[str, Any]:
    """What a form about `ticket` starts with: its number, serial, and the NC Tape Head box."""
    return {
        "ticket": ticket.number,
        "serial_number": ticket.serial_number,
        "nc_tape_head": ticket.issue_type == NC_TAPE_HEAD_ISSUE,
    }


def _quantity(value: Any) -> int | None:
    if isinstance(value, int) and 0 < value <= MAX_QUANTITY:
        return value
    return None


def check_request(profile: Profile, raw: Mapping[str, Any]) -> Checked:
    """The request form checked as the card checks it, plus what depends on the request type."""
    check = check_answers(profile, request_fields(profile), raw)
    values, errors = check.values, check.errors
    if "quantity" in values and _quantity(values["quantity"]) is None:
        errors["quantity"] = QUANTITY_ERROR
    kind = values.get("request_type")
    if kind == RequestType.ORDER_STATUS:
        if "order_reference" not in values and "order_reference" not in errors:
            errors["order_reference"] = "Give the order or quote number to look up."
    elif kind is not None:
        if not values.get("part_number") and not values.get("description"):
            errors.setdefault("part_number", "Give the part number, or describe the part.")
        if serial_required(profile) and _SERIAL not in values:
            errors.setdefault(_SERIAL, "Machine serial number is required.")
    if errors:
        return Checked(errors=errors)
    draft = PartsDraft(
        request_type=RequestType(values["request_type"]),
        quantity=values["quantity"],
        part_number=values.get("part_number"),
        description=values.get("description"),
        serial_number=values.get(_SERIAL),
        nc_tape_head=bool(values.get("nc_tape_head", False)),
        ticket_number=values.get("ticket"),
        order_reference=(values.get("order_reference") or "").upper() or None,
    )
    return Checked(draft=draft)


def check_answer(profile: Profile, raw: Mapping[str, Any]) -> Checked:
    """The parts owner's answer: every field is required; each quote line is checked."""
    check = check_answers(profile, ANSWER_FIELDS, raw)
    values, errors = check.values, check.errors
    lines: tuple[QuoteLine, ...] = ()
    if "lines" in values:
        lines, problems = parse_lines(values["lines"])
        if problems:
            errors["lines"] = " ".join(problems)
    if errors:
        return Checked(errors=errors)
    answer = PartsAnswer(
        lines=lines,
        lead_time=values["lead_time"],
        quote_number=values["quote_number"].upper(),
    )
    return Checked(answer=answer)
