"""The shipped BestPack profile loads and says what The BestPack Support Way says."""

from datetime import date, time
from pathlib import Path

import pytest
from pydantic import ValidationError

import services.profile
from services.profile import (
    Capability,
    Direction,
    Profile,
    load_profile,
    shipped_profiles,
)


@pytest.fixture(scope="module")
def bestpack() -> Profile:
    return load_profile("bestpack")


def test_bestpack_is_shipped_and_loads_by_path_too(bestpack: Profile) -> None:
    assert "bestpack" in shipped_profiles()
    by_path = load_profile(Path(services.profile.__file__).with_name("bestpack.toml"))
    assert by_path == bestpack
    assert bestpack.title == "The BestPack Support Way"
    assert bestpack.person(bestpack.owner).name == "Allison"


def test_roster_is_the_six_people_of_the_seed(bestpack: Profile) -> None:
    titles = {p.id: p.title for p in bestpack.roster}
    assert titles == {
        "mary": "Tech Support Admin",
        "jordan": "Service Technician",
        "kevin": "Controls Engineer",
        "sean": "Electrical Engineer",
        "ezechiel": "Mechanical Engineer",
        "allison": "Engineering Manager",
    }
    assert "plc" in bestpack.person("kevin").skills
    assert "nc_tape_heads" in bestpack.person("ezechiel").skills


def test_processes_are_the_eight_core_steps_with_their_owners(bestpack: Profile) -> None:
    assert [s.number for s in bestpack.processes] == list(range(1, 9))
    owners = [bestpack.process_owner(n) for n in range(1, 9)]
    assert [o.id if o else None for o in owners] == [
        "mary", "mary", None, "allison", "ezechiel", "mary", "allison", None,
    ]  # fmt: skip
    assert bestpack.process("engineering_escalation").number == 4


def test_capabilities_decide_who_may_do_what(bestpack: Profile) -> None:
    ids = lambda cap: [p.id for p in bestpack.people_with_capability(cap)]  # noqa: E731
    assert ids(Capability.ASSIGN) == ["mary", "allison"]
    assert ids(Capability.ACCEPT_ESCALATION) == ["allison"]
    assert ids(Capability.APPROVE_NON_BILLABLE) == ["allison"]
    assert ids(Capability.PUBLISH_KB) == ["allison"]
    assert ids(Capability.ANSWER_PARTS) == ["ezechiel"]
    assert bestpack.has_capability("jordan", "work_tickets")
    assert not bestpack.has_capability(bestpack.person("jordan"), Capability.ASSIGN)
    assert bestpack.capabilities_of("nobody") == frozenset()
    assert [p.id for p in bestpack.people_with_role("engineer")] == ["kevin", "sean", "ezechiel"]


@pytest.mark.parametrize(
    ("state", "provider"),
    [
        ("NJ", "PLC Paramedics"),
        ("dc", "PLC Paramedics"),
        ("MD", "PLC Paramedics"),
        ("IL", "Best Packaging"),
        ("WI", "Best Packaging"),
        ("UT", "Vanpack"),
        ("TX", None),
        ("CA", None),
    ],
)
def test_provider_for_state(bestpack: Profile, state: str, provider: str | None) -> None:
    found = bestpack.provider_for_state(state)
    assert (found.name if found else None) == provider


def test_every_priority_is_acknowledged_within_one_business_hour(bestpack: Profile) -> None:
    assert [p.key for p in bestpack.priorities] == ["urgent", "high", "normal", "low"]
    assert {bestpack.sla_target(p.key).acknowledge for p in bestpack.priorities} == {60}
    assert bestpack.sla_target("urgent").resolution < bestpack.sla_target("low").resolution
    assert bestpack.clock_paused("waiting_on_parts")
    assert not bestpack.clock_paused("in_progress")


