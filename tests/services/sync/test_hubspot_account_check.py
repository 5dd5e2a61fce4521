"""The start-up check: the Kinetic profile's pipeline, stages, properties and options against
the HubSpot account (the fake), each thing it lacks named by its profile key."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest

from services.clients.hubspot import HubSpotClient
from services.profile import Profile
from services.sync.hubspot.account_check import AccountCheck, HubSpotSetupError
from tests.harness.fake_hubspot import FakeHubSpot
from tests.harness.fake_hubspot_client import client_of
from tests.harness.hubspot_desk import set_up
from tests.harness.hubspot_profile import kinetic_on_hubspot


@pytest.fixture
async def hubspot() -> AsyncIterator[FakeHubSpot]:
    """The fake HubSpot, set up as Kinetic's admin has it."""
    fake = FakeHubSpot()
    await fake.start()
    set_up(fake)
    yield fake
    await fake.close()


@pytest.fixture
async def client(hubspot: FakeHubSpot) -> AsyncIterator[HubSpotClient]:
    """A client of the fake."""
    async with httpx.AsyncClient() as http:
        yield client_of(hubspot, http)


@pytest.fixture
def profile(tmp_path) -> Profile:
    """The Kinetic profile with HubSpot as its system of record."""
    return kinetic_on_hubspot(tmp_path)


@pytest.fixture
def check(client: HubSpotClient, profile: Profile) -> AccountCheck:
    """The check of the profile against the fake."""
    return AccountCheck(client, profile)


async def _refused(check: AccountCheck) -> str:
    with pytest.raises(HubSpotSetupError) as refused:
        await check.run()
    assert check.problem == str(refused.value)
    return str(refused.value)


async def test_an_account_that_fits_the_profile_passes(check: AccountCheck):
    assert await check.run()
    assert check.problem is None


async def test_a_stage_the_pipeline_lacks_is_named_with_the_ones_it_has(
    check: AccountCheck, hubspot: FakeHubSpot
):
    stages = hubspot.store.ticket_schema.pipelines["0"][1]
    stages[:] = [s for s in stages if s[1] != "Escalated"]

    problem = await _refused(check)

    assert problem.startswith(
        '[[statuses]] escalated: hubspot = "180533102": pipeline Support Pipeline has no such '
        "stage (1 (New), 2 (Waiting on contact), 3 (Waiting on us), 4 (Closed), 180533101"
    )


async def test_an_open_status_on_a_closed_stage_is_refused(
    check: AccountCheck, hubspot: FakeHubSpot
):
    stages = hubspot.store.ticket_schema.pipelines["0"][1]
    stages[:] = [(i, label, "CLOSED" if i == "3" else state) for i, label, state in stages]

    assert await _refused(check) == (
        '[[statuses]] waiting_on_us: hubspot = "3": stage Waiting on us is closed in HubSpot, '
        "and open tickets go there"
    )


async def test_properties_and_options_the_account_lacks_are_named(
    check: AccountCheck, hubspot: FakeHubSpot
):
    properties = hubspot.store.ticket_schema.properties
    del properties["support_desk_number"]
    hubspot.store.ticket_schema.add_property("environment", ["dev", "test", "production"])
    categories = properties["hs_ticket_category"]["options"]
    categories[:] = [o for o in categories if o["value"] != "BILLING_ISSUE"]

    assert (await _refused(check)).split("; ") == [
        '[hubspot] number_property = "support_desk_number": HubSpot has no ticket property '
        "support_desk_number",
        "[hubspot.properties] environment: environment has no option multiple",
        "[hubspot.properties] category: hs_ticket_category has no option BILLING_ISSUE",
    ]


async def test_a_pipeline_the_account_lacks_is_named(client: HubSpotClient, profile: Profile):
    hub = profile.hubspot.model_copy(update={"pipeline": "42"})
    other = AccountCheck(client, profile.model_copy(update={"hubspot": hub}))

    assert (await _refused(other)).startswith(
        '[hubspot] pipeline = "42": HubSpot has no such ticket pipeline (0 (Support Pipeline))'
    )


async def test_hubspot_down_lets_the_bot_start_and_says_so(
    check: AccountCheck, hubspot: FakeHubSpot
):
    hubspot.down = True

    assert not await check.run()

    assert check.problem.startswith("HubSpot could not be reached (HubSpot answered 503")
    hubspot.down = False
    assert await check.run() and check.problem is None


async def test_a_refused_token_stops_start_up(check: AccountCheck, hubspot: FakeHubSpot):
    hubspot.token = "pat-na1-rotated"

    assert "HUBSPOT_ACCESS_TOKEN is wrong" in await _refused(check)
