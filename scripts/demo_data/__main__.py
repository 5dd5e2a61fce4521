"""The command line: refuse a database in use (or PostgreSQL) unless --force, fill, summarize."""

from __future__ import annotations

import argparse
import asyncio
import sys
from datetime import UTC, datetime

import httpx
from sqlalchemy.engine import make_url

from scripts.demo_data.desk import fill_desk
from scripts.demo_data.fill import fill
from scripts.demo_data.summary import existing_content, summarize
from services.app_services import build_services
from services.db import Database
from services.profile import FieldRole, Profile, load_profile
from services.settings import Settings

AGAIN = (
    "To start over, delete the SQLite file (or point --database-url at a new one) and run "
    "this again. Re-running with --force on a demo database adds nothing: its tickets are "
    "found by their intake keys and skipped."
)


class Refused(Exception):
    """The database must not be filled without --force; the message says why."""


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """The options; the database defaults to the bot's own (Settings().database_url)."""
    parser = argparse.ArgumentParser(prog="python -m scripts.demo_data", description=__doc__)
    parser.add_argument("--database-url", help="default: the bot's DATABASE_URL setting")
    parser.add_argument("--days", type=int, default=10, help="days of history (default 10)")
    parser.add_argument("--seed", type=int, default=7, help="random seed (default 7)")
    parser.add_argument("--now", help="ISO 8601 time the demo ends at (default: now)")
    parser.add_argument(
        "--force", action="store_true", help="fill a non-empty or PostgreSQL database anyway"
    )
    args = parser.parse_args(argv)
    if args.days < 3:
        parser.error("--days must be at least 3 for the stories to unfold")
    return args


def refuse_postgres(url: str, force: bool) -> None:
    """PostgreSQL is where production lives: only with an explicit --force."""
    if make_url(url).get_backend_name() == "postgresql" and not force:
        raise Refused(
            f"{make_url(url).render_as_string(hide_password=True)} is a PostgreSQL database. "
            "Demo data never goes into production without an explicit flag: add --force if "
            "this is a throw-away database."
        )


def filler(profile: Profile):
    """The demo for the profile's desk: machines and their fleet where intake asks for a
    serial number, platform tickets where it asks for none (Kinetic Data's)."""
    return fill if profile.field_for(FieldRole.SERIAL_NUMBER) is not None else fill_desk


async def run(url: str, settings: Settings, *, days: int, seed: int, now: datetime,
              force: bool) -> list[str]:  # fmt: skip
    """Migrate, check, fill and summarize; the summary's lines. Raises Refused."""
    refuse_postgres(url, force)
    shown = make_url(url).render_as_string(hide_password=True)
    db = await Database.connect(url)
    try:
        await db.migrate()
        found = await existing_content(db)
        if found and not force:
            listed = ", ".join(f"{n} {what}" for what, n in found.items())
            raise Refused(
                f"{shown} is not empty: it holds {listed}. Refusing to mix demo data into it; "
                f"add --force to add the demo anyway. {AGAIN}"
            )
        async with httpx.AsyncClient() as http:
            profile = load_profile(settings.profile)
            services = build_services(settings, profile, db, http)
            tally = await filler(profile)(services, now, days=days, seed=seed)
            summary = await summarize(services, now)
    finally:
        await db.close()
    told = ", ".join(f"{name} {n}" for name, n in sorted(tally.stories.items())) or "none new"
    skipped = f"; {tally.skipped} tickets already there, skipped" if tally.skipped else ""
    return [
        f"Demo data in {shown} (seed {seed}, {days} days up to {now:%Y-%m-%d %H:%M} UTC)",
        f"Stories: {told}{skipped}",
        *summary.lines(),
        AGAIN,
    ]


def main(argv: list[str] | None = None) -> int:
    """Run from the command line; 2 when refused."""
    args = parse_args(argv)
    settings = Settings()
    url = args.database_url or settings.database_url
    now = datetime.fromisoformat(args.now) if args.now else datetime.now(UTC)
    if now.tzinfo is None:
        now = now.replace(tzinfo=UTC)
    try:
        lines = asyncio.run(
            run(url, settings, days=args.days, seed=args.seed, now=now, force=args.force)
        )
    except Refused as refusal:
        print(f"Not filling: {refusal}", file=sys.stderr)
        return 2
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
