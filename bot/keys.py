"""Typed keys for what the aiohttp application holds."""

from __future__ import annotations

from typing import TYPE_CHECKING

import httpx
from aiohttp import web

if TYPE_CHECKING:
    from botbuilder.integration.aiohttp import CloudAdapter

    from bot.after import AfterAnswer
    from bot.handler import SupportBot
    from bot.metrics import DeskMetrics
    from bot.replay import Replays
    from bot.router import Feature
    from bot.tenants import TenantGate
    from services.app_services import AppServices
    from services.db import Database
    from services.profile import Profile
    from services.settings import Settings
    from services.sync import SyncWorker
    from services.sync.hubspot.account_check import AccountCheck as HubSpotCheck
    from services.sync.zendesk.account_check import AccountCheck

SETTINGS: web.AppKey[Settings] = web.AppKey("settings")
FEATURES: web.AppKey[list[Feature]] = web.AppKey("features")
PROFILE: web.AppKey[Profile] = web.AppKey("profile")
DATABASE: web.AppKey[Database] = web.AppKey("database")
HTTP: web.AppKey[httpx.AsyncClient] = web.AppKey("http")
SERVICES: web.AppKey[AppServices] = web.AppKey("services")
ADAPTER: web.AppKey[CloudAdapter] = web.AppKey("adapter")
BOT: web.AppKey[SupportBot] = web.AppKey("bot")
METRICS: web.AppKey[DeskMetrics] = web.AppKey("metrics")
AFTER: web.AppKey[AfterAnswer] = web.AppKey("after")
REPLAYS: web.AppKey[Replays] = web.AppKey("replays")
TENANTS: web.AppKey[TenantGate] = web.AppKey("tenants")
# Only with Zendesk as the system of record.
ZENDESK_CHECK: web.AppKey[AccountCheck] = web.AppKey("zendesk_check")
SYNC_WORKER: web.AppKey[SyncWorker] = web.AppKey("sync_worker")
# Only with HubSpot as the system of record.
HUBSPOT_CHECK: web.AppKey[HubSpotCheck] = web.AppKey("hubspot_check")
HUBSPOT_SYNC_WORKER: web.AppKey[SyncWorker] = web.AppKey("hubspot_sync_worker")
# Only with NetSuite configured and keeping the profile's service projects.
NETSUITE_SYNC_WORKER: web.AppKey[SyncWorker] = web.AppKey("netsuite_sync_worker")
# Only with Harvest configured (HARVEST_*): the `time` entries' copies.
HARVEST_SYNC_WORKER: web.AppKey[SyncWorker] = web.AppKey("harvest_sync_worker")
