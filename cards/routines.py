"""The routines' cards: a person's daily ticket check, and the team's weekly queue review."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from microsoft_teams.cards import CardElement, ExecuteAction, Fact, FactSet, TextBlock

from cards.fit import Linker, no_link
from cards.lists import MAX_ROWS, due_line, ticket_row
from cards.queue import QUEUE
from cards.render import card, heading, note, render
from services.profile import Profile
from services.routines.check import DailyCheck
from services.routines.review import Aged, QueueReview, status_words
from services.tickets.rules import local_time, shown_days, status_label

CHECK = "routines.check"  # the daily check's own button: the check as it is now


def _section(title: str) -> TextBlock:
    return TextBlock(text=title, weight="Bolder", spacing="Large", wrap=True)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def daily_check_card(
    profile: Profile, check: DailyCheck, now: datetime, greeting: str, links: Linker = no_link
) -> dict:
    """A person's check: what to follow up first (with why), then their whole queue."""
    queue, follow = check.queue, check.follow_ups
    body: list[CardElement] = [
        heading(f"{greeting}, {check.person.name}: your daily ticket check"),
        note(
            f"You hold {_plural(len(queue), 'open ticket')}; "
            f"{_plural(len(follow), 'thing')} to follow up.",
            subtle=False,
        ),
    ]
    if check.untriaged:
        waiting = _plural(check.untriaged, "ticket")
        verb = "waits" if check.untriaged == 1 else "wait"
        body.append(note(f"{waiting} {verb} for triage: `queue` lists them.", subtle=False))
    if follow:
        body.append(_section("Follow up"))
        body.extend(ticket_row(f.ticket, f.words, links) for f in follow[:MAX_ROWS])
        if len(follow) > MAX_ROWS:
            body.append(note(f"…and {len(follow) - MAX_ROWS} more."))
    if queue:
        body.append(_section("Your queue, most urgent first"))
        for ticket in queue[:MAX_ROWS]:
            details = [status_label(profile, ticket.status), due_line(profile, ticket, now)]
            body.append(ticket_row(ticket, " · ".join(d for d in details if d), links))
        if len(queue) > MAX_ROWS:
            body.append(note(f"…and {len(queue) - MAX_ROWS} more, less urgent than these."))
    actions = [ExecuteAction(title="Check again", verb=CHECK)]
    if check.untriaged:
        actions.append(ExecuteAction(title="Queue", verb=QUEUE))
    return render(card(body, actions))


def _aged_rows(profile: Profile, aged: Sequence[Aged], what: str, links: Linker) -> list:
    def details(a: Aged) -> str:
        days = shown_days(a.days, up=False)
        return f"{what} {days} business days · {status_words(profile, a.ticket)}"

    return [ticket_row(a.ticket, details(a), links) for a in aged]


def review_card(profile: Profile, review: QueueReview, week: str, links: Linker = no_link) -> dict:
    """The weekly queue review: counts by status and owner, the oldest, those without movement."""
    body: list[CardElement] = [
        heading(f"Weekly queue review · {week}"),
        note(
            f"{_plural(review.total, 'open ticket')} as of {local_time(profile, review.at)}.",
            subtle=False,
        ),
    ]
    if not review.total:
        body.append(note("Nothing is open: the queue is empty."))
        return render(card(body))
    body += [
        _section("By status"),
        FactSet(facts=[Fact(title=label, value=str(n)) for label, n in review.by_status]),
        _section("By owner"),
        FactSet(facts=[Fact(title=name, value=str(n)) for name, n in review.by_owner]),
        _section("Oldest"),
        *_aged_rows(profile, review.oldest, "open", links),
    ]
    quiet = profile.routines.weekly_review
    days = quiet.no_movement_business_days if quiet else 5
    body.append(_section(f"No movement for {days}+ business days ({review.still_count})"))
    if review.still:
        body += _aged_rows(profile, review.still, "untouched", links)
    else:
        body.append(note("Every open ticket moved recently."))
    if review.still_count > len(review.still):
        body.append(note(f"…and {review.still_count - len(review.still)} more."))
    return render(card(body))
