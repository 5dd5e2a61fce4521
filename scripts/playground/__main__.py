"""Drive the Microsoft 365 Agents Playground from Python, the way its web UI does.

The command line: `python -m scripts.playground [--url URL] [--as USER ...]` runs the
help/whoami scenario for each user against a running bot and playground, and prints the cards.
"""

from __future__ import annotations

import argparse
import asyncio
import sys

import aiohttp

from .cards import card_title, cards, describe
from .client import Playground
from .model import DEFAULT_URL, Activity, PlaygroundError


async def scenario(pg: Playground, who: str | None) -> bool:
    """help, whoami and the whoami card's Refresh for one user; True if the bot answered all."""
    user = pg.user(who)
    print(f"== {user.name} <{user.email}> id={user.id} aadObjectId={user.aad_object_id}")
    answered = True
    whoami_reply: Activity | None = None
    for text in ("help", "whoami"):
        replies = await pg.say(text, as_user=user)
        print(f"> {text}")
        if not replies:
            print("  (no reply)")
            answered = False
        for reply in replies:
            print("\n".join("  " + line for line in describe(reply)))
            if text == "whoami" and cards(reply):
                whoami_reply = reply
    if whoami_reply is None:
        return False
    result = await pg.execute(whoami_reply, "whoami.refresh", as_user=user)
    print("> [Refresh] (Action.Execute)")
    if result.card is not None:
        print(f"  card replaced: {card_title(result.card)}")
    else:
        print(f"  {result.response}")
        answered = False
    for reply in result.replies:
        print("\n".join("  " + line for line in describe(reply)))
    return answered


async def run(url: str, people: list[str | None], timeout: float) -> int:
    """Run the scenario for each person; the exit status."""
    try:
        async with Playground(url, timeout=timeout) as pg:
            print(
                f"playground {url}: bot {pg.bot['name']} ({pg.bot['id']}), "
                f"current user {pg.me.name} <{pg.me.email}>"
            )
            ok = True
            for who in people:
                ok = await scenario(pg, who) and ok
            return 0 if ok else 1
    except aiohttp.ClientError as error:
        print(f"cannot reach the playground at {url}: {error}", file=sys.stderr)
        return 2
    except PlaygroundError as error:
        print(f"failed: {error}", file=sys.stderr)
        return 1


def main(argv: list[str] | None = None) -> int:
    """Command line: run the help/whoami scenario against a running bot and playground."""
    parser = argparse.ArgumentParser(
        prog="python -m scripts.playground", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--url", default=DEFAULT_URL, help="the playground (default: %(default)s)")
    parser.add_argument(
        "--as",
        dest="people",
        action="append",
        metavar="USER",
        help="a mock user's name, e-mail or id; repeat for several (default: the current user)",
    )
    parser.add_argument("--timeout", type=float, default=20.0, help="seconds per bot turn")
    args = parser.parse_args(argv)
    return asyncio.run(run(args.url, args.people or [None], args.timeout))


if __name__ == "__main__":
    sys.exit(main())
