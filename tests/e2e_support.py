"""Helpers for the browser tests: a real `streamlit run` on a free port and a locked-down Chromium."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

REPO_DIR = Path(__file__).resolve().parent.parent
DASHBOARD = REPO_DIR / "dashboard.py"
ARTIFACTS_DIR = REPO_DIR / "tests" / "artifacts"
CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser")
# The flags this machine needs: root needs --no-sandbox, and Chromium's own background traffic
# (updates, sync, field trials) would otherwise be refused by the closed network at every start.
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    # Belt and braces for "no test uses the internet": any name but the loopback ones fails to resolve.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
]
LOCAL_HOSTS = {"127.0.0.1", "localhost", "[::1]", "::1"}
STARTUP_TIMEOUT_S = 90.0


def chromium_executable() -> str | None:
    """The system Chromium (Playwright's own browser download is not available here)."""
    env = os.environ.get("E2E_CHROMIUM")
    for candidate in (env, *CHROMIUM_CANDIDATES, shutil.which("chromium")):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return None


def require_chromium() -> str:
    """The Chromium path; skips when it is missing, except under CI where a missing browser is a failure."""
    path = chromium_executable()
    if path is not None:
        return path
    reason = "Chromium not found at /usr/bin/chromium (install the Debian package: apt-get install chromium)"
    if os.environ.get("CI"):
        pytest.fail(f"CI is set, so the e2e tests must run: {reason}", pytrace=False)
    pytest.skip(reason)


def free_port() -> int:
    """A TCP port nobody listens on right now (the OS picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def is_local_url(url: str) -> bool:
    """True for URLs that cannot leave the machine."""
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob", "about"):
        return True
    return (parts.hostname or "") in LOCAL_HOSTS


@dataclass
class StreamlitServer:
    """A `streamlit run` child process in its own process group, with its output in a log file."""

    url: str
    process: subprocess.Popen[bytes]
    log_path: Path
    db_path: Path

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def stop(self) -> None:
        """Ends the whole process group: streamlit may start helpers that outlive a plain terminate()."""
        if self.process.poll() is not None:
            return
        pgid = os.getpgid(self.process.pid)
        os.killpg(pgid, signal.SIGTERM)
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(pgid, signal.SIGKILL)
            self.process.wait(timeout=10)


def _wait_healthy(server: StreamlitServer, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    health = f"{server.url}/_stcore/health"
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"streamlit exited with {server.process.returncode}:\n{server.log()}")
        try:
            with urllib.request.urlopen(health, timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.2)
    raise TimeoutError(f"streamlit not healthy at {health} after {timeout:.0f}s:\n{server.log()}")


@contextmanager
def streamlit_server(workdir: Path, *, app: Path | None = None, extra_env: dict[str, str] | None = None
                     ) -> Iterator[StreamlitServer]:
    """Runs app (dashboard.py) with its database in workdir; the process group is always killed."""
    app = app or DASHBOARD
    port = free_port()
    db_path = workdir / "displacement.db"
    log_path = workdir / "streamlit.log"
    env = {**os.environ, "DISPLACEMENT_MONITOR_DB": str(db_path), "PYTHONUNBUFFERED": "1",
           "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false", **(extra_env or {})}
    command = [sys.executable, "-m", "streamlit", "run", str(app), "--server.port", str(port),
               "--server.headless", "true", "--server.address", "127.0.0.1",
               "--browser.gatherUsageStats", "false"]
    with log_path.open("wb") as log_file:
        # cwd is the app's folder so its .streamlit/config.toml (static serving) applies as in production.
        process = subprocess.Popen(command, cwd=app.parent, env=env, stdout=log_file,
                                   stderr=subprocess.STDOUT, start_new_session=True)
    server = StreamlitServer(f"http://127.0.0.1:{port}", process, log_path, db_path)
    try:
        _wait_healthy(server, STARTUP_TIMEOUT_S)
        yield server
    finally:
        server.stop()


@dataclass
class TrafficLog:
    """Every URL the page asked for (HTTP and WebSocket), to prove nothing left localhost."""

    urls: list[str] = field(default_factory=list)

    def record(self, url: str) -> None:
        self.urls.append(url)

    def foreign(self) -> list[str]:
        return [url for url in self.urls if not is_local_url(url)]


def artifact_path(name: str) -> Path:
    """Where a screenshot goes (git-ignored)."""
    ARTIFACTS_DIR.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS_DIR / name
