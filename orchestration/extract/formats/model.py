"""The document model every format is read into: pages of lines, and the tables a format states.

Whatever the format, the parsers downstream see one thing: a list of pages, each a list of lines
(1-based within the page), and tables whose cells the format itself delimits (HWPX, HWP, HTML,
XLSX and CSV tables, ruled PDF tables). A stated table becomes lines too, one per row, its cells
joined by tabs, and keeps its cells' boundaries, so the number accounting and the excerpts read
it as any other line while the table reader takes its cells as stated instead of guessing them
from whitespace. Page headers, footers and page numbers are marked as such.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

import json

from orchestration.extract.contacts import ADDRESS_MASK, mask_contacts
from orchestration.extract.text import is_page_number, normalise_text, split_lines, squeeze, without_spaces

BODY, HEADER, FOOTER, PAGE_NUMBER = "body", "header", "footer", "page_number"
FURNITURE = frozenset({HEADER, FOOTER, PAGE_NUMBER})


@dataclass(frozen=True)
class StatedCell:
    """One cell as the format states it: its top-left grid position and its spans."""

    row: int
    column: int
    text: str
    row_span: int = 1
    column_span: int = 1
    header: bool = False


@dataclass
class Line:
    text: str
    role: str = BODY
    bbox: tuple[float, float, float, float] | None = None  # x0, top, x1, bottom in points (PDF)
    table: int | None = None  # the stated table (document-wide number, 1-based) this line is a row of
    header_rows: int | None = None  # of that table, when the format says which rows are headers
    cells: tuple[tuple[int, int, int], ...] = ()  # (column, start, end) of each cell in ``text``


@dataclass
class Document:
    format: str
    pages: list[list[Line]] = field(default_factory=list)
    encoding: str | None = None
    read_by: str = ""  # the library (and version) that read the bytes
    ocr: bool = False
    ends_with_line_break: bool = True  # only a text filing can end inside a line

    @property
    def page_count(self) -> int:
        return len(self.pages)

    def numbered_lines(self) -> list[tuple[int, int, Line]]:
        """(page, line within page, line) in reading order."""
        return [(p, n, line) for p, page in enumerate(self.pages, start=1) for n, line in enumerate(page, start=1)]

    @property
    def text(self) -> str:
        return "\n".join(line.text for _, _, line in self.numbered_lines())

    def has_text(self) -> bool:
        return any(line.text.strip() for page in self.pages for line in page)


def text_document(text: str, encoding: str | None = None) -> Document:
    """A text filing is one page, or the pages its form feeds part: a PDF converted to text
    (``pdftotext``) keeps each page's end as one, and a fact's page is then the PDF's. The form
    feed follows a page's last line break, so the lines count as in the file."""
    pages = text.split("\f")
    if len(pages) > 1 and not pages[-1].strip():
        pages.pop()
    document = Document(format="text", pages=[[Line(t) for t in split_lines(page)] for page in pages],
                        encoding=encoding, ends_with_line_break=text.rstrip("\f").endswith("\n"))
    mark_page_furniture(document.pages)
    return document


def cell_text(text: str) -> str:
    """A cell's paragraphs as one line: a tab or line break inside a cell would split the row."""
    return squeeze(normalise_text(text))


def _is_address_header(text: str) -> bool:
    return without_spaces(text).endswith("주소")


