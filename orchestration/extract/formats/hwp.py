"""HWP 5: an OLE compound file (olefile) whose ``BodyText/Section*`` streams are zlib-compressed
records, read after Hancom's published format (한글 문서 파일 형식 5.0).

Every record has a tag, a nesting level and a size. A paragraph (``PARA_HEADER``) holds its text
(``PARA_TEXT``, UTF-16 with inline control characters) and its controls; a table is a control
(``CTRL_HEADER`` with id ``tbl ``) holding a ``TABLE`` record and, per cell, a ``LIST_HEADER``
with the cell's column, row and spans followed by the cell's own paragraphs. Tools that print only
paragraph text (``hwp5txt``) drop those cells; here they are the stated table they are. Like
HWPX, HWP states no pagination: a section, or a paragraph that starts a page, starts one.
"""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass, field

import olefile

from orchestration.extract.formats.model import Document, Line, StatedCell, mark_page_furniture, table_lines
from orchestration.extract.text import ReadError, normalise_text

_TAG_BEGIN = 0x10
PARA_HEADER, PARA_TEXT, CTRL_HEADER, LIST_HEADER, TABLE = (_TAG_BEGIN + n for n in (50, 51, 55, 56, 61))
_TABLE_CONTROL = b" lbt"  # 'tbl ' stored little-endian
# FileHeader properties
_COMPRESSED, _PASSWORD, _DISTRIBUTION = 0x1, 0x2, 0x4
# PARA_HEADER's column/page break bits: a page break starts a page
_PAGE_BREAK = 0x04
# Control characters of PARA_TEXT that take one code unit; every other code below 32 takes eight.
_SHORT_CONTROLS = {0, 10, 13, *range(24, 32)}


@dataclass
class _Record:
    tag: int
    level: int
    data: bytes
    children: list["_Record"] = field(default_factory=list)


def read_hwp(data: bytes) -> Document:
    try:
        ole = olefile.OleFileIO(data)
    except (OSError, ValueError) as error:
        raise ReadError("corrupt_hwp", f"it starts like an OLE compound file (HWP 5) but cannot be opened "
                                       f"({error}): it is probably cut off; fetch it again") from error
    with ole:
        if not ole.exists("FileHeader"):
            raise ReadError("unsupported_format", "an OLE compound file that is not HWP 5 (no FileHeader stream; "
                                                  "an old Word or Excel file?): save it as PDF, HWPX or XLSX")
        header = ole.openstream("FileHeader").read()
        if not header.startswith(b"HWP Document File") or len(header) < 40:
            raise ReadError("unsupported_format", "an OLE compound file whose FileHeader is not HWP 5's")
        properties, = struct.unpack_from("<I", header, 36)
        if properties & _PASSWORD:
            raise ReadError("password_protected", "the HWP file is protected by a password; ask the publisher "
                                                  "for an unprotected copy, or open it in Hangul and save without one")
        if properties & _DISTRIBUTION:
            raise ReadError("password_protected", "a 배포용 (distribution) HWP: its text is encrypted for viewing "
                                                  "only; ask the publisher for the editable file or a PDF")
        sections = sorted((path for path in ole.listdir() if path[0] == "BodyText"),
                          key=lambda path: int(path[1].removeprefix("Section") or 0))
        pages: list[list[Line]] = []
        tables = [0]
        for path in sections:
            stream = ole.openstream(path).read()
            try:
                body = zlib.decompress(stream, -15) if properties & _COMPRESSED else stream
            except zlib.error as error:
                raise ReadError("corrupt_hwp", f"{'/'.join(path)} cannot be decompressed ({error}): the file is "
                                               "damaged or cut off; fetch it again") from error
            pages.append([])
            for paragraph in _tree(_records(body, "/".join(path))):
                if paragraph.tag == PARA_HEADER:
                    _paragraph(paragraph, pages, tables)
    pages = [page for page in pages if page] or [[]]
    document = Document(format="hwp", pages=pages, read_by=f"olefile {olefile.__version__}")
    mark_page_furniture(document.pages)
    return document


def _records(body: bytes, where: str) -> list[_Record]:
    records, at = [], 0
    while at + 4 <= len(body):
        header, = struct.unpack_from("<I", body, at)
        at += 4
        tag, level, size = header & 0x3FF, (header >> 10) & 0x3FF, header >> 20
        if size == 0xFFF:
            size, = struct.unpack_from("<I", body, at)
            at += 4
        if at + size > len(body):
            raise ReadError("corrupt_hwp", f"{where}: a record runs past the end of the stream (byte {at}): "
                                           "the file is cut off; fetch it again")
        records.append(_Record(tag, level, body[at:at + size]))
        at += size
    return records


def _tree(records: list[_Record]) -> list[_Record]:
    roots: list[_Record] = []
    open_at: dict[int, _Record] = {}
    for record in records:
        parent = open_at.get(record.level - 1) if record.level else None
        (parent.children if parent else roots).append(record)
        open_at[record.level] = record
    return roots


def _paragraph(paragraph: _Record, pages: list[list[Line]], tables: list[int]) -> None:
    if len(paragraph.data) >= 9 and paragraph.data[8] & _PAGE_BREAK and pages[-1]:
        pages.append([])
    text = "".join(_text(child.data) for child in paragraph.children if child.tag == PARA_TEXT)
    for part in normalise_text(text).split("\n"):
        pages[-1].append(Line(part.rstrip()))
    for control in paragraph.children:
        if control.tag == CTRL_HEADER and control.data[:4] == _TABLE_CONTROL:
            tables[0] += 1
            pages[-1].extend(table_lines(_cells(control), tables[0]))


def _cells(control: _Record) -> list[StatedCell]:
    cells: list[StatedCell] = []
    address: tuple[int, int, int, int] | None = None
    texts: list[str] = []

    def close() -> None:
        if address is not None:
            column, row, column_span, row_span = address
            cells.append(StatedCell(row, column, " ".join(t for t in texts if t.strip()), row_span, column_span))

    for child in control.children:
        if child.tag == LIST_HEADER and len(child.data) >= 16:
            close()
            address = struct.unpack_from("<4H", child.data, 8)
            texts = []
        elif child.tag == PARA_HEADER:
            texts.append(_paragraph_text(child))
    close()
    return cells


def _paragraph_text(paragraph: _Record) -> str:
    """A cell's paragraph as text, tables nested in it included (as their cells' text)."""
    parts = [_text(child.data) for child in paragraph.children if child.tag == PARA_TEXT]
    for control in paragraph.children:
        if control.tag == CTRL_HEADER and control.data[:4] == _TABLE_CONTROL:
            parts += [cell.text for cell in _cells(control)]
    return " ".join(parts)


def _text(data: bytes) -> str:
    units = struct.unpack_from(f"<{len(data) // 2}H", data)
    out, at = [], 0
    while at < len(units):
        unit = units[at]
        if unit >= 32:
            out.append(chr(unit))
            at += 1
            continue
        if unit in _SHORT_CONTROLS:
            out.append("\n" if unit == 10 else " " if unit in (30, 31) else "")
            at += 1
        else:
            out.append("\t" if unit == 9 else "")
            at += 8
    # Surrogate pairs come through as two code units; join them.
    return "".join(out).encode("utf-16", "surrogatepass").decode("utf-16")
