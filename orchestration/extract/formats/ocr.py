"""A scanned page read by OCR: the page drawn by PDFium, read by Tesseract (Korean), one line per
line Tesseract finds, with its box in PDF points as the text layer's lines have.

Tesseract is Debian's ``tesseract-ocr-kor`` (``make ocr``); without it a scan stays quarantined
with the advice to OCR it. One page takes about 1.5 s at 200 dpi in one thread: more dots read
no better on the corpus scan, and Tesseract's own threads only spin on a 2-core machine.
"""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import subprocess
import tempfile
from functools import lru_cache
from pathlib import Path

import pypdfium2 as pdfium

from orchestration.extract.formats.model import Line
from orchestration.extract.text import normalise_text, squeeze

DPI = 200
MIN_CONFIDENCE = 50
LANGUAGE = "kor"
# A word that is only these is a table rule or a box Tesseract read as a glyph (``|``, ``ㅣ``,
# ``」``, ``[]``); at a word's edge they are the same rule touching the word (``소속정당명ㅣ``).
_RULE_GLYPHS = "|ㅣ｜「」『』[]"
_RULE_WORD = re.compile(rf"^[{re.escape(_RULE_GLYPHS)}.,:;'\"`]+$")
_RULE_EDGES = re.compile(rf"^[{re.escape(_RULE_GLYPHS)}]+|[{re.escape(_RULE_GLYPHS)}]+$")
# Tesseract reads the thousands comma of a scan as a dot, or as both (``1,.800억원``). Before a
# unit, three digits after one are a thousands group: no filing prints 1.8억 as ``1.800억``.
_GROUP_READ_AS_DOT = re.compile(r"(?<![\d.,])(\d{1,3})(?:\.|,\.|\.,)(\d{3})(?=\s*(?:억|만|천|원|명))")


@lru_cache(maxsize=1)
def tesseract_version() -> str | None:
    """``tesseract 5.3.0`` when Tesseract and its Korean model are installed, else None."""
    executable = shutil.which("tesseract")
    if executable is None:
        return None
    try:
        languages = subprocess.run([executable, "--list-langs"], capture_output=True, text=True, timeout=30)
        version = subprocess.run([executable, "--version"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return None
    if LANGUAGE not in languages.stdout.split():
        return None
    return (version.stdout or version.stderr).splitlines()[0].strip()


def clean_word(word: str) -> str:
    """A word as printed, without the table rules Tesseract read into or beside it."""
    if _RULE_WORD.match(word):
        return ""
    word = _RULE_EDGES.sub("", word)
    # A bracket the rule beside it cut from its pair: ``(이천시장선거``.
    if word.startswith("(") and ")" not in word:
        word = word[1:]
    if word.endswith(")") and "(" not in word:
        word = word[:-1]
    return word


def ocr_digits(text: str) -> str:
    """Digit groups Tesseract misread, written as printed (``1.800억원`` → ``1,800억원``)."""
    return _GROUP_READ_AS_DOT.sub(r"\1,\2", text)


def page_lines(text: str, tsv: str, scale: float) -> list[Line]:
    """Tesseract's text of a page (its spacing: the TSV splits Hangul words into syllables) with
    each line's box from its TSV (a row per line, in the same order, its words after it), in
    points (pixels divided by ``scale``). A line Tesseract is not sure of (mean word confidence
    under MIN_CONFIDENCE: a photo, a logo) is not text. Should the two disagree on the number of
    lines, every line is kept, without a box."""
    texts = [line for line in text.split("\n") if line.strip()]
    found: list[tuple[tuple[float, float, float, float], list[float]]] = []
    for row in csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE):
        if row.get("level") == "4":
            left, top = int(row["left"]), int(row["top"])
            found.append(((left / scale, top / scale, (left + int(row["width"])) / scale,
                           (top + int(row["height"])) / scale), []))
        elif row.get("level") == "5" and found and (row.get("text") or "").strip():
            found[-1][1].append(float(row["conf"]))
    if len(found) != len(texts):
        found = [(None, [])] * len(texts)
    out = []
    for printed, (box, confidences) in zip(texts, found):
        if confidences and sum(confidences) / len(confidences) < MIN_CONFIDENCE:
            continue
        cleaned = ocr_digits(squeeze(normalise_text(" ".join(clean_word(word) for word in printed.split()))))
        if cleaned:
            out.append(Line(cleaned, bbox=box))
    return out


def ocr_page(page: pdfium.PdfPage) -> list[Line]:
    """The page's lines as Tesseract reads its image; none when Tesseract fails on it."""
    scale = DPI / 72
    image = page.render(scale=scale, grayscale=True).to_pil()
    with tempfile.TemporaryDirectory(prefix="localgov-ocr-") as scratch:
        folder = Path(scratch)
        image.save(folder / "page.png")
        done = subprocess.run(["tesseract", str(folder / "page.png"), str(folder / "page"), "-l", LANGUAGE,
                               "--psm", "6", "txt", "tsv"], capture_output=True, timeout=300,
                              env={**os.environ, "OMP_THREAD_LIMIT": "1"})
        if done.returncode != 0 or not (folder / "page.txt").exists():
            return []
        return page_lines((folder / "page.txt").read_text(encoding="utf-8", errors="replace"),
                          (folder / "page.tsv").read_text(encoding="utf-8", errors="replace"), scale)
