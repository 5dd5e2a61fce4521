"""Intake's BP Search typeaheads: the serial number and company inputs list what the installed
base holds as the person types (datasets bp.machines and bp.customers).

Each choice's value carries the record (services.installed_base.picks), so filing knows which
machine and customer were picked. A filtered ChoiceSet sends nothing for text that matches no
choice (Microsoft's reference renderers refuse it), so the last choice is always what was
typed, as typed: a machine that is not in the installed base can still be filed.
"""

from __future__ import annotations

from bot.search import MOST_CHOICES, SearchChoice, SearchQuery
from bot.turn import Turn
from cards.intake import CUSTOMERS, MACHINES
from dialogs.intake.feature import feature
from services.installed_base.picks import (
    customer_title,
    customer_value,
    machine_title,
    machine_value,
    read_pick,
    typed_title,
)


def _with_typed(found: list[SearchChoice], text: str, exact: bool) -> list[SearchChoice]:
    """The matches, and what was typed as a choice of its own unless it matched exactly."""
    if exact or not text or read_pick(text) is not None:
        return found[:MOST_CHOICES]
    return [*found[: MOST_CHOICES - 1], SearchChoice(title=typed_title(text), value=text)]


@feature.search(MACHINES)
async def machines(turn: Turn, query: SearchQuery) -> list[SearchChoice]:
    """Machines whose serial starts with the text, or whose customer's name contains it."""
    if query.skip:
        return []  # one page: the closest 15 are what a person picks from
    found = await turn.services.typeahead.machines(turn.caller.id, query.text)
    exact = any(m.serial.casefold() == query.text.casefold() for m in found)
    choices = [SearchChoice(machine_title(m), machine_value(m)) for m in found]
    return _with_typed(choices, query.text, exact)


@feature.search(CUSTOMERS)
async def customers(turn: Turn, query: SearchQuery) -> list[SearchChoice]:
    """Customers whose name contains the text."""
    if query.skip:
        return []
    found = await turn.services.typeahead.customers(turn.caller.id, query.text)
    exact = any(c.name.casefold() == query.text.casefold() for c in found)
    choices = [SearchChoice(customer_title(c), customer_value(c)) for c in found]
    return _with_typed(choices, query.text, exact)
