"""errors.py: one root, and leaves a caller can also catch as the builtin they resemble."""

from __future__ import annotations

import pytest

from displacement_monitor import errors


@pytest.mark.parametrize(
    ("leaf", "builtin"),
    [
        (errors.InputError, ValueError),
        (errors.EmptyArticleError, ValueError),
        (errors.BinaryInputError, ValueError),
        (errors.EncodingError, ValueError),
        (errors.TooLargeError, ValueError),
        (errors.ParseError, ValueError),
        (errors.GeocoderError, RuntimeError),
        (errors.GeocoderTimeout, TimeoutError),
        (errors.UnknownGeocoderError, KeyError),
        (errors.StoreError, RuntimeError),
        (errors.SchemaError, TypeError),
    ],
)
def test_leaves_subclass_the_root_and_a_builtin(leaf: type[Exception], builtin: type[Exception]) -> None:
    assert issubclass(leaf, errors.DisplacementMonitorError)
    assert issubclass(leaf, builtin)
    with pytest.raises(builtin, match="the message"):
        raise leaf("the message")


@pytest.mark.parametrize("leaf", [errors.EmptyArticleError, errors.BinaryInputError, errors.EncodingError,
                                  errors.TooLargeError])
def test_unreadable_input_is_an_input_error(leaf: type[Exception]) -> None:
    assert issubclass(leaf, errors.InputError)


def test_timeout_is_a_geocoder_error() -> None:
    assert issubclass(errors.GeocoderTimeout, errors.GeocoderError)


def test_root_is_not_a_builtin_leaf() -> None:
    assert not issubclass(errors.DisplacementMonitorError, (ValueError, RuntimeError, KeyError, TypeError))
