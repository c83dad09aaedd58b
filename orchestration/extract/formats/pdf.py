"""PDF: the text layer, page by page, as lines with their positions (pypdfium2).

pypdfium2 (Google's PDFium) was chosen over pdfplumber after reading the corpus with both
(``benchmarks/formats.py``): PDFium gives every character with its box at about a third of the
time poppler's ``pdftotext -layout`` takes, pdfplumber (pdfminer, pure Python) took eleven times
as long as poppler for the same characters. Lines are rebuilt from the characters' boxes, not from
PDFium's own line breaks: a table row whose cells sit a point apart in height is one line, and a
page footer drawn first in the content stream still comes last. Wide gaps become runs of spaces,
so columns stay apart the way ``pdftotext -layout`` prints them.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from orchestration.extract.formats.model import Document, Line, mark_page_furniture
from orchestration.extract.text import ReadError, normalise_text

# How far a character's vertical centre may sit from its line's, in character heights.
SAME_LINE = 0.45
# A gap wider than this many character heights is a column gap (two spaces or more); between
# characters that do not follow each other in the text layer, one wider than WORD_GAP is a space.
COLUMN_GAP = 0.9
WORD_GAP = 0.35
# Private-use glyphs are the bullets and boxes of Hancom's symbol fonts; they carry no text.
_PRIVATE_USE = range(0xE000, 0xF900)


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
    try:
        pages = [_page_lines(pdf, index) for index in range(len(pdf))]
    finally:
        pdf.close()
    document = Document(format="pdf", pages=pages, read_by=f"pypdfium2 {pdfium.PYPDFIUM_INFO}")
    if not document.has_text():
        raise ReadError("no_text_layer", f"none of its {len(pages)} page(s) has a text layer (a scan): run OCR "
                                         "on it (for example ocrmypdf -l kor) and put the result in raw/")
    mark_page_furniture(document.pages)
    return document


def _page_lines(pdf: pdfium.PdfDocument, index: int) -> list[Line]:
    """One page at a time, closed after use, so a 300-page filing never holds more than a page."""
    page = pdf[index]
    textpage = page.get_textpage()
    try:
        height = page.get_height()
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
    return [_line(row) for row in _rows(chars)]


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


def _line(row: list[_Char]) -> Line:
    size = statistics.median(c.height for c in row) or 1.0
    parts = [row[0].text]
    for before, char in zip(row, row[1:]):
        gap = char.x0 - before.x1
        in_sequence = char.seq == before.seq + 1
        if gap > COLUMN_GAP * size:
            parts.append(" " * max(2, round(gap / (size * 0.5))))
        elif (char.space_before if in_sequence else gap > WORD_GAP * size):
            parts.append(" ")
        parts.append(char.text)
    bbox = (round(min(c.x0 for c in row), 1), round(min(c.top for c in row), 1),
            round(max(c.x1 for c in row), 1), round(max(c.bottom for c in row), 1))
    return Line(normalise_text("".join(parts)), bbox=bbox)
