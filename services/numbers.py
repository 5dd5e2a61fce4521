"""Numbers people type (ticket, article, request ids), bounded before they reach int() or SQL."""

# The largest id a 32-bit INTEGER column holds (PostgreSQL's `integer`).
MAX_ID = 2**31 - 1
# Python refuses int() on more than 4,300 digits; ten already exceed MAX_ID.
_MAX_DIGITS = 10


def parse_id(digits: str) -> int | None:
    """The number written in `digits`, or None when it is not one an id column can hold."""
    if not digits.isascii() or not digits.isdigit() or len(digits.lstrip("0")) > _MAX_DIGITS:
        return None
    value = int(digits)
    return value if value <= MAX_ID else None
