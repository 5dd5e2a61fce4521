"""The parts request form and the parts owner's answer, as field specs and server-side checks.

The cards are drawn from these specs and the server checks answers against the same specs
(services.forms), then adds what one field cannot say alone: a part number or a description,
a whole quantity, a price in dollars and cents.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from services.forms import check_answers
from services.parts.model import PartsAnswer, PartsDraft, RequestType
from services.profile import Choice, FieldKind, FieldRole, FormField, Profile

MAX_QUANTITY = 100_000
MAX_PRICE_CENTS = 10_000_000_00  # ten million dollars: anything above is a typo
_QUANTITY = f"Quantity is a whole number from 1 to {MAX_QUANTITY:,}."
_PART = r"^[A-Za-z0-9][A-Za-z0-9._/ -]{0,63}$"
_PART_ERROR = "Part numbers are up to 64 letters, digits, spaces or . _ / -."
_REFERENCE = r"^[A-Za-z0-9][A-Za-z0-9-]{1,31}$"
_SERIAL = "serial_number"

REQUEST_TYPE_CHOICES = (
    Choice(key=RequestType.QUOTE.value, label="Quote: price and lead time"),
    Choice(key=RequestType.IDENTIFICATION.value, label="Identify a part (find its number)"),
    Choice(key=RequestType.ORDER_STATUS.value, label="Order status"),
)

ANSWER_FIELDS = (
    FormField(
        id="identified_part",
        label="Part number",
        kind=FieldKind.TEXT,
        required=True,
        pattern=_PART,
        pattern_error=_PART_ERROR,
    ),
    FormField(
        id="price",
        label="Price each (USD)",
        kind=FieldKind.TEXT,
        required=True,
        placeholder="1,234.50",
    ),
    FormField(
        id="lead_time",
        label="Lead time",
        kind=FieldKind.TEXT,
        required=True,
        placeholder="In stock, 3 weeks, …",
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
            pattern=_PART,
            pattern_error=_PART_ERROR,
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
            range_error=_QUANTITY,
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
            placeholder="BP-1001",
            help="Each step then lands in that ticket's timeline.",
        ),
    )


def _quantity(value: Any) -> int | None:
    if isinstance(value, int) and 0 < value <= MAX_QUANTITY:
        return value
    return None


def check_request(profile: Profile, raw: Mapping[str, Any]) -> Checked:
    """The request form checked as the card checks it, plus what depends on the request type."""
    check = check_answers(profile, request_fields(profile), raw)
    values, errors = check.values, check.errors
    if "quantity" in values and _quantity(values["quantity"]) is None:
        errors["quantity"] = _QUANTITY
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


def price_cents(text: str) -> int:
    """Dollars as typed ("$1,234.5") in cents (123450); ValueError says what is wrong."""
    cleaned = text.strip().removeprefix("$").replace(",", "").strip()
    try:
        amount = Decimal(cleaned)
    except InvalidOperation:
        raise ValueError("Enter the price in dollars, like 1234.50.") from None
    if not amount.is_finite() or amount <= 0:
        raise ValueError("The price must be more than $0.")
    if amount != amount.quantize(Decimal("0.01")):
        raise ValueError("Give the price in dollars and cents (two decimals at most).")
    cents = int((amount * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    if cents > MAX_PRICE_CENTS:
        raise ValueError("That price is above $10,000,000: check the decimal point.")
    return cents


def check_answer(profile: Profile, raw: Mapping[str, Any]) -> Checked:
    """The parts owner's answer: every field is required; the price reads as dollars."""
    check = check_answers(profile, ANSWER_FIELDS, raw)
    values, errors = check.values, check.errors
    cents = 0
    if "price" in values:
        try:
            cents = price_cents(values["price"])
        except ValueError as problem:
            errors["price"] = str(problem)
    if errors:
        return Checked(errors=errors)
    answer = PartsAnswer(
        part_number=values["identified_part"],
        price_cents=cents,
        lead_time=values["lead_time"],
        quote_number=values["quote_number"].upper(),
    )
    return Checked(answer=answer)
