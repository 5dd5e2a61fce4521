"""Process 8: resolve, then close on the customer's confirmation or after their silence."""

from datetime import datetime
from typing import Any, Protocol

from services.profile import Profile
from services.tickets.closure_warning import warned_refusal
from services.tickets.errors import TicketRuleError
from services.tickets.history import event, touched
from services.tickets.model import (
    SYSTEM_ACTOR,
    Change,
    Confirmation,
    ConfirmationChannel,
    EventKind,
    Ticket,
    TicketEvent,
)
from services.tickets.rules import (
    business_days_between,
    require_engineering_answer,
    require_move,
    require_text,
    require_worker,
    shown_days,
    status_label,
)
from services.tickets.statuses import TicketStatus


class RccaRecord(Protocol):
    """An escalated ticket's RCCA as resolve reads it (services.escalations keeps them)."""

    @property
    def root_cause(self) -> str: ...
    @property
    def corrective_action(self) -> str: ...
    @property
    def preventive_action(self) -> str: ...


def require_rcca(ticket: Ticket, rcca: RccaRecord | None) -> None:
    """Refuse to resolve an escalated ticket without its RCCA, naming what is missing."""
    parts = ("root_cause", "corrective_action", "preventive_action")
    missing = [p.replace("_", " ") for p in parts if not getattr(rcca, p, "").strip()]
    if ticket.escalated and missing:
        listed = missing[0] if len(missing) == 1 else f"{', '.join(missing[:-1])} and {missing[-1]}"
        raise TicketRuleError(
            f"{ticket.number} was escalated to Engineering, so it cannot be resolved without "
            f"its RCCA: record its {listed} first (the ticket's RCCA button, or "
            f"`rcca {ticket.number}`)."
        )


def resolve(
    ticket: Ticket,
    actor_id: str,
    profile: Profile,
    now: datetime,
    summary: str,
    *,
    root_cause: str | None = None,
    kb_article: bool | None = None,
    confirmation_requested: bool = False,
    rcca: RccaRecord | None = None,
) -> Change:
    """Mark the ticket resolved with a summary of the fix; it then awaits the customer.

    The resolved event also records the root cause, whether the fix is worth a knowledge-base
    article, and that the customer was asked to confirm, for process 7 and the timeline.
    An escalated ticket also needs its RCCA (`rcca`).
    """
    require_worker(profile, actor_id, ticket, "resolve")
    text = require_text(
        summary,
        f"{ticket.number} cannot be resolved without a resolution summary: say what fixed it.",
    )
    require_engineering_answer(profile, ticket)
    require_move(profile, ticket, TicketStatus.RESOLVED)
    require_rcca(ticket, rcca)
    new = touched(ticket, now, status=TicketStatus.RESOLVED, resolved_at=now)
    extra: dict[str, Any] = {}
    if (root_cause or "").strip():
        extra["root_cause"] = (root_cause or "").strip()
    if kb_article is not None:
        extra["kb_article"] = kb_article
    if confirmation_requested:
        extra["confirmation_requested"] = True
    resolved = event(EventKind.RESOLVED, actor_id, ticket, new, body=text, extra=extra or None)
    return Change(new, (resolved,))


def close(
    ticket: Ticket,
    actor_id: str,
    profile: Profile,
    now: datetime,
    *,
    confirmation: Confirmation | None = None,
    resolution: str | None = None,
    rcca: RccaRecord | None = None,
) -> Change:
    """Close a resolved ticket on the customer's confirmation, or after the policy's silence.

    A ticket closed while waiting on the customer has no resolution yet: give `resolution`
    (and, for an escalated ticket, its `rcca`, as resolving it would need).
    """
    require_worker(profile, actor_id, ticket, "close")
    require_move(profile, ticket, TicketStatus.CLOSED)
    events: list[TicketEvent] = []
    current = ticket
    if ticket.resolved_at is None:
        text = require_text(
            resolution,
            f"{ticket.number} has no resolution summary yet; resolve it first "
            "or give the summary when closing it.",
        )
        require_rcca(ticket, rcca)
        current = touched(ticket, now, resolved_at=now)
        events.append(event(EventKind.RESOLVED, actor_id, ticket, current, body=text))
    elif (resolution or "").strip():
        raise TicketRuleError(
            f"{ticket.number} already has a resolution summary; add a note to say more."
        )
    grounds = _grounds(current, profile, now, confirmation)
    return _closed(current, actor_id, now, grounds, events)


