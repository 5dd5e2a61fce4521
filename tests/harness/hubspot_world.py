"""A HubSpot account as BestPack's sales team keeps it, for client and directory tests."""

from __future__ import annotations

from dataclasses import dataclass

from tests.harness.fake_hubspot_store import HubSpotStore

MAIN_CONTACT_LABEL = (37, "Main contact")  # an account-defined company→contact label


@dataclass(frozen=True)
class World:
    """The ids of the records seeded."""

    acme: str
    acme_west: str
    obrien: str
    dana: str  # owner of Acme Packaging
    ruth: str  # Acme's main contact (labelled so by the account)
    sam: str  # a contact whose primary company is Acme
    lee: str  # a plain contact of Acme, associated first
    open_deal: str
    won_deal: str
    lost_deal: str


def seed(store: HubSpotStore) -> World:
    """Acme Packaging (owner, three contacts, an open, a won and a lost deal), Acme Packaging
    West (no owner, no contacts), O'Brien & Søn Emballage, and a few unrelated companies."""
    dana = store.add_owner("Dana", "Whitfield", "dana.whitfield@bestpack.example")
    acme = store.add_company("Acme Packaging", "acme-pack.example", owner=dana)
    acme_west = store.add_company("Acme Packaging West", "west.acme-pack.example")
    obrien = store.add_company("O'Brien & Søn Emballage", "obrien-son.example", owner=dana)
    store.add_company("Packaging Acmeville", "acmeville.example")
    store.add_company("Zenith Bottling", "zenith.example")
    lee = store.add_contact("Lee", "Park", "lee.park@acme-pack.example")
    sam = store.add_contact("Sam", "Ortiz", "sam.ortiz@acme-pack.example", "+1 555 0100")
    ruth = store.add_contact("Ruth", "Nakamura", "ruth@acme-pack.example", "+1 555 0199")
    store.associate("companies", acme, "contacts", lee)
    store.associate("companies", acme, "contacts", sam, primary=True)
    store.associate("companies", acme, "contacts", ruth, label=MAIN_CONTACT_LABEL)
    open_deal = store.add_deal("Line 4 retrofit", "contractsent", 48000)
    won_deal = store.add_deal("Spare parts 2025", "closedwon", 12000)
    lost_deal = store.add_deal("Second labeler", "closedlost", 30000)
    for deal in (open_deal, won_deal, lost_deal):
        store.associate("companies", acme, "deals", deal, primary=True)
    return World(acme, acme_west, obrien, dana, ruth, sam, lee, open_deal, won_deal, lost_deal)
