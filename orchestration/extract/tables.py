"""A table reader that knows no document kind: text lines in, tables of labelled cells out.

Reading happens in two steps. ``layouts`` finds blocks of rows and cells in whatever layout the
filing printed (tabs, pipes, aligned spaces, one cell per line …). The *shape* step here, shared
by every layout, decides which rows are headers, merges multi-line headers into column paths
(``연차별 소요자원 / 2024년``), carries row labels down (``기 획 예 산 과 / 계`` then ``정책사업비``)
and finds the unit (above the table, ``(단위 : 천원)``, or in a header, ``재 산 상 황 (천원)``) and
the title printed above it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import cached_property

from orchestration.extract.layouts import Block, Cell, find_blocks, is_box_rule, is_data, is_value
from orchestration.extract.numbers import (
    COUNT_UNITS, MONEY_FACTORS, Quantity, is_labelled, is_pair, is_slash_pair, parse_labelled, parse_pair,
    parse_quantity,
)
from orchestration.extract.text import spaced, spaced_any, squeeze, without_spaces
from orchestration.extract.vocabulary import (budget_header_words, caption_words, project_field_labels,
                                              staff_count_words, units)

__all__ = ["Cell", "Table", "ValueCell", "read_tables", "cell_quantities"]

_HEADER_UNIT = re.compile(r"\(\s*(?P<unit>" + "|".join(map(spaced, units("money", "rate", "count"))) + r")\s*\)")
# A rate's header: 증감률, 집행율; and a share of the whole (구성비, 비중) printed beside amounts under a
# money note, unless it names the share in brackets after an amount (예산액(구성비): 51,288(30.7)).
_RATE_HEADER = re.compile(r"[률율%]")
_SHARE_HEADER = re.compile(r"^[^(]*(?:구성비|비중)")
# A header speaking of money: an amount (금액, 징수액: a word ending in 액), a budget's amount word
# (budget_header_words.csv) or a project's cost label (project_field_labels.csv: 사업비, 소요예산).
_MONEY_HEADER = re.compile("액|" + "|".join(budget_header_words("amount") + project_field_labels("cost")))
_AREA_UNITS = units("area")
# A unit as a note prints it, maybe spaced out (``천 원``: read as 원 alone, every amount would be
# a thousandth of itself).
_KNOWN_UNIT = re.compile("|".join(map(spaced, units())))
# ``(단위 : 천원)``, ``<단위: 억원, %>`` (its word in caption_words.csv), and without the colon ``(단위 천원)`` when units alone
# follow: prose naming a 단위사업 or a 행정 단위 개편 is no note.
_UNIT_NOTE = re.compile(rf"{spaced_any(caption_words('unit_note'))}\s*(?:[:：]\s*(?P<unit>[^)\]>]+)"
                        rf"|\s+(?P<bare>(?:{_KNOWN_UNIT.pattern})(?:\s*[,，]\s*(?:{_KNOWN_UNIT.pattern}))*)(?=\s*(?:[)\]>]|$)))")
_NOTE_IN_CELL = re.compile(rf"[(\[<]?\s*(?:{_UNIT_NOTE.pattern})\s*[)\]>]?")
CAPTION_LOOKBACK = 4


@dataclass(frozen=True)
class ValueCell:
    """A numeric cell with the labels that give it meaning, as printed."""

    line: int
    column: int
    text: str
    row_labels: tuple[str, ...]
    column_label: str
    unit: str | None = None
    start: int = 0
    end: int = 0
    row: int = 0  # the body row it is in: a turned table's row runs across lines (``Table.turned``)


@dataclass
class Table:
    table_index: int
    layout: str
    header_rows: list[list[Cell]]
    body_rows: list[list[Cell]]
    caption: list[tuple[int, str]] = field(default_factory=list)  # (line, its text as printed) above the table
    label_columns: int = 1
    borrowed: dict[int, str] = field(default_factory=dict)  # column → label from a table of the same columns

    @cached_property
    def first_line(self) -> int:
        return min(c.line for row in self.header_rows + self.body_rows for c in row)

    @cached_property
    def last_line(self) -> int:
        return max(c.line for row in self.header_rows + self.body_rows for c in row)

    @property
    def title(self) -> str | None:
        for _, text in reversed(self.caption):
            if not _UNIT_NOTE.search(text):
                return squeeze(text)
        return None

    @property
    def unit(self) -> str | None:
        """The unit printed above the table; the first one when it names several (``백만원, %``)."""
        units = self._noted_units()
        return units[0] if units else None

    @cached_property
    def column_labels(self) -> list[str]:
        paths = _column_paths(self.header_rows, self.width)
        return [path or self.borrowed.get(column, "") for column, path in enumerate(paths)]

    @cached_property
    def column_units(self) -> list[str | None]:
        noted = self._noted_units()
        return [_column_unit(label, noted) for label in self.column_labels]

    @property
    def width(self) -> int:
        return max(len(row) for row in self.header_rows + self.body_rows)

    def caption_text(self) -> str:
        return squeeze(" ".join(text for _, text in self.caption))

    def _noted_units(self) -> list[str]:
        """The units of the note nearest above the table, or else of a note printed inside its
        header (``구 분 (단위: 억원)``)."""
        return (next((found for _, text in reversed(self.caption) if (found := noted_units(text))), [])
                or next((found for row in self.header_rows for cell in row if (found := noted_units(cell.text))), []))

    def _numeric_columns(self) -> set[int]:
        """Columns printing at least one number: a ``-`` elsewhere is text, not 'no amount'."""
        return {c.column for row in self.body_rows for c in row[self.label_columns:] if is_data(c.text)}

    def value_cells(self) -> list[ValueCell]:
        return self._value_cells

    @cached_property
    def _value_cells(self) -> list[ValueCell]:
        """Computed once: the typed extractors, the cell records and the accounting all ask."""
        labels, units, noted = self.column_labels, self.column_units, self._noted_units()
        # the columns whose header speaks of no unit, which may count what their row counts (below)
        silent = {c for c, label in enumerate(labels) if len(noted) > 1 and _spoken_unit(label, noted) is None}
        numeric = self._numeric_columns()
        cells: list[ValueCell] = []
        previous_labels: list[str] = []
        for index, row in enumerate(self.body_rows):
            row_labels = _carry_labels([c.text for c in row[: self.label_columns]], previous_labels)
            previous_labels = row_labels
            # Under a note naming counts and money, a column whose header speaks of neither counts
            # what its row's label counts (``건수 | … | 통보 / 일반``: cases, not money); a pair's
            # brackets may hold the other measure (``3(23,820)``: cases and their amount), left be.
            counted = next((u for u in (_count_unit(without_spaces(label), noted) for label in row_labels) if u in noted),
                           None)
            for cell in row[self.label_columns:]:
                if cell.text and is_value(cell.text) and (cell.column in numeric or is_data(cell.text)):
                    unit = units[cell.column] if cell.column < len(units) else None
                    if counted and cell.column in silent and not is_pair(cell.text):
                        unit = counted
                    cells.append(ValueCell(
                        line=cell.line,
                        column=cell.column,
                        text=cell.text,
                        row_labels=tuple(label for label in row_labels if label),
                        column_label=labels[cell.column] if cell.column < len(labels) else "",
                        unit=unit,
                        start=cell.start,
                        end=cell.end,
                        row=index,
                    ))
        return cells

    def turned(self) -> Table:
        """The table with its rows and columns swapped, every cell where the filing printed it:
        one government prints as rows (정원, 현원; the accounts) what another prints as columns, and
        a reader written for one way reads the other through this. The label columns become the
        header and the header the label columns."""
        rows = self.header_rows + self.body_rows
        grid = {(r, cell.column): cell for r, row in enumerate(rows) for cell in row}
        lines = [row[0].line if row else self.first_line for row in rows]
        turned = [[replace(grid[(r, column)], column=r, spanned=False) if (r, column) in grid
                   else Cell(line=lines[r], column=r, text="") for r in range(len(rows))]
                  for column in range(self.width)]
        labels = max(self.label_columns, 1)
        return Table(table_index=self.table_index, layout=self.layout, header_rows=turned[:labels],
                     body_rows=turned[labels:], caption=self.caption, label_columns=max(len(self.header_rows), 1))


def noted_units(line: str) -> list[str]:
    """The units a unit note in ``line`` names (``(단위 : 억원, %)`` → 억원, %); [] without a note."""
    match = _UNIT_NOTE.search(line)
    if not match:
        return []
    note = match.group("unit") or match.group("bare")
    return [without_spaces(unit) for unit in _KNOWN_UNIT.findall(note)] or [squeeze(note)]


def _column_unit(label: str, noted: list[str]) -> str | None:
    """A unit in the column's own header (``증감률(%)``, ``재 산 상 황 (천원)``) wins; a rate header
    (``…률``, ``…율``, ``구성비``, ``비중``) is in %; when the note above names several units (``건, 백만원``), each
    column takes the one its header speaks of (``건수`` → 건, ``정원`` → 명, ``면적`` → m², ``금액`` → 백만원),
    and one that speaks of none the money."""
    spoken = _spoken_unit(label, noted)
    if spoken is not None or len(noted) <= 1:
        return spoken if spoken is not None else (noted[0] if noted else None)
    return next((u for u in noted if u in MONEY_FACTORS), noted[0])


def _spoken_unit(label: str, noted: list[str]) -> str | None:
    """The unit a column's header names or speaks of; None when it says nothing of one."""
    match = _HEADER_UNIT.search(label)
    if match:
        return without_spaces(match.group("unit"))
    leaf = without_spaces(label.rsplit(" / ", 1)[-1])
    if _RATE_HEADER.search(leaf) or _SHARE_HEADER.match(leaf):
        return "%"
    if len(noted) <= 1:
        return None
    counted = _count_unit(leaf, noted)
    if counted is not None:
        return counted
    if "면적" in leaf:
        return next((u for u in noted if u in _AREA_UNITS), None)
    return next((u for u in noted if u in MONEY_FACTORS), None) if _MONEY_HEADER.search(leaf) else None


