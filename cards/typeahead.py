"""A form input that searches as the person types (Teams' dynamic typeahead), and the button
that fills the form from what was picked.

The input is an Input.ChoiceSet with `style: filtered` and `choices.data` (a Data.Query naming
a dataset): Teams sends an `application/search` invoke as the person types and lists the
choices the bot answers. A filtered ChoiceSet sends only a choice's value, never text that
matches no choice, so the bot's answer always offers what was typed as a choice of its own
(services.installed_base.picks). The current value is listed as a static choice so a form
that comes back shows it, and so do clients without dynamic typeahead.
"""

from __future__ import annotations

from typing import Any

from microsoft_teams.cards import ActionSet, ChoiceSetInput, ExecuteAction, QueryData
from microsoft_teams.cards import Choice as CardChoice

from services.installed_base.picks import read_pick
from services.profile import FormField

FILL_TITLE = "Fill from BP Search"


def typeahead_input(
    spec: FormField, value: Any, dataset: str, placeholder: str, label: str | None = None
) -> ChoiceSetInput:
    """The field as a typeahead over `dataset`, showing `value` (a pick or typed text)."""
    current = None if value in (None, "") else str(value)
    if current is not None and read_pick(current) is None:
        # Typed text longer than the field allows is cut, as the text inputs do: the card stays
        # small and can be sent again, and the field's error says why.
        current = current[: spec.text_limit]
    pick = read_pick(current)
    title = pick.text if pick is not None else current
    choices = [CardChoice(title=title, value=current)] if current else []
    return ChoiceSetInput(
        id=spec.id,
        label=label or spec.label,
        choices=choices,
        choices_data=QueryData(dataset=dataset),
        style="filtered",
        value=current,
        placeholder=placeholder,
        error_message=f"Pick one of the matches, or what you typed, for {spec.label}.",
    )


def fill_button(verb: str, data: dict[str, Any]) -> ActionSet:
    """ "Fill from BP Search" under an input: sends the form's inputs with `data` to `verb`."""
    action = ExecuteAction(title=FILL_TITLE, verb=verb, data=data, associated_inputs="auto")
    return ActionSet(actions=[action], spacing="Small")
