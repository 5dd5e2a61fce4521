"""Turning a resolved ticket into an article draft, and the ticket's timeline entries for it.

The draft is built from what the team already wrote down: the customer's description (problem
and symptoms), the resolved event (summary, root cause) and the work notes (what was done).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Literal

from services.knowledge.content import fitted
from services.knowledge.model import Article, ArticleContent
from services.knowledge.pleasantries import without_pleasantries
from services.tickets import Change, EventKind, Ticket, TicketEvent, TicketStatus
from services.tickets.history import event, touched

Step = Literal["drafted", "published", "merged"]
MAX_NOTES = 12  # a longer history is the ticket's business; the article keeps the recent steps


def last_resolution(events: Sequence[TicketEvent]) -> TicketEvent | None:
    """The latest resolved event: after a reopen, the fix that finally held."""
    return next((e for e in reversed(events) if e.kind is EventKind.RESOLVED), None)


def why_not_draftable(ticket: Ticket) -> str | None:
    """Why an article cannot be drafted from this ticket yet; None when it can."""
    if ticket.status in (TicketStatus.RESOLVED, TicketStatus.CLOSED):
        return None
    return (
        f"{ticket.number} is not resolved yet: an article needs the fix, so resolve it first "
        "(and tick “Worth a KB article?”)."
    )


def _problem_and_symptoms(ticket: Ticket) -> tuple[str, str]:
    # Intake makes the description's first line the subject: that line is the problem as the
    # customer put it, the rest (alarm codes, what was tried) the symptoms.
    lines = [line.rstrip() for line in without_pleasantries(ticket.description).splitlines()]
    if not lines:
        return ticket.subject, ""
    return lines[0].strip(), "\n".join(lines[1:]).strip()


def _steps(events: Sequence[TicketEvent]) -> str:
    notes = [without_pleasantries(e.body or "") for e in events if e.kind is EventKind.NOTE]
    notes = [note for note in notes if note]
    return "\n".join(f"- {note}" for note in notes[-MAX_NOTES:])


def draft_from_ticket(ticket: Ticket, events: Sequence[TicketEvent]) -> ArticleContent:
    """The article a resolved ticket suggests: problem, symptoms, cause, resolution, models."""
    problem, symptoms = _problem_and_symptoms(ticket)
    resolved = last_resolution(events)
    after = dict(resolved.after or {}) if resolved else {}
    summary = without_pleasantries(resolved.body or "") if resolved else ""
    steps = _steps(events)
    resolution = f"{summary}\n\nWhat was done:\n{steps}" if steps else summary
    model = (ticket.machine_model or "").strip()
    title = ticket.subject.rstrip(" .")
    if model and model.casefold() not in title.casefold():
        title = f"{title} ({model})"
    return fitted(
        ArticleContent(
            title=title,
            problem=problem,
            symptoms=symptoms,
            cause=without_pleasantries(str(after.get("root_cause") or "")),
            resolution=resolution.strip(),
            machine_models=(model,) if model else (),
        )
    )


def reopened_since_drafted(events: Sequence[TicketEvent]) -> TicketEvent | None:
    """The latest reopening after the ticket's article was drafted: the fix may not hold."""
    # A ticket is drafted from once (its article may since be merged into another). The
    # timeline's order, not clock times: a reopen in the same second still comes after.
    drafted = next(
        (
            i
            for i, e in enumerate(events)
            if e.kind is EventKind.KNOWLEDGE and (e.after or {}).get("step") == "drafted"
        ),
        None,
    )
    later = events[drafted + 1 :] if drafted is not None else []
    return next((e for e in reversed(later) if e.kind is EventKind.REOPENED), None)


def knowledge_step(
    ticket: Ticket,
    actor_id: str,
    now: datetime,
    step: Step,
    article: Article,
    merged: Article | None = None,
) -> Change:
    """The ticket's timeline entry for an article drafted from it, published, or merged into."""
    new = touched(ticket, now)
    extra = {"step": step, "article": article.number}
    if merged is not None:
        extra["merged"] = merged.number
    entry = event(
        EventKind.KNOWLEDGE,
        actor_id,
        ticket,
        new,
        body=article.content.title,
        extra=extra,
    )
    return Change(new, (entry,))
