"""Every card that names a ticket filed in Zendesk names its Zendesk number too."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from bot.keys import SERVICES
from cards.escalation import ESCALATION_ACCEPT
from tests.harness.cards import facts, texts
from tests.harness.clock import tick
from tests.harness.connector import FakeConnector
from tests.harness.desk import Answer, Desk
from tests.harness.escalation import hand_off, latest, team
from tests.harness.fake_zendesk import FakeZendesk
from tests.harness.parts import QUOTE, ask
from tests.harness.sync import Clock
from tests.harness.triage import in_channel, triage_desk
from tests.harness.zendesk_desk import deliver, zendesk_ticket

# How the cards this conversation walks through begin.
WALKED = (
    "Timeline of", "Your open tickets", "Resolve BP-1001", "Queue:", "PQ-1001",
    "Escalation BP-1001", "Escalations waiting", "Escalated to you", "escalation accepted",
    "RCCA for", "SLA breached", "Good morning, Sean",
)  # fmt: skip


def _shown(card: dict[str, Any]) -> list[str]:
    """What a person reads on a card: its texts and its facts' values."""
    return [*texts(card), *facts(card).values()]


def _replied(answer: Answer) -> list[dict[str, Any]]:
    """The card an action answered with, if it answered with one."""
    value = answer.body.get("value") if isinstance(answer.body, dict) else None
    return [value] if isinstance(value, dict) and value.get("type") == "AdaptiveCard" else []


async def test_every_card_naming_the_ticket_names_its_zendesk_number(
    desk: Desk, zendesk: FakeZendesk, connector: FakeConnector, clock: Clock
):
    mary, kevin, _ = await triage_desk(desk)
    allison, sean, _ezechiel = await team(desk, "Allison", "Sean", "Ezechiel")
    in_channel(await mary.says("file plc"))
    await mary.says("assign BP-1001 kevin")
    await deliver(desk, clock)
    zendesk_id = zendesk_ticket(zendesk, "BP-1001")["id"]
    mark, replied = len(connector.sent), []

    for said in ("ticket BP-1001", "history BP-1001", "my tickets", "resolve BP-1001"):
        await kevin.says(said)
    await mary.says("queue")
    await ask(kevin, {**QUOTE, "ticket": "BP-1001"})
    handed, _ = await hand_off(kevin)
    replied += _replied(handed)
    await allison.says("escalations")
    review = [s for s in connector.since(mark) if s.card and "Escalation BP-1001" in str(s.card)]
    accepted = await allison.executes(
        review[-1],
        ESCALATION_ACCEPT,
        number="BP-1001",
        escalation_id=(await latest(desk)).id,
        engineer="sean",
    )
    replied += _replied(accepted)
    await sean.says("rcca BP-1001")
    await tick(desk, desk.app[SERVICES].clock() + timedelta(days=1))  # SLA alerts, the digest

    cards = [s.card for s in connector.since(mark) if s.card] + replied
    naming = [card for card in cards if any("BP-1001" in text for text in _shown(card))]
    headings = " | ".join(_shown(card)[0] for card in naming)
    for walked in WALKED:  # the walk reached every card it means to check
        assert walked in headings, headings
    for card in naming:
        assert any(f"Zendesk #{zendesk_id}" in text for text in _shown(card)), _shown(card)[:3]
