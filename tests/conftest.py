"""Shared fixtures: a throw-away store, a tiny article, the seed article, and a guard against the internet."""

from __future__ import annotations

import ipaddress
import socket
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "data" / "articles" / "seed-mosul-2014.txt"

SAMPLE_TEXT = (
    "Floods in Sindh\n"
    "Heavy rain flooded Sukkur on Monday. Some 12,000 people fled their homes, "
    "the provincial disaster authority said.\n"
)


@pytest.fixture
def db_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A SQLite path in tmp_path, also set as $DISPLACEMENT_MONITOR_DB so code that reads the env uses it."""
    path = tmp_path / "store.db"
    monkeypatch.setenv("DISPLACEMENT_MONITOR_DB", str(path))
    return path


@pytest.fixture
def sample_text() -> str:
    """A three-line article: one city, one figure."""
    return SAMPLE_TEXT


@pytest.fixture
def seed_path() -> Path:
    """The seed article shipped in data/articles (Mosul and Tikrit, June 2014)."""
    assert SEED.is_file(), SEED
    return SEED


def _is_loopback(address: object) -> bool:
    if not isinstance(address, tuple) or not address:
        return True  # unix sockets and the like never leave the machine
    host = str(address[0])
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@pytest.fixture
def no_internet(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail loudly if the code under test opens a connection beyond 127.0.0.1."""
    real_connect = socket.socket.connect

    def guarded_connect(sock: socket.socket, address: object) -> None:
        if not _is_loopback(address):
            raise OSError(f"test tried to reach the internet: {address!r}")
        real_connect(sock, address)

    monkeypatch.setattr(socket.socket, "connect", guarded_connect)
