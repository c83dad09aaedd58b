"""A candidate's 5대공약 sheet: one sheet per pledge, each headed by the election, the
constituency and the candidate, then the pledge's rank and title and its sections (목표, 이행방법,
이행기간, 재원조달방안).

The sheet is a form of labelled cells, and its labels are vocabulary (``disclosure_terms.csv``:
``pledge_field``, ``pledge_section``, ``pledge_budget``): a value stands in the label's cell after
the label (``공약순위 : 1``, ``제목 : …``) or in the next cell. A sheet starts at each line that
names the election. When a sheet prints no rank (a font without digits), its place among the sheets
is the rank; when it prints no 제목 label, the text after the rank is the title.

The pledge's cost is a total the sheet prints (``소요예산 : 707억 원``, ``총 사업비 16억3천2백만원``);
component costs in the funding prose are not totals and are not summed. A funding split printed as
source and share or amount (``국비 50%``, ``도비 30억``) gives one row per source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from orchestration.extract.funding import TOTAL_GROUP, funding_group
from orchestration.extract.numbers import NUMBER_BODY, PLACE_AMOUNT, parse_place_amount
from orchestration.extract.text import squeeze, without_spaces
from orchestration.extract.vocabulary import disclosure_terms

_RANK = re.compile(r"^\D{0,3}?(?P<rank>\d{1,2})\b")
_BALLOT = re.compile(r"(?P<number>\d{1,2})")
_SHARE = re.compile(rf"(?P<label>[가-힣]{{1,4}})\s*[:：]?\s*(?P<number>{NUMBER_BODY})\s*(?P<unit>%|％|억\s*원?|백만\s*원|천\s*원|만\s*원|원)")
_YEARS = re.compile(r"(?P<from>20\d{2})\s*년?\s*[~\-–]\s*(?P<to>20\d{2})")


@dataclass(frozen=True)
class SheetPledge:
    source_line: int
    rank: int
    rank_is_derived: bool
    title: str | None
    election: str | None
    constituency: str | None
    name: str | None
    ballot_number: str | None
    party: str | None
    sections: dict[str, str] = field(default_factory=dict)   # goals, methods, period, funding …
    budget_printed: str | None = None
    budget_krw: int | None = None
    budget_line: int = 0
    funding_split: tuple[tuple[str, str, str, int | None], ...] = ()   # (group, printed, unit, won)
    period_years: tuple[int | None, int | None] = (None, None)


def _spaced(pattern: str) -> str:
    """A pattern of Hangul words that also matches them spaced out (``목 표``)."""
    return re.sub(r"([가-힣])(?=[가-힣])", r"\1\\s*", pattern)


@cache
def _labels(concept: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((term.meaning, re.compile(_spaced(term.pattern.pattern))) for term in disclosure_terms(concept))


def _field_of(cell: str) -> tuple[str, str] | None:
    """(field, the rest of the cell) when the cell starts with a field's label."""
    stripped = cell.strip()
    for meaning, pattern in _labels("pledge_field"):
        match = pattern.match(stripped)
        if match:
            return meaning, stripped[match.end():].lstrip(" :：").strip()
    return None


def _cells(line: str) -> list[str]:
    """A form line's cells: its tab-separated cells, and a cell that starts with a label parted
    again before every later label at a word's start. An OCR-read sheet, or one whose cells sit
    a space apart, prints ``후보자명 김경희 기호 2 소속정당명 국민의힘`` as one run of words."""
    cells = []
    for cell in line.split("\t"):
        if _field_of(cell) is None:
            cells.append(cell)
            continue
        starts = sorted({match.start() for _, pattern in _labels("pledge_field")
                         for match in re.finditer(rf"(?:^|(?<=\s))(?:{pattern.pattern})", cell)} | {0})
        cells += [cell[a:b].strip() for a, b in zip(starts, starts[1:] + [len(cell)])]
    return cells


def read_five_pledges(lines: list[str]) -> list[SheetPledge]:
    starts = [n for n, line in enumerate(lines, start=1) if (_field_of(_cells(line)[0]) or ("",))[0] == "election"]
    if not starts:
        return []
    pledges = []
    for index, start in enumerate(starts):
        end = starts[index + 1] if index + 1 < len(starts) else len(lines) + 1
        pledge = _read_sheet(lines, start, end, index + 1)
        if pledge is not None:
            pledges.append(pledge)
    return pledges