def _count_unit(label: str, noted: list[str]) -> str | None:
    """The count a label (without its spaces) speaks of, in a unit the note names (``건수`` → 건,
    ``정원`` → 명); None when it speaks of no count."""
    counts = [u for u in noted if u in COUNT_UNITS]
    if label in COUNT_UNITS or label.endswith("수") or "인원" in label or label in staff_count_words():
        return next((u for u in counts if u in label), counts[0] if counts else (label if label in COUNT_UNITS else None))
    return None


def cell_quantities(cell: ValueCell) -> list[tuple[str | None, Quantity]]:
    """The numbers one cell prints, each with the label of its part: one for a plain number,
    two for ``22 (24)`` and ``80 / 85`` (the second labelled ``(괄호)`` or ``(빗금)``), one per
    name for ``모:379,857``."""
    if is_pair(cell.text):
        first, second = parse_pair(cell.text, cell.unit)
        return [(None, first), ("(빗금)" if is_slash_pair(cell.text) else "(괄호)", second)]
    if is_labelled(cell.text):
        return list(parse_labelled(cell.text, cell.unit))
    return [(None, parse_quantity(cell.text, cell.unit))]


def read_tables(lines: list[str], stated: list[Block] = ()) -> list[Table]:
    """Every table in the text, in order. ``lines[i]`` is line ``i + 1``; ``stated``: the tables
    the format states, taken as they are."""
    blocks = find_blocks(lines, stated, frozenset(n for n, line in enumerate(lines, start=1) if _UNIT_NOTE.search(line)))
    in_tables = {cell.line for block in blocks for row in block.rows for cell in row}
    tables = []
    for block in blocks:
        first_line = min(cell.line for row in block.rows for cell in row)
        tables.append(_shape(block, len(tables) + 1, _caption(lines, first_line, in_tables)))
    return [_with_labels_of_a_twin(table, tables) for table in tables]


