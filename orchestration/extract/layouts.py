"""Find the rows and cells of tables in plain text, whatever the layout that printed them.

Text extracted from HWP, PDF and web pages prints one table in many ways. Each reader here
recognises one layout and returns *blocks*: rows of cells, each cell with its line and its
character span in that line (so that the number accounting knows exactly which digits a cell
took). Readers run in a fixed order and a line taken by one is not offered to the next:

- ``tab``: cells separated by tabs (the commonest HWP export);
- ``pipe_rows``: ``| a | b |`` rows, markdown rules (``|---|---|``) and ragged rows included;
- ``box_rows``: the same drawn with box-drawing characters (``│ a │ b │`` between ``├──┼──┤``
  rules), as a word processor's text export or a law's text draws a table;
- ``pipe_cells``: one cell per line, each ending in `` |`` (a bare ``|`` is an empty cell);
- ``aligned``: columns aligned by runs of two or more spaces;
- ``numeric_tail``: a label followed by a run of numbers, single spaces between them, where a
  wrapped label may stand on the lines above its numbers;
- ``cell_lines``: one cell per line, rows separated by blank lines.

What a block's columns *mean* (headers, labels, units) is decided later, in ``tables``, the same
way for every layout.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from orchestration.extract.numbers import is_labelled, is_pair, is_quantity
from orchestration.extract.text import LINE_MARKS, MIDDLE_DOTS, PIECE, is_page_number, printed_width

_HTML_TAG = re.compile(r"<[^>]+>")
_SPACES = re.compile(r"\s+")
_MARKDOWN_RULE = re.compile(r"^\s*:?-{3,}:?\s*$")
_YEAR = re.compile(r"^(19|20)\d{2}\s*년?(\s*\(.*\))?$")
_LONE_SIGN = frozenset({"△", "▲"})
MAX_CELL_LINE = 60
MAX_LABEL_LINES = 4
TEXT_TABLE_ROWS = 3
HEADER_WORD = 20  # the longest a header's label runs, in characters


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
    return _SPACES.sub(" ", _HTML_TAG.sub(" ", text)).strip()


def is_value(text: str) -> bool:
    return is_quantity(text) or is_pair(text) or is_labelled(text)


def is_year(text: str) -> bool:
    return bool(_YEAR.match(text))


def is_data(text: str) -> bool:
    """A value that prints a number and is not a year: years print as column headers as often
    as data, and ``-`` or 비예산 alone say nothing about a column."""
    return any(ch.isdigit() for ch in text) and is_value(text) and not is_year(text)


def find_blocks(lines: list[str], stated: list[Block] = (), captions: frozenset[int] = frozenset()) -> list[Block]:
    """Every table-like block in the text, in line order. ``lines[i]`` is line ``i + 1``.
    ``stated``: the tables the format states; their lines are theirs, never guessed again.
    ``captions``: lines that open a table (a unit note), never a row of columns aligned by spaces:
    tables printed one under the other, each under its caption, are not one table."""
    blocks: list[Block] = list(stated)
    taken: set[int] = {cell.line for block in blocks for row in block.rows for cell in row}
    for reader in (_tab_blocks, _pipe_row_blocks, _pipe_cell_blocks, _aligned_blocks,
                   _numeric_tail_blocks, _cell_line_blocks):
        for block in reader(lines, taken | captions if reader in (_aligned_blocks, _numeric_tail_blocks) else taken):
            blocks.append(block)
            taken.update(cell.line for row in block.rows for cell in row)
            taken.update(range(_first_line(block), _last_line(block) + 1))
    return sorted(blocks, key=_first_line)


def stated_block(rows: list[tuple[int, str, tuple[tuple[int, int, int], ...]]], header_rows: int | None) -> Block:
    """A table whose cells the format states: (line, text, cell spans) per row."""
    return Block("stated", [[Cell(number, column, clean_cell(text[start:end]), start, end)
                             for column, start, end in cells] for number, text, cells in rows], header_rows)


def _first_line(block: Block) -> int:
    return min(cell.line for row in block.rows for cell in row)


def _last_line(block: Block) -> int:
    return max(cell.line for row in block.rows for cell in row)


def _split(line: str, number: int, separator: str) -> list[Cell]:
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


def _runs(lines: list[str], taken: set[int], accepts) -> list[list[int]]:
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


def _renumber(row: list[Cell]) -> list[Cell]:
    return [Cell(c.line, i, c.text, c.start, c.end, c.spanned) for i, c in enumerate(row)]


# --- tab ---------------------------------------------------------------------------------------

def _is_tab_row(line: str) -> bool:
    return "\t" in line and bool(line.strip())


def _tab_blocks(lines: list[str], taken: set[int]) -> list[Block]:
    return [Block("tab", rows) for run in _runs(lines, taken, _is_tab_row)
            for rows in _tables_of([_split(lines[n - 1], n, "\t") for n in run])]


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


def _pipe_row_blocks(lines: list[str], taken: set[int]) -> list[Block]:
    boxed = any(map(_ANY_BOX.search, lines))
    return (_wall_blocks(lines, taken, _is_pipe_row, "pipe_rows")
            + (_wall_blocks(lines, taken, _is_box_row, "box_rows") if boxed else []))


def _wall_blocks(lines: list[str], taken: set[int], accepts, layout: str) -> list[Block]:
    """Rows of cells between walls, ``|`` or drawn (``│``)."""
    blocks = []
    for run in _runs(lines, taken, accepts):
        rows = []
        for number in run:
            line = lines[number - 1].translate(_BOX_WALLS)
            if _BOX_RULE.match(line):
                continue
            cells = _split(line, number, "|")
            if not line[: cells[0].end].strip():
                cells = cells[1:]
            if cells and not line[cells[-1].start:].strip():
                cells = cells[:-1]
            if all(_MARKDOWN_RULE.match(line[c.start:c.end]) or not c.text for c in cells):
                continue
            rows.append(_renumber(cells))
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


def _pipe_cell_blocks(lines: list[str], taken: set[int]) -> list[Block]:
    blocks = []
    for run in _runs(lines, taken, lambda line: _is_pipe_cell(line) or not line.strip()):
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


def _is_cell_line(line: str) -> bool:
    stripped = line.strip()
    return 0 < len(stripped) <= MAX_CELL_LINE and "\t" not in line and "|" not in line


def _cell_line_blocks(lines: list[str], taken: set[int]) -> list[Block]:
    """Short lines in blank-separated groups: a run of groups of two or more lines, each
    holding at least one number, after at most two groups without numbers (the header). A single
    such group is a table only under a header group of as many lines."""
    blocks = []
    for run in _runs(lines, taken, lambda line: _is_cell_line(line) or not line.strip()):
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


# --- columns aligned by runs of spaces ---------------------------------------------------------

def _aligned_parts(line: str, number: int) -> list[Cell]:
    """Pieces of a line separated by two or more spaces, with their spans."""
    return [Cell(number, 0, clean_cell(m.group(0)), m.start(), m.end()) for m in PIECE.finditer(line)]


# A box opens a section of the plan (``□ 인   력 : 정원 76 / 현원 75``): its line is a caption or a
# headline, never a row, even when its words are spaced out like a row's.
_BOX_LINE = re.compile(r"^\s*[□■◼◻▣]\s")


def _is_aligned_row(line: str) -> bool:
    pieces = PIECE.findall(line.strip())
    return ("\t" not in line and "|" not in line and len(pieces) >= 2 and not _BOX_LINE.match(line)
            and not any(_is_figure_run(piece) for piece in pieces))


def _is_figure_run(piece: str) -> bool:
    """Three figures or more a single space apart (``75 - - 75 75``): a row whose values are not
    aligned by spaces, the numeric tail's."""
    words = piece.split(" ")
    return len(words) >= 3 and all(is_quantity(w) for w in words) and sum(is_data(w) for w in words) >= 2


