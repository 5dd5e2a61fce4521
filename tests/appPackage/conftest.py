"""Packaging reads the environment and .env: each test here starts from neither."""

from __future__ import annotations

import pytest

from scripts.package_app import PackageSettings

# Every name PackageSettings reads, so a developer's shell cannot leak into a test.
READS = {
    alias
    for field in PackageSettings.model_fields.values()
    for alias in getattr(field.validation_alias, "choices", [field.validation_alias])
}


@pytest.fixture(autouse=True)
def no_outside_settings(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    """No packaging variable in the environment, and a working directory without .env."""
    for name in READS:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)
