"""Tables in situation reports: a heading that says what is counted, then rows of a place and its number,

    People displaced by district:
    - Quelimane: 21,400
    - Namacurra - 9,800

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
# A row: a name of up to five words, a colon or dash, and the number.
_ROW = re.compile(rf"{_MARKER}(?P<name>[A-Z][\w'\u2019.-]*(?:[ \t]+[\w'\u2019.-]+){{0,4}}?)"
                  rf"[ \t]*[:\u2013\u2014-]{_NUMBER}{_UNIT}")

_LAST_SENTENCE = re.compile(r"(?:^|(?<=[.!?]\s))[^.!?]*$")


class Row(NamedTuple):
    name_start: int
    name_end: int
    number_start: int
    heading: str  # the line above the table's rows, ending with a colon
    table: int  # where the table's heading starts: rows with the same one are one table
    unit: str = ""  # the word after the number, if the row has one ("families")


@lru_cache(maxsize=4)  # places, localities and figures each read the same text's tables
def table_rows(text: str) -> tuple[Row, ...]:
    """The rows of every table in text: the lines right after a line that ends with a colon (or after it and one
    blank line), as long as each is a name and a number alone."""
    if ":" not in text:
        return ()
    rows: list[Row] = []
    heading: tuple[int, str] | None = None
    start = 0
    listed = False  # whether the heading has a row yet
    for line in text.split("\n"):
        end = start + len(line)
        if heading is not None and (row := _ROW.fullmatch(text, start, end)):
            rows.append(Row(row.start("name"), row.end("name"), row.start("number"), heading[1], heading[0],
                            row.group("unit") or ""))
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
    return tuple(rows)


# A key figure: a label of up to five words, a colon, and the number.
_FACT = re.compile(rf"{_MARKER}(?P<label>[A-Z][A-Za-z'\u2019]*(?:[ \t]+[A-Za-z'\u2019]+){{0,4}})[ \t]*:{_NUMBER}")


def key_figures(text: str) -> dict[int, str]:
    """Where the number of each line that is a label and a number alone starts, with its label ("Displaced",
    "In shelters"): what the label says decides whether it is a figure."""
    if ":" not in text:
        return {}
    found: dict[int, str] = {}
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        if ":" in line and (fact := _FACT.fullmatch(text, start, end)):
            found[fact.start("number")] = fact.group("label")
        start = end + 1
    return found