def _aligned_runs(lines: list[str], taken: set[int]) -> list[list[int]]:
    """Runs of rows aligned by spaces; a line holding one value alone joins the run above it to the
    rows below it (a total under its column, its label cell merged with the header's above), when
    two rows or more follow; so does a header's line of one piece between a header of two lines
    or more above and the rows below (``당초 대비 최종 대비``, two labels a single space apart). Below
    a header of one line, such a line is a cell's text wrapped above its row (a candidate's
    school over the row of the candidate's name)."""
    runs = _runs(lines, taken, _is_aligned_row)
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


_ROW_GAP = 3  # lines between two rows of one table: blank, or a label wrapped onto its own


def _rows_go_on(lines: list[str], taken: set[int], above: list[int], run: list[int]) -> bool:
    """``pdftotext -layout`` sets a blank line between rows of unequal height, and a label wrapped
    in its cell onto a line of its own (``공공질서및안전``): the rows below go on the table above
    when no more than a few such lines part them, both print figures and the figures of the first
    row below stand in the columns of the rows above, a table of two lines or more (rows alone, a
    blank line apart, may be another reader's: a label and figures a single space apart). So does
    a blank line under a header of one line."""
    gap = range(above[-1] + 1, run[0])
    if not 0 < len(gap) <= _ROW_GAP or any(n in taken for n in gap):
        return False
    values = [[c for c in _aligned_parts(lines[n - 1], n) if is_data(c.text)] for n in above]
    values = [row for row in values if row]
    below = [c for c in _aligned_parts(lines[run[0] - 1], run[0]) if is_data(c.text)]
    if not below:
        return False
    if not values:
        # a header of one line alone, a blank line over its rows: the figures stand under its labels
        values = [_aligned_parts(lines[above[-1] - 1], above[-1])[1:]]
        if len(above) > 1 or not values[0] or any(lines[n - 1].strip() for n in gap):
            return False
    elif len(above) < 2:
        return False
    first_value = min(row[0].start for row in values)
    columns = _column_ranges(values)
    return (all(_is_wrapped_label(lines[n - 1], first_value) for n in gap)
            and all(any(start < cell.end and cell.start < end for start, end in columns) for cell in below))


