"""Example BP Search cards: a machine, a customer, an order, one from the tickets with NetSuite
down, the largest a finding can be, and lists of candidates."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from cards.bp_search import finding_card
from cards.bp_search_list import candidates_card
from services.bp_search import (
    Candidate,
    Finding,
    Gap,
    Kind,
    TicketHistory,
    TicketLine,
    Visit,
)
from services.installed_base import Deal, Machine
from services.profile import load_profile
from services.tickets import TicketStatus
from tests.harness.bp_sources import ACME, ACME_CRM, ERECTOR, ORDER, SEALER
from tests.harness.domain import MONDAY_9AM

PROFILE = load_profile("bestpack")
NOW = MONDAY_9AM + timedelta(days=30)
OPEN = TicketLine("BP-1007", "Sealer stops after 20 cases", TicketStatus.NEW, MONDAY_9AM)
CLOSED = TicketLine(
    "BP-1002",
    "HMI froze",
    TicketStatus.CLOSED,
    MONDAY_9AM,
    "controls",
    MONDAY_9AM,
    "Reloaded the program",
)
HISTORY = TicketHistory((OPEN,), (CLOSED,), 6)
VISIT = Visit("SR-1002", date(2026, 12, 9), date(2026, 12, 10), "Newark plant", "scheduled", "7")
MACHINE = Finding(
    Kind.MACHINE,
    "Acme Foods",
    ACME,
    SEALER,
    company=ACME_CRM,
    tickets=HISTORY,
    last_visit=VISIT,
    open_orders=(ORDER,),
)
CUSTOMER = Finding(
    Kind.CUSTOMER, "Acme Foods", ACME, company=ACME_CRM, machines=(SEALER, ERECTOR), tickets=HISTORY
)
LOCAL = Finding(Kind.MACHINE, "Acme Foods", machine=Machine("", "SN-20481", "", "", "Acme Foods"))
LONG = "Überlänge — " * 400
LARGEST = Finding(
    Kind.CUSTOMER,
    LONG,
    replace(ACME, name=LONG, sites=tuple(replace(ACME.sites[0], name=LONG) for _ in range(40))),
    company=replace(ACME_CRM, owner=LONG, open_deals=(Deal("d", LONG, LONG, "1"),) * 20),
    machines=(replace(SEALER, model=LONG),) * 30,
    tickets=TicketHistory(
        (replace(OPEN, subject=LONG),) * 10, (replace(CLOSED, resolution=LONG),) * 5, 900
    ),
    last_visit=replace(VISIT, site=LONG),
    open_orders=(replace(ORDER, status=LONG),) * 5,
)
CANDIDATES = (
    Candidate(Kind.CUSTOMER, "cust-1", "Acme Foods", "Sites in NJ, TX"),
    Candidate(Kind.CUSTOMER, "cust-2", "Acme Packaging", "Sites in NV"),
)

EXAMPLES = {
    "finding_card": [
        lambda: finding_card(PROFILE, MACHINE, (), NOW),
        lambda: finding_card(PROFILE, CUSTOMER, (Gap("HubSpot"),), NOW),
        lambda: finding_card(
            PROFILE, Finding(Kind.ORDER, "Acme Foods", ACME, order=ORDER, tickets=HISTORY), (), NOW
        ),
        lambda: finding_card(PROFILE, LOCAL, (Gap("NetSuite", MONDAY_9AM, local=True),), NOW),
        lambda: finding_card(PROFILE, LARGEST, (Gap("NetSuite", MONDAY_9AM),) * 2, NOW),
    ],
    "candidates_card": [
        lambda: candidates_card("Acme", CANDIDATES, now=NOW),
        lambda: candidates_card(
            LONG, (Candidate(Kind.MACHINE, "SN-1", LONG, LONG),) * 8, more=True, now=NOW
        ),
    ],
}
