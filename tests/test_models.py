"""models.py: frozen values and the declared table schemas."""

from __future__ import annotations

import dataclasses

import pandas as pd
import pytest

from displacement_monitor.errors import SchemaError
from displacement_monitor.models import (
    ARTICLES_SCHEMA,
    FIGURE_PLACES_SCHEMA,
    FIGURES_SCHEMA,
    PLACES_SCHEMA,
    Article,
    Figure,
    conform,
    empty_table,
)

LINKS = {"article_id": "string", "figure_id": "string", "place_id": "string", "shared": "boolean"}


def test_values_are_frozen() -> None:
    article = Article(id="abc", text="Mosul")
    with pytest.raises(dataclasses.FrozenInstanceError):
        article.text = "Tikrit"  # type: ignore[misc]


def test_figure_defaults() -> None:
    figure = Figure(100, "people", "displaced", 0, 3, "100", "100 fled.", 0)
    assert (figure.vague, figure.places, figure.qualifier, figure.quantity_max) == (False, (), None, None)


@pytest.mark.parametrize("schema", [ARTICLES_SCHEMA, PLACES_SCHEMA, FIGURES_SCHEMA, FIGURE_PLACES_SCHEMA])
def test_empty_table_has_the_schema(schema: dict[str, str]) -> None:
    frame = empty_table(schema)
    assert frame.empty
    assert {col: str(dtype) for col, dtype in frame.dtypes.items()} == schema


def test_figure_places_schema() -> None:
    assert FIGURE_PLACES_SCHEMA == LINKS


def test_conform_orders_casts_and_drops_extra_columns() -> None:
    frame = pd.DataFrame({"shared": [1, 0], "extra": ["x", "y"], "place_id": ["gn:1", "gn:2"],
                          "figure_id": ["f", "f"], "article_id": ["a", "a"]})
    out = conform(frame, LINKS)
    assert list(out.columns) == list(LINKS)
    assert out["shared"].tolist() == [True, False]
    assert str(out["shared"].dtype) == "boolean"
    assert list(frame.columns)[0] == "shared"  # the input is untouched


def test_conform_missing_columns() -> None:
    with pytest.raises(SchemaError) as caught:
        conform(pd.DataFrame({"article_id": ["a"]}), LINKS)
    assert str(caught.value) == "table lacks columns: figure_id, place_id, shared"


def test_conform_wrong_type() -> None:
    frame = pd.DataFrame({"article_id": ["a"], "quantity": ["many"]})
    with pytest.raises(SchemaError, match="^table has a column of the wrong type: "):
        conform(frame, {"article_id": "string", "quantity": "Int64"})


def test_schema_error_is_a_type_error() -> None:
    with pytest.raises(TypeError):
        conform(pd.DataFrame(), LINKS)
