"""`python -m scripts.import_installed_base FILE.csv`: a saved-search export loads, a newer one
updates it, and a file with a bad row is refused with its line numbers, loading nothing."""

from __future__ import annotations

import asyncio

from scripts.import_installed_base import main
from services.db import Database
from services.installed_base.embedded import EmbeddedInstalledBase

EXPORT = """\ufeffInternal ID,Serial Number,Model,Complexity,Install Date,Warranty End,\
Service Contract End,Customer Internal ID,Customer,Site Internal ID,Site,Site City,Site State,\
Main Contact,Main Contact Email,Main Contact Phone\r
4711,CE4-10421,BP-400 Case Erector,standard,5/3/2024,5/3/2025,,812,Harvest Valley Foods,55,\
Fresno plant,Fresno,CA,Dana Whitfield,dana@hv.example.com,+1 559 555 0142\r
4712,TF5-20001,TF-500 Tray Former,custom,1/15/2019,1/15/2021,12/31/2027,812,\
Harvest Valley Foods,55,Fresno plant,Fresno,CA,Dana Whitfield,dana@hv.example.com,\
+1 559 555 0142\r
4713,NC2-30001,NC-2 Tape Head,standard,,,,813,Northwind Bottling,57,Newark hall,Newark,NJ,,,\r
"""


def machine(url: str, serial: str):
    """The machine with this serial in the database at `url`, as BP Search finds it."""

    async def look() -> object:
        db = await Database.connect(url)
        try:
            return await EmbeddedInstalledBase(db).machine(serial)
        finally:
            await db.close()

    return asyncio.run(look())


def test_an_export_loads_and_a_newer_one_updates_it(tmp_path, capsys) -> None:
    url, path = f"sqlite+aiosqlite:///{tmp_path / 'bot.db'}", tmp_path / "machines.csv"
    path.write_text(EXPORT, encoding="utf-8")

    assert main([str(path), "--database-url", url]) == 0

    told = capsys.readouterr().out
    assert "Loaded 3 machines (3 new, 0 updated) of 2 customers (2 new) at 2 sites" in told
    assert machine(url, "tf5-20001").contract_end.isoformat() == "2027-12-31"
    path.write_text(EXPORT.replace("Erector", "Erector (rebuilt)"), encoding="utf-8")
    assert main([str(path), "--database-url", url]) == 0
    assert "(0 new, 3 updated) of 2 customers (0 new)" in capsys.readouterr().out
    assert machine(url, "CE4-10421").model == "BP-400 Case Erector (rebuilt)"


def test_a_file_with_bad_rows_is_refused_line_by_line_and_loads_nothing(tmp_path, capsys) -> None:
    url, path = f"sqlite+aiosqlite:///{tmp_path / 'bot.db'}", tmp_path / "machines.csv"
    path.write_text(EXPORT, encoding="utf-8")
    assert main([str(path), "--database-url", url]) == 0
    capsys.readouterr()
    bad = EXPORT.replace("BP-400 Case Erector", "BP-400 Case Erector (rebuilt)")
    bad = bad.replace("1/15/2019", "2019-15-01").replace("NC2-30001", "ce4-10421")
    path.write_text(bad, encoding="utf-8")

    assert main([str(path), "--database-url", url]) == 2

    refusal = capsys.readouterr().err.splitlines()
    assert refusal == [
        f"Not loading {path}; nothing was loaded:",
        "  line 3: Install Date '2019-15-01' is not a date (write it as M/D/YYYY or YYYY-MM-DD)",
        "  line 4: serial ce4-10421 is also on line 2",
    ]
    assert machine(url, "CE4-10421").model == "BP-400 Case Erector"  # line 2 was fine: not loaded
    assert machine(url, "NC2-30001") is not None


def test_a_file_that_is_not_utf8_or_not_there_is_refused(tmp_path, capsys) -> None:
    url, path = f"sqlite+aiosqlite:///{tmp_path / 'bot.db'}", tmp_path / "machines.csv"
    path.write_bytes(EXPORT.lstrip("\ufeff").replace("Harvest", "Hårvest").encode("latin-1"))

    assert main([str(path), "--database-url", url]) == 2
    assert "is not UTF-8 text" in capsys.readouterr().err
    assert main([str(tmp_path / "gone.csv"), "--database-url", url]) == 2
    assert "cannot read" in capsys.readouterr().err
