"""NetSuite over SuiteTalk REST web services (records and SuiteQL), on the shared httpx client.

Every failure is one of the errors in `errors`: NetSuiteRateLimited (the account's concurrency
limit: wait retry_after), NetSuiteUnavailable (5xx, timeout, no answer: retry later; a write
may have applied), NetSuiteRejected (NetSuite will not take it as it is: status, code, words).
Text a person typed enters SuiteQL only through `suiteql.literal` / `suiteql.like_pattern`.
"""

from services.clients.netsuite.client import NetSuiteClient
from services.clients.netsuite.config import NetSuiteConfig, netsuite_config
from services.clients.netsuite.errors import (
    NetSuiteError,
    NetSuiteRateLimited,
    NetSuiteRejected,
    NetSuiteUnavailable,
)
from services.clients.netsuite.models import Row, SuiteQLPage

__all__ = [
    "NetSuiteClient",
    "NetSuiteConfig",
    "NetSuiteError",
    "NetSuiteRateLimited",
    "NetSuiteRejected",
    "NetSuiteUnavailable",
    "Row",
    "SuiteQLPage",
    "netsuite_config",
]
