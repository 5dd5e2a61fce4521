"""The resources every feature works with, and the one factory that builds them at start-up.

build_services is the only place that picks an implementation for a port (ticket system,
knowledge base, order system, project system): an outside system such as Zendesk (issue 13),
NetSuite (issue 14) or HubSpot tickets (issue 15) is added by one branch in its picker below,
and no dialog changes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

import httpx

from services.bp_search import BPSearch
from services.clients.harvest import HarvestClient
from services.clients.hubspot import HubSpotClient
from services.clients.netsuite import NetSuiteClient
from services.clients.zendesk import ZendeskClient
from services.db import Database
from services.db.conversations import ConversationRefRepository
from services.db.identity import IdentityLinkRepository
from services.db.outbox import OutboxRepository
from services.escalations import EscalationRepository
from services.installed_base import CustomerDirectory, InstalledBase
from services.installed_base.embedded import EmbeddedCustomerDirectory, EmbeddedInstalledBase
from services.installed_base.hubspot import HubSpotDirectory
from services.installed_base.netsuite import NetSuiteInstalledBase
from services.installed_base.netsuite_orders import NetSuiteSalesOrders
from services.installed_base.typeahead import Typeahead
from services.involvement import HelperRepository
from services.knowledge import EmbeddedKnowledgeBase, KnowledgeBase
from services.parts import EmbeddedOrderSystem, OrderSystem, PartsRepository
from services.parts.netsuite import NetSuiteOrderSystem
from services.profile import Profile
from services.service_requests import (
    EmbeddedProjectSystem,
    ProjectSystem,
    ServiceRequestRepository,
)
from services.settings import Settings
from services.sync import SyncQueue, TicketOutbound
from services.sync.articles import ArticleOutbound
from services.sync.harvest.outbound import HarvestOutbound
from services.sync.hubspot import SYSTEM as HUBSPOT
from services.sync.hubspot.system import HubSpotTicketSystem
from services.sync.netsuite import SYSTEM as NETSUITE
from services.sync.netsuite.system import NetSuiteProjectSystem
from services.sync.projects import ProjectOutbound
from services.sync.zendesk import SYSTEM as ZENDESK
from services.sync.zendesk.system import ZendeskTicketSystem
from services.tickets import EmbeddedTicketSystem, TicketRepository, TicketSystem
from services.time_entries import TimeEntryRepository


def utc_now() -> datetime:
    """The real clock; tests pass their own."""
    return datetime.now(UTC)


@dataclass
class AppServices:
    """Settings, the process profile, the database, its repositories and ports, outbound HTTP.

    `http` is the app's one outbound client: every client in services.clients shares it.
    """

    settings: Settings
    profile: Profile
    db: Database
    http: httpx.AsyncClient
    references: ConversationRefRepository
    identities: IdentityLinkRepository
    outbox: OutboxRepository
    tickets: TicketRepository
    helpers: HelperRepository  # the teams pulled in on tickets (services.involvement)
    escalations: EscalationRepository
    parts: PartsRepository
    service_requests: ServiceRequestRepository
    # Time worked on tickets (`time`); with Harvest on, each entry is queued for Harvest too.
    time_entries: TimeEntryRepository
    # The ports to the systems of record, as build_services picked them.
    ticket_system: TicketSystem
    knowledge: KnowledgeBase
    orders: OrderSystem
    projects: ProjectSystem
    # BP Search: customers, sites, machines and orders; the CRM's side of a customer.
    installed_base: InstalledBase
    directory: CustomerDirectory
    # Look-ups over both and the bot's own tickets, with one answer cache for the whole app.
    bp_search: BPSearch
    # The installed base as intake's typeahead asks it: paced per person, briefly cached.
    typeahead: Typeahead
    clock: Callable[[], datetime] = field(default=utc_now)
    # The Zendesk account when it is the profile's system of record (else None).
    zendesk: ZendeskClient | None = None
    # The HubSpot account when HUBSPOT_ACCESS_TOKEN is set; the profile says what it serves.
    hubspot: HubSpotClient | None = None
    # The NetSuite account when NETSUITE_* are set (else None); [bp_search] says what for.
    netsuite: NetSuiteClient | None = None
    # The Harvest account when HARVEST_* are set (else None); [harvest] says where time goes.
    harvest: HarvestClient | None = None


def build_services(
    settings: Settings,
    profile: Profile,
    db: Database,
    http: httpx.AsyncClient,
    clock: Callable[[], datetime] = utc_now,
) -> AppServices:
    """The app's services on `db`, each port's implementation picked from settings and profile.

    ValueError when the profile names a system of record the settings do not configure.
    """
    zendesk = _zendesk(settings, profile, http)
    netsuite = NetSuiteClient(settings.netsuite, http) if settings.netsuite else None
    hubspot = HubSpotClient(settings.hubspot, http) if settings.hubspot is not None else None
    tickets = TicketRepository(db, profile, _ticket_outbound(profile, db, zendesk, hubspot))
    requests = ServiceRequestRepository(db, profile, _project_outbound(settings, profile, db))
    harvest = HarvestClient(settings.harvest, http) if settings.harvest is not None else None
    # With Harvest on, each entry's copy is queued in the transaction that stores it.
    timesheet = HarvestOutbound(SyncQueue(db)) if harvest is not None else None
    installed_base = _installed_base(settings, profile, db, netsuite)
    directory = _customer_directory(settings, profile, db, hubspot)
    return AppServices(
        settings=settings,
        profile=profile,
        db=db,
        http=http,
        references=ConversationRefRepository(db),
        identities=IdentityLinkRepository(db),
        outbox=OutboxRepository(db),
        tickets=tickets,
        helpers=HelperRepository(db, profile, tickets),
        escalations=EscalationRepository(db, tickets),
        parts=PartsRepository(db, profile),
        service_requests=requests,
        time_entries=TimeEntryRepository(db, profile, timesheet),
        ticket_system=_ticket_system(settings, profile, db, http, tickets),
        zendesk=zendesk,
        netsuite=netsuite,
        knowledge=_knowledge_base(settings, profile, db, http),
        orders=_order_system(settings, profile, db, netsuite),
        projects=_project_system(settings, profile, db, http, requests),
        hubspot=hubspot,
        harvest=harvest,
        installed_base=installed_base,
        directory=directory,
        bp_search=BPSearch(installed_base, directory, db, profile),
        typeahead=Typeahead(installed_base, profile.bp_search),
        clock=clock,
    )


def check_systems(settings: Settings, profile: Profile) -> None:
    """ValueError, naming the settings, when the profile's system of record is not configured."""
    if profile.system_of_record == "zendesk" and settings.zendesk is None:
        raise ValueError(
            f"The {profile.name} profile keeps its tickets in Zendesk (system_of_record = "
            '"zendesk"), but ZENDESK_URL, ZENDESK_EMAIL, ZENDESK_API_TOKEN and '
            "ZENDESK_WEBHOOK_SECRET are not set"
        )
    if profile.system_of_record == "hubspot":
        hubspot = settings.hubspot
        missing = [
            name
            for name, given in (
                ("HUBSPOT_ACCESS_TOKEN", hubspot is not None),
                # Without it no webhook can be verified: every change made in HubSpot is refused.
                ("HUBSPOT_CLIENT_SECRET", hubspot is not None and bool(hubspot.client_secret)),
            )
            if not given
        ]
        if missing:
            raise ValueError(
                f"The {profile.name} profile keeps its tickets in HubSpot (system_of_record = "
                f'"hubspot"), but {" and ".join(missing)} {"is" if len(missing) == 1 else "are"}'
                " not set"
            )
    if settings.harvest is not None and profile.harvest is None:
        raise ValueError(
            f"HARVEST_ACCOUNT_ID and HARVEST_TOKEN are set, but the {profile.name} profile has no "
            "[harvest] section saying which Harvest project and task time goes to"
        )
    search = profile.bp_search
    if search.installed_base == "netsuite" and settings.netsuite and search.netsuite is None:
        raise ValueError(
            f'The {profile.name} profile reads machines from NetSuite (installed_base = "netsuite")'
            " and NETSUITE_* are set, but it has no [bp_search.netsuite] saying which custom "
            "record holds them"
        )


