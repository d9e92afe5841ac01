"""Uploaded files and pasted text -> stored articles, with one notice per input for the user."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..errors import DisplacementMonitorError
from ..ingest import article_from_bytes, article_from_text
from ..models import Article
from ..pipeline import ingest
from ..store import Store


@dataclass(frozen=True)
class Notice:
    """What happened to one input; level is success | info | error (how the dashboard shows it)."""

    level: str
    message: str


def _stored_notice(title: str, places: int, figures: int) -> Notice:
    if not places and not figures:
        return Notice(
            "info",
            f"Added “{title}”. No places or displacement figures were found in it; "
            "it is stored and listed, but adds nothing to the map.",
        )
    return Notice("success", f"Added “{title}”: {places} places, {figures} figures.")


def store_article(read: Callable[[], Article], store: Store) -> Notice:
    """Read one input and store it; an unreadable input or a duplicate changes nothing."""
    try:
        article = read()
        stored, skipped = ingest([article], store)
    except DisplacementMonitorError as err:
        return Notice("error", str(err))
    if skipped:
        return Notice("info", f"“{article.title}” is already stored (same text); nothing was added.")
    tables = stored[0].tables
    return _stored_notice(article.title, len(tables.places), len(tables.figures))


def add_uploads(
    files: Sequence[tuple[str, bytes]], store: Store, *, max_bytes: int | None = None
) -> list[Notice]:
    """Store each uploaded (name, bytes) file as an article."""

    def reader(name: str, data: bytes) -> Callable[[], Article]:
        return lambda: article_from_bytes(data, name, max_bytes=max_bytes)

    return [store_article(reader(name, data), store) for name, data in files]


def add_pasted(
    text: str,
    store: Store,
    *,
    title: str | None = None,
    published: str | None = None,
    outlet: str | None = None,
    url: str | None = None,
) -> Notice:
    """Store pasted text (plain, Markdown or HTML) as an article."""
    return store_article(
        lambda: article_from_text(
            text,
            title=title or None,
            published=published or None,
            outlet=outlet or None,
            url=url or None,
            name="pasted text",
        ),
        store,
    )


def remove_article(article_id: str, title: str, store: Store) -> Notice:
    """Delete one article and everything extracted from it."""
    if store.delete_article(article_id):
        return Notice("success", f"Removed “{title}” and its places and figures.")
    return Notice("info", f"“{title}” was already gone.")
