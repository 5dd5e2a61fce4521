"""A quote's lines as the parts owner types them, one per line, and as the database keeps them.

A line reads "part number; description; quantity; price each" (the description may be left
out: "4471-220B; 2; 120.50"). Every line is checked and every problem named with its line
number, so a refused answer says exactly what to fix and keeps what was typed.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from services.forms.bounds import LINE
from services.parts.model import QuoteLine

MAX_LINES = 20  # a quote longer than this is a parts list: attach it to the ticket instead
MAX_QUANTITY = 100_000
MAX_PRICE_CENTS = 10_000_000_00  # ten million dollars: anything above is a typo
LINES_TEXT = 2_000  # the lines input's maxLength: MAX_LINES lines of about 100 characters
PART_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._/ -]{0,63}$"
PART_ERROR = "Part numbers are up to 64 letters, digits, spaces or . _ / -."
QUANTITY_ERROR = f"Quantity is a whole number from 1 to {MAX_QUANTITY:,}."
LINE_FORMAT = "part number; description; quantity; price each"
_PART = re.compile(PART_PATTERN)
_QUANTITY = re.compile(r"^\d{1,7}$")


def price_cents(text: str) -> int:
    """Dollars as typed ("$1,234.5") in cents (123450); ValueError says what is wrong."""
    cleaned = text.strip().removeprefix("$").replace(",", "").strip()
    try:
        amount = Decimal(cleaned)
    except InvalidOperation:
        raise ValueError("enter the price in dollars, like 1234.50") from None
    if not amount.is_finite() or amount <= 0:
        raise ValueError("the price must be more than $0")
    if amount != amount.quantize(Decimal("0.01")):
        raise ValueError("give the price in dollars and cents (two decimals at most)")
    cents = int((amount * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    if cents > MAX_PRICE_CENTS:
        raise ValueError("that price is above $10,000,000: check the decimal point")
    return cents


def _line(text: str) -> QuoteLine:
    """One typed line as a QuoteLine; ValueError says what is wrong with it."""
    fields = [field.strip() for field in text.split(";")]
    if len(fields) not in (3, 4):
        raise ValueError(f"write it as “{LINE_FORMAT}”, separated by semicolons")
    part, quantity, price = fields[0], fields[-2], fields[-1]
    description = fields[1] if len(fields) == 4 else ""
    if not _PART.match(part):
        raise ValueError("part numbers are up to 64 letters, digits, spaces or . _ / -")
    if len(description) > LINE:
        raise ValueError(f"the description is longer than {LINE} characters")
    if not _QUANTITY.match(quantity) or not 0 < int(quantity) <= MAX_QUANTITY:
        raise ValueError(f"quantity is a whole number from 1 to {MAX_QUANTITY:,}")
    return QuoteLine(part, int(quantity), price_cents(price), description or None)


def parse_lines(text: str) -> tuple[tuple[QuoteLine, ...], list[str]]:
    """The quote's lines, or (nothing, a sentence per line that is wrong); blank lines skipped."""
    typed = [(n, line) for n, line in enumerate(text.splitlines(), start=1) if line.strip()]
    if not typed:
        return (), [f"Give at least one line: {LINE_FORMAT}."]
    if len(typed) > MAX_LINES:
        return (), [f"A quote has at most {MAX_LINES} lines; this one has {len(typed)}."]
    lines, problems = [], []
    for number, line in typed:
        try:
            lines.append(_line(line))
        except ValueError as problem:
            problems.append(f"Line {number}: {problem}.")
    return (tuple(lines), []) if not problems else ((), problems)


def typed_lines(lines: Sequence[QuoteLine]) -> str:
    """Lines as the answer form shows them: the same text parse_lines reads back."""
    return "\n".join(
        "; ".join([line.part_number, line.description or "", str(line.quantity), _dollars(line)])
        for line in lines
    )


def first_line(part_number: str | None, description: str | None, quantity: int) -> str:
    """The answer form's start: the part asked for and how many; the owner adds the price."""
    words = (description or "").strip().splitlines()
    said = words[0][:80].replace(";", ",") if words else ""
    return f"{part_number or ''}; {said}; {quantity}; "


def _dollars(line: QuoteLine) -> str:
    return f"{line.price_cents // 100}.{line.price_cents % 100:02d}"


def lines_json(lines: Sequence[QuoteLine]) -> list[dict[str, Any]]:
    """Lines as the database's JSON column keeps them."""
    return [
        {
            "part_number": line.part_number,
            "description": line.description,
            "quantity": line.quantity,
            "price_cents": line.price_cents,
        }
        for line in lines
    ]


def lines_from_json(stored: Sequence[Mapping[str, Any]] | None) -> tuple[QuoteLine, ...]:
    """Lines read back from the JSON column."""
    return tuple(
        QuoteLine(
            part_number=item["part_number"],
            quantity=int(item["quantity"]),
            price_cents=int(item["price_cents"]),
            description=item.get("description"),
        )
        for item in stored or ()
    )
