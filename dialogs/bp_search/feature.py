"""BP Search's command and card verb: `lookup <serial | customer | order>` and a list's pick."""

from __future__ import annotations

from bot.router import Feature
from bot.turn import ActionResult, Turn
from cards.bp_search_list import PICK
from dialogs.bp_search.inputs import Pick
from dialogs.bp_search.views import answer_cards, hit_card, nothing_found
from dialogs.shared.tickets import now, refused, ticket_number
from services.bp_search import USAGE, QueryError
from services.profile import FieldRole, Profile

feature = Feature("bp_search")


def keeps_machines(profile: Profile) -> str | None:
    """BP Search is about machines: a desk whose intake asks for none has nothing to look up."""
    if profile.field_for(FieldRole.SERIAL_NUMBER) or profile.field_for(FieldRole.MACHINE_MODEL):
        return None
    return f"The {profile.company} desk keeps no machines"


@feature.command(
    "lookup",
    usage="<serial | customer | order>",
    aliases=("bp", "search"),
    help="BP Search: a machine, customer or sales order, with its tickets here",
    serves=keeps_machines,
)
async def lookup(turn: Turn, args: str) -> None:
    """Answer with one card per hit, a list to pick from, or what to type instead."""
    if not args.strip():
        await turn.say(USAGE)
        return
    bp, at = turn.services.bp_search, now(turn)
    try:
        answer = await bp.lookup(args, at)
    except QueryError as problem:
        await turn.say(str(problem))
        return
    if answer.empty:
        await turn.say(nothing_found(bp, answer, at) + await _a_ticket(turn, args))
        return
    for card, summary in answer_cards(turn.services.profile, bp, answer, at):
        await turn.send_card(card, summary=summary)


async def _a_ticket(turn: Turn, args: str) -> str:
    """Where the text names a ticket here ("bp 1001" typed for BP-1001), say how to open it."""
    number = ticket_number(turn, args)
    if number is None or await turn.services.tickets.get(number) is None:
        return ""
    return f" {number} is a ticket here: `ticket {number}` shows it."


@feature.action(PICK, model=Pick)
async def pick(turn: Turn, data: Pick) -> ActionResult:
    """The picked candidate's card in place of the list."""
    bp, at = turn.services.bp_search, now(turn)
    answer = await bp.pick(data.kind, data.ref, at)
    if not answer.findings and answer.gaps:
        return refused(nothing_found(bp, answer, at))
    if not answer.findings:
        return refused(f"{data.ref} is no longer in {bp.source}: look it up again.")
    return ActionResult(card=hit_card(turn.services.profile, bp, answer, answer.findings[0], at))


import dialogs.bp_search.extension  # noqa: E402, F401  (the message extension's commands)
