"""Which HubSpot records BP Search shows: the company that best matches a name, the company's
main contact, and which of its deals are still open. Pure choices over what HubSpot answered.
"""

from __future__ import annotations

import re

from services.clients.hubspot import Association, CrmObject
from services.clients.hubspot.models import Stage
from services.clients.hubspot.search import tokens, words_of
from services.installed_base.model import Contact, Deal

# HubSpot-defined "Company to contact (Primary)": this company is the contact's primary company.
PRIMARY_COMPANY_OF_CONTACT = 2
# HubSpot has no "primary contact" of a company; accounts that want one define a label for it
# ("Main contact", "Primary contact"...), which v4 answers carry as USER_DEFINED.
_MAIN_LABEL = re.compile(r"\b(primary|main)\b", re.IGNORECASE)
# The default pipeline's closed stages, for a deal read without hs_is_closed or stage metadata.
_CLOSED_STAGES = frozenset({"closedwon", "closedlost"})


def _plain(text: str) -> str:
    return " ".join(text.casefold().split())


def is_exact(name: str, company: CrmObject) -> bool:
    """Whether the company bears this name, case and spacing aside (as HubSpot's EQ matches)."""
    return _plain(company.get("name") or "") == _plain(name)


def best_match(name: str, candidates: list[CrmObject]) -> CrmObject | None:
    """The company named exactly `name` (case and spacing aside), else the one holding all its
    words whose name starts with it, has the fewest other words and is shortest; ties go to the
    oldest record. None when no candidate holds the words."""
    wanted = _plain(name)
    words = {w.casefold() for w in words_of(name)}

    def rank(company: CrmObject) -> tuple[int, int, int, int] | None:
        have = _plain(company.get("name") or "")
        theirs = {w.casefold() for w in tokens(have)}
        age = int(company.id) if company.id.isdigit() else 0
        if have == wanted:
            return (0, 0, 0, age)
        if not words or not words <= theirs:
            return None
        extra = len(theirs - words)
        return (1 if have.startswith(wanted) else 2, extra, len(have), age)

    ranked = [(r, c) for c in candidates if (r := rank(c)) is not None]
    return min(ranked, key=lambda pair: pair[0])[1] if ranked else None


def contact_order(associations: list[Association]) -> list[str]:
    """Contact ids, the likeliest main contact first: one the account labelled main or primary,
    then one whose primary company this is, then the rest in HubSpot's order."""

    def rank(item: tuple[int, Association]) -> tuple[int, int]:
        index, association = item
        if any(
            t.category != "HUBSPOT_DEFINED" and t.label and _MAIN_LABEL.search(t.label)
            for t in association.types
        ):
            return (0, index)
        if any(
            t.category == "HUBSPOT_DEFINED" and t.type_id == PRIMARY_COMPANY_OF_CONTACT
            for t in association.types
        ):
            return (1, index)
        return (2, index)

    return [a.to_id for _, a in sorted(enumerate(associations), key=rank)]


def contact_of(record: CrmObject) -> Contact:
    """A HubSpot contact as BP Search shows it."""
    named = " ".join(p for p in (record.get("firstname"), record.get("lastname")) if p)
    return Contact(
        name=named or record.get("email") or f"HubSpot contact {record.id}",
        email=record.get("email"),
        phone=record.get("phone"),
        ref=record.id,
    )


def is_open(deal: CrmObject, stages: dict[str, Stage]) -> bool:
    """Not closed won or lost: HubSpot's hs_is_closed when the deal has it, else what its
    stage's metadata says (isClosed), else whether it sits in a default closed stage."""
    flag = deal.get("hs_is_closed")
    if flag is not None:
        return flag.lower() != "true"
    stage_id = deal.get("dealstage") or ""
    stage = stages.get(stage_id)
    if stage is not None:
        return not stage.closed
    return stage_id not in _CLOSED_STAGES


def open_deals(deals: list[CrmObject], stages: dict[str, Stage]) -> tuple[Deal, ...]:
    """The open deals, newest first, with their stage's label."""
    still = [d for d in deals if is_open(d, stages)]
    still.sort(key=lambda d: d.get("createdate") or "", reverse=True)
    return tuple(
        Deal(
            ref=d.id,
            name=d.get("dealname") or f"HubSpot deal {d.id}",
            stage=_stage_label(d.get("dealstage"), stages),
            amount=d.get("amount"),
        )
        for d in still
    )


def _stage_label(stage_id: str | None, stages: dict[str, Stage]) -> str:
    if not stage_id:
        return "no stage"
    stage = stages.get(stage_id)
    return stage.label if stage is not None else stage_id
