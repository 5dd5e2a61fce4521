"""Where a service request's cards were posted, and showing each of them the request as it is.

Every copy is kept under a key: the requester's own card (the form's answer, kept by the turn),
each approver's approval card (replaced in place by the decision), the technician's card and the
card that told the requester of the decision (notices). When news comes after the answer (the
project's number from NetSuite), `show_request` renders each copy again with it: a delivered
copy is updated in Teams, a held one rewritten so it arrives as it stands.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.turn import card_message
from cards.service import service_request_card
from dialogs.shared.links import number_link
from services.service_requests import RequestStatus, ServiceRequest
from services.service_requests.wording import date_range
from services.service_requests.workflow import approvers
from services.tickets.rules import name_of

if TYPE_CHECKING:
    from bot.notifier import Notifier
    from services.app_services import AppServices


def filed_key(number: str) -> str:
    """The requester's own card: the form, answered with the request it filed."""
    return f"service:{number}:filed"


def approval_key(number: str, person_id: str) -> str:
    """An approver's approval card (replaced by the decision where they decided)."""
    return f"service-approval:{number}:{person_id}"


def technician_key(number: str, person_id: str) -> str:
    """The scheduled technician's card."""
    return f"service:{number}:technician:{person_id}"


def requester_key(number: str, status: RequestStatus) -> str:
    """The card that told the requester of a decision (`status`: what it was decided to)."""
    return f"service:{number}:{status.value}:requester"


@dataclass(frozen=True)
class Post:
    """One posted copy: its key, its headline and whether it shows the notice to send."""

    key: str
    headline: str
    show_notice: bool


def posts(services: AppServices, request: ServiceRequest) -> list[Post]:
    """Every copy of a scheduled request's card, as each was headed when posted."""
    profile, number = services.profile, request.number
    found = [Post(filed_key(number), "Scheduled.", True)]
    if request.needs_approval:
        found += [
            Post(approval_key(number, p.id), "Approved and scheduled.", False)
            for p in approvers(profile)
        ]
        if request.decided_by:
            said = f"{name_of(profile, request.decided_by)} approved it; it is scheduled."
            found.append(Post(requester_key(number, request.status), said, True))
    if request.in_house and request.technician_id:
        dates = date_range(request.start_date, request.end_date)
        headline = f"You are scheduled on site: {dates}"
        found.append(Post(technician_key(number, request.technician_id), headline, False))
    return found


async def show_request(
    services: AppServices,
    notifier: Notifier,
    request: ServiceRequest,
    lines: Sequence[str] = (),
    project: str | None = None,
) -> None:
    """Show every posted copy of `request` as it stands now, with `lines` below it (and
    `project` in place of the project's state, when it will not come)."""
    link = await number_link(services, request.ticket_number)
    for post in posts(services, request):
        card = service_request_card(
            services.profile,
            request,
            headline=post.headline,
            lines=lines,
            show_notice=post.show_notice,
            ticket_link=link,
            project=project,
        )
        activity = card_message(card, f"{request.number}: {post.headline}")
        if not await notifier.update(post.key, activity):
            await services.outbox.rewrite_waiting(post.key, activity.serialize())
