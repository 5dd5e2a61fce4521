"""The resources every feature works with, and the one factory that builds them at start-up.

build_services is the only place that picks an implementation for a port (ticket system,
knowledge base, order system, project system, ...), through the pickers in services.ports: an
outside system such as Zendesk, NetSuite or HubSpot is added by one branch in its picker there,
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
from services.customer_messages import CustomerMessages
from services.db import Database
from services.db.conversations import ConversationRefRepository
from services.db.identity import IdentityLinkRepository
from services.db.outbox import OutboxRepository
from services.escalations import EscalationRepository
from services.installed_base import CustomerDirectory, InstalledBase
from services.installed_base.typeahead import Typeahead
from services.involvement import HelperRepository
from services.knowledge import KnowledgeBase
from services.parts import OrderSystem, PartsRepository
from services.ports import (
    pick_customer_directory,
    pick_customer_messages,
    pick_installed_base,
    pick_knowledge_base,
    pick_order_system,
    pick_project_outbound,
    pick_project_system,
    pick_ticket_outbound,
    pick_ticket_system,
    pick_zendesk,
)
from services.profile import Profile
from services.service_requests import (
    ProjectSystem,
    ServiceRequestRepository,
)
from services.settings import Settings
from services.sync import SyncQueue
from services.sync.harvest.outbound import HarvestOutbound
from services.tickets import TicketRepository, TicketSystem
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
    # How the desk writes to a ticket's customer (or that a person must): by system of record.
    customer_messages: CustomerMessages
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
    zendesk = pick_zendesk(settings, profile, http)
    netsuite = NetSuiteClient(settings.netsuite, http) if settings.netsuite else None
    hubspot = HubSpotClient(settings.hubspot, http) if settings.hubspot is not None else None
    tickets = TicketRepository(db, profile, pick_ticket_outbound(profile, db, zendesk, hubspot))
    requests = ServiceRequestRepository(db, profile, pick_project_outbound(settings, profile, db))
    ticket_system = pick_ticket_system(settings, profile, db, http, tickets)
    harvest = HarvestClient(settings.harvest, http) if settings.harvest is not None else None
    # With Harvest on, each entry's copy is queued in the transaction that stores it.
    timesheet = HarvestOutbound(SyncQueue(db)) if harvest is not None else None
    installed_base = pick_installed_base(settings, profile, db, netsuite)
    directory = pick_customer_directory(settings, profile, db, hubspot)
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
        ticket_system=ticket_system,
        zendesk=zendesk,
        netsuite=netsuite,
        knowledge=pick_knowledge_base(settings, profile, db, http),
        orders=pick_order_system(settings, profile, db, netsuite),
        projects=pick_project_system(settings, profile, db, http, requests),
        hubspot=hubspot,
        harvest=harvest,
        installed_base=installed_base,
        directory=directory,
        bp_search=BPSearch(installed_base, directory, db, profile),
        typeahead=Typeahead(installed_base, profile.bp_search),
        customer_messages=pick_customer_messages(settings, profile, ticket_system, hubspot),
        clock=clock,
    )
