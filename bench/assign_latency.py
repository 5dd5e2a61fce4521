"""How long an Assign press waits for its answer, with an instant and a slow Bot Connector.

The answer must not wait on the notices an assignment sends (the assignee's card, the @mention
in the triage thread, the triage card's update): those go out after it. So the p99 of the press
with a connector that takes 300 ms a call should stay within 20 % of the p99 with an instant
one. Both runs are in this process, one after the other, on fresh SQLite files.

    python bench/assign_latency.py [--presses 40] [--delay 0.3]
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

from bot.keys import AFTER, SERVICES  # noqa: E402
from cards.triage import ASSIGN  # noqa: E402
from services.settings import Settings  # noqa: E402
from services.tickets import TicketDraft  # noqa: E402
from tests.harness import activities as act  # noqa: E402
from tests.harness.connector import FakeConnector  # noqa: E402
from tests.harness.desk import Desk  # noqa: E402

PLC = dict(issue_type="controls", complexity="standard", description="PLC faults on start.")


def p99(samples: list[float]) -> float:
    """The 99th percentile (the largest sample below 100 samples)."""
    return statistics.quantiles(samples, n=100, method="inclusive")[98]


async def presses(delay: float, count: int, folder: Path) -> list[float]:
    """Seconds each of `count` Assign presses waited for its HTTP answer."""
    connector = FakeConnector(delay=delay)
    await connector.start()
    settings = Settings(
        _env_file=None,
        database_url=f"sqlite+aiosqlite:///{folder / f'desk-{delay}.db'}",
        scheduler_enabled=False,
    )
    desk = Desk(settings, connector)
    await desk.start()
    try:
        mary, kevin = desk.user("Mary"), desk.user("Kevin")
        await kevin.says("whoami")  # Kevin has a chat with the bot: his notices are sent
        services = desk.app[SERVICES]
        waited = []
        for n in range(count):
            draft = TicketDraft(f"Line {n} stops", **PLC)
            ticket, _ = await services.tickets.create(draft, "mary", f"k{n}", services.clock())
            data = {"number": ticket.number, "assignee": "kevin"}
            click = act.execute_action(mary.user, ASSIGN, data, "card-1", desk.service_url)
            started = time.perf_counter()
            response = await desk.client.post("/api/messages", json=click)
            body = await response.json()
            waited.append(time.perf_counter() - started)
            assert "Assigned to Kevin" in str(body), body
            await desk.app[AFTER].idle()  # the next press starts on a quiet bot
        # Kevin's cards went out after the answers (some paced by Teams' 7/s per chat).
        assert len(connector.sent) > 1, "no notice was sent"
        return waited
    finally:
        await desk.close()
        await connector.close()


async def main(count: int, delay: float) -> float:
    """Print both p99s and their ratio; return the ratio."""
    with tempfile.TemporaryDirectory() as folder:
        instant = await presses(0.0, count, Path(folder))
        slow = await presses(delay, count, Path(folder))
    ratio = p99(slow) / p99(instant)
    print(f"Assign press, {count} presses each (HTTP answer only; notices go after it)")
    print(
        f"  instant connector   p50 {statistics.median(instant) * 1000:7.1f} ms   "
        f"p99 {p99(instant) * 1000:7.1f} ms"
    )
    print(
        f"  {delay * 1000:.0f} ms connector    p50 {statistics.median(slow) * 1000:7.1f} ms   "
        f"p99 {p99(slow) * 1000:7.1f} ms"
    )
    print(f"  slow/instant p99: {ratio:.2f}x (target <= 1.20x)")
    return ratio


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--presses", type=int, default=40)
    parser.add_argument("--delay", type=float, default=0.3)
    args = parser.parse_args()
    asyncio.run(main(args.presses, args.delay))
