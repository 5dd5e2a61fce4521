"""Ticket assignment suggests who the BestPack Support Way says, least busy first, and says why."""

import tomllib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from services.profile import Capability, Profile, load_profile
from services.profile.loader import SHIPPED
from services.routing import routing_fit, suggest_assignee

# The seed's "Team Reference", written out: who each issue type × machine complexity goes to.
# "Other / not sure" has no rule: triage picks, so nobody is suggested.
SEED = {
    ("mechanical", "standard"): "jordan",  # Standard machine / mechanical: service technician
    ("mechanical", "custom"): "ezechiel",  # mechanical engineering
    ("controls", "standard"): "kevin",  # PLC, programming, HMI: controls engineer
    ("controls", "custom"): "kevin",
    ("electrical", "standard"): "sean",  # electrical, sensors, motors, wiring, cabinet
    ("electrical", "custom"): "sean",
    ("nc_tape_head", "standard"): "ezechiel",  # NC Tape Heads: mechanical engineer
    ("nc_tape_head", "custom"): "ezechiel",
    ("parts", "standard"): "ezechiel",  # part identification: mechanical engineer
    ("parts", "custom"): "ezechiel",
    ("other", "standard"): None,
    ("other", "custom"): None,
}


def crowded() -> Profile:
    """BestPack plus look-alikes, so routing has ties, partial matches and a 3-skill rule."""
    data = tomllib.loads((SHIPPED / "bestpack.toml").read_text(encoding="utf-8"))
    extra = {
        "riley": ("technician", "mechanical_troubleshooting field_service standard_machines"),
        "pat": ("technician", "mechanical_troubleshooting field_service"),
        "nico": ("engineer", "plc controls"),
        "ollie": ("engineer", "electrical_systems wiring"),
        "ivy": ("engineer", "electrical_systems"),
    }
    data["roster"] += [
        {
            "id": k,
            "name": k.title(),
            "title": "Tech",
            "email": f"{k}@x.example",
            "roles": [role],
            "skills": skills.split(),
        }
        for k, (role, skills) in extra.items()
    ]
    data["routing"].append(
        {
            "issue_type": "electrical",
            "complexity": "custom",
            "skills": ["electrical_systems", "wiring", "electrical_cabinet"],
        }
    )
    return Profile.model_validate(data)


BESTPACK = load_profile("bestpack")
CROWDED = crowded()


def test_each_seed_rule_routes_to_the_right_person_in_the_shipped_profile() -> None:
    routed = {}
    for kind in BESTPACK.issue_types:
        for cx in BESTPACK.complexities:
            pick = suggest_assignee(BESTPACK, kind.key, cx.key, {})
            routed[kind.key, cx.key] = pick.person.id if pick else None
    assert routed == SEED


def test_an_unknown_complexity_routes_by_the_issue_type_alone() -> None:
    assert suggest_assignee(BESTPACK, "mechanical", None, {}).person.id == "jordan"


def test_the_reason_names_the_person_the_skill_labels_and_the_open_count() -> None:
    assert suggest_assignee(BESTPACK, "controls", "custom", {"kevin": 2}).reason == (
        "Kevin — PLC — 2 open"
    )
    jordan = suggest_assignee(BESTPACK, "mechanical", "standard", {})
    assert jordan.reason == "Jordan — Mechanical troubleshooting/Standard machines — 0 open"
    assert jordan.skills == ("mechanical_troubleshooting", "standard_machines")
    assert jordan.full_match and jordan.open_tickets == 0 and jordan.alternatives == ()


def test_ties_go_to_the_fewest_open_tickets_then_to_roster_order() -> None:
    pick = suggest_assignee(CROWDED, "mechanical", "standard", {"jordan": 3, "riley": 1})
    assert (pick.person.id, [a.person.id for a in pick.alternatives]) == ("riley", ["jordan"])
    assert pick.alternatives[0].reason.endswith("— 3 open")
    even = suggest_assignee(CROWDED, "mechanical", "standard", {"jordan": 2, "riley": 2})
    assert (even.person.id, [a.person.id for a in even.alternatives]) == ("jordan", ["riley"])


def test_exclude_skips_the_current_assignee_on_a_reassign() -> None:
    pick = suggest_assignee(CROWDED, "mechanical", "standard", {"riley": 9}, exclude=["jordan"])
    assert pick.person.id == "riley" and pick.alternatives == ()


