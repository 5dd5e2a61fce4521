"""The incremental ticket export: every ticket changed since a time, resumed by cursor."""

from __future__ import annotations

from services.clients.zendesk.api import ZendeskApi
from services.clients.zendesk.models import ExportPage

PATH = "/api/v2/incremental/tickets/cursor.json"


class Export:
    """Cursor-based incremental export (admins only; 10 requests a minute)."""

    def __init__(self, api: ZendeskApi) -> None:
        self._api = api

    async def tickets_since(self, start_time: int) -> ExportPage:
        """The first page from a Unix time, which Zendesk wants at least a minute back."""
        answer = await self._api.call("GET", PATH, params={"start_time": int(start_time)})
        return ExportPage.model_validate(answer)

    async def tickets_after(self, cursor: str) -> ExportPage:
        """The page after a stored cursor; `end_of_stream` says this is all there is for now."""
        answer = await self._api.call("GET", PATH, params={"cursor": cursor})
        return ExportPage.model_validate(answer)
