"""Tables in situation reports: a heading that says what is counted, then rows of a place and its number,

    People displaced by district:
    - Quelimane: 21,400
    - Namacurra - 9,800

grids, a line of column names and then rows of a place and a number per column, the cells parted by bars,
tabs or runs of spaces (as reports lay them out, and as trafilatura writes a web page's tables),

    District  | Displaced households | Houses destroyed
    Quelimane | 4,280                | 1,130

and key figures, a label that says what is counted and its number ("- Displaced: 581,638").
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

# What a line of a table opens with (a list marker, if any) and ends with (the number alone).
_MARKER = r"[ \t]*(?:[-*\u2022][ \t]*)?"
_NUMBER = r"[ \t]*(?P<number>\d(?:[\d.,\u202f\u00a0 ]*\d)?)[ \t]*"
# What a row's number may be followed by: the word for what it counts ("Chiure: 31,200 people").
_UNIT = r"(?:(?P<unit>people|persons|individuals|households|families|IDPs|houses|homes)\b[ \t]*)?"
# A row: a name of up to five words, maybe the place it lies in between brackets ("Bidi Bidi (Yumbe)") or some
# other note ("Jadah camps (1-5)"), a colon or dash, or a tab or a run of spaces, and the number.
_ROW = re.compile(rf"{_MARKER}(?P<name>[A-Z][\w'\u2019.-]*(?:[ \t]+[\w'\u2019.-]+){{0,4}}?)"
                  rf"(?:[ \t]*\((?:(?P<within>[A-Z][\w'\u2019. -]{{0,40}})|[^()\n]{{1,20}})\))?"
                  rf"(?:[ \t]*[:\u2013\u2014-]|\t|  )[ \t]*{_NUMBER}{_UNIT}")

# (a stop inside a word or before a bracket ends no sentence: "as of 8 a.m.):")
_LAST_SENTENCE = re.compile(r"(?:^|(?<=[.!?]\s))(?:[^.!?]|[.!?](?!\s))*$")


class Row(NamedTuple):
    name_start: int
    name_end: int  # the name's start too in a grid's total row, which names no place
    number_start: int
    heading: str  # the line above the table's rows, ending with a colon; a grid column's name (and its caption)
    table: int  # where the table's heading starts: rows with the same one are one table
    unit: str = ""  # the word after the number, if the row has one ("families"); a grid column's name
    kind: str = ""  # what a grid's first column names ("District")
    names: tuple[tuple[int, int], ...] = ()  # a grid row's other names, in columns of names ("Guma", its LGA)
    above: str = ""  # a grid's whole line above it, of which the caption is the last sentence


@lru_cache(maxsize=4)  # places, localities and figures each read the same text's tables
def table_rows(text: str) -> tuple[Row, ...]:
    """The rows of every table in text: the lines right after a line that ends with a colon (or after it and one
    blank line), as long as each is a name and a number alone."""
    rows: list[Row] = list(_grid_rows(text)) if "|" in text or "\t" in text or "  " in text else []
    if ":" not in text:
        return tuple(rows)
    heading: tuple[int, str] | None = None
    start = 0
    listed = False  # whether the heading has a row yet
    for line in text.split("\n"):
        end = start + len(line)
        if heading is not None and (row := _ROW.fullmatch(text, start, end)):
            within = ((row.start("within"), row.end("within")),) if row.group("within") else ()
            name_end = row.start("name") if _TOTAL.fullmatch(row.group("name")) else row.end("name")  # no place
            rows.append(Row(row.start("name"), name_end, row.start("number"), heading[1], heading[0],
                            row.group("unit") or "", names=within))
            listed = True
        elif heading is not None and not listed and not line.strip():
            pass  # a blank line between a heading and its first row, as reports set them out
        else:
            listed = False
            heading = None
            if line.rstrip().endswith(":"):
                content = _LAST_SENTENCE.search(line.strip())  # a paragraph may end with the heading
                heading = (start, content.group()) if content else None
        start = end + 1
    return tuple(sorted(rows))


# The cells of a grid's line: parted by bars (an outer bar opens or closes the line), tabs, or two spaces or more.
_BARS = re.compile(r"[ \t]*\|[ \t]*")
_TABS = re.compile(r"[ \t]*\t[ \t]*")
_SPACES = re.compile(r" {2,}")
_RULE = re.compile(r"[\s|:+=-]*-{3}[\s|:+=-]*")  # "|------|-----|" under the column names
_CELL_NUMBER = re.compile(r"\d(?:[\d,.\u202f\u00a0 ]*\d)?")
_NO_NUMBER = re.compile(r"[-\u2013\u2014]|n/?a|N/?A|")  # a cell with nothing counted
_ROW_NAME = re.compile(r"[A-Z][\w'\u2019.()/-]*(?: [\w'\u2019.()/-]+){0,5}?(?: ?[*\u2020]+)?")
_TOTAL = re.compile(r"(?i:(?:grand |overall )?totals?|all)\b.*")
_GRID_MARK = re.compile(r"[*\u2020]+$")


def _cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of a line's cells, stripped, in order; empty if the line has no cell break."""
    line = text[start:end]
    parts = _BARS if "|" in line else _TABS if "\t" in line else _SPACES
    cells: list[tuple[int, int]] = []
    at = start
    for gap in parts.finditer(text, start, end):
        cells.append((at, gap.start()))
        at = gap.end()
    if at == start:
        return []
    cells.append((at, end))
    cells = [(a + len(text[a:b]) - len(text[a:b].lstrip()), b - len(text[a:b]) + len(text[a:b].rstrip()))
             for a, b in cells]
    if parts is _BARS:  # the outer bars of "| Thiban | 2,900 |" leave empty cells at either end
        cells = cells[1:] if cells and cells[0][0] >= cells[0][1] else cells
        cells = cells[:-1] if cells and cells[-1][0] >= cells[-1][1] else cells
    elif cells and cells[0][0] >= cells[0][1]:
        cells = cells[1:]  # an indented line ("    Canton    In shelters")
        if len(cells) < 2:
            return []
    return cells


