"""The cells and blocks every layout reader returns, and what tells a value from a label."""

from __future__ import annotations

import re
from dataclasses import dataclass

from orchestration.extract.numbers import is_labelled, is_pair, is_quantity
from orchestration.extract.text import squeeze

_HTML_TAG = re.compile(r"<[^>]+>")
_YEAR = re.compile(r"^(19|20)\d{2}\s*년?(\s*\(.*\))?$")
# A year heading a band of columns or a column (``’23년``, ``2025년``).
PERIOD = r"[‘’'`]?(?:19|20)?\d{2}년"
MAX_CELL_LINE = 60
MAX_LABEL_LINES = 4
TEXT_TABLE_ROWS = 3
HEADER_WORD = 20  # the longest a header's label runs, in characters

# A box opens a section of the plan (``□ 인   력 : 정원 76 / 현원 75``): its line is a caption or a
# headline, never a row, even when its words are spaced out like a row's.
BOX_LINE = re.compile(r"^\s*[□■◼◻▣]\s")
# A line that only notes something about the table (``(’25년 1월 기준)``), in brackets whole.
BRACKETED = re.compile(r"^[(\[<].*[)\]>]$")
WORD = re.compile(r"\S+")


@dataclass(frozen=True)
class Cell:
    line: int
    column: int
    text: str
    start: int = 0
    end: int = 0
    spanned: bool = False  # a header label the layout printed over every column it spans


@dataclass
class Block:
    layout: str
    rows: list[list[Cell]]
    header_rows: int | None = None  # None: the rows before the first row of values


def clean_cell(text: str) -> str:
    """Cell text with HTML fragments removed and whitespace squeezed."""
    return squeeze(_HTML_TAG.sub(" ", text) if "<" in text else text)


def is_value(text: str) -> bool:
    return is_quantity(text) or is_pair(text) or is_labelled(text)


def is_year(text: str) -> bool:
    return bool(_YEAR.match(text))


def is_data(text: str) -> bool:
    """A value that prints a number and is not a year: years print as column headers as often
    as data, and ``-`` or 비예산 alone say nothing about a column."""
    return any(ch.isdigit() for ch in text) and is_value(text) and not is_year(text)



def first_line(block: Block) -> int:
    return min(cell.line for row in block.rows for cell in row)


def last_line(block: Block) -> int:
    return max(cell.line for row in block.rows for cell in row)


def split_cells(line: str, number: int, separator: str) -> list[Cell]:
    """The cells between separators, each spanning its text without the spaces padding it (``| 정 원 |``),
    so that a position in the cell's text is one in the line."""
    cells, start = [], 0
    for column, raw in enumerate(line.split(separator)):
        end = start + len(raw)
        text = raw.strip()
        at = start + (raw.index(text) if text else 0)
        cells.append(Cell(number, column, clean_cell(raw), at, at + len(text)))
        start = end + len(separator)
    return cells


def line_runs(lines: list[str], taken: set[int], accepts) -> list[list[int]]:
    """Runs of consecutive line numbers whose line ``accepts``."""
    runs, current = [], []
    for number, line in enumerate(lines, start=1):
        if number not in taken and accepts(line):
            current.append(number)
            continue
        if current:
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    return runs


def renumber(row: list[Cell]) -> list[Cell]:
    return [Cell(c.line, i, c.text, c.start, c.end, c.spanned) for i, c in enumerate(row)]


