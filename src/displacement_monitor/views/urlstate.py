"""Filters <-> URL query parameters, so a filtered view can be shared and restored."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import fields

from ..export import Filters

# URL name -> Filters field, for the multi-valued filters (?city=Mosul&city=Tikrit).
LIST_PARAMS = {
    "city": "cities",
    "country": "countries",
    "region": "admin1",
    "term": "terms",
    "unit": "units",
    "source": "sources",
    "article": "articles",
}
DATE_PARAMS = {"from": "date_from", "to": "date_to"}
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _as_list(value: str | Sequence[str] | None) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else [str(v) for v in value]


def _iso(value: str | Sequence[str] | None) -> str | None:
    values = _as_list(value)
    if not values or not _ISO_DATE.fullmatch(values[-1]):
        return None
    try:
        return dt.date.fromisoformat(values[-1]).isoformat()
    except ValueError:
        return None


def filters_from_params(params: Mapping[str, str | Sequence[str]]) -> Filters:
    """Filters from query parameters; unknown names and malformed dates are ignored."""
    lists = {
        field: tuple(dict.fromkeys(v for v in _as_list(params.get(name)) if v))
        for name, field in LIST_PARAMS.items()
    }
    dates = {field: _iso(params.get(name)) for name, field in DATE_PARAMS.items()}
    return Filters(**lists, **dates)  # type: ignore[arg-type]  # keys are Filters' own field names


def params_from_filters(filters: Filters) -> dict[str, list[str]]:
    """Query parameters for filters (only the ones that restrict something)."""
    out = {
        name: list(getattr(filters, field)) for name, field in LIST_PARAMS.items() if getattr(filters, field)
    }
    out.update(
        {name: [getattr(filters, field)] for name, field in DATE_PARAMS.items() if getattr(filters, field)}
    )
    return out


def restrict(filters: Filters, allowed: Mapping[str, Sequence[str]]) -> Filters:
    """filters with every list narrowed to the values allowed for its field (stale URL values drop out)."""
    changes = {
        f.name: tuple(v for v in getattr(filters, f.name) if v in set(allowed[f.name]))
        for f in fields(filters)
        if f.name in allowed
    }
    return Filters(**{**{f.name: getattr(filters, f.name) for f in fields(filters)}, **changes})
