"""Several BP Search hits: a short list, each with a button that answers with its card."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from microsoft_teams.cards import (
    ActionSet,
    CardElement,
    Column,
    ColumnSet,
    ExecuteAction,
    TextBlock,
)

from cards.bp_search import gaps_block
from cards.fit import TITLE, clip
from cards.render import card, heading, note, render
from services.bp_search import Candidate, Gap, Kind

PICK = "bp_search.pick"  # data: {"kind": Kind, "ref": the serial, customer ref or order number}
_NOUNS = {Kind.MACHINE: "machines", Kind.CUSTOMER: "customers", Kind.ORDER: "orders"}


def _row(candidate: Candidate) -> ColumnSet:
    texts: list[CardElement] = [TextBlock(text=clip(candidate.title, TITLE), wrap=True)]
    if candidate.detail:
        texts.append(note(clip(candidate.detail, TITLE)))
    button = ExecuteAction(
        title="Open", verb=PICK, data={"kind": candidate.kind.value, "ref": candidate.ref}
    )
    opener = Column(
        width="auto", vertical_content_alignment="Center", items=[ActionSet(actions=[button])]
    )
    return ColumnSet(separator=True, columns=[Column(width="stretch", items=texts), opener])


def candidates_card(
    typed: str,
    candidates: Sequence[Candidate],
    *,
    more: bool = False,
    gaps: Sequence[Gap] = (),
    now: datetime,
) -> dict:
    """What `typed` matched, to pick one from; `more`: others matched too."""
    kinds = {c.kind for c in candidates}
    noun = _NOUNS[next(iter(kinds))] if len(kinds) == 1 else "records"
    count = f"{len(candidates)}+" if more else f"{len(candidates)}"
    body: list[CardElement] = [
        heading(f"{count} {noun} match “{clip(typed, TITLE)}”"),
        *gaps_block(gaps, now),
        note("Pick one to see its card."),
    ]
    body.extend(_row(candidate) for candidate in candidates)
    if more:
        body.append(note("More match than are listed: type more of the name or serial."))
    return render(card(body))
