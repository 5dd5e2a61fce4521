"""Build the Teams app package: appPackage/build/appPackage.zip (`make package`).

Fills the manifest template's toolkit-style placeholders and zips it with the two icons, all
three at the root of the zip as Teams requires. Values come from the command line, else the
environment or `.env` (read as the bot reads its settings):

- `${{BOT_ID}}`: `MicrosoftAppId` (or the toolkit's `BOT_ID`), the Azure Bot's app id. Required.
- `${{TEAMS_APP_ID}}`: `TEAMS_APP_ID`; defaults to the bot id, the usual choice for one bot.
- `${{BOT_DOMAIN}}`: `BOT_DOMAIN`, or the host of `BOT_ENDPOINT` (https://host). Required.
- `${{APP_NAME_SUFFIX}}`: `APP_NAME_SUFFIX`, appended to the short name; empty by default.

A missing or malformed value stops the build with a message naming the setting; nothing is
written then. The zip is reproducible: the same inputs give the same bytes.

    python -m scripts.package_app [--bot-id GUID] [--domain HOST] [--out PATH]
"""

from __future__ import annotations

import argparse
import io
import json
import re
import sys
import zipfile
from pathlib import Path
from urllib.parse import urlsplit

from PIL import Image
from pydantic import AliasChoices, Field
from pydantic_settings import BaseSettings

from services.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
APP_PACKAGE = ROOT / "appPackage"
DEFAULT_OUT = APP_PACKAGE / "build" / "appPackage.zip"
ICON_SIZES = {"color.png": (192, 192), "outline.png": (32, 32)}
PLACEHOLDER = re.compile(r"\$\{\{([A-Za-z_][A-Za-z0-9_]*)\}\}")
GUID = re.compile(r"^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$")
HOST = re.compile(r"^(?=.{1,253}$)([A-Za-z0-9-]{1,63}\.)*[A-Za-z0-9-]{1,63}(:\d{1,5})?$")
_APP_ID = Settings.model_fields["app_id"].validation_alias


class PackageError(Exception):
    """The package cannot be built; the message says which setting to fix."""


class PackageSettings(BaseSettings):
    """The settings packaging reads: the bot's app id under its usual names, and the toolkit's."""

    model_config = Settings.model_config
    bot_id: str = Field("", validation_alias=AliasChoices(*_APP_ID.choices, "BOT_ID"))
    teams_app_id: str = Field("", validation_alias="TEAMS_APP_ID")
    bot_domain: str = Field("", validation_alias="BOT_DOMAIN")
    bot_endpoint: str = Field("", validation_alias="BOT_ENDPOINT")
    app_name_suffix: str = Field("", validation_alias="APP_NAME_SUFFIX")


def _guid(value: str, name: str) -> str:
    """The value as a lower-case GUID, or why it is not one."""
    value = value.strip()
    if not value:
        raise PackageError(
            f"{name} is not set: the app package needs the bot's Microsoft App ID, the GUID of "
            "the Azure Bot registration (docs/deployment.md). Set it in .env or the "
            "environment, or pass --bot-id."
        )
    if not GUID.match(value):
        raise PackageError(
            f"{name} must be a GUID like 0a1b2c3d-4e5f-6789-abcd-ef0123456789, not {value!r}"
        )
    return value.lower()


def _domain(settings: PackageSettings) -> str:
    """The bot's host name, from BOT_DOMAIN or BOT_ENDPOINT, checked."""
    domain = settings.bot_domain.strip()
    if not domain and settings.bot_endpoint:
        domain = urlsplit(settings.bot_endpoint.strip()).netloc
    if not domain:
        raise PackageError(
            "BOT_DOMAIN is not set: give the host name of the bot's messaging endpoint, e.g. "
            "BOT_DOMAIN=supportdesk.bestpack.com (or BOT_ENDPOINT=https://...), or pass --domain."
        )
    if not HOST.match(domain):
        raise PackageError(
            f"BOT_DOMAIN must be a host name without https:// or a path, not {domain!r}"
        )
    return domain


def values(settings: PackageSettings) -> dict[str, str]:
    """The value of every placeholder, checked."""
    bot_id = _guid(settings.bot_id, "MicrosoftAppId")
    teams_app_id = _guid(settings.teams_app_id, "TEAMS_APP_ID") if settings.teams_app_id else bot_id
    return {
        "BOT_ID": bot_id,
        "TEAMS_APP_ID": teams_app_id,
        "BOT_DOMAIN": _domain(settings),
        "APP_NAME_SUFFIX": settings.app_name_suffix,
    }


def fill(template: str, found: dict[str, str]) -> str:
    """The manifest with every placeholder replaced; an unknown one is an error."""
    unknown = sorted(set(PLACEHOLDER.findall(template)) - set(found))
    if unknown:
        raise PackageError(f"the manifest uses placeholders nobody fills: {', '.join(unknown)}")
    # Values are checked GUIDs, host names and a name suffix; JSON-escape them all the same.
    return PLACEHOLDER.sub(lambda m: json.dumps(found[m.group(1)])[1:-1], template)


def _icon(name: str) -> bytes:
    """An icon's bytes, once its size is what Teams requires."""
    data = (APP_PACKAGE / name).read_bytes()
    try:
        with Image.open(io.BytesIO(data), formats=["PNG"]) as image:
            image.verify()  # every chunk's checksum: Teams refuses a damaged icon
            size = image.size
    except (OSError, SyntaxError) as error:  # Pillow reports a bad checksum as SyntaxError
        raise PackageError(f"appPackage/{name} is not a readable PNG: {error}") from error
    if size != ICON_SIZES[name]:
        width, height = ICON_SIZES[name]
        raise PackageError(
            f"appPackage/{name} must be {width}x{height} pixels, not {'x'.join(map(str, size))}"
        )
    return data


def build(settings: PackageSettings) -> bytes:
    """The zip's bytes: manifest.json, color.png and outline.png at its root."""
    manifest = fill((APP_PACKAGE / "manifest.json").read_text(encoding="utf-8"), values(settings))
    files = {"manifest.json": manifest.encode(), **{n: _icon(n) for n in ICON_SIZES}}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            # A fixed timestamp keeps the zip reproducible.
            archive.writestr(
                zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0)),
                data,
                compress_type=zipfile.ZIP_DEFLATED,
            )
    return buffer.getvalue()


def main(argv: list[str] | None = None) -> int:
    """Build the package, or explain on stderr what is missing and exit 2."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bot-id", help="the bot's Microsoft App ID (default: MicrosoftAppId)")
    parser.add_argument("--teams-app-id", help="the Teams app id (default: the bot id)")
    parser.add_argument("--domain", help="the bot's host name (default: BOT_DOMAIN)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where to write the zip")
    args = parser.parse_args(argv)
    overrides = {
        key: value
        for key, value in (
            ("bot_id", args.bot_id),
            ("teams_app_id", args.teams_app_id),
            ("bot_domain", args.domain),
        )
        if value is not None
    }
    try:
        data = build(PackageSettings(**overrides))
    except PackageError as error:
        print(f"Cannot build the app package: {error}", file=sys.stderr)
        return 2
    args.out.parent.mkdir(parents=True, exist_ok=True)
    partial = args.out.with_suffix(".partial")
    partial.write_bytes(data)
    partial.replace(args.out)  # never leave a half-written zip where Teams users look
    print(f"wrote {args.out} ({len(data)} bytes): upload it in Teams, Apps > Manage your apps")
    return 0


if __name__ == "__main__":
    sys.exit(main())