def _is_wrapped_label(line: str, first_value: int) -> bool:
    """Blank, or one piece of words alone in the column of labels (left of the first figure):
    neither a figure nor a heading's mark."""
    pieces = _aligned_parts(line, 0)
    return not pieces or (len(pieces) == 1 and pieces[0].start < first_value and not is_data(pieces[0].text)
                          and not _MARKS.match(pieces[0].text).end())


_MARKS = re.compile(LINE_MARKS)


def _is_header_piece(line: str) -> bool:
    """A line that may be a header's label alone: one short piece, indented, no figure and no
    bracketed note."""
    pieces = PIECE.findall(line.strip())
    return (len(pieces) == 1 and line[:1].isspace() and len(pieces[0]) <= HEADER_WORD
            and not is_data(pieces[0]) and not _BRACKETED.match(pieces[0]))


def _is_lone_value(line: str) -> bool:
    pieces = PIECE.findall(line.strip())
    return len(pieces) == 1 and line[:1].isspace() and is_data(pieces[0])


def _aligned_blocks(lines: list[str], taken: set[int]) -> list[Block]:
    blocks = []
    for run in _aligned_runs(lines, taken):
        pieces = {n: _aligned_parts(lines[n - 1], n) for n in run}
        run = _header_lines_above(lines, taken, run, pieces) + run
        parts = _spread_words_joined({n: _dots_joined(pieces.get(n) or _aligned_parts(lines[n - 1], n)) for n in run})
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
                band = _band(cell, column, [placed[n] for n in below], others)
                # a word over a column of labels (구 분) heads that column alone; a title over the
                # whole table is longer
                heads_labels = band == [0] and labelled and bool(below) and len(cell.text.replace(" ", "")) <= 4
                for at in band:
                    previous = row[at]
                    text = f"{previous.text} {cell.text}".strip()
                    row[at] = Cell(number, at, text, min(previous.start, cell.start) if previous.text else cell.start,
                                   cell.end, spanned=len(band) > 1 or heads_labels)
            rows.append(row)
        blocks.append(Block("aligned", rows))
    return blocks