def test_without_a_full_match_the_best_partial_match_says_what_it_lacks() -> None:
    pick = suggest_assignee(CROWDED, "mechanical", "standard", {}, exclude={"jordan", "riley"})
    assert pick.person.id == "pat" and not pick.full_match
    assert pick.missing == ("standard_machines",)
    assert pick.reason == "Pat — Mechanical troubleshooting — 0 open — missing Standard machines"


def test_a_partial_match_holding_more_needed_skills_beats_a_less_busy_one() -> None:
    counts = {"ollie": 5, "ivy": 0}
    pick = suggest_assignee(CROWDED, "electrical", "custom", counts, exclude=["sean"])
    assert [pick.person.id, *(a.person.id for a in pick.alternatives)] == ["ollie", "ivy"]
    assert pick.reason == "Ollie — Electrical systems/Wiring — 5 open — missing Electrical cabinet"


def test_nobody_is_suggested_when_no_remaining_worker_holds_a_needed_skill() -> None:
    assert suggest_assignee(BESTPACK, "controls", "custom", {}, exclude=["kevin"]) is None


def test_nobody_is_suggested_when_nobody_is_left_to_work_tickets() -> None:
    everyone = [p.id for p in BESTPACK.people_with_capability(Capability.WORK_TICKETS)]
    for kind, cx in SEED:
        assert suggest_assignee(BESTPACK, kind, cx, {}, exclude=everyone) is None


def test_unknown_issue_types_and_complexities_are_errors_not_guesses() -> None:
    with pytest.raises(KeyError):
        suggest_assignee(BESTPACK, "hydraulics", "standard", {})
    with pytest.raises(KeyError):
        suggest_assignee(BESTPACK, "mechanical", "custm", {})


def test_a_mismatch_names_the_missing_skills_by_label() -> None:
    assert routing_fit(BESTPACK, "kevin", "controls", "standard").problem is None
    assert routing_fit(BESTPACK, "jordan", "controls", "standard").problem == (
        "Jordan lacks PLC (needed for PLC, programming or HMI — Standard machine)"
    )
    assert routing_fit(BESTPACK, "ezechiel", "mechanical", None).problem == (
        "Ezechiel lacks Mechanical troubleshooting (needed for Mechanical)"
    )
    assert routing_fit(BESTPACK, "sean", "other", "custom").problem is None


def test_a_mismatch_for_someone_who_cannot_work_tickets_says_so() -> None:
    assert routing_fit(BESTPACK, "mary", "other", None).problem == (
        "Mary cannot be assigned tickets: no role of theirs grants work_tickets"
    )
    with pytest.raises(KeyError):
        routing_fit(BESTPACK, "nobody", "controls", None)


ROUTES = [
    (t.key, c) for t in CROWDED.issue_types for c in (None, *(c.key for c in CROWDED.complexities))
]
PEOPLE = [p.id for p in CROWDED.roster]


@given(
    route=st.sampled_from(ROUTES),
    counts=st.dictionaries(st.sampled_from(PEOPLE), st.integers(0, 6)),
    exclude=st.sets(st.sampled_from(PEOPLE)),
)
def test_the_suggestion_always_has_the_fewest_open_tickets_among_full_candidates(
    route: tuple[str, str | None], counts: dict[str, int], exclude: set[str]
) -> None:
    pick = suggest_assignee(CROWDED, *route, counts, exclude=exclude)
    full = [p.id for p in CROWDED.candidates_for(*route) if p.id not in exclude]
    if full:
        least = min(counts.get(x, 0) for x in full)
        # Fewest open tickets, and among those the first in roster order.
        assert pick.person.id == next(x for x in full if counts.get(x, 0) == least)
        assert pick.full_match and pick.open_tickets == least
        assert {a.person.id for a in pick.alternatives} == set(full) - {pick.person.id}
    elif pick is not None:
        assert pick.missing and pick.skills  # a partial match holds some, lacks some
    if pick is not None:
        assert pick.person.id not in exclude
        assert CROWDED.has_capability(pick.person, Capability.WORK_TICKETS)
        # The override note and the suggestion agree on who fits.
        assert (routing_fit(CROWDED, pick.person.id, *route).problem is None) == pick.full_match
