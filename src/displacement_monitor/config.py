"""Paths and settings in one place, with environment overrides."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
RESOURCES_DIR = PACKAGE_DIR / "resources"
# In a source checkout the repository root holds data/; an installed wheel falls back to the cwd.
REPO_DIR = PACKAGE_DIR.parent.parent
DATA_DIR = Path(os.environ.get("DISPLACEMENT_MONITOR_DATA", REPO_DIR / "data"))
ARTICLES_DIR = DATA_DIR / "articles"

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
DEFAULT_HOUSEHOLD_SIZE = 5.0


def db_path(override: str | os.PathLike[str] | None = None) -> Path:
    """The SQLite store: the explicit argument, else $DISPLACEMENT_MONITOR_DB, else data/displacement.db."""
    if override:
        return Path(override)
    env = os.environ.get("DISPLACEMENT_MONITOR_DB")
    return Path(env) if env else DATA_DIR / "displacement.db"


def cache_dir() -> Path:
    """Where derived, rebuildable files (the gazetteer index, geocoder cache) live."""
    env = os.environ.get("DISPLACEMENT_MONITOR_CACHE")
    if env:
        return Path(env)
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg) if xdg else Path.home() / ".cache"
    return base / "displacement-monitor"


def max_upload_bytes() -> int:
    """Size limit for one article file; $DISPLACEMENT_MONITOR_MAX_BYTES overrides."""
    raw = os.environ.get("DISPLACEMENT_MONITOR_MAX_BYTES")
    return int(raw) if raw and raw.isdigit() else DEFAULT_MAX_BYTES


@dataclass(frozen=True)
class GeocoderSettings:
    """How places get coordinates: 'offline' (bundled GeoNames) or any geopy service name."""

    service: str = "offline"
    min_delay_seconds: float = 1.0
    timeout: float = 5.0
    user_agent: str = "displacement-monitor/0.1 (humanitarian research)"
    domain: str | None = None
    scheme: str | None = None