# A line that only notes something about the table (``(’25년 1월 기준)``), in brackets whole.
_BRACKETED = re.compile(r"^[(\[<].*[)\]>]$")


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
        if not _is_header_piece(lines[number - 1]) or _aligned_parts(lines[number - 1], number)[0].start <= labels_end:
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


def _band(cell: Cell, column: int, below: list[list[tuple[Cell, int]]], others: set[int]) -> list[int]:
    """The columns a header label spans: its own alone, unless header rows below it print under
    it and it is not set flush with them. ``pdftotext -layout`` centres a label spanning several
    columns over them, so the label spans the columns (its own among them, none another label of
    its row holds) whose extent below it is centred nearest its own. Extents are measured as
    printed, a Hangul syllable two wide."""
    extents: dict[int, tuple[int, int]] = {}
    for row in below:
        for piece, at in row:
            start, end = _extent(piece)
            low, high = extents.get(at, (start, end))
            extents[at] = (min(low, start), max(high, end))
    flush = any(piece.start == cell.start and at == column for row in below for piece, at in row)
    if not below or column not in extents or column == 0 or column in others or flush:
        # set flush with what is under it, a label heads its column, or more by being carried
        return [column]
    start, end = _extent(cell)
    centre = (start + end) / 2
    bands = [list(range(first, last + 1)) for first in range(1, column + 1) for last in range(column, max(extents) + 1)
             if all(c in extents and c not in others for c in range(first, last + 1))]
    return min(bands, key=lambda band: (abs((extents[band[0]][0] + extents[band[-1]][1]) / 2 - centre), len(band)))


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
        for cell in row:
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
    beyond = [Cell(0, 0, c.text, c.start, c.end) for c in cells if c.start > end]
    return _column_ranges([beyond]) if beyond else []


def _best_column(cell: Cell, columns: list[tuple[int, int]]) -> int:
    def overlap(i: int) -> int:
        start, end = columns[i]
        return min(end, cell.end) - max(start, cell.start)

    best = max(range(len(columns)), key=lambda i: (overlap(i), -i))
    if overlap(best) > 0:
        return best
    return min(range(len(columns)), key=lambda i: abs(columns[i][0] - cell.start))


# --- a label, then numbers separated by single spaces ------------------------------------------

_WORD = re.compile(r"\S+")


def _tail(line: str, number: int) -> tuple[str, int, list[Cell]]:
    """(label, label end, trailing value cells) of a line; ``△ 35,354`` counts as one value.
    ``pdftotext -layout`` prints a table set inside another's cell on the outer table's lines: a
    few words after three values or more, none with a figure (``국 가      O``, ``문화체육   O``),
    are the outer table's and left out."""
    label, label_end, values = _values_at_end(line, number)
    if len(values) < 2:
        words = list(_WORD.finditer(line))
        last = max((i for i, w in enumerate(words) if is_quantity(w.group(0))), default=None)
        after = words[last + 1:] if last is not None else []
        head = line[:after[0].start()] if after else ""
        if (0 < len(after) <= _OUTER_WORDS and head.count("(") == head.count(")")
                and all(_OUTER_WORD.match(w.group(0)) for w in after)):
            cut = _values_at_end(head, number)
            if len(cut[2]) >= _OUTER_VALUES:
                label, label_end, values = cut
    return label, label_end, values


_OUTER_WORDS = 4  # the most words of an outer table a row of values may print after them
_OUTER_VALUES = 3  # the fewest values such a row prints (a sentence's ``6건 7회 공연`` has two)
# such a word: letters, no figure (a sentence's ``5.3% ↓)`` is none: its bracket opened before)
_OUTER_WORD = re.compile(r"^\(?[가-힣A-Za-z][^\d]*$")


def _values_at_end(line: str, number: int) -> tuple[str, int, list[Cell]]:
    words = [(m.start(), m.end(), m.group(0)) for m in _WORD.finditer(line)]
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


