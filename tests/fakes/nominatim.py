"""A fake Nominatim on 127.0.0.1: answers /search with the real JSON shape, counts requests, can fail or stall."""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

# query -> (lat, lon, display_name); deliberately a little off the offline gazetteer's coordinates
PLACES = {
    "Mosul, Iraq": ("36.3400", "43.1300", "Mosul, Nineveh Governorate, Iraq"),
    "Tikrit, Iraq": ("34.6000", "43.6800", "Tikrit, Saladin Governorate, Iraq"),
}


def search_result(place_id: int, lat: str, lon: str, display_name: str) -> dict[str, object]:
    """One element of Nominatim's /search?format=json answer."""
    south, north = f"{float(lat) - 0.1:.7f}", f"{float(lat) + 0.1:.7f}"
    west, east = f"{float(lon) - 0.1:.7f}", f"{float(lon) + 0.1:.7f}"
    return {
        "place_id": place_id, "licence": "Data © OpenStreetMap contributors, ODbL 1.0.",
        "osm_type": "relation", "osm_id": 1_000_000 + place_id, "boundingbox": [south, north, west, east],
        "lat": lat, "lon": lon, "display_name": display_name, "class": "boundary",
        "type": "administrative", "importance": 0.7,
    }


@dataclass
class FakeNominatim:
    """Start with start(), point geopy at domain, stop with stop(); mode is 'ok', 'error' or 'slow'."""

    mode: str = "ok"
    fail_queries: set[str] = field(default_factory=set)
    requests: list[dict[str, list[str]]] = field(default_factory=list)
    paths: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._release = threading.Event()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,), daemon=True)

    @property
    def domain(self) -> str:
        host, port = self._server.server_address[:2]
        return f"{host}:{port}"

    def queries(self) -> list[str]:
        return [params.get("q", [""])[0] for params in self.requests]

    def start(self) -> FakeNominatim:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._release.set()  # wake handlers stalled in 'slow' mode
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()

    def _answer(self, query: str) -> tuple[int, bytes]:
        if self.mode == "error" or query in self.fail_queries:
            return 500, b"Internal Server Error"
        if self.mode == "slow":
            self._release.wait(30)
        if query not in PLACES:
            return 200, b"[]"
        place_id = list(PLACES).index(query) + 1
        return 200, json.dumps([search_result(place_id, *PLACES[query])]).encode()

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                url = urlsplit(self.path)
                params = parse_qs(url.query)
                fake.paths.append(url.path)
                fake.requests.append(params)
                status, body = fake._answer(params.get("q", [""])[0]) if url.path == "/search" else (404, b"")
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json" if status == 200 else "text/plain")
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up waiting (the time-out test)

            def log_message(self, format: str, *args: object) -> None:
                pass

        return Handler
