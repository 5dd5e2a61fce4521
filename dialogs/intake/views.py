"""The intake form as this desk shows it: the profile's fields, with BP Search's typeahead
unless the settings turn it off (a client without it, e.g. the Agents Playground)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bot.turn import Turn
from cards.intake import intake_form_card


def intake_form(
    turn: Turn,
    form_id: str,
    values: Mapping[str, Any] | None = None,
    errors: Mapping[str, str] | None = None,
    **options: Any,
) -> dict:
    """The intake card for `form_id` (options: `similar`, `notice`, as intake_form_card)."""
    services = turn.services
    typeahead = services.settings.intake_typeahead
    return intake_form_card(
        services.profile, form_id, values, errors, typeahead=typeahead, **options
    )
