"""Bytes, files and pasted text -> Article, with clear errors for input we cannot read."""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

from . import config
from .errors import BinaryInputError, EmptyArticleError, EncodingError, InputError, TooLargeError
from .models import Article

ARTICLE_SUFFIXES = {".txt", ".md", ".html", ".htm", ".text"}
_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.DOTALL)
_HTML_HINT = re.compile(r"\A\s*(?:<!doctype html|<html|<head|<body|<article|<p[ >]|<div[ >])", re.IGNORECASE)
_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\ufeff\u2060"), None)
META_KEYS = ("title", "published", "outlet", "url")


def article_id(text: str) -> str:
    """A stable id from the content: the same text always gets the same id."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


# Left by a double mis-decoding in PDF extracts (IDMC's and ReliefWeb's among them) and unknown to ftfy:
# it stands for a right single quote ("country\u0160\u2014\u00c8s" is "country's").
_BROKEN_QUOTE = "\u0160\u2014\u00c8"
# The same extracts damage accented letters another way: the two UTF-8 bytes of "é" (C3 A9) were read
# as Mac Roman ("√©") and the "√" became a right quote ("G’©d’©on" is "Gédéon"). Where the second
# byte's Mac Roman character did not survive either, an underscore or a replacement character is left
# ("Choc’_" is "Chocó"), and the letter is told by which candidate word is a known word.
_MAC_ROMAN_LETTERS = {
    bytes([b]).decode("mac_roman"): bytes([0xC3, b]).decode("utf-8")
    for b in range(0xA0, 0xC0)
    if not bytes([b]).decode("mac_roman").isalpha() and bytes([0xC3, b]).decode("utf-8").isalpha()
}
_LOST_BYTE = "_\ufffd"
_DAMAGE_MARKS = re.escape("".join(_MAC_ROMAN_LETTERS) + _LOST_BYTE)
_DAMAGED_LETTER = re.compile(f"(?<=[^\\W\\d_])\u2019([{_DAMAGE_MARKS}])")
_WORD_AROUND = re.compile(f"[^\\W\\d_](?:[^\\W\\d_]|\u2019[{_DAMAGE_MARKS}])+")
WORD_LANGUAGES = ("es", "fr", "pt", "en")
MAX_READINGS = 1024  # two lost bytes in one word (441 readings) are still tried; three are not
# Characters that only appear together in text decoded with the wrong codec somewhere upstream.
_MOJIBAKE_HINT = re.compile(f"[\u00c2\u00c3][\u0080-\u00bf]|\u00e2\u20ac|\u0160\u2014|{_DAMAGED_LETTER.pattern}")


def repair_mojibake(text: str) -> str:
    """Text that was decoded with the wrong codec before it reached us ("itâ€™s"), repaired by ftfy's
    encoding fixer; text without the telltale pairs is returned untouched (and fast)."""
    if not _MOJIBAKE_HINT.search(text):
        return text
    import ftfy

    text = ftfy.fix_encoding(text).replace(_BROKEN_QUOTE, "\u2019")
    return _WORD_AROUND.sub(_repair_word, text) if _DAMAGED_LETTER.search(text) else text


def _repair_word(match: re.Match[str]) -> str:
    """One word with damaged letters in it, repaired; left as it is when no reading is a known word."""
    word = match.group()
    readings = [""]
    # split() alternates the word's undamaged stretches with the captured damage marks
    for i, piece in enumerate(_DAMAGED_LETTER.split(word)):
        if i % 2 == 0:
            letters = [piece]
        elif piece in _LOST_BYTE:
            letters = list(_MAC_ROMAN_LETTERS.values())
        else:
            letters = [_MAC_ROMAN_LETTERS[piece]]
        readings = [r + letter for r in readings for letter in letters]
        if len(readings) > MAX_READINGS:
            return word  # more lost bytes than a word lookup can settle
    if len(readings) == 1:
        return readings[0]
    from wordfreq import zipf_frequency

    best_score, best = max((max(zipf_frequency(r, lang) for lang in WORD_LANGUAGES), r) for r in readings)
    return best if best_score > 0 else word


def normalize_text(text: str) -> str:
    """Unicode NFC, Unix newlines, no zero-width characters, at most one blank line in a row, and
    mojibake repaired."""
    text = unicodedata.normalize("NFC", repair_mojibake(text)).translate(_ZERO_WIDTH)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = re.sub(r"[ \t\u00a0]+\n", "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def decode_bytes(data: bytes, name: str = "input") -> str:
    """Text from bytes: UTF-8 first, then the encoding charset-normalizer finds most plausible."""
    if not data.strip():
        raise EmptyArticleError(f"{name}: the file is empty")
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise BinaryInputError(f"{name}: this is a binary file, not text (it contains NUL bytes)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = _detect(data, name)
    controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\n\r\t\f")
    if controls > max(10, len(text) // 100):
        raise BinaryInputError(f"{name}: this looks like a binary file, not text")
    return text


# When several single-byte encodings fit, news in Latin script is far more often Windows-1252.
_PREFERRED = ("cp1252", "latin_1", "iso8859_15")


def _detect(data: bytes, name: str) -> str:
    from charset_normalizer import from_bytes

    results = list(from_bytes(data))
    if not results:
        raise EncodingError(f"{name}: cannot tell the text encoding; save the file as UTF-8 and try again")
    for result in results:
        if result.encoding in _PREFERRED or any(a in _PREFERRED for a in result.could_be_from_charset):
            try:
                return data.decode("cp1252")
            except UnicodeDecodeError:
                return data.decode("latin_1")
    return str(results[0])


class _TextOnly(HTMLParser):
    """Fallback HTML-to-text when trafilatura finds no main content (short snippets)."""

    SKIP = {"script", "style", "noscript", "template", "head"}
    BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "article", "section"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.SKIP:
            self.skipping += 1
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP and self.skipping:
            self.skipping -= 1
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def html_to_text(html: str) -> tuple[str, dict[str, str]]:
    """Main text and metadata (title, date, site) of an HTML page."""
    import trafilatura

    meta: dict[str, str] = {}
    text = trafilatura.extract(html, include_comments=False, include_tables=True, favor_recall=True)
    info = trafilatura.extract_metadata(html)
    if info is not None:
        for key, attr in (("title", "title"), ("published", "date"), ("outlet", "sitename"), ("url", "url")):
            value = getattr(info, attr, None)
            if value:
                meta[key] = str(value)
    if not text:
        parser = _TextOnly()
        parser.feed(html)
        text = "".join(parser.parts)
    return text, meta


def _front_matter(text: str) -> tuple[str, dict[str, str]]:
    match = _FRONT_MATTER.match(text)
    if not match:
        return text, {}
    meta = {}
    for line in match.group(1).splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip().lower() in META_KEYS and value.strip():
            meta[key.strip().lower()] = value.strip().strip("\"'")
    return text[match.end():], meta


def _guess_title(text: str) -> str:
    first = text.split("\n", 1)[0].strip()
    return first if 0 < len(first) <= 200 and not first.endswith((".", ":")) else first[:80]


def article_from_text(raw: str, *, title: str | None = None, published: str | None = None,
                      outlet: str | None = None, url: str | None = None, path: str | None = None,
                      is_html: bool | None = None, name: str = "input") -> Article:
    """An Article from text (plain, Markdown with front matter, or HTML); raises InputError."""
    body, meta = _front_matter(raw)
    if is_html or (is_html is None and _HTML_HINT.match(body)):
        body, html_meta = html_to_text(body)
        meta = {**html_meta, **meta}
    text = normalize_text(body)
    if not text:
        raise EmptyArticleError(f"{name}: no text left after removing markup and whitespace")
    return Article(
        id=article_id(text), text=text,
        title=(title or meta.get("title") or _guess_title(text)).strip(),
        published=_iso_date(published or meta.get("published")),
        outlet=outlet or meta.get("outlet") or None, url=url or meta.get("url") or None, path=path,
    )


def _iso_date(value: str | None) -> str | None:
    if not value:
        return None
    match = re.search(r"(\d{4})-(\d{2})-(\d{2})", value)
    return match.group(0) if match else None


def article_from_bytes(data: bytes, name: str, *, max_bytes: int | None = None, **meta: str | None) -> Article:
    """An Article from uploaded bytes; name decides HTML vs text by its suffix."""
    limit = max_bytes if max_bytes is not None else config.max_upload_bytes()
    if len(data) > limit:
        raise TooLargeError(f"{name}: {len(data):,} bytes is over the {limit:,}-byte limit")
    text = decode_bytes(data, name)
    is_html = True if Path(name).suffix.lower() in {".html", ".htm"} else None
    return article_from_text(text, is_html=is_html, name=name, **meta)


def _sidecar(path: Path) -> dict[str, str]:
    side = path.with_name(path.stem + ".meta.json")
    if not side.exists():
        return {}
    try:
        data = json.loads(side.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise InputError(f"{side}: unreadable metadata: {err}") from err
    return {k: str(v) for k, v in data.items() if k in META_KEYS and v}


def read_article(path: str | Path, *, max_bytes: int | None = None) -> Article:
    """Read one article file (UTF-8 or detected encoding; HTML reduced to its text)."""
    file = Path(path)
    if not file.exists():
        raise InputError(f"{path}: no such file")
    if file.is_dir():
        raise InputError(f"{path}: is a folder, not an article file")
    try:
        data = file.read_bytes()
    except OSError as err:
        raise InputError(f"{path}: cannot read: {err.strerror}") from err
    meta = _sidecar(file)
    return article_from_bytes(data, str(path), max_bytes=max_bytes, path=str(path), **meta)


def iter_article_paths(paths: list[str | Path]) -> Iterator[Path]:
    """Files named directly, and article files (.txt, .md, .html) inside folders, sorted."""
    for item in paths:
        p = Path(item)
        if p.is_dir():
            yield from sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in ARTICLE_SUFFIXES)
        else:
            yield p
