"""Mary takes a call with BP Search at hand: the serial and company inputs search the installed
base as she types, "Fill from BP Search" fills the form, and the ticket knows the machine."""

from __future__ import annotations

from bot.keys import SERVICES
from cards.intake import FILL_VERB, SUBMIT_VERB
from tests.harness.bp_intake import CALL, ERECTOR, as_teams_sends, new_form
from tests.harness.cards import elements, texts
from tests.harness.desk import Desk
from tests.harness.intake import GOOD, input_values
from tests.harness.search import choices


async def test_mary_types_part_of_a_serial_picks_it_fills_the_form_and_files_it(stocked: Desk):
    mary = stocked.user("Mary")
    form, fid = await new_form(mary)
    serial = next(e for e in elements(form.card) if e.get("id") == "serial_number")
    assert (serial["type"], serial["style"]) == ("Input.ChoiceSet", "filtered")
    assert serial["choices.data"] == {"type": "Data.Query", "dataset": "bp.machines"}

    assert choices(await mary.types_in("bp.machines", "ce4-104")) == [
        ("CE4-10421 · BP-400 Case Erector · Harvest Valley Foods (CA)", ERECTOR),
        ("CE4-10422 · BP-400 Case Erector · Northwind Bottling (NJ)", "machine:M-3:CE4-10422"),
        ("Use “ce4-104” as typed", "ce4-104"),
    ]
    picked = as_teams_sends(form.card, serial_number=ERECTOR, **CALL)
    filled = (await mary.executes(form, FILL_VERB, form_id=fid, source="machine", **picked)).body
    card = filled["value"]
    shown = input_values(card)
    assert shown | CALL == shown, "what she typed from the call is kept"
    assert {k: shown[k] for k in ("company", "contact_name", "phone", "email")} == {
        "company": "customer:C-100:Harvest Valley Foods",
        "contact_name": "Dana Whitfield",
        "phone": "+1 559 555 0142",
        "email": "dana.whitfield@harvestvalley.example.com",
    }
    assert (shown["site_state"], shown["machine_model"], shown["machine_complexity"]) == (
        "ca",
        "BP-400 Case Erector",
        "standard",
    )
    assert shown["serial_number"] == ERECTOR
    company = next(e for e in elements(card) if e.get("id") == "company")
    assert company["choices"] == [{"title": "Harvest Valley Foods", "value": shown["company"]}]
    assert (
        "Filled from BP Search (the bot's database): Company, Contact name, Phone, E-mail, "
        "Machine site (US state), Machine model, Machine complexity." in texts(card)
    )

    filed = await mary.executes(form, SUBMIT_VERB, form_id=fid, **as_teams_sends(card))
    assert filed.body["value"]["body"][0]["text"].startswith("Triage BP-1001")
    ticket = await stocked.app[SERVICES].tickets.get("BP-1001")
    assert (ticket.serial_number, ticket.company, ticket.contact_name) == (
        "CE4-10421",
        "Harvest Valley Foods",
        "Dana Whitfield",
    )
    assert (ticket.machine_ref, ticket.customer_ref) == ("M-1", "C-100")


async def test_a_serial_bp_search_does_not_know_is_offered_as_typed_and_still_files(
    stocked: Desk,
):
    kevin = stocked.user("Kevin")
    form, fid = await new_form(kevin)
    assert choices(await kevin.types_in("bp.machines", "ZX9-00017")) == [
        ("Use “ZX9-00017” as typed", "ZX9-00017")
    ]
    typed = GOOD | {"serial_number": "ZX9-00017", "contact_name": "Sam Caller"}
    answer = await kevin.executes(form, FILL_VERB, form_id=fid, source="machine", **typed)
    card = answer.body["value"]
    nothing = "Nothing in BP Search matches serial number “ZX9-00017”: the form is as you left it."
    assert nothing in texts(card)
    assert {k: v for k, v in input_values(card).items() if v not in (None, "")} == {
        k: v for k, v in typed.items() if v != ""
    }, "nothing typed is lost"
    await kevin.executes(form, SUBMIT_VERB, form_id=fid, **typed)
    ticket = await stocked.app[SERVICES].tickets.get("BP-1001")
    assert (ticket.serial_number, ticket.machine_ref, ticket.customer_ref) == (
        "ZX9-00017",
        None,
        None,
    )


