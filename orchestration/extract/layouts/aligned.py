"""Tables whose columns are aligned by runs of two spaces or more, as ``pdftotext -layout`` and
many text exports print them: headers centred over the columns they span, words spread across
their cells, rows a blank line or a wrapped label apart."""

from __future__ import annotations

import re

from orchestration.extract.layouts.cells import (BOX_LINE, BRACKETED, HEADER_WORD, PERIOD, TEXT_TABLE_ROWS, Block,
                                                 Cell, clean_cell, is_data, line_runs)
from orchestration.extract.dates import DOTTED_DATE
from orchestration.extract.numbers import NUMBER_BODY, is_quantity
from orchestration.extract.text import LINE_MARKS, MIDDLE_DOTS, PIECE, printed_width


def aligned_parts(line: str, number: int) -> list[Cell]:
    """Pieces of a line separated by two or more spaces, with their spans. A figure a single space
    before a name (``244 출산보육과``) is two pieces: ``pdftotext -layout`` sets the words of a
    column that close to the figures before it when they run wide."""
    cells = []
    for m in PIECE.finditer(line):
        glued = _FIGURE_BEFORE_NAME.match(m.group(0))
        if glued:
            cells.append(Cell(number, 0, glued["figure"], m.start(), m.start() + glued.end("figure")))
            cells += _dates_apart(number, glued["name"], m.start() + glued.start("name"))
        else:
            cells += _dates_apart(number, m.group(0), m.start())
    return cells


_FIGURE_BEFORE_NAME = re.compile(rf"^(?P<figure>[△▲-]?{NUMBER_BODY}) (?P<name>[가-힣]{{2,}}.*)$")
_DATE_WORD = re.compile(rf"(?:(?<= )|^){DOTTED_DATE}(?= |$)")


def _dates_apart(number: int, piece: str, start: int) -> list[Cell]:
    """A piece's whole dates and the words beside them, a cell each: set a single space from the
    words of the columns beside (``체육정책과 2028.12.31.``, ``2025.12.31. 체육진흥계정``), a
    date is its own column's, never part of a name."""
    cuts = sorted({0, len(piece)} | {at for m in _DATE_WORD.finditer(piece) for at in (m.start(), m.end())})
    cells = []
    for a, b in zip(cuts, cuts[1:]):
        text = piece[a:b]
        if text.strip():
            lead = len(text) - len(text.lstrip())
            cells.append(Cell(number, 0, clean_cell(text), start + a + lead, start + a + len(text.rstrip())))
    return cells


def _is_aligned_row(line: str) -> bool:
    pieces = PIECE.findall(line.strip())
    return ("\t" not in line and "|" not in line and len(pieces) >= 2 and not BOX_LINE.match(line)
            and not any(_is_figure_run(piece) for piece in pieces))


def _is_figure_run(piece: str) -> bool:
    """Three figures or more a single space apart, one a number (``75 - - 75 75``, ``국 비 9,700 -
    - 200 200``, ``300 - - - -``): a row whose values are not aligned by spaces, the numeric
    tail's."""
    run: list[str] = []
    for word in piece.split(" ") + [""]:
        if word and is_quantity(word):
            run.append(word)
            continue
        if len(run) >= _FIGURE_RUN and any(is_data(w) for w in run):
            return True
        run = []
    return False


_FIGURE_RUN = 3


def _aligned_runs(lines: list[str], taken: set[int]) -> list[list[int]]:
    """Runs of rows aligned by spaces; a line holding one value alone joins the run above it to the
    rows below it (a total under its column, its label cell merged with the header's above), when
    two rows or more follow; so does a header's line of one piece between a header of two lines
    or more above and the rows below (``당초 대비 최종 대비``, two labels a single space apart). Below
    a header of one line, such a line is a cell's text wrapped above its row (a candidate's
    school over the row of the candidate's name). Runs a few blank lines or wrapped labels apart
    are one table where the rows below go on the columns above (``_rows_go_on``)."""
    runs = line_runs(lines, taken, _is_aligned_row)
    joined: list[list[int]] = []
    for run in runs:
        between = run[0] - 1  # the one line between this run and the one above it
        if joined and _rows_go_on(lines, taken, joined[-1], run):
            joined[-1] += [n for n in range(joined[-1][-1] + 1, run[0]) if lines[n - 1].strip()] + run
        elif (joined and joined[-1][-1] == between - 1 and len(run) >= 2 and between not in taken
                and (_is_lone_value(lines[between - 1])
                     or (_is_header_piece(lines[between - 1]) and len(joined[-1]) >= 2
                         and not any(is_data(p) for n in joined[-1] for p in PIECE.findall(lines[n - 1]))))):
            joined[-1] += [between] + run
        else:
            joined.append(run)
    return joined


