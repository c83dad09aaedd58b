"""Bytes to normalised text, and the Korean whitespace helpers every parser shares.

Line numbers everywhere in the warehouse refer to the text this module returns: NFC, ``\\n`` line
endings, 1-based.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass


class ReadError(Exception):
    """A filing whose bytes cannot be turned into usable text (not text at all, or cut off);
    ``reason`` is a short code, ``detail`` says what to do about it."""

    def __init__(self, reason: str, detail: str):
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str

    @property
    def lines(self) -> list[str]:
        return split_lines(self.text)


_BINARY_SIGNATURES = {
    b"%PDF": "a PDF file",
    b"\xd0\xcf\x11\xe0": "an OLE compound file (HWP 5 or old MS Office)",
    b"PK\x03\x04": "a ZIP container (HWPX, DOCX, XLSX)",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"HWP Document File": "an HWP 3 document",
}


def decode_bytes(data: bytes) -> DecodedText:
    """Detect the encoding (UTF-8 with or without BOM, UTF-16 with BOM, CP949/EUC-KR) and
    normalise to NFC with ``\\n`` line endings. Raises ReadError for anything that is not text."""
    if not data.strip():
        raise ReadError("empty", "the file has no text (0 bytes or only whitespace)")
    for signature, what in _BINARY_SIGNATURES.items():
        if data.startswith(signature):
            raise ReadError("binary", f"the file is {what}, not text; convert it to text first")
    text, encoding = _decode(data)
    if "\x00" in text:
        raise ReadError("binary", "the file contains NUL bytes, so it is not a text file")
    return DecodedText(text=normalise_text(text), encoding=encoding)


def _decode(data: bytes) -> tuple[str, str]:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise ReadError("undecodable", f"UTF-16 byte-order mark but invalid UTF-16 at byte {exc.start}") from exc
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as utf8_error:
        if _cut_inside_character(data, "utf-8", utf8_error):
            raise ReadError("truncated", f"the file ends inside a UTF-8 character (byte {utf8_error.start} of "
                                         f"{len(data)}): it was cut off while being copied; fetch it again") from utf8_error
        try:
            return data.decode("cp949"), "cp949"
        except UnicodeDecodeError as cp949_error:
            if _cut_inside_character(data, "cp949", cp949_error):
                raise ReadError("truncated", f"the file ends inside a CP949 character (byte {cp949_error.start} of "
                                             f"{len(data)}): it was cut off while being copied; fetch it again") from cp949_error
            raise ReadError(
                "undecodable",
                f"neither UTF-8 (invalid byte at offset {utf8_error.start}) nor CP949/EUC-KR; "
                "re-save the file as UTF-8",
            ) from utf8_error


def _cut_inside_character(data: bytes, encoding: str, error: UnicodeDecodeError) -> bool:
    """The only undecodable bytes are an incomplete character at the very end."""
    if error.end < len(data) - 3 or error.start < len(data) - 3:
        return False
    try:
        data[: error.start].decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


def normalise_text(text: str) -> str:
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


def split_lines(text: str) -> list[str]:
    """Lines of normalised text; a final newline does not start an extra line."""
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


# A line that is a page number: '- 12 -', '12', '(12)', '12 / 40', '12 of 40', 'p. 12', '12쪽'.
_PAGE_NUMBER = re.compile(r"^[\s\-–—(\[<]*(?:p\.?\s*)?\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?\s*(?:쪽|페이지|p)?[\s\-–—)\]>]*$",
                          re.IGNORECASE)


def is_page_number(line: str) -> bool:
    return bool(_PAGE_NUMBER.match(line))


def squeeze(text: str) -> str:
    """Collapse runs of whitespace (tabs, NBSP, ideographic space included) to one space."""
    # str.split() splits on what \s matches, in a third of the regex's time
    return " ".join(text.split())


# The middle dots filings print between words (사회복지․보건, 연구ㆍ지도직), in their many code points.
MIDDLE_DOTS = re.compile(r"[·ㆍ․‧・∙]")
# The marks a plan's items open with, of every level and every government's habit: boxes,
# circles, squares, triangles and arrows, diamonds, checks, dashes and dots, notes, and the
# private-use characters a symbol font's bullet comes out as (pdftotext's ``\uf000``) (a character
# class's body, for patterns that match them elsewhere than at a line's start).
MARKS = r"□■◼◻▣○●◦❍◯◎▪▫◾▸▹▶▷►◆◇◈❖➢➤✓∙·•‣※*\-\ue000-\uf8ff"
# The numbers a heading or an item opens with, each style's mark (the section tree's styles,
# ``structure.HEADING_STYLES``, are built of them): ``Ⅰ``, ``2.`` / ``3)``, ``가.``, ``(1)`` / ``①``,
# and a project's badge, ``5`` or ``1-4`` (the fourth of chapter 1) set apart by two spaces or more.
ROMAN_MARK = r"[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]"
NUMBER_MARK = r"[1-9]\d?\s*[.)]"
LETTER_MARK = r"[가나다라마바사아자차카타파하]\s*[.)]"
BRACKET_MARK = r"\(\s*\d{1,2}\s*\)|[①-⑳]"
BADGE_MARK = r"[1-9]\d?(?:-[1-9]\d?)?(?=\s{2,}|\t)"
# Any of them before an item's words, not a decimal's digits (``1.5억원``).
_HEADING_NUMBER = (rf"(?:(?:{NUMBER_MARK}|{LETTER_MARK}|{ROMAN_MARK}\s*[.)])(?!\d)|{BRACKET_MARK}|{BADGE_MARK})")
# The marks and the number a line opens with before its words (a hangul ㅇ typed for a circle
# among them): ``□ 인 력 :``, ``2. 인 력 :``, ``4    정    원 ▷``.
LINE_MARKS = rf"^[\s{MARKS}]*(?:{_HEADING_NUMBER}\s*)?(?:ㅇ(?=[\s(]))?[\s{MARKS}]*"


def spaced(word: str) -> str:
    """A pattern matching ``word`` as filings print it, spaces or none between its letters
    (``사 업 비``)."""
    return r"\s*".join(map(re.escape, word))


# A piece of a line whose columns are aligned by spaces: words parted by single spaces; two or more
# part one piece from the next (``감사담당관   청렴담당관``).
PIECE = re.compile(r"\S+(?: \S+)*")


def printed_width(text: str) -> int:
    """How wide ``text`` prints in a grid of characters: a Hangul syllable (any wide character)
    takes two. ``pdftotext -layout`` sets each word at its place on the page but counts its
    characters one apiece, so a Korean word runs into the spaces after it by as much again."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def one_word(text: str) -> bool:
    """One word, its letters maybe spaced out for layout (``감 사 위 원 회``), not words side by
    side (``감사담당관   청렴담당관``)."""
    words = text.split()
    return len(words) == 1 or all(len(word) == 1 for word in words)