def _grid_rows(text: str) -> list[Row]:
    """The rows of every grid in text: under a line of column names, each line a name in the first cell and
    numbers (or dashes) or more names in the others. A column's figures are of what its name says they count,
    or, if its name says no more than a unit ("Families"), of what the line above the grid says ("Displacement
    by area of origin"). A column of names ("LGA") says where each row's place lies. A total row's numbers are
    figures too; its name is no place."""
    rows: list[Row] = []
    lines: list[tuple[int, int]] = []
    start = 0
    for line in text.split("\n"):
        lines.append((start, start + len(line)))
        start += len(line) + 1
    index = 0
    while index < len(lines) - 1:
        header = _cells(text, *lines[index])
        if len(header) < 2 or any(_CELL_NUMBER.fullmatch(text, a, b) for a, b in header):
            index += 1
            continue
        first = index + 1
        if _RULE.fullmatch(text, *lines[first]) and first + 1 < len(lines):
            first += 1
        body: list[list[tuple[int, int]]] = []
        while first + len(body) < len(lines):
            cells = _row_cells(text, lines[first + len(body)], header, lines[index][0])
            if cells is None:
                break
            body.append(cells)
        if not body:
            index += 1
            continue
        caption, above = _caption(text, lines, index)
        table = lines[index][0]
        kind = text[slice(*header[0])]
        for cells in body:
            name_start, name_end = cells[0]
            name = text[name_start:name_end]
            if _TOTAL.fullmatch(name):
                name_end = name_start
            else:
                name_end -= len(name) - len(_GRID_MARK.sub("", name).rstrip())  # "Rakhine *": a footnote's mark
            names = tuple((a, b) for a, b in cells[1:] if b > a and _ROW_NAME.fullmatch(text, a, b))
            for (a, b), (h_start, h_end) in zip(cells[1:], header[1:], strict=True):
                if _CELL_NUMBER.fullmatch(text, a, b):
                    column = text[h_start:h_end]
                    rows.append(Row(name_start, name_end, a, f"{caption} {column}".strip(), table, column, kind,
                                    names, above))
        index = first + len(body)
    return rows


def _row_cells(text: str, line: tuple[int, int], header: list[tuple[int, int]],
               header_start: int) -> list[tuple[int, int]] | None:
    """A grid row's cells, one per column of the header (an empty span where a cell is blank), or None if the
    line is no row: a name first, then numbers, dashes or names, and one number at least. Cells parted by
    spaces may leave a column blank ("Three others        9,781"): each goes under the column it lies below."""
    cells = _cells(text, *line)
    if len(cells) < len(header) and len(cells) >= 2 and "|" not in text[slice(*line)] \
            and "\t" not in text[slice(*line)]:
        cells = _aligned(cells, header, line[0], header_start)
    if len(cells) != len(header) or not _ROW_NAME.fullmatch(text, *cells[0]):
        return None
    numbers = 0
    for a, b in cells[1:]:
        if _CELL_NUMBER.fullmatch(text, a, b):
            numbers += 1
        elif not (a == b or _NO_NUMBER.fullmatch(text, a, b) or _ROW_NAME.fullmatch(text, a, b)):
            return None
    return cells if numbers else None


