"""What a look-up asks for: a machine's serial, a sales order's number, or a customer's name.

Typed text is classified by its shape; the message extension's commands name the kind outright.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from services.forms.bounds import too_long

MAX_QUERY = 100  # a serial, an order number or a company name: far shorter than this
USAGE = (
    "Give a serial number (SN-20481), a sales order (SO-1042) or a customer's name: "
    "`lookup SN-20481`, `lookup SO-1042`, `lookup Acme Foods`."
)

# "SO-1042", "so 1042", "SO#1042", "sales order 1042": NetSuite's sales order numbers.
_ORDER = re.compile(r"^(?:so|sales\s*order)\s*[#:-]?\s*(\d{1,12})$", re.IGNORECASE)
_DIGITS = re.compile(r"^#?(\d{1,12})$")  # "1042" in the extension's Order command
# One token with a digit in it, like SN-20481 or BP7731A; a name with a digit ("7-Eleven") that
# no machine has is searched as a customer after all (services.bp_search.service).
_SERIAL = re.compile(r"^(?=\S*\d)[A-Za-z0-9][A-Za-z0-9._/-]{2,63}$")


class Kind(StrEnum):
    """What is looked up; the values are the message extension's command ids."""

    MACHINE = "machine"
    CUSTOMER = "customer"
    ORDER = "order"


class QueryError(ValueError):
    """The text cannot be looked up: empty or too long; the message says what to type."""


@dataclass(frozen=True)
class Query:
    """A look-up's kind and its text, white space folded (an order number normalized)."""

    kind: Kind
    text: str


def classify(text: str, kind: Kind | None = None) -> Query:
    """The query `text` makes; `kind` when the caller already knows it (the extension's command).

    QueryError, in words, for empty or overlong text.
    """
    words = " ".join(text.split())
    if not words:
        raise QueryError(USAGE)
    problem = too_long(words, MAX_QUERY)
    if problem:
        raise QueryError(f"That is too long to look up. {problem}")
    order = _ORDER.match(words) or (_DIGITS.match(words) if kind is Kind.ORDER else None)
    if kind is Kind.ORDER or (kind is None and order):
        return Query(Kind.ORDER, f"SO-{order.group(1)}" if order else words)
    if kind is Kind.MACHINE or (kind is None and _SERIAL.match(words)):
        return Query(Kind.MACHINE, words)
    return Query(Kind.CUSTOMER, words)