def _numeric_tail_blocks(lines: list[str], taken: set[int]) -> list[Block]:
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
            elif _BOX_LINE.match(line):
                break  # a box opens the next section
            elif _is_cell_line(line) and scan not in taken and len(pending) < MAX_LABEL_LINES:
                if _wraps_label(line, tails, scan):
                    pending.append(scan)
            else:
                break
            scan += 1
        if len(rows_lines) >= 2:
            blocks.append(_numeric_tail_block(lines, tails, rows_lines))
            number = rows_lines[-1][1] + 1
        else:
            number += 1
    return blocks


def _wraps_label(line: str, tails: dict, number: int) -> bool:
    """A line between rows wraps the label of the row below unless it is a figure alone or stands
    right of that row's label: both are cells of a table the rows are printed inside (its 연번, its
    other columns), which ``pdftotext -layout`` sets between the inner table's rows."""
    below = next((tails[n] for n in sorted(tails) if n > number), None)
    text = line.strip()
    return not is_data(text) and not (below and below[2] and len(line) - len(line.lstrip()) > below[2][0].start)


def _numeric_tail_block(lines, tails, rows_lines) -> Block:
    counts = [len(tails[n][2]) for _, n in rows_lines]
    header_lines = _header_lines(lines, rows_lines[0])
    labels = [(tails[n][0], tails[n][1]) for _, n in rows_lines]
    label_extent = (min(len(lines[n - 1]) - len(lines[n - 1].lstrip()) for _, n in rows_lines),
                    max(end for _, end in labels))
    banded = _banded_header(lines, header_lines, label_extent) if header_lines else None
    if banded and len(banded[1]) < max(counts):
        banded = None
    width = len(banded[1]) if banded else Counter(counts).most_common(1)[0][0]
    places = _value_places([tails[n][2] for _, n in rows_lines], width) if banded else None
    rows = []
    for index, (label_lines, number) in enumerate(rows_lines):
        label, label_end, values = tails[number]
        if len(values) > width:
            label_end, values = values[len(values) - width - 1].end, values[len(values) - width:]
            label = lines[number - 1][:label_end].strip()
        texts = [clean_cell(lines[n - 1]) for n in label_lines] + ([label] if label else [])
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
        rows.append(_renumber([label_cell] + cells))
    if banded:
        # the labels' header and each band set over every column it spans: none is carried on
        first, last = header_lines[0], header_lines[-1]
        header = [_renumber([Cell(first, 0, banded[0], *label_extent, spanned=True)]
                            + [Cell(first, 0, band, 0, 0, spanned=True) for band, _ in banded[1]]),
                  _renumber([Cell(last, 0, "", 0, 0)] + [Cell(last, 0, leaf, 0, 0) for _, leaf in banded[1]])]
        return Block("numeric_tail", header + rows, 2)
    header = _stacked_header(lines, rows_lines[0], rows) or _numeric_tail_header(lines, rows_lines[0][1] - 1, width)
    return Block("numeric_tail", ([header] if header else []) + rows, 1 if header else 0)


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


def _numeric_tail_header(lines: list[str], above: int, width: int) -> list[Cell] | None:
    """The header printed over the lines above the first row: its last ``width`` words head the
    value columns (``2022~`` over ``2023`` is one header, a spaced ``총 계`` one word), the words
    before them on the same line head the label column."""
    numbers = []
    while above >= 1 and lines[above - 1].strip() and len(numbers) < MAX_LABEL_LINES:
        numbers.insert(0, above)
        above -= 1
    words = [Cell(n, 0, m.group(0), m.start(), m.end()) for n in numbers for m in _WORD.finditer(lines[n - 1])]
    merged = _merge_header_words(words)
    if len(merged) <= width or any(is_data(c.text) for c in merged[-width:]):
        return None
    labels = merged[-width:]
    first_line = labels[0].line
    label_head = [c for c in merged[:-width] if c.line == first_line]
    head = (Cell(first_line, 0, " ".join(c.text for c in label_head), label_head[0].start, label_head[-1].end)
            if label_head else Cell(first_line, 0, "", 0, 0))
    return _renumber([head] + labels)


