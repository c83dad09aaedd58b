"""A table reader that knows no document kind: text lines in, tables of labelled cells out.

Reading happens in two steps. A *layout* step finds blocks of rows and splits each row into cells
(``_tab_blocks`` handles tab-separated rows, the commonest form of text extracted from HWP). A
*shape* step, shared by every layout, decides which rows are headers, merges multi-line headers
into column paths (``연차별 소요자원 / 2024년``), carries row labels down (``기 획 예 산 과 / 계`` then
``정책사업비``) and finds the unit and title printed above the table.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from orchestration.extract.numbers import is_pair, is_quantity
from orchestration.extract.text import squeeze

_UNIT_NOTE = re.compile(r"단\s*위\s*[:：]\s*(?P<unit>[^,)\]]+)")
_YEAR_HEADER = re.compile(r"^(19|20)\d{2}\s*년?(\s*\(.*\))?$")
_HTML_TAG = re.compile(r"<[^>]+>")
CAPTION_LOOKBACK = 4


@dataclass(frozen=True)
class Cell:
    line: int
    column: int
    text: str


@dataclass(frozen=True)
class ValueCell:
    """A numeric cell with the labels that give it meaning, as printed."""

    line: int
    column: int
    text: str
    row_labels: tuple[str, ...]
    column_label: str


@dataclass
class Table:
    table_index: int
    first_line: int
    last_line: int
    header_rows: list[list[Cell]]
    body_rows: list[list[Cell]]
    caption: list[tuple[int, str]] = field(default_factory=list)
    unit: str | None = None
    label_columns: int = 1

    @property
    def title(self) -> str | None:
        for _, text in reversed(self.caption):
            if not _UNIT_NOTE.search(text):
                return text
        return None

    @property
    def column_labels(self) -> list[str]:
        return _column_paths(self.header_rows, self.width)

    @property
    def width(self) -> int:
        return max(len(row) for row in self.header_rows + self.body_rows)

    def caption_text(self) -> str:
        return " ".join(text for _, text in self.caption)

    def value_cells(self) -> list[ValueCell]:
        labels = self.column_labels
        cells: list[ValueCell] = []
        previous_labels: list[str] = []
        for row in self.body_rows:
            row_labels = _carry_labels([c.text for c in row[: self.label_columns]], previous_labels)
            previous_labels = row_labels
            for cell in row[self.label_columns:]:
                if cell.text and is_value(cell.text):
                    cells.append(
                        ValueCell(
                            line=cell.line,
                            column=cell.column,
                            text=cell.text,
                            row_labels=tuple(label for label in row_labels if label),
                            column_label=labels[cell.column] if cell.column < len(labels) else "",
                        )
                    )
        return cells


def is_value(text: str) -> bool:
    return is_quantity(text) or is_pair(text)


def clean_cell(text: str) -> str:
    """Cell text with HTML fragments removed and whitespace squeezed."""
    return squeeze(_HTML_TAG.sub(" ", text))


def read_tables(lines: list[str]) -> list[Table]:
    """Every table in the text, in order. ``lines[i]`` is line ``i + 1``."""
    tables = []
    for block in _tab_blocks(lines):
        table = _shape(block, len(tables) + 1)
        if table is not None:
            table.caption = _caption(lines, table.first_line)
            table.unit = _unit(table.caption)
            tables.append(table)
    return tables


def _tab_blocks(lines: list[str]) -> list[list[list[Cell]]]:
    blocks: list[list[list[Cell]]] = []
    current: list[list[Cell]] = []
    for number, line in enumerate(lines, start=1):
        if "\t" in line:
            current.append([Cell(number, i, clean_cell(text)) for i, text in enumerate(line.split("\t"))])
            continue
        if current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def _is_header_row(row: list[Cell]) -> bool:
    values = [c.text for c in row[1:] if c.text]
    return not any(is_value(text) and not _YEAR_HEADER.match(text) for text in values)


def _shape(rows: list[list[Cell]], table_index: int) -> Table | None:
    header_count = 0
    while header_count < len(rows) and _is_header_row(rows[header_count]):
        header_count += 1
    header, body = rows[:header_count], rows[header_count:]
    if not body:
        # A block of text cells only (a 팀명/주요업무 list): still a table, with no values.
        header, body = rows[:1], rows[1:]
    return Table(
        table_index=table_index,
        first_line=rows[0][0].line,
        last_line=rows[-1][0].line,
        header_rows=header,
        body_rows=body,
        label_columns=_label_column_count(body),
    )


def _label_column_count(body: list[list[Cell]]) -> int:
    firsts = Counter()
    for row in body:
        for cell in row:
            if cell.text and is_value(cell.text):
                firsts[cell.column] += 1
                break
    return firsts.most_common(1)[0][0] if firsts else 1


def _carry_labels(labels: list[str], previous: list[str]) -> list[str]:
    """An empty leading label cell continues the label above when a later label cell is printed."""
    carried = list(labels)
    for i, text in enumerate(labels):
        if not text and any(labels[i + 1:]) and i < len(previous):
            carried[i] = previous[i]
    return carried


def _column_paths(header_rows: list[list[Cell]], width: int) -> list[str]:
    grid = [[row[i].text if i < len(row) else "" for i in range(width)] for row in header_rows]
    for depth, row in enumerate(grid[:-1]):
        below = grid[depth + 1:]
        for column in range(1, width):
            spans_from_left = not row[column] and row[column - 1]
            if spans_from_left and any(lower[column] for lower in below):
                row[column] = row[column - 1]
    return [" / ".join(row[column] for row in grid if row[column]) for column in range(width)]


def _caption(lines: list[str], first_line: int) -> list[tuple[int, str]]:
    caption: list[tuple[int, str]] = []
    number = first_line - 1
    while number >= 1 and len(caption) < CAPTION_LOOKBACK:
        text = lines[number - 1]
        if "\t" in text:
            break
        if text.strip():
            caption.insert(0, (number, squeeze(text)))
        number -= 1
    return caption


def _unit(caption: list[tuple[int, str]]) -> str | None:
    for _, text in reversed(caption):
        match = _UNIT_NOTE.search(text)
        if match:
            return squeeze(match.group("unit"))
    return None
