"""The profile's optional [bp_search] section: which system answers each BP Search question.

Credentials stay in the settings (NETSUITE_*, HUBSPOT_*); the profile says what each system is
used for here. A purpose set to an outside system is served by it when that system's settings
are set, and by the bot's own database otherwise, so `make run` needs no credentials.
[bp_search.netsuite] says where NetSuite keeps the machines: that is the account's
customisation (a custom record and its fields), so the profile says it, not code.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import AfterValidator, Field, PositiveInt

from services.clients.netsuite.suiteql import identifier
from services.profile.base import Frozen, Slug
from services.profile.errors import Problem
from services.profile.netsuite_projects import NetSuiteProjects

if TYPE_CHECKING:
    from services.profile.models import Profile

# A NetSuite script id (customrecord_bp_machine, custrecord_bp_serial): it goes into SuiteQL
# unquoted, so only lower-case letters, digits and "_" pass.
ScriptId = Annotated[str, AfterValidator(identifier)]


class MachineFields(Frozen):
    """The machine record's fields, by script id; the optional ones may be left out."""

    serial: ScriptId
    model: ScriptId
    customer: ScriptId  # a list/record field pointing at the customer
    complexity: ScriptId | None = None  # a list field: its values map through `complexities`
    site: ScriptId | None = None  # the site's name
    state: ScriptId | None = None  # the site's US state, two letters
    install_date: ScriptId | None = None
    warranty_end: ScriptId | None = None
    contract_end: ScriptId | None = None  # the service contract's end, when there is one


class NetSuiteMapping(Frozen):
    """[bp_search.netsuite]: the custom record holding machines, and how to read it."""

    machine_record: ScriptId
    # The record type's internal id, for links to a machine in NetSuite (custrecordentry.nl).
    machine_record_type_id: PositiveInt | None = None
    fields: MachineFields
    # The complexity list's value ids in NetSuite -> keys of the profile's [[complexities]].
    complexities: dict[str, Slug] = Field(default_factory=dict)


class BPSearchSection(Frozen):
    """[bp_search]: the system behind each purpose, and how long an answer may be reused."""

    # Customers, sites, machines and sales orders (NetSuite's custom machine record).
    installed_base: Literal["embedded", "netsuite"] = "embedded"
    # The CRM side of a customer: company owner, main contact, open deals.
    customers: Literal["embedded", "hubspot"] = "embedded"
    # Where `parts status` reads a sales order's status.
    orders: Literal["embedded", "netsuite"] = "embedded"
    # Where process 6 opens the service project.
    projects: Literal["embedded", "netsuite"] = "embedded"
    # A look-up answer is reused this long; past it, it is refreshed (and kept if that fails).
    cache_seconds: int = Field(default=300, ge=10, le=3600)
    # Intake and the message extension never wait on an outside source longer than this.
    timeout_seconds: float = Field(default=2.0, ge=0.2, le=10.0)
    # How process 6's project is written in NetSuite, with projects = "netsuite".
    netsuite_projects: NetSuiteProjects = NetSuiteProjects()
    # Where NetSuite keeps the machines; needed once installed_base is NetSuite and NETSUITE_*
    # are set (services.app_services.check_systems refuses to start without it).
    netsuite: NetSuiteMapping | None = None


def bp_search_problems(p: Profile) -> Iterator[Problem]:
    """Every complexity NetSuite's values map to must be one of the profile's complexities."""
    mapping = p.bp_search.netsuite
    if mapping is None:
        return
    known = {c.key for c in p.complexities}
    for value, key in mapping.complexities.items():
        if key not in known:
            loc = ("bp_search", "netsuite", "complexities", value)
            yield Problem(loc, f"'{key}' is not a complexity ({', '.join(sorted(known))})")
