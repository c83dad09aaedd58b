"""PDF: the text layer, page by page, as lines with their positions (pypdfium2).

pypdfium2 (Google's PDFium) was chosen over pdfplumber after reading the corpus with both
(``benchmarks/formats.py``): PDFium gives every character with its box at about a third of the
time poppler's ``pdftotext -layout`` takes, pdfplumber (pdfminer, pure Python) took eleven times
as long as poppler for the same characters. Lines are rebuilt from the characters' boxes, not from
PDFium's own line breaks: a table row whose cells sit a point apart in height is one line, and a
page footer drawn first in the content stream still comes last. Wide gaps become runs of spaces,
so columns stay apart the way ``pdftotext -layout`` prints them.

A ruled table states its cells: its rules are the page's path objects (PDFium), and pdfplumber's
table finder turns those edges into cells and tables (its geometry only: it reads no PDF here).
The characters inside a cell are that cell's text, and the table is a stated table, one line
per row, placed where it stands on the page.

A page without a text layer (a scan) is read by OCR where Tesseract is installed (``ocr.py``);
``read_by`` then names it and the number of pages it read.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from pdfplumber import table as plumber_table

from orchestration.extract.formats.model import Document, Line, StatedCell, mark_page_furniture, table_lines
from orchestration.extract.formats.ocr import ocr_page, tesseract_version
from orchestration.extract.text import ReadError, normalise_text

# How far a character's vertical centre may sit from its line's, in character heights.
SAME_LINE = 0.45
# A gap wider than this many character heights is a column gap (two spaces or more); between
# characters that do not follow each other in the text layer, one wider than WORD_GAP is a space.
COLUMN_GAP = 0.9
WORD_GAP = 0.35
# Between syllables that follow each other, a gap this many character heights wider than the
# gaps beside it is a space.
MOVED_PEN_GAP = 0.15
# Private-use glyphs are the bullets and boxes of Hancom's symbol fonts; they carry no text.
_PRIVATE_USE = range(0xE000, 0xF900)
# A path thinner than this (points) is a rule; rules closer than SNAP are one rule.
RULE = 3.0
SNAP = 3.0


@dataclass(frozen=True)
class _Char:
    text: str
    seq: int  # position among the page's printed characters, in content-stream order
    space_before: bool  # the text layer has a space (or line break) before it
    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2

    @property
    def height(self) -> float:
        return self.bottom - self.top


def read_pdf(data: bytes) -> Document:
    if b"%%EOF" not in data[-2048:]:
        raise ReadError("truncated", f"the PDF ends at byte {len(data)} without its end-of-file marker (%%EOF): "
                                     "it was cut off while being copied; fetch it again")
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        if getattr(error, "err_code", None) == pdfium_c.FPDF_ERR_PASSWORD:
            raise ReadError("encrypted", "the PDF is protected by a password; ask the publisher for an "
                                         "unprotected copy or save one without the password") from error
        raise ReadError("corrupt_pdf", f"PDFium cannot open it ({error}); fetch the file again or re-save it "
                                       "from the original") from error
    tables = [0]
    scanned, ocr = 0, None
    try:
        pages = [_page_lines(pdf, index, tables) for index in range(len(pdf))]
        blank = [index for index, lines in enumerate(pages) if not any(line.text.strip() for line in lines)]
        # Tesseract is asked for only when a page needs it: most PDFs have their text layer.
        ocr = tesseract_version() if blank else None
        for index in blank if ocr else []:
            pages[index] = ocr_page(pdf[index])
            scanned += bool(pages[index])
    finally:
        pdf.close()
    document = Document(format="pdf", pages=pages, read_by=f"pypdfium2 {pdfium.PYPDFIUM_INFO}"
                        + (f"; {ocr} for {scanned} page(s) without a text layer" if scanned else ""),
                        ocr=bool(scanned))
    if not document.has_text():
        advice = ("Tesseract read no text on them either" if ocr else
                  "install Tesseract's Korean model (make ocr) to have it read, or run OCR on it "
                  "(for example ocrmypdf -l kor) and put the result in raw/")
        raise ReadError("no_text_layer", f"none of its {len(pages)} page(s) has a text layer (a scan): {advice}")
    mark_page_furniture(document.pages)
    return document


def _page_lines(pdf: pdfium.PdfDocument, index: int, tables: list[int]) -> list[Line]:
    """One page at a time, closed after use, so a 300-page filing never holds more than a page."""
    page = pdf[index]
    textpage = page.get_textpage()
    try:
        height = page.get_height()
        grids = _ruled_tables(page, height)
        count = textpage.count_chars()
        text = textpage.get_text_range(0, count) if count else ""
        chars: list[_Char] = []
        space = False
        for i, ch in enumerate(text[:count]):
            if ch.isspace() or ord(ch) < 32:
                space = True
                continue
            if ord(ch) in _PRIVATE_USE:
                continue
            left, bottom, right, top = textpage.get_charbox(i, loose=True)
            chars.append(_Char(ch, len(chars), space, left, height - top, right, height - bottom))
            space = False
    finally:
        textpage.close()
        page.close()
    # A table ruled inside another's cell (a project's budget by year inside a row of the list of
    # projects) is a table of its own, read before the table around it takes the cell's text, and
    # placed after the row that holds it.
    blocks: dict[int, list[Line]] = {}
    by_area = sorted(range(len(grids)), key=lambda g: _area(grids[g].box))
    for index in by_area:
        grid = grids[index]
        # A character inside the table's box but in none of its cells (a diagram's label between
        # boxes) stays on the page as text: no cell claims it, and it is not lost.
        inside = [c for c in chars if _in_box(c, grid.box) and any(_in_box(c, cell) for cell in grid.cells)]
        if not inside:
            continue
        taken = {c.seq for c in inside}
        chars = [c for c in chars if c.seq not in taken]
        lines = _grid_lines(grid, inside, index)
        for child in [g for g in blocks if _contains(grid.box, grids[g].box)]:
            child_top = grids[child].box[1]
            after = max((n for n, line in enumerate(lines) if line.bbox and line.bbox[1] <= child_top), default=-1)
            lines[after + 1:after + 1] = blocks.pop(child)
        blocks[index] = lines
    # A table stands where its first row does: its box may reach higher, over text no cell holds
    # (a row run over from the page before, its top rule on that page), which goes first.
    placed = [(min((line.bbox[1] for line in lines if line.bbox), default=grids[index].box[1]), lines)
              for index, lines in blocks.items()]
    placed += [(min(c.top for c in row), [_line(row)]) for row in _rows(chars)]
    ordered = [line for _, lines in sorted(placed, key=lambda p: p[0]) for line in lines]
    numbers: dict[int, int] = {}
    for line in ordered:
        if line.table is not None:
            if line.table not in numbers:
                tables[0] += 1
                numbers[line.table] = tables[0]
            line.table = numbers[line.table]
    return ordered


def _area(box: tuple[float, float, float, float]) -> float:
    return (box[2] - box[0]) * (box[3] - box[1])


def _contains(outer: tuple[float, float, float, float], inner: tuple[float, float, float, float]) -> bool:
    return (outer[0] - SNAP <= inner[0] and outer[1] - SNAP <= inner[1] and inner[2] <= outer[2] + SNAP
            and inner[3] <= outer[3] + SNAP)


@dataclass(frozen=True)
class _Grid:
    box: tuple[float, float, float, float]  # x0, top, x1, bottom
    cells: list[tuple[float, float, float, float]]


def _ruled_tables(page: pdfium.PdfPage, height: float) -> list[_Grid]:
    """The page's ruled tables: rules from its path objects, cells and tables by pdfplumber."""
    edges = []
    for path in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH], max_depth=8):
        left, bottom, right, top = path.get_bounds()
        top, bottom = height - top, height - bottom
        width, tall = right - left, bottom - top
        if width <= RULE < tall:
            edges.append(_edge("v", (left + right) / 2, (left + right) / 2, top, bottom))
        elif tall <= RULE < width:
            edges.append(_edge("h", left, right, (top + bottom) / 2, (top + bottom) / 2))
        elif width > RULE and tall > RULE:  # a rectangle: its four sides
            edges += [_edge("h", left, right, top, top), _edge("h", left, right, bottom, bottom),
                      _edge("v", left, left, top, bottom), _edge("v", right, right, top, bottom)]
    if len(edges) < 4:
        return []
    edges = plumber_table.merge_edges(edges, SNAP, SNAP, SNAP, SNAP)
    edges = plumber_table.merge_edges(edges + _open_sides(edges), SNAP, SNAP, SNAP, SNAP)
    cells = plumber_table.intersections_to_cells(plumber_table.edges_to_intersections(edges, SNAP, SNAP))
    grids = []
    for found in plumber_table.cells_to_tables(cells):
        rows = {round(c[1]) for c in found}
        columns = {round(c[0]) for c in found}
        if len(rows) >= 2 and len(columns) >= 2:
            box = (min(c[0] for c in found), min(c[1] for c in found), max(c[2] for c in found), max(c[3] for c in found))
            grids.append(_Grid(box, found))
    return grids


