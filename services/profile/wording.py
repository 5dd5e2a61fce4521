"""What each capability lets someone do, in words people read in refusals and `whoami`."""

from __future__ import annotations

from collections.abc import Iterable

from services.profile.roster import Capability

# Verb phrases that follow "may": "Only Mary or Allison may schedule on-site service."
CAPABILITY_PHRASES: dict[Capability, str] = {
    Capability.TRIAGE: "triage new tickets",
    Capability.ASSIGN: "assign tickets",
    Capability.WORK_TICKETS: "work on tickets assigned to them",
    Capability.RESOLVE_ANY: "resolve or close anyone's ticket",
    Capability.ACCEPT_ESCALATION: "take escalations to Engineering",
    Capability.APPROVE_NON_BILLABLE: "approve non-billable service",
    Capability.ANSWER_PARTS: "answer parts requests",
    Capability.SCHEDULE_SERVICE: "schedule on-site service",
    Capability.PUBLISH_KB: "publish knowledge articles",
    Capability.VIEW_SCORECARD: "see the team scorecard",
    Capability.VIEW_SYNC: "check the ticket sync",
}


def capability_phrase(capability: Capability | str) -> str:
    """The words for one capability; its id with spaces if the table lacks it."""
    try:
        return CAPABILITY_PHRASES[Capability(capability)]
    except (KeyError, ValueError):
        return str(capability).replace("_", " ")


def names_in_words(names: Iterable[str]) -> str:
    """'Mary', 'Mary or Allison', 'Mary, Kevin or Allison'."""
    names = list(names)
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} or {names[-1]}"


def only_who_may(capability: Capability | str, names: Iterable[str]) -> str:
    """A refusal that names who may instead: 'Only Mary or Allison may schedule on-site service.'"""
    who = names_in_words(names)
    phrase = capability_phrase(capability)
    if not who:
        return f"Nobody on the roster may {phrase} yet; ask the engineering manager."
    return f"Only {who} may {phrase}."
