"""The whoami card: who the bot thinks the caller is, and what the roster lets them do."""

from __future__ import annotations

from dataclasses import dataclass

from microsoft_teams.cards import ExecuteAction, Fact, FactSet

from cards.render import card, heading, note, render

REFRESH_VERB = "whoami.refresh"


@dataclass(frozen=True)
class CallerView:
    """What the card shows; plain data so cards/ needs neither the bot nor the profile."""

    display_name: str
    teams_user_id: str
    aad_object_id: str | None
    person_name: str | None = None
    title: str | None = None
    email: str | None = None
    roles: tuple[str, ...] = ()
    skills: tuple[str, ...] = ()
    capabilities: tuple[str, ...] = ()


def whoami_card(view: CallerView) -> dict:
    """The caller's roster entry, or the ids an admin needs to add them."""
    ids = [
        Fact(title="Teams user id", value=view.teams_user_id),
        Fact(title="Entra object id", value=view.aad_object_id or "not sent by Teams"),
    ]
    if view.person_name is None:
        body = [
            heading(f"{view.display_name}: not on the roster"),
            note(
                "The support roster has nobody with your Entra object id or e-mail. Send these "
                "details to the engineering manager so they can add you to the profile.",
                subtle=False,
            ),
            FactSet(facts=ids),
        ]
    else:
        facts = [
            Fact(title="Title", value=view.title or "-"),
            Fact(title="E-mail", value=view.email or "-"),
            Fact(title="Roles", value=", ".join(view.roles) or "-"),
            Fact(title="Skills", value=", ".join(view.skills) or "-"),
            Fact(title="May", value=", ".join(view.capabilities) or "work assigned tickets"),
        ]
        body = [heading(view.person_name), FactSet(facts=facts + ids)]
    return render(card(body, [ExecuteAction(title="Refresh", verb=REFRESH_VERB)]))
