"""Zendesk Support and Help Center over their REST API v2, on the app's shared httpx client.

Every failure is one of the errors in `errors` so a queue knows what to do: RateLimited (wait
Retry-After), Transient (back off, the change may have applied), Conflict (re-read, re-apply),
Rejected (never: tell the person), AuthFailed (the credentials are wrong).
"""

from services.clients.zendesk.client import ZendeskClient
from services.clients.zendesk.config import ZendeskConfig
from services.clients.zendesk.errors import (
    AuthFailed,
    Conflict,
    RateLimited,
    Rejected,
    Transient,
    ZendeskError,
)
from services.clients.zendesk.requests import NewArticle, NewComment, NewTicket, TicketUpdate

__all__ = [
    "AuthFailed",
    "Conflict",
    "NewArticle",
    "NewComment",
    "NewTicket",
    "RateLimited",
    "Rejected",
    "TicketUpdate",
    "Transient",
    "ZendeskClient",
    "ZendeskConfig",
    "ZendeskError",
]
