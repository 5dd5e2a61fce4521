"""BP Search's card for one hit: the machine, the customer, the CRM's view, the tickets here,
the last service visit and open orders, with links to the records in NetSuite and HubSpot.

Every value is cut to fit and every list is capped, so a card stays far under the 28 KB Teams
allows a message extension's result (cards.fit.CARD_LIMIT).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from microsoft_teams.cards import (
    CardElement,
    Container,
    Fact,
    FactSet,
    OpenUrlAction,
    TextBlock,
)

from cards.bp_search_parts import (
    customer_facts,
    deals,
    machine_facts,
    machine_rows,
    order_facts,
    order_line,
    visit_line,
)
from cards.fit import ENTRY, FACT, TITLE, clip
from cards.render import card, heading, note, render
from services.bp_search import Finding, Gap, Kind, TicketHistory, TicketLine
from services.bp_search.wording import day, gap_note
from services.profile import Profile
from services.tickets.rules import status_label

RESOLUTION = 200  # bytes of a closed ticket's resolution on the card: the gist


def section(title: str) -> TextBlock:
    """A section's title line."""
    return TextBlock(text=title, weight="Bolder", spacing="Medium", wrap=True)


def line(text: str) -> TextBlock:
    """One small line of a list, close to the next."""
    return TextBlock(text=clip(text, ENTRY), wrap=True, size="Small", spacing="None")


def gaps_block(gaps: Sequence[Gap], now: datetime) -> list[CardElement]:
    """The sources that did not answer, in a warning box; nothing when all answered."""
    if not gaps:
        return []
    items = [TextBlock(text=gap_note(gap, now), wrap=True, color="Warning") for gap in gaps]
    return [Container(style="warning", items=items)]


def title_of(finding: Finding) -> str:
    """The card's heading: the serial and model, the customer, or the order and its status."""
    if finding.kind is Kind.ORDER and finding.order is not None:
        return f"Order {finding.order.number} · {finding.order.status}"
    machine = finding.machine
    if finding.kind is Kind.MACHINE and machine is not None:
        return " · ".join(part for part in (machine.serial, machine.model) if part)
    return finding.name or "Customer"


def _ticket(profile: Profile, ticket: TicketLine) -> str:
    words = f"{ticket.number} · {clip(ticket.subject, TITLE)}"
    if ticket.resolved_at is None:
        label = status_label(profile, ticket.status)
        return f"{words} · {label} · opened {day(ticket.opened_at)}"
    fix = clip(ticket.resolution or "no resolution recorded", RESOLUTION)
    return f"{words} · resolved {day(ticket.resolved_at)}: {fix}"


def tickets_block(profile: Profile, history: TicketHistory) -> list[CardElement]:
    """Open tickets and the last closed ones, each with its resolution."""
    body: list[CardElement] = [section("Tickets here")]
    if not history.open and not history.closed:
        return [*body, note("No tickets on it here yet.")]
    if history.open:
        body.append(note(f"Open ({len(history.open)})", subtle=False))
        body.extend(line(_ticket(profile, t)) for t in history.open)
    if history.closed:
        shown, total = len(history.closed), history.closed_total
        count = f"last {shown} of {total}" if total > shown else f"{total}"
        body.append(note(f"Closed ({count})", subtle=False))
        body.extend(line(_ticket(profile, t)) for t in history.closed)
    return body


def _facts(pairs: Sequence[tuple[str, str]]) -> FactSet:
    return FactSet(facts=[Fact(title=k, value=clip(v, FACT)) for k, v in pairs if v])


def _links(finding: Finding, source: str, crm: str) -> list[OpenUrlAction]:
    records = (finding.order, finding.machine, finding.customer)
    if finding.kind is Kind.CUSTOMER:
        records = (finding.customer, finding.machine, finding.order)
    link = next((r.link for r in records if r is not None and r.link), None)
    actions = [OpenUrlAction(title=f"Open in {source}", url=link)] if link else []
    if finding.company is not None and finding.company.link:
        actions.append(OpenUrlAction(title=f"Open in {crm}", url=finding.company.link))
    return actions


def finding_card(
    profile: Profile,
    finding: Finding,
    gaps: Sequence[Gap],
    now: datetime,
    *,
    source: str = "NetSuite",
    crm: str = "HubSpot",
) -> dict:
    """One hit as a card; `gaps` the sources that did not answer; `source` and `crm` the names
    of the installed base and the CRM, for the buttons that open their records."""
    body: list[CardElement] = [heading(clip(title_of(finding), TITLE)), *gaps_block(gaps, now)]
    if finding.order is not None:
        body.append(_facts(order_facts(finding)))
    if finding.machine is not None:
        body.append(_facts(machine_facts(profile, finding.machine, now)))
    body.append(_facts(customer_facts(finding)))
    body.extend(deals(finding.company))
    if finding.machines:
        body.append(section("Machines"))
        body.extend(line(text) for text in machine_rows(finding.machines))
    body.extend(tickets_block(profile, finding.tickets))
    if finding.last_visit is not None:
        body.extend([section("Last service visit"), line(visit_line(finding.last_visit))])
    if finding.open_orders:
        body.append(section("Open orders"))
        body.extend(line(order_line(o)) for o in finding.open_orders)
    return render(card(body, [*_links(finding, source, crm)]))
