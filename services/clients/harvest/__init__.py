"""Harvest (time tracking, API v2): the time entries the desk's `time` command sends there.

Every failure is one of the errors in `errors`, so a caller knows what to do: HarvestRateLimited
(wait retry_after), HarvestTransient (slow or down: try later), HarvestAuthFailed (the token or
account id is wrong), HarvestRejected (never: Harvest's own reason says why).
"""

from services.clients.harvest.client import HarvestClient
from services.clients.harvest.config import HarvestConfig, harvest_config
from services.clients.harvest.errors import (
    HarvestAuthFailed,
    HarvestError,
    HarvestRateLimited,
    HarvestRejected,
    HarvestTransient,
)
from services.clients.harvest.models import ExternalReference, NewTimeEntry, TimeEntry

__all__ = [
    "ExternalReference",
    "HarvestAuthFailed",
    "HarvestClient",
    "HarvestConfig",
    "HarvestError",
    "HarvestRateLimited",
    "HarvestRejected",
    "HarvestTransient",
    "NewTimeEntry",
    "TimeEntry",
    "harvest_config",
]