SAME_COLUMNS_NEARBY = 40  # lines between two tables of the same columns (a unit page's staffing and budget)
SAME_COLUMNS_AGREEING = 2  # the fewest labels both print, all alike, for two tables to share columns


def _with_labels_of_a_twin(table: Table, tables: list[Table]) -> Table:
    """A table whose header lost some labels (``pdftotext`` interleaves a two-line cell's syllables
    with its neighbour's, ``담기 당 획관``, and places none of them) takes them from a table nearby
    with the same columns: as wide, every value column labelled, and the same labels wherever both
    print one (a unit page's staffing and its budget by the same units)."""
    labels = table.column_labels
    missing = [c for c in range(table.label_columns, table.width) if not labels[c]]
    printed = [c for c in range(table.label_columns, table.width) if labels[c]]
    if not missing or len(printed) < SAME_COLUMNS_AGREEING:
        return table
    for other in tables:
        if (other is table or other.width != table.width
                or abs(other.first_line - table.first_line) > SAME_COLUMNS_NEARBY):
            continue
        theirs = other.column_labels
        if (all(theirs[c] for c in missing)
                and all(without_spaces(theirs[c]) == without_spaces(labels[c]) for c in printed)):
            return replace(table, borrowed={c: theirs[c] for c in missing})
    return table


def _shape(block: Block, table_index: int, caption: list[tuple[int, str]]) -> Table:
    rows = block.rows
    header_count = block.header_rows
    if header_count is None:
        header_count = 0
        while header_count < len(rows) and not any(is_data(c.text) for c in rows[header_count][1:]):
            header_count += 1
        if header_count == len(rows):
            # A block of text cells only (a 팀명/주요업무 list): still a table, with no values.
            header_count = 1
    header, body = rows[:header_count], rows[header_count:]
    label_columns = _label_column_count(body)
    return Table(
        table_index=table_index,
        layout=block.layout,
        header_rows=_merged_header_label(header, body, label_columns),
        body_rows=[_merged_label(row, label_columns) for row in body],
        caption=caption,
        label_columns=label_columns,
    )


