"""Account for every number a filing prints (completeness: source → data).

Every number token on every line ends up in exactly one place: a typed fact took it, a table
cell took it, or it is *unclaimed* and gets a reason. The reasons are the register auditors read
to see what the warehouse chose not to model, and ``not_understood`` is what a parser should
learn next:

- ``phone_or_account``: masked personal contact data (the token holds ``#``, never digits);
- ``date``: part of a date, a year, a month, a time or a period (``23. 10월 말``, ``2022~2023``);
- ``page_number``: a line holding nothing but a number (``- 12 -``, ``12 / 40``);
- ``page_header``: a running header or footer of a paged filing (its title and date on every page);
- ``heading_number``: the numbering of a heading or list item at the start of a line (``1-1.``,
  ``2 예산현황``, ``(3)``);
- ``list_index``: an index inside a line (``1)``, ``(2)``, ``제8조``, ``5항``);
- ``label``: part of a name, code or header (``세무1과``, ``지역개발-01``, ``2호선``, a number in a
  table's header or label cell);
- ``narrative``: a number in a sentence, with the words that say what it counts (a sentence, or a
  count of something that is not money: ``여객 2,326만명``, ``2본``, ``152천회``; money stays
  ``not_understood`` until a reader takes it);
- ``not_understood``: anything else, typically a line of several numbers no table reader took.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from orchestration.extract.contacts import MASKED_TOKEN
from orchestration.extract.dates import RANGE_MARK, YEAR_MARK
from orchestration.extract.numbers import NUMBER_TOKEN
from orchestration.extract.text import MARKS, ROMAN_MARK, is_page_number, without_spaces
from orchestration.extract.vocabulary import org_unit_suffixes, units

FACT, CELL = "fact", "cell"
REASONS = ("phone_or_account", "date", "page_number", "page_header", "heading_number", "list_index", "label",
           "narrative", "not_understood")

# A year mark (<Y>) and a range mark (<R>) stand for the classes dates.py defines.
_DATE = re.compile((
    r"(?:19|20)\d{2}\s*[.\-/]\s*\d{1,2}\s*[.\-/]\s*\d{1,2}\.?"           # 2023.10.31 / 2023-10-31
    r"|(?:(?:19|20)\d{2}|<Y>\s*\d{2})\s*\.\s*\d{1,2}\s*\.(?:\s*\d{1,2}\s*\.?)?(?:\s*<R>\s*\d{1,2}\s*\.)?(?!\d)"  # ’23.12.20. (~ 12.)
    r"|(?:19|20)?\d{2}\s*\.\s*\d{1,2}\s*월"                               # 23. 10월
    r"|<Y>\s*\d{2}(?:\s*[.년]\s*(?:\d{1,2}\s*[.월])?)?"                      # '24 / ’23.10. / ˊ25.
    r"|(?:19|20)\d{2}\s*(?:<R>|[\-–])\s*(?:(?:19|20)?\d{2})?"                # 2022~2023 / 2022~
    r"|<R>\s*<Y>\d{2}(?![\d.])"                                                # ~'26 (~'25.3.17. is a date of its own)
    r"|(?<![\d.,])(?:1[0-2]|0?[1-9])\s*\.\s*(?:3[01]|[12]\d|0?[1-9])\s*\.(?!\d)"  # a month and day: (4.18.), 5.27.~5.31.
    r"|\d{1,4}\s*년(?:\s*\d{1,2}\s*월)?(?:\s*\d{1,2}\s*일)?"               # 2024년 10월 1일
    r"|\d{1,2}\s*월(?:\s*\d{1,2}\s*일)?"                                   # 10월 / 5월 29일
    r"|\d{1,2}\s*<R>\s*\d{1,2}\s*월"                                           # 7~8월
    r"|\d{1,2}\s*일\s*(?:\([월화수목금토일]\)|부터|까지|<R>)"                        # 30일(토) / 16일부터
    r"|\d{1,2}\s*시(?:\s*\d{1,2}\s*분)?(?![가-힣])"                         # 6시 / 6시 30분
    r"|\d{1,2}\s*:\s*\d{2}(?!\d)"                                         # 18:00
    r"|\d\s*/\s*4\s*분기|\d\s*분기"                                         # 3분기
    r"|(?<![\d,.])(?:19[5-9]\d|20[0-4]\d)(?![\d,.]|\s*[%원명건개])"          # a bare year
).replace("<Y>", YEAR_MARK).replace("<R>", RANGE_MARK))

_HEADING = re.compile(
    rf"^\s*(?:[#>{MARKS}]\s*)*(?:\*\*)?\s*[(\[]?\s*"
    r"(?P<number>\d{1,3}(?:\s*[-.]\s*\d{1,3})*)\s*(?:[.)\]]|(?=\s*[가-힣A-Za-z(\['‘\"“]))"
)
_LIST_INDEX = re.compile(r"[(\[]\s*\d{1,3}\s*[)\]]|(?<![\d.,])\d{1,3}\s*\)|제\s*\d+\s*[조항호장절관편]|\d+\s*[항호]\b")
# A number glued to letters on its left is part of a name: 세무1과, 민선8기, 지역개발-01, Only1.
_GLUED_LEFT = re.compile(r"[가-힣A-Za-z][-_]?$")
_NAME_SUFFIX = re.compile(r"^\s*(?:과(?![가-힣])|호선|단지|단계|차로|공구|구역|권역|번지|번길|길|로|동|가|층|기|대\s|차\s|종|선거구)")
_HANGUL = re.compile(r"[가-힣]")
# A cover's date set one character apart: "2 0 2 5 . 2 . 1 1 . (화)".
_SPACED_DATE = re.compile(r"^(?:19|20)\d{2}\.\d{1,2}\.\d{1,2}\.?(?:\([월화수목금토일]\))?$")
_SENTENCE = re.compile(r"[가-힣]{2,}")
# A line of a table of contents: its title, leader dots, the page it starts on; or a chapter's
# title and its page set apart by spaces alone (``Ⅱ. 2024년 주요추진성과    8``).
_CONTENTS = re.compile(rf"[·.…‥・]{{3,}}\s*(?P<page>\d{{1,3}})\s*$|^\s*{ROMAN_MARK}\s*\.?\s*\S.*?\s{{2,}}(?P<chapter>\d{{1,3}})\s*$")


@dataclass(frozen=True)
class NumberToken:
    line: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class TokenFate:
    token: NumberToken
    taken_by: str | None  # "fact", "cell" or None (unclaimed)
    reason: str | None


def number_tokens(line_number: int, text: str) -> list[NumberToken]:
    """The number tokens of one line: printed numbers and masked contact numbers, in order."""
    masked = [NumberToken(line_number, m.start(), m.end(), m.group(0)) for m in MASKED_TOKEN.finditer(text)]
    numbers = [NumberToken(line_number, m.start(), m.end(), m.group(0)) for m in NUMBER_TOKEN.finditer(text)]
    return sorted(masked + numbers, key=lambda t: t.start)


Span = tuple[int, int, int]  # (line, start, end)


def account_numbers(lines: list[str], fact_spans: list[Span], cell_spans: list[Span],
                    label_spans: list[Span], furniture: dict[int, str] | None = None) -> list[TokenFate]:
    """Every number token of the text with its fate. A token inside a fact's span is the fact's,
    else inside a cell's span the cell's; ``label_spans`` (header and label cells) explain the
    numbers printed in table labels; ``furniture``: the role of each page header, footer and
    page-number line, by line."""
    furniture = furniture or {}
    facts, cells, labels = _by_line(fact_spans), _by_line(cell_spans), _by_line(label_spans)
    fates = []
    for number, text in enumerate(lines, start=1):
        for token in number_tokens(number, text):
            if _inside(token, facts.get(number)):
                fates.append(TokenFate(token, FACT, None))
            elif _inside(token, cells.get(number)):
                fates.append(TokenFate(token, CELL, None))
            elif number in furniture:
                fates.append(TokenFate(token, None, "page_number" if furniture[number] == "page_number" else "page_header"))
            else:
                fates.append(TokenFate(token, None, unclaimed_reason(text, token, _inside(token, labels.get(number)))))
    return fates


def coverage(fates: list[TokenFate], unattributed_spans: list[Span] = ()) -> dict[str, int]:
    """Counts for the refresh summary: tokens, taken by facts, by cells, unclaimed, not understood,
    and those of the facts kept without their org unit (``unattributed_spans``: their spans)."""
    taken = Counter(f.taken_by for f in fates)
    unattributed = _by_line(list(unattributed_spans))
    return {
        "number_tokens": len(fates),
        "tokens_in_facts": taken[FACT],
        "tokens_in_cells": taken[CELL],
        "tokens_unclaimed": taken[None],
        "tokens_not_understood": sum(1 for f in fates if f.reason == "not_understood"),
        "tokens_unattributed": sum(1 for f in fates
                                   if f.taken_by == FACT and _inside(f.token, unattributed.get(f.token.line))),
    }


def unclaimed_reason(text: str, token: NumberToken, in_label: bool = False) -> str:
    if "#" in token.text:
        return "phone_or_account"
    if _covered(_DATE, text, token) or _SPACED_DATE.match(without_spaces(text)):
        return "date"
    if is_page_number(text) or ((contents := _CONTENTS.search(text)) and token.start in (contents.start("page"),
                                                                                        contents.start("chapter"))):
        return "page_number"
    heading = _HEADING.match(text)
    if heading and heading.start("number") <= token.start and token.end <= heading.end("number"):
        return "heading_number"
    if _covered(_LIST_INDEX, text, token):
        return "list_index"
    if in_label or _GLUED_LEFT.search(text[: token.start]) or _NAME_SUFFIX.match(text[token.end:]):
        return "label"
    # A count needs one word to say what it counts: a label spaced out (``목   표 : 4,400건``) is one.
    if _is_prose(text) or (_counted(text[token.end:]) and _SENTENCE.search(without_spaces(text))):
        return "narrative"
    return "not_understood"


def _counted(after: str) -> bool:
    """The number is followed by the unit of a count (with 만 / 천 before it), not of money, or
    counts org units (``2담당관 9팀``: the suffixes of org_unit_suffixes.csv)."""
    after = after.lstrip()
    if after.startswith(tuple(org_unit_suffixes())):
        return True
    after = after[1:] if after[:1] in ("만", "천", "백") else after
    return after.startswith(units("count", "weight", "length", "area"))


def _is_prose(text: str) -> bool:
    """A sentence, not a row of figures: words outweigh the digits, a date's not counted (``2025년``
    is as much a word as ``’25년``)."""
    digits = sum(1 for ch in _DATE.sub("", text) if ch.isdigit())
    return len(_SENTENCE.findall(text)) >= 2 and len(_HANGUL.findall(text)) >= 2 * digits


def _covered(pattern: re.Pattern, text: str, token: NumberToken) -> bool:
    return any(m.start() <= token.start and token.end <= m.end() for m in pattern.finditer(text))


def _by_line(spans: list[Span]) -> dict[int, list[tuple[int, int]]]:
    grouped: dict[int, list[tuple[int, int]]] = {}
    for line, start, end in spans:
        grouped.setdefault(line, []).append((start, end))
    return grouped


def _inside(token: NumberToken, spans: list[tuple[int, int]] | None) -> bool:
    return bool(spans) and any(start <= token.start and token.end <= end for start, end in spans)
