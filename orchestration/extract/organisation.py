"""Org units (국, 과, 팀) and the sections of a filing that belong to each.

A work plan opens each part with a *cover*: the unit's name alone on a line, then its sub-units
as a bullet list (``기획경제국`` over ``- 기획예산과 …``; ``기획예산과`` over ``- 정책기획팀 …``).
Any filing that prints that shape is read the same way, whatever the unit names are.

A section may list its sub-units again in a table of names and duties (조직현황: ``팀 명 | 주 요
업 무``). Each naming is its own record, so a unit spelled one way on the cover and another in
the table (자산관리팀 / 재산관리팀) stays visible as two.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from orchestration.extract.dates import year_label
from orchestration.extract.layouts import Cell
from orchestration.extract.tables import Table
from orchestration.extract.text import LINE_MARKS, PIECE, one_word, spaced_any, squeeze, without_spaces
from orchestration.extract.vocabulary import caption_words, label_meaning, non_unit_endings, org_unit_suffixes

# An org unit's name ends in one of the suffixes of the seed org_unit_suffixes.csv.
_UNIT_NAME = re.compile(r"^[가-힣A-Za-z0-9·]{1,24}?(" + "|".join(map(re.escape, org_unit_suffixes())) + ")$")
_BULLET = re.compile(r"^\s*[-•·◦○▪]\s*(?P<name>\S.*?)\s*$")
# The header of a table listing units by name: 팀 명, 부서명, 과 명, 팀(명) …
_NAME_HEADER = re.compile(r"^(?:팀|과|부서|담당관|조직)\(?명?\)?$")
_DUTIES_HEADER = re.compile(r"업무|기능|담당")
_MARKUP = re.compile(r"<[^>]+>")
COVER, UNIT_TABLE = "cover", "unit_table"
BUREAU, DEPARTMENT, TEAM = "bureau", "department", "team"


def unit_level(name: str) -> str:
    """bureau (국, 실, 본부), team (팀) or department, by the longest suffix the name ends in."""
    return next((level for suffix, level in org_unit_suffixes().items() if name.endswith(suffix)), DEPARTMENT)


def is_unit_name(text: str) -> bool:
    name = without_spaces(text)
    return bool(_UNIT_NAME.match(name)) and not name.endswith(non_unit_endings())


@dataclass(frozen=True)
class OrgUnit:
    org_unit: str
    printed: str
    unit_level: str
    parent_org_unit: str | None
    source_line: int
    listed_in: str = COVER        # a section cover, or a table of units (조직현황)
    duties: str | None = None     # 주요업무 as printed in a unit table, markup removed


@dataclass(frozen=True)
class Section:
    org_unit: str
    first_line: int
    last_line: int


def find_covers(lines: list[str]) -> list[tuple[int, str, list[tuple[int, str]]]]:
    """(line, unit name, [(line, sub-unit name)]) for every cover in the text."""
    covers = []
    for index, line in enumerate(lines):
        if not line.strip() or "\t" in line or not is_unit_name(line):
            continue
        children = _bullets_after(lines, index + 1)
        if children and all(is_unit_name(name) for _, name in children):
            covers.append((index + 1, line.strip(), children))
    return covers


def _bullets_after(lines: list[str], start: int) -> list[tuple[int, str]]:
    bullets: list[tuple[int, str]] = []
    index = start
    while index < len(lines) and not lines[index].strip() and not bullets:
        index += 1
    while index < len(lines):
        match = _BULLET.match(lines[index])
        if not match:
            break
        bullets.append((index + 1, match.group("name")))
        index += 1
    return bullets


def read_organisation(lines: list[str]) -> tuple[list[OrgUnit], list[Section]]:
    """Units with their parents, and the line range each non-team unit's section covers."""
    units: dict[str, OrgUnit] = {}
    covers = find_covers(lines)
    for line, printed, children in covers:
        name = without_spaces(printed)
        known = units.get(name)
        parent = known.parent_org_unit if known else None
        units[name] = OrgUnit(name, printed, unit_level(name), parent, line)
        for child_line, child_printed in children:
            child = without_spaces(child_printed)
            if child not in units:
                units[child] = OrgUnit(child, child_printed, unit_level(child), name, child_line)
            elif units[child].parent_org_unit is None:
                units[child] = OrgUnit(child, units[child].printed, units[child].unit_level, name,
                                       units[child].source_line)
    sections = []
    for position, (line, printed, _) in enumerate(covers):
        end = covers[position + 1][0] - 1 if position + 1 < len(covers) else len(lines)
        sections.append(Section(without_spaces(printed), line, end))
    # A filing written by one unit (a 실·국's own work plan) names it on its cover: what comes
    # before any unit's cover is that unit's.
    own = filing_unit(lines)
    first = sections[0].first_line if sections else len(lines) + 1
    if own and first > 1:
        sections.insert(0, Section(own[0], 1, first - 1))
        units.setdefault(own[0], OrgUnit(own[0], own[1], unit_level(own[0]), None, own[2]))
    return list(units.values()), sections


