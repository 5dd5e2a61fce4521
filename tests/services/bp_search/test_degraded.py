"""Answers are cached a few minutes; a source that is slow or down is named on the answer, with
what the cache or the bot's tickets hold instead and how old that is."""

from __future__ import annotations

from datetime import timedelta

from services.bp_search import BPSearch, Gap
from services.bp_search.wording import gap_note
from tests.harness.bp_sources import ACME, ACME_CRM, SEALER
from tests.harness.domain import MONDAY_9AM

FOUR_MINUTES = MONDAY_9AM + timedelta(minutes=4)
SIX_MINUTES = MONDAY_9AM + timedelta(minutes=6)


async def test_a_second_look_up_within_the_cache_time_asks_no_source(bp: BPSearch, base, crm):
    await bp.lookup("SN-20481", MONDAY_9AM)
    asked = (sum(base.calls.values()), sum(crm.calls.values()))

    again = await bp.lookup("sn-20481", FOUR_MINUTES)

    assert again.findings[0].machine == SEALER
    assert (sum(base.calls.values()), sum(crm.calls.values())) == asked


async def test_past_the_cache_time_the_sources_are_asked_again(bp: BPSearch, base):
    await bp.lookup("SN-20481", MONDAY_9AM)
    await bp.lookup("SN-20481", SIX_MINUTES)
    assert base.calls["machine"] == 2


async def test_netsuite_down_shows_the_cached_answer_marked_with_its_age(bp: BPSearch, base):
    await bp.lookup("SN-20481", MONDAY_9AM)
    base.down = True

    answer = await bp.lookup("SN-20481", SIX_MINUTES)

    [finding] = answer.findings
    assert (finding.machine, finding.customer) == (SEALER, ACME)
    assert answer.gaps == (Gap("NetSuite", MONDAY_9AM),)
    assert gap_note(answer.gaps[0], SIX_MINUTES) == (
        "NetSuite is unavailable; shown from the cache, from 6 minutes ago."
    )


async def test_netsuite_down_with_nothing_cached_shows_what_the_tickets_say(
    bp: BPSearch, base, file
):
    await file("Sealer stops", resolution="Reset the PLC")
    base.down = True
    three_days = MONDAY_9AM + timedelta(days=3)

    answer = await bp.lookup("SN-20481", three_days)

    [finding] = answer.findings
    assert (finding.machine.serial, finding.machine.model, finding.name) == (
        "SN-20481",
        "CaseSealer X200",
        "Acme Foods",
    )
    assert [t.resolution for t in finding.tickets.closed] == ["Reset the PLC"]
    assert gap_note(answer.gaps[0], three_days) == (
        "NetSuite is unavailable; shown from the bot's tickets, from 3 days ago."
    )
    by_name = await bp.lookup("acme foods", three_days)
    assert [f.name for f in by_name.findings] == ["Acme Foods"]


async def test_netsuite_down_and_nothing_known_says_so(bp: BPSearch, base):
    base.down = True
    answer = await bp.lookup("SN-20481", MONDAY_9AM)
    assert answer.empty
    assert [gap_note(g, MONDAY_9AM) for g in answer.gaps] == [
        "NetSuite is unavailable; nothing from it is shown."
    ]


async def test_hubspot_down_leaves_the_machine_and_names_hubspot(bp: BPSearch, crm):
    crm.down = True
    answer = await bp.lookup("SN-20481", MONDAY_9AM)
    [finding] = answer.findings
    assert (finding.machine, finding.company) == (SEALER, None)
    assert answer.gaps == (Gap("HubSpot"),)


async def test_a_source_slower_than_the_timeout_is_unavailable(bp: BPSearch, base):
    await bp.lookup("SN-20481", MONDAY_9AM)
    base.delay = 5.0  # far beyond the 0.2 s the service waits

    answer = await bp.lookup("SN-20481", SIX_MINUTES)

    assert answer.findings[0].machine == SEALER
    assert answer.gaps == (Gap("NetSuite", MONDAY_9AM),)


async def test_cached_first_answers_from_an_expired_entry_and_marks_it_stale(
    bp: BPSearch, base, crm
):
    await bp.lookup("Acme", MONDAY_9AM)
    asked = sum(base.calls.values())

    quick = await bp.lookup("Acme", SIX_MINUTES, cached_first=True)

    assert quick.stale and [c.title for c in quick.candidates] == ["Acme Foods", "Acme Packaging"]
    assert sum(base.calls.values()) == asked
    fresh = await bp.lookup("Acme", SIX_MINUTES)
    assert not fresh.stale and sum(base.calls.values()) == asked + 1
    assert (await bp.lookup("Acme", SIX_MINUTES, cached_first=True)).stale is False


async def test_the_crm_answer_is_kept_per_company(bp: BPSearch, crm):
    await bp.lookup("SN-20481", MONDAY_9AM)
    [finding] = (await bp.lookup("Acme Foods", FOUR_MINUTES)).findings
    assert finding.company == ACME_CRM and crm.calls["company"] == 1
