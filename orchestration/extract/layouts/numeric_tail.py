"""Tables whose rows are a label and a run of numbers a single space apart, a wrapped label on
the lines above its numbers, as text extracted from narrow columns prints them; the header over
them is read in ``headers``."""

from __future__ import annotations

import re
from collections import Counter

from orchestration.extract.layouts.cells import (BOX_LINE, MAX_LABEL_LINES, WORD, Block, Cell, clean_cell, is_data,
                                                 is_year, renumber)
from orchestration.extract.layouts.headers import (PLACED_HEADER_LINES, banded_header, last_words_header,
                                                   lines_of_header, placed_header, stacked_header)
from orchestration.extract.layouts.ruled import is_cell_line
from orchestration.extract.numbers import is_quantity
from orchestration.extract.text import BADGE_MARK, is_page_number

_LONE_SIGN = frozenset({"△", "▲"})
_OUTER_NUMBER = re.compile(rf"^{BADGE_MARK}\s*")
# Header words this far right of the rows' last value are an outer table's (its 주관부처 ``국 가``).
_OUTER_GAP = 8


def _tail(line: str, number: int) -> tuple[str, int, list[Cell]]:
    """(label, label end, trailing value cells) of a line; ``△ 35,354`` counts as one value.
    ``pdftotext -layout`` prints a table set inside another's cell on the outer table's lines: a
    few words after three values or more, none with a figure (``국 가      O``, ``문화체육   O``),
    are the outer table's and left out."""
    label, label_end, values = _values_at_end(line, number)
    if len(values) < 2:
        words = list(WORD.finditer(line))
        last = len(words)  # the outer words are the last few, each a word of letters
        while last and len(words) - last <= _OUTER_WORDS and _OUTER_WORD.match(words[last - 1].group(0)):
            last -= 1
        after = words[last:]
        head = line[:after[0].start()] if after else ""
        if (0 < len(after) <= _OUTER_WORDS and last and is_quantity(words[last - 1].group(0))
                and head.count("(") == head.count(")")):
            cut = _values_at_end(head, number)
            if len(cut[2]) >= _OUTER_VALUES:
                label, label_end, values = cut
    return label, label_end, values


_OUTER_WORDS = 6  # the most words of an outer table a row of values may print after them
_OUTER_VALUES = 3  # the fewest values such a row prints (a sentence's ``6건 7회 공연`` has two)
# such a word: letters, no figure (a sentence's ``5.3% ↓)`` is none: its bracket opened before)
_OUTER_WORD = re.compile(r"^\(?[가-힣A-Za-z][^\d]*$")


def _values_at_end(line: str, number: int) -> tuple[str, int, list[Cell]]:
    words = [(m.start(), m.end(), m.group(0)) for m in WORD.finditer(line)]
    values: list[Cell] = []
    index = len(words)
    while index > 0:
        start, end, text = words[index - 1]
        if not is_quantity(text):
            break
        index -= 1
        if index > 0 and words[index - 1][2] in _LONE_SIGN:
            index -= 1
            start = words[index][0]
            text = line[start:end]
        values.insert(0, Cell(number, 0, clean_cell(text), start, end))
    label_end = words[index - 1][1] if index else 0
    return line[:label_end].strip(), label_end, values


def numeric_tail_blocks(lines: list[str], taken: set[int]) -> list[Block]:
    tails = {}
    for number, line in enumerate(lines, start=1):
        if number in taken or "\t" in line or "|" in line or is_page_number(line):
            continue
        label, label_end, values = _tail(line, number)
        # A line ending in years is a header printed over the columns (``공약사업 총계 2022~2023
        # 2024 2025``), not a row.
        if len(values) >= 2 and not all(is_year(v.text) for v in values):
            tails[number] = (label, label_end, values)
    blocks, number = [], 1
    while number <= len(lines):
        if number not in tails:
            number += 1
            continue
        rows_lines, pending, scan = [], [], number
        while scan <= len(lines):
            line = lines[scan - 1]
            if scan in tails:
                rows_lines.append((pending, scan))
                pending = []
            elif not line.strip():
                pass
            elif BOX_LINE.match(line):
                break  # a box opens the next section
            elif is_cell_line(line) and scan not in taken and len(pending) < MAX_LABEL_LINES:
                if _wraps_label(line, tails, scan):
                    pending.append(scan)
            elif not rows_lines or not _beside_rows(line, lines, tails, rows_lines):
                break
            scan += 1
        if len(rows_lines) >= 2:
            blocks.append(_numeric_tail_block(lines, tails, rows_lines))
            number = rows_lines[-1][1] + 1
        else:
            number += 1
    return blocks


def _beside_rows(line: str, lines: list[str], tails: dict, rows_lines: list) -> bool:
    """A line whose every word stands left of the rows' labels or right of their values: the cells
    of a table the rows are printed inside (its 연번 ``10``, its ``선정`` and ``유산청``), which
    ``pdftotext -layout`` sets between the inner table's rows, whatever reader took them."""
    left, right = _extent(lines, tails, rows_lines)
    return all(m.end() <= left or m.start() >= right for m in WORD.finditer(line))


def _extent(lines: list[str], tails: dict, rows_lines: list) -> tuple[int, int]:
    """Where the rows print: their labels' start and their values' end."""
    return (min(len(lines[n - 1]) - len(lines[n - 1].lstrip()) for _, n in rows_lines),
            max(tails[n][2][-1].end for _, n in rows_lines))


