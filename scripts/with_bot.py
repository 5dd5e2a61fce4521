"""Run a command while the bot runs: start app.py, wait until /readyz answers, run, stop the bot.

`make playground` uses it to start the bot and the Agents Playground with one command:

    python -m scripts.with_bot [--port 3978] -- <agentsplayground binary> -e ...

The bot runs with authentication off (the playground sends no tokens), whatever `.env` says,
and logs to var/with_bot.log. If a bot already answers on the port (`make run` in another
terminal), that one is used and left running. The bot is stopped when the command ends, also on
Ctrl-C; the exit code is the command's.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LOG = ROOT / "var" / "with_bot.log"


def ready(port: int) -> bool:
    """Whether a bot on this port answers /readyz (database reachable and migrated)."""
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/readyz", timeout=1) as answer:
            return answer.status == 200
    except OSError:
        return False


def _tail(path: Path, lines: int = 20) -> str:
    """The last lines of a log file."""
    text = path.read_text(errors="replace") if path.exists() else ""
    return "\n".join(text.splitlines()[-lines:])


def start_bot(port: int, timeout: float) -> subprocess.Popen:
    """app.py on `port` without authentication, once it is ready; exits with its log if not."""
    env = {**os.environ, "PORT": str(port), "MicrosoftAppId": "", "MicrosoftAppPassword": ""}
    LOG.parent.mkdir(exist_ok=True)
    with LOG.open("wb") as sink:  # a file, not a pipe: an unread pipe would stall the bot
        bot = subprocess.Popen(
            [sys.executable, "app.py"], cwd=ROOT, env=env, stdout=sink, stderr=subprocess.STDOUT
        )
    deadline = time.monotonic() + timeout
    while not ready(port):
        if bot.poll() is not None or time.monotonic() > deadline:
            stop(bot)
            sys.exit(
                f"The bot did not become ready on port {port} (see {LOG}); last lines:\n"
                f"{_tail(LOG)}\nIf the port is taken, free it (lsof -i :{port}) or set PORT."
            )
        time.sleep(0.2)
    return bot


def stop(bot: subprocess.Popen) -> None:
    """Ask the bot to stop, and make it if it does not within ten seconds."""
    if bot.poll() is None:
        bot.terminate()
        try:
            bot.wait(timeout=10)
        except subprocess.TimeoutExpired:
            bot.kill()
            bot.wait()


def main(argv: list[str] | None = None) -> int:
    """Start the bot unless one runs, run the command, stop what was started."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT") or 3978))
    parser.add_argument("--timeout", type=float, default=60, help="seconds to wait for /readyz")
    parser.add_argument("command", nargs="+", help="what to run once the bot is ready")
    args = parser.parse_args(argv)
    bot = None
    if ready(args.port):
        print(f"A bot already answers on port {args.port}; using it.")
    else:
        bot = start_bot(args.port, args.timeout)
        print(f"Bot ready on http://127.0.0.1:{args.port}/api/messages (log: {LOG})")
    try:
        return subprocess.run(args.command, check=False).returncode
    except FileNotFoundError:
        print(
            f"{args.command[0]} not found. `make playground` installs it with npm: install "
            "Node.js 18+ (it brings npm), or set PLAYGROUND_CMD to an agentsplayground binary.",
            file=sys.stderr,
        )
        return 127
    except KeyboardInterrupt:
        return 130
    finally:
        if bot is not None:
            stop(bot)


if __name__ == "__main__":
    sys.exit(main())
