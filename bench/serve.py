"""Runs one aiohttp app per child process on a free loopback port, and stops it cleanly."""

from __future__ import annotations

import asyncio
import contextlib
import importlib
import logging
import multiprocessing
import os
import socket
import time
import traceback
import warnings
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any

from aiohttp import web

# What a child builds is named as "module:function(options) -> web.Application", not pickled,
# so the connector's process never imports botbuilder and every child starts from a clean import.
CONNECTOR = "bench.connector:connector_app"
ECHO = "bench.bots:echo_app"
DESK = "bench.bots:desk_app"
FLOOR = "bench.floor:floor_app"


def pin_to(cpu: int | None) -> None:
    """Keep this process on one CPU (where the OS allows it), so runs do not migrate mid-way."""
    if cpu is not None and hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {cpu})


def _quiet() -> None:
    # botbuilder 4.17 is archived and uses datetime.utcnow: its deprecation noise is not ours.
    warnings.simplefilter("ignore", DeprecationWarning)
    logging.basicConfig(level=logging.WARNING, format="  [%(process)d %(name)s] %(message)s")
    # The bot's one start-up warning ("authentication is OFF") is expected here; errors still show.
    logging.getLogger("bot").setLevel(logging.ERROR)


async def _serve(spec: str, options: dict[str, Any], control: Connection) -> None:
    _quiet()
    module, _, function = spec.partition(":")
    app: web.Application = getattr(importlib.import_module(module), function)(options)
    # No access log, for every app alike: it is I/O the bench would measure instead of the bot.
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    sock = socket.create_server(("127.0.0.1", 0))
    await web.SockSite(runner, sock).start()
    control.send(("port", sock.getsockname()[1]))
    await asyncio.get_running_loop().run_in_executor(None, _answer, control)
    await runner.cleanup()


def _answer(control: Connection) -> None:
    # Runs on a thread, so the event loop never waits for the parent. "cpu" asks for this
    # process's CPU seconds (all threads: the loop, aiosqlite's, the executor's); anything
    # else, or the parent going away, means stop, and cleanup then runs the app's contexts.
    try:
        while control.recv() == "cpu":
            control.send(time.process_time())
    except EOFError:
        pass


def _child(spec: str, options: dict[str, Any], control: Connection, cpu: int | None) -> None:
    pin_to(cpu)
    try:
        asyncio.run(_serve(spec, options, control))
    except BaseException:
        with contextlib.suppress(OSError):
            control.send(("error", traceback.format_exc()))
        raise


@dataclass
class Served:
    """A running child process serving one app."""

    spec: str
    process: multiprocessing.process.BaseProcess
    control: Connection
    port: int = 0

    @property
    def url(self) -> str:
        """The app's base URL, on loopback."""
        return f"http://127.0.0.1:{self.port}"

    def cpu_seconds(self) -> float:
        """The CPU time the child has used so far."""
        self.control.send("cpu")
        return self.control.recv()

    def stop(self, timeout: float = 10.0) -> None:
        """Ask the child to shut down cleanly; terminate only this child if it does not."""
        with contextlib.suppress(OSError):
            self.control.send("stop")
        self.process.join(timeout)
        if self.process.is_alive():
            self.process.terminate()
            self.process.join(timeout)


def start(spec: str, options: dict[str, Any], cpu: int | None = None) -> Served:
    """Spawn a child serving the app `spec` builds; ready() on the result waits for its port."""
    # spawn, not fork: each child imports its own modules and owns a fresh event loop.
    context = multiprocessing.get_context("spawn")
    parent_end, child_end = context.Pipe()
    process = context.Process(
        target=_child, args=(spec, options, child_end, cpu), name=f"bench {spec}", daemon=True
    )
    process.start()
    child_end.close()
    return Served(spec, process, parent_end)


def ready(served: Served, timeout: float = 60.0) -> Served:
    """Wait for the child's port; a child that failed to start raises with its traceback."""
    if not served.control.poll(timeout):
        served.stop()
        raise RuntimeError(f"{served.spec} did not start within {timeout:.0f} s")
    try:
        what, value = served.control.recv()
    except EOFError:
        what, value = "error", "the process exited without a word"
    if what != "port":
        served.stop()
        raise RuntimeError(f"{served.spec} failed to start:\n{value}")
    served.port = value
    return served
