"""The Zendesk client the ticket-system port and the sync use."""

from __future__ import annotations

import httpx

from services.clients.zendesk.account import Account
from services.clients.zendesk.api import ZendeskApi
from services.clients.zendesk.config import ZendeskConfig
from services.clients.zendesk.export import Export
from services.clients.zendesk.help_center import HelpCenter
from services.clients.zendesk.tickets import Tickets


class ZendeskClient:
    """One Zendesk account, spoken to on the app's shared httpx client."""

    def __init__(self, config: ZendeskConfig, http: httpx.AsyncClient) -> None:
        api = ZendeskApi(config, http)
        self.config = config
        self.tickets = Tickets(api)
        self.account = Account(api)
        self.export = Export(api)
        self.help_center = HelpCenter(api)