# A filing's cover: its first lines that are not blank.
COVER_LINES = 12
# The title of a plan (업무계획, 업무 추진계획, 업무보고).
PLAN_TITLE = re.compile(r"업\s*무\s*(?:추\s*진\s*)?(?:계\s*획|보\s*고)")


def filing_unit(lines: list[str]) -> tuple[str, str, int] | None:
    """The unit a filing's cover names, alone on one of its first lines: (name, printed, line).
    A cover that prints the plan's title names the issuing unit below it; a unit above the
    title is the committee the plan is reported to (복지환경위원회 over 주요업무계획). A cover naming
    none leaves the unit to the organisation chart's first box."""
    cover = [(n, text) for n, text in enumerate(lines, start=1) if text.strip()][:COVER_LINES]
    title = next((i for i, (_, text) in enumerate(cover) if PLAN_TITLE.search(without_spaces(text))), None)
    candidates = cover[title + 1:] if title is not None else cover
    for number, text in candidates:
        text = _GOVERNMENT_PREFIX.sub("", _ENCLOSED.sub(r"\1", squeeze(text)))
        if one_word(text) and is_unit_name(text) and len(without_spaces(text)) >= 3:
            return without_spaces(text), text, number
    return _chart_root(lines)


# "□ 조    직 : 1위원회 2담당관 9팀": the caption of the plan's organisation chart (its words in
# caption_words.csv), whose first box (the line below it) is the unit the plan is of.
_CHART_CAPTION = re.compile(LINE_MARKS + spaced_any(caption_words("org_chart"))
                            + r"\s*(?:도|현\s*황)?\s*(?:[:：(]|$)")


def _chart_root(lines: list[str]) -> tuple[str, str, int] | None:
    """The unit heading the first organisation chart, for a plan whose cover names none (w03's
    cover names only the committee it is reported to): the box below the chart's caption, over
    the units it holds printed side by side. A list of units one to a line is no chart."""
    caption = next((n for n, text in enumerate(lines, start=1) if _CHART_CAPTION.match(text)), None)
    found = _next_lines(lines, caption, 2) if caption else []
    if len(found) < 2:
        return None
    root, children = found
    name = squeeze(lines[root - 1])
    side_by_side = [part for part in PIECE.findall(lines[children - 1]) if is_unit_name(part)]
    if one_word(name) and is_unit_name(name) and len(without_spaces(name)) >= 3 and len(side_by_side) >= 2:
        return without_spaces(name), name, root
    return None


def _next_lines(lines: list[str], after: int, count: int) -> list[int]:
    """The numbers of the next ``count`` lines after line ``after`` that print something."""
    return [n for n in range(after + 1, len(lines) + 1) if lines[n - 1].strip()][:count]


# "(기   획   관)": a cover may print the unit in brackets.
_ENCLOSED = re.compile(r"^[(\[<〈「【]\s*(.+?)\s*[)\]>〉」】]$")
# "부산광역시 낙동강관리본부": the unit, under the name of the government it belongs to.
_GOVERNMENT_PREFIX = re.compile(r"^(?:[가-힣]+(?:특별시|광역시|특별자치시|특별자치도|도|시|군|구)\s+)+(?=\S)")


# Why a fact has no org unit: no unit's cover (or the filing's own) opens a section holding it;
# or its column of a table of units prints no unit's name (a header the text lost).
NO_UNIT_SECTION = "no_unit_section"
UNIT_NOT_PRINTED = "unit_not_printed"


def section_at(sections: list[Section], line: int) -> str | None:
    """The unit of the innermost section holding ``line`` (a unit's heading inside a cover's section)."""
    holding = [s for s in sections if s.first_line <= line <= s.last_line]
    return min(holding, key=lambda s: s.last_line - s.first_line).org_unit if holding else None


def read_unit_tables(tables: list[Table], sections: list[Section]) -> list[OrgUnit]:
    """Units listed in tables of names (and duties), each under the unit whose section holds it.
    Such a table prints no numbers; its first column is headed by a name label and every row
    names a unit."""
    units = []
    for table in tables:
        if table.value_cells() or not table.header_rows or not table.body_rows:
            continue
        headers = [without_spaces(c.text) for c in table.header_rows[-1]]
        names = [row[0] for row in table.body_rows if row and row[0].text.strip()]
        if not headers or not _NAME_HEADER.match(headers[0]) or not all(is_unit_name(c.text) for c in names):
            continue
        duties_column = next((i for i, h in enumerate(headers) if i and _DUTIES_HEADER.search(h)), None)
        parent = section_at(sections, table.first_line)
        for row in table.body_rows:
            if not row or not row[0].text.strip():
                continue
            name = without_spaces(row[0].text)
            duties = None
            if duties_column is not None and duties_column < len(row):
                duties = squeeze(_MARKUP.sub(" ", row[duties_column].text)) or None
            units.append(OrgUnit(name, row[0].text.strip(), unit_level(name), parent if parent != name else None,
                                 row[0].line, UNIT_TABLE, duties))
    return units


