"""Pulling a team in on a ticket: a button per team, and who helps on it."""

from __future__ import annotations

from collections.abc import Sequence

from microsoft_teams.cards import (
    ActionSet,
    CardElement,
    Container,
    ExecuteAction,
    Fact,
    FactSet,
    ShowCardAction,
    TextBlock,
    TextInput,
)

from cards.documentation import shown_on
from cards.fit import fact_pairs
from cards.render import card, note
from services.forms.bounds import REASON, characters

INVOLVE = "team.involve"  # pull the team named in the data in as helpers


def involve_form(
    number: str,
    teams: Sequence[tuple[str, str]],
    suggested: str | None = None,
    on: str = "ticket",
) -> ShowCardAction:
    """'Pull in a team': what is asked of them, then a button per (key, label) team, the one
    the ticket's answers route to first and marked; `on`: the card it is part of."""
    ordered = sorted(teams, key=lambda team: team[0] != suggested)
    buttons = [
        ExecuteAction(
            title=f"{label} (suggested)" if key == suggested else label,
            verb=INVOLVE,
            data={**shown_on(number, on), "team": key},
            style="positive" if key == suggested else None,
        )
        for key, label in ordered
    ]
    form = card(
        [
            TextInput(
                id="ask",
                label="What do you need from them?",
                is_multiline=True,
                max_length=REASON,
                placeholder=characters(REASON).capitalize(),
            ),
            note(
                "Their people are told in Teams and see the ticket in `my tickets`; you stay "
                "its owner."
            ),
        ],
        buttons,
    )
    return ShowCardAction(title="Pull in a team", card=form)


def involvement_section(pull_in: ShowCardAction) -> list[CardElement]:
    """'Pull in a team' on its own, for a desk that does not put documentation first."""
    items: list[CardElement] = [
        TextBlock(text="Need another team?", weight="Bolder", wrap=True),
        ActionSet(actions=[pull_in]),
    ]
    return [Container(items=items, spacing="Medium")]


def helpers_section(helping: Sequence[tuple[str, str]]) -> list[CardElement]:
    """Who helps on the ticket: (team label, people's names) pairs; nothing without helpers."""
    if not helping:
        return []
    facts = [Fact(title=k, value=v) for k, v in fact_pairs(list(helping))]
    return [
        TextBlock(text="Helping", weight="Bolder", spacing="Medium", wrap=True),
        FactSet(facts=facts, spacing="Small"),
    ]