async def test_a_known_serial_typed_by_hand_files_without_refs_unless_filled(stocked: Desk):
    kevin = stocked.user("Kevin")
    form, fid = await new_form(kevin)
    await kevin.executes(form, SUBMIT_VERB, form_id=fid, **GOOD | {"serial_number": "CE4-10421"})
    ticket = await stocked.app[SERVICES].tickets.get("BP-1001")
    assert (ticket.serial_number, ticket.machine_ref) == ("CE4-10421", None)

    form, fid = await new_form(kevin)
    typed = GOOD | {"serial_number": "ce4-10421", "contact_name": "Sam Caller"}
    answer = await kevin.executes(form, FILL_VERB, form_id=fid, source="machine", **typed)
    shown = input_values(answer.body["value"])
    assert shown["serial_number"] == ERECTOR, "Fill found the machine typed exactly"
    assert shown["contact_name"] == "Sam Caller", "a contact already typed is kept"
    await kevin.executes(form, SUBMIT_VERB, form_id=fid, **as_teams_sends(answer.body["value"]))
    ticket = await stocked.app[SERVICES].tickets.get("BP-1002")
    assert (ticket.serial_number, ticket.machine_ref, ticket.customer_ref) == (
        "CE4-10421",
        "M-1",
        "C-100",
    )


async def test_a_renderer_that_sends_the_pick_s_title_still_gets_the_machine_filled(
    stocked: Desk,
):
    # The Adaptive Cards JavaScript renderer (the Agents Playground's) puts a dynamic choice's
    # title in the box and sends that instead of the value.
    mary = stocked.user("Mary")
    form, fid = await new_form(mary)
    [(title, _), *_] = choices(await mary.types_in("bp.machines", "CE4-10421"))
    picked = as_teams_sends(form.card, serial_number=title, **CALL)
    answer = await mary.executes(form, FILL_VERB, form_id=fid, source="machine", **picked)
    card = answer.body["value"]
    assert input_values(card)["serial_number"] == ERECTOR
    await mary.executes(form, SUBMIT_VERB, form_id=fid, **as_teams_sends(card))
    ticket = await stocked.app[SERVICES].tickets.get("BP-1001")
    assert (ticket.serial_number, ticket.machine_ref) == ("CE4-10421", "M-1")


async def test_the_company_typeahead_fills_the_customer_s_only_site(stocked: Desk):
    mary = stocked.user("Mary")
    form, fid = await new_form(mary)
    assert choices(await mary.types_in("bp.customers", "north")) == [
        ("Northwind Bottling · Newark, NJ", "customer:C-200:Northwind Bottling"),
        ("Use “north” as typed", "north"),
    ]
    assert choices(await mary.types_in("bp.customers", "Harvest Valley Foods")) == [
        ("Harvest Valley Foods · 2 sites", "customer:C-100:Harvest Valley Foods")
    ], "an exact name needs no 'as typed'"
    picked = as_teams_sends(form.card, company="customer:C-200:Northwind Bottling", **CALL)
    answer = await mary.executes(form, FILL_VERB, form_id=fid, source="customer", **picked)
    shown = input_values(answer.body["value"])
    assert (shown["site_state"], shown["contact_name"], shown["machine_model"]) == ("nj", "", "")
    filed = GOOD | {"company": shown["company"], "site_state": "nj"}
    await mary.executes(form, SUBMIT_VERB, form_id=fid, **filed)
    ticket = await stocked.app[SERVICES].tickets.get("BP-1001")
    assert (ticket.company, ticket.customer_ref, ticket.machine_ref) == (
        "Northwind Bottling",
        "C-200",
        None,
    )


async def test_a_pick_the_installed_base_does_not_confirm_gives_the_ticket_no_refs(
    stocked: Desk,
):
    kevin = stocked.user("Kevin")
    form, fid = await new_form(kevin)
    forged = GOOD | {
        "serial_number": "machine:M-3:CE4-10421",  # M-3 is another machine's ref
        "company": "customer:C-999:Evil Corp",
    }
    await kevin.executes(form, SUBMIT_VERB, form_id=fid, **forged)
    ticket = await stocked.app[SERVICES].tickets.get("BP-1001")
    assert (ticket.serial_number, ticket.company) == ("CE4-10421", "Evil Corp")
    assert (ticket.machine_ref, ticket.customer_ref) == (None, None)


async def test_fill_with_the_company_left_empty_asks_for_one_and_keeps_the_form(stocked: Desk):
    mary = stocked.user("Mary")
    form, fid = await new_form(mary)
    typed = {key: value for key, value in CALL.items() if key != "company"}

    answer = await mary.executes(form, FILL_VERB, form_id=fid, source="customer", **typed)

    card = answer.body["value"]
    assert "Type or pick a company first, then press Fill from BP Search." in texts(card)
    assert input_values(card)["issue_description"] == CALL["issue_description"]