def _aligned(cells: list[tuple[int, int]], header: list[tuple[int, int]], line_start: int,
             header_start: int) -> list[tuple[int, int]]:
    """cells put under the header's columns by where they lie on the line (a number set flush right may
    start before or after its column's name); blank columns get an empty span. Empty if two cells fall under
    one column, or the first cell is not under the first column."""
    columns = [(a - header_start, b - header_start) for a, b in header]
    placed: list[tuple[int, int]] = []
    for a, b in cells:
        left, right = a - line_start, b - line_start
        # the column the cell overlaps most; failing that, the one nearest to it
        column = max(range(len(columns)), key=lambda c: (min(right, columns[c][1]) - max(left, columns[c][0]),
                                                          -abs(left - columns[c][0])))
        if placed and column <= len(placed) - 1 or not placed and column:
            return []
        placed.extend((a, a) for _ in range(column - len(placed)))
        placed.append((a, b))
    placed.extend((line_start, line_start) for _ in range(len(columns) - len(placed)))
    return placed


def _caption(text: str, lines: list[tuple[int, int]], header: int) -> tuple[str, str]:
    """The last sentence of the line above a grid (past one blank line): what its numbers are of; and that
    whole line."""
    for index in range(header - 1, max(-1, header - 3), -1):
        line = text[slice(*lines[index])].strip()
        if line:
            content = _LAST_SENTENCE.search(line)
            return (content.group().strip() if content else ""), line
    return "", ""


# A key figure: a label of up to five words, a colon, and the number.
_FACT = re.compile(rf"{_MARKER}(?P<label>[A-Z][A-Za-z'\u2019]*(?:[ \t]+[A-Za-z'\u2019]+){{0,4}})[ \t]*:{_NUMBER}")


# A key figure within a line of them ("Houses fully damaged: 103; partially damaged: 2,589"), whose number may
# say what it counts and be followed by another ("Persons in safety centres: 9,341 families / 28,452 persons").
_FACT_LABEL = re.compile(rf"{_MARKER}(?P<label>[A-Za-z][A-Za-z'\u2019]*(?:[ \t]+[A-Za-z'\u2019]+){{0,4}})[ \t]*:")
_FACT_COUNT = re.compile(r"[ \t]*(?P<number>\d(?:[\d.,\u202f\u00a0 ]*\d)?)[ \t]*"
                         r"(?:(?P<unit>people|persons|individuals|households|families|houses|homes)\b[ \t]*)?"
                         r"(?P<next>/)?")


def key_figures(text: str) -> dict[int, str]:
    """Where the number of each line that is a label and a number alone starts, with its label ("Displaced",
    "In shelters"): what the label says decides whether it is a figure. A line may hold several, parted by
    semicolons, and a number that says what it counts may have other words after it."""
    if ":" not in text:
        return {}
    found: dict[int, str] = {}
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        if ":" in line and (fact := _FACT.fullmatch(text, start, end)):
            found[fact.start("number")] = fact.group("label")
        elif ":" in line and (";" in line or "/" in line) and _FACT.match(text, start, end):
            at = start
            for part in line.split(";"):
                found.update(_facts_in(text, at, at + len(part)))
                at += len(part) + 1
        start = end + 1
    return found


def _facts_in(text: str, start: int, end: int) -> dict[int, str]:
    """The key figures of one part of a line of them (see key_figures), by where each number starts."""
    label = _FACT_LABEL.match(text, start, end)
    if label is None:
        return {}
    found: dict[int, str] = {}
    at = label.end()
    while (count := _FACT_COUNT.match(text, at, end)) is not None:
        if not count.group("unit") and text[count.end():end].strip():
            break  # a number alone ends its part, or it is no count ("Date: 12 November")
        found[count.start("number")] = f"{label.group('label')} {count.group('unit') or ''}".rstrip()
        if not count.group("next"):
            break
        at = count.end()
    return found
