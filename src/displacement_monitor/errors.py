"""One root exception; leaves also subclass the builtin a caller would expect."""

from __future__ import annotations


class DisplacementMonitorError(Exception):
    """Root of every error this package raises on purpose."""


class InputError(DisplacementMonitorError, ValueError):
    """An article could not be read: empty, binary, undecodable or too large."""


class EmptyArticleError(InputError):
    """The article has no text once markup and whitespace are removed."""


class BinaryInputError(InputError):
    """The bytes are not text (NUL bytes or mostly control characters)."""


class EncodingError(InputError):
    """No encoding decodes the bytes as plausible text."""


class TooLargeError(InputError):
    """The file is over the configured size limit."""


class ParseError(DisplacementMonitorError, ValueError):
    """A phrase is not a number, unit or term we know."""


class GeocoderError(DisplacementMonitorError, RuntimeError):
    """A geocoding service failed; callers fall back to the offline gazetteer."""


class GeocoderTimeout(GeocoderError, TimeoutError):
    """A geocoding service did not answer in time."""


class UnknownGeocoderError(DisplacementMonitorError, KeyError):
    """No geocoder is registered under that name."""


class StoreError(DisplacementMonitorError, RuntimeError):
    """The SQLite store is unusable (locked, corrupt, wrong schema)."""


class SchemaError(DisplacementMonitorError, TypeError):
    """A table handed between stages lacks a column or has the wrong dtype."""