def _zendesk(settings: Settings, profile: Profile, http: httpx.AsyncClient) -> ZendeskClient | None:
    """The Zendesk client when the profile keeps its tickets there."""
    check_systems(settings, profile)
    config = settings.zendesk
    if profile.system_of_record != "zendesk" or config is None:
        return None
    return ZendeskClient(config, http)


# One picker per port. Each outside system adds a branch: the profile names the system it uses
# and the settings carry its credentials, its client (services.clients) sharing AppServices.http.


def _ticket_outbound(
    profile: Profile, db: Database, zendesk: ZendeskClient | None, hubspot: HubSpotClient | None
) -> TicketOutbound | None:
    """With Zendesk or HubSpot as the record, every ticket write queues its copy for the sync
    worker (in the write's transaction); with the bot's database as the record, nothing."""
    if zendesk is not None:
        return TicketOutbound(SyncQueue(db), ZENDESK)
    if profile.system_of_record == HUBSPOT and hubspot is not None:
        return TicketOutbound(SyncQueue(db), HUBSPOT)
    return None


def _ticket_system(
    settings: Settings,
    profile: Profile,
    db: Database,
    http: httpx.AsyncClient,
    tickets: TicketRepository,
) -> TicketSystem:
    """The profile's system of record for tickets: Zendesk or HubSpot when it says so, else the
    database."""
    if profile.system_of_record == "zendesk" and settings.zendesk is not None:
        return ZendeskTicketSystem(db, tickets, profile)
    if profile.system_of_record == HUBSPOT and settings.hubspot is not None:
        return HubSpotTicketSystem(db, tickets, profile)
    return EmbeddedTicketSystem(db, tickets, profile)


