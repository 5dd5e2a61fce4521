"""`sync status`: queue depth, the oldest unsent change's age and the dead letters, in words."""

from __future__ import annotations

from bot.router import Feature
from bot.turn import Turn
from services.profile import Capability
from services.sync import SyncQueue, describe, sync_stats
from services.sync.status import describe_dead

feature = Feature("sync")
DEAD_SHOWN = 10  # the newest dead letters named; the count covers them all


@feature.command(
    "sync status",
    help="How the sync to the system of record stands: what waits, how long, what was refused",
    capability=Capability.VIEW_SYNC,
)
async def sync_status(turn: Turn, args: str) -> None:
    """Say where each system of record's queue stands and why changes were given up."""
    services = turn.services
    if services.profile.system_of_record == "embedded":
        await turn.say("The tickets are kept in the bot's own database: nothing is synced.")
        return
    lines = describe(await sync_stats(services.db), services.clock())
    dead = await SyncQueue(services.db).dead_letters(DEAD_SHOWN)
    if dead:
        lines.append("Refused or given up, newest first:")
        lines.extend(f"- {line}" for line in describe_dead(dead, _namer(turn)))
    await turn.say("\n\n".join(lines))


def _namer(turn: Turn):
    def name_of(person_id: str) -> str:
        try:
            return turn.services.profile.person(person_id).name
        except KeyError:
            return person_id

    return name_of
