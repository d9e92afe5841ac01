"""geocode.py: the offline geopy geocoder, the registry, and online services behind a cache and a fallback."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
from fakes.nominatim import FakeNominatim
from geopy.distance import distance
from geopy.geocoders.base import Geocoder
from geopy.location import Location

from displacement_monitor.config import GeocoderSettings
from displacement_monitor.errors import UnknownGeocoderError
from displacement_monitor.geocode import (
    CachedOnlineGeocoder,
    OfflineGeocoder,
    geocode_places,
    get_geocoder,
)
from displacement_monitor.models import PLACES_SCHEMA, conform
from displacement_monitor.store import Store

pytestmark = pytest.mark.usefixtures("no_internet")


@pytest.fixture(scope="module")
def offline() -> OfflineGeocoder:
    geocoder = OfflineGeocoder()
    geocoder.gazetteer  # noqa: B018 (load the gazetteer once for the module)
    return geocoder


def km(location: Location, lat: float, lon: float) -> float:
    return distance((location.latitude, location.longitude), (lat, lon)).km


# --- offline ------------------------------------------------------------------------------------

def test_offline_is_a_geopy_geocoder(offline: OfflineGeocoder) -> None:
    assert isinstance(offline, Geocoder)
    assert isinstance(get_geocoder("offline"), OfflineGeocoder)
    assert isinstance(get_geocoder(), OfflineGeocoder)


def test_mosul(offline: OfflineGeocoder) -> None:
    mosul = offline.geocode("Mosul")
    assert isinstance(mosul, Location)
    assert km(mosul, 36.335, 43.119) < 5
    assert mosul.address == "Mosul, Nineveh, Iraq"
    assert mosul.raw["country_code"] == "IQ"
    assert mosul.raw["geonameid"] == 99072


def test_mosul_by_its_arabic_transliteration(offline: OfflineGeocoder) -> None:
    assert offline.geocode("Al Mawsil").raw["geonameid"] == 99072


@pytest.mark.parametrize("query", ["Tripoli, Lebanon", "Tripoli, LB"])
def test_tripoli_lebanon(offline: OfflineGeocoder, query: str) -> None:
    tripoli = offline.geocode(query)
    assert tripoli.raw["country_code"] == "LB"
    assert km(tripoli, 34.4335, 35.8442) < 5


def test_tripoli_libya(offline: OfflineGeocoder) -> None:
    tripoli = offline.geocode("Tripoli, Libya")
    assert tripoli.raw["country_code"] == "LY"
    assert km(tripoli, 32.8874, 13.1873) < 25


def test_country_codes_argument(offline: OfflineGeocoder) -> None:
    assert offline.geocode("Tripoli", country_codes="lb").raw["country_code"] == "LB"
    assert offline.geocode("Tripoli", country_codes=["LY"]).raw["country_code"] == "LY"


@pytest.mark.parametrize("query", ["Xyzzyville", "Mosul, Syria", ""])
def test_unknown_place_is_none(offline: OfflineGeocoder, query: str) -> None:
    assert offline.geocode(query) is None


def test_exactly_one_false_gives_a_list(offline: OfflineGeocoder) -> None:
    found = offline.geocode("Tripoli", exactly_one=False)
    assert isinstance(found, list) and len(found) >= 2
    assert {loc.raw["country_code"] for loc in found} >= {"LB", "LY"}


def test_erbil_is_the_city(offline: OfflineGeocoder) -> None:
    erbil = offline.geocode("Erbil")
    assert erbil.raw["kind"] == "city"
    assert km(erbil, 36.1912, 44.0094) < 5


@pytest.mark.parametrize("point", [(36.335, 43.119), "36.335, 43.119", [36.335, 43.119]])
def test_reverse(offline: OfflineGeocoder, point: object) -> None:
    found = offline.reverse(point)
    assert found.address == "Mosul, Nineveh, Iraq"
    assert km(found, 36.335, 43.119) < 5


def test_reverse_exactly_one_false(offline: OfflineGeocoder) -> None:
    [found] = offline.reverse((36.335, 43.119), exactly_one=False)
    assert found.raw["country_code"] == "IQ"


# --- registry -----------------------------------------------------------------------------------

def test_online_service_without_a_cache_is_refused() -> None:
    with pytest.raises(UnknownGeocoderError) as caught:
        get_geocoder("nominatim")
    assert caught.value.args[0] == "the online geocoder 'nominatim' needs a cache (open a Store)"


def test_unknown_service_name(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store, pytest.raises(UnknownGeocoderError, match="no geocoder named"):
        get_geocoder("no-such-service", cache=store)


# --- online, against a fake Nominatim -----------------------------------------------------------

@pytest.fixture
def fake() -> Iterator[FakeNominatim]:
    server = FakeNominatim().start()
    yield server
    server.stop()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "cache.db") as opened:
        yield opened


def online(fake: FakeNominatim, store: Store, offline: OfflineGeocoder) -> CachedOnlineGeocoder:
    settings = GeocoderSettings(service="nominatim", domain=fake.domain, scheme="http",
                                min_delay_seconds=0.0, timeout=1.0)
    geocoder = get_geocoder("nominatim", cache=store, settings=settings)
    assert isinstance(geocoder, CachedOnlineGeocoder)
    geocoder.fallback = offline  # share the module's loaded gazetteer
    return geocoder


def test_online_answer(fake: FakeNominatim, store: Store, offline: OfflineGeocoder) -> None:
    found = online(fake, store, offline).geocode("Mosul, Iraq")
    assert (found.latitude, found.longitude) == (36.34, 43.13)
    assert found.address == "Mosul, Nineveh Governorate, Iraq"
    assert fake.paths == ["/search"]
    [params] = fake.requests
    assert params["q"] == ["Mosul, Iraq"]
    assert params["format"] == ["json"]
    assert params["limit"] == ["1"]


def test_online_answers_are_cached(fake: FakeNominatim, store: Store, offline: OfflineGeocoder) -> None:
    geocoder = online(fake, store, offline)
    geocoder.geocode("Mosul, Iraq")
    again = geocoder.geocode("Mosul, Iraq")
    assert (again.latitude, again.longitude, again.address) == (36.34, 43.13, "Mosul, Nineveh Governorate, Iraq")
    assert again.raw == {"cached": True}
    assert len(fake.requests) == 1
    assert store.get("nominatim", "Mosul, Iraq") == (True, (36.34, 43.13, "Mosul, Nineveh Governorate, Iraq"))


def test_cache_outlives_the_geocoder(fake: FakeNominatim, store: Store, offline: OfflineGeocoder) -> None:
    online(fake, store, offline).geocode("Mosul, Iraq")
    online(fake, store, offline).geocode("Mosul, Iraq")
    assert len(fake.requests) == 1


def test_not_found_is_none_and_cached(fake: FakeNominatim, store: Store, offline: OfflineGeocoder) -> None:
    geocoder = online(fake, store, offline)
    assert geocoder.geocode("Atlantis, Nowhere") is None
    assert geocoder.geocode("Atlantis, Nowhere") is None
    assert fake.queries() == ["Atlantis, Nowhere"]


def test_server_error_falls_back_to_the_gazetteer(fake: FakeNominatim, store: Store,
                                                  offline: OfflineGeocoder) -> None:
    fake.mode = "error"
    geocoder = online(fake, store, offline)
    found = geocoder.geocode("Mosul, Iraq")
    expected = offline.geocode("Mosul, Iraq")
    assert (found.latitude, found.longitude, found.address) == (expected.latitude, expected.longitude,
                                                                "Mosul, Nineveh, Iraq")
    assert geocoder.fallbacks == 1
    assert len(fake.requests) == 1
    assert store.get("nominatim", "Mosul, Iraq") == (False, None)  # a failure is not remembered


def test_time_out_falls_back_to_the_gazetteer(fake: FakeNominatim, store: Store,
                                              offline: OfflineGeocoder) -> None:
    fake.mode = "slow"
    geocoder = online(fake, store, offline)
    found = geocoder.geocode("Mosul, Iraq")
    assert found.address == "Mosul, Nineveh, Iraq"
    assert geocoder.fallbacks == 1


def places_frame() -> pd.DataFrame:
    rows = [
        ("a1", "gn:99072", "Mosul", "IQ", 36.335, 43.11889),
        ("a2", "gn:99072", "Mosul", "IQ", 36.335, 43.11889),
        ("a1", "gn:90150", "Tikrit", "IQ", 34.61581, 43.67861),
    ]
    frame = pd.DataFrame(
        [{"article_id": a, "place_id": p, "name": n, "kind": "city", "country_code": c, "admin1": "",
          "lat": lat, "lon": lon, "geonameid": int(p[3:]), "mentions": 1, "surfaces": n, "geocoder": "offline"}
         for a, p, n, c, lat, lon in rows])
    return conform(frame, PLACES_SCHEMA)


def test_geocode_places_asks_once_per_place(fake: FakeNominatim, store: Store, offline: OfflineGeocoder) -> None:
    places = places_frame()
    out = geocode_places(places, online(fake, store, offline), {"IQ": "Iraq"})
    assert sorted(fake.queries()) == ["Mosul, Iraq", "Tikrit, Iraq"]
    assert out["geocoder"].tolist() == ["nominatim"] * 3
    assert out["lat"].tolist() == [36.34, 36.34, 34.6]
    assert out["lon"].tolist() == [43.13, 43.13, 43.68]
    assert {c: str(t) for c, t in out.dtypes.items()} == PLACES_SCHEMA
    assert places["geocoder"].tolist() == ["offline"] * 3  # the input is not changed


def test_geocode_places_marks_fallbacks(fake: FakeNominatim, store: Store, offline: OfflineGeocoder) -> None:
    fake.fail_queries = {"Tikrit, Iraq"}
    out = geocode_places(places_frame(), online(fake, store, offline), {"IQ": "Iraq"})
    assert out["geocoder"].tolist() == ["nominatim", "nominatim", "offline (fallback)"]
    assert out["lat"].tolist()[2] == pytest.approx(34.61581)


def test_geocode_places_offline_is_a_no_op(offline: OfflineGeocoder) -> None:
    places = places_frame()
    assert geocode_places(places, offline, {"IQ": "Iraq"}) is places
