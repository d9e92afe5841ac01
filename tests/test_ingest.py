"""ingest.py: files, bytes and text -> Article, and a clear message for every input we cannot read."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from displacement_monitor.errors import (
    BinaryInputError,
    EmptyArticleError,
    EncodingError,
    InputError,
    TooLargeError,
)
from displacement_monitor.ingest import (
    article_from_bytes,
    article_from_text,
    article_id,
    decode_bytes,
    iter_article_paths,
    normalize_text,
    read_article,
)


def write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def test_plain_text_file(tmp_path: Path, sample_text: str) -> None:
    path = write(tmp_path, "a.txt", sample_text.encode())
    article = read_article(path)
    assert article.text == sample_text.strip()
    assert article.title == "Floods in Sindh"
    assert article.path == str(path)
    assert article.id == article_id(sample_text.strip())
    assert article.published is None


def test_seed_article_reads_its_front_matter(seed_path: Path) -> None:
    article = read_article(seed_path)
    assert article.title == "Rouhani offers Iraq help against ISIS as Mosul and Tikrit fall"
    assert article.published == "2014-06-14"
    assert article.outlet is None  # "outlet:" is left empty in the seed
    assert article.text.startswith("Iranian President Hassan Rouhani")
    assert "---" not in article.text


def test_empty_file(tmp_path: Path) -> None:
    path = write(tmp_path, "empty.txt", b"")
    with pytest.raises(EmptyArticleError) as caught:
        read_article(path)
    assert str(caught.value) == f"{path}: the file is empty"


def test_whitespace_only_file(tmp_path: Path) -> None:
    path = write(tmp_path, "blank.txt", b"  \n\t \r\n")
    with pytest.raises(EmptyArticleError) as caught:
        read_article(path)
    assert str(caught.value) == f"{path}: the file is empty"


def test_binary_file_with_nul_bytes(tmp_path: Path) -> None:
    path = write(tmp_path, "photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(BinaryInputError) as caught:
        read_article(path)
    assert str(caught.value) == f"{path}: this is a binary file, not text (it contains NUL bytes)"


def test_undecodable_bytes(tmp_path: Path) -> None:
    path = write(tmp_path, "odd.txt", bytes(range(0x80, 0x100)))
    with pytest.raises(EncodingError) as caught:
        read_article(path)
    assert str(caught.value) == f"{path}: cannot tell the text encoding; save the file as UTF-8 and try again"


def test_control_characters_are_not_text() -> None:
    with pytest.raises(BinaryInputError, match="binary file"):
        decode_bytes(bytes(range(1, 32)) * 50, "blob.txt")


def test_front_matter_only_has_no_text(tmp_path: Path) -> None:
    path = write(tmp_path, "only.md", b"---\ntitle: Nothing here\n---\n   \n")
    with pytest.raises(EmptyArticleError) as caught:
        read_article(path)
    assert str(caught.value) == f"{path}: no text left after removing markup and whitespace"


def test_html_with_only_a_script_has_no_text(tmp_path: Path) -> None:
    path = write(tmp_path, "page.html", b"<html><body><script>var x = 1;</script></body></html>")
    with pytest.raises(EmptyArticleError) as caught:
        read_article(path)
    assert str(caught.value) == f"{path}: no text left after removing markup and whitespace"


def test_over_the_size_limit(tmp_path: Path) -> None:
    path = write(tmp_path, "big.txt", b"x" * 2000)
    with pytest.raises(TooLargeError) as caught:
        read_article(path, max_bytes=1000)
    assert str(caught.value) == f"{path}: 2,000 bytes is over the 1,000-byte limit"


def test_size_limit_from_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DISPLACEMENT_MONITOR_MAX_BYTES", "10")
    with pytest.raises(TooLargeError, match="11 bytes is over the 10-byte limit"):
        article_from_bytes(b"hello world", "upload.txt")


def test_at_the_size_limit_is_fine() -> None:
    assert article_from_bytes(b"hello", "upload.txt", max_bytes=5).text == "hello"


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nope.txt"
    with pytest.raises(InputError) as caught:
        read_article(path)
    assert str(caught.value) == f"{path}: no such file"


def test_folder_is_not_an_article(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        read_article(tmp_path)
    assert str(caught.value) == f"{tmp_path}: is a folder, not an article file"


def test_utf16_with_bom(tmp_path: Path) -> None:
    path = write(tmp_path, "u16.txt", "Some 12,000 people fled Mosul.\n".encode("utf-16"))
    assert read_article(path).text == "Some 12,000 people fled Mosul."


def test_utf8_bom_is_dropped(tmp_path: Path) -> None:
    path = write(tmp_path, "bom.txt", "\ufeffMosul".encode())
    assert read_article(path).text == "Mosul"


def test_german_cp1252_is_decoded(tmp_path: Path) -> None:
    text = "Über 12.000 Menschen flohen aus Köln, sagte der Bürgermeister.\n"
    path = write(tmp_path, "de.txt", text.encode("cp1252"))
    assert read_article(path).text == text.strip()


WESTERN_EUROPEAN = [
    "Café in São Paulo: 1,200 people fled.",
    "Les habitants de Goma ont fui. Déplacés à Kinshasa, évacués en été, «réfugiés» à Bukavu.",
    "Niños y mujeres huyeron de Cúcuta. Más de mil familias están desplazadas en Bogotá.",
]


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
@pytest.mark.parametrize("text", WESTERN_EUROPEAN)
def test_western_european_legacy_encodings(text: str, encoding: str) -> None:
    assert decode_bytes(text.encode(encoding), "a.txt") == text


def test_html_page_is_reduced_to_text_without_scripts(tmp_path: Path) -> None:
    html = (b"<html><head><title>Floods in Sindh</title><script>var secret = 'token';</script></head>"
            b"<body><p>Heavy floods displaced 12,000 people in Sukkur.</p><script>alert('x')</script>"
            b"</body></html>")
    article = read_article(write(tmp_path, "page.html", html))
    assert article.text == "Heavy floods displaced 12,000 people in Sukkur."
    assert article.title == "Floods in Sindh"
    assert "secret" not in article.text and "alert" not in article.text


def test_an_html_table_is_kept_as_a_grid_of_cells(tmp_path: Path) -> None:
    html = (b"<html><body><article><h1>Floods in Malawi</h1><p>Heavy rains in the south of Malawi forced families "
            b"from their homes this week, the disaster agency said on Monday.</p><p>Displacement by district:</p>"
            b"<table><tr><th>District</th><th>Displaced people</th></tr><tr><td>Chikwawa</td><td>24,600</td></tr>"
            b"<tr><td>Nsanje</td><td>17,300</td></tr></table></article></body></html>")
    text = read_article(write(tmp_path, "page.html", html)).text
    rows = [[cell.strip() for cell in line.strip().strip("|").split("|")] for line in text.splitlines() if "|" in line]
    assert ["Chikwawa", "24,600"] in rows and ["Nsanje", "17,300"] in rows


def test_html_pasted_as_text_is_recognised() -> None:
    article = article_from_text("<p>Some 300 families fled <b>Goma</b>.</p>")
    assert article.text == "Some 300 families fled Goma."


def test_front_matter_metadata(tmp_path: Path) -> None:
    data = (b'---\ntitle: "Floods"\npublished: 2022-08-30T10:00\noutlet: Dawn\n'
            b"url: https://example.org/a\nauthor: ignored\n---\nSome 12,000 people fled Sukkur.\n")
    article = read_article(write(tmp_path, "a.md", data))
    assert (article.title, article.published, article.outlet, article.url) == (
        "Floods", "2022-08-30", "Dawn", "https://example.org/a")
    assert article.text == "Some 12,000 people fled Sukkur."


def test_published_without_a_date_is_dropped() -> None:
    assert article_from_text("Text.", published="last Tuesday").published is None


def test_sidecar_metadata(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", b"Some 12,000 people fled Sukkur.\n")
    meta = {"title": "From the sidecar", "published": "2022-09-01", "outlet": "Reuters", "other": "x"}
    (tmp_path / "a.meta.json").write_text(json.dumps(meta), encoding="utf-8")
    article = read_article(path)
    assert (article.title, article.published, article.outlet) == ("From the sidecar", "2022-09-01", "Reuters")


def test_unreadable_sidecar(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", b"Some text.\n")
    side = tmp_path / "a.meta.json"
    side.write_text("{not json", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_article(path)
    assert str(caught.value).startswith(f"{side}: unreadable metadata: ")


def test_same_text_same_id_and_crlf_equals_lf(tmp_path: Path) -> None:
    unix = read_article(write(tmp_path, "lf.txt", b"Line one\nLine two\n"))
    dos = read_article(write(tmp_path, "crlf.txt", b"Line one\r\nLine two\r\n"))
    assert unix.text == dos.text == "Line one\nLine two"
    assert unix.id == dos.id
    assert article_from_text("Line one\nLine two").id == unix.id


def test_different_text_different_id() -> None:
    assert article_from_text("Mosul").id != article_from_text("Tikrit").id


def test_article_id_is_sixteen_hex_digits() -> None:
    assert article_id("Mosul") == article_id("Mosul")
    assert len(article_id("Mosul")) == 16
    int(article_id("Mosul"), 16)


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("a\r\nb\rc", "a\nb\nc"),
        ("a  \nb", "a\nb"),
        ("a\n\n\n\n\nb", "a\n\nb"),
        ("zero\u200bwidth\ufeff", "zerowidth"),
        ("Cafe\u0301", "Café"),
        ("  padded  ", "padded"),
    ],
)
def test_normalize_text(raw: str, clean: str) -> None:
    assert normalize_text(raw) == clean


def test_iter_article_paths_walks_folders_sorted(tmp_path: Path) -> None:
    for name in ("b.txt", "a.md", "c.html", "notes.json", "sub/d.txt"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("x")
    found = [p.relative_to(tmp_path).as_posix() for p in iter_article_paths([tmp_path])]
    assert found == ["a.md", "b.txt", "c.html", "sub/d.txt"]


def test_iter_article_paths_passes_files_through(tmp_path: Path) -> None:
    assert list(iter_article_paths([tmp_path / "missing.csv"])) == [tmp_path / "missing.csv"]


@pytest.mark.parametrize(("damaged", "repaired"), [
    ("It\u00e2\u20ac\u2122s a caf\u00c3\u00a9", "It\u2019s a caf\u00e9"),        # UTF-8 read as Windows-1252
    ("21 of Afghanistan\u0160\u2014\u00c8s provinces", "21 of Afghanistan\u2019s provinces"),
    ("Plain \u201cquotes\u201d and caf\u00e9 stay", "Plain \u201cquotes\u201d and caf\u00e9 stay"),
    # accented letters whose UTF-8 bytes were read as Mac Roman, the first byte left as a right quote
    ("r\u2019\u00a9fugi\u2019\u00a9s north of C\u2019\u222bcuta", "r\u00e9fugi\u00e9s north of C\u00facuta"),
    ("the Pe\u2019\u00b1a family", "the Pe\u00f1a family"),
    # the second byte lost too: the letter is the one that makes a known word
    ("floods in Medell\u2019_n and Bogot\u2019\ufffd", "floods in Medell\u00edn and Bogot\u00e1"),
    ("reached Qzx\u2019_q camp", "reached Qzx\u2019_q camp"),
    ("G\u2019_d\u2019_on\u2019_s\u2019_", "G\u2019_d\u2019_on\u2019_s\u2019_"),  # four lost bytes: too many to try
    ("l\u2019\u00e9t\u00e9 and the country\u2019s roads", "l\u2019\u00e9t\u00e9 and the country\u2019s roads"),
])
def test_mojibake_is_repaired(damaged: str, repaired: str) -> None:
    assert normalize_text(damaged) == repaired