def _stacked_header(lines: list[str], first: tuple[list[int], int], rows: list[list[Cell]]) -> list[Cell] | None:
    """A header ``pdftotext -layout`` squeezed narrower than the columns under it: each line of
    it still prints its words in the columns' order, so a line printing as many words as there are
    columns right of its first word heads those columns one by one (``문 화 문 화 영 상`` pairs of
    syllables where that makes the count). A line printing fewer (``콘텐츠``, a word wrapped to a
    line of its own) heads the columns its pieces stand over in the lines read one by one, a piece
    over several split evenly among them; a piece over none heads the column it stands nearest,
    the labels' or a value column. Each column's header is its lines' words, top to bottom.
    ``first``: the first row's label lines and line; the header may stand a blank line or two
    above it."""
    numbers = _header_lines(lines, first)
    extents = _column_extents(rows)
    labels_end = extents[0][1] if 0 in extents else 0
    placed: dict[int, dict[int, str]] = {}
    heads: dict[int, tuple[int, int]] = {}  # each column's extent in the lines read one by one
    for n in numbers:
        tokens = [Cell(n, 0, m.group(0), m.start(), m.end()) for m in _WORD.finditer(lines[n - 1]) if m.start() >= labels_end]
        covered = [c for c in sorted(extents) if c and tokens and extents[c][1] > tokens[0].start]
        words = next((w for w in _word_readings(tokens) if len(w) == len(covered) >= 3), None)
        if words:
            placed[n] = {c: w.text for c, w in zip(covered, words)}
            for c, w in zip(covered, words):
                low, high = heads.get(c, (w.start, w.end))
                heads[c] = (min(low, w.start), max(high, w.end))
    if not placed:
        return None
    # over the first line printing the columns' words, a line is the header's while each of its
    # pieces stands within the columns it stands over: one jutting out of them is a title or a
    # sentence
    top = numbers.index(min(placed))
    while top and all(_within(piece, heads) for piece in _aligned_parts(lines[numbers[top - 1] - 1], 0)):
        top -= 1
    numbers = numbers[top:]
    for n in numbers:
        if n not in placed:
            placed[n] = {}
            for piece in _aligned_parts(lines[n - 1], n):
                for column, text in _stacked_piece(piece, heads, extents).items():
                    placed[n][column] = f"{placed[n].get(column, '')} {text}".strip()
    texts = [" ".join(placed[n][c] for n in numbers if placed[n].get(c)) for c in range(len(rows[0]))]
    return [Cell(numbers[0], c, text, *(heads.get(c) or extents.get(c, (0, 0)))) for c, text in enumerate(texts)]


_HEADER_GAP = 3  # lines from a row up to its header, the blank ones between included


def _header_lines(lines: list[str], first: tuple[list[int], int]) -> list[int]:
    """The lines of words over a numeric tail's first row (``first``: its label lines and line),
    a blank line or two above it allowed: no figure, no note in brackets, no box."""
    label_lines, number = first
    above = (label_lines[0] if label_lines else number) - 1
    while above >= 1 and not lines[above - 1].strip() and number - above <= _HEADER_GAP:
        above -= 1
    numbers: list[int] = []
    while above >= 1 and lines[above - 1].strip() and len(numbers) < MAX_LABEL_LINES:
        line = lines[above - 1].strip()
        if _BRACKETED.match(line) or _BOX_LINE.match(line) or any(is_data(w) for w in line.split()):
            break
        numbers.insert(0, above)
        above -= 1
    return numbers


# A year heading a band of columns or a column (``’23년``, ``2025년``), glued to the word before it
# as pdftotext may print it (``예산’23년``).
_PERIOD = re.compile(r"^[‘’'`]?(?:19|20)?\d{2}년")
_GLUED_PERIOD = re.compile(r"(?<=[^\s(~])(?=[‘’'`]\d{2}년)")


