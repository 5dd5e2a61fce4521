"""What an assignment names: the Assign form's inputs, or the typed `assign` command's words."""

from __future__ import annotations

from dataclasses import dataclass

from dialogs.shared.tickets import TicketRef
from services.forms.bounds import REASON, Key, Reason, overlong
from services.numbers import split_ticket_ref
from services.profile import Person, Profile

USAGE = "Use: assign BP-1001 kevin, or assign BP-1001 jordan <why, when they don't fit>."


class AssignInputs(TicketRef):
    """Assign: the person picked on the card and, when they don't fit, why anyway."""

    assignee: Key = ""
    override_reason: Reason = ""


@dataclass(frozen=True)
class TypedAssignment:
    """`assign <ticket> <person> [reason]`, split into its words."""

    ticket: str
    person: str
    reason: str


def parse_assign(args: str) -> tuple[TypedAssignment | None, str | None]:
    """The typed command's parts, or what is wrong with them."""
    ticket, rest = split_ticket_ref(args)
    parts = [ticket, *rest.split(maxsplit=1)]
    if len(parts) < 2:
        return None, USAGE
    reason = parts[2] if len(parts) > 2 else ""
    problem = overlong("reason", reason, REASON)
    if problem:
        return None, problem
    return TypedAssignment(parts[0], parts[1], reason), None


def person_named(profile: Profile, name: str) -> Person | None:
    """The roster person with this id or name (any case), if any."""
    wanted = name.strip().casefold()
    return next((p for p in profile.roster if wanted in (p.id, p.name.casefold())), None)
