"""The help card: the commands the caller may use, rendered from the command registry."""

from __future__ import annotations

import re
from dataclasses import dataclass

from microsoft_teams.cards import Fact, FactSet, SubmitAction

from cards.render import card, heading, note, render

MAX_BUTTONS = 5  # Teams shows at most six actions; keep room and keep the card calm
_PLACEHOLDER = re.compile(r"<([^<>]+)>")


@dataclass(frozen=True)
class HelpEntry:
    """One command as the help card shows it."""

    usage: str
    summary: str
    button_text: str | None = None  # set when the command is offered as a one-click button


def readable_usage(usage: str, ticket_example: str | None = None) -> str:
    """`<ticket> <person>` as `BP-1001 ‹person›`: Teams reads `<word>` as HTML and drops it."""

    def spell(match: re.Match[str]) -> str:
        name = match.group(1)
        if name == "ticket" and ticket_example:
            return ticket_example
        return f"\u2039{name}\u203a"

    return _PLACEHOLDER.sub(spell, usage)


def type_it(text: str, title: str | None = None) -> SubmitAction:
    """A button that sends `text` as if the user had typed it (Teams' imBack)."""
    return SubmitAction(title=title or text, data={"msteams": {"type": "imBack", "value": text}})


def help_card(
    greeting: str,
    entries: list[HelpEntry],
    *,
    on_roster: bool,
    footer: str | None = None,
    buttons: list[str] | None = None,
) -> dict:
    """The help card for one caller; `buttons` orders the entries' buttons when given."""
    body = [heading("Support desk"), note(greeting, subtle=False)]
    if entries:
        body.append(FactSet(facts=[Fact(title=e.usage, value=e.summary) for e in entries]))
    if not on_roster:
        body.append(
            note(
                "You're not on the support roster yet. Ask the engineering manager to add you; "
                "`whoami` shows the details they need."
            )
        )
    if footer:
        body.append(note(footer))
    if buttons is None:
        buttons = [e.button_text for e in entries if e.button_text]
    return render(card(body, [type_it(text) for text in buttons[:MAX_BUTTONS]]))
