"""Dates as filings print them: ``23. 10월 말``, ``2023. 10. 31.``, ``2023.10.31``, ``2023년 10월``."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

_DATE = re.compile(
    r"(?P<year>\d{4}|\d{2})\s*[.년/-]\s*(?P<month>\d{1,2})\s*(?:월|\.)?"
    r"(?:\s*(?P<day>\d{1,2})\s*(?:일|\.)?|\s*(?P<end>말))?"
)
# A whole date in dots and no spaces, as a table's column of dates prints it: 2028.12.31.
DOTTED_DATE = r"(?:19|20)\d{2}\.\d{1,2}\.\d{1,2}\.?"
# The marks filings set before a two-digit year: '25, ’25, ‘24, `24, ˊ23, ´23 (they use all of them).
YEAR_MARK = "[’‘'`ˊ´]"
# The marks of a range of dates: ~, ～ (full width), ∼ (the tilde operator).
RANGE_MARK = "[~～∼]"
_AS_OF_MARKERS = re.compile(r"기\s*준\s*일?\s*[:：]?")
_YEAR_LABEL = re.compile(r"^(?:(?P<year>(?:19|20)\d{2})|" + YEAR_MARK + r"\s*(?P<short>\d{2}))\s*(?:년\s*도?|회계\s*연도)?$")


def _year(text: str) -> int:
    year = int(text)
    return year + 2000 if year < 100 else year


# A four-digit year, or a two-digit one after a year mark.
_YEAR_IN = re.compile(r"(?<!\d)(?P<year>(?:19|20)\d{2})(?!\d)|" + YEAR_MARK + r"\s*(?P<short>\d{2})(?!\d)")


def year_in(text: str) -> int | None:
    """The first year a label names: ``2024년``, ``’25년 당초예산``, ``'23년 징수실적``."""
    match = _YEAR_IN.search(text)
    if not match:
        return None
    return int(match.group("year")) if match.group("year") else 2000 + int(match.group("short"))


def year_label(text: str) -> int | None:
    """A label that is a year and nothing else: ``2024년``, ``2024년도``, ``2022``, ``2022회계연도``,
    ``‘24년``."""
    match = _YEAR_LABEL.match(text.strip())
    if not match:
        return None
    return int(match.group("year")) if match.group("year") else 2000 + int(match.group("short"))


def parse_date(text: str) -> date | None:
    """First date in ``text``; a month without a day means the month's last day (``10월 말``)."""
    match = _DATE.search(text)
    if not match:
        return None
    year, month = _year(match.group("year")), int(match.group("month"))
    if not 1 <= month <= 12:
        return None
    last_day = calendar.monthrange(year, month)[1]
    day = int(match.group("day")) if match.group("day") else last_day
    if not 1 <= day <= last_day:
        return None
    return date(year, month, day)


# A date printed before its marker, as most tables' notes print it: ``(’25.1월 기준)``,
# ``(’25. 1. 19. 기준, 단위: 명)``, ``(2025. 1. 1. 현재)``.
_DATE_AS_OF = re.compile(rf"{_DATE.pattern}\s*(?:기\s*준|현\s*재)")


def parse_as_of(text: str) -> date | None:
    """The date after a 기준일 / 기준 marker, e.g. ``(기준일 : 23. 10월 말)`` → 2023-10-31, or
    before a 기준 or 현재, e.g. ``(’25.1월 기준)`` → 2025-01-31."""
    marker = _AS_OF_MARKERS.search(text)
    after = parse_date(text[marker.end():]) if marker else None
    if after is not None:
        return after
    before = _DATE_AS_OF.search(text)
    return parse_date(before.group(0)) if before else None


_DATE_LINE = re.compile(
    r"^\s*(?:(?:작성|발행|입력|등록|보도)\s*(?:일|일자|일시)?\s*[:：]?\s*)?"
    r"(?P<year>(?:19|20)\d{2})\s*[.년/-]\s*(?P<month>\d{1,2})\s*(?:월|[./-])?"
    r"(?:\s*(?P<day>\d{1,2})\s*(?:일|\.)?)?\s*$"
)
FILING_DATE_LINES = 15


def filing_date(lines: list[str]) -> tuple[date | None, str | None, str | None]:
    """The date a filing prints for itself: a line near its top that is a date and nothing else
    (``2023. 11.``, ``입력 2026.11.24``). Returns (date, precision, as printed); a month without a
    day is the month's first day with precision ``month``."""
    head = [line for line in lines if line.strip()][:FILING_DATE_LINES]
    for line in head:
        match = _DATE_LINE.match(line)
        if not match or not 1 <= int(match["month"]) <= 12:
            continue
        year, month = int(match["year"]), int(match["month"])
        if match["day"]:
            day = int(match["day"])
            if 1 <= day <= calendar.monthrange(year, month)[1]:
                return date(year, month, day), "day", line.strip()
            continue
        return date(year, month, 1), "month", line.strip()
    return None, None, None


@dataclass(frozen=True)
class Step:
    """One step of a series joined by arrows: the year it is of, the step's text and the value
    printed in it (a match of the caller's pattern, its span in the whole line)."""

    year: int
    text: str
    value: re.Match
    span: tuple[int, int]


def arrow_steps(line: str, start: int, value: re.Pattern, continued: bool = False) -> list[Step]:
    """The steps of ``line[start:]`` joined by arrows (``(’22년) 559억원→ (’23년) 683억원``, ``19.8%
    ‘22년 결산 → 19.9% ‘23년 결산``), each naming one year and printing one value; none when any
    step does not. ``continued``: the text after the arrow a line opens with, the series of the
    line above going on (one step is enough)."""
    pieces, offset, steps = line[start:].split("→"), start, []
    if len(pieces) < (1 if continued else 2):
        return []
    for piece in pieces:
        values = list(value.finditer(piece))
        year = year_in(piece)
        if len(values) != 1 or year is None:
            return []
        steps.append(Step(year, piece, values[0], (offset + values[0].start(), offset + values[0].end())))
        offset += len(piece) + 1
    return steps
