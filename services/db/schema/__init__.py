"""SQLAlchemy Core tables mirroring the migrations (tests compare the two, so keep them in step).

One module per area, all on one MetaData; importing this package registers every table, so
`metadata` here is always the whole schema.
"""

from services.db.schema.base import metadata
from services.db.schema.core import (
    TICKET_STATUSES,
    conversation_refs,
    identity_links,
    ticket_events,
    ticket_helpers,
    tickets,
)
from services.db.schema.delivery import OUTBOX_STATUSES, job_runs, outbox, sla_alerts
from services.db.schema.escalations import ESCALATION_STATUSES, escalations, rcca_records
from services.db.schema.installed_base import (
    customer_sites,
    customers,
    deals,
    machines,
    sales_orders,
)
from services.db.schema.processes import (
    KB_ARTICLE_STATUSES,
    SERVICE_REQUEST_STATUSES,
    kb_article_sources,
    kb_articles,
    parts_orders,
    parts_requests,
    service_projects,
    service_requests,
)
from services.db.schema.receipts import RECEIPT_STATUSES, activity_receipts
from services.db.schema.sync import SYNC_STATES, sync_changes, sync_cursors, sync_events
from services.db.schema.time_entries import time_entries

__all__ = [
    "ESCALATION_STATUSES",
    "KB_ARTICLE_STATUSES",
    "OUTBOX_STATUSES",
    "RECEIPT_STATUSES",
    "SERVICE_REQUEST_STATUSES",
    "SYNC_STATES",
    "TICKET_STATUSES",
    "activity_receipts",
    "conversation_refs",
    "customer_sites",
    "customers",
    "deals",
    "escalations",
    "identity_links",
    "job_runs",
    "kb_article_sources",
    "kb_articles",
    "machines",
    "metadata",
    "outbox",
    "parts_orders",
    "parts_requests",
    "rcca_records",
    "sales_orders",
    "service_projects",
    "service_requests",
    "sla_alerts",
    "sync_changes",
    "sync_cursors",
    "sync_events",
    "ticket_events",
    "ticket_helpers",
    "tickets",
    "time_entries",
]
