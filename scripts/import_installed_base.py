"""Load a NetSuite saved-search export of machines into the bot's database, the installed base
BP Search reads when NetSuite is not connected (docs/installed-base.md lists the columns).

  python -m scripts.import_installed_base FILE.csv [--database-url URL]

Records are upserted by their Internal ID, so loading a newer export again updates them. One
bad row refuses the whole file: every problem is printed with its line number and nothing is
loaded. The complexity keys are the profile's (SUPPORT_PROFILE).
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path

from sqlalchemy.engine import make_url

from services.db import Database
from services.installed_base.importing import load_export
from services.installed_base.saved_search import ExportRefused, read_export
from services.profile import Profile, load_profile
from services.settings import Settings


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """The file and the database (the bot's DATABASE_URL unless named)."""
    parser = argparse.ArgumentParser(
        prog="python -m scripts.import_installed_base", description=__doc__.splitlines()[0]
    )
    parser.add_argument("file", type=Path, help="the saved search's CSV export")
    parser.add_argument("--database-url", help="default: the bot's DATABASE_URL setting")
    return parser.parse_args(argv)


async def run(path: Path, url: str, profile: Profile) -> str:
    """Read, check and load the file; what was loaded, in a sentence. Raises ExportRefused."""
    try:
        # utf-8-sig: NetSuite's CSV starts with a byte-order mark; newline="" keeps line breaks
        # inside quoted values for the csv module.
        with path.open(encoding="utf-8-sig", newline="") as lines:
            export = read_export(lines, profile)
    except UnicodeDecodeError as error:
        raise ExportRefused([f"{path} is not UTF-8 text ({error.reason})"]) from error
    except OSError as error:
        raise ExportRefused([f"cannot read {path}: {error.strerror or error}"]) from error
    db = await Database.connect(url)
    try:
        await db.migrate()
        loaded = await load_export(db, export)
    finally:
        await db.close()
    shown = make_url(url).render_as_string(hide_password=True)
    return (
        f"Loaded {len(export.machines)} machines ({loaded.new_machines} new, "
        f"{loaded.updated_machines} updated) of {loaded.customers} customers "
        f"({loaded.new_customers} new) at {loaded.sites} sites from {path} into {shown}"
    )


def main(argv: list[str] | None = None) -> int:
    """Run from the command line; 2 when the file is refused."""
    args = parse_args(argv)
    settings = Settings()
    url = args.database_url or settings.database_url
    try:
        told = asyncio.run(run(args.file, url, load_profile(settings.profile)))
    except ExportRefused as refusal:
        print(f"Not loading {args.file}; nothing was loaded:", file=sys.stderr)
        print("\n".join(f"  {problem}" for problem in refusal.problems), file=sys.stderr)
        return 2
    print(told)
    return 0


if __name__ == "__main__":
    sys.exit(main())
