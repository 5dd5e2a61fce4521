"""The help card: the commands the caller may use, rendered from the command registry."""

from __future__ import annotations

from dataclasses import dataclass

from microsoft_teams.cards import Fact, FactSet, SubmitAction

from cards.render import card, heading, note, render

MAX_BUTTONS = 5  # Teams shows at most six actions; keep room and keep the card calm


@dataclass(frozen=True)
class HelpEntry:
    """One command as the help card shows it."""

    usage: str
    summary: str
    button_text: str | None = None  # set when the command is offered as a one-click button


def type_it(text: str, title: str | None = None) -> SubmitAction:
    """A button that sends `text` as if the user had typed it (Teams' imBack)."""
    return SubmitAction(title=title or text, data={"msteams": {"type": "imBack", "value": text}})


def help_card(
    greeting: str, entries: list[HelpEntry], *, on_roster: bool, footer: str | None = None
) -> dict:
    """The help card for one caller."""
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
    buttons = [type_it(e.button_text) for e in entries if e.button_text][:MAX_BUTTONS]
    return render(card(body, buttons))