# blank lines between two rows of one table, and as many lines of a cell's words wrapped onto their own
_ROW_GAP = 3


def _rows_go_on(lines: list[str], taken: set[int], above: list[int], run: list[int]) -> bool:
    """``pdftotext -layout`` sets a blank line between rows of unequal height, and a label wrapped
    in its cell onto a line of its own (``공공질서및안전``): the rows below go on the table above
    when no more than a few blank lines and a few such lines part them, both print figures and
    the figures of the first row below stand in the columns of the rows above (within a character
    or two: pdftotext's grid is coarse), a table of two lines or more (rows alone, a blank line
    apart, may be another reader's: a label and figures a single space apart). So do lines
    holding only a cell's words wrapped out of its row, and a blank line under a header of one
    line."""
    gap = range(above[-1] + 1, run[0])
    blank = sum(1 for n in gap if not lines[n - 1].strip())
    if not gap or blank > _ROW_GAP or len(gap) - blank > _ROW_GAP or any(n in taken for n in gap):
        return False
    values = [[c for c in aligned_parts(lines[n - 1], n) if is_data(c.text)] for n in above]
    values = [row for row in values if row]
    # the first row below printing figures: rows of words before it (a name wrapped above its
    # figures) go on the table only where they stand clear of its columns of figures, as a new
    # table's header does not
    leading: list[Cell] = []
    for n in run:
        cells = aligned_parts(lines[n - 1], n)
        below = [c for c in cells if is_data(c.text)]
        if below:
            break
        leading += cells
    else:
        return False
    if not values:
        # a header of one line alone, a blank line over its rows: the figures stand under its labels
        values = [aligned_parts(lines[above[-1] - 1], above[-1])[1:]]
        if len(above) > 1 or not values[0] or any(lines[n - 1].strip() for n in gap):
            return False
    elif len(above) < 2:
        return False
    first_value = min(row[0].start for row in values)
    columns = _column_ranges(values)
    extent = (first_value, max(c.end for n in above for c in aligned_parts(lines[n - 1], n)))
    return (all(_is_wrapped_label(lines[n - 1], first_value) or _is_wrapped_cell(lines[n - 1], extent, columns)
                for n in gap)
            and all(_clear_of(cell, columns) for cell in leading)
            and all(any(start - _SLACK < cell.end and cell.start < end + _SLACK for start, end in columns)
                    for cell in below))


_SLACK = 2  # characters pdftotext may set a figure off its column's place (its grid is coarse)


def _is_wrapped_label(line: str, first_value: int) -> bool:
    """Blank, or one piece of words alone in the column of labels (left of the first figure):
    neither a figure nor a heading's mark."""
    pieces = aligned_parts(line, 0)
    return not pieces or (len(pieces) == 1 and pieces[0].start < first_value and not is_data(pieces[0].text)
                          and not _MARKS.match(pieces[0].text).end())


def _is_wrapped_cell(line: str, extent: tuple[int, int], figures: list[tuple[int, int]]) -> bool:
    """The words of a cell wrapped onto lines of their own above and below its row (a 비고 or a
    소관부서 of two lines, ``통합계정``): no figure and no heading's mark, within the table and clear
    of its columns of figures (a heading between two tables runs across them)."""
    pieces = aligned_parts(line, 0)
    return all(not is_data(p.text) and not _MARKS.match(p.text).end() and _clear_of(p, figures)
               and extent[0] - _SLACK <= p.start and p.end <= extent[1] + _SLACK for p in pieces)


def _clear_of(cell: Cell, columns: list[tuple[int, int]]) -> bool:
    return not any(start < cell.end and cell.start < end for start, end in columns)


_MARKS = re.compile(LINE_MARKS)