def _banded_header(lines: list[str], numbers: list[int],
                   label_extent: tuple[int, int]) -> tuple[str, list[tuple[str, str]]] | None:
    """A header of two levels ``pdftotext -layout`` squeezed so that its words no longer stand
    over their columns (``구 분 총사업비 ’23년 이전 ’24년`` over ``(‘24년) 예산 집행 예산 집행 ’25년
    ’26년 이후``) is read by what its words are: a run of words repeated (``예산 집행`` twice) is
    the lower level of as many bands, the first periods (a year and the word after it printed once,
    ``’23년 이전``) in the order printed; the words before the run head a column each (a note in
    brackets under a word belongs to it: ``총사업비 (‘24년)``), the periods left over each head
    one. Words over the labels head them. (labels' header, each column's band and header), or
    None when the header has no such run."""
    tokens = []
    for n in numbers:
        for match in _WORD.finditer(lines[n - 1]):
            cuts = [0] + [m.start() for m in _GLUED_PERIOD.finditer(match.group(0))] + [len(match.group(0))]
            tokens += [Cell(n, 0, match.group(0)[a:b], match.start() + a, match.start() + b) for a, b in zip(cuts, cuts[1:])]
    label = [t for t in tokens if t.start < label_extent[1] and label_extent[0] < t.end]
    words: list[list[Cell]] = []
    periods: list[list[Cell]] = []
    counts = Counter(t.text for t in tokens)
    for token in (t for t in tokens if t not in label):
        previous = words[-1] if words else None
        if token.text.startswith("("):
            over = [w for w in words + periods if w[0].line < token.line]
            owner = min(over, key=lambda w: abs(w[0].start - token.start), default=previous)
            if owner is None:
                return None
            owner.append(token)
        elif _PERIOD.match(token.text):
            periods.append([token])
        elif (periods and periods[-1][-1].line == token.line and len(periods[-1]) == 1 and periods[-1][0].end < token.start
              and counts[token.text] == 1 and tokens.index(token) == tokens.index(periods[-1][0]) + 1):
            periods[-1].append(token)
        else:
            words.append([token])
    names = [" ".join(t.text for t in word) for word in words]
    repeat = _repeated_run(names)
    if repeat is None:
        return None
    start, size, times = repeat
    periods.sort(key=lambda p: p[0].start)
    if names[start + size * times:] or len(periods) < times:
        return None
    bands = [" ".join(t.text for t in p) for p in periods]
    leaves = ([("", name) for name in names[:start]]
              + [(bands[b], name) for b in range(times) for name in names[start:start + size]]
              + [("", band) for band in bands[times:]])
    return " ".join(t.text for t in label), leaves


