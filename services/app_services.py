"""The resources every feature works with, gathered once at start-up and passed in."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

import httpx

from services.db import Database
from services.db.conversations import ConversationRefRepository
from services.db.identity import IdentityLinkRepository
from services.db.outbox import OutboxRepository
from services.escalations import EscalationRepository
from services.knowledge import KnowledgeBase, SqlKnowledgeBase
from services.parts import EmbeddedOrderSystem, OrderSystem, PartsRepository
from services.profile import Profile
from services.service_requests import (
    LocalProjectSystem,
    ProjectSystem,
    ServiceRequestRepository,
)
from services.settings import Settings
from services.tickets import TicketRepository


def utc_now() -> datetime:
    """The real clock; tests pass their own."""
    return datetime.now(UTC)


@dataclass
class AppServices:
    """Settings, the process profile, the database and its repositories, outbound HTTP."""

    settings: Settings
    profile: Profile
    db: Database
    http: httpx.AsyncClient
    clock: Callable[[], datetime] = field(default=utc_now)

    def __post_init__(self) -> None:
        self.references = ConversationRefRepository(self.db)
        self.identities = IdentityLinkRepository(self.db)
        self.outbox = OutboxRepository(self.db)
        self.tickets = TicketRepository(self.db, self.profile)
        self.escalations = EscalationRepository(self.db, self.tickets)
        self.parts = PartsRepository(self.db, self.profile)
        self.orders: OrderSystem = EmbeddedOrderSystem(self.db)  # NetSuite later
        self.service_requests = ServiceRequestRepository(self.db, self.profile)
        self.projects: ProjectSystem = LocalProjectSystem(self.db)  # NetSuite later
        self.knowledge: KnowledgeBase = SqlKnowledgeBase(self.db, self.profile)  # Zendesk later
