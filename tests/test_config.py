"""config.py: defaults in one place, environment overrides."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from displacement_monitor import config


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("DISPLACEMENT_MONITOR_DB", "DISPLACEMENT_MONITOR_CACHE", "XDG_CACHE_HOME",
                 "DISPLACEMENT_MONITOR_MAX_BYTES"):
        monkeypatch.delenv(name, raising=False)


def test_db_path_default() -> None:
    assert config.db_path() == config.DATA_DIR / "displacement.db"


def test_db_path_from_env(db_path: Path) -> None:
    assert config.db_path() == db_path


def test_db_path_argument_wins(db_path: Path, tmp_path: Path) -> None:
    assert config.db_path(tmp_path / "x.db") == tmp_path / "x.db"
    assert config.db_path(str(tmp_path / "y.db")) == tmp_path / "y.db"


def test_cache_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert config.cache_dir() == tmp_path / "home" / ".cache" / "displacement-monitor"
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert config.cache_dir() == tmp_path / "xdg" / "displacement-monitor"
    monkeypatch.setenv("DISPLACEMENT_MONITOR_CACHE", str(tmp_path / "mine"))
    assert config.cache_dir() == tmp_path / "mine"


@pytest.mark.parametrize(("raw", "limit"), [(None, 5 * 1024 * 1024), ("1000", 1000), ("lots", 5 * 1024 * 1024),
                                            ("-1", 5 * 1024 * 1024), ("", 5 * 1024 * 1024)])
def test_max_upload_bytes(monkeypatch: pytest.MonkeyPatch, raw: str | None, limit: int) -> None:
    if raw is not None:
        monkeypatch.setenv("DISPLACEMENT_MONITOR_MAX_BYTES", raw)
    assert config.max_upload_bytes() == limit


def test_resources_ship_with_the_package() -> None:
    for name in ("country_aliases.csv", "household_size.csv", "name_stoplist.txt"):
        assert (config.RESOURCES_DIR / name).is_file()


def test_geocoder_settings_defaults_and_frozen() -> None:
    settings = config.GeocoderSettings()
    assert (settings.service, settings.min_delay_seconds, settings.timeout) == ("offline", 1.0, 5.0)
    assert settings.domain is None and settings.scheme is None
    with pytest.raises(dataclasses.FrozenInstanceError):
        settings.service = "nominatim"  # type: ignore[misc]