def table_lines(cells: list[StatedCell], table: int, header_rows: int | None = None) -> list[Line]:
    """The rows of a stated table as lines. A spanned cell prints its text in its first grid
    position and leaves the others empty (the table reader carries labels into them); a row
    made only of cells spanned from above prints nothing and is left out."""
    grid: dict[tuple[int, int], str] = {}
    width = 0
    for cell in cells:
        for r in range(cell.row, cell.row + max(cell.row_span, 1)):
            for c in range(cell.column, cell.column + max(cell.column_span, 1)):
                grid.setdefault((r, c), "")
        grid[(cell.row, cell.column)] = mask_contacts(cell_text(cell.text))
        width = max(width, cell.column + max(cell.column_span, 1))
    # A column headed 주소 holds people's street addresses (a candidate list): masked per cell,
    # before the row's cell boundaries are measured.
    first = min((cell.row for cell in cells), default=0)
    for column in range(width):
        if _is_address_header(grid.get((first, column), "")):
            for (r, c), text in grid.items():
                if c == column and r != first and text:
                    grid[(r, c)] = ADDRESS_MASK
    origins = {cell.row for cell in cells}
    lines = []
    for row in sorted(origins):
        texts = [grid.get((row, c), "") for c in range(width)]
        if not any(texts):
            continue
        spans, start = [], 0
        for column, text in enumerate(texts):
            spans.append((column, start, start + len(text)))
            start += len(text) + 1
        lines.append(Line("\t".join(texts), table=table, header_rows=header_rows, cells=tuple(spans)))
    return lines


def line_records(document: Document) -> list[dict]:
    """The lake's rows of a document's lines (the evidence store), in reading order."""
    records = []
    for number, (page, line_number, line) in enumerate(document.numbered_lines(), start=1):
        x0, top, x1, bottom = line.bbox or (None, None, None, None)
        records.append({"page_number": page, "line_number": line_number, "document_line": number,
                        "text": line.text if line.table else mask_contacts(line.text), "role": line.role,
                        "x0": x0, "top": top, "x1": x1, "bottom": bottom, "stated_table": line.table,
                        "stated_header_rows": line.header_rows,
                        "cells": json.dumps(line.cells) if line.table else None})
    return records


def document_from_records(format: str, records: list[dict]) -> Document:
    """The document back from the lake's rows of its lines."""
    pages: list[list[Line]] = []
    for record in records:
        while len(pages) < record["page_number"]:
            pages.append([])
        bbox = None if record.get("x0") is None else (record["x0"], record["top"], record["x1"], record["bottom"])
        cells = tuple(tuple(c) for c in json.loads(record["cells"])) if record.get("cells") else ()
        pages[record["page_number"] - 1].append(Line(record["text"], record.get("role") or BODY, bbox,
                                                     record.get("stated_table"), record.get("stated_header_rows"),
                                                     cells))
    return Document(format=format or "text", pages=pages or [[]])


_DIGITS = re.compile(r"\d+")
# A page number may sit on one of a page's two first or last lines (a date or a running title
# beside it); a running header or footer is the first or last line itself.
PAGE_NUMBER_LINES = 2


def mark_page_furniture(pages: list[list[Line]]) -> None:
    """Mark page numbers (a number alone near a page's top or bottom) and running headers and
    footers (the same first or last line, digits aside, on most pages). A running header's first
    print stays body text: on a form repeated page after page (a candidate's pledge sheet) it is
    where the document says whose it is."""
    if len(pages) < 2:
        return
    bodies = [[line for line in page if line.text.strip() and line.table is None] for page in pages]
    repeated: Counter[tuple[str, str]] = Counter()
    for body in bodies:
        if body:
            repeated.update({(HEADER, _shape(body[0].text)), (FOOTER, _shape(body[-1].text))})
    running = {key for key, count in repeated.items() if count * 2 >= len(pages) and count >= 3}
    seen: set[tuple[str, str]] = set()
    for body in bodies:
        for position, line in enumerate(body):
            from_end = len(body) - 1 - position
            if min(position, from_end) < PAGE_NUMBER_LINES and is_page_number(line.text):
                line.role = PAGE_NUMBER
                continue
            for role, at_edge in ((HEADER, position == 0), (FOOTER, from_end == 0)):
                key = (role, _shape(line.text))
                if at_edge and key in running:
                    if key in seen:
                        line.role = role
                    seen.add(key)


def _shape(text: str) -> str:
    return _DIGITS.sub("#", squeeze(text))
