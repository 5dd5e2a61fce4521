"""The triage card shows the machine's history in two lines, so a repeat failure is seen at once."""

from __future__ import annotations

from datetime import date

from bot.keys import DATABASE
from services.installed_base import Customer, Machine
from services.installed_base.store import put_customers, put_machines
from tests.harness.cards import reads_as_alarm, texts
from tests.harness.desk import Desk
from tests.harness.triage import in_channel, triage_desk

ACME = Customer("C-1", "Acme Foods")
WRAPPER = Machine(
    "M-1", "SN-12345", "BP-500 Wrapper", "C-1", "Acme Foods", warranty_end=date(2027, 3, 1)
)


def history(card: dict) -> list[str]:
    """The two lines under "Machine history"."""
    lines = texts(card)
    at = lines.index("Machine history")
    return lines[at + 1 : at + 3]


async def test_a_second_plc_fault_on_the_serial_is_flagged_as_a_repeat(desk: Desk):
    async with desk.app[DATABASE].engine.begin() as connection:
        await put_customers(connection, [ACME])
        await put_machines(connection, [WRAPPER])
    mary, _, _ = await triage_desk(desk)
    [first] = in_channel(await mary.says("file plc"))
    assert history(first.card) == [
        "No other ticket on SN-12345 in the last 90 days.",
        "Under warranty until 1 Mar 2027.",
    ]
    await mary.says("file wiring")

    [third] = in_channel(await mary.says("file plc"))

    assert history(third.card) == [
        "2 other tickets on SN-12345 in the last 90 days: BP-1001, BP-1002. "
        "Repeat: PLC, programming or HMI also on BP-1001 (23 Nov 2026).",
        "Under warranty until 1 Mar 2027.",
    ]
    assert reads_as_alarm(third.card, "Repeat: PLC")


async def test_a_serial_the_installed_base_does_not_know_is_flagged(desk: Desk):
    mary, _, _ = await triage_desk(desk)
    [post] = in_channel(await mary.says("file plc"))
    assert history(post.card)[1] == "SN-12345 not found in the bot's database."
    card = (await mary.says("ticket BP-1001")).card
    assert history(card)[1] == "SN-12345 not found in the bot's database."