def _open_sides(edges: list[dict]) -> list[dict]:
    """The left and right sides of tables drawn open at their sides, as Korean government tables
    often are: two rules one above the other that start (or end) at the same x, joined by column
    rules between their ends, close a row there; without the side, the row's first and last cells
    would have no box and their text would fall out of the table. One rule between them is not
    enough: an org chart's connector runs through its boxes."""
    rules = sorted((e for e in edges if e["orientation"] == "h"), key=lambda e: e["top"])
    uprights = [e for e in edges if e["orientation"] == "v"]
    sides = []
    for index, upper in enumerate(rules):
        lower = next((e for e in rules[index + 1:] if e["top"] - upper["top"] > SNAP
                      and e["x0"] < upper["x1"] and upper["x0"] < e["x1"]), None)
        if lower is None or sum(
                max(upper["x0"], lower["x0"]) + SNAP < v["x0"] < min(upper["x1"], lower["x1"]) - SNAP
                and v["top"] <= upper["top"] + SNAP and lower["top"] - SNAP <= v["bottom"] for v in uprights) < 2:
            continue
        for end in ("x0", "x1"):
            if abs(upper[end] - lower[end]) <= SNAP:
                sides.append(_edge("v", upper[end], upper[end], upper["top"], lower["top"]))
    return sides


