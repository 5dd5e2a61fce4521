"""Hypothesis strategies for what a client could post to /api/messages: Teams-shaped or not."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from hypothesis import strategies as st

from bot.router import Router
from dialogs import desk_features
from tests.harness import activities as act

ROSTER = ("Mary", "Jordan", "Kevin", "Sean", "Ezechiel", "Allison")
ROUTER = Router(desk_features())
VERBS = sorted(action.verb for feature in ROUTER.features for action in feature.actions)
PHRASES = sorted(
    {c.name for c in ROUTER.commands} | {a for c in ROUTER.commands for a in c.aliases}
)
OTHER_TENANT = "0badc0de-0000-4000-8000-000000000bad"


@dataclass(frozen=True)
class Post:
    """One request: a JSON activity from a sender, or raw bytes; optionally sent twice."""

    sender: str = "Mary"
    activity: dict[str, Any] | None = None
    raw: bytes | None = None
    twice: bool = False
    note: str = field(default="", compare=False)

    def body(self) -> bytes:
        """The bytes posted."""
        return self.raw if self.raw is not None else json.dumps(self.activity).encode()


leaves = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**40), max_value=10**40),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=40),
)
json_values = st.recursive(
    leaves,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=12), inner, max_size=4)
    ),
    max_leaves=16,
)
# Values a card field could be given by a client that ignores the card's hints.
hostile_text = st.one_of(
    st.text(max_size=60),
    st.sampled_from(["BP-1001", "BP-1002", "1001", "#1001", "KB-1", "kevin", "true", "0"]),
    st.builds(
        lambda c, n: c * n,
        st.sampled_from(["<", "x", "é", "'", "%", "-- "]),
        st.integers(0, 120_000),
    ),
    st.builds(lambda n: "9" * n, st.integers(1, 5_000)),
)
hostile_numbers = st.sampled_from([0, -1, 1, 1440, 1441, 2**31, 3_000_000_000, 2**63, 10**30])
field_values = st.one_of(hostile_text, hostile_numbers, json_values)


def _card_data(verb: str) -> st.SearchStrategy[dict[str, Any]]:
    model = ROUTER.action(verb).model  # type: ignore[union-attr]
    names = list(model.model_fields) or ["number"]
    known = st.dictionaries(st.sampled_from(names), field_values, max_size=len(names))
    return st.one_of(known, st.dictionaries(st.text(max_size=8), json_values, max_size=3))


@st.composite
def teams_posts(draw: st.DrawFn) -> Post:
    """A Teams-shaped activity, possibly mutated into one Teams would never send."""
    sender = draw(st.sampled_from((*ROSTER, "Stranger")))
    user = act.TeamsUser(sender, f"29:{sender.lower()}", "", f"{sender.lower()}@bestpack.example")
    kind = draw(st.sampled_from(["text", "submit", "execute", "invoke", "other"]))
    url = "http://127.0.0.1:1"  # replaced with the connector's address when posted
    if kind == "text":
        words = draw(st.one_of(st.sampled_from(PHRASES), st.text(max_size=30)))
        text = f"{words} {draw(hostile_text)}"
        activity = act.personal_message(user, text, url)
    elif kind in ("submit", "execute"):
        verb = draw(st.one_of(st.sampled_from(VERBS), st.text(max_size=20)))
        data = draw(_card_data(verb)) if verb in VERBS else draw(json_values)
        if kind == "submit":
            value = {"verb": verb, **data} if isinstance(data, dict) else {"verb": verb}
            activity = act.submit_action(user, value, "f:1", url)
        else:
            activity = act.execute_action(user, verb, {}, "f:1", url)
            activity["value"]["action"]["data"] = data
    elif kind == "invoke":
        activity = act.personal_message(user, "", url)
        activity.update(type="invoke", name=draw(st.text(max_size=30)), value=draw(json_values))
    else:
        activity = act.personal_message(user, "", url)
        activity["type"] = draw(st.sampled_from(["conversationUpdate", "typing", "event", "x"]))
    for _ in range(draw(st.integers(0, 2))):
        key = draw(st.sampled_from(sorted(activity)))
        if draw(st.booleans()):
            activity.pop(key)
        else:
            activity[key] = draw(json_values)
    return Post(sender, activity, twice=draw(st.booleans()))


raw_posts = st.builds(
    lambda raw: Post(raw=raw),
    st.one_of(
        st.binary(max_size=200),
        st.builds(
            lambda c, n: (c * n).encode(),
            st.sampled_from(["[", "{", '{"a":']),
            st.integers(1, 200_000),
        ),
    ),
)
posts = st.one_of(teams_posts(), raw_posts)
