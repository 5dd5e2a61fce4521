"""What a BP Search answer looks like in a chat: a card per hit, a list, or words."""

from __future__ import annotations

from datetime import datetime

from cards.bp_search import finding_card, title_of
from cards.bp_search_list import candidates_card
from services.bp_search import Answer, BPSearch, Finding, Kind
from services.bp_search.wording import gap_note
from services.profile import Profile

_HINTS = {
    Kind.MACHINE: "Check the serial number, or look the customer up by name.",
    Kind.ORDER: "Check the order number, like SO-1042.",
    Kind.CUSTOMER: "Try part of the name, or a machine's serial number.",
}


def hit_card(profile: Profile, bp: BPSearch, answer: Answer, finding: Finding, now: datetime):
    """One hit's card, naming the sources that did not answer."""
    return finding_card(profile, finding, answer.gaps, now, source=bp.source, crm=bp.crm)


def answer_cards(
    profile: Profile, bp: BPSearch, answer: Answer, now: datetime
) -> list[tuple[dict, str]]:
    """(card, summary) for each card the answer makes: its hits, or the list to pick from."""
    if answer.candidates:
        card = candidates_card(
            answer.query.text, answer.candidates, more=answer.more, gaps=answer.gaps, now=now
        )
        return [(card, f"BP Search: {len(answer.candidates)} matches")]
    return [
        (hit_card(profile, bp, answer, f, now), f"BP Search: {title_of(f)}")
        for f in answer.findings
    ]


def nothing_found(bp: BPSearch, answer: Answer, now: datetime) -> str:
    """Why nothing is shown: what matched nothing, or which source did not answer."""
    if answer.gaps:
        notes = " ".join(gap_note(gap, now) for gap in answer.gaps)
        return f"{notes} Try again in a minute."
    typed = answer.query.text
    return f"Nothing in {bp.source} matches “{typed}”. {_HINTS[answer.query.kind]}"


def preview_text(finding: Finding) -> str:
    """The line under a result's title in the message extension's list."""
    if finding.kind is Kind.ORDER and finding.order is not None:
        return finding.name
    if finding.kind is Kind.MACHINE and finding.machine is not None:
        site = finding.machine.site
        where = f" · {site.city or site.name}, {site.state}" if site and site.state else ""
        return f"{finding.name}{where}"
    sites = finding.customer.sites if finding.customer else ()
    states = sorted({s.state for s in sites if s.state})
    return f"Sites in {', '.join(states)}" if states else "Customer"