def test_business_hours_are_5_to_5_pacific_weekdays(bestpack: Profile) -> None:
    hours = bestpack.business_hours
    assert hours.timezone == "America/Los_Angeles"
    assert (hours.open, hours.close) == (time(5, 0), time(17, 0))
    assert hours.days == ("mon", "tue", "wed", "thu", "fri")
    assert hours.minutes_per_day == 720
    assert not hours.is_business_day(date(2026, 11, 26))  # Thanksgiving
    assert not hours.is_business_day(date(2026, 11, 28))  # Saturday
    assert hours.is_business_day(date(2026, 11, 30))
    assert {h.date.year for h in hours.holidays} == {2026, 2027}


def test_routing_follows_issue_type_and_machine_complexity(bestpack: Profile) -> None:
    def ids(issue_type: str, complexity: str | None = None) -> list[str]:
        return [p.id for p in bestpack.candidates_for(issue_type, complexity)]

    assert ids("mechanical", "standard") == ["jordan"]
    assert ids("mechanical", "custom") == ["ezechiel"]
    assert ids("controls", "custom") == ["kevin"]
    assert ids("electrical") == ["sean"]
    assert ids("nc_tape_head") == ["ezechiel"]
    assert ids("other") == []


def test_machine_down_suggests_urgent_and_escalates_nothing(bestpack: Profile) -> None:
    assert bestpack.suggested_priority({"production_impact": True}).key == "urgent"
    assert bestpack.suggested_priority({"production_impact": False}) == bestpack.default_priority
    assert bestpack.default_priority.key == "normal"
    assert bestpack.escalations_for({"production_impact": True}) == ()


def test_people_are_found_by_email_case_insensitively(bestpack: Profile) -> None:
    assert bestpack.person_by_email(" Kevin@BestPack.Example ").id == "kevin"
    assert bestpack.person_by_email("someone@else.example") is None
    assert bestpack.person_by_aad("not-a-uuid") is None
    with pytest.raises(KeyError):
        bestpack.person("nobody")


def test_people_are_found_by_entra_object_id(tmp_path: Path) -> None:
    text = Path(services.profile.__file__).with_name("bestpack.toml").read_text()
    oid = "5e1f6a0c-1111-4222-8333-944455556666"
    text = text.replace('id = "sean"\n', f'id = "sean"\naad_object_id = "{oid}"\n', 1)
    (tmp_path / "p.toml").write_text(text)
    profile = load_profile(tmp_path / "p.toml")
    assert profile.person_by_aad(oid.upper()).id == "sean"
    assert profile.person_by_aad("5e1f6a0c-1111-4222-8333-000000000000") is None


def test_intake_choices_resolve_against_the_profile(bestpack: Profile) -> None:
    assert [c.key for c in bestpack.choices_for("issue_type")] == [
        t.key for t in bestpack.issue_types
    ]
    assert [c.key for c in bestpack.choices_for("machine_complexity")] == ["standard", "custom"]
    states = {c.key for c in bestpack.choices_for("site_state")}
    assert {"dc", "nj", "ut"} <= states and len(states) == 51
    assert bestpack.intake_field("serial_number").required


def test_scorecard_headline_is_the_reopen_rate(bestpack: Profile) -> None:
    assert bestpack.scorecard is not None
    (headline,) = [t for t in bestpack.scorecard.targets if t.headline]
    assert (headline.metric, headline.direction, headline.value) == (
        "reopen_rate_pct",
        Direction.AT_MOST,
        5,
    )
    assert headline.met(4.9) and not headline.met(5.1)
    assert (bestpack.scorecard.post_on, bestpack.scorecard.post_at) == ("mon", time(6, 0))


def test_closure_and_channels_defaults(bestpack: Profile) -> None:
    assert bestpack.closure.auto_close_after_business_days == 5
    assert bestpack.channels.triage is None and bestpack.channels.scorecard is None


def test_profile_is_immutable(bestpack: Profile) -> None:
    with pytest.raises(ValidationError):
        bestpack.name = "other"  # type: ignore[misc]
    with pytest.raises(ValidationError):
        bestpack.roster[0].email = "x@y.example"  # type: ignore[misc]
