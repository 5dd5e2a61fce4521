"""Wrong profiles stop loading with messages that name the file, the key path and the problem."""

from pathlib import Path

import pytest

from services.profile import ProfileError, load_profile

# Smallest profile that loads; each case below breaks exactly one thing in it.
BASE = """\
name = "tiny"
title = "Tiny desk"
company = "Tiny Co"
owner = "ann"
roles = [
    { id = "agent", label = "Agent", capabilities = ["triage", "assign", "work_tickets"] },
    { id = "lead", label = "Lead", capabilities = ["accept_escalation", "answer_parts"] },
]
skills = [{ key = "plc", label = "PLC" }, { key = "wiring", label = "Wiring" }]
statuses = [
    { key = "open", label = "Open", role = "new", zendesk = "new" },
    { key = "taken", label = "Taken", role = "assigned", zendesk = "open" },
    { key = "done", label = "Done", role = "resolved", zendesk = "solved" },
    { key = "closed", label = "Closed", role = "closed", zendesk = "closed" },
]
processes = [{ number = 1, key = "parts", name = "Parts", owner = "ann", role = "parts" }]
priorities = [{ key = "normal", label = "Normal", rank = 1, default = true }]
issue_types = [{ key = "controls", label = "Controls", skills = ["plc"] }]
routing = [
    { issue_type = "controls", skills = ["plc"] },
    { issue_type = "controls", complexity = "custom", skills = ["plc"] },
]
complexities = [{ key = "custom", label = "Custom" }]
intake = [
    { id = "company", label = "Company", kind = "text", required = true },
    { id = "problem", label = "Problem", kind = "multiline", role = "description" },
    { id = "site", label = "Site", kind = "choice", choices = [
        { key = "plant", label = "Plant" },
    ] },
]
rules = [{ id = "plant", field = "site", equals = "plant", action = "escalate", to_role = "lead" }]
teams = [{ key = "leads", label = "Leads", roles = ["lead"] }]
team_routing = [
    { field = "site", values = ["plant"], team = "leads", when = { company = ["Acme"] } },
]

[[roster]]
id = "ann"
name = "Ann"
title = "Agent"
email = "ann@tiny.example"
roles = ["agent", "lead"]
skills = ["plc"]

[[roster]]
id = "bob"
name = "Bob"
title = "Agent"
email = "bob@tiny.example"
roles = ["agent"]

[sla]
warn_before_breach_minutes = 15
targets = [{ priority = "normal", acknowledge = 60, first_response = 120, resolution = 600 }]

[business_hours]
timezone = "America/Los_Angeles"
days = ["mon", "tue", "wed", "thu", "fri"]
open = "05:00"
close = "17:00"

[service]
in_house = "Tiny staff"
providers = [{ key = "east", name = "East Co", states = ["NY", "DC"] }]

[closure]
auto_close_after_business_days = 5
auto_close_from = ["open"]
reopen_policy = "Reopen within 5 days."
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "tiny.toml"
    path.write_text(text, encoding="utf-8")
    return path


def broken(tmp_path: Path, old: str, new: str) -> str:
    assert old in BASE, f"test setup: {old!r} is not in BASE"
    path = write(tmp_path, BASE.replace(old, new, 1))
    with pytest.raises(ProfileError) as caught:
        load_profile(str(path))
    return str(caught.value)


def test_the_base_profile_loads(tmp_path: Path) -> None:
    profile = load_profile(str(write(tmp_path, BASE)))
    assert [p.id for p in profile.escalations_for({"site": "plant"})] == ["plant"]


@pytest.mark.parametrize(
    ("old", "new", "line"),
    [
        ('title = "Agent"\nemail = "ann', 'titel = "Agent"\nemail = "ann',
         "roster[0].titel: unknown key"),
        ("bob@tiny.example", "bob-at-tiny.example",
         "roster[1].email: value is not a valid email address"),
        ('skills = ["plc"] },\n    { issue_type = "controls", complexity',
         'skills = ["wiring"] },\n    { issue_type = "controls", complexity',
         "routing[0].skills: 'wiring' is held by nobody on the roster"),
        ("America/Los_Angeles", "America/Springfield",
         "business_hours.timezone: 'America/Springfield' is not a valid IANA timezone"),
        ('["NY", "DC"]', '["NY", "DX"]',
         "service.providers[0].states[1]: 'DX' is not a US state code"),
        ('roles = ["agent"]', 'roles = ["agnet"]', "roster[1].roles: unknown role 'agnet'"),
        ('id = "bob"', 'id = "ann"', "roster[1].id: duplicate person id 'ann'"),
        ('equals = "plant"', 'equals = "office"',
         "rules[0].equals: 'office' is not a choice of 'site'"),
        ('to_role = "lead"', 'to_role = "boss"', "rules[0].to_role: unknown role 'boss'"),
        ('open = "05:00"', 'open = "18:00"', "business_hours: open 18:00 must be before close"),
        ('days = ["mon"', 'days = ["monday"', "business_hours.days[0]: 'monday' is not one of"),
        ('owner = "ann"', 'owner = "zed"', "owner: 'zed' is not on the roster"),
        ('close = "17:00"', 'close = "17:00"\nholidays = [{ date = 2026-07-04, name = "4th" }]',
         "business_hours.holidays[0].date: 2026-07-04 is a 'sat', not a business day"),
        ('"DC"] }', '"DC"] }, { key = "b", name = "B", states = ["ny"] }',
         "service.providers[1].states: 'NY' is already served by 'east'"),
        ('auto_close_from = ["open"]', 'auto_close_from = ["pending"]',
         "closure.auto_close_from[0]: unknown status 'pending'"),
        ("work_tickets", "work_ticket", "roles[0].capabilities[2]: 'work_ticket' is not one of"),
        ('role = "assigned"', 'role = "working"', "statuses[1].role: 'working' is not one of"),
        ('role = "assigned"', 'role = "new"',
         "statuses[1].role: 'new' is already the role of statuses[0]"),
        ('role = "assigned"', 'role = "in_progress"',
         "statuses: no status has the role 'assigned' (every desk needs new, assigned, resolved"),
        ('zendesk = "solved"', 'zendesk = "open"',
         "statuses[2].zendesk: the 'resolved' role is Zendesk solved or closed, not 'open'"),
        ('zendesk = "open"', 'zendesk = "closed"',
         "statuses[1].zendesk: the 'assigned' role is Zendesk new, open, pending or hold"),
        ('zendesk = "open"', 'zendesk = "deleted"', "statuses[1].zendesk: 'deleted' is not one of"),
        (', zendesk = "open"', "", "statuses[1].zendesk: required key is missing"),
        ('role = "description"', 'role = "subject"',
         "intake: no field has the role 'description' (a ticket needs one)"),
        ('kind = "multiline", role', 'kind = "toggle", role',
         "intake[1].role: the 'description' role takes a multiline or text field, not 'toggle'"),
        ('kind = "text", required = true }', 'kind = "text", role = "description" }',
         "intake[1].role: 'description' is already the role of intake[0]"),
        ('kind = "text", required = true }', 'kind = "text", role = "priority" }',
         "intake[0].role: the 'priority' role takes a choice field from 'priorities'"),
        ('owner = "ann", role', 'owner = "bob", role',
         "processes[0].owner: 'bob' owns the 'parts' step, whose work the bot sends to them, "
         "but no role of theirs grants 'answer_parts'"),
        ('role = "parts"', 'role = "billing"', "processes[0].role: 'billing' is not one of"),
        ('{ key = "wiring", label', '{ key = "plc", label', "skills[1].key: duplicate skill 'plc'"),
        ('roles = ["lead"] }', 'roles = ["boss"] }', "teams[0].roles: unknown role 'boss'"),
        ('roles = ["agent", "lead"]', 'roles = ["agent"]',
         "teams[0].roles: 'lead' is held by nobody on the roster"),
        ('key = "leads"', 'key = "routed"', "teams[0].key: 'routed' is reserved"),
        ('label = "Leads"', 'label = "L", roles = ["lead"] }, { key = "leads", label = "Leads"',
         "teams[1].key: duplicate team 'leads'"),
        ('team = "leads"', 'team = "ledas"',
         "team_routing[0].team: unknown team 'ledas' (known: leads)"),
        ('field = "site", values', 'field = "sight", values',
         "team_routing[0].field: unknown intake field 'sight'"),
        ('values = ["plant"]', 'values = ["office"]',
         "team_routing[0].values: 'office' is not a choice of 'site' (plant)"),
        ('{ company = ["Acme"] }', '{ site = ["plant", "yard"] }',
         "team_routing[0].when.site: 'yard' is not a choice of 'site' (plant)"),
        ('{ company = ["Acme"] }', '{ cmpany = ["Acme"] }',
         "team_routing[0].when.cmpany: unknown intake field 'cmpany'"),
        ('values = ["plant"]', "values = []", "team_routing[0].values: "),
        ('to_role = "lead"', 'to_team = "ledas"',
         "rules[0].to_team: unknown team 'ledas' (known: routed, leads)"),
        ('to_role = "lead"', 'to_role = "lead", to_team = "leads"',
         "rules[0]: 'escalate' needs exactly one of `to_role` or `to_team`"),
        ('action = "escalate", to_role = "lead"', 'action = "set_priority", to_team = "leads"',
         "rules[0]: `to_role` and `to_team` are only allowed with 'escalate'"),
    ],
)  # fmt: skip
def test_a_wrong_profile_names_file_key_and_problem(
    tmp_path: Path, old: str, new: str, line: str
) -> None:
    message = broken(tmp_path, old, new)
    assert f"profile {tmp_path / 'tiny.toml'}: {line}" in message


def test_a_rule_escalating_to_the_routed_team_needs_team_routing(tmp_path: Path) -> None:
    routed = BASE.replace('to_role = "lead"', 'to_team = "routed"')
    assert load_profile(str(write(tmp_path, routed))).rule("plant").to_team == "routed"
    start = routed.index("team_routing = [")
    without = routed[:start] + routed[routed.index("]\n", start) + 2 :]
    with pytest.raises(ProfileError) as caught:
        load_profile(str(write(tmp_path, without)))
    assert "rules[0].to_team: 'routed' needs [[team_routing]] entries to pick a team" in str(
        caught.value
    )


def test_several_problems_are_reported_one_line_each(tmp_path: Path) -> None:
    text = BASE.replace("ann@tiny.example", "ann").replace("bob@tiny.example", "bob")
    with pytest.raises(ProfileError) as caught:
        load_profile(str(write(tmp_path, text)))
    lines = str(caught.value).splitlines()
    assert len(lines) == 2
    assert lines[0].endswith("roster[0].email: value is not a valid email address")
    assert lines[1].endswith("roster[1].email: value is not a valid email address")


def test_toml_syntax_errors_name_line_and_column(tmp_path: Path) -> None:
    message = broken(tmp_path, 'company = "Tiny Co"', "company = Tiny Co")
    assert "tiny.toml: TOML syntax error" in message
    assert "line 3, column 11" in message


def test_unknown_shipped_name_lists_the_available_ones() -> None:
    with pytest.raises(ProfileError) as caught:
        load_profile("nope")
    assert "profile nope: no shipped profile named 'nope' (available: " in str(caught.value)
    assert "bestpack" in str(caught.value)


def test_missing_file_is_a_profile_error(tmp_path: Path) -> None:
    with pytest.raises(ProfileError) as caught:
        load_profile(str(tmp_path / "absent.toml"))
    assert str(caught.value) == f"profile {tmp_path / 'absent.toml'}: file not found"