def _is_header_piece(line: str) -> bool:
    """A line that may be a header's label alone: one short piece, indented, no figure and no
    bracketed note."""
    pieces = PIECE.findall(line.strip())
    return (len(pieces) == 1 and line[:1].isspace() and len(pieces[0]) <= HEADER_WORD
            and not is_data(pieces[0]) and not BRACKETED.match(pieces[0]))


def _is_lone_value(line: str) -> bool:
    pieces = PIECE.findall(line.strip())
    return len(pieces) == 1 and line[:1].isspace() and is_data(pieces[0])


def aligned_blocks(lines: list[str], taken: set[int]) -> list[Block]:
    blocks = []
    for run in _aligned_runs(lines, taken):
        pieces = {n: aligned_parts(lines[n - 1], n) for n in run}
        run = _header_lines_above(lines, taken, run, pieces) + run
        parts = _spread_words_joined({n: _dots_joined(pieces.get(n) or aligned_parts(lines[n - 1], n)) for n in run})
        body = [n for n in run if sum(1 for c in parts[n] if is_data(c.text)) >= 1]
        if not body and _is_text_table(run, parts):
            body = run
        if len(run) < 2 or not body:
            continue
        columns = _column_ranges([parts[n] for n in body])
        if len(columns) < 2:
            continue
        columns += _trailing_columns([c for n in run for c in parts[n]], columns[-1][1])
        placed = {n: [(cell, _best_column(cell, columns)) for cell in parts[n]] for n in run}
        headers = run[:run.index(body[0])]
        labelled = not any(is_data(cell.text) for n in body for cell, at in placed[n] if at == 0)
        rows = []
        for number in run:
            row = [Cell(number, i, "", start, start) for i, (start, _) in enumerate(columns)]
            below = run[run.index(number) + 1:] if number in headers[:-1] else []
            for cell, column in placed[number]:
                others = {c for other, c in placed[number] if other is not cell}
                band, centred = _band(cell, column, [placed[n] for n in below], others)
                # a word over a column of labels (구 분) heads that column alone; a title over the
                # whole table is longer
                heads_labels = band == [0] and labelled and bool(below) and len(cell.text.replace(" ", "")) <= 4
                for at in band:
                    previous = row[at]
                    text = f"{previous.text} {cell.text}".strip()
                    row[at] = Cell(number, at, text, min(previous.start, cell.start) if previous.text else cell.start,
                                   cell.end, spanned=len(band) > 1 or heads_labels or centred)
            if number in headers:
                row = _periods_apart(row)
            rows.append(row)
        blocks.append(Block("aligned", _centred_cells(rows, set(headers))))
    return blocks


def _centred_cells(rows: list[list[Cell]], headers: set[int]) -> list[list[Cell]]:
    """A cell of several lines set in the middle of its row's height: ``pdftotext -layout``
    prints the row's figures on a line between the cell's lines (``폐기물처리시설주변`` /
    ``기금   1994   65   자원순환과`` / ``지역주민지원기금``; a 소관부서 of two units around a row).
    A row of figures whose cell in a column is empty takes that column's words from the lines
    right above and right below it, when both print words there and no figure (and neither is
    the header's)."""
    for i in range(1, len(rows) - 1):
        above, row, below = rows[i - 1], rows[i], rows[i + 1]
        line = row[0].line
        figures = [cell.column for cell in row if is_data(cell.text)]
        if (not figures or above[0].line != line - 1 or below[0].line != line + 1
                or {above[0].line, below[0].line} & headers
                or any(is_data(cell.text) for cell in above + below)):
            continue
        for at in range(len(row)):
            if not row[at].text and above[at].text and below[at].text:
                row[at] = Cell(line, at, f"{above[at].text} {below[at].text}",
                               min(above[at].start, below[at].start), max(above[at].end, below[at].end))
                above[at] = Cell(above[at].line, at, "", above[at].start, above[at].start)
                below[at] = Cell(below[at].line, at, "", below[at].start, below[at].start)
    return rows


# Where a header label names another period (cells.PERIOD) opening a word.
_PERIOD_START = re.compile(rf"(?:(?<=\s)|^)(?={PERIOD})")