def _repeated_run(names: list[str]) -> tuple[int, int, int] | None:
    """(start, size, times) of the longest run of words printed over again (``예산 집행 예산 집행``)."""
    best = None
    for size in range(1, len(names) // 2 + 1):
        for start in range(len(names) - 2 * size + 1):
            times = 1
            while names[start + times * size:start + (times + 1) * size] == names[start:start + size]:
                times += 1
            if times >= 2 and (best is None or times * size > best[1] * best[2]):
                best = (start, size, times)
    return best


def _column_extents(rows: list[list[Cell]]) -> dict[int, tuple[int, int]]:
    extents: dict[int, tuple[int, int]] = {}
    for row in rows:
        for cell in row:
            if cell.text:
                low, high = extents.get(cell.column, (cell.start, cell.end))
                extents[cell.column] = (min(low, cell.start), max(high, cell.end))
    return extents


def _word_readings(tokens: list[Cell]) -> list[list[Cell]]:
    """The words a header line may print: its runs of single syllables one space apart (a word
    spaced out) each one word, or, when every run's length is a multiple of two (or three), each
    two (three) syllables a word (``문 화 문 화``: two names of two syllables, squeezed; ``담 당 관
    담 당 관``)."""
    runs: list[list[Cell]] = []
    for token in tokens:
        if (runs and _SYLLABLE.match(token.text) and _SYLLABLE.match(runs[-1][-1].text)
                and token.start == runs[-1][-1].end + 1):
            runs[-1].append(token)
        else:
            runs.append([token])
    def word(run: list[Cell]) -> Cell:
        return Cell(run[0].line, 0, "".join(t.text for t in run), run[0].start, run[-1].end)
    readings = [[word(run) for run in runs]]
    spread = [run for run in runs if len(run) > 1]
    for size in _SQUEEZED_WORD_SIZES:
        if spread and all(len(run) % size == 0 for run in spread):
            readings.append([word(run[i:i + size]) if len(run) > 1 else word(run)
                             for run in runs for i in range(0, len(run), size)])
    return readings


_SQUEEZED_WORD_SIZES = (2, 3)  # syllables of the names squeezed together: 문화 문화, 담당관 담당관


def _heads_under(piece: Cell, heads: dict[int, tuple[int, int]]) -> list[int]:
    return [c for c, (start, end) in sorted(heads.items()) if start < piece.end and piece.start < end]


def _within(piece: Cell, heads: dict[int, tuple[int, int]], alone: bool = True) -> bool:
    """Whether a piece stands within the columns' words it stands over; ``alone``: a piece over
    one column's words or none is."""
    over = _heads_under(piece, heads)
    if not over or (alone and len(over) == 1):
        return True
    return heads[over[0]][0] - 1 <= piece.start and piece.end <= heads[over[-1]][1] + 1


def _stacked_piece(piece: Cell, heads: dict[int, tuple[int, int]], extents: dict[int, tuple[int, int]]) -> dict[int, str]:
    """The columns a piece of a header line printing fewer words than columns heads, and its text
    in each: over several columns' words and within them, its words one to a column where they
    number the columns (``법 무 빅데이터 부울경초광역``), else its letters split evenly (``관 리관
    리``: 관리 and 관리); jutting out of the words it stands over, only its words standing over the
    labels or within a column's words (the rest, letters of two lines pdftotext merged, head
    nothing); over no column's words, the column it stands nearest."""
    over = _heads_under(piece, heads)
    if len(over) > 1 and _within(piece, heads):
        tokens = [Cell(piece.line, 0, m.group(0), piece.start + m.start(), piece.start + m.end())
                  for m in _WORD.finditer(piece.text)]
        words = next((w for w in _word_readings(tokens) if len(w) == len(over)), None)
        if words:
            return {c: w.text for c, w in zip(over, words)}
        letters = piece.text.replace(" ", "")
        if len(letters) % len(over) == 0:
            size = len(letters) // len(over)
            return {c: letters[i * size:(i + 1) * size] for i, c in enumerate(over)}
    if not _within(piece, heads, alone=False) and " " in piece.text:
        placed: dict[int, str] = {}
        for m in _WORD.finditer(piece.text):
            token = Cell(piece.line, 0, m.group(0), piece.start + m.start(), piece.start + m.end())
            labels = 0 in extents and extents[0][0] < token.end and token.start < extents[0][1]
            column = 0 if labels else next((c for c, (start, end) in heads.items()
                                             if start <= token.start and token.end <= end), None)
            if column is not None:
                placed[column] = f"{placed.get(column, '')} {token.text}".strip()
        return placed
    if over:
        return {max(over, key=lambda c: min(heads[c][1], piece.end) - max(heads[c][0], piece.start)): piece.text}
    return {min(extents, key=lambda c: max(extents[c][0] - piece.end, piece.start - extents[c][1], 0)): piece.text}


def _merge_header_words(words: list[Cell]) -> list[Cell]:
    merged: list[Cell] = []
    for word in words:
        if not (merged and _continues(merged[-1], word)):
            merged.append(word)
            continue
        last = merged[-1]
        wrapped = last.line != word.line
        glued = last.text.endswith(("~", "-")) or (wrapped and word.text.startswith(("~", "(")))
        span = (last.start, last.end) if wrapped else (last.start, word.end)
        merged[-1] = Cell(last.line, 0, last.text + ("" if glued else " ") + word.text, *span)
    return merged


_SYLLABLE = re.compile(r"^[가-힣]$")


def _continues(previous: Cell, word: Cell) -> bool:
    """``2022~`` over ``2023`` is one header; so is a word spaced out syllable by syllable (``총 계``)."""
    if previous.text.endswith(("~", "-")) or word.text.startswith(("~", "(")):
        return True
    last_piece = previous.text.rsplit(" ", 1)[-1]
    return previous.line == word.line and bool(_SYLLABLE.match(word.text)) and bool(_SYLLABLE.match(last_piece))
