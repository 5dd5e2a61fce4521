"""The first commands: `help` (rendered from the registry) and `whoami`."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from bot.router import Command, Feature
from bot.turn import ActionResult, Turn
from cards.help import HelpEntry, help_card
from cards.people import REFRESH_VERB, CallerView, whoami_card

core = Feature("core")


class NoInputs(BaseModel):
    """A card action that carries nothing the handler reads."""

    model_config = ConfigDict(extra="ignore")


def _entry(command: Command) -> HelpEntry:
    usage = f"{command.name} {command.usage}".strip()
    return HelpEntry(
        usage=usage, summary=command.help, button_text=command.name if command.button else None
    )


def help_entries(turn: Turn) -> list[HelpEntry]:
    """The commands this caller may run, in registration order."""
    allowed = []
    for command in turn.router.commands:
        if turn.caller is None and not command.public:
            continue
        if command.capability and not turn.can(command.capability):
            continue
        allowed.append(_entry(command))
    return allowed


@core.command(
    "help", aliases=("?", "commands", "menu"), help="Show what I can do for you", public=True
)
async def show_help(turn: Turn, args: str) -> None:
    """Send the help card for the caller's roles."""
    profile = turn.services.profile
    if turn.caller is None:
        greeting = "Hello! I run the support desk's ticket process in Teams."
    else:
        greeting = f"Hi {turn.caller.name}. Here is what you can do ({profile.name})."
    card = help_card(greeting, help_entries(turn), on_roster=turn.caller is not None)
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
        capabilities=tuple(sorted(profile.capabilities_of(person))),
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
