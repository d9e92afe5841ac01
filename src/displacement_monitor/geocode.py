"""geopy-compatible geocoders: the offline gazetteer by default, online services cached and rate-limited."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, Protocol

import pandas as pd
from geopy.exc import GeocoderNotFound, GeocoderServiceError, GeocoderTimedOut, GeopyError
from geopy.extra.rate_limiter import RateLimiter
from geopy.geocoders import get_geocoder_for_service
from geopy.geocoders.base import Geocoder
from geopy.location import Location

from .config import GeocoderSettings
from .errors import UnknownGeocoderError
from .gazetteer import AREAS, COUNTRY, Gazetteer, load_gazetteer

log = logging.getLogger(__name__)


class OfflineGeocoder(Geocoder):
    """GeoNames from the bundled gazetteer, behind geopy's Geocoder interface; no network."""

    def __init__(self, gazetteer: Gazetteer | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._gazetteer = gazetteer

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            self._gazetteer = load_gazetteer()
        return self._gazetteer

    def geocode(self, query: str, *, exactly_one: bool = True, country_codes: list[str] | str | None = None,
                **_: Any) -> Location | list[Location] | None:
        """'Mosul', 'Mosul, Iraq' or 'Mosul, IQ': the most populous match, preferring the named country."""
        gaz = self.gazetteer
        name, _sep, qualifier = query.partition(",")
        wanted = {c.upper() for c in ([country_codes] if isinstance(country_codes, str) else country_codes or [])}
        if qualifier.strip():
            hit = [i for i in gaz.lookup(qualifier.strip()) if gaz.kinds[i] == COUNTRY]
            wanted |= {gaz.countries[i] for i in hit} or {qualifier.strip().upper()}
        records = gaz.lookup(name.strip())
        if wanted:
            records = [i for i in records if gaz.countries[i] in wanted] or []
        # A town before the province named after it, unless the query asks for the province.
        wants_area = any(w in query.lower() for w in ("province", "governorate", "state", "region"))
        records.sort(key=lambda i: (gaz.kinds[i] == COUNTRY, (gaz.kinds[i] in AREAS) != wants_area,
                                    -gaz.populations[i]))
        locations = [self._location(i) for i in records]
        if not locations:
            return None
        return locations[0] if exactly_one else locations

    def reverse(self, query: Any, *, exactly_one: bool = True, **_: Any) -> Location | list[Location] | None:
        """The nearest GeoNames town to a (lat, lon) point."""
        import reverse_geocode

        lat, lon = (float(v) for v in (query if isinstance(query, (tuple, list)) else str(query).split(",")))
        found = reverse_geocode.get((lat, lon))
        if not found:
            return None
        address = ", ".join(v for v in (found.get("city"), found.get("state"), found.get("country")) if v)
        loc = Location(address, (found["latitude"], found["longitude"]), found)
        return loc if exactly_one else [loc]

    def _location(self, i: int) -> Location:
        gaz = self.gazetteer
        parts = [gaz.names[i], gaz.admin1_names[i], gaz.country_names.get(gaz.countries[i], gaz.countries[i])]
        address = ", ".join(dict.fromkeys(p for p in parts if p))
        raw = {"geonameid": gaz.geonameids[i], "name": gaz.names[i], "kind": gaz.kinds[i],
               "country_code": gaz.countries[i], "admin1": gaz.admin1_names[i],
               "population": gaz.populations[i]}
        return Location(address, (gaz.lats[i], gaz.lons[i]), raw)


class GeocodeCache(Protocol):
    """Persistent answers of online services, keyed by (service, query)."""

    def get(self, service: str, query: str) -> tuple[bool, tuple[float, float, str] | None]: ...

    def put(self, service: str, query: str, result: tuple[float, float, str] | None) -> None: ...


class CachedOnlineGeocoder(Geocoder):
    """An online geopy service: cached answers first, then a rate-limited call, then the offline gazetteer."""

    def __init__(self, service: str, cache: GeocodeCache, settings: GeocoderSettings,
                 fallback: OfflineGeocoder | None = None) -> None:
        super().__init__(timeout=settings.timeout, user_agent=settings.user_agent)
        try:
            cls = get_geocoder_for_service(service)
        except (GeocoderNotFound, GeocoderServiceError) as err:  # geopy's "unknown service" errors
            raise UnknownGeocoderError(f"no geocoder named {service!r}: {err}") from err
        options: dict[str, Any] = {"timeout": settings.timeout, "user_agent": settings.user_agent}
        if settings.domain:
            options["domain"] = settings.domain
        if settings.scheme:
            options["scheme"] = settings.scheme
        self.service = service
        self.remote = cls(**options)
        self.cache = cache
        self.fallback = fallback or OfflineGeocoder()
        self.fallbacks = 0
        self._call: Callable[..., Location | None] = RateLimiter(
            self.remote.geocode, min_delay_seconds=settings.min_delay_seconds, max_retries=0,
            swallow_exceptions=False,
        )

    def geocode(self, query: str, *, exactly_one: bool = True, **kwargs: Any) -> Location | None:
        """One answer per query: from the cache, the service, or the offline fallback on failure."""
        hit, cached = self.cache.get(self.service, query)
        if hit:
            return Location(cached[2], (cached[0], cached[1]), {"cached": True}) if cached else None
        try:
            found = self._call(query, exactly_one=True)
        except (GeocoderTimedOut, GeopyError, OSError) as err:
            self.fallbacks += 1
            log.warning("%s failed for %r (%s); using the offline gazetteer", self.service, query, err)
            result = self.fallback.geocode(query, exactly_one=True)
            return result if isinstance(result, Location) or result is None else result[0]
        location = found[0] if isinstance(found, list) else found
        self.cache.put(self.service, query,
                       (location.latitude, location.longitude, location.address) if location else None)
        return location


def get_geocoder(service: str = "offline", *, cache: GeocodeCache | None = None,
                 settings: GeocoderSettings | None = None) -> Geocoder:
    """A geocoder by name: 'offline' for the bundled gazetteer, or any service geopy knows."""
    settings = settings or GeocoderSettings(service=service)
    if service in ("offline", "geonames-offline", ""):
        return OfflineGeocoder()
    if cache is None:
        raise UnknownGeocoderError(f"the online geocoder {service!r} needs a cache (open a Store)")
    return CachedOnlineGeocoder(service, cache, settings)


def geocode_places(places: pd.DataFrame, geocoder: Geocoder, country_names: dict[str, str]) -> pd.DataFrame:
    """Places with lat/lon from the geocoder, asking once per unique place; offline leaves them as found."""
    if isinstance(geocoder, OfflineGeocoder) or places.empty:
        return places
    service = getattr(geocoder, "service", type(geocoder).__name__)
    queries = {pid: f"{name}, {country_names.get(cc, cc)}" for pid, name, cc in
               places[["place_id", "name", "country_code"]].drop_duplicates("place_id").itertuples(index=False)}
    answers: dict[str, tuple[float, float, str]] = {}
    for pid, query in queries.items():
        before = getattr(geocoder, "fallbacks", 0)
        location = geocoder.geocode(query, exactly_one=True)
        if isinstance(location, Location):
            fell_back = getattr(geocoder, "fallbacks", 0) > before
            answers[pid] = (location.latitude, location.longitude, "offline (fallback)" if fell_back else service)
    out = places.copy()
    for column, k in (("lat", 0), ("lon", 1), ("geocoder", 2)):
        mapped = out["place_id"].map(lambda p, k=k: answers[p][k] if p in answers else None)
        out[column] = mapped.where(mapped.notna(), out[column]).astype(out[column].dtype)
    return out
