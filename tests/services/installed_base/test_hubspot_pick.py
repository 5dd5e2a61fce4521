"""Which HubSpot records a card shows: the best-matching company, the main contact, open deals."""

from __future__ import annotations

import pytest

from services.clients.hubspot import Association, AssociationType, CrmObject
from services.clients.hubspot.models import Stage
from services.installed_base.hubspot_pick import best_match, contact_order, is_open, open_deals


def company(record_id: str, name: str) -> CrmObject:
    return CrmObject(id=record_id, properties={"name": name})


def linked(to_id: str, *types: tuple[str, int, str | None]) -> Association:
    kinds = [AssociationType(category=c, type_id=t, label=label) for c, t, label in types]
    return Association(to_id=to_id, types=[AssociationType(category="HUBSPOT_DEFINED",
                                                           type_id=280), *kinds])  # fmt: skip


@pytest.mark.parametrize(
    ("name", "candidates", "best"),
    [
        ("acme  PACKAGING", [("1", "Acme Packaging West"), ("2", "Acme Packaging")], "2"),
        ("Acme", [("1", "Big Acme"), ("2", "Acme Corp")], "2"),  # starts with the name
        ("Acme", [("1", "Acme Packaging Corp"), ("2", "Acme Labs")], "2"),  # fewer other words
        ("Acme Labs", [("7", "Acme Labs"), ("3", "ACME LABS")], "3"),  # the oldest of twins
        ("Acme", [("1", "Acmeville")], None),  # holds "acme" only inside a word
        ("", [("1", "Acme")], None),
    ],
)
def test_the_best_match_for_a_name(name, candidates, best):
    chosen = best_match(name, [company(i, n) for i, n in candidates])

    assert (chosen.id if chosen else None) == best


def test_the_account_labelled_main_contact_comes_first_then_the_primary_company_ones():
    associations = [
        linked("10"),
        linked("11", ("HUBSPOT_DEFINED", 2, "Primary")),
        linked("12", ("USER_DEFINED", 37, "Main Contact")),
        linked("13", ("USER_DEFINED", 38, "Billing")),
    ]

    assert contact_order(associations) == ["12", "11", "10", "13"]


def test_a_hubspot_defined_label_is_not_taken_for_the_accounts_main_contact():
    associations = [linked("10"), linked("11", ("HUBSPOT_DEFINED", 999, "Main office"))]

    assert contact_order(associations) == ["10", "11"]


STAGES = {
    "won": Stage(id="won", label="Won", metadata={"isClosed": "true", "probability": "1.0"}),
    "talks": Stage(id="talks", label="Talks", metadata={"isClosed": "false"}),
}


@pytest.mark.parametrize(
    ("properties", "still_open"),
    [
        ({"hs_is_closed": "true", "dealstage": "talks"}, False),  # HubSpot's flag decides
        ({"hs_is_closed": "false", "dealstage": "won"}, True),
        ({"dealstage": "won"}, False),  # no flag: the stage's metadata
        ({"dealstage": "talks"}, True),
        ({"dealstage": "closedlost"}, False),  # a stage unknown here: the default closed ones
        ({"dealstage": "custom-stage"}, True),
    ],
)
def test_whether_a_deal_is_still_open(properties, still_open):
    assert is_open(CrmObject(id="1", properties=properties), STAGES) is still_open


def test_open_deals_come_newest_first_with_their_stage_label():
    deals = [
        CrmObject(id="1", properties={"dealname": "Old", "dealstage": "talks",
                                      "createdate": "2025-01-02T00:00:00Z"}),
        CrmObject(id="2", properties={"dealname": "New", "dealstage": "talks",
                                      "createdate": "2026-03-01T00:00:00Z", "amount": "900"}),
        CrmObject(id="3", properties={"dealname": "Won", "dealstage": "won"}),
    ]  # fmt: skip

    shown = open_deals(deals, STAGES)

    assert [(d.ref, d.name, d.stage, d.amount) for d in shown] == [
        ("2", "New", "Talks", "900"),
        ("1", "Old", "Talks", None),
    ]
