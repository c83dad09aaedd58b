"""Tables whose cells the text delimits: by tabs, by pipes or box-drawing walls (markdown rules
and ragged rows included), one cell a line ending in a pipe, or one cell a line with blank lines
between rows."""

from __future__ import annotations

import re
from collections import Counter

from orchestration.extract.layouts.cells import (HEADER_WORD, MAX_CELL_LINE, Block, Cell, clean_cell, is_data,
                                                 is_value, is_year, line_runs, renumber, split_cells)

_MARKDOWN_RULE = re.compile(r"^\s*:?-{3,}:?\s*$")


# --- tab ---------------------------------------------------------------------------------------

def _is_tab_row(line: str) -> bool:
    return "\t" in line and bool(line.strip())


def tab_blocks(lines: list[str], taken: set[int]) -> list[Block]:
    return [Block("tab", rows) for run in line_runs(lines, taken, _is_tab_row)
            for rows in _tables_of([split_cells(lines[n - 1], n, "\t") for n in run])]


def _tables_of(rows: list[list[Cell]]) -> list[list[list[Cell]]]:
    """The tables in a run of rows printed one after another with nothing between them (a table
    ruled inside a cell of another, exported as text). A new one starts at
    - a row repeating the table's first row (its header printed again over the next table);
    - a row of two or more short words (a header's labels, not a register's sentences) and no
      value (not even a ``-``), as wide as the table, between the table's values and values below
      it (a header after data; a 비고 row closing a table is its last row);
    - a row wider than every row before it, after two rows or more, that prints a label in its
      first cell or follows the table's values. A header's levels grow wider row by row (a cell
      spanning columns is one cell) under a label column spanning them all, so their first cell
      is empty; and exports drop a row's empty cells: neither starts a table."""
    with_values = [any(is_data(c.text) for c in row) for row in rows]
    values_below = [any(with_values[index + 1:]) for index in range(len(rows))]
    tables: list[list[list[Cell]]] = []
    widest = has_values = 0
    for index, row in enumerate(rows):
        current = tables[-1] if tables else None
        words = [c.text for c in row if c.text]
        if current is None or (
                (len(row) >= 3 and [c.text for c in row] == [c.text for c in current[0]])
                or (has_values and len(words) >= 2 and len(row) >= widest and values_below[index]
                    and not any(is_value(w) or len(w) > HEADER_WORD for w in words))
                or (len(row) > widest and len(current) >= 2 and (has_values or row[0].text))):
            tables.append([row])
            widest, has_values = len(row), with_values[index]
        else:
            current.append(row)
            widest, has_values = max(widest, len(row)), has_values or with_values[index]
    return tables


# --- pipes -------------------------------------------------------------------------------------

# A box-drawn table's cell walls read as pipes, one character for one (positions hold), and its
# rules (``├──┼──┤``, ``┌──┬──┐``) as a markdown table's.
_BOX_WALLS = str.maketrans("│┃║", "|||")
_BOX_LINES = "│┃║|┌┐└┘├┤┬┴┼─━═╔╗╚╝╠╣╦╩╬┏┓┗┛┣┫┳┻╋"
_BOX_RULE = re.compile(rf"^[\s{_BOX_LINES}]*[─━═][\s{_BOX_LINES}]*$")


def _is_pipe_row(line: str) -> bool:
    return line.count("|") >= 2 and "\t" not in line


def is_box_rule(line: str) -> bool:
    """A line drawn of a box's rules alone (``├──┼──┤``): part of a table, never its caption."""
    return bool(_BOX_RULE.match(line))


def _is_box_row(line: str) -> bool:
    walled = line.translate(_BOX_WALLS)
    return is_box_rule(line) or (walled != line and _is_pipe_row(walled))


_ANY_BOX = re.compile(f"[{_BOX_LINES}]".replace("|", ""))


def pipe_row_blocks(lines: list[str], taken: set[int]) -> list[Block]:
    boxed = any(map(_ANY_BOX.search, lines))
    return (_wall_blocks(lines, taken, _is_pipe_row, "pipe_rows")
            + (_wall_blocks(lines, taken, _is_box_row, "box_rows") if boxed else []))


def _wall_blocks(lines: list[str], taken: set[int], accepts, layout: str) -> list[Block]:
    """Rows of cells between walls, ``|`` or drawn (``│``)."""
    blocks = []
    for run in line_runs(lines, taken, accepts):
        rows = []
        for number in run:
            line = lines[number - 1].translate(_BOX_WALLS)
            if _BOX_RULE.match(line):
                continue
            cells = split_cells(line, number, "|")
            if not line[: cells[0].end].strip():
                cells = cells[1:]
            if cells and not line[cells[-1].start:].strip():
                cells = cells[:-1]
            if all(_MARKDOWN_RULE.match(line[c.start:c.end]) or not c.text for c in cells):
                continue
            rows.append(renumber(cells))
        for table in _tables_of(rows):
            if len(table) >= 2:
                width = max(len(row) for row in table)
                blocks.append(Block(layout, [_pad(row, width) for row in table]))
    return blocks


def _pad(row: list[Cell], width: int) -> list[Cell]:
    """Ragged rows lost their trailing empty cells."""
    last = row[-1]
    return row + [Cell(last.line, i, "", last.end, last.end) for i in range(len(row), width)]


def _is_pipe_cell(line: str) -> bool:
    stripped = line.strip()
    return stripped.endswith("|") and stripped.count("|") == 1


