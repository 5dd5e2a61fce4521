"""HubSpot's CRM (v3 objects and search, v4 associations, owners, account info) on the app's
shared httpx client.

Every failure is one of the errors in `errors` so a caller knows what to do: HubSpotRateLimited
(wait retry_after), HubSpotUnavailable (slow or down: try later), HubSpotRefused (the access
token is wrong or lacks a scope), HubSpotRejected (never: HubSpot's own reason says why).
"""

from services.clients.hubspot.api import Pace
from services.clients.hubspot.client import HubSpotClient
from services.clients.hubspot.config import HubSpotConfig
from services.clients.hubspot.errors import (
    HubSpotError,
    HubSpotRateLimited,
    HubSpotRefused,
    HubSpotRejected,
    HubSpotUnavailable,
)
from services.clients.hubspot.models import Association, AssociationType, CrmObject, Owner

__all__ = [
    "Association",
    "AssociationType",
    "CrmObject",
    "HubSpotClient",
    "HubSpotConfig",
    "HubSpotError",
    "HubSpotRateLimited",
    "HubSpotRefused",
    "HubSpotRejected",
    "HubSpotUnavailable",
    "Owner",
    "Pace",
]
