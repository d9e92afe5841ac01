"""The stages composed: article -> extraction -> tables -> geocoded tables -> store."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from geopy.geocoders.base import Geocoder

from . import config
from .errors import InputError
from .extract import extract
from .gazetteer import Gazetteer, load_gazetteer
from .geocode import geocode_places, get_geocoder
from .ingest import iter_article_paths, read_article
from .models import Article, Extraction
from .normalize import Tables, normalize
from .store import Store


@dataclass(frozen=True)
class Processed:
    """One article through the pipeline."""

    article: Article
    extraction: Extraction
    tables: Tables


@dataclass(frozen=True)
class Failure:
    """An input that could not be read, and why (one line for the user)."""

    path: str
    message: str


def process_article(article: Article, *, gazetteer: Gazetteer | None = None,
                    geocoder: Geocoder | None = None) -> Processed:
    """Extract, normalize and geocode one article."""
    gaz = gazetteer or load_gazetteer()
    extraction = extract(article.text, gaz)
    tables = normalize(article, extraction)
    if geocoder is not None:
        places = geocode_places(tables.places, geocoder, gaz.country_names)
        tables = Tables(tables.articles, places, tables.figures, tables.figure_places)
    return Processed(article, extraction, tables)


def process_paths(paths: Iterable[str | Path], *, geocoder: Geocoder | None = None,
                  max_bytes: int | None = None) -> Iterator[Processed | Failure]:
    """Each article file in paths (folders are walked); unreadable ones become Failures, never abort."""
    for path in iter_article_paths(list(paths)):
        try:
            article = read_article(path, max_bytes=max_bytes)
        except InputError as err:
            yield Failure(str(path), str(err))
            continue
        yield process_article(article, geocoder=geocoder)


def ingest(articles: Iterable[Article], store: Store, *, geocoder: Geocoder | None = None,
           replace: bool = False) -> tuple[list[Processed], list[Article]]:
    """Process and store articles; returns (stored, already present and skipped)."""
    stored: list[Processed] = []
    skipped: list[Article] = []
    for article in articles:
        if not replace and store.has_article(article.id):
            skipped.append(article)
            continue
        done = process_article(article, geocoder=geocoder)
        store.save(done.tables, replace=replace)
        stored.append(done)
    return stored, skipped


def open_geocoder(service: str, store: Store) -> Geocoder:
    """The geocoder named service, with the store as its persistent cache."""
    return get_geocoder(service, cache=store, settings=config.GeocoderSettings(service=service))


def builtin_articles() -> list[Article]:
    """The example articles that ship in data/articles (the seed first)."""
    articles = [read_article(p) for p in iter_article_paths([config.ARTICLES_DIR])]
    return sorted(articles, key=lambda a: (not (a.path or "").endswith("seed-mosul-2014.txt"), a.path or ""))


def ensure_builtin(store: Store) -> int:
    """Load the built-in examples into an empty store; returns how many were added."""
    if store.count_articles():
        return 0
    stored, _ = ingest(builtin_articles(), store)
    return len(stored)
