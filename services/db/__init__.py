"""The support desk's SQL layer (SQLite or PostgreSQL); knows nothing of the Bot Framework."""

from services.db.conversations import ConversationRefRepository, StoredReference
from services.db.database import Database
from services.db.identity import IdentityLink, IdentityLinkRepository

__all__ = [
    "ConversationRefRepository",
    "Database",
    "IdentityLink",
    "IdentityLinkRepository",
    "StoredReference",
]
