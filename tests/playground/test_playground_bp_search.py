"""BP Search in the Agents Playground, as Mary on the demo's installed base: a serial looked up,
a customer's name with several hits and a pick, and a call filed from "Fill from BP Search".

The bot runs as `make playground` starts it: the playground has no dynamic typeahead, so intake's
serial and company are text inputs (INTAKE_TYPEAHEAD=false) and Fill looks up what was typed.
Opt-in with PLAYGROUND=1 (tests/playground/conftest.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from cards.bp_search_list import PICK
from cards.intake import FILL_VERB, SUBMIT_VERB
from scripts.playground import Playground, card_title
from services.db import Database
from services.db.schema import customers, machines
from tests.harness.cards import facts, texts
from tests.harness.playground import CALL, the_card_reply, verbs
from tests.playground.conftest import Stack, demo_database, sqlite_url


@pytest.fixture(scope="module")
def bot_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """What `make demo` fills, installed base included, up to the real now."""
    return demo_database(tmp_path_factory)


@pytest.fixture(scope="module")
def bot_environment() -> dict[str, str]:
    """As `make playground` runs the bot: no scheduler, intake without typeahead."""
    return {"SCHEDULER_ENABLED": "false", "INTAKE_TYPEAHEAD": "false"}


async def a_machine(stack: Stack) -> dict:
    """A demo machine with its customer's name (the first by serial)."""
    db = await Database.connect(sqlite_url(stack.database))
    try:
        async with db.engine.connect() as connection:
            query = (
                select(machines.c.serial, machines.c.model, customers.c.name)
                .join(customers, customers.c.ref == machines.c.customer_ref)
                .order_by(machines.c.serial)
            )
            return dict((await connection.execute(query)).mappings().first())
    finally:
        await db.close()


async def a_shared_word(stack: Stack) -> str:
    """A word at least two demo customers' names start with, so a look-up offers a list."""
    db = await Database.connect(sqlite_url(stack.database))
    try:
        async with db.engine.connect() as connection:
            names = (await connection.execute(select(customers.c.name))).scalars().all()
            count = await connection.scalar(select(func.count()).select_from(customers))
    finally:
        await db.close()
    assert count and count >= 20, "the demo's installed base is missing"
    firsts = [name.split()[0] for name in names]
    return next(word for word in firsts if firsts.count(word) > 1 and len(word) > 3)


async def test_mary_looks_up_a_serial_and_a_customer(pg: Playground, stack: Stack):
    machine = await a_machine(stack)

    card = the_card_reply(await pg.say(f"lookup {machine['serial']}"))

    shown = card["attachments"][0]["content"]
    assert texts(shown)[0] == f"{machine['serial']} · {machine['model']}"
    assert facts(shown)["Customer"] == machine["name"]
    assert "Tickets here" in texts(shown)

    word = await a_shared_word(stack)
    listed = the_card_reply(await pg.say(f"bp {word}"))
    assert PICK in verbs(listed["attachments"][0]["content"])
    picked = await pg.execute(listed, PICK)
    assert word.lower() in card_title(picked.card).lower(), texts(picked.card)


async def test_mary_fills_a_call_from_bp_search_and_files_it(pg: Playground, stack: Stack):
    machine = await a_machine(stack)
    form = the_card_reply(await pg.say("new ticket"))
    typed = {key: value for key, value in CALL.items() if key != "company"}

    serial = {"serial_number": machine["serial"]}
    filled = await pg.execute(form, FILL_VERB, {**typed, **serial}, where={"source": "machine"})

    inputs = {e["id"]: e.get("value") for e in _inputs(filled.card)}
    assert inputs["company"] == machine["name"]
    assert inputs["machine_model"] == machine["model"]
    assert inputs["issue_description"] == CALL["issue_description"]  # nothing typed is lost
    filed = await pg.execute(filled.activity, SUBMIT_VERB)
    assert card_title(filed.card).startswith("Triage BP-"), texts(filed.card)
    assert "Machine history" in texts(filed.card)


def _inputs(card: dict) -> list[dict]:
    """Every input on a card, wherever it sits."""
    found: list[dict] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if str(node.get("type", "")).startswith("Input."):
                found.append(node)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(card)
    return found
