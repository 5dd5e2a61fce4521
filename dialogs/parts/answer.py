"""Process 5, the owner's answer: checked, recorded once, quoted, and told.

The answer goes to the request, the quote to the order system, the card to the requester's
chat and, when the request names a ticket, a note to its timeline.
"""

from __future__ import annotations

from bot.turn import ActionResult, Turn
from cards.parts_requests import PARTS_ANSWER
from dialogs.parts.feature import feature
from dialogs.parts.inputs import AnswerInputs, check_owner_answer
from dialogs.parts.notices import tell_requester
from dialogs.parts.views import request_card
from dialogs.shared.tickets import refused
from services.parts import Order, PartsRequest, PartsRuleError, Quote
from services.profile import Capability
from services.tickets.rules import name_of


async def _record_quote(turn: Turn, request: PartsRequest) -> tuple[Order | None, str | None]:
    """Put the answer's quote in the order system; why it is not there, or None."""
    answer = request.answer
    assert answer is not None
    quote = Quote(answer.quote_number, answer.lines, answer.lead_time, request.number)
    try:
        return await turn.services.orders.record_quote(quote, turn.services.clock()), None
    except PartsRuleError as refusal:  # taken between the check and now: the answer stands
        return None, str(refusal)


@feature.action(PARTS_ANSWER, model=AnswerInputs, capability=Capability.ANSWER_PARTS)
async def answer(turn: Turn, data: AnswerInputs) -> ActionResult:
    """Record the answer and tell the requester; a refused answer keeps what was typed."""
    assert turn.caller is not None
    services, profile = turn.services, turn.services.profile
    request = await services.parts.get(data.number)
    if request is None:
        return refused(f"There is no parts request {data.number}.")
    if request.answer is not None:
        who = name_of(profile, request.answered_by or "")
        return ActionResult(card=await request_card(turn, request, f"Already answered by {who}."))
    typed = data.model_dump(exclude={"number"})
    checked, errors = await check_owner_answer(turn, typed)
    if checked is None:
        return ActionResult(card=await request_card(turn, request, None, typed, errors))
    try:
        answered = await services.parts.answer(request, checked, turn.caller.id, services.clock())
    except PartsRuleError as refusal:  # answered meanwhile, by someone else
        current = await services.parts.get(request.number) or request
        return ActionResult(card=await request_card(turn, current, str(refusal)))
    order, problem = await _record_quote(turn, answered)
    notes = await tell_requester(turn, answered, order)
    sent = f"Answer sent to {name_of(profile, answered.requester_id)}."
    headline = " ".join([sent, *([problem] if problem else []), *notes])
    return ActionResult(card=await request_card(turn, answered, headline))
