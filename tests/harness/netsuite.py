"""NetSuite for tests: a client of the fake, and its installed base filled through the record
service the way BestPack keeps it (customers, the machine custom record, sales orders)."""

from __future__ import annotations

import httpx

from services.clients.netsuite import NetSuiteClient, netsuite_config
from services.settings import Settings
from tests.harness.fake_netsuite import MACHINE_RECORD, FakeNetSuite
from tests.harness.fake_netsuite_auth import (
    ACCOUNT_ID,
    CONSUMER_KEY,
    CONSUMER_SECRET,
    TOKEN_ID,
    TOKEN_SECRET,
)

# bestpack.toml's [bp_search.netsuite.complexities]: the list value ids of the complexity field.
STANDARD, CUSTOM = "1", "2"


def settings_values(fake: FakeNetSuite) -> dict[str, str]:
    """The six NETSUITE_* settings for the fake."""
    return {
        "NETSUITE_URL": fake.url,
        "NETSUITE_ACCOUNT_ID": ACCOUNT_ID,
        "NETSUITE_CONSUMER_KEY": CONSUMER_KEY,
        "NETSUITE_CONSUMER_SECRET": CONSUMER_SECRET,
        "NETSUITE_TOKEN_ID": TOKEN_ID,
        "NETSUITE_TOKEN_SECRET": TOKEN_SECRET,
    }


def client_of(fake: FakeNetSuite, http: httpx.AsyncClient) -> NetSuiteClient:
    """A client signed in with the fake's token, on `http`."""
    config = netsuite_config(settings_values(fake))
    assert config is not None
    return NetSuiteClient(config, http)


def on_netsuite(settings: Settings, fake: FakeNetSuite) -> Settings:
    """`settings` with the fake as NetSuite (the profile's [bp_search] already names it)."""
    values = settings_values(fake)
    return settings.model_copy(update={name.lower(): value for name, value in values.items()})


def add_customer(
    fake: FakeNetSuite, name: str, *, email: str | None = None, contact: str | None = None
) -> str:
    """A company customer (and its first contact); its internal id."""
    entity = f"CUST{len(fake.store.records) + 1:04d}"
    body = {"companyName": name, "entityId": entity, "isPerson": False}
    if email:
        body["email"] = email
    customer_id = fake.store.create("customer", body)
    if contact:
        first, _, last = contact.partition(" ")
        fake.store.create(
            "contact",
            {"firstName": first, "lastName": last, "company": {"id": customer_id}, "email": email},
        )
    return customer_id


def add_machine(
    fake: FakeNetSuite,
    serial: str,
    customer_id: str,
    *,
    model: str = "BP-500 Case Erector",
    complexity: str = STANDARD,
    site: str | None = "Main plant",
    state: str | None = "OH",
    installed: str | None = "2022-05-17",
    warranty_end: str | None = None,
    contract_end: str | None = None,
) -> str:
    """One machine custom record; dates ISO (YYYY-MM-DD) as REST takes them."""
    values = {
        "name": serial,
        "custrecord_bp_serial": serial,
        "custrecord_bp_model": model,
        "custrecord_bp_complexity": {"id": complexity},
        "custrecord_bp_customer": {"id": customer_id},
        "custrecord_bp_site": site,
        "custrecord_bp_site_state": state,
        "custrecord_bp_install_date": installed,
        "custrecord_bp_warranty_end": warranty_end,
        "custrecord_bp_contract_end": contract_end,
    }
    return fake.store.create(MACHINE_RECORD, {k: v for k, v in values.items() if v is not None})


def add_sales_order(
    fake: FakeNetSuite,
    number: str,
    customer_id: str,
    status: str,
    *,
    ordered: str = "2026-03-02",
    memo: str | None = None,
    modified: str = "2026-03-09T15:30:00",
) -> str:
    """A sales order in status letter `status` (A-H)."""
    body = {
        "tranId": number,
        "entity": {"id": customer_id},
        "orderStatus": {"id": status},
        "tranDate": ordered,
        "lastModifiedDate": modified,
    }
    if memo:
        body["memo"] = memo
    return fake.store.create("salesOrder", body)
