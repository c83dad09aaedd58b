"""The header over a numeric tail's rows: its last words, one a column; or, where
``pdftotext -layout`` squeezed it narrower than its columns, its lines read in the columns' order,
or a header of two levels read by what its words are."""

from __future__ import annotations

import re
from collections import Counter
from itertools import combinations

from orchestration.extract.layouts.aligned import aligned_parts
from orchestration.extract.layouts.cells import (BOX_LINE, BRACKETED, MAX_LABEL_LINES, PERIOD, WORD, Cell, is_data,
                                                 renumber)
from orchestration.extract.text import printed_width


def last_words_header(lines: list[str], above: int, width: int) -> list[Cell] | None:
    """The header printed over the lines above the first row: its last ``width`` words head the
    value columns (``2022~`` over ``2023`` is one header, a spaced ``총 계`` one word), the words
    before them on the same line head the label column."""
    numbers = []
    while above >= 1 and lines[above - 1].strip() and len(numbers) < MAX_LABEL_LINES:
        numbers.insert(0, above)
        above -= 1
    words = [Cell(n, 0, m.group(0), m.start(), m.end()) for n in numbers for m in WORD.finditer(lines[n - 1])]
    merged = _merge_header_words(words)
    if len(merged) <= width or any(is_data(c.text) for c in merged[-width:]):
        return None
    labels = merged[-width:]
    first_line = labels[0].line
    label_head = [c for c in merged[:-width] if c.line == first_line]
    head = (Cell(first_line, 0, " ".join(c.text for c in label_head), label_head[0].start, label_head[-1].end)
            if label_head else Cell(first_line, 0, "", 0, 0))
    return renumber([head] + labels)


def stacked_header(lines: list[str], first: tuple[list[int], int], rows: list[list[Cell]]) -> list[Cell] | None:
    """A header ``pdftotext -layout`` squeezed narrower than the columns under it: each line of
    it still prints its words in the columns' order, so a line printing as many words as there are
    columns right of its first word heads those columns one by one (``문 화 문 화 영 상`` pairs of
    syllables where that makes the count). A line printing fewer (``콘텐츠``, a word wrapped to a
    line of its own) heads the columns its pieces stand over in the lines read one by one, a piece
    over several split evenly among them; a piece over none heads the column it stands nearest,
    the labels' or a value column. Each column's header is its lines' words, top to bottom.
    ``first``: the first row's label lines and line; the header may stand a blank line or two
    above it."""
    numbers = lines_of_header(lines, first)
    extents = _column_extents(rows)
    labels_end = extents[0][1] if 0 in extents else 0
    placed: dict[int, dict[int, str]] = {}
    heads: dict[int, tuple[int, int]] = {}  # each column's extent in the lines read one by one
    for n in numbers:
        tokens = [Cell(n, 0, m.group(0), m.start(), m.end()) for m in WORD.finditer(lines[n - 1]) if m.start() >= labels_end]
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
    while top and all(_within(piece, heads) for piece in aligned_parts(lines[numbers[top - 1] - 1], 0)):
        top -= 1
    numbers = numbers[top:]
    for n in numbers:
        if n not in placed:
            placed[n] = {}
            for piece in aligned_parts(lines[n - 1], n):
                for column, text in _stacked_piece(piece, heads, extents).items():
                    placed[n][column] = f"{placed[n].get(column, '')} {text}".strip()
    texts = [" ".join(placed[n][c] for n in numbers if placed[n].get(c)) for c in range(len(rows[0]))]
    return [Cell(numbers[0], c, text, *(heads.get(c) or extents.get(c, (0, 0)))) for c, text in enumerate(texts)]


_HEADER_GAP = 3  # lines from a row up to its header, the blank ones between included


def lines_of_header(lines: list[str], first: tuple[list[int], int], most: int = MAX_LABEL_LINES) -> list[int]:
    """The lines of words over a numeric tail's first row (``first``: its label lines and line),
    a blank line or two above it allowed: no figure, no note in brackets, no box; ``most`` of
    them."""
    label_lines, number = first
    above = (label_lines[0] if label_lines else number) - 1
    while above >= 1 and not lines[above - 1].strip() and number - above <= _HEADER_GAP:
        above -= 1
    numbers: list[int] = []
    while above >= 1 and lines[above - 1].strip() and len(numbers) < most:
        line = lines[above - 1].strip()
        if BRACKETED.match(line) or BOX_LINE.match(line) or any(is_data(w) for w in line.split()):
            break
        numbers.insert(0, above)
        above -= 1
    return numbers


# A period (cells.PERIOD), or one glued to the word before it as pdftotext may print it
# (``예산’23년``).
_PERIOD = re.compile(rf"^{PERIOD}")
_GLUED_PERIOD = re.compile(r"(?<=[^\s(~])(?=[‘’'`]\d{2}년)")


