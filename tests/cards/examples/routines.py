"""Example renderings of the routines' cards: a daily check (quiet, busy, overflowing) and the
weekly queue review (empty, and a long queue)."""

from dataclasses import replace
from datetime import timedelta

from cards.lists import MAX_ROWS
from cards.routines import daily_check_card, review_card
from services.profile import load_profile
from services.routines.check import DailyCheck
from services.routines.followup import FollowUp, Reason
from services.routines.review import review_of
from services.tickets import TicketStatus
from tests.cards.examples.ticket import AT, TICKET

PROFILE = load_profile("kinetic")
SAM = PROFILE.person("sam")
LATER = AT + timedelta(days=9)
MINE = [
    replace(
        TICKET, number=f"KD-{1001 + i}", profile="kinetic", priority="medium", assignee_id="sam"
    )
    for i in range(MAX_ROWS + 5)
]
WAITING = replace(MINE[0], status=TicketStatus.WAITING_ON_CUSTOMER, subject="Approvals " * 40)
FOLLOW = [
    FollowUp(WAITING, Reason.WAITING, AT, "waiting on the customer for 6.9 business days"),
    FollowUp(MINE[1], Reason.NO_UPDATE, AT, "no update for 62 business hours"),
    FollowUp(
        MINE[2], Reason.UPDATE_DUE, AT, "the customer is due a status update (1.0 business days)"
    ),
]

EXAMPLES = {
    "daily_check_card": [
        lambda: daily_check_card(PROFILE, DailyCheck(SAM, [], [], 3), LATER, "Good morning"),
        lambda: daily_check_card(PROFILE, DailyCheck(SAM, MINE[:3], FOLLOW), LATER, "Good morning"),
        lambda: daily_check_card(
            PROFILE, DailyCheck(SAM, MINE, FOLLOW * (MAX_ROWS // 2), 40), LATER, "Good afternoon"
        ),
    ],
    "review_card": [
        lambda: review_card(PROFILE, review_of(PROFILE, [], LATER), "2026-W49"),
        lambda: review_card(PROFILE, review_of(PROFILE, [WAITING, *MINE], LATER), "2026-W49"),
    ],
}
