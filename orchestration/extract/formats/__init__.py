"""Read a filing in the format it was published in, into the one document model.

The format is told by the bytes (a PDF's ``%PDF``, an OLE compound file, a zip's members, HTML
markup), the file name's suffix only where bytes cannot tell (CSV is text). A file whose bytes
say something else than its name (a PNG named ``.pdf``) is refused with both named.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import PurePath

from orchestration.extract.formats.hwp import read_hwp
from orchestration.extract.formats.hwpx import read_hwpx
from orchestration.extract.formats.html import looks_like_html, read_html
from orchestration.extract.formats.model import Document, Line, text_document
from orchestration.extract.formats.sheets import is_xlsx, read_csv, read_xlsx
from orchestration.extract.text import ReadError, decode_bytes

__all__ = ["Document", "Line", "read_document", "text_document"]

_IMAGES = {b"\x89PNG": "a PNG image", b"\xff\xd8\xff": "a JPEG image", b"GIF8": "a GIF image",
           b"II*\x00": "a TIFF image", b"MM\x00*": "a TIFF image"}
_SUFFIX_FORMATS = {".pdf": "PDF", ".hwp": "HWP", ".hwpx": "HWPX", ".xlsx": "XLSX", ".html": "HTML", ".htm": "HTML"}


def read_document(data: bytes, name: str = "") -> Document:
    suffix = PurePath(name).suffix.lower()
    if data.startswith(b"%PDF"):
        # PDFium's bindings take a fifth of a second to load, in every process that imports the
        # extractors, most of which (a refresh of text filings, its extraction workers) read no PDF.
        from orchestration.extract.formats.pdf import read_pdf

        return read_pdf(data)
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        return read_hwp(data)
    if data.startswith(b"PK\x03\x04"):
        return _read_zip(data)
    for signature, what in _IMAGES.items():
        if data.startswith(signature):
            named = f" named {suffix}" if suffix in _SUFFIX_FORMATS else ""
            raise ReadError("image", f"the file is {what}{named}, with no text to read: run OCR on it "
                                     "(tesseract -l kor) and put the text or a searchable PDF in raw/")
    if data.startswith(b"HWP Document File"):
        raise ReadError("unsupported_format", "an HWP 3 document: open it in Hangul and save it as HWP 5, HWPX or PDF")
    if suffix in _SUFFIX_FORMATS and suffix not in (".html", ".htm") and data.strip():
        raise ReadError("not_what_its_name_says", f"named {suffix} but its bytes are not {_SUFFIX_FORMATS[suffix]} "
                                                  f"(they start {data[:8]!r}): fetch the file again")
    if suffix == ".csv":
        return read_csv(data)
    if suffix in (".html", ".htm") or looks_like_html(data):
        return read_html(data)
    decoded = decode_bytes(data)
    return text_document(decoded.text, decoded.encoding)


def _read_zip(data: bytes) -> Document:
    try:
        names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    except zipfile.BadZipFile as error:
        raise ReadError("corrupt_zip", f"it starts like a zip (HWPX, XLSX) but cannot be opened as one ({error}): "
                                       "it is probably cut off or damaged; fetch it again") from error
    if is_xlsx(names):
        return read_xlsx(data)
    return read_hwpx(data)
