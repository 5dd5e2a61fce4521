"""Intake's "Fill from BP Search": the form comes back with what the installed base knows
about the machine (or customer) named in it, and every other answer as it was typed.

Nothing found, or BP Search not answering within the profile's timeout, brings the form back
as it was, with a line saying so: nothing typed is lost.
"""

from __future__ import annotations

import asyncio

from bot.turn import ActionResult, Turn
from cards.intake import FILL_VERB
from dialogs.intake.feature import feature
from dialogs.intake.inputs import IntakeFill
from dialogs.intake.views import intake_form
from services.installed_base import Customer, Machine, SourceUnavailable
from services.installed_base.picks import as_typed
from services.installed_base.prefill import find_customer, find_machine, prefill
from services.profile import FieldRole

NO_ANSWER = (
    "BP Search ({source}) did not answer in time, so nothing was filled. Try again in a "
    "moment, or type the details."
)
LOOKED_UP = {"machine": FieldRole.SERIAL_NUMBER, "customer": FieldRole.COMPANY}


async def _look_up(turn: Turn, data: IntakeFill) -> tuple[Machine | None, Customer | None]:
    base = turn.services.installed_base
    spec = turn.services.profile.field_for(LOOKED_UP[data.source])
    value = data.answers.get(spec.id) if spec else None
    if data.source == "customer":
        return None, await find_customer(base, value)
    machine = await find_machine(base, value)
    customer = await base.customer(machine.customer_ref) if machine is not None else None
    return machine, customer


def _nothing_found(turn: Turn, data: IntakeFill) -> str:
    spec = turn.services.profile.field_for(LOOKED_UP[data.source])
    label = spec.label if spec else data.source
    typed = str((as_typed(data.answers.get(spec.id)) if spec else "") or "").strip()
    if not typed:
        return f"Type or pick a {label.lower()} first, then press Fill from BP Search."
    return f"Nothing in BP Search matches {label.lower()} “{typed}”: the form is as you left it."


@feature.action(FILL_VERB, model=IntakeFill)
async def fill(turn: Turn, data: IntakeFill) -> ActionResult:
    """Fill the form from the picked (or exactly typed) machine or customer."""
    profile = turn.services.profile
    source = turn.services.installed_base.source

    def form(answers: dict, notice: str) -> ActionResult:
        return ActionResult(card=intake_form(turn, data.form_id, answers, notice=notice))

    try:
        async with asyncio.timeout(profile.bp_search.timeout_seconds):
            machine, customer = await _look_up(turn, data)
    except (TimeoutError, SourceUnavailable):
        return form(data.answers, NO_ANSWER.format(source=source))
    if machine is None and customer is None:
        return form(data.answers, _nothing_found(turn, data))
    filled = prefill(profile, data.answers, machine, customer)
    labels = [profile.intake_field(i).label for i in filled.changed]
    said = ", ".join(labels) if labels else "nothing new: the form already says what it knows"
    return form(filled.answers, f"Filled from BP Search ({source}): {said}.")