TOTAL_COLUMN = "total"
# The two sides of the budget, and their words (caption_words.csv) spaced out as filings print them.
REVENUE_SIDE, EXPENDITURE_SIDE = "세입", "세출"
REVENUE_WORD, EXPENDITURE_WORD = spaced_any(caption_words("revenue_side")), spaced_any(caption_words("expenditure_side"))
SIDE_WORD = rf"(?:{REVENUE_WORD}|{EXPENDITURE_WORD})"
# A row or column label naming a side, alone or as its budget (``세입예산``).
_SIDE_LABEL = re.compile(rf"^(?P<side>{'|'.join(caption_words('revenue_side') + caption_words('expenditure_side'))})"
                         r"(?:예산)?$")


def side_of(word: str) -> str | None:
    """The side of the budget a word names, its spaces aside (``세 출``: EXPENDITURE_SIDE); None
    for any other word."""
    word = without_spaces(word)
    return (REVENUE_SIDE if word in caption_words("revenue_side")
            else EXPENDITURE_SIDE if word in caption_words("expenditure_side") else None)


def side_label(label: str) -> str | None:
    """The side of the budget a row or column label names (``세입``, ``세 출``, ``세입예산``)."""
    match = _SIDE_LABEL.match(without_spaces(label))
    return side_of(match["side"]) if match else None


def is_total(label: str) -> bool:
    """A label (without its spaces) of a grand total: 계, 합계, 총계, and one that names what it
    totals, 합 계 (일반회계) (label_terms.csv)."""
    return label_meaning("total", label) == "total"


def unit_row(table: Table, sections: list[Section], side: str) -> list[tuple[str, Cell, str]]:
    """The lines of a table labelled as ``side`` of the budget (REVENUE_SIDE, EXPENDITURE_SIDE)
    whose other side names units,
    whichever way the table runs: a row under a header of units (``구분 | 계 | 문화예술과 | …``) or a
    column beside rows of units (``구분 | 세입 | 세출`` over ``합계``, ``관광정책과`` …); or, under a
    caption whose nearest line on the budget names that side alone (``ㅇ (세입) 2,917백만원``), the
    rows under a header of units labelled by a year (``2025년``). Each cell with its line's label
    as printed and its unit (the 계 column or row is the unit whose section holds the table); none
    when the table has no such line. A column of a table of units whose header prints nothing is
    of no unit the table names: its unit is ``""``."""
    columns = unit_columns(table)
    rows = [r for r in table.body_rows if r and side_label(r[0].text) == side][:1]
    if columns is not None and not rows and _caption_side(table) == side:
        rows = [r for r in table.body_rows if r and year_label(r[0].text)]
    if columns is None or not rows:
        return _unit_column(table, sections, side)
    found = []
    for row in rows:
        for cell in row:
            unit = columns.get(cell.column)
            org_unit = section_at(sections, cell.line) if unit == TOTAL_COLUMN else unit
            if org_unit is not None and cell.text:
                found.append((row[0].text, cell, org_unit))
    return found


def _caption_side(table: Table) -> str | None:
    """The side of the budget the caption line nearest the table names, when it names one alone."""
    for _, text in reversed(table.caption):
        sides = {side_of(word) for word in re.findall(SIDE_WORD, text)}
        if sides:
            return sides.pop() if len(sides) == 1 else None
    return None


def _unit_column(table: Table, sections: list[Section], side: str) -> list[tuple[str, Cell, str]]:
    """The columns headed as ``side`` of the budget (their innermost level: ``2025년 / 세출``, one column
    per year) beside rows most of which name units, and so all of them do (클래식부산 among the 과
    of a 국, as across a header); a 계 row is the unit whose section holds the table."""
    columns = [i for i, label in enumerate(table.column_labels)
               if i >= table.label_columns and side_label(label.split(" / ")[-1]) == side]
    if not columns or not table.label_columns:
        return []
    named = [without_spaces(row[0].text) for row in table.body_rows if row and row[0].column == 0 and row[0].text]
    units = [name for name in named if not is_total(name)]
    if not units or sum(map(is_unit_name, units)) * 2 <= len(units):
        return []
    found = []
    for row in table.body_rows:
        cells = {cell.column: cell for cell in row}
        label = cells.get(0)
        if label is None:
            continue
        name = without_spaces(label.text)
        org_unit = section_at(sections, label.line) if is_total(name) else name or None
        found += [(table.column_labels[c].split(" / ")[-1], cells[c], org_unit)
                  for c in columns if org_unit is not None and c in cells and cells[c].text]
    return found


def unit_columns(table: Table) -> dict[int, str] | None:
    """The columns of a table whose header names units (``계 | 문화예술과 | 시립박물관 …``):
    column → unit, the 계 column as ``total``; None when most columns name no unit."""
    columns = {}
    for column, label in enumerate(table.column_labels[table.label_columns:], start=table.label_columns):
        name = without_spaces(label)
        columns[column] = TOTAL_COLUMN if is_total(name) else name
    named = [name for name in columns.values() if name != TOTAL_COLUMN]
    if not named or sum(1 for name in named if is_unit_name(name)) * 2 < len(named):
        return None
    return columns