def _edge(orientation: str, x0: float, x1: float, top: float, bottom: float) -> dict:
    return {"orientation": orientation, "x0": x0, "x1": x1, "top": top, "bottom": bottom,
            "width": x1 - x0, "height": bottom - top, "object_type": "line"}


def _in_box(char: _Char, box: tuple[float, float, float, float]) -> bool:
    x, y = (char.x0 + char.x1) / 2, char.middle
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def _grid_lines(grid: _Grid, chars: list[_Char], table: int) -> list[Line]:
    """A ruled table's cells at their grid positions, spans counted in the grid's columns and rows."""
    xs = sorted({round(v, 0) for c in grid.cells for v in (c[0], c[2])})
    ys = sorted({round(v, 0) for c in grid.cells for v in (c[1], c[3])})
    stated, boxes = [], {}
    for box in grid.cells:
        x0, top, x1, bottom = box
        column, row = xs.index(round(x0, 0)), ys.index(round(top, 0))
        # A cell ruled inside another's box (a header's 증감률 boxed under a 당초예산 whose rule
        # stops short) prints its own text, not the outer cell's.
        nested = [other for other in grid.cells if other != box and _contains(box, other) and _area(other) < _area(box)]
        inside = [c for c in chars if _in_box(c, box) and not any(_in_box(c, other) for other in nested)]
        text = " ".join(_line(line).text.strip() for line in _rows(inside)) if inside else ""
        stated.append(StatedCell(row, column, text, ys.index(round(bottom, 0)) - row, xs.index(round(x1, 0)) - column))
        boxes.setdefault(row, []).append((x0, top, x1, bottom))
    lines = table_lines(stated, table)
    rows = [r for r in sorted(boxes) if any(c.row == r and c.text for c in stated)]
    for line, row in zip(lines, rows):
        cells = boxes[row]
        line.bbox = (round(min(b[0] for b in cells), 1), round(min(b[1] for b in cells), 1),
                     round(max(b[2] for b in cells), 1), round(max(b[3] for b in cells), 1))
    return lines


def _rows(chars: list[_Char]) -> list[list[_Char]]:
    rows: list[list[_Char]] = []
    middles: list[float] = []
    heights: list[float] = []
    for char in sorted(chars, key=lambda c: (c.middle, c.x0)):
        if rows and abs(char.middle - middles[-1]) <= SAME_LINE * max(heights[-1], char.height, 1.0):
            rows[-1].append(char)
            continue
        rows.append([char])
        middles.append(char.middle)
        heights.append(char.height)
    return [sorted(row, key=lambda c: c.x0) for row in rows]


def _syllables(*chars: _Char) -> bool:
    return all("가" <= char.text <= "힣" for char in chars)


def _moved_pen_spaces(row: list[_Char], size: float) -> set[int]:
    """The gaps (by index in the row) between syllables that are spaces though no space character
    stands there: some text layers set words apart by moving the pen (w07 p27's title). Such a
    gap is wider than the gaps between the syllables beside it; a word spaced out letter by
    letter, every gap as wide, has none."""
    gaps = {index: char.x0 - before.x1 for index, (before, char) in enumerate(zip(row, row[1:]))
            if char.seq == before.seq + 1 and not char.space_before and _syllables(before, char)}
    spaces = set()
    for index, gap in gaps.items():
        beside = [gaps[i] for i in (index - 1, index + 1) if i in gaps]
        if beside and gap - max(beside) > MOVED_PEN_GAP * size:
            spaces.add(index)
    return spaces


def _line(row: list[_Char]) -> Line:
    size = statistics.median(c.height for c in row) or 1.0
    moved = _moved_pen_spaces(row, size)
    parts = [row[0].text]
    for index, (before, char) in enumerate(zip(row, row[1:])):
        gap = char.x0 - before.x1
        in_sequence = char.seq == before.seq + 1
        if gap > COLUMN_GAP * size:
            parts.append(" " * max(2, round(gap / (size * 0.5))))
        elif (char.space_before or index in moved) if in_sequence else gap > WORD_GAP * size:
            parts.append(" ")
        parts.append(char.text)
    bbox = (round(min(c.x0 for c in row), 1), round(min(c.top for c in row), 1),
            round(max(c.x1 for c in row), 1), round(max(c.bottom for c in row), 1))
    return Line(normalise_text("".join(parts)), bbox=bbox)
