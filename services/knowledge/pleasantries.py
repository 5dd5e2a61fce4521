"""What an article leaves out of a ticket's text: greetings and customer-facing pleasantries.

A ticket's notes and replies are written to a customer ("Hello Tom, we are on it:", "Thanks,",
"Best regards"); an article is read by the next engineer, who needs only the facts.
"""

from __future__ import annotations

import re

_GREETING = re.compile(
    r"^\s*(hi|hello|hey|dear|good (morning|afternoon|evening))\b[^,:!.\n]{0,40}[,:!.]\s*",
    re.IGNORECASE,
)
_COURTESY = re.compile(
    r"^\s*(we('re| are) on it|thanks?( you)? for (reaching out|contacting us|your patience|"
    r"your (e-?mail|message|call|report))|sorry for the (inconvenience|trouble|delay|wait)|"
    r"(i |we )?hope (you are|you're|this finds you)[^.!:\n]*|happy to help)[\s.!:,]*",
    re.IGNORECASE,
)
# A sign-off ends the useful text: what follows is a name and a signature.
_SIGN_OFF = re.compile(
    r"^\s*(thanks|thank you|many thanks|cheers|regards|best|best regards|kind regards|"
    r"warm regards|sincerely|br)\b[\s,.!]*(\w+[\s,.!]*)?$",
    re.IGNORECASE,
)


def without_pleasantries(text: str) -> str:
    """`text` without its greeting, courtesies and sign-off; the facts as they were written."""
    kept: list[str] = []
    for line in (text or "").splitlines():
        if _SIGN_OFF.match(line):
            break
        written, previous = line, None
        while previous != line:  # "Hello Tom, thanks for your patience, we are on it:"
            previous = line
            line = _COURTESY.sub("", _GREETING.sub("", line))
        if line != written:  # what is left starts the sentence now
            line = line[:1].upper() + line[1:]
        if line.strip() or (kept and kept[-1].strip()):
            kept.append(line.rstrip())
    return "\n".join(kept).strip()
