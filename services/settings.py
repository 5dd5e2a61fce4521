"""Settings read from the environment and an optional .env file (documented in .env.example)."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import AliasChoices, Field, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from services.clients.harvest.config import HarvestConfig, harvest_config
from services.clients.hubspot.config import HubSpotConfig, hubspot_config
from services.clients.hubspot.conversations import is_agent_actor
from services.clients.netsuite.config import NetSuiteConfig, netsuite_config
from services.clients.zendesk.config import ZendeskConfig, zendesk_config
from services.delivery.settings import DeliverySettings
from services.metrics_access import MetricsAccess, metrics_access
from services.sync.settings import SyncSettings

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATABASE_URL = f"sqlite+aiosqlite:///{PROJECT_ROOT / 'var' / 'supportdesk.db'}"


class Settings(BaseSettings):
    """Everything the bot needs to start; names follow the Bot Framework / Agents Toolkit ones."""

    # Inputs stay out of error messages: they would carry the passwords and tokens to the log.
    model_config = SettingsConfigDict(
        env_file=".env",
        env_file_encoding="utf-8",
        extra="ignore",
        populate_by_name=True,
        hide_input_in_errors=True,
    )

    app_id: str = Field("", validation_alias=AliasChoices("MicrosoftAppId", "MICROSOFT_APP_ID"))
    app_password: str = Field(
        "",
        repr=False,
        validation_alias=AliasChoices("MicrosoftAppPassword", "MICROSOFT_APP_PASSWORD"),
    )
    app_type: str = Field(
        "SingleTenant", validation_alias=AliasChoices("MicrosoftAppType", "MICROSOFT_APP_TYPE")
    )
    app_tenant_id: str = Field(
        "", validation_alias=AliasChoices("MicrosoftAppTenantId", "MICROSOFT_APP_TENANT_ID")
    )
    # More tenants whose people may use the bot, besides MicrosoftAppTenantId (comma-separated).
    allowed_tenants: str = Field("", validation_alias="ALLOWED_TENANT_IDS")
    database_url: str = Field(DEFAULT_DATABASE_URL, validation_alias="DATABASE_URL")
    profile: str = Field("bestpack", validation_alias="SUPPORT_PROFILE")
    port: int = Field(3978, validation_alias="PORT")
    # Only honoured with authentication on: an unauthenticated bot never leaves loopback.
    host: str = Field("0.0.0.0", validation_alias="HOST")
    log_level: str = Field("INFO", validation_alias="LOG_LEVEL")
    # json: one object per line for the log platform; text: for people running it locally.
    log_format: Literal["json", "text"] = Field("json", validation_alias="LOG_FORMAT")
    # Where the Bot Framework's OpenID metadata lives; only tests and sovereign clouds change it.
    openid_metadata_url: str = Field("", validation_alias="BOT_OPENID_METADATA_URL")
    # The authority the bot gets its own tokens from; only tests and sovereign clouds change it.
    login_url: str = Field("", validation_alias="BOT_LOGIN_URL")
    # GET /metrics (services/metrics_access.py): with a token only a scrape bearing it; without
    # one, hidden (404) once authentication is on unless METRICS_PUBLIC says a private network
    # keeps strangers out; open on a local run, which listens on loopback only.
    metrics_token: str = Field("", repr=False, validation_alias="METRICS_TOKEN")
    metrics_public: bool = Field(False, validation_alias="METRICS_PUBLIC")
    # Off: scheduled jobs (SLA sweep, digest, auto-close) do not run here; tests call run_due.
    scheduler_enabled: bool = Field(True, validation_alias="SCHEDULER_ENABLED")
    # Off: intake's serial number and company are plain text inputs, for a client with no
    # dynamic typeahead (the Agents Playground never sends application/search).
    intake_typeahead: bool = Field(True, validation_alias="INTAKE_TYPEAHEAD")
    # Proactive message delivery (retries, Teams rate limits): OUTBOX_* variables.
    delivery: DeliverySettings = Field(default_factory=DeliverySettings)
    # The queue of changes to a system of record (retries, leases, pace): SYNC_* variables.
    sync: SyncSettings = Field(default_factory=SyncSettings)
    # Zendesk as the system of record: all four set, or none (Zendesk off).
    zendesk_url: str = Field("", validation_alias="ZENDESK_URL")
    zendesk_email: str = Field("", validation_alias="ZENDESK_EMAIL")
    zendesk_api_token: str = Field("", repr=False, validation_alias="ZENDESK_API_TOKEN")
    zendesk_webhook_secret: str = Field("", repr=False, validation_alias="ZENDESK_WEBHOOK_SECRET")
    # HubSpot (BP Search's customers; the profile says what it is used for): on with the token.
    # The URL is HubSpot's public API host unless set (tests point it at a local fake).
    hubspot_url: str = Field("", validation_alias="HUBSPOT_URL")
    hubspot_access_token: str = Field("", repr=False, validation_alias="HUBSPOT_ACCESS_TOKEN")
    # The HubSpot app's client secret: it signs the webhooks of a desk whose tickets are there.
    hubspot_client_secret: str = Field("", repr=False, validation_alias="HUBSPOT_CLIENT_SECRET")
    # The HubSpot user ("A-" and the user id) the desk writes to customers as, in a ticket's
    # conversation thread; unset: a person sends those messages (docs/routines.md).
    hubspot_sender_actor_id: str = Field("", validation_alias="HUBSPOT_SENDER_ACTOR_ID")
    # NetSuite (token-based authentication): all six set, or none (NetSuite off).
    netsuite_url: str = Field("", validation_alias="NETSUITE_URL")
    netsuite_account_id: str = Field("", validation_alias="NETSUITE_ACCOUNT_ID")
    netsuite_consumer_key: str = Field("", repr=False, validation_alias="NETSUITE_CONSUMER_KEY")
    netsuite_consumer_secret: str = Field(
        "", repr=False, validation_alias="NETSUITE_CONSUMER_SECRET"
    )
    netsuite_token_id: str = Field("", repr=False, validation_alias="NETSUITE_TOKEN_ID")
    netsuite_token_secret: str = Field("", repr=False, validation_alias="NETSUITE_TOKEN_SECRET")
    # Harvest (the `time` command's entries): the account id and token both set, or neither
    # (Harvest off: time is stored only); the User-Agent names the app and a contact.
    harvest_account_id: str = Field("", validation_alias="HARVEST_ACCOUNT_ID")
    harvest_token: str = Field("", repr=False, validation_alias="HARVEST_TOKEN")
    harvest_url: str = Field("", validation_alias="HARVEST_URL")
    harvest_user_agent: str = Field("", validation_alias="HARVEST_USER_AGENT")

    @field_validator("app_type")
    @classmethod
    def _known_app_type(cls, value: str) -> str:
        allowed = {"SingleTenant", "MultiTenant", "UserAssignedMSI"}
        if value not in allowed:
            raise ValueError(f"MicrosoftAppType must be one of {sorted(allowed)}, not {value!r}")
        return value

    @model_validator(mode="after")
    def _zendesk_complete(self) -> Settings:
        # A half-set Zendesk would fail on the first change queued; refuse to start instead.
        self.zendesk  # noqa: B018 - raises ValueError naming what is missing
        return self

    @model_validator(mode="after")
    def _hubspot_complete(self) -> Settings:
        # A URL or secret without a token is a half-set HubSpot: refuse to start, naming it.
        self.hubspot  # noqa: B018 - raises ValueError naming what is missing
        return self

    @model_validator(mode="after")
    def _hubspot_sender_usable(self) -> Settings:
        # A sender without HubSpot, or one HubSpot would refuse, would only fail on the day a
        # customer is due a message: refuse to start instead, naming the setting.
        actor = self.hubspot_sender_actor_id.strip()
        if actor and not is_agent_actor(actor):
            raise ValueError(
                "HUBSPOT_SENDER_ACTOR_ID must be an agent actor id: A- and the HubSpot user's "
                "id, like A-1234567"
            )
        if actor and self.hubspot is None:
            raise ValueError(
                "HubSpot is half configured: HUBSPOT_ACCESS_TOKEN is missing "
                "(HUBSPOT_SENDER_ACTOR_ID is set)"
            )
        return self

    @model_validator(mode="after")
    def _netsuite_complete(self) -> Settings:
        # Half-set NetSuite credentials would fail on the first look-up; refuse to start instead.
        self.netsuite  # noqa: B018 - raises ValueError naming what is missing
        return self

    @model_validator(mode="after")
    def _harvest_complete(self) -> Settings:
        # Half-set Harvest would refuse every entry the queue sends; refuse to start instead.
        self.harvest  # noqa: B018 - raises ValueError naming what is missing
        return self

    @model_validator(mode="after")
    def _metrics_access_clear(self) -> Settings:
        # A token Prometheus cannot send, or one beside METRICS_PUBLIC, would leave the scrape
        # failing or more open than meant: refuse to start instead, naming the setting.
        self.metrics_access  # noqa: B018 - raises ValueError naming the setting
        return self

    @model_validator(mode="after")
    def _credentials_complete(self) -> Settings:
        # Caught here, at start-up, with the setting names people actually type.
        if not self.app_id:
            return self
        if self.app_type != "UserAssignedMSI" and not self.app_password:
            raise ValueError("MicrosoftAppId is set but MicrosoftAppPassword is empty")
        if self.app_type != "MultiTenant" and not self.app_tenant_id:
            raise ValueError(f"MicrosoftAppType={self.app_type} needs MicrosoftAppTenantId")
        if not self.allowed_tenant_ids:
            # Identity comes from e-mail within a tenant: with no tenant named, anyone could claim.
            raise ValueError(
                "MicrosoftAppType=MultiTenant needs ALLOWED_TENANT_IDS: the tenants whose "
                "people may use the bot"
            )
        return self

    @property
    def allowed_tenant_ids(self) -> frozenset[str]:
        """The tenants whose activities the bot accepts; empty means any (only without auth)."""
        named = [self.app_tenant_id, *self.allowed_tenants.split(",")]
        return frozenset(t.strip().lower() for t in named if t.strip())

    @property
    def zendesk(self) -> ZendeskConfig | None:
        """The Zendesk account to use, or None when Zendesk is off."""
        return zendesk_config(
            {
                "ZENDESK_URL": self.zendesk_url,
                "ZENDESK_EMAIL": self.zendesk_email,
                "ZENDESK_API_TOKEN": self.zendesk_api_token,
                "ZENDESK_WEBHOOK_SECRET": self.zendesk_webhook_secret,
            }
        )

    @property
    def hubspot(self) -> HubSpotConfig | None:
        """The HubSpot account to use, or None when HubSpot is off (no access token)."""
        return hubspot_config(
            {
                "HUBSPOT_URL": self.hubspot_url,
                "HUBSPOT_ACCESS_TOKEN": self.hubspot_access_token,
                "HUBSPOT_CLIENT_SECRET": self.hubspot_client_secret,
            }
        )

    @property
    def netsuite(self) -> NetSuiteConfig | None:
        """The NetSuite account to use, or None when NetSuite is off."""
        return netsuite_config(
            {
                "NETSUITE_URL": self.netsuite_url,
                "NETSUITE_ACCOUNT_ID": self.netsuite_account_id,
                "NETSUITE_CONSUMER_KEY": self.netsuite_consumer_key,
                "NETSUITE_CONSUMER_SECRET": self.netsuite_consumer_secret,
                "NETSUITE_TOKEN_ID": self.netsuite_token_id,
                "NETSUITE_TOKEN_SECRET": self.netsuite_token_secret,
            }
        )

    @property
    def harvest(self) -> HarvestConfig | None:
        """The Harvest account to use, or None when Harvest is off."""
        return harvest_config(
            {
                "HARVEST_ACCOUNT_ID": self.harvest_account_id,
                "HARVEST_TOKEN": self.harvest_token,
                "HARVEST_URL": self.harvest_url,
                "HARVEST_USER_AGENT": self.harvest_user_agent,
            }
        )

    @property
    def metrics_access(self) -> MetricsAccess:
        """Who may scrape GET /metrics: a token's bearer, anyone, or no one (404)."""
        return metrics_access(
            self.metrics_token, self.metrics_public, auth_enabled=self.auth_enabled
        )

    @property
    def auth_enabled(self) -> bool:
        """Authentication is on exactly when an app id is configured."""
        return bool(self.app_id)

    @property
    def listen_host(self) -> str:
        """Loopback only without authentication, so an open bot is never exposed."""
        return self.host if self.auth_enabled else "127.0.0.1"
