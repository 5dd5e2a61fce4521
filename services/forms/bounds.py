"""The size of everything a person can type or a card can send back, in one place.

Card models (dialogs), form specs (services.forms) and the cards' inputs all take their numbers
from here, so a form shows the limit the server enforces. Card data is written by the client:
`maxLength` on an input is a hint, these types are the check.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidatorFunctionWrapHandler,
    WrapValidator,
    model_validator,
)
from pydantic_core import PydanticCustomError

KEY = 64  # an id or choice key a card sends back: a person, a status, a channel
REFERENCE = 32  # a ticket, request or quote number as typed
LINE = 255  # one line of text: a name, a machine model, a part number
REASON = 1000  # a sentence or two: why, a question
TEXT = 4000  # a note, a description, a summary: anything longer belongs in an attachment
LINK = 1024  # a web address sent to a customer: as long as a KB article's page is stored
MINUTES = (1, 1440)  # minutes worked logged with one note: at most a day
NUMBERS = (0, 1_000_000)  # a form's number field that names no range of its own
LARGEST_ID = 2**31 - 1  # the largest row id both databases store
PAGES = 10_000  # far beyond any real timeline; only bounds what a card may ask for
INPUTS = 64  # inputs on one form: every form of the bot has far fewer


def characters(limit: int) -> str:
    """The limit as a form shows it: "up to 4,000 characters"."""
    return f"up to {limit:,} characters"


def too_long(text: str, limit: int) -> str | None:
    """Why `text` is refused, or None when it fits."""
    if len(text) <= limit:
        return None
    return f"Keep it to {limit:,} characters (this has {len(text):,})."


def overlong(what: str, text: str, limit: int) -> str | None:
    """Why typed text is refused for being too long ("That note is too long…"), else None."""
    problem = too_long(text, limit)
    return f"That {what} is too long, so nothing was saved. {problem}" if problem else None


def cut(text: str, limit: int) -> str:
    """`text` cut to `limit` characters, ending in "…" when cut: a pre-fill the form accepts."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _worded(explain: Callable[[Any], str]) -> WrapValidator:
    """Replace pydantic's wording with a sentence a person acts on (dispatch names the field)."""

    def validate(value: Any, handler: ValidatorFunctionWrapHandler) -> Any:
        try:
            return handler(value)
        except ValidationError:
            raise PydanticCustomError("out_of_bounds", explain(value)) from None

    return WrapValidator(validate)


def _text(limit: int, other: str | None = None) -> WrapValidator:
    def explain(value: Any) -> str:
        if isinstance(value, str):
            return too_long(value, limit) or "This cannot be empty."
        return other or f"Send text, {characters(limit)}."

    return _worded(explain)


def _whole(low: int, high: int, what: str) -> WrapValidator:
    return _worded(lambda _: f"Enter {what} as a whole number from {low:,} to {high:,}.")


Key = Annotated[str, Field(max_length=KEY), _text(KEY)]
ChoiceKey = Annotated[str, Field(min_length=1, max_length=KEY), _text(KEY)]  # one must be picked
Reference = Annotated[str, Field(min_length=1, max_length=REFERENCE), _text(REFERENCE)]
Line = Annotated[str, Field(max_length=LINE), _text(LINE)]
Reason = Annotated[str, Field(max_length=REASON), _text(REASON)]
LongText = Annotated[str, Field(max_length=TEXT), _text(TEXT)]
Link = Annotated[str, Field(max_length=LINK), _text(LINK)]
FormId = Annotated[str, Field(min_length=8, max_length=KEY, pattern=r"^[A-Za-z0-9-]+$")]
Minutes = Annotated[
    int, Field(ge=MINUTES[0], le=MINUTES[1]), _whole(*MINUTES, "the minutes worked")
]
RecordId = Annotated[int, Field(ge=1, le=LARGEST_ID), _whole(1, LARGEST_ID, "the id")]
Page = Annotated[int, Field(ge=1, le=PAGES), _whole(1, PAGES, "the page")]

# A form's input before the server checks it against its field spec (services.forms): the
# widest any field allows, so the spec's own, narrower limit is reported beside the field.
FormText = LongText
FormAnswer = Annotated[
    bool
    | Annotated[int, Field(ge=-(10**15), le=10**15)]
    | Annotated[float, Field(ge=-(10**15), le=10**15, allow_inf_nan=False)]
    | Annotated[str, Field(max_length=TEXT)]
    | None,
    _text(TEXT, "Send text, a number or yes/no."),
]


class FormInputs(BaseModel):
    """A card whose inputs are checked against field specs: any input id, each one bounded."""

    model_config = ConfigDict(extra="allow", json_schema_extra={"maxProperties": INPUTS})
    __pydantic_extra__: dict[str, FormAnswer] = Field(init=False)

    @model_validator(mode="before")
    @classmethod
    def _few_inputs(cls, data: Any) -> Any:
        if isinstance(data, dict) and len(data) > INPUTS:
            raise PydanticCustomError(
                "too_many_inputs", "A form has at most {most} inputs.", {"most": INPUTS}
            )
        return data

    @property
    def answers(self) -> dict[str, Any]:
        """The inputs, as typed."""
        return dict(self.model_extra or {})
