"""The first commands: `help` (rendered from the registry) and `whoami`."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from bot.router import Command, Feature
from bot.turn import ActionResult, Turn
from cards.help import HelpEntry, help_card, readable_usage
from cards.people import REFRESH_VERB, CallerView, whoami_card
from services.profile import Capability
from services.profile.wording import capability_phrase
from services.tickets.numbering import number_prefix, ticket_number

core = Feature("core")


class NoInputs(BaseModel):
    """A card action that carries nothing the handler reads."""

    model_config = ConfigDict(extra="ignore")


def _entry(command: Command, ticket_example: str, role_button: bool) -> HelpEntry:
    usage = readable_usage(f"{command.name} {command.usage}".strip(), ticket_example)
    button = command.button or role_button
    return HelpEntry(
        usage=usage, summary=command.help, button_text=command.name if button else None
    )


def _role_button(turn: Turn, command: Command) -> bool:
    return turn.caller is not None and any(turn.can(c) for c in command.button_for)


def help_entries(turn: Turn) -> list[HelpEntry]:
    """The commands this caller may run, in registration order; their role's buttons first."""
    example = ticket_number(number_prefix(turn.services.profile), 1)
    allowed = []
    for command in turn.router.commands:
        if turn.caller is None and not command.public:
            continue
        if command.capability and not turn.can(command.capability):
            continue
        if command.unserved(turn.services.profile):
            continue
        allowed.append(_entry(command, example, _role_button(turn, command)))
    return allowed


def _buttons_first_for_the_role(turn: Turn, entries: list[HelpEntry]) -> list[str]:
    role = {c.name for c in turn.router.commands if _role_button(turn, c)}
    texts = [e.button_text for e in entries if e.button_text]
    return sorted(texts, key=lambda text: text not in role)


@core.command(
    "help", aliases=("?", "commands", "menu"), help="Show what I can do for you", public=True
)
async def show_help(turn: Turn, args: str) -> None:
    """Send the help card for the caller's roles."""
    profile = turn.services.profile
    if turn.caller is None:
        greeting = "Hello! I run the support desk's ticket process in Teams."
    else:
        greeting = f"Hi {turn.caller.name}. Here is what you can do ({profile.title})."
    entries = help_entries(turn)
    card = help_card(
        greeting,
        entries,
        on_roster=turn.caller is not None,
        buttons=_buttons_first_for_the_role(turn, entries),
    )
    await turn.send_card(card, summary="Support desk: commands")


def caller_view(turn: Turn) -> CallerView:
    """What whoami shows about the caller."""
    sender = turn.activity.from_property
    base = dict(
        display_name=sender.name or "You",
        teams_user_id=sender.id,
        aad_object_id=sender.aad_object_id,
    )
    person = turn.caller
    if person is None:
        return CallerView(**base)
    profile = turn.services.profile
    return CallerView(
        **base,
        person_name=person.name,
        title=person.title,
        email=person.email,
        roles=tuple(profile.role(r).label for r in person.roles),
        skills=tuple(profile.skill(s).label for s in person.skills),
        capabilities=tuple(
            capability_phrase(c) for c in Capability if c in profile.capabilities_of(person)
        ),
    )


@core.command(
    "whoami",
    aliases=("who am i",),
    help="Show your roster entry and roles",
    public=True,
    button=True,
)
async def whoami(turn: Turn, args: str) -> None:
    """Send the caller's roster entry."""
    await turn.send_card(whoami_card(caller_view(turn)), summary="Your roster entry")


@core.action(REFRESH_VERB, model=NoInputs, public=True)
async def refresh_whoami(turn: Turn, data: NoInputs) -> ActionResult:
    """Re-read the caller's roster entry into the card."""
    return ActionResult(card=whoami_card(caller_view(turn)))
