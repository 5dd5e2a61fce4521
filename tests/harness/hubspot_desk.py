"""The Kinetic desk with the fake HubSpot as its system of record, and moving its sync along
by hand.

The account is set up as Kinetic's admin would have it: the support pipeline with the
profile's stages, the custom ticket properties, an owner per roster member, and the customer
(Acme Analytics, its contact Dana) the tickets are about.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.keys import HUBSPOT_SYNC_WORKER, SERVICES
from services.profile import load_profile
from services.settings import Settings
from services.sync import SyncQueue, SyncSettings
from tests.harness.desk import Desk
from tests.harness.fake_hubspot import API_TOKEN, FakeHubSpot
from tests.harness.fake_hubspot_webhooks import CLIENT_SECRET
from tests.harness.hubspot_profile import CUSTOM, NUMBER_PROPERTY, PIPELINE, STAGES
from tests.harness.hubspot_profile import kinetic_on_hubspot_path as profile_path
from tests.harness.sync import Clock, drain

# Who the customer is, asked on this test desk's intake (Kinetic's own asks neither: its
# tickets come from e-mails HubSpot ties to the sender), so a ticket filed in Teams finds them.
CUSTOMER_FIELDS = """
[[intake]]
id = "company"
label = "Company"
kind = "text"
role = "company"

[[intake]]
id = "contact_email"
label = "Contact e-mail"
kind = "email"
role = "contact_email"
"""
COMPANY, CONTACT = "Acme Analytics", "dana@acme-analytics.example"


@dataclass(frozen=True)
class Account:
    """The ids of what the fake HubSpot was seeded with."""

    company: str
    contact: str
    owners: dict[str, str]  # roster id -> owner id


def set_up(fake: FakeHubSpot) -> Account:
    """The stages, properties, owners and customer of the desk's HubSpot account."""
    schema = fake.store.ticket_schema
    defaults = {sid for sid, _, _ in schema.pipelines[PIPELINE][1]}
    for stage_id, label, state in STAGES.values():
        if stage_id not in defaults:
            schema.add_stage(PIPELINE, stage_id, label, state)
    for name, options in CUSTOM.items():
        schema.add_property(name, options)
    owners = {
        person.id: fake.store.add_owner(person.name, "Kinetic", person.email or "")
        for person in load_profile("kinetic").roster
    }
    company = fake.store.add_company(COMPANY, "acme-analytics.example")
    contact = fake.store.add_contact("Dana", "Lee", CONTACT)
    fake.store.associate("companies", company, "contacts", contact, primary=True)
    return Account(company, contact, owners)


def on_hubspot(settings: Settings, folder: Path, fake: FakeHubSpot) -> Settings:
    """`settings` with the fake as HubSpot, the Kinetic profile keeping its tickets there (with
    the customer's company and e-mail on its intake), the sync pumped by hand."""
    profile = profile_path(folder, intake=CUSTOMER_FIELDS)
    sync = SyncSettings(_env_file=None, background=False, retry_cap_seconds=120.0)
    return settings.model_copy(
        update={
            "profile": str(profile),
            "hubspot_url": fake.url,
            "hubspot_access_token": API_TOKEN,
            "hubspot_client_secret": CLIENT_SECRET,
            "sync": sync,
        }
    )


async def deliver(desk: Desk, clock: Clock | None = None) -> int:
    """Run the HubSpot worker's rounds, moving `clock` (the app's) as they ask, until all is
    sent; the rounds it took."""
    services = desk.app[SERVICES]
    if clock is None:
        clock = Clock(services.clock())
        services.clock = clock
    return await drain(desk.app[HUBSPOT_SYNC_WORKER], clock, SyncQueue(services.db))


def hubspot_ticket(fake: FakeHubSpot, number: str) -> dict[str, Any]:
    """The one live HubSpot ticket carrying the bot's `number`."""
    [ticket] = [
        t for t in fake.store.live("tickets") if t["properties"].get(NUMBER_PROPERTY) == number
    ]
    return ticket


def linked(fake: FakeHubSpot, ticket_id: str, kind: str) -> dict[str, list[int]]:
    """The records of `kind` associated with a ticket, each with its association type ids."""
    found = fake.store.links.get(("tickets", ticket_id, kind), {})
    return {to_id: sorted(t["typeId"] for t in types) for to_id, types in found.items()}


def notes_on(fake: FakeHubSpot, ticket_id: str) -> list[str]:
    """The bodies of the notes associated with a ticket, oldest first."""
    ids = fake.store.links.get(("tickets", ticket_id, "notes"), {})
    return [fake.store.records["notes"][i]["properties"]["hs_note_body"] for i in ids]
