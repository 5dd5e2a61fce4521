"""Which implementation serves each port: one picker per port, and the start-up check that the
settings configure what the profile names.

Each outside system adds a branch to its picker: the profile names the system it uses and the
settings carry its credentials, its client (services.clients) sharing AppServices.http.
services.app_services.build_services is the only caller.
"""

from __future__ import annotations

import httpx

from services.clients.hubspot import HubSpotClient
from services.clients.netsuite import NetSuiteClient
from services.clients.zendesk import ZendeskClient
from services.customer_messages import CustomerMessages, NoSending, PublicNotes
from services.customer_messages.hubspot import VIA
from services.customer_messages.queued import QueuedMessages
from services.db import Database
from services.installed_base import CustomerDirectory, InstalledBase
from services.installed_base.embedded import EmbeddedCustomerDirectory, EmbeddedInstalledBase
from services.installed_base.hubspot import HubSpotDirectory
from services.installed_base.netsuite import NetSuiteInstalledBase
from services.installed_base.netsuite_orders import NetSuiteSalesOrders
from services.knowledge import EmbeddedKnowledgeBase, KnowledgeBase
from services.parts import EmbeddedOrderSystem, OrderSystem
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
from services.sync.hubspot import SYSTEM as HUBSPOT
from services.sync.hubspot.system import HubSpotTicketSystem
from services.sync.netsuite import SYSTEM as NETSUITE
from services.sync.netsuite.system import NetSuiteProjectSystem
from services.sync.projects import ProjectOutbound
from services.sync.zendesk import SYSTEM as ZENDESK
from services.sync.zendesk.system import ZendeskTicketSystem
from services.tickets import EmbeddedTicketSystem, TicketRepository, TicketSystem


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


def pick_zendesk(
    settings: Settings, profile: Profile, http: httpx.AsyncClient
) -> ZendeskClient | None:
    """The Zendesk client when the profile keeps its tickets there."""
    check_systems(settings, profile)
    config = settings.zendesk
    if profile.system_of_record != "zendesk" or config is None:
        return None
    return ZendeskClient(config, http)


def pick_ticket_outbound(
    profile: Profile, db: Database, zendesk: ZendeskClient | None, hubspot: HubSpotClient | None
) -> TicketOutbound | None:
    """With Zendesk or HubSpot as the record, every ticket write queues its copy for the sync
    worker (in the write's transaction); with the bot's database as the record, nothing."""
    if zendesk is not None:
        return TicketOutbound(SyncQueue(db), ZENDESK)
    if profile.system_of_record == HUBSPOT and hubspot is not None:
        return TicketOutbound(SyncQueue(db), HUBSPOT)
    return None


def pick_ticket_system(
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


def pick_customer_messages(
    settings: Settings,
    profile: Profile,
    ticket_system: TicketSystem,
    hubspot: HubSpotClient | None,
) -> CustomerMessages:
    """How messages reach a ticket's customer: HubSpot's conversation thread when HubSpot keeps
    the tickets and HUBSPOT_SENDER_ACTOR_ID names who sends; a system of record that e-mails
    its public notes (Zendesk); else nobody but a person (the embedded desk)."""
    sender = settings.hubspot_sender_actor_id.strip()
    if profile.system_of_record == "hubspot" and hubspot is not None and sender:
        # Sent from the sync queue (services.sync.hubspot.messages): no card waits on HubSpot.
        return QueuedMessages(VIA, "HubSpot")
    if ticket_system.reaches_customer:
        return PublicNotes(profile.system_of_record.title())
    return NoSending()


def pick_knowledge_base(
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


def pick_order_system(
    settings: Settings, profile: Profile, db: Database, netsuite: NetSuiteClient | None
) -> OrderSystem:
    """Where quotes and orders live: with [bp_search] orders = "netsuite" and NETSUITE_* set,
    a sales order's status comes from NetSuite (quotes and moves stay local), else the
    database."""
    if profile.bp_search.orders == "netsuite" and netsuite is not None:
        sales = NetSuiteSalesOrders(netsuite, profile.bp_search.timeout_seconds)
        return NetSuiteOrderSystem(db, sales)
    return EmbeddedOrderSystem(db)


def pick_project_system(
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


def pick_project_outbound(
    settings: Settings, profile: Profile, db: Database
) -> ProjectOutbound | None:
    """With NetSuite as the project system, each approval queues its project for the worker."""
    if profile.bp_search.projects == "netsuite" and settings.netsuite is not None:
        return ProjectOutbound(SyncQueue(db), NETSUITE)
    return None


def pick_installed_base(
    settings: Settings, profile: Profile, db: Database, netsuite: NetSuiteClient | None
) -> InstalledBase:
    """Where BP Search finds customers, sites, machines and orders ([bp_search]
    installed_base): NetSuite when the profile says so and NETSUITE_* are set, else the bot's
    database."""
    section = profile.bp_search
    if section.installed_base == "netsuite" and netsuite is not None and section.netsuite:
        return NetSuiteInstalledBase(netsuite, section.netsuite, section.timeout_seconds)
    return EmbeddedInstalledBase(db)


def pick_customer_directory(
    settings: Settings, profile: Profile, db: Database, hubspot: HubSpotClient | None
) -> CustomerDirectory:
    """The CRM side of a customer ([bp_search] customers): HubSpot when the profile says so and
    its token is set, else the bot's database."""
    if profile.bp_search.customers == "hubspot" and hubspot is not None:
        return HubSpotDirectory(hubspot)
    return EmbeddedCustomerDirectory(db)
