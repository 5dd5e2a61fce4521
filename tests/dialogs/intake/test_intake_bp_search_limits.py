"""BP Search at intake within limits: a client without typeahead, at most 15 choices, and a
slow installed base that never keeps Mary waiting or loses what she typed."""

from __future__ import annotations

import asyncio

from bot.keys import DATABASE, SERVICES
from cards.intake import FILL_VERB, SUBMIT_VERB
from services.installed_base import Machine
from services.installed_base.store import put_machines
from services.installed_base.typeahead import Typeahead
from services.settings import Settings
from tests.harness.bp_intake import CALL, ERECTOR, as_teams_sends, new_form, stocked_desk
from tests.harness.cards import elements, texts
from tests.harness.connector import FakeConnector
from tests.harness.desk import Desk
from tests.harness.installed_base import HARVEST
from tests.harness.installed_base_fakes import HeldBase
from tests.harness.intake import GOOD, input_values
from tests.harness.search import choices


async def test_without_typeahead_the_inputs_are_text_and_fill_looks_up_what_was_typed(
    settings: Settings, connector: FakeConnector
):
    # A client with no dynamic typeahead (the Agents Playground): INTAKE_TYPEAHEAD=false.
    plain = settings.model_copy(update={"intake_typeahead": False})
    async for desk in stocked_desk(plain, connector):
        mary = desk.user("Mary")
        form, fid = await new_form(mary)
        kinds = {e["id"]: e["type"] for e in elements(form.card) if "id" in e}
        assert (kinds["serial_number"], kinds["company"]) == ("Input.Text", "Input.Text")
        typed = as_teams_sends(form.card, serial_number="CE4-10421", **CALL)
        answer = await mary.executes(form, FILL_VERB, form_id=fid, source="machine", **typed)
        shown = input_values(answer.body["value"])
        assert (shown["serial_number"], shown["company"], shown["site_state"]) == (
            "CE4-10421",
            "Harvest Valley Foods",
            "ca",
        )
        await mary.executes(form, SUBMIT_VERB, form_id=fid, **as_teams_sends(answer.body["value"]))
        ticket = await desk.app[SERVICES].tickets.get("BP-1001")
        assert (ticket.serial_number, ticket.company, ticket.machine_model) == (
            "CE4-10421",
            "Harvest Valley Foods",
            "BP-400 Case Erector",
        )


async def test_the_typeahead_answers_15_at_most_and_nothing_for_text_too_long(stocked: Desk):
    dairy = [
        Machine(f"M-9{n:02}", f"BD7-{n:05}", "NC-2 Tape Head", HARVEST.ref, HARVEST.name)
        for n in range(30)
    ]
    async with stocked.app[DATABASE].engine.begin() as connection:
        await put_machines(connection, dairy)
    mary = stocked.user("Mary")
    found = choices(await mary.types_in("bp.machines", "BD7", top=50))
    assert len(found) == 15 and found[-1] == ("Use “BD7” as typed", "BD7")
    assert choices(await mary.types_in("bp.machines", "BD7", skip=15)) == []
    assert choices(await mary.types_in("bp.machines", "B" * 256)) == []
    assert choices(await mary.types_in("bp.customers", "x" * 100_000)) == []


async def test_a_slow_bp_search_answers_what_is_cached_else_nothing_and_fill_says_so(
    impatient: Desk,
):
    stocked = impatient
    services = stocked.app[SERVICES]
    held = HeldBase(services.installed_base)
    services.installed_base = held
    services.typeahead = Typeahead(held, services.profile.bp_search)
    mary, kevin = stocked.user("Mary"), stocked.user("Kevin")
    assert len(choices(await mary.types_in("bp.machines", "CE4"))) == 3
    held.gate = asyncio.Event()  # BP Search stops answering
    assert choices(await mary.types_in("bp.machines", "CE4-10422")) == [
        ("CE4-10422 · BP-400 Case Erector · Northwind Bottling (NJ)", "machine:M-3:CE4-10422")
    ], "what the cache knows of a shorter text"
    assert choices(await kevin.types_in("bp.customers", "harv")) == [
        ("Use “harv” as typed", "harv")
    ], "nothing known: typing still works"
    form, fid = await new_form(kevin)
    typed = GOOD | {"serial_number": ERECTOR}
    answer = await kevin.executes(form, FILL_VERB, form_id=fid, source="machine", **typed)
    card = answer.body["value"]
    assert any("did not answer in time, so nothing was filled" in t for t in texts(card))
    assert input_values(card)["serial_number"] == ERECTOR
    assert input_values(card)["company"] == GOOD["company"]
    held.gate.set()  # answers again (the look-ups still waiting end)
