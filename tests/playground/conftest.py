"""The bot behind the real Microsoft 365 Agents Playground, driven by scripts/playground/.

Opt-in, for every test in this folder: `PLAYGROUND=1` (and `PLAYGROUND_BIN` if
`agentsplayground` is not on PATH). Each test module starts the bot and the playground on free
ports, with its own fresh SQLite file (so the first ticket filed is BP-1001) and the roster's
mock users (.m365agentsplayground.yml at the repository root): Mary types in her 1:1 chat, the
others in the group chat. The scheduler is off unless a module turns it on. To start the bot
differently, a module overrides `bot_database` (e.g. with a file it fills with demo data first)
or `bot_environment` (the bot's settings); `demo_database` fills one as `make demo` does.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest

from scripts.playground import Playground

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
CONFIG = ROOT / ".m365agentsplayground.yml"
PLAYGROUND_BIN = os.environ.get("PLAYGROUND_BIN") or shutil.which("agentsplayground")

OPT_IN = [
    pytest.mark.skipif(
        os.environ.get("PLAYGROUND") != "1", reason="set PLAYGROUND=1 to run against the playground"
    ),
    pytest.mark.skipif(
        PLAYGROUND_BIN is None,
        reason="agentsplayground not found: npm i @microsoft/m365agentsplayground, or set "
        "PLAYGROUND_BIN",
    ),
]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Skip the tests in this folder unless the playground is asked for and installed."""
    for item in items:
        if item.path.resolve().is_relative_to(HERE):
            for mark in OPT_IN:
                item.add_marker(mark)


@dataclass(frozen=True)
class Stack:
    """Where the running playground answers, and what the bot behind it runs on."""

    url: str
    database: Path | None = None  # the bot's SQLite file
    bot_log: Path | None = None


def sqlite_url(path: Path) -> str:
    """The DATABASE_URL of a SQLite file, as the bot and scripts.demo_data read it."""
    return f"sqlite+aiosqlite:///{path}"


def demo_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh SQLite file with the demo's ten days up to the real now, as `make demo` fills
    it: what a module's `bot_database` returns to run its story on the demo."""
    path = tmp_path_factory.mktemp("demo") / "bot.db"
    now = datetime.now(UTC).replace(microsecond=0)
    command = [sys.executable, "-m", "scripts.demo_data", "--database-url", sqlite_url(path)]
    filled = subprocess.run(
        [*command, "--now", now.isoformat()], cwd=ROOT, capture_output=True, text=True
    )
    assert filled.returncode == 0, filled.stderr
    return path


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _read(*logs: Path) -> str:
    return "\n".join(log.read_text(errors="replace") for log in logs if log.exists())


def _wait_until_up(url: str, process: subprocess.Popen, *logs: Path, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"{process.args[0]} exited with {process.returncode}:\n{_read(*logs)}")
        try:
            with urllib.request.urlopen(url, timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    pytest.fail(f"{url} did not answer within {timeout:g}s:\n{_read(*logs)}")


def _start(args: list[str], cwd: Path, env: dict[str, str], log: Path) -> subprocess.Popen:
    # Output goes to a file: an unread pipe would fill up and stall the process.
    with log.open("wb") as sink:
        return subprocess.Popen(args, cwd=cwd, env=env, stdout=sink, stderr=subprocess.STDOUT)


@pytest.fixture(scope="module")
def bot_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The SQLite file the bot runs on: a fresh one, unless the module overrides this."""
    return tmp_path_factory.mktemp("database") / "bot.db"


@pytest.fixture(scope="module")
def bot_environment() -> dict[str, str]:
    """Settings for the bot on top of the test run's environment; a module may override it.

    The scheduler is off by default: its first pass, at start-up, posts last week's scorecard
    to Mary and Allison, and that card would land among the replies of their first turn.
    """
    return {"SCHEDULER_ENABLED": "false"}


@pytest.fixture(scope="module")
def playground_config() -> Path:
    """The mock tenant the playground holds; a module on another desk names that desk's file."""
    return CONFIG


@pytest.fixture(scope="module")
def stack(
    tmp_path_factory: pytest.TempPathFactory,
    bot_database: Path,
    bot_environment: dict[str, str],
    playground_config: Path,
) -> Iterator[Stack]:
    """The bot, on its database, and the playground, running for one test module."""
    work = tmp_path_factory.mktemp("playground")
    bot_port, playground_port = _free_port(), _free_port()
    bot_env = {
        **os.environ,
        **bot_environment,
        "DATABASE_URL": sqlite_url(bot_database),
        "PORT": str(bot_port),
        # Environment beats a developer's .env: the playground sends no tokens.
        "MicrosoftAppId": "",
        "MicrosoftAppPassword": "",
    }
    # The playground prints little to stdout; its console, config errors included, goes here.
    playground_console = work / "playground-console.log"
    playground_env = {
        **os.environ,
        "M365_AGENTS_PLAYGROUND_CONFIG_PATH": str(playground_config),
        "M365_AGENTS_PLAYGROUND_LOGFILE": str(playground_console),
        "TEAMSAPPTESTER_BROWSER": "none",  # what the playground reads to skip opening a browser
        "BROWSER": "none",
    }
    processes: list[subprocess.Popen] = []
    try:
        bot_log = work / "bot.log"
        processes.append(_start([sys.executable, "app.py"], ROOT, bot_env, bot_log))
        _wait_until_up(f"http://127.0.0.1:{bot_port}/healthz", processes[-1], bot_log)
        playground_log = work / "playground.log"
        command = [
            str(PLAYGROUND_BIN),
            "-e",
            f"http://127.0.0.1:{bot_port}/api/messages",
            "-c",
            "msteams",
            "-p",
            str(playground_port),
            "--disable-telemetry",
        ]
        # Run it in scratch space and name the config explicitly: the tests read that file and
        # nothing else, wherever they are started from.
        processes.append(_start(command, work, playground_env, playground_log))
        url = f"http://127.0.0.1:{playground_port}"
        _wait_until_up(f"{url}/_debug/ping", processes[-1], playground_log, playground_console)
        yield Stack(url, bot_database, bot_log)
    finally:
        for process in reversed(processes):
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


@pytest.fixture
async def pg(stack: Stack) -> AsyncIterator[Playground]:
    """A client of the running playground."""
    async with Playground(stack.url) as client:
        yield client