def _merged_header_label(header: list[list[Cell]], body: list[list[Cell]], label_columns: int) -> list[list[Cell]]:
    """A header whose first label (``세 목``) spans the body's label columns (``시 | 소 계``) prints
    one cell for them, so every header cell after it stands a column too far left. Seen by the
    header rows ending in empty cells where the body rows print values."""
    missing = label_columns - 1
    if not missing or not header or not body:
        return header
    body_full = sum(1 for row in body if row and row[-1].text) * 2 > len(body)
    header_short = all(len(row) > missing and not any(c.text for c in row[-missing:]) for row in header)
    if not (body_full and header_short):
        return header
    return [_shift(row, 1, missing) for row in header]


def _shift(row: list[Cell], at: int, by: int) -> list[Cell]:
    """Move the cells from ``at`` right by ``by`` columns; the row's last ``by`` cells (empty) go."""
    moved = row[at:len(row) - by]
    padding = [replace(row[at], column=at + i, text="", end=row[at].start) for i in range(by)]
    return row[:at] + padding + [replace(c, column=c.column + by) for c in moved]


def _merged_label(row: list[Cell], label_columns: int) -> list[Cell]:
    """A total row whose label spans the label columns (``합 계`` over ``시 | 소 계``) loses a cell
    at its start and prints an empty one at its end: move its values back under their headers."""
    first_value = next((c.column for c in row if c.text and is_value(c.text)), None)
    if first_value is None or first_value >= label_columns:
        return row
    missing = label_columns - first_value
    if len(row) <= missing or any(c.text for c in row[-missing:]):
        return row
    return _shift(row, first_value, missing)


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
    # a unit note printed in a header cell is the table's (``_noted_units``), not the column's name
    grid = [[_NOTE_IN_CELL.sub("", row[i].text).strip() if i < len(row) else "" for i in range(width)]
            for row in header_rows]
    for depth, row in enumerate(grid[:-1]):
        below = grid[depth + 1:]
        cells = header_rows[depth]
        for column in range(1, width):
            # a label the layout printed over each column it spans ends where it ends
            spanned = column - 1 < len(cells) and cells[column - 1].spanned
            spans_from_left = not row[column] and row[column - 1] and not spanned
            if spans_from_left and any(lower[column] for lower in below):
                row[column] = row[column - 1]
    return [" / ".join(row[column] for row in grid if row[column]) for column in range(width)]


def _caption(lines: list[str], first_line: int, in_tables: set[int]) -> list[tuple[int, str]]:
    caption: list[tuple[int, str]] = []
    number = first_line - 1
    while number >= 1 and len(caption) < CAPTION_LOOKBACK:
        text = lines[number - 1]
        if number in in_tables:
            # A table ruled inside another's cell follows the row that holds it (formats/pdf.py),
            # and that cell may print its unit: ``총사업비 : □ 연도별 예산 (단위: 백만원)``.
            if _UNIT_NOTE.search(text):
                caption.insert(0, (number, text))
            break
        if text.strip() and not is_box_rule(text):
            caption.insert(0, (number, text))
        number -= 1
    return caption


def cut_short(lines: list[str], tables: list[Table], ends_with_line_break: bool = False) -> str | None:
    """Why the filing looks truncated in the middle of its last table, or None.

    A filing cut off while being copied ends inside a row: its last line belongs to a table and
    prints fewer cells than every other row of that table, or it follows a table whose every
    line carries a separator (tab, ``|``) right below and lacks it. A table that merely ends the
    filing ends with a whole row, and a filing whose text ends with a line break ends with a
    whole line: a note appended below a table (a re-issue's one added line) is no cut."""
    if ends_with_line_break:
        return None
    last = max((n for n, line in enumerate(lines, start=1) if line.strip()), default=0)
    where = f"the file ends at line {last} "
    fix = "; the file was probably cut off while being copied, so fetch it again"
    above = next((t for t in tables if t.body_rows and t.last_line == last - 1), None)
    separator = _SEPARATORS.get(above.layout) if above else None
    if separator and separator not in lines[last - 1]:
        return (where + f"right below table {above.table_index} (first line {above.first_line}) without its "
                f"{separator!r} separator, in the middle of a row" + fix)
    table = next((t for t in tables if t.body_rows and t.last_line == last), None)
    if table is None or len(table.body_rows) < 2:
        return None
    filled = [sum(1 for c in row if c.text) for row in table.body_rows]
    if filled[-1] >= min(filled[:-1]):
        return None
    return (where + f"inside table {table.table_index} (first line {table.first_line}): its last row prints "
            f"{filled[-1]} cells where every other row prints {min(filled[:-1])} or more" + fix)


# Layouts whose every line prints its separator.
_SEPARATORS = {"tab": "\t", "pipe_rows": "|", "pipe_cells": "|"}