def pipe_cell_blocks(lines: list[str], taken: set[int]) -> list[Block]:
    blocks = []
    for run in line_runs(lines, taken, lambda line: _is_pipe_cell(line) or not line.strip()):
        cells = []
        for number in run:
            line = lines[number - 1]
            if not line.strip():
                cells.append(None)
                continue
            text = line[: line.rindex("|")]
            start = len(text) - len(text.lstrip())
            cells.append(Cell(number, 0, clean_cell(text), start, len(text.rstrip())))
        block = _per_line_block("pipe_cells", cells, empty_ends_row=True)
        if block:
            blocks.append(block)
    return blocks


# --- one cell per line -------------------------------------------------------------------------

def _per_line_block(layout: str, cells: list[Cell | None], empty_ends_row: bool) -> Block | None:
    """Rows from a sequence of one-cell lines (None = a blank line).

    Rows end at blank lines. With no blank lines, a filing such as a pledge list ends every row
    with the same empty last cell, so an empty cell ends a row; its first row then holds the
    header followed by the first data row.
    """
    while cells and cells[-1] is None:
        cells.pop()
    while cells and cells[0] is None:
        cells.pop(0)
    segments: list[list[Cell]] = [[]]
    separated_by_blanks = None in cells
    for cell in cells:
        if cell is None:
            if segments[-1]:
                segments.append([])
            continue
        segments[-1].append(cell)
        if not separated_by_blanks and empty_ends_row and not cell.text:
            segments.append([])
    segments = [s for s in segments if s]
    if len(segments) < 2:
        return None
    header_rows = None
    if not separated_by_blanks:
        width = max(len(s) for s in segments[1:])
        first = segments[0]
        if len(first) <= width:
            return None
        segments = [first[:width], first[width:]] + segments[1:]
        header_rows = 1
    return Block(layout, _align(segments, header_rows), header_rows)


def _align(rows: list[list[Cell]], header_rows: int | None) -> list[list[Cell]]:
    """Place each short row's cells under the columns they belong to.

    One cell per line loses the position of missing cells. A short body row is placed where its
    cells agree best with the columns' kinds (numbers under numbers); on a tie it is placed to
    the right, because the cells a row leaves out are most often labels carried down from the
    row above. The last header row sits over the values, at the right; header rows above it
    start at the left, with the label column's header.
    """
    width = max(len(row) for row in rows)
    if header_rows is None:
        header_rows = next((i for i, row in enumerate(rows) if any(is_data(c.text) for c in row)), 0)
    full = [row for row in rows[header_rows:] if len(row) == width]
    kinds = [Counter(is_data(row[i].text) for row in full if row[i].text).most_common(1) for i in range(width)]
    profile = [k[0][0] if k else None for k in kinds]
    aligned = []
    for index, row in enumerate(rows):
        if index < header_rows:
            offset = width - len(row) if index == header_rows - 1 else 0
        else:
            offset = max(range(width - len(row) + 1),
                         key=lambda o: (sum(1 for i, c in enumerate(row)
                                            if not c.text or profile[o + i] in (None, is_data(c.text))), o))
        placed = [Cell(row[0].line, i, "", row[0].start, row[0].start) for i in range(offset)]
        placed += [Cell(c.line, offset + i, c.text, c.start, c.end) for i, c in enumerate(row)]
        last = row[-1]
        placed += [Cell(last.line, i, "", last.end, last.end) for i in range(len(placed), width)]
        aligned.append(placed)
    return aligned


def is_cell_line(line: str) -> bool:
    stripped = line.strip()
    return 0 < len(stripped) <= MAX_CELL_LINE and "\t" not in line and "|" not in line


def cell_line_blocks(lines: list[str], taken: set[int]) -> list[Block]:
    """Short lines in blank-separated groups: a run of groups of two or more lines, each
    holding at least one number, after at most two groups without numbers (the header). A single
    such group is a table only under a header group of as many lines."""
    blocks = []
    for run in line_runs(lines, taken, lambda line: is_cell_line(line) or not line.strip()):
        groups: list[list[int]] = [[]]
        for number in run:
            if lines[number - 1].strip():
                groups[-1].append(number)
            elif groups[-1]:
                groups.append([])
        groups = [g for g in groups if g]
        # 비예산 or - count here (a row may print no digits at all); years do not (headers).
        has_data = [any(is_value(text) and not is_year(text) for text in (clean_cell(lines[n - 1]) for n in g))
                    for g in groups]
        start = 0
        while start < len(groups):
            end = start
            while end < len(groups) and has_data[end] and len(groups[end]) >= 2:
                end += 1
            one_row_under_header = (end - start == 1 and start > 0 and not has_data[start - 1]
                                    and len(groups[start - 1]) == len(groups[start]) >= 3)
            if end - start >= 2 or one_row_under_header:
                head = start
                while head > 0 and start - head < 2 and not has_data[head - 1] and len(groups[head - 1]) >= 2:
                    head -= 1
                cells: list[Cell | None] = []
                for group in groups[head:end]:
                    cells += [_line_cell(lines, n) for n in group] + [None]
                block = _per_line_block("cell_lines", cells, empty_ends_row=False)
                if block:
                    block.header_rows = start - head
                    blocks.append(block)
            start = end + 1
    return blocks


def _line_cell(lines: list[str], number: int) -> Cell:
    line = lines[number - 1]
    start = len(line) - len(line.lstrip())
    return Cell(number, 0, clean_cell(line), start, len(line.rstrip()))


