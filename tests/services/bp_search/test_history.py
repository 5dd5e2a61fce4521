"""A ticket's machine history in two lines: recent tickets on the serial with a repeat of its
issue type, and the warranty or contract status (or that the installed base does not know it)."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from services.bp_search import BPSearch
from tests.harness.bp_sources import ERECTOR
from tests.harness.domain import MONDAY_9AM

DAY = timedelta(days=1)


async def test_a_repeat_of_the_same_issue_on_the_serial_is_named(bp: BPSearch, file):
    await file("Too old to count", at=MONDAY_9AM - 91 * DAY, resolution="Fuse")
    await file("HMI froze", at=MONDAY_9AM - 40 * DAY, resolution="Reloaded the program")
    await file("Motor hums", issue_type="electrical", at=MONDAY_9AM - 10 * DAY)
    await file("Another machine", serial="SN-1")
    ticket = await file("HMI froze again")

    history = await bp.machine_history(ticket, MONDAY_9AM)

    assert history.repeat
    assert history.lines == (
        "2 other tickets on SN-20481 in the last 90 days: BP-1002, BP-1003. "
        "Repeat: PLC, programming or HMI also on BP-1002 (21 Oct 2026).",
        "Under warranty until 1 Mar 2027.",
    )


async def test_no_other_ticket_and_no_repeat(bp: BPSearch, file):
    await file("Motor hums", issue_type="electrical", at=MONDAY_9AM - 10 * DAY)
    ticket = await file("HMI froze")
    history = await bp.machine_history(ticket, MONDAY_9AM)
    assert not history.repeat
    assert history.tickets == "1 other ticket on SN-20481 in the last 90 days: BP-1001."
    lone = await bp.machine_history(await file("Lone", serial="SN-20482"), MONDAY_9AM)
    assert lone.lines == (
        "No other ticket on SN-20482 in the last 90 days.",
        "Not covered: warranty and contract ended 30 Jun 2025.",
    )


async def test_a_contract_that_runs_is_said(bp: BPSearch, base, file):
    base.machines = [replace(ERECTOR, contract_end=MONDAY_9AM.date() + 30 * DAY)]
    history = await bp.machine_history(await file("Jam", serial="SN-20482"), MONDAY_9AM)
    assert history.coverage == "Service contract until 30 Dec 2026."


async def test_a_serial_netsuite_does_not_know_is_flagged(bp: BPSearch, file):
    history = await bp.machine_history(await file("Typed by hand", serial="XX-123"), MONDAY_9AM)
    assert history.coverage == "XX-123 not found in NetSuite."


async def test_netsuite_down_says_so_with_the_age_of_what_is_shown(bp: BPSearch, base, file):
    ticket = await file("HMI froze")
    base.down = True
    assert (await bp.machine_history(ticket, MONDAY_9AM)).coverage == (
        "NetSuite is unavailable: warranty and contract status unknown."
    )
    base.down = False
    await bp.machine_history(ticket, MONDAY_9AM)
    base.down = True
    later = MONDAY_9AM + timedelta(minutes=5)
    assert (await bp.machine_history(ticket, later)).coverage == (
        "Under warranty until 1 Mar 2027. (NetSuite is unavailable; from 5 minutes ago.)"
    )


async def test_a_ticket_without_a_serial_has_no_machine_history(bp: BPSearch, file):
    assert await bp.machine_history(await file("Phone call", serial=None), MONDAY_9AM) is None