def _read_sheet(lines: list[str], start: int, end: int, place: int) -> SheetPledge | None:
    fields: dict[str, tuple[str, int]] = {}
    body: list[tuple[int, str]] = []
    for number in range(start, end):
        cells = _cells(lines[number - 1])
        index = 0
        while index < len(cells):
            found = _field_of(cells[index])
            if found is None:
                if "rank" in fields and "title" not in fields and cells[index].strip() and not body:
                    fields["title"] = (cells[index].strip(), number)
                elif cells[index].strip():
                    body.append((number, cells[index].strip()))
                index += 1
                continue
            meaning, rest = found
            if not rest:
                following = next((i for i in range(index + 1, len(cells)) if cells[i].strip()), None)
                if following is not None and _field_of(cells[following]) is None:
                    rest, index = cells[following].strip(), following
            if meaning not in fields:
                fields[meaning] = (rest, number)
            index += 1
    if "rank" not in fields and "title" not in fields:
        return None
    rank_text, rank_line = fields.get("rank", ("", start))
    rank = _RANK.match(rank_text)
    ballot = _BALLOT.search(fields.get("ballot_number", ("", 0))[0])
    sections = _sections(" ".join(text for _, text in body))
    budget = _budget(body)
    period = sections.get("period", "")
    years = _YEARS.search(period)
    name = fields.get("name", ("", 0))[0]
    return SheetPledge(
        source_line=fields.get("title", (None, rank_line))[1],
        rank=int(rank["rank"]) if rank else place,
        rank_is_derived=rank is None,
        title=squeeze(fields["title"][0]) if fields.get("title", ("",))[0] else None,
        election=without_spaces(fields.get("election", ("", 0))[0]) or None,
        constituency=_constituency(fields.get("constituency", ("", 0))[0]),
        name=without_spaces(name) or None,
        ballot_number=ballot["number"] if ballot else None,
        party=without_spaces(fields.get("party", ("", 0))[0]) or None,
        sections=sections,
        budget_printed=budget[0] if budget else None,
        budget_krw=budget[1] if budget else None,
        budget_line=budget[2] if budget else 0,
        funding_split=_split(sections.get("funding", "")),
        period_years=(int(years["from"]), int(years["to"])) if years else (None, None),
    )


def _constituency(text: str) -> str | None:
    text = without_spaces(text)
    return text if text and text not in ("-", "－") else None


def _sections(text: str) -> dict[str, str]:
    """The sheet's body cut at its section headings (a heading mark or a line start before
    them), each section's text without its heading."""
    marks = []
    for meaning, pattern in _labels("pledge_section"):
        for match in re.finditer(rf"(?:^|[□◈■]\s*|\d\)\s*)(?:{pattern.pattern})(?:\s*등)?", text):
            marks.append((match.start(), match.end(), meaning))
    marks.sort()
    kept: list[tuple[int, int, str]] = []
    for mark in marks:
        if kept and mark[0] < kept[-1][1]:
            continue
        kept.append(mark)
    sections: dict[str, str] = {}
    for index, (_, end, meaning) in enumerate(kept):
        stop = kept[index + 1][0] if index + 1 < len(kept) else len(text)
        content = squeeze(text[end:stop]).lstrip(" :：")
        if meaning not in sections and content:
            sections[meaning] = content
    return sections


def _budget(body: list[tuple[int, str]]) -> tuple[str, int, int] | None:
    """The total the sheet prints after a budget label, with its line: in the funding section
    when the sheet has one (costs named under 이행방법 are parts of the plan, not its total)."""
    text, lines = "", []
    for number, cell in body:
        lines.append((len(text), number))
        text += cell + " "
    funding = [m.start() for meaning, pattern in _labels("pledge_section") if meaning == "funding"
               for m in re.finditer(rf"(?:[□◈■]\s*|\d\)\s*)(?:{pattern.pattern})", text)]
    start = min(funding) if funding else 0
    labels = "|".join(pattern.pattern for _, pattern in _labels("pledge_budget"))
    for match in re.finditer(rf"(?:{labels})[\s:：\-–—.·]*(?:약|총)?\s*(?P<amount>{PLACE_AMOUNT.pattern})", text[start:]):
        won = parse_place_amount(match["amount"])
        if won is not None:
            at = start + match.start()
            return squeeze(match["amount"]), won, max(n for offset, n in lines if offset <= at)
    return None


def _split(funding: str) -> tuple[tuple[str, str, str, int | None], ...]:
    parts = []
    for match in _SHARE.finditer(funding):
        group = funding_group(match["label"])
        if group is None or group == TOTAL_GROUP:
            continue
        unit = without_spaces(match["unit"])
        unit = {"%": "%", "％": "%", "억": "억원"}.get(unit, unit)
        won = parse_place_amount(match["number"] + unit.rstrip("원")) if unit != "%" else None
        parts.append((group, match["number"], unit, won))
    return tuple(parts)