def banded_header(lines: list[str], numbers: list[int], label_extent: tuple[int, int],
                  right: int) -> tuple[str, list[tuple[str, str]]] | None:
    """A header of two levels ``pdftotext -layout`` squeezed so that its words no longer stand
    over their columns (``구 분 총사업비 ’23년 이전 ’24년`` over ``(‘24년) 예산 집행 예산 집행 ’25년
    ’26년 이후``) is read by what its words are: a run of words repeated (``예산 집행`` twice) is
    the lower level of as many bands, the first periods (a year and the word after it printed once,
    ``’23년 이전``) in the order printed; the words before the run head a column each (a note in
    brackets under a word belongs to it: ``총사업비 (‘24년)``), the periods left over each head
    one; words over the labels head them, words right of ``right`` or after the last period of
    their line nothing (an outer table's, ``… ’26년 이후 국 가``). Returns the labels' header and
    each column's band and header, or None when the header has no such run."""
    tokens = []
    for n in numbers:
        for match in (m for m in WORD.finditer(lines[n - 1]) if m.start() <= right):
            cuts = [0] + [m.start() for m in _GLUED_PERIOD.finditer(match.group(0))] + [len(match.group(0))]
            tokens += [Cell(n, 0, match.group(0)[a:b], match.start() + a, match.start() + b) for a, b in zip(cuts, cuts[1:])]
    label = [t for t in tokens if t.start < label_extent[1] and label_extent[0] < t.end]
    words: list[list[Cell]] = []
    periods: list[list[Cell]] = []
    counts = Counter(t.text for t in tokens)
    before = None  # the token read last
    for token in (t for t in tokens if t not in label):
        if token.text.startswith("("):
            over = [w for w in words + periods if w[0].line < token.line]
            owner = min(over, key=lambda w: abs(w[0].start - token.start), default=words[-1] if words else None)
            if owner is None:
                return None
            owner.append(token)
        elif _PERIOD.match(token.text):
            periods.append([token])
        elif periods and periods[-1] == [before] and before.line == token.line and counts[token.text] == 1:
            periods[-1].append(token)
        else:
            words.append([token])
        before = token
    names = [" ".join(t.text for t in word) for word in words]
    repeat = _repeated_run(names)
    if repeat is None:
        return None
    start, size, times = repeat
    periods.sort(key=lambda p: p[0].start)
    # words after the run that follow the last period on their line are an outer table's
    after = words[start + size * times:]
    if any(not any(p[-1].line == w[0].line and p[-1].end < w[0].start for p in periods) for w in after):
        return None
    if len(periods) < times:
        return None
    bands = [" ".join(t.text for t in p) for p in periods]
    leaves = ([("", name) for name in names[:start]]
              + [(bands[b], name) for b in range(times) for name in names[start:start + size]]
              + [("", band) for band in bands[times:]])
    return " ".join(t.text for t in label), leaves


PLACED_HEADER_LINES = 5  # a band's year, the labels' word, two levels of leaves and a line between


def placed_header(lines: list[str], numbers: list[int], columns: list[tuple[int, int]]
                  ) -> tuple[str, list[tuple[str, str]]] | None:
    """A header whose every word stands over the column it heads, its lines read together (w01
    p6 as ``pdftotext -layout`` prints it: ``2024년`` and ``2025년`` each alone on a line, ``회 계
    별`` over the labels, ``당초예산 당초예산 최종예산`` over ``증감률 증감률`` set a line lower, as
    a cell of two lines' height prints, a blank line above the rows). A word is its printed
    extent (a Hangul syllable two wide; a word spaced out, ``증 감 률``, one word): one left of the
    values' columns heads the labels; a year alone on its line is a band; any other word heads
    the one column it stands over, and one standing over none or several makes this no such
    header, nor does a column no word heads.
    The bands share the columns out in their order, each the run of columns whose middle stands
    nearest its own. ``columns``: each value column's extent in the rows. Returns the labels'
    header and each column's band and header, as ``banded_header`` does, or None."""
    label: list[str] = []
    leaves: dict[int, list[str]] = {}
    bands: list[tuple[float, str]] = []
    for n in numbers:
        tokens = [(piece.start, piece.start + printed_width(piece.text), piece.text)
                  for piece in aligned_parts(lines[n - 1], n)]
        if len(tokens) == 1 and _PERIOD.fullmatch(tokens[0][2]):
            bands.append(((tokens[0][0] + tokens[0][1]) / 2, tokens[0][2]))
            continue
        for start, end, text in tokens:
            if end <= columns[0][0]:
                label.append(text)
                continue
            over = [c for c, (low, high) in enumerate(columns) if start < high and low < end]
            if len(over) != 1:
                return None
            leaves.setdefault(over[0], []).append(text)
    if len(leaves) != len(columns):
        return None
    shares = _shares(bands, columns)
    return " ".join(label), [(shares[c], " ".join(leaves[c])) for c in range(len(columns))]


def _shares(bands: list[tuple[float, str]], columns: list[tuple[int, int]]) -> list[str]:
    """Each column's band: the bands, in order, each over a run of columns, the runs cut where
    the runs' middles stand nearest the bands' (none: no band)."""
    if not bands:
        return [""] * len(columns)
    bands = sorted(bands)

    def cost(cuts: tuple[int, ...]) -> float:
        edges = (0, *cuts, len(columns))
        return sum(abs((columns[a][0] + columns[b - 1][1]) / 2 - middle)
                   for (middle, _), a, b in zip(bands, edges, edges[1:]))
    cuts = min(combinations(range(1, len(columns)), len(bands) - 1), key=cost, default=None)
    if cuts is None:
        return [""] * len(columns)
    edges = (0, *cuts, len(columns))
    return [text for (_, text), a, b in zip(bands, edges, edges[1:]) for _ in range(a, b)]


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
                  for m in WORD.finditer(piece.text)]
        words = next((w for w in _word_readings(tokens) if len(w) == len(over)), None)
        if words:
            return {c: w.text for c, w in zip(over, words)}
        letters = piece.text.replace(" ", "")
        if len(letters) % len(over) == 0:
            size = len(letters) // len(over)
            return {c: letters[i * size:(i + 1) * size] for i, c in enumerate(over)}
    if not _within(piece, heads, alone=False) and " " in piece.text:
        placed: dict[int, str] = {}
        for m in WORD.finditer(piece.text):
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

