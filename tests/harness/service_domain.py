"""Process 6's drafts as the domain tests use them: one for a provider, one for our own staff."""

from dataclasses import replace
from datetime import date

from services.service_requests import Billing, ServiceDraft

# New Jersey: PLC Paramedics go; non-billable, so the reason is given.
DRAFT = ServiceDraft(
    site="Acme Foods, Newark plant",
    site_state="nj",
    start_date=date(2026, 12, 1),
    end_date=date(2026, 12, 2),
    billing=Billing.NON_BILLABLE,
    scope="Replace the infeed belt",
    billing_reason="Belt failed within the 90-day warranty",
)
# Texas: BestPack's own service staff go, so a technician is named.
IN_HOUSE = replace(DRAFT, site_state="TX", technician_id="jordan", billing=Billing.BILLABLE)
