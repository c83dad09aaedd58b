"""HTML (lxml): every ``<table>`` a stated table with its row and column spans, the text outside
tables as lines broken where the page breaks them (block elements, ``<br>``). Scripts, styles and
the head are not text, nor a list of choices but the one chosen. A page is one page.
"""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

from orchestration.extract.formats.model import Document, Line, StatedCell, table_lines
from orchestration.extract.text import ReadError, decode_bytes, squeeze

_BLOCKS = frozenset("address article aside blockquote caption dd div dl dt fieldset figcaption figure footer "
                    "form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table tbody thead tfoot tr "
                    "td th ul".split())
_NOT_TEXT = frozenset({"script", "style", "noscript", "head", "template", "select", "option"})
_MARKUP = re.compile(rb"<\s*(?:!doctype\s+html|html|body|table|div|p)\b", re.IGNORECASE)


def looks_like_html(data: bytes) -> bool:
    return bool(_MARKUP.search(data[:4096]))


def read_html(data: bytes) -> Document:
    decoded = decode_bytes(data)
    try:
        root = lxml.html.document_fromstring(decoded.text)
    except (etree.ParserError, ValueError) as error:
        raise ReadError("corrupt_html", f"lxml cannot parse the page ({error})") from error
    walker = _Walker()
    walker.walk(root)
    walker.flush()
    lines = walker.lines
    while lines and not lines[-1].text:
        lines.pop()
    return Document(format="html", pages=[lines], encoding=decoded.encoding, read_by=f"lxml {etree.__version__}")


class _Walker:
    def __init__(self):
        self.lines: list[Line] = []
        self.text: list[str] = []
        self.tables = 0

    def flush(self) -> None:
        text = squeeze("".join(self.text))
        self.text.clear()
        if text:
            self.lines.append(Line(text))

    def walk(self, element) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag == "select":
            # what the page shows of a list of choices is the one chosen (the election a list of
            # candidates is for), not every choice it offers
            chosen = [squeeze(option.text_content()) for option in element.iter("option") if option.get("selected") is not None]
            self.flush()
            self.text.extend(chosen[:1])
            self.flush()
            return
        if tag in _NOT_TEXT or not tag:
            return
        if tag == "table" and not element.xpath(".//table"):
            self.flush()
            self.tables += 1
            cells, header_rows = _cells(element)
            self.lines.extend(table_lines(cells, self.tables, header_rows))
            return
        if tag == "br":
            self.flush()
            return
        block = tag in _BLOCKS
        if block:
            self.flush()
        self.text.append(element.text or "")
        for child in element:
            self.walk(child)
            self.text.append(child.tail or "")
        if block:
            self.flush()


def _cells(table) -> tuple[list[StatedCell], int | None]:
    """HTML gives cells in row order and leaves their grid positions to the reader: a cell takes
    the first column that no cell spanning down from a row above occupies."""
    occupied: set[tuple[int, int]] = set()
    cells: list[StatedCell] = []
    header_rows, in_header = 0, True
    for r, row in enumerate(table.xpath("./tr | ./thead/tr | ./tbody/tr | ./tfoot/tr")):
        column = 0
        row_cells = row.xpath("./td | ./th")
        for cell in row_cells:
            while (r, column) in occupied:
                column += 1
            row_span, column_span = _span(cell.get("rowspan")), _span(cell.get("colspan"))
            for dr in range(row_span):
                for dc in range(column_span):
                    occupied.add((r + dr, column + dc))
            for br in cell.iter("br"):
                br.tail = " " + (br.tail or "")
            cells.append(StatedCell(r, column, squeeze(cell.text_content()), row_span, column_span,
                                    header=cell.tag == "th" or row.getparent().tag == "thead"))
            column += column_span
        is_header = bool(row_cells) and all(c.tag == "th" or row.getparent().tag == "thead" for c in row_cells)
        if in_header and is_header:
            header_rows += 1
        else:
            in_header = False
    return cells, header_rows or None


def _span(value: str | None) -> int:
    try:
        return max(1, min(int(value or 1), 1000))
    except ValueError:
        return 1