def spaced_any(words) -> str:
    """A pattern matching any of ``words`` as filings print them, the longest first (현원수 before
    현원)."""
    return "(?:" + "|".join(spaced(word) for word in sorted(words, key=len, reverse=True)) + ")"


def without_spaces(text: str) -> str:
    """Korean filings space out words for layout (``기 획 예 산 과``); names compare without them."""
    return "".join(text.split())


_SYLLABLE = re.compile(r"^[가-힣]$")


def letter_spaced(text: str) -> bool:
    """Words broken up by a text layer that set a justified line letter by letter and spaced it
    as it guessed (``피란 수 도 부 산유 산 의 세 계유 산 등 재``): Korean puts its particles on
    the word before them, so a line of whole words seldom has three lone syllables in ten."""
    words = text.split()
    alone = sum(1 for word in words if _SYLLABLE.match(word))
    return alone >= 3 and alone * 5 >= len(words) * 2


def respaced(text: str, lines: list[str]) -> str:
    """``text`` if its words are whole; if they are broken (``letter_spaced``), the same letters
    as the filing prints them elsewhere with their words whole (a title in the contents, a project
    list, a sentence), or ``text`` when no line does. Only the spaces between letters can change."""
    letters = without_spaces(text)
    if len(letters) < 4 or not letter_spaced(text):
        return text
    for line in lines:
        if letters[0] not in line or letters[-1] not in line or letters not in without_spaces(line):
            continue
        squeezed, at = [], []
        for index, character in enumerate(line):
            if not character.isspace():
                squeezed.append(character)
                at.append(index)
        start = "".join(squeezed).find(letters)
        found = line[at[start]:at[start + len(letters) - 1] + 1]
        if not letter_spaced(found):
            return squeeze(found)
    return text


# What a filing's text layer prints when it is read right: Hangul, ASCII (control characters a PDF
# leaves inside cells too), Latin-1 signs, general
# punctuation, letterlike signs, arrows and maths, enclosed numbers, box and geometric shapes, CJK
# signs and full-width forms. A font without a Unicode map yields other code points.
_READABLE = re.compile("[\u0000-\u007e\u00a0-\u00ff\u1100-\u11ff\u2000-\u27bf\u3000-\u303f"
                       "\u3130-\u318f\u3200-\u32ff\uac00-\ud7a3\uff00-\uffef]+")
_IDEOGRAPH = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def readable(word: str) -> bool:
    """A word the text layer read right: every character one a filing prints. Hanja count, but
    not one alone: that is what an unmapped bullet glyph becomes (``臦``)."""
    rest = _READABLE.sub("", word)
    if not rest:
        return True
    return not _IDEOGRAPH.sub("", rest) and len(word) > 1
