"""The closure process's card inputs, and the closure card's answers checked on the server as
the card checks them, then turned into the workflow commands that resolve the ticket.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.turn import Turn
from cards.closure import ASK, CLOSURE_FIELDS, CONFIRMED
from dialogs.shared.tickets import Command, TicketRef, chained, now
from services.forms import check_answers
from services.forms.bounds import FormText, Key, Line, LongText
from services.profile import Profile
from services.tickets import Confirmation, ConfirmationChannel, ReopenSource
from services.tickets.closure import RccaRecord
from services.tickets.workflow import close, resolve


class ClosureInputs(TicketRef):
    """The closure card's inputs, as the client sent them (checked by `check_closure`)."""

    summary: FormText | None = None
    root_cause: FormText | None = None
    confirmation: Key | None = None
    confirmed_by: FormText | None = None
    confirmed_via: Key | None = None
    kb_article: bool | Key | None = None


class ConfirmInputs(TicketRef):
    """The Customer confirmed form: who at the customer confirmed the fix, and how."""

    confirmed_by: Line = ""
    confirmed_via: Key = ""


class ReopenInputs(TicketRef):
    """The Reopen form: why, who found it (staff or a customer report) and who reported it."""

    reason: LongText = ""
    source: Key = ReopenSource.STAFF.value
    reported_by: Line | None = None


@dataclass(frozen=True)
class Closure:
    """A checked closure form; `confirmation` None means "ask the customer and wait"."""

    summary: str
    root_cause: str
    kb_article: bool
    confirmation: Confirmation | None


def check_closure(profile: Profile, inputs: ClosureInputs) -> tuple[Closure | None, dict[str, str]]:
    """The form checked on the server as the card checks it, plus who/how when confirmed."""
    check = check_answers(profile, CLOSURE_FIELDS, inputs.model_dump(exclude={"number"}))
    values, errors = check.values, check.errors
    if values.get("confirmation") == CONFIRMED:
        # Required only with a confirmation, which Adaptive Cards 1.5 inputs cannot express.
        if "confirmed_by" not in values:
            errors.setdefault("confirmed_by", "Say who at the customer confirmed the fix.")
        if "confirmed_via" not in values:
            errors.setdefault("confirmed_via", "Say how the customer confirmed it.")
    if errors:
        return None, errors
    confirmation = None
    if values["confirmation"] != ASK:
        via = ConfirmationChannel(values["confirmed_via"])
        confirmation = Confirmation(confirmed_by=values["confirmed_by"], via=via)
    kb_article = bool(values.get("kb_article", False))
    return Closure(values["summary"], values["root_cause"], kb_article, confirmation), {}


def resolution(turn: Turn, form: Closure, rcca: RccaRecord | None = None) -> Command:
    """Resolve as the form says and, with the customer's confirmation, close in the same save.

    An escalated ticket needs its RCCA (`rcca`) to be resolved.
    """
    assert turn.caller is not None
    actor, profile, at = turn.caller.id, turn.services.profile, now(turn)
    steps: list[Command] = [
        lambda t: resolve(
            t,
            actor,
            profile,
            at,
            form.summary,
            root_cause=form.root_cause,
            kb_article=form.kb_article,
            confirmation_requested=form.confirmation is None,
            rcca=rcca,
        )
    ]
    if form.confirmation is not None:
        steps.append(lambda t: close(t, actor, profile, at, confirmation=form.confirmation))
    return chained(*steps)
