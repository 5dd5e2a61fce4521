"""The bot as its own process (`python app.py`), started from settings and killed with SIGKILL."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import sys
from collections.abc import Mapping
from pathlib import Path

from services.settings import Settings

APP = Path(__file__).resolve().parents[2] / "app.py"


def bot_env(settings: Settings, **sync: object) -> dict[str, str]:
    """The environment that gives `python app.py` these settings, its sync sending in the
    background with `sync` as SYNC_* overrides."""
    env = {
        "DATABASE_URL": settings.database_url,
        "SUPPORT_PROFILE": settings.profile,
        "SCHEDULER_ENABLED": "false",
        "LOG_FORMAT": "text",
        "SYNC_BACKGROUND": "true",
        "ZENDESK_URL": settings.zendesk_url,
        "ZENDESK_EMAIL": settings.zendesk_email,
        "ZENDESK_API_TOKEN": settings.zendesk_api_token,
        "ZENDESK_WEBHOOK_SECRET": settings.zendesk_webhook_secret,
    }
    return env | {f"SYNC_{name.upper()}": str(value) for name, value in sync.items()}


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


async def start_bot(env: Mapping[str, str], log: Path) -> asyncio.subprocess.Process:
    """`python app.py` on a free loopback port, its output appended to `log`."""
    # Only what Python needs from this process's environment: a developer's .env or MicrosoftAppId
    # must not leak in (the working directory is the log's folder, which has no .env).
    keep = {k: os.environ[k] for k in ("PATH", "HOME", "LANG") if k in os.environ}
    with log.open("ab") as out:
        return await asyncio.create_subprocess_exec(
            sys.executable,
            str(APP),
            env=keep | dict(env) | {"PORT": str(_free_port()), "PYTHONUNBUFFERED": "1"},
            cwd=log.parent,
            stdout=out,
            stderr=out,
        )


async def kill_9(process: asyncio.subprocess.Process) -> None:
    """SIGKILL: no clean-up, no last word to the database or to Zendesk."""
    process.send_signal(signal.SIGKILL)
    await process.wait()


async def stop(process: asyncio.subprocess.Process) -> None:
    """SIGTERM, and wait for the clean shutdown."""
    if process.returncode is None:
        process.terminate()
        await asyncio.wait_for(process.wait(), 30)
