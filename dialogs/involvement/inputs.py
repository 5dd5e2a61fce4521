"""What an involvement names: the team's button with what is asked, or the typed command."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from dialogs.shared.tickets import TicketRef
from services.forms.bounds import REASON, ChoiceKey, Reason, overlong
from services.numbers import split_ticket_ref
from services.profile import Profile, Team
from services.tickets.numbering import number_prefix


class InvolveInputs(TicketRef):
    """A team's button under 'Pull in a team': the team, what is asked of it, the card it was
    on."""

    team: ChoiceKey
    ask: Reason = ""
    card: Literal["ticket", "triage"] = "ticket"


@dataclass(frozen=True)
class TypedInvolvement:
    """`involve <ticket> <team> [what you need]`, split into its words."""

    ticket: str
    team: str
    ask: str


def usage(prefix: str) -> str:
    """How the command is typed, with the desk's own ticket numbers."""
    return (
        f"Use: involve {prefix}-1001 devops, or involve {prefix}-1001 devops "
        "<what you need from them>."
    )


def parse_involve(args: str, profile: Profile) -> tuple[TypedInvolvement | None, str | None]:
    """The typed command's parts, or what is wrong with them; a team is named by its key or
    its label, several words long or not ("bundle support")."""
    ticket, rest = split_ticket_ref(args)
    team, ask = _team_and_ask(profile, rest)
    if not ticket or not team:
        return None, usage(number_prefix(profile))
    problem = overlong("request", ask, REASON)
    if problem:
        return None, problem
    return TypedInvolvement(ticket, team, ask), None


def _team_and_ask(profile: Profile, rest: str) -> tuple[str, str]:
    """The longest team name `rest` starts with, and what follows; else its first word."""
    folded = rest.casefold()
    names = sorted(
        (name for t in profile.teams for name in (t.key, t.label.casefold())), key=len, reverse=True
    )
    for name in names:
        if folded.startswith(name) and folded[len(name) : len(name) + 1] in ("", " "):
            return rest[: len(name)], rest[len(name) :].strip()
    team, _, ask = rest.partition(" ")
    return team, ask.strip()


def team_named(profile: Profile, name: str) -> Team | None:
    """The profile's team with this key or label, any case ("devops", "DevOps")."""
    wanted = " ".join(name.split()).casefold()
    return next((t for t in profile.teams if wanted in (t.key, t.label.casefold())), None)


def team_list(profile: Profile) -> str:
    """The teams as `involve` takes them: "DevOps (devops), Engineering (engineering)"."""
    return ", ".join(f"{t.label} ({t.key})" for t in profile.teams)
