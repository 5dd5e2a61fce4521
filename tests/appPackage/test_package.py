"""`make package`: the zip Teams accepts, filled from the settings, or a clear refusal."""

from __future__ import annotations

import io
import json
import zipfile

import pytest

from scripts import package_app
from scripts.package_app import APP_PACKAGE, PackageError, PackageSettings, build, fill, main
from tests.appPackage.manifest_schema import errors

BOT_ID = "6F1C2A3B-4D5E-4F60-8A7B-9C0D1E2F3A4B"


def settings(**values: str) -> PackageSettings:
    """Packaging settings as if read from the environment."""
    return PackageSettings(_env_file=None, **values)


def unzip(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def test_the_zip_holds_exactly_the_manifest_and_the_two_icons_at_its_root():
    files = unzip(build(settings(bot_id=BOT_ID, bot_domain="desk.bestpack.com")))
    assert sorted(files) == ["color.png", "manifest.json", "outline.png"]
    for icon in ("color.png", "outline.png"):
        assert files[icon] == (APP_PACKAGE / icon).read_bytes()
    manifest = json.loads(files["manifest.json"])
    assert "${{" not in files["manifest.json"].decode()
    assert errors(manifest) == []
    assert manifest["bots"][0]["botId"] == manifest["id"] == BOT_ID.lower()
    assert manifest["icons"] == {"color": "color.png", "outline": "outline.png"}


def test_the_settings_come_from_the_environment_under_the_bot_s_own_names(monkeypatch):
    monkeypatch.setenv("MicrosoftAppId", BOT_ID)
    monkeypatch.setenv("BOT_ENDPOINT", "https://desk.bestpack.com/api/messages")
    monkeypatch.setenv("TEAMS_APP_ID", "11111111-2222-4333-8444-555555555555")
    manifest = json.loads(unzip(build(PackageSettings()))["manifest.json"])
    assert manifest["bots"][0]["botId"] == BOT_ID.lower()
    assert manifest["id"] == "11111111-2222-4333-8444-555555555555"
    assert manifest["validDomains"] == ["desk.bestpack.com"]


def test_the_same_settings_build_the_same_bytes():
    first = build(settings(bot_id=BOT_ID, bot_domain="desk.bestpack.com"))
    assert build(settings(bot_id=BOT_ID, bot_domain="desk.bestpack.com")) == first


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"bot_domain": "desk.bestpack.com"}, "MicrosoftAppId is not set"),
        ({"bot_id": "my-bot", "bot_domain": "desk.bestpack.com"}, "MicrosoftAppId must be a GUID"),
        ({"bot_id": BOT_ID}, "BOT_DOMAIN is not set"),
        ({"bot_id": BOT_ID, "bot_domain": "https://desk.bestpack.com/"}, "without https://"),
        (
            {"bot_id": BOT_ID, "bot_domain": "d.example", "teams_app_id": "x"},
            "TEAMS_APP_ID must be a GUID",
        ),
    ],
)
def test_missing_or_malformed_settings_are_refused_by_name(values, message):
    with pytest.raises(PackageError, match=message):
        build(settings(**values))


def test_a_placeholder_nobody_fills_is_refused():
    with pytest.raises(PackageError, match="CHANNEL_ID"):
        fill('{"id": "${{BOT_ID}}", "x": "${{CHANNEL_ID}}"}', {"BOT_ID": BOT_ID})


def test_make_package_writes_the_zip(tmp_path, capsys):
    out = tmp_path / "build" / "appPackage.zip"
    assert main(["--bot-id", BOT_ID, "--domain", "desk.bestpack.com", "--out", str(out)]) == 0
    assert sorted(unzip(out.read_bytes())) == ["color.png", "manifest.json", "outline.png"]
    assert str(out) in capsys.readouterr().out


def test_without_a_bot_id_it_explains_and_writes_nothing(tmp_path, capsys):
    out = tmp_path / "build" / "appPackage.zip"
    assert main(["--domain", "desk.bestpack.com", "--out", str(out)]) == 2
    assert "MicrosoftAppId is not set" in capsys.readouterr().err
    assert not out.parent.exists()


def test_a_wrong_icon_size_stops_the_build(monkeypatch, tmp_path):
    for name in ("manifest.json", "color.png"):
        (tmp_path / name).write_bytes((APP_PACKAGE / name).read_bytes())
    (tmp_path / "outline.png").write_bytes((APP_PACKAGE / "color.png").read_bytes())
    monkeypatch.setattr(package_app, "APP_PACKAGE", tmp_path)
    with pytest.raises(PackageError, match=r"outline\.png must be 32x32 pixels, not 192x192"):
        build(settings(bot_id=BOT_ID, bot_domain="desk.bestpack.com"))


def test_the_build_folder_is_ignored_by_git():
    ignored = (APP_PACKAGE.parent / ".gitignore").read_text().split()
    assert "appPackage/build/" in ignored