def _knowledge_base(
    settings: Settings, profile: Profile, db: Database, http: httpx.AsyncClient
) -> KnowledgeBase:
    """Articles on the local database; with Zendesk Guide in the profile, a publish is queued
    for the Help Center too (its articles come back through the mirror job)."""
    zendesk = profile.zendesk
    if (
        profile.system_of_record == "zendesk"
        and settings.zendesk is not None
        and zendesk is not None
        and zendesk.help_center is not None
    ):
        return EmbeddedKnowledgeBase(db, profile, ArticleOutbound(SyncQueue(db), ZENDESK))
    return EmbeddedKnowledgeBase(db, profile)


def _order_system(
    settings: Settings, profile: Profile, db: Database, netsuite: NetSuiteClient | None
) -> OrderSystem:
    """Where quotes and orders live: with [bp_search] orders = "netsuite" and NETSUITE_* set,
    a sales order's status comes from NetSuite (quotes and moves stay local), else the
    database."""
    if profile.bp_search.orders == "netsuite" and netsuite is not None:
        sales = NetSuiteSalesOrders(netsuite, profile.bp_search.timeout_seconds)
        return NetSuiteOrderSystem(db, sales)
    return EmbeddedOrderSystem(db)


def _project_system(
    settings: Settings,
    profile: Profile,
    db: Database,
    http: httpx.AsyncClient,
    requests: ServiceRequestRepository,
) -> ProjectSystem:
    """Where service projects are opened: NetSuite when the profile keeps them there and its
    settings are set (the approval queues the project, the sync worker makes it), else the
    database."""
    if profile.bp_search.projects == "netsuite" and settings.netsuite is not None:
        return NetSuiteProjectSystem(requests)
    return EmbeddedProjectSystem(db)


def _project_outbound(settings: Settings, profile: Profile, db: Database) -> ProjectOutbound | None:
    """With NetSuite as the project system, each approval queues its project for the worker."""
    if profile.bp_search.projects == "netsuite" and settings.netsuite is not None:
        return ProjectOutbound(SyncQueue(db), NETSUITE)
    return None


def _installed_base(
    settings: Settings, profile: Profile, db: Database, netsuite: NetSuiteClient | None
) -> InstalledBase:
    """Where BP Search finds customers, sites, machines and orders ([bp_search]
    installed_base): NetSuite when the profile says so and NETSUITE_* are set, else the bot's
    database."""
    section = profile.bp_search
    if section.installed_base == "netsuite" and netsuite is not None and section.netsuite:
        return NetSuiteInstalledBase(netsuite, section.netsuite, section.timeout_seconds)
    return EmbeddedInstalledBase(db)


def _customer_directory(
    settings: Settings, profile: Profile, db: Database, hubspot: HubSpotClient | None
) -> CustomerDirectory:
    """The CRM side of a customer ([bp_search] customers): HubSpot when the profile says so and
    its token is set, else the bot's database."""
    if profile.bp_search.customers == "hubspot" and hubspot is not None:
        return HubSpotDirectory(hubspot)
    return EmbeddedCustomerDirectory(db)
