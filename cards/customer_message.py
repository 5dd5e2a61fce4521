"""A message for a ticket's customer, put in a person's hands: the text, and how it goes out.

Where the system of record can send it the card offers *Send to the customer*; where it
cannot, the person sends the text themselves and presses *Sent it*: only then is it recorded
(and a closing warning starts the close's countdown). Either way the text can be edited first.
"""

from __future__ import annotations

from datetime import datetime

from microsoft_teams.cards import CardElement, ExecuteAction, Fact, FactSet, TextBlock, TextInput

from cards.fit import FACT, RecordLink, clip, fact_pairs, subject
from cards.render import card, heading, note, render
from cards.ticket import REFRESH
from services.forms.bounds import TEXT, characters, cut
from services.profile import Profile
from services.tickets import SYSTEM_ACTOR, Ticket
from services.tickets.customer_message import Purpose
from services.tickets.rules import local_time, name_of

SEND = "routines.send"  # the desk sends the card's text through the system of record
SENT = "routines.sent"  # the person sent the card's text themselves

_HEADINGS = {
    Purpose.CLOSE_WARNING: "Warn the customer of {number} before it closes",
    Purpose.STATUS_UPDATE: "{number}'s customer is due a status update",
    Purpose.DOCUMENTATION: "Send {number}'s customer the documentation answer",
}
_DONE = {
    Purpose.CLOSE_WARNING: "{number}: the customer was warned",
    Purpose.STATUS_UPDATE: "{number}: status update sent",
    Purpose.DOCUMENTATION: "{number}: documentation answer sent",
}


def _contact(ticket: Ticket) -> str:
    parts = [ticket.contact_name, ticket.contact_email, ticket.contact_phone]
    return " · ".join(p for p in parts if p)


def _button(title: str, verb: str, ticket: Ticket, purpose: Purpose, inputs: str = "auto"):
    data = {"number": ticket.number, "purpose": purpose.value}
    return ExecuteAction(title=title, verb=verb, data=data, associated_inputs=inputs)


def message_card(
    profile: Profile,
    ticket: Ticket,
    purpose: Purpose,
    text: str,
    *,
    why_not: str = "",
    problem: str = "",
    link: RecordLink | None = None,
) -> dict:
    """The text to send; *Send to the customer* unless `why_not` says the desk cannot (then
    only *Sent it*). `problem`: why the last try failed, shown above the text."""
    body: list[CardElement] = [heading(_HEADINGS[purpose].format(number=ticket.number))]
    facts = [
        ("Ticket", subject(ticket, link)),
        ("Customer", clip(ticket.company or "", FACT)),
        ("Contact", clip(_contact(ticket), FACT)),
    ]
    body.append(FactSet(facts=[Fact(title=t, value=v) for t, v in fact_pairs(facts) if v]))
    if why_not:
        body.append(
            note(
                f"The desk cannot send it: {why_not}. Send it to the customer yourself "
                "(edit it first if you like), then press Sent it.",
                subtle=False,
            )
        )
    if problem:
        body.append(TextBlock(text=problem, color="Attention", wrap=True))
    if purpose is Purpose.CLOSE_WARNING:
        days = profile.closure.days_after_warning
        body.append(note(f"It closes {days} business days after the warning goes out."))
    body.append(
        TextInput(
            id="text",
            label="Message to the customer",
            value=cut(text, TEXT),
            is_multiline=True,
            is_required=True,
            error_message="The message needs some text.",
            max_length=TEXT,
            placeholder=characters(TEXT).capitalize(),
        )
    )
    actions = [] if why_not else [_button("Send to the customer", SEND, ticket, purpose)]
    actions.append(_button("Sent it" if why_not else "I sent it myself", SENT, ticket, purpose))
    actions.append(ExecuteAction(title="Open ticket", verb=REFRESH, data={"number": ticket.number}))
    return render(card(body, actions))


def message_done_card(
    profile: Profile,
    ticket: Ticket,
    purpose: Purpose,
    text: str,
    *,
    sender: str,
    at: datetime,
    via: str,
    link: RecordLink | None = None,
    queued: bool = False,
) -> dict:
    """What went to the customer, who sent it, when and how: the card's answer once done.
    `queued`: on its way through the sync queue, recorded as sent once the system took it."""
    who = "The desk" if sender == SYSTEM_ACTOR else name_of(profile, sender)
    when = local_time(profile, at)
    if queued:
        title = f"{ticket.number}: on its way to the customer"
        said = (
            f"{who} sent it on its way ({via}), {when}. It counts as sent once it went out; "
            "if it cannot go, you get the text to send yourself."
        )
    else:
        title = _DONE[purpose].format(number=ticket.number)
        said = f"{who} {purpose.done} ({via}), {when}."
    body: list[CardElement] = [
        heading(title),
        note(said, subtle=False),
        FactSet(facts=[Fact(title="Ticket", value=subject(ticket, link))]),
        TextBlock(text=clip(text, TEXT), wrap=True, is_subtle=True),
    ]
    if purpose is Purpose.CLOSE_WARNING:
        days = profile.closure.days_after_warning
        body.append(note(f"Without a reply it closes by itself in {days} business days."))
    actions = [ExecuteAction(title="Open ticket", verb=REFRESH, data={"number": ticket.number})]
    return render(card(body, actions))
