"""A desk time entry as the Harvest time entry it becomes: project, task, user, hours, notes.

The project and task are the profile's ([harvest]: the ticket's customer's, else its
application's, else the default), read when the entry is sent, so an application triage set
after the time was logged still counts. The user is the person's harvest_user_id, else the
token's own user.
"""

from __future__ import annotations

from services.clients.harvest import ExternalReference, NewTimeEntry
from services.profile import Profile
from services.tickets.model import Ticket
from services.time_entries.model import TimeEntry

NOTES_LIMIT = 2000  # ours: the ticket's number and subject, then the note (1,000 at most)


def reference_id(profile: Profile, entry: TimeEntry) -> str:
    """The entry's external reference id in Harvest, the same on every try: "kinetic-time-17".

    The profile's name keeps two desks sharing one Harvest account apart (each has its entry 17),
    so a retry looking for an earlier try's entry never finds the other desk's.
    """
    return f"{profile.name}-time-{entry.id}"


def harvest_entry(
    profile: Profile, entry: TimeEntry, ticket: Ticket, permalink: str | None = None
) -> NewTimeEntry:
    """The Harvest entry for `entry` on `ticket`; the profile must have a [harvest] section."""
    section = profile.harvest
    if section is None:
        raise ValueError(f"the {profile.name} profile has no [harvest] section")
    target = section.target_for(ticket.fields, ticket.company)
    try:
        user_id = profile.person(entry.person_id).harvest_user_id
    except KeyError:
        user_id = None  # left the roster since: the token's user keeps the time
    reference = ExternalReference(reference_id(profile, entry), ticket.number, permalink)
    return NewTimeEntry(
        project_id=target.project_id,
        task_id=target.task_id,
        spent_date=entry.spent_date,
        # Harvest keeps decimal hours; two places are what its own answers show.
        hours=round(entry.minutes / 60, 2),
        notes=notes(ticket, entry),
        user_id=user_id,
        external_reference=reference,
    )


def notes(ticket: Ticket, entry: TimeEntry) -> str:
    """The ticket's number and subject, then the note: "KD-1001 · Sealer jams — call with Dana"."""
    head = f"{ticket.number} · {ticket.subject}"
    text = f"{head} — {entry.note}" if entry.note else head
    return text[:NOTES_LIMIT]
