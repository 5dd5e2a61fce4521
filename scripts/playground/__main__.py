"""Drive the Microsoft 365 Agents Playground from Python, the way its web UI does.

The command line: `python -m scripts.playground [--url URL] [--as USER ...]` runs the
help/whoami scenario for each user against a running bot and playground, and prints the cards.
`--say TEXT` (repeatable) types those instead; `--inbox` first opens each user's own chat with
the bot (installing the app for them, as Teams does) and prints what the bot sent there, e.g.
the SLA alerts and the weekly scorecard held since `make demo`:

    python -m scripts.playground --as Mary --as Allison --inbox --say scorecard
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time

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


async def inbox(pg: Playground, who: str | None, quiet: float = 1.5) -> None:
    """Open `who`'s own chat with the bot and print what arrives there until it goes quiet.

    Installing the app is what lets the bot reach someone: what it held for them (alerts, the
    scorecard) comes then, paced out, so this waits until nothing new came for `quiet` seconds.
    """
    user = pg.user(who)
    chat = await pg.install_app(user)
    seen, deadline = -1, time.monotonic() + pg.timeout
    while len(pg.logged_messages(chat)) != seen and time.monotonic() < deadline:
        seen = len(pg.logged_messages(chat))
        await asyncio.sleep(quiet)
    told = pg.logged_messages(chat)
    print(f"== {user.name}'s own chat with the bot: {len(told)} message(s)")
    for message in told:
        print("\n".join("  " + line for line in describe(message)))


async def say_each(pg: Playground, who: str | None, texts: list[str]) -> bool:
    """Type each text as `who`, printing the replies; True if the bot answered every one."""
    user = pg.user(who)
    answered = True
    for text in texts:
        replies = await pg.say(text, as_user=user)
        print(f"> {user.name}: {text}")
        if not replies:
            print("  (no reply)")
            answered = False
        for reply in replies:
            print("\n".join("  " + line for line in describe(reply)))
    return answered


async def run(
    url: str,
    people: list[str | None],
    timeout: float,
    texts: list[str] | None = None,
    show_inbox: bool = False,
) -> int:
    """Run the scenario (or the inbox and the texts) for each person; the exit status."""
    try:
        async with Playground(url, timeout=timeout) as pg:
            print(
                f"playground {url}: bot {pg.bot['name']} ({pg.bot['id']}), "
                f"current user {pg.me.name} <{pg.me.email}>"
            )
            ok = True
            for who in people:
                if show_inbox:
                    await inbox(pg, who)
                if texts:
                    ok = await say_each(pg, who, texts) and ok
                elif not show_inbox:
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
    parser.add_argument(
        "--say",
        dest="texts",
        action="append",
        metavar="TEXT",
        help="type this as each user instead of help/whoami; repeat for several",
    )
    parser.add_argument(
        "--inbox",
        action="store_true",
        help="first open each user's own chat (installing the app) and print what it holds",
    )
    parser.add_argument("--timeout", type=float, default=20.0, help="seconds per bot turn")
    args = parser.parse_args(argv)
    people = args.people or [None]
    return asyncio.run(run(args.url, people, args.timeout, args.texts, args.inbox))


if __name__ == "__main__":
    sys.exit(main())
