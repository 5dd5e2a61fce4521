"""How long a card submit waits for its answer with Zendesk off, and with a Zendesk taking 2 s.

With Zendesk as the system of record a change is queued in the ticket's own transaction and the
sync worker sends it in the background, so a card never waits on Zendesk: the p99 of Kevin's
"add note" press on the ticket card (Action.Execute) while the fake Zendesk answers every call
2 s late and the worker is sending should stay within 20 % of the p99 with Zendesk off (the
embedded database only, the baseline). Both run in this process, in alternating rounds, each
on fresh SQLite files; the p99s are over all rounds' presses. The fake Zendesk
(tests/harness/fake_zendesk.py) listens on loopback.

    python bench/zendesk_submit.py [--rounds 3] [--presses 100] [--tickets 10] [--latency 2.0]

Exit status 1 if the ratio is above --max-ratio (1.2).
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bot.keys import AFTER  # noqa: E402
from cards.intake import SUBMIT_VERB  # noqa: E402
from cards.ticket import ADD_NOTE  # noqa: E402
from services.settings import Settings  # noqa: E402
from services.sync import SyncSettings  # noqa: E402
from tests.harness import activities as act  # noqa: E402
from tests.harness.connector import FakeConnector  # noqa: E402
from tests.harness.desk import Desk  # noqa: E402
from tests.harness.fake_zendesk import FakeZendesk  # noqa: E402
from tests.harness.intake import GOOD, form_id  # noqa: E402
from tests.harness.zendesk_desk import on_zendesk  # noqa: E402


def p99(samples: list[float]) -> float:
    """The 99th percentile (the largest sample below 100 samples)."""
    return statistics.quantiles(samples, n=100, method="inclusive")[98]


async def _file_for_kevin(desk: Desk, tickets: int) -> list[str]:
    """Mary files `tickets` tickets through the intake form and assigns them to Kevin."""
    mary, kevin = desk.user("Mary"), desk.user("Kevin")
    await kevin.says("whoami")  # Kevin has a chat with the bot: his notices are sent
    numbers = []
    for n in range(tickets):
        form = (await mary.says("new ticket")).last
        await mary.executes(form, SUBMIT_VERB, form_id=form_id(form.card), **GOOD)
        numbers.append(f"BP-{1001 + n}")
        await mary.says(f"assign {numbers[-1]} kevin")
    await desk.app[AFTER].idle()
    return numbers


async def presses(settings: Settings, count: int, tickets: int) -> list[float]:
    """Seconds each of `count` add-note presses on Kevin's ticket cards waited for its answer."""
    connector = FakeConnector()
    await connector.start()
    desk = Desk(settings, connector)
    await desk.start()
    try:
        numbers = await _file_for_kevin(desk, tickets)
        kevin = desk.user("Kevin")
        waited = []
        for n in range(count):
            data = {"number": numbers[n % tickets], "body": f"Step {n}", "public": "false"}
            click = act.execute_action(kevin.user, ADD_NOTE, data, "card-1", desk.service_url)
            started = time.perf_counter()
            response = await desk.client.post("/api/messages", json=click)
            body = await response.json()
            waited.append(time.perf_counter() - started)
            assert "Internal note added" in str(body), body
            await desk.app[AFTER].idle()  # the next press starts on a quiet bot
        return waited
    finally:
        await desk.close()
        await connector.close()


def _plain(folder: Path, name: str) -> Settings:
    return Settings(
        _env_file=None,
        database_url=f"sqlite+aiosqlite:///{folder / f'{name}.db'}",
        scheduler_enabled=False,
    )


def _line(label: str, samples: list[float]) -> str:
    return (
        f"  {label:<28} p50 {statistics.median(samples) * 1000:7.1f} ms   "
        f"p99 {p99(samples) * 1000:7.1f} ms"
    )


async def measure(args: argparse.Namespace) -> int:
    """Print both p99s and their ratio; 1 if the ratio is above --max-ratio."""
    off: list[float] = []
    slow: list[float] = []
    took = updates = 0
    with tempfile.TemporaryDirectory() as name:
        # Rounds alternate, so a busy spell of this shared machine falls on both alike.
        for round_ in range(args.rounds):
            folder = Path(name) / str(round_)
            folder.mkdir()
            off += await presses(_plain(folder, "off"), args.presses, args.tickets)
            zendesk = FakeZendesk(latency=args.latency)
            await zendesk.start()
            try:
                on = on_zendesk(_plain(folder, "on"), folder, zendesk)
                on = on.model_copy(update={"sync": SyncSettings(_env_file=None, poll_seconds=0.5)})
                slow += await presses(on, args.presses, args.tickets)
                took += len(zendesk.calls("POST", "/api/v2/tickets.json"))
                updates += sum(1 for r in zendesk.requests if r.method == "PUT")
            finally:
                await zendesk.close()
    ratio = p99(slow) / p99(off)
    print(
        f"Add-note press on the ticket card: {args.rounds} rounds of {args.presses} presses on "
        f"{args.tickets} tickets each"
    )
    print(_line("Zendesk off", off))
    print(_line(f"Zendesk at {args.latency:g} s per call", slow))
    print(f"  Zendesk meanwhile filed {took} tickets and took {updates} updates")
    print(f"  zendesk/off p99: {ratio:.2f}x (target <= {args.max_ratio:.2f}x)")
    return 0 if ratio <= args.max_ratio else 1


def main(argv: list[str] | None = None) -> int:
    """Parse the arguments and run both settings; 1 if Zendesk slows the press down."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--presses", type=int, default=100, help="per round and setting")
    parser.add_argument("--tickets", type=int, default=10)
    parser.add_argument("--latency", type=float, default=2.0, help="seconds per Zendesk call")
    parser.add_argument("--max-ratio", type=float, default=1.2)
    return asyncio.run(measure(parser.parse_args(argv)))


if __name__ == "__main__":
    sys.exit(main())
