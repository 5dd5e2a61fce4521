"""A desk whose system of record is the fake Zendesk, and moving its sync along by hand."""

from __future__ import annotations

from pathlib import Path

from bot.keys import SERVICES, SYNC_WORKER
from services.profile.loader import SHIPPED
from services.settings import Settings
from services.sync import SyncQueue, SyncSettings
from tests.harness.desk import Desk
from tests.harness.fake_zendesk import API_EMAIL, API_TOKEN, FakeZendesk
from tests.harness.fake_zendesk_client import WEBHOOK_SECRET
from tests.harness.sync import Clock, drain

# The intake fields the profile maps to Zendesk ticket fields, with the field's title there.
FIELDS = {
    "serial_number": ("Serial number", "text"),
    "machine_model": ("Machine model", "text"),
    "machine_complexity": ("Complexity", "tagger"),
    "issue_type": ("Issue type", "tagger"),
    "site_state": ("Site state", "tagger"),
    "production_impact": ("Production impact", "checkbox"),
}
AGENTS = {"Kevin": "kevin@bestpack.example", "Mary": "mary@bestpack.example"}
SECTION, LOCALE = 360009876543, "en-us"  # the Help Center section articles are published to


def zendesk_profile(
    folder: Path, field_ids: dict[str, int], triage_channel: str = "", help_center: str = ""
) -> Path:
    """The BestPack profile with Zendesk as its system of record and its [zendesk.fields]
    (and `help_center`, the [zendesk.help_center] section's lines, when given)."""
    text = (SHIPPED / "bestpack.toml").read_text(encoding="utf-8")
    for old, new in (
        ('name = "bestpack"\n', 'name = "bestpack"\nsystem_of_record = "zendesk"\n'),
        ('triage = ""', f'triage = "{triage_channel}"'),
    ):
        assert text.count(old) == 1, f"bestpack.toml has no single {old!r}"
        text = text.replace(old, new)
    mapped = "".join(f"{name} = {field_id}\n" for name, field_id in field_ids.items())
    path = folder / "bestpack-zendesk.toml"
    guide = f"\n[zendesk.help_center]\n{help_center}" if help_center else ""
    path.write_text(f"{text}\n[zendesk.fields]\n{mapped}{guide}", encoding="utf-8")
    return path


def on_zendesk(
    settings: Settings,
    folder: Path,
    fake: FakeZendesk,
    triage_channel: str = "",
    *,
    guide: bool = False,
) -> Settings:
    """`settings` with the fake as Zendesk: its fields and agents made, the sync pumped by hand;
    with `guide`, the profile publishes knowledge articles to the fake's SECTION."""
    ids = {name: fake.store.add_field(title, kind) for name, (title, kind) in FIELDS.items()}
    for name, email in AGENTS.items():
        fake.store.add_user(name, email, "agent")
    help_center = ""
    if guide:
        fake.store.sections[SECTION] = LOCALE
        help_center = f'locale = "{LOCALE}"\nsection_id = {SECTION}\npermission_group_id = 7\n'
    profile = zendesk_profile(folder, ids, triage_channel, help_center)
    sync = SyncSettings(_env_file=None, background=False, retry_cap_seconds=120.0)
    return settings.model_copy(
        update={
            "profile": str(profile),
            "zendesk_url": fake.url,
            "zendesk_email": API_EMAIL,
            "zendesk_api_token": API_TOKEN,
            "zendesk_webhook_secret": WEBHOOK_SECRET,
            "sync": sync,
        }
    )


async def deliver(desk: Desk, clock: Clock | None = None) -> int:
    """Run the sync worker's rounds, moving `clock` (the app's) as they ask, until all is sent."""
    services = desk.app[SERVICES]
    if clock is None:
        clock = Clock(services.clock())
        services.clock = clock
    return await drain(desk.app[SYNC_WORKER], clock, SyncQueue(services.db))


def zendesk_ticket(fake: FakeZendesk, number: str) -> dict:
    """The one Zendesk ticket carrying the bot's `number` as its external_id."""
    [ticket] = [t for t in fake.store.tickets.values() if t["external_id"] == number]
    return ticket


def comments(fake: FakeZendesk, zendesk_id: int) -> list[tuple[str, bool]]:
    """(body, public) of each comment on a Zendesk ticket, oldest first."""
    return [(c["body"], c["public"]) for c in fake.store.comments[zendesk_id]]
