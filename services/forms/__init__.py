"""Profile-defined forms: answers checked on the server exactly as the card checks them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from services.forms.answers import FormCheck, check_answers

__all__ = ["FormCheck", "check_answers"]


def __getattr__(name: str) -> Any:
    # Loaded on first use: services.profile's field specs take their limits from
    # services.forms.bounds, and services.forms.answers imports services.profile.
    if name in __all__:
        from services.forms import answers

        return getattr(answers, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
