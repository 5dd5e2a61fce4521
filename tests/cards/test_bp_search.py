"""BP Search's cards: the buttons that open the records, the sources that did not answer, and
the size a message extension result may have."""

from __future__ import annotations

from cards.bp_search import finding_card
from cards.fit import CARD_LIMIT, size
from services.bp_search import Finding, Gap, Kind
from tests.cards.examples.bp_search import CUSTOMER, EXAMPLES, MACHINE, NOW, PROFILE
from tests.harness.bp_search import links
from tests.harness.bp_sources import ACME, ACME_CRM, SEALER
from tests.harness.cards import texts
from tests.harness.domain import MONDAY_9AM


def test_a_machine_card_opens_the_machine_in_netsuite_and_the_company_in_hubspot():
    assert links(finding_card(PROFILE, MACHINE, (), NOW)) == {
        "Open in NetSuite": SEALER.link,
        "Open in HubSpot": ACME_CRM.link,
    }
    assert links(finding_card(PROFILE, CUSTOMER, (), NOW))["Open in NetSuite"] == ACME.link


def test_a_record_without_a_page_has_no_button():
    bare = Finding(Kind.CUSTOMER, "Bolt Beverages")
    assert "actions" not in finding_card(PROFILE, bare, (), NOW)


def test_the_sources_that_did_not_answer_lead_the_card_with_their_age():
    gaps = (Gap("NetSuite", MONDAY_9AM), Gap("HubSpot"))
    assert texts(finding_card(PROFILE, MACHINE, gaps, NOW))[1:3] == [
        "NetSuite is unavailable; shown from the cache, from 30 days ago.",
        "HubSpot is unavailable; nothing from it is shown.",
    ]


def test_every_bp_search_card_fits_a_message_extension_result():
    made = [make() for name in ("finding_card", "candidates_card") for make in EXAMPLES[name]]
    assert max(size(card) for card in made) < CARD_LIMIT
