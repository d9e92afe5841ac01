"""cli.py: the displacement-monitor command, run in-process (and once as the installed script)."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from displacement_monitor import cli

pytestmark = pytest.mark.usefixtures("no_internet")

SEED_ID = "a818edbce323f9cf"
SEED_TITLE = "Rouhani offers Iraq help against ISIS as Mosul and Tikrit fall"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def csv_rows(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))


@pytest.fixture
def ingested(db_path: Path, seed_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """The store at $DISPLACEMENT_MONITOR_DB with the seed article in it."""
    code, _, _ = run(capsys, "ingest", str(seed_path))
    assert code == 0
    return db_path


def test_extract_jsonl(capsys: pytest.CaptureFixture[str], seed_path: Path) -> None:
    code, out, err = run(capsys, "extract", "--format", "jsonl", str(seed_path))
    assert (code, err) == (0, "")
    [line] = out.splitlines()
    record = json.loads(line)
    assert record["path"] == str(seed_path)
    assert record["id"] == SEED_ID
    assert record["countries"][0] == "IQ"
    mosul = next(loc for loc in record["locations"] if loc["name"] == "Mosul")
    assert (mosul["country"], mosul["lat"], mosul["lon"]) == ("IQ", 36.335, 43.11889)
    figures = {fig["quantity"]: fig for fig in record["figures"]}
    assert set(figures) == {40_000, 500_000}
    shared = figures[40_000]
    assert (shared["unit"], shared["term"], shared["locations"]) == ("people", "displaced", ["Tikrit", "Samarra"])
    assert shared["source"] == "IOM"
    assert "qualifier" in shared


def test_extract_jsonl_writes_null_for_a_place_with_no_point(capsys: pytest.CaptureFixture[str],
                                                             tmp_path: Path) -> None:
    path = tmp_path / "village.txt"
    path.write_text("Raid\n\nGunmen burned the village of Kpalobendu, and 300 people fled Kpalobendu.\n",
                    encoding="utf-8")
    code, out, _ = run(capsys, "extract", "--format", "jsonl", str(path))
    [village] = json.loads(out)["locations"]
    assert code == 0
    assert (village["name"], village["lat"], village["lon"]) == ("Kpalobendu", None, None)
    assert village["geocoder"] == "offline, not found"


def test_extract_reports_bad_files_and_goes_on(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                               seed_path: Path) -> None:
    missing, empty = tmp_path / "missing.txt", tmp_path / "empty.txt"
    empty.write_bytes(b"")
    code, out, err = run(capsys, "extract", str(missing), str(empty), str(seed_path))
    assert code != 0
    assert err.splitlines() == [f"error: {missing}: no such file", f"error: {empty}: the file is empty"]
    assert [json.loads(line)["id"] for line in out.splitlines()] == [SEED_ID]


def test_extract_csv(capsys: pytest.CaptureFixture[str], seed_path: Path) -> None:
    code, out, _ = run(capsys, "extract", "--format", "csv", str(seed_path))
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0
    assert sorted(int(r["quantity"]) for r in rows) == [40_000, 500_000]
    assert {r["places"] for r in rows} == {"Tikrit; Samarra", "Mosul"}
    assert {r["path"] for r in rows} == {str(seed_path)}


def test_extract_table(capsys: pytest.CaptureFixture[str], seed_path: Path) -> None:
    code, out, _ = run(capsys, "extract", "--format", "table", str(seed_path))
    assert code == 0
    assert out.startswith(f"# {SEED_TITLE} ({SEED_ID})\ncountries: IQ")
    assert "Samarra" in out and "500000" in out


def test_ingest_twice_is_a_no_op_the_second_time(capsys: pytest.CaptureFixture[str], db_path: Path,
                                                 seed_path: Path) -> None:
    code, out, _ = run(capsys, "ingest", str(seed_path))
    assert code == 0
    assert out == f"stored: {seed_path} as {SEED_ID}: 4 places, 2 figures\n"
    assert db_path.is_file()  # $DISPLACEMENT_MONITOR_DB was honoured
    code, out, _ = run(capsys, "ingest", str(seed_path))
    assert code == 0
    assert out == f"unchanged: {seed_path} (already stored as {SEED_ID})\n"


def test_ingest_a_folder_with_a_bad_file(capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path,
                                         sample_text: str) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text(sample_text, encoding="utf-8")
    (folder / "b.txt").write_bytes(b"\x00\x01binary")
    code, out, err = run(capsys, "ingest", str(folder))
    assert code == 1
    assert out.startswith(f"stored: {folder / 'a.txt'} as ")
    assert err == f"error: {folder / 'b.txt'}: this is a binary file, not text (it contains NUL bytes)\n"


def test_db_flag_wins_over_the_env(capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path,
                                   seed_path: Path) -> None:
    other = tmp_path / "other.db"
    code, _, _ = run(capsys, "--db", str(other), "ingest", str(seed_path))
    assert code == 0
    assert other.is_file()
    assert not db_path.exists()
    code, out, _ = run(capsys, "--db", str(other), "list")
    assert out == f"{SEED_ID}  2014-06-14  {SEED_TITLE}\n"


def test_list(capsys: pytest.CaptureFixture[str], ingested: Path) -> None:
    assert run(capsys, "list") == (0, f"{SEED_ID}  2014-06-14  {SEED_TITLE}\n", "")


def test_export_csv(capsys: pytest.CaptureFixture[str], ingested: Path, tmp_path: Path) -> None:
    out_dir = tmp_path / "out"
    code, out, _ = run(capsys, "export", "--out", str(out_dir))
    names = ["articles.csv", "places.csv", "figures.csv", "figure_places.csv"]
    assert code == 0
    assert out.splitlines() == [f"wrote {out_dir / name}" for name in names]
    figures = csv_rows(out_dir / "figures.csv")
    assert {r["places"] for r in figures} == {"Tikrit; Samarra", "Mosul"}
    assert len(csv_rows(out_dir / "figure_places.csv")) == 3
    assert [r["article_id"] for r in csv_rows(out_dir / "articles.csv")] == [SEED_ID]
    assert {r["name"] for r in csv_rows(out_dir / "places.csv")} == {"Mosul", "Tikrit", "Baghdad", "Samarra"}


def test_export_hxl_for_one_city(capsys: pytest.CaptureFixture[str], ingested: Path, tmp_path: Path) -> None:
    code, _, _ = run(capsys, "export", "--format", "hxl", "--city", "Mosul", "--out", str(tmp_path))
    rows = list(csv.reader(io.StringIO((tmp_path / "figures_hxl.csv").read_text(encoding="utf-8"))))
    assert code == 0
    header, tags, *body = rows
    assert tags[header.index("people_estimate")] == "#affected+idps"
    assert [r[header.index("quantity")] for r in body] == ["500000"]


def test_export_geojson_for_one_city(capsys: pytest.CaptureFixture[str], ingested: Path,
                                     tmp_path: Path) -> None:
    code, out, _ = run(capsys, "export", "--format", "geojson", "--city", "Mosul", "--out", str(tmp_path))
    assert (code, out) == (0, f"wrote {tmp_path / 'places.geojson'}\n")
    collection = json.loads((tmp_path / "places.geojson").read_text(encoding="utf-8"))
    [feature] = collection["features"]
    assert feature["properties"]["name"] == "Mosul"
    assert feature["geometry"]["coordinates"] == [43.11889, 36.335]


def test_remove(capsys: pytest.CaptureFixture[str], ingested: Path) -> None:
    assert run(capsys, "remove", SEED_ID) == (0, f"removed {SEED_ID}\n", "")
    assert run(capsys, "list") == (0, "", "")


def test_remove_unknown_article(capsys: pytest.CaptureFixture[str], ingested: Path) -> None:
    assert run(capsys, "remove", "0000000000000000") == (1, "", "error: no stored article 0000000000000000\n")


def test_reprocess_keeps_ids(capsys: pytest.CaptureFixture[str], ingested: Path) -> None:
    assert run(capsys, "reprocess") == (0, "reprocessed 1 article(s)\n", "")
    assert run(capsys, "reprocess", "0000000000000000") == (0, "reprocessed 0 article(s)\n", "")
    assert run(capsys, "list")[1] == f"{SEED_ID}  2014-06-14  {SEED_TITLE}\n"


def test_corrupt_store_is_one_error_line(capsys: pytest.CaptureFixture[str], db_path: Path) -> None:
    db_path.write_bytes(b"garbage, not sqlite " * 100)
    code, out, err = run(capsys, "list")
    assert (code, out) == (2, "")
    assert err == f"error: {db_path}: not a usable SQLite database: file is not a database\n"


def test_a_command_is_required(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        cli.main([])
    assert caught.value.code == 2
    assert "the following arguments are required: command" in capsys.readouterr().err


def test_installed_console_script(tmp_path: Path, seed_path: Path) -> None:
    script = Path(sys.executable).with_name("displacement-monitor")
    env = {**os.environ, "DISPLACEMENT_MONITOR_DB": str(tmp_path / "store.db")}
    done = subprocess.run([str(script), "extract", "--format", "jsonl", str(seed_path)],
                          capture_output=True, text=True, env=env, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["id"] == SEED_ID