def auto_close(
    ticket: Ticket, profile: Profile, now: datetime, warned_at: datetime | None = None
) -> Change:
    """Close a ticket whose customer stayed silent as long as the closure policy says.

    With a warning in the policy, `warned_at` is when it went out (customer_message.last_sent)
    and a ticket still waiting on the customer closes too, without a resolution summary.
    """
    refusal = auto_close_refusal(ticket, profile, now, warned_at)
    if refusal is not None:
        raise TicketRuleError(refusal)
    grounds = {"closed_because": "no_answer", **_silence(ticket, profile, now)}
    if ticket.resolved_at is not None:
        return _closed(ticket, SYSTEM_ACTOR, now, grounds, [])
    # Closed unresolved: stamped resolved as Zendesk's close does, so the resolution SLA is
    # settled, but with no "resolved" event: nobody fixed anything.
    new = touched(ticket, now, status=TicketStatus.CLOSED, closed_at=now, resolved_at=now)
    return Change(new, (event(EventKind.CLOSED, SYSTEM_ACTOR, ticket, new, extra=grounds),))


def auto_close_refusal(
    ticket: Ticket, profile: Profile, now: datetime, warned_at: datetime | None = None
) -> str | None:
    """Why the ticket may not close by itself now; None when it may."""
    policy = profile.closure
    if ticket.status not in profile.auto_close_roles:
        allowed = " or ".join(f'"{profile.status(key).label}"' for key in policy.auto_close_from)
        current = status_label(profile, ticket.status)
        return f"{ticket.number} is {current}; only tickets that are {allowed} close by themselves."
    if policy.warn_customer_after_business_days is not None:
        return warned_refusal(ticket, profile, now, warned_at)
    if ticket.resolved_at is None:
        return (
            f"{ticket.number} has no resolution summary, so it cannot close by itself; "
            "the assignee must close it with one."
        )
    silent = business_days_without_answer(ticket, profile, now)
    needed = policy.auto_close_after_business_days
    if silent < needed:
        return (
            f"{ticket.number} has waited {shown_days(silent, up=False)} of the {needed} "
            "business days without an answer that close it."
        )
    return None


def business_days_without_answer(ticket: Ticket, profile: Profile, now: datetime) -> float:
    """Business days since the ticket entered its current status (resolved, waiting, ...)."""
    return business_days_between(profile, ticket.status_changed_at or ticket.updated_at, now)


def _grounds(
    ticket: Ticket, profile: Profile, now: datetime, confirmation: Confirmation | None
) -> dict[str, Any]:
    """Why a person may close the ticket now, for the event; refused when there is no reason."""
    policy = profile.closure
    if confirmation is not None:
        who = require_text(confirmation.confirmed_by, "Say who at the customer confirmed the fix.")
        try:
            via = ConfirmationChannel(confirmation.via)
        except ValueError:
            raise TicketRuleError(
                f"'{confirmation.via}' is not a way a customer confirms."
            ) from None
        return {"closed_because": "customer_confirmed", "confirmed_by": who, "confirmed_via": via}
    if not policy.confirm_with_customer:
        return {"closed_because": "confirmation_not_required"}
    if ticket.status not in profile.auto_close_roles:
        raise TicketRuleError(
            f"{ticket.number} can only be closed once the customer confirms the fix."
        )
    silent = business_days_without_answer(ticket, profile, now)
    needed = policy.auto_close_after_business_days
    if silent < needed:
        raise TicketRuleError(
            f"{ticket.number} cannot be closed yet: the customer has not confirmed the fix, and "
            f"only {shown_days(silent, up=False)} of the {needed} business days without an answer "
            "have passed."
        )
    return {"closed_because": "no_answer", **_silence(ticket, profile, now)}


def _silence(ticket: Ticket, profile: Profile, now: datetime) -> dict[str, float]:
    days = business_days_without_answer(ticket, profile, now)
    return {"business_days_without_answer": round(days, 2)}


def _closed(
    ticket: Ticket, actor_id: str, now: datetime, grounds: dict[str, Any], events: list[TicketEvent]
) -> Change:
    new = touched(ticket, now, status=TicketStatus.CLOSED, closed_at=now)
    closing = event(EventKind.CLOSED, actor_id, ticket, new, extra=grounds)
    return Change(new, (*events, closing))