def _wraps_label(line: str, tails: dict, number: int) -> bool:
    """A line between rows wraps the label of the row below unless it is a figure alone or stands
    right of that row's label: both are cells of a table the rows are printed inside (its 연번, its
    other columns), which ``pdftotext -layout`` sets between the inner table's rows."""
    below = next((tails[n] for n in sorted(tails) if n > number), None)
    text = line.strip()
    return not is_data(text) and not (below and below[2] and len(line) - len(line.lstrip()) > below[2][0].start)


def _numeric_tail_block(lines, tails, rows_lines) -> Block:
    counts = [len(tails[n][2]) for _, n in rows_lines]
    header_lines = lines_of_header(lines, rows_lines[0])
    labels = [(tails[n][0], tails[n][1]) for _, n in rows_lines]
    left, values_end = _extent(lines, tails, rows_lines)
    label_extent = (left, max(end for _, end in labels))
    right = values_end + _OUTER_GAP
    banded = banded_header(lines, header_lines, label_extent, right) if header_lines else None
    if banded and len(banded[1]) < max(counts):
        banded = None
    if not banded:
        placed = _placed_header(lines, tails, rows_lines, max(counts))
        if placed:
            header_lines, banded = placed
    width = len(banded[1]) if banded else Counter(counts).most_common(1)[0][0]
    places = _value_places([tails[n][2] for _, n in rows_lines], width) if banded else None
    rows = []
    for index, (label_lines, number) in enumerate(rows_lines):
        label, label_end, values = tails[number]
        if len(values) > width:
            label_end, values = values[len(values) - width - 1].end, values[len(values) - width:]
            label = lines[number - 1][:label_end].strip()
        # the number an outer table prints on the row's line (its 연번) is no part of its label
        texts = [clean_cell(lines[n - 1]) for n in label_lines] + ([_OUTER_NUMBER.sub("", label)] if label else [])
        first = label_lines[0] if label_lines else number
        first_line = lines[first - 1]
        label_cell = Cell(first, 0, " ".join(texts), len(first_line) - len(first_line.lstrip()),
                          len(first_line.rstrip()) if label_lines else label_end)
        if places:
            cells = [Cell(number, 0, "", values[0].start, values[0].start) for _ in range(width)]
            for value, at in zip(values, places[index]):
                cells[at] = value
        else:
            cells = [Cell(number, 0, "", values[0].start, values[0].start)] * (width - len(values)) + values
        rows.append(renumber([label_cell] + cells))
    if banded:
        # the labels' header and each band set over every column it spans: none is carried on
        first, last = header_lines[0], header_lines[-1]
        header = [renumber([Cell(first, 0, banded[0], *label_extent, spanned=True)]
                            + [Cell(first, 0, band, 0, 0, spanned=True) for band, _ in banded[1]]),
                  renumber([Cell(last, 0, "", 0, 0)] + [Cell(last, 0, leaf, 0, 0) for _, leaf in banded[1]])]
        return Block("numeric_tail", header + rows, 2)
    # a header of one line is its last words; one of several lines may be squeezed, each line in
    # the columns' order
    if len(header_lines) > 1:
        header = stacked_header(lines, rows_lines[0], rows) or last_words_header(lines, rows_lines[0][1] - 1, width)
    else:
        header = last_words_header(lines, rows_lines[0][1] - 1, width) or stacked_header(lines, rows_lines[0], rows)
    return Block("numeric_tail", ([header] if header else []) + rows, 1 if header else 0)


def _placed_header(lines, tails, rows_lines, width: int):
    """``headers.placed_header`` over the columns the rows that print every value show, with the
    header's lines."""
    full = [tails[n][2] for _, n in rows_lines if len(tails[n][2]) == width]
    numbers = lines_of_header(lines, rows_lines[0], PLACED_HEADER_LINES)
    if not full or not numbers:
        return None
    columns = [(min(values[i].start for values in full), max(values[i].end for values in full)) for i in range(width)]
    header = placed_header(lines, numbers, columns)
    return (numbers, header) if header else None


def _value_places(rows: list[list[Cell]], width: int) -> list[list[int]]:
    """The column of each value of each row, ``width`` columns: a row printing a value in each
    column places them in order and shows where each column's values stand; a row printing fewer
    (its empty cells printed as nothing) places them in order in the columns they stand nearest,
    or from the first column on when no row is full."""
    full = [row for row in rows if len(row) == width]
    centres = [sum((row[c].start + row[c].end) / 2 for row in full) / len(full) for c in range(width)] if full else None
    places = []
    for row in rows:
        if len(row) == width or not centres:
            places.append(list(range(len(row))))
            continue
        places.append(_nearest_in_order([(c.start + c.end) / 2 for c in row], centres))
    return places


def _nearest_in_order(points: list[float], centres: list[float]) -> list[int]:
    """Columns for ``points`` in increasing order, minimising the distance of each to its column's
    centre (a value cannot stand left of one before it)."""
    n, m = len(points), len(centres)
    inf = float("inf")
    cost = [[inf] * (m + 1) for _ in range(n + 1)]
    cost[0] = [0.0] * (m + 1)
    for i in range(1, n + 1):
        for j in range(i, m + 1):
            cost[i][j] = min(cost[i][j - 1], cost[i - 1][j - 1] + abs(points[i - 1] - centres[j - 1]))
    places, j = [], m
    for i in range(n, 0, -1):
        while cost[i][j] == cost[i][j - 1] and j > i:
            j -= 1
        places.insert(0, j - 1)
        j -= 1
    return places


