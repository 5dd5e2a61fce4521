"""Example renderings of the ticket and triage cards of a desk that puts documentation first and
has teams to pull in: the matches at their largest, every team, helpers from several teams."""

from dataclasses import replace

from cards.documentation import documentation_section
from cards.involvement import helpers_section, involve_form, involvement_section
from cards.ticket import note_form, ticket_card
from cards.triage import TriageView, triage_card
from services.profile import load_profile
from tests.cards.examples.knowledge import HIT, LONG_HITS
from tests.cards.examples.ticket import EVENTS, TICKET
from tests.cards.examples.triage import NEW, OPTIONS

PROFILE = load_profile("kinetic")
KD = replace(
    TICKET,
    number="KD-1001",
    profile="kinetic",
    priority="urgent",
    issue_type="install",
    complexity=None,
    machine_model=None,
    serial_number=None,
)
TEAMS = [(team.key, team.label) for team in PROFILE.teams]
PULL_IN = involve_form("KD-1001", TEAMS, "devops")
HELPING = [(team.label, ", ".join(p.name for p in PROFILE.roster)) for team in PROFILE.teams]
ANSWERED = [f"Answered with KB-{i} by Sam, Mon 30 Nov 2026 09:0{i} CST." for i in range(3)]
# The largest the section gets: three matches of the longest articles, every team.
LARGEST = [
    *helpers_section(HELPING),
    *documentation_section(
        "KD-1001", LONG_HITS[:3], answered=ANSWERED, reaches_customer=True, pull_in=PULL_IN
    ),
]

EXAMPLES = {
    "ticket_card": [
        lambda: ticket_card(
            PROFILE,
            KD,
            [],
            [note_form("KD-1001")],
            sections=documentation_section("KD-1001", [HIT]),
        ),
        lambda: ticket_card(
            PROFILE, KD, [], sections=documentation_section("KD-1001", [], pull_in=PULL_IN)
        ),
        lambda: ticket_card(PROFILE, KD, [], sections=involvement_section(PULL_IN)),
        lambda: ticket_card(PROFILE, KD, EVENTS, [note_form("KD-1001")], sections=LARGEST),
    ],
    "triage_card": [
        lambda: triage_card(
            PROFILE,
            replace(KD, status=NEW.status, assignee_id=None),
            TriageView(options=OPTIONS, suggested=OPTIONS[1], related=tuple(LARGEST)),
        ),
    ],
}