def _periods_apart(row: list[Cell]) -> list[Cell]:
    """A header label naming as many periods as there are empty columns from its own to the next
    label (``‘25년 예산 ‘24년 예산`` over two columns of values: pdftotext set the two a space apart,
    one piece) heads them a period each."""
    row = list(row)
    for at, cell in enumerate(row):
        cuts = [m.start() for m in _PERIOD_START.finditer(cell.text)]
        if len(cuts) < 2 or cuts[0] != 0:
            continue
        parts = [cell.text[a:b].strip() for a, b in zip(cuts, cuts[1:] + [len(cell.text)])]
        span = row[at + 1:at + len(parts)]
        if len(span) == len(parts) - 1 and not any(c.text for c in span) and all(parts):
            for offset, part in enumerate(parts):
                row[at + offset] = Cell(cell.line, at + offset, part, cell.start, cell.end)
    return row


def _header_lines_above(lines: list[str], taken: set[int], run: list[int], pieces: dict[int, list[Cell]]) -> list[int]:
    """A header label alone on its line over a table's header (``’25년 당초예산`` centred over the
    columns it spans) is no row of pieces, yet the header's: taken when it stands right above,
    over the table's columns of values rather than its labels, short and no bracketed note.
    ``pieces``: the run's lines' pieces."""
    above_first = run[0] - 1
    if (above_first < 1 or above_first in taken or not _is_header_piece(lines[above_first - 1])
            or any(is_data(c.text) for c in pieces[run[0]])):
        return []
    rows = [pieces[n] for n in run]
    labelled = [row for row in rows if row and not is_data(row[0].text) and any(is_data(c.text) for c in row)]
    labels_end = max((row[0].end for row in labelled), default=0)
    above: list[int] = []
    number = run[0] - 1
    while number >= 1 and number not in taken and len(above) < 2:
        if not _is_header_piece(lines[number - 1]) or aligned_parts(lines[number - 1], number)[0].start <= labels_end:
            break
        above.insert(0, number)
        number -= 1
    return above


def _dots_joined(row: list[Cell]) -> list[Cell]:
    """``pdftotext -layout`` may set a label's middle dot apart from the words it joins
    (``사회복지        ․보건``): a piece of words opened or closed by a middle dot is one label with
    the piece of words before it."""
    cells: list[Cell] = []
    for cell in row:
        previous = cells[-1] if cells else None
        if (previous and not is_data(previous.text) and not is_data(cell.text)
                and (MIDDLE_DOTS.match(cell.text) or MIDDLE_DOTS.search(previous.text[-1:]))):
            cells[-1] = Cell(cell.line, 0, previous.text + cell.text, previous.start, cell.end)
        else:
            cells.append(cell)
    return cells


_SYLLABLES = re.compile(r"^[가-힣](?: [가-힣])*$")


def _spread_words_joined(parts: dict[int, list[Cell]]) -> dict[int, list[Cell]]:
    """``pdftotext -layout`` prints a word spread evenly across its cell (``합      계``,
    ``공    기    업``) as syllables apart, each a piece: adjacent pieces of one syllable each are
    one word where no row of the table prints a value under them (over a column of values, ``국  시``
    are two headers). After a word of several syllables (``지 방      세``) a syllable is the word's
    end only where no row prints a longer piece under it: under ``복 지 정 책 과   계`` the rows print
    the unit's 정책사업비, and 계 is their total. A table of text alone is left as it is: its
    columns of names may well hold one syllable each (a team's name set vertically)."""
    if not any(_SYLLABLES.match(a.text) and len(b.text) == 1 and _SYLLABLES.match(b.text)
               for row in parts.values() for a, b in zip(row, row[1:])):
        return parts
    values = [_extent(c) for row in parts.values() for c in row if is_data(c.text)]
    if not values:
        return parts
    words = [_extent(c) for row in parts.values() for c in row if len(c.text) > 1]

    def alone(cell: Cell) -> bool:
        return not any(start < _extent(cell)[1] and cell.start < end for start, end in words)

    joined, spread = {}, set()
    for number, row in parts.items():
        cells: list[Cell] = []
        for cell in row:
            previous = cells[-1] if cells else None
            if (previous and _SYLLABLES.match(previous.text) and _SYLLABLES.match(cell.text)
                    and len(cell.text) == 1 and (len(previous.text) == 1 or previous.text in spread or alone(cell))
                    and not any(start < _extent(cell)[1] and previous.start < end for start, end in values)):
                cells[-1] = Cell(number, 0, f"{previous.text} {cell.text}", previous.start, cell.end)
                spread.add(cells[-1].text)
            else:
                cells.append(cell)
        joined[number] = cells
    return joined


