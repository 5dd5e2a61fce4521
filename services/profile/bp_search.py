"""The profile's optional [bp_search] section: which system answers each BP Search question.

Credentials stay in the settings (NETSUITE_*, HUBSPOT_*); the profile says what each system is
used for here. A purpose set to an outside system is served by it when that system's settings
are set, and by the bot's own database otherwise, so `make run` needs no credentials.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from services.profile.base import Frozen
from services.profile.netsuite_projects import NetSuiteProjects


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
