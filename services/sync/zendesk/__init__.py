"""Zendesk as the system of record: the sync worker's sender and what it keeps locally."""

from services.sync.zendesk.sender import SYSTEM, ZendeskSender

__all__ = ["SYSTEM", "ZendeskSender"]