def _band(cell: Cell, column: int, below: list[list[tuple[Cell, int]]], others: set[int]) -> tuple[list[int], bool]:
    """The columns a header label spans, and whether it is centred over them: its own alone,
    unless header rows below it print under it and it is not set flush with them. ``pdftotext
    -layout`` centres a label spanning several columns over them, so the label spans the columns
    (its own among them, none another label of its row holds) whose extent below it is centred
    nearest its own; centred over its own column alone and no wider than it (``2025년`` over
    운용규모), it heads that one and is carried no further. Extents are measured as printed, a
    Hangul syllable two wide."""
    extents: dict[int, tuple[int, int]] = {}
    for row in below:
        for piece, at in row:
            start, end = _extent(piece)
            low, high = extents.get(at, (start, end))
            extents[at] = (min(low, start), max(high, end))
    flush = any(piece.start == cell.start and at == column for row in below for piece, at in row)
    if not below or column not in extents or column == 0 or column in others or flush:
        # set flush with what is under it, a label heads its column, or more by being carried
        return [column], False
    start, end = _extent(cell)
    centre = (start + end) / 2
    bands = [list(range(first, last + 1)) for first in range(1, column + 1) for last in range(column, max(extents) + 1)
             if all(c in extents and c not in others for c in range(first, last + 1))]
    band = min(bands, key=lambda band: (abs((extents[band[0]][0] + extents[band[-1]][1]) / 2 - centre), len(band)))
    # a label no wider than the one column it is centred over heads it alone; a wider one may run
    # on over the next, carried as a flush one is
    alone = len(band) == 1 and end - start <= extents[column][1] - extents[column][0]
    return band, len(band) > 1 or alone


def _extent(cell: Cell) -> tuple[int, int]:
    return cell.start, cell.start + printed_width(cell.text)


def _is_text_table(run: list[int], parts: dict[int, list[Cell]]) -> bool:
    """A table of names alone (a pledge list: 추진전략, 관리번호, 공약명, 담당부서): no number to go
    by, so it takes a few rows that each print three pieces or more where the others do."""
    if len(run) < TEXT_TABLE_ROWS or any(len(parts[n]) < 3 for n in run):
        return False
    starts = [{c.start for c in parts[n]} for n in run]
    shared = set.intersection(*starts[1:]) if len(starts) > 1 else set()
    return len(shared) >= 2


def _column_ranges(rows: list[list[Cell]]) -> list[tuple[int, int]]:
    """Columns are the character ranges some body row prints in, between gaps none prints in."""
    width = max(c.end for row in rows for c in row)
    used = [False] * width
    for row in rows:
        # a name glued to the figure before it (aligned_parts) stands where its column is too narrow
        # to hold it: the other rows tell where that column is
        for cell in (c for i, c in enumerate(row) if i == 0 or c.line != row[i - 1].line or c.start - row[i - 1].end > 1):
            for i in range(cell.start, cell.end):
                used[i] = True
    ranges, start = [], None
    for i, flag in enumerate(used + [False]):
        if flag and start is None:
            start = i
        elif not flag and start is not None:
            ranges.append((start, i))
            start = None
    merged = [ranges[0]]
    for start, end in ranges[1:]:
        if start - merged[-1][1] < 2:
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def _trailing_columns(cells: list[Cell], end: int) -> list[tuple[int, int]]:
    """Columns no body row prints in, right of the last that one does: a 비고 column left empty
    still heads a column of its own, and its header is no part of the header before it."""
    beyond = [Cell(c.line, 0, c.text, c.start, c.end) for c in cells if c.start > end]
    return _column_ranges([beyond]) if beyond else []


def _best_column(cell: Cell, columns: list[tuple[int, int]]) -> int:
    def overlap(i: int) -> int:
        start, end = columns[i]
        return min(end, cell.end) - max(start, cell.start)

    # equal overlaps (a cell set a space from the figure before it, reaching into both columns):
    # the column that starts nearer the cell
    best = max(range(len(columns)), key=lambda i: (overlap(i), -abs(columns[i][0] - cell.start), -i))
    if overlap(best) > 0:
        return best
    return min(range(len(columns)), key=lambda i: abs(columns[i][0] - cell.start))


