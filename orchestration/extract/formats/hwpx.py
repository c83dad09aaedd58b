"""HWPX (OWPML, KS X 6101): a zip of XML sections, read with the standard zipfile and lxml.

Text is in ``hp:t`` runs of ``hp:p`` paragraphs; a table is ``hp:tbl / hp:tr / hp:tc``, each cell
stating its grid address (``hp:cellAddr``) and spans (``hp:cellSpan``), its paragraphs in a
``hp:subList``. HWPX states no pagination (Hangul lays pages out when it renders), so a page here is
what the document states: a new section or a paragraph with ``pageBreak="1"`` starts one.
"""

from __future__ import annotations

import io
import re
import zipfile

from lxml import etree

from orchestration.extract.formats.model import Document, Line, StatedCell, mark_page_furniture, table_lines
from orchestration.extract.text import ReadError, normalise_text

HP = "{http://www.hancom.co.kr/hwpml/2011/paragraph}"
_SECTION = re.compile(r"^Contents/section(\d+)\.xml$")


def read_hwpx(data: bytes) -> Document:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = archive.namelist()
    except zipfile.BadZipFile as error:
        raise ReadError("corrupt_zip", f"it starts like a zip (HWPX, XLSX) but cannot be opened as one ({error}): "
                                       "it is probably cut off or damaged; fetch it again") from error
    sections = sorted((int(m.group(1)), name) for name in names if (m := _SECTION.match(name)))
    if not sections:
        raise ReadError("not_hwpx", "a zip archive without HWPX sections (Contents/section0.xml): if it is an "
                                    "HWPX, re-save it from Hangul; other zipped documents are not read")
    builder = _Pages()
    for _, name in sections:
        try:
            root = etree.fromstring(archive.read(name))
        except (zipfile.BadZipFile, etree.XMLSyntaxError, OSError, EOFError) as error:
            raise ReadError("corrupt_zip", f"{name} inside the HWPX cannot be read ({error}); fetch it again") from error
        builder.new_page()
        for paragraph in root.iterchildren(HP + "p"):
            _paragraph(paragraph, builder)
    document = Document(format="hwpx", pages=builder.pages(), read_by=f"lxml {etree.__version__}")
    mark_page_furniture(document.pages)
    return document


class _Pages:
    def __init__(self):
        self._pages: list[list[Line]] = []
        self.tables = 0

    def new_page(self) -> None:
        if not self._pages or self._pages[-1]:
            self._pages.append([])

    def add(self, lines: list[Line]) -> None:
        if not self._pages:
            self._pages.append([])
        self._pages[-1].extend(lines)

    def pages(self) -> list[list[Line]]:
        return [page for page in self._pages if page] or [[]]


def _paragraph(paragraph, builder: _Pages) -> None:
    if paragraph.get("pageBreak") == "1":
        builder.new_page()
    text: list[str] = []
    for element in paragraph.iter():
        if element.tag == HP + "tbl":
            _flush(text, builder)
            builder.tables += 1
            builder.add(table_lines(_cells(element), builder.tables))
            continue
        if _inside(element, paragraph, HP + "tbl"):
            continue
        if element.tag == HP + "t":
            text.append(_run_text(element))
    _flush(text, builder)


def _flush(text: list[str], builder: _Pages) -> None:
    joined = normalise_text("".join(text))
    text.clear()
    for part in joined.split("\n"):
        builder.add([Line(part.rstrip())])


def _run_text(t) -> str:
    """A ``hp:t`` holds text and inline marks: a tab mark is a tab, the others carry no text."""
    parts = [t.text or ""]
    for child in t:
        if child.tag == HP + "tab":
            parts.append("\t")
        elif child.tag == HP + "lineBreak":
            parts.append("\n")
        parts.append(child.tail or "")
    return "".join(parts)


def _inside(element, stop, tag: str) -> bool:
    parent = element.getparent()
    while parent is not None and parent is not stop:
        if parent.tag == tag:
            return True
        parent = parent.getparent()
    return False


def _cells(table) -> list[StatedCell]:
    cells = []
    for tc in _own_cells(table):
        address = tc.find(HP + "cellAddr")
        span = tc.find(HP + "cellSpan")
        texts = ["".join(_run_text(t) for t in p.iter(HP + "t")) for p in tc.iter(HP + "p")]
        cells.append(StatedCell(
            row=int(address.get("rowAddr", 0)) if address is not None else 0,
            column=int(address.get("colAddr", 0)) if address is not None else 0,
            text=" ".join(t for t in texts if t.strip()),
            row_span=int(span.get("rowSpan", 1)) if span is not None else 1,
            column_span=int(span.get("colSpan", 1)) if span is not None else 1,
            header=tc.get("header") == "1",
        ))
    return cells


def _own_cells(table):
    """The table's own cells, not those of a table nested inside one of them."""
    for row in table.iterchildren(HP + "tr"):
        yield from row.iterchildren(HP + "tc")
