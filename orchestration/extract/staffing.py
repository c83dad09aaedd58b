"""Staffing (정원 = authorized posts, 현원 = people in post) from 정원(현원) tables.

A staffing table is recognised by its shape, not its position: columns headed by grades
(``합 계``, ``3급`` … ``9급``, ``5급(사무관)``, ``6급 이하``, 연구·지도직: the seed grades.csv), and 정원 named in the table's caption, header or rows. Its cells
print ``authorized (current)`` or ``authorized / current`` pairs (the other way round where the
table says ``현원/정원``; ``-`` is no post), or 정원 and 현원 stand on rows of their own (a 과부족 row
below them is their difference, not a third count), or in columns of their own with units down the
side (``구분 | 정원 | 현원 | 과부족``). A row labelled with an org unit name states
that unit's staffing (a bureau summary table); a row labelled otherwise (``정원(현원)``, ``정 원``)
states the staffing of the unit whose section the table sits in, and where no unit's section holds
it the fact is kept without a unit (``unattributed`` says why).

An organisation chart prints each unit's posts under its name: a line of unit names over a line
of as many ``5팀(35명)`` entries, the chart's note saying what the bracket counts (``※( )는 정원``;
정원 when it says nothing). Such a row has no 현원: ``current`` stays empty.

A register of the government's affiliated bodies (its 공사 and 공단, the bodies it invests in or
funds), told by the header over its names (seed body_name_headers.csv), gives each body's staff:
정원 and 현원 columns, one column printing both (``조 직 (정원/현원)`` over ``… (107명/106명)``),
or a line of the body's description (``정·현원 : 정원 368명(현원 345명)``). They are not the
government's units: the body is the fact's org unit, its statement ``affiliated_body``.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from datetime import date

from orchestration.extract.dates import parse_as_of
from orchestration.extract.numbers import NumberParseError, parse_pair, parse_quantity
from orchestration.extract.organisation import (NO_UNIT_SECTION, TOTAL_COLUMN, UNIT_NOT_PRINTED, Section, is_unit_name,
                                                section_at, unit_columns)
from orchestration.extract.structure import CIRCLE, DASH, Heading, heading, heading_depth
from orchestration.extract.tables import Cell, Table
from orchestration.extract.text import LINE_MARKS, MIDDLE_DOTS, PIECE, letter_spaced, spaced_any, without_spaces
from orchestration.extract.vocabulary import (body_name_headers, caption_words, grade_labels, org_unit_suffixes,
                                              staff_count_words, staff_group_labels)

TOTAL = "total"
# The words of the two counts (staff_count_words.csv), as patterns spaced out the way filings print them.
AUTHORIZED, CURRENT = "authorized", "current"
_AUTHORIZED_WORD, _CURRENT_WORD = (spaced_any(word for word, meaning in staff_count_words().items() if meaning == wanted)
                                   for wanted in (AUTHORIZED, CURRENT))
_COUNT_WORD = f"(?:{_AUTHORIZED_WORD}|{_CURRENT_WORD})"
_STAFFING_MARK = re.compile(_AUTHORIZED_WORD)
_CURRENT_FIRST = re.compile(rf"{_CURRENT_WORD}\s*[(/]\s*{_AUTHORIZED_WORD}")

SUMMARY_TABLE, UNIT_PAGE, HEADLINE, ORG_CHART = "summary_table", "unit_page", "headline", "org_chart"
AFFILIATED_BODY = "affiliated_body"
_CHART_ENTRY = re.compile(r"(?P<teams>\d+)\s*팀\s*\(\s*(?P<posts>\d[\d,]*)\s*명\s*\)")
_CHART_NOTE = re.compile(rf"\(\s*\)\s*(?:안\s*)?(?:은|는|의\s*숫자는)?\s*(?P<what>{_COUNT_WORD})")
_CHART_NOTE_LINES = 8
_COUNT_TABLE_LABELS = 2
# "인력현황 : 정원 21명 [현원 23명]", "정원 25명 (현원 25명)": a unit's totals in one line of text.
# "인 력 : 정원 149명, 현원 149명": the same, the two counts side by side; "인 력 : 정원 76 / 현원 75"
# with a slash between them, 명 left out; "□ 정 원 : 45명(현원 43명)", a colon after the word.
_HEADLINE = re.compile(rf"{_AUTHORIZED_WORD}\s*[:：]?\s*(?P<authorized>\d[\d,]*)\s*(?:명\s*(?:[\[(]\s*{_CURRENT_WORD}\s*[:：]?\s*(?P<current>\d[\d,]*)\s*명?\s*[\])]"
                       rf"|,\s*{_CURRENT_WORD}\s*[:：]?\s*(?P<current_listed>\d[\d,]*)\s*명)"
                       rf"|명?\s*/\s*{_CURRENT_WORD}\s*[:：]?\s*(?P<current_slash>\d[\d,]*)(?:\s*명)?(?![\d,]))")
# "□ 인  력 : 정원 149명", "ㅇ 정원 : 45명": the unit's 정원 alone, no 현원 printed beside it, no
# parts in brackets after it (those lines are _HEADLINE's and _BREAKDOWN's) and no figures (a
# table's row, ``정 원   45명   1   3``, is the table readers').
_AUTHORIZED_ALONE = re.compile(rf"{_AUTHORIZED_WORD}\s*[:：]?\s*(?P<authorized>\d[\d,]*)\s*명"
                               rf"(?=\s*(?:$|[^\d\s(\[/,]))(?!.*(?:{_CURRENT_WORD}|\d))")
# What may stand before a unit's own headline: bullets and a 인력 / 인원 label (caption_words.csv),
# maybe after the organisation's (``조직 및 인력 : 1국 5과 20팀, 정원 150명``, its units counted by
# their suffixes, org_unit_suffixes.csv). A line naming something else first ("부산관광공사 정원
# 107명(현원 106명)") is that body's staffing, not the unit's; so is one under 조직 alone (w02 p6:
# ``ㅇ 조    직 : 1실 3팀, 정원 55명(현원 40명)`` under each affiliated body's name).
_ORG_COUNTS = r"(?:\d+\s*(?:" + "|".join(map(re.escape, org_unit_suffixes())) + r")\s*)+[,/]?\s*"
_HEADLINE_LEAD = re.compile(LINE_MARKS + r"(?:(?:" + spaced_any(caption_words("org_chart")) + r"\s*(?:및|[·ㆍ,/])?\s*)?"
                            + spaced_any(caption_words("staffing")) + r"\s*(?:현\s*황)?\s*)?"
                            rf"(?:[:：]\s*(?:{_ORG_COUNTS})?)?\s*$")
# "정 원 ▷ 153명(연구직 131, 일반직 22)", "인 력 : 371명정원 (본청 114, 사업소 257 )" (the word pulled
# behind the number): a unit's 정원 and its parts in brackets.
_BREAKDOWN = re.compile(rf"(?:(?P<before>{_COUNT_WORD})\s*[:：▷]?\s*)?(?P<total>\d[\d,]*)\s*명\s*"
                        rf"(?P<after>{_COUNT_WORD})?\s*\((?P<parts>[^()]+)\)")
_PART = re.compile(r"\s*(?P<name>[가-힣][가-힣\s·ㆍ]*?)\s*(?P<count>\d[\d,]*)\s*명?\s*")


def count_of(label: str) -> str | None:
    """The count a row or column label names (``정 원``, ``현원수``, ``현원(명)``): ``authorized``,
    ``current`` or None."""
    return staff_count_words().get(re.sub(r"\(.*\)$", "", without_spaces(label)))



@dataclass(frozen=True)
class StaffingFact:
    source_line: int
    table_index: int
    org_unit: str | None          # None when no unit's section holds the table (``unattributed`` says so)
    org_unit_printed: str
    statement: str
    grade: str
    grade_printed: str
    authorized: int
    current: int | None           # None for an organisation chart, which prints 정원 alone
    printed_value: str
    as_of: date | None
    unattributed: str | None = None  # why org_unit is None
    staff_group: str | None = None   # the part of the unit's staff counted (연구직, 본청); None for all of it
    source_span: tuple[int, int] = field(default=(0, 0), compare=False)  # characters of the line taken


def grade_of(header: str) -> str | None:
    """The grade a column header names (grades.csv: ``5급(사무관)`` → 5급, ``6급 이하`` → 6급이하,
    ``합 계`` → total), or None."""
    label = without_spaces(header)
    return next((grade for grade, pattern in grade_labels() if pattern.match(label)), None)


def group_of(label: str) -> str | None:
    """The group of staff a label names (staff_groups.csv: a 직렬 such as ``연 구 직``, or a seat such
    as ``본청``, ``사업소``), or None."""
    name = MIDDLE_DOTS.sub("", without_spaces(label))
    return next((group for group, pattern in staff_group_labels() if pattern.match(name)), None)


def _grade_columns(table: Table) -> dict[int, tuple[str, str, str | None]]:
    """(grade, header as printed, staff group) of each column headed by a grade. A header of several
    levels counts a grade within a group of staff when its outermost level names one: ``연 구 직 /
    연 구 관 / 3급`` is 3급 of 연구직, ``일 반 직 / 4급`` 4급 of 일반직 (so one table may print 4급 twice).
    Other headers of several levels (``정원 / 5급``) are not read as grades."""
    columns = {}
    for index, label in enumerate(table.column_labels):
        outer, *inner = label.split(" / ")
        if not inner:
            grade, group = grade_of(label), None
        else:
            group = group_of(outer)
            grade = next((g for part in reversed(inner) if (g := grade_of(part))), None) if group else None
        if grade:
            columns[index] = (grade, label, group)
    return columns


def is_staffing_table(table: Table) -> bool:
    grades = [grade for grade, _, _ in _grade_columns(table).values()]
    if TOTAL not in grades or sum(1 for g in grades if g and g != TOTAL) < 2:
        return False
    return bool(_STAFFING_MARK.search(_context(table)))


def _context(table: Table) -> str:
    """What a table says of itself: its caption, its header and its row labels."""
    context = table.caption_text() + " " + " ".join(c.text for row in table.header_rows for c in row)
    return context + " " + " ".join(c.text for row in table.body_rows for c in row[:max(table.label_columns, 1)])


def extract_staffing(tables: list[Table], sections: list[Section]) -> list[StaffingFact]:
    facts: list[StaffingFact] = []
    for table in tables:
        if _body_names(table):
            facts += _body_facts(table)
            continue
        bands = _unit_bands(table)
        if bands:
            facts += _unit_band_facts(table, bands, sections)
            continue
        columns = _count_columns(table)
        if columns:
            facts += _count_column_facts(table, columns, sections)
            continue
        pairs = _row_pairs(table)
        if len(pairs) == 1 and _unit_columns(table):
            facts += _unit_column_facts(table, pairs[0][1:], sections)
            continue
        grade_rows = _grade_rows(table)
        if grade_rows:
            facts += _grade_row_facts(table, grade_rows, sections)
            continue
        if not is_staffing_table(table):
            continue
        grades = _grade_columns(table)
        as_of = parse_as_of(table.caption_text())
        if pairs:
            for unit, *split in pairs:
                facts += _split_row_facts(table, unit, split, grades, sections, as_of)
            continue
        swapped = _current_first(table)
        for row in table.body_rows:
            label = row[0].text if row else ""
            if is_unit_name(label):
                org_unit, printed, statement = without_spaces(label), label, SUMMARY_TABLE
            else:
                org_unit = section_at(sections, row[0].line)
                printed, statement = label, UNIT_PAGE
            for cell in row:
                if cell.column in grades and cell.text:
                    grade, grade_printed, group = grades[cell.column]
                    fact = _pair_cell(table, cell, swapped, org_unit=org_unit, org_unit_printed=printed,
                                      statement=statement, grade=grade, grade_printed=grade_printed, as_of=as_of,
                                      staff_group=group)
                    facts += [fact] if fact else []
    return facts


def _pair_cell(table: Table, cell: Cell, swapped: bool, **fields) -> StaffingFact | None:
    """The fact of a cell printing both counts (``22 (24)``, ``80 / 85``), 정원 first unless
    ``swapped``; None for any other cell. ``fields``: the unit, statement, grade and date."""
    try:
        first, second = parse_pair(cell.text)
    except NumberParseError:
        return None
    authorized, current = _count(first.printed), _count(second.printed)
    if authorized is None or current is None:
        return None
    if swapped:
        authorized, current = current, authorized
    return StaffingFact(source_line=cell.line, table_index=table.table_index, authorized=authorized,
                        current=current, printed_value=cell.text,
                        unattributed=None if fields["org_unit"] else NO_UNIT_SECTION,
                        source_span=(cell.start, cell.end), **fields)


def _grade_rows(table: Table) -> dict[int, str] | None:
    """A table of count pairs with the grades down the side and the units across (``구 분 | 계 |
    관광정책과 …`` over ``5급 | 14 / 15 | 5 / 6 …``): column → unit (``total`` for the 계 column);
    None unless the rows name the total and two grades at least and the table speaks of 정원."""
    grades = [grade_of(row[0].text) for row in table.body_rows if row and row[0].text]
    if TOTAL not in grades or sum(1 for g in grades if g and g != TOTAL) < 2 or not _STAFFING_MARK.search(_context(table)):
        return None
    return _unit_columns(table)


def _grade_row_facts(table: Table, columns: dict[int, str], sections: list[Section]) -> list[StaffingFact]:
    """Each unit's count pair of each grade; the 계 column is the unit whose section holds the table."""
    as_of, swapped = parse_as_of(table.caption_text()), _current_first(table)
    facts = []
    for row in table.body_rows:
        grade = grade_of(row[0].text) if row else None
        if grade is None:
            continue
        for cell in row:
            unit = columns.get(cell.column)
            if unit is None or not cell.text:
                continue
            named = unit != TOTAL_COLUMN
            org_unit = unit if named else section_at(sections, cell.line)
            fact = _pair_cell(table, cell, swapped, org_unit=org_unit,
                              org_unit_printed=table.column_labels[cell.column],
                              statement=SUMMARY_TABLE if named else UNIT_PAGE, grade=grade,
                              grade_printed=row[0].text, as_of=as_of)
            facts += [fact] if fact else []
    return facts


def _current_first(table: Table) -> bool:
    """A table whose pairs print 현원 first: its caption, header or labels say ``현원(정원)`` or
    ``현원 / 정원``. Otherwise 정원 comes first, as the form ``정원(현원)`` has it."""
    return bool(_CURRENT_FIRST.search(without_spaces(_context(table))))


def _row_pairs(table: Table) -> list[tuple[str, list, list]]:
    """(unit as printed, 정원 row, 현원 row) of a table that prints the two counts on rows of their
    own: once for the unit whose section holds it (the unit ``""``), or once per unit, the unit
    named in an outer label carried down (``기획예산과 | 정원 …`` over `` | 현원 …``)."""
    pairs, pending, unit = [], None, ""
    for row in table.body_rows:
        labels = {cell.column: cell.text for cell in row if cell.column < max(table.label_columns, 1)}
        if not labels:
            continue
        innermost = max(labels)
        unit = next((labels[c] for c in sorted(labels) if c < innermost and labels[c].strip()), unit)
        name = without_spaces(labels[innermost])
        if count_of(name) == AUTHORIZED:
            pending = (unit, row)
        elif count_of(name) == CURRENT and pending is not None and pending[0] == unit:
            pairs.append((unit, pending[1], row))
            pending = None
    return pairs


def _unit_columns(table: Table) -> dict[int, str] | None:
    """A table of 정원 and 현원 rows whose columns are the units, not grades."""
    columns = unit_columns(table)
    if columns is None or any(grade_of(name) for name in columns.values() if name != TOTAL_COLUMN):
        return None
    return columns


def _unit_column_facts(table: Table, split: tuple[list, list], sections: list[Section]) -> list[StaffingFact]:
    """One total per unit column; the 계 column is the filing unit's (its section's) total."""
    authorized_row, current_row = split
    current_cells = {cell.column: cell for cell in current_row}
    own = section_at(sections, authorized_row[0].line)
    as_of = parse_as_of(table.caption_text())
    facts = []
    for cell in authorized_row:
        unit = _unit_columns(table).get(cell.column)
        other = current_cells.get(cell.column)
        if unit is None or other is None:
            continue
        authorized, current = _count(cell.text), _count(other.text)
        org_unit = own if unit == TOTAL_COLUMN else unit or None
        if authorized is None or current is None:
            continue
        facts.append(StaffingFact(
            source_line=cell.line, table_index=table.table_index, org_unit=org_unit,
            org_unit_printed=table.column_labels[cell.column], statement=UNIT_PAGE if unit == TOTAL_COLUMN else SUMMARY_TABLE,
            grade=TOTAL, grade_printed=table.column_labels[cell.column], authorized=authorized, current=current,
            printed_value=cell.text, as_of=as_of,
            unattributed=None if org_unit else UNIT_NOT_PRINTED if unit == "" else NO_UNIT_SECTION,
            source_span=(cell.start, cell.end)))
    return facts


def _count(text: str) -> int | None:
    """A headcount cell: ``45``, ``45명``, ``1,265``; ``-`` is no post; anything else is None."""
    try:
        quantity = parse_quantity(text)
    except NumberParseError:
        return None
    if quantity.marker == "dash":
        return 0
    if quantity.value is None or quantity.unit not in (None, "명") or not _whole(quantity.value):
        return None
    return int(quantity.value)


def _split_row_facts(table: Table, unit: str, split: list[list], grades: dict, sections: list[Section],
                     as_of: date | None) -> list[StaffingFact]:
    """A unit's 정원 row over its 현원 row: a unit named beside them is that unit's (a bureau's
    summary), else the unit's whose section holds the table."""
    authorized_row, current_row = split
    named = is_unit_name(unit)
    org_unit = without_spaces(unit) if named else section_at(sections, authorized_row[0].line)
    current_cells = {cell.column: cell for cell in current_row}
    facts = []
    for cell in authorized_row:
        other = current_cells.get(cell.column)
        if cell.column not in grades or other is None:
            continue
        authorized, current = _count(cell.text), _count(other.text)
        if authorized is None or current is None:
            continue
        grade, grade_printed, group = grades[cell.column]
        facts.append(StaffingFact(
            source_line=cell.line, table_index=table.table_index, org_unit=org_unit,
            org_unit_printed=unit if named else authorized_row[0].text, statement=SUMMARY_TABLE if named else UNIT_PAGE,
            grade=grade, grade_printed=grade_printed,
            authorized=authorized, current=current, printed_value=cell.text, as_of=as_of,
            unattributed=None if org_unit else NO_UNIT_SECTION, staff_group=group, source_span=(cell.start, cell.end)))
    return facts


def extract_headline_staffing(lines: list[str], sections: list[Section]) -> list[StaffingFact]:
    """Totals stated in a line of text: the staffing of the unit whose section holds the line,
    its 정원 and 현원 or its 정원 alone. The line prints no 기준일, so ``as_of`` stays empty."""
    facts = []
    for number, line in enumerate(lines, start=1):
        facts += _breakdown_facts(number, line, section_at(sections, number))
        alone = _AUTHORIZED_ALONE.finditer(line) if "\t" not in line else ()
        for match in [*_HEADLINE.finditer(line), *alone]:
            if not _HEADLINE_LEAD.match(line[:match.start()]):
                continue
            org_unit = section_at(sections, number)
            current = next((value for name, value in match.groupdict().items() if name.startswith("current") and value),
                           None)
            facts.append(StaffingFact(
                source_line=number,
                table_index=0,
                org_unit=org_unit,
                org_unit_printed=org_unit or "",
                statement=HEADLINE,
                grade=TOTAL,
                grade_printed=TOTAL,
                authorized=int(match.group("authorized").replace(",", "")),
                current=int(current.replace(",", "")) if current else None,
                printed_value=match.group(0),
                as_of=None,
                unattributed=None if org_unit else NO_UNIT_SECTION,
                source_span=match.span(),
            ))
    return facts


def _breakdown_facts(number: int, line: str, org_unit: str | None) -> list[StaffingFact]:
    """A unit's 정원 and the parts it is made of (``153명(연구직 131, 일반직 22)``): read only when
    the parts add up to the total; a part is read when it names a group of staff (staff_groups.csv)
    or a unit. The line prints no 현원, so ``current`` stays empty."""
    facts = []
    for match in _BREAKDOWN.finditer(line):
        if count_of(match["before"] or match["after"] or "") != AUTHORIZED or not _HEADLINE_LEAD.match(line[:match.start()]):
            continue
        parts, offset = [], match.start("parts")
        for piece in match["parts"].split(","):
            part = _PART.fullmatch(piece)
            if part is None:
                break
            parts.append((part["name"], _count(part["count"]), (offset + part.start("count"), offset + part.end("count"))))
            offset += len(piece) + 1
        total = _count(match["total"])
        if len(parts) < 2 or len(parts) != len(match["parts"].split(",")) or sum(c or 0 for _, c, _ in parts) != total:
            continue
        statement = dict(source_line=number, table_index=0, statement=HEADLINE, grade=TOTAL, current=None,
                         as_of=None)
        facts.append(StaffingFact(**statement, org_unit=org_unit, org_unit_printed=org_unit or "",
                                  grade_printed=TOTAL, authorized=total, printed_value=match["total"],
                                  unattributed=None if org_unit else NO_UNIT_SECTION, source_span=match.span("total")))
        for name, count, span in parts:
            group = group_of(name)
            if group is None and not is_unit_name(name):
                continue
            unit = org_unit if group else without_spaces(name)
            facts.append(StaffingFact(**statement, org_unit=unit, org_unit_printed=(org_unit or "") if group else name.strip(),
                                      grade_printed=name.strip(),
                                      authorized=count, printed_value=line[span[0]:span[1]], staff_group=group,
                                      unattributed=None if unit else NO_UNIT_SECTION, source_span=span))
    return facts


def _count_columns(table: Table) -> dict[str, tuple[str, int, int]] | None:
    """grade → (header as printed, 정원 column, 현원 column) of a table that gives each count its
    own column, units down the side (``구분 | 정원 | 현원 | 과부족``), and under a header of two
    levels each grade its own pair (``계 / 정원 | 계 / 현원 | 5급 / 정원 | 5급 / 현원``); None for any
    other table."""
    found: dict[str, dict[str, int]] = {}
    printed: dict[str, str] = {}
    for index, label in enumerate(table.column_labels):
        *outer, inner = label.split(" / ")
        count = count_of(inner)
        # an outer level naming no grade (``인 원 / 정원``) bands the unit's whole staff
        grade = (grade_of(outer[-1]) if outer else None) or TOTAL
        if count is not None and count not in found.setdefault(grade, {}):
            found[grade][count] = index
            printed.setdefault(grade, " / ".join(outer) or label)
    pairs = {grade: (printed[grade], columns[AUTHORIZED], columns[CURRENT])
             for grade, columns in found.items() if len(columns) == 2}
    # Only names stand before the counts: a register of bodies printing their founding date, head
    # and 기구 before 정원 (출자·출연기관 현황) is about other bodies, not this government's units.
    if not pairs or table.label_columns > _COUNT_TABLE_LABELS:
        return None
    return pairs


def _unit_bands(table: Table) -> dict[str, tuple[str, int, int]] | None:
    """unit → (band as printed, 정원 column, 현원 column) of a table whose header bands each unit's
    pair of counts (``총 계 | 감사담당관 | 청렴담당관`` over ``정 원 | 현 원`` each: w03 p5); the
    total's band is the unit the table's section is of (``""``). None unless every band names a
    unit or the total and one at least names a unit."""
    found: dict[str, dict[str, int]] = {}
    printed: dict[str, str] = {}
    for index, label in enumerate(table.column_labels[table.label_columns:], start=table.label_columns):
        *outer, inner = label.split(" / ")
        count = count_of(inner)
        if not outer or count is None:
            return None
        band = "" if grade_of(outer[-1]) == TOTAL else without_spaces(outer[-1])
        if band and not is_unit_name(band) or count in found.setdefault(band, {}):
            return None
        found[band][count] = index
        printed.setdefault(band, outer[-1])
    if not any(found) or any(len(columns) != 2 for columns in found.values()):
        return None
    return {band: (printed[band], columns[AUTHORIZED], columns[CURRENT]) for band, columns in found.items()}


def _unit_band_facts(table: Table, bands: dict[str, tuple[str, int, int]], sections: list[Section]) -> list[StaffingFact]:
    """Each unit's counts from the rows of the whole staff: a row with no label, or the 계 row."""
    as_of = parse_as_of(table.caption_text())
    facts = []
    for row in table.body_rows:
        label = _row_name(table, row)
        if label and grade_of(label) != TOTAL:
            continue
        cells = {cell.column: cell for cell in row}
        for band, (band_printed, *pair) in bands.items():
            fact = _column_pair(table, cells, pair, org_unit=band or section_at(sections, row[0].line),
                                org_unit_printed=band_printed, statement=SUMMARY_TABLE if band else UNIT_PAGE,
                                grade=TOTAL, grade_printed=band_printed, as_of=as_of)
            facts += [fact] if fact else []
    return facts


def _row_name(table: Table, row) -> str:
    """The innermost label of a row (출자기관 over 벡스코 is a group, the row is 벡스코's)."""
    cells = {cell.column: cell for cell in row}
    return next((cells[c].text for c in range(table.label_columns - 1, -1, -1) if c in cells and cells[c].text), "")


def _count_column_facts(table: Table, columns: dict[str, tuple[str, int, int]],
                        sections: list[Section]) -> list[StaffingFact]:
    """One count pair per row and grade: a unit's row is that unit's (a bureau's summary), a 계
    row the unit whose section holds the table, a grade's row (``6급 | 70 | 50``: the grades
    down the side) that grade of the unit an outer label names or the section's, and a row naming
    a group of its staff (``일반직 | 22 | 21``, ``사업소 | 257 | 250``: staff_groups.csv) that
    group's part of the unit's staff."""
    as_of = parse_as_of(table.caption_text())
    labelled = [(row, _row_name(table, row)) for row in table.body_rows]
    names = [label for _, label in labelled if label and not grade_of(label)]
    # As with units across a header: when most rows name units, every row names one (클래식부산
    # among the 과 of a 국 is one of its units too).
    units = bool(names) and sum(map(is_unit_name, names)) * 2 > len(names)
    # 연구직 is a grade among 5급 and 6급, and a group of staff beside 일반직
    grouped = any(group_of(label) and not grade_of(label) for label in names)
    facts = []
    for row, label in labelled:
        cells = {cell.column: cell for cell in row}
        grade, group, outer = grade_of(label), None, None
        if grouped and grade != TOTAL and group_of(label):
            grade = None
        if units and label in names:
            org_unit, statement = without_spaces(label), SUMMARY_TABLE
        elif grade or (group := group_of(label)):
            outer = _outer_unit(table, row)
            org_unit = outer or section_at(sections, row[0].line)
            statement = SUMMARY_TABLE if outer else UNIT_PAGE
        else:
            continue
        if grade and grade != TOTAL:
            if TOTAL in columns:
                printed, *pair = columns[TOTAL]
                fact = _column_pair(table, cells, pair, org_unit=org_unit, org_unit_printed=outer or label,
                                    statement=statement, grade=grade, grade_printed=label, as_of=as_of,
                                    staff_group=_outer_group(table, row))
                facts += [fact] if fact else []
            continue
        for column_grade, (grade_printed, *pair) in columns.items():
            fact = _column_pair(table, cells, pair, org_unit=org_unit, org_unit_printed=label, statement=statement,
                                grade=column_grade, grade_printed=label if column_grade == TOTAL else grade_printed,
                                as_of=as_of, staff_group=group)
            facts += [fact] if fact else []
    return facts


def _outer_labels(table: Table, row) -> list[str]:
    """The labels of a row outside its innermost, outermost first."""
    cells = {cell.column: cell.text for cell in row if cell.column < table.label_columns and cell.text}
    return [cells[c] for c in sorted(cells)][:-1]


def _outer_unit(table: Table, row) -> str | None:
    """The unit an outer label of a row names (``기획예산과 | 5급 | …``), or None."""
    return next((without_spaces(label) for label in _outer_labels(table, row) if is_unit_name(label)), None)


def _outer_group(table: Table, row) -> str | None:
    """The group of staff an outer label of a row names (``연구직 | 4급 | …``), or None."""
    return next((group for label in _outer_labels(table, row) if (group := group_of(label))), None)


def _column_pair(table: Table, cells: dict[int, Cell], pair: list[int], **fields) -> StaffingFact | None:
    """The fact a row's 정원 cell and 현원 cell state, each in a column of its own; None when either
    is no count. ``fields``: the unit, statement, grade and date the row and header give."""
    authorized, current = (cells.get(column) for column in pair)
    counts = [_count(cell.text) if cell is not None and cell.text else None for cell in (authorized, current)]
    if None in counts:
        return None
    return StaffingFact(
        source_line=authorized.line, table_index=table.table_index, authorized=counts[0], current=counts[1],
        printed_value=f"{authorized.text} / {current.text}", unattributed=None if fields["org_unit"] else NO_UNIT_SECTION,
        source_span=(authorized.start, current.end) if authorized.line == current.line else (0, 0), **fields)


def _body_names(table: Table) -> list[int]:
    """The columns a register of affiliated bodies prints their names in: the first, headed by a
    name header of the vocabulary, and those after it with no header of their own (a group, 출자
    기관, beside the body's name); none for any other table."""
    labels = [without_spaces(label) for label in table.column_labels]
    if not labels or not _heads_bodies(labels[0]):
        return []
    return [0] + list(itertools.takewhile(lambda i: not labels[i], range(1, len(labels))))


# A body's name prints no number and no colon (a line of its description does).
_BODY_NAME = re.compile(r"^[^\d:：]*[가-힣A-Za-z][^\d:：]*$")
# "(주)벡스코", "(재)부산글로벌도시재단": the body's legal form is no part of its name.
_LEGAL_FORM = re.compile(r"^\((?:주|재|사)\)|\((?:주|재|사)\)$|^[㈜㈝]|[㈜㈝]$")


def _body_key(name: str) -> str:
    return _LEGAL_FORM.sub("", without_spaces(name))


# "1본부 2실 9팀 1센터 (107명/106명)": both counts in one cell, in the order its header gives.
_BOTH_HEADER = re.compile(rf"(?P<first>{_COUNT_WORD})/(?P<second>{_COUNT_WORD})")
_BOTH = re.compile(r"(?P<first>\d[\d,]*)\s*명?\s*/\s*(?P<second>\d[\d,]*)\s*명?")


def _body_facts(table: Table) -> list[StaffingFact]:
    """Each body's 정원 and 현원 from the first of its columns or lines that states them; a row
    naming no body (a line of description) is the body's named above it."""
    names = _body_names(table)
    meanings = [count_of(label.split(" / ")[-1]) for label in table.column_labels]
    authorized_column = next((i for i, meaning in enumerate(meanings) if meaning == AUTHORIZED), None)
    current_column = next((i for i, meaning in enumerate(meanings) if meaning == CURRENT), None)
    both = {i: m for i, label in enumerate(table.column_labels) if (m := _BOTH_HEADER.search(without_spaces(label)))}
    as_of = parse_as_of(table.caption_text())
    facts, body, stated = [], None, set()
    for row in table.body_rows:
        cells = {cell.column: cell for cell in row}
        name = next((cells[c].text for c in reversed(names) if c in cells and _BODY_NAME.match(cells[c].text)), None)
        body = name or body
        if body is None or _body_key(body) in stated:
            continue
        found = None
        pair = [cells.get(authorized_column), cells.get(current_column)]
        if None not in pair and None not in (counts := [_count(cell.text) for cell in pair]):
            found = (*counts, f"{pair[0].text} / {pair[1].text}", pair[0].line,
                     (pair[0].start, pair[1].end) if pair[0].line == pair[1].line else (0, 0))
        for column, order in both.items():
            match = list(_BOTH.finditer(cells[column].text))[-1:] if column in cells else []
            if found is None and match:
                printed = {count_of(order["first"]): match[0]["first"], count_of(order["second"]): match[0]["second"]}
                cell = cells[column]
                found = (_count(printed.get(AUTHORIZED, "")), _count(printed.get(CURRENT, "")), match[0].group(0), cell.line,
                         (cell.start + match[0].start(), cell.start + match[0].end()))
        for cell in row:
            match = _HEADLINE.search(cell.text)
            if found is None and match:
                current = match["current"] or match["current_listed"] or match["current_slash"]
                found = (_count(match["authorized"]), _count(current), match.group(0), cell.line,
                         (cell.start + match.start(), cell.start + match.end()))
        if found is None or None in found[:2]:
            continue
        authorized, current, printed, line, span = found
        stated.add(_body_key(body))
        facts.append(StaffingFact(
            source_line=line, table_index=table.table_index, org_unit=_body_key(body), org_unit_printed=body,
            statement=AFFILIATED_BODY, grade=TOTAL, grade_printed=TOTAL, authorized=authorized, current=current,
            printed_value=printed, as_of=as_of, source_span=span))
    return facts


def extract_register_staffing(lines: list[str], tables: list[Table]) -> list[StaffingFact]:
    """A register of affiliated bodies printed as text, no table around it: a line or heading
    saying what it lists (a body-name header, ``공사․공단명  소 재 지  대표자``; or a heading
    naming the kind of body, ``□ 출자․출연기관 및 공기업``), then each body's name opening a line
    of its own (its address or its head beside it) over the lines describing it (``○ 정·현원 :
    정원 368명(현원 345명)``, ``ㅇ 조 직 : 1실 3팀, 정원 55명(현원 40명)``). The staffing one of
    those lines states is the body's. A register the table readers read (``_body_facts``) is
    theirs. The bodies' counts are as of the date a note by the register's title or header gives
    (``(’25. 1. 15. 기준)``)."""
    read = {n for table in tables if _body_names(table) for n in range(table.first_line, table.last_line + 1)}
    facts: list[StaffingFact] = []
    # the depth of the heading that opened the register (-1: a header line did): a heading nested
    # deeper names a body (``1. 부산교통공사``), any other ends the register
    opened, body, stated, as_of = None, None, set(), None
    for number, line in enumerate(lines, start=1):
        if number in read or not line.strip():
            continue
        found = heading(line)
        if _opens_register(line, found):
            opened, body = -1 if found is None else heading_depth(found), None
            as_of = next((d for n in range(number, max(0, number - _NOTE_LINES) - 1, -1)
                          if n >= 1 and (d := parse_as_of(lines[n - 1]))), None)
            continue
        if opened is None:
            continue
        if body is None and as_of is None and (dated := parse_as_of(line)):
            as_of = dated
            continue
        if found is not None and found.style not in _FIELD_STYLES:
            if opened >= 0 and heading_depth(found) > opened:
                body = found.title if _BODY_NAME.match(found.title) else None
            else:
                opened = None
            continue
        if found is None and "\t" not in line:
            first = PIECE.findall(line.strip())[0]
            body = first if _BODY_NAME.match(first) and len(without_spaces(first)) >= 2 else None
            continue
        match = _HEADLINE.search(line)
        if body is None or match is None or _body_key(body) in stated:
            continue
        current = match["current"] or match["current_listed"] or match["current_slash"]
        stated.add(_body_key(body))
        facts.append(StaffingFact(
            source_line=number, table_index=0, org_unit=_body_key(body), org_unit_printed=body,
            statement=AFFILIATED_BODY, grade=TOTAL, grade_printed=TOTAL, authorized=_count(match["authorized"]),
            current=_count(current) if current else None, printed_value=match.group(0), as_of=as_of,
            source_span=match.span()))
    return facts


_NOTE_LINES = 2  # the lines above a register's header its title and its note take


# A register's title says it lists the bodies' state: ``출자·출연기관 현황``.
_REGISTER_WORD = re.compile(r"(?:운영)?현황$")
# The lines describing a body in a register of text: its bullets (``○``, ``ㅇ``, ``-``).
_FIELD_STYLES = frozenset({CIRCLE, DASH})


def _opens_register(line: str, found: Heading | None) -> bool:
    """A register's header line (its first piece a body-name header) or a heading whose title
    names a kind of body a register lists (``출자․출연기관 및 공기업``, ``출자·출연기관 현황``: a part
    matches a body-name header, 명 or not)."""
    if found is None:
        first = PIECE.findall(line.strip())
        parts = first[:1]
    elif found.style in _FIELD_STYLES:
        return False
    else:
        parts = re.split(r"\s+및\s+|[,/]", found.title)
    for part in parts:
        name = _REGISTER_WORD.sub("", without_spaces(part))
        if _heads_bodies(name) or _heads_bodies(name + "명"):
            return True
    return False


def _heads_bodies(header: str) -> bool:
    """A header over the names of a register's bodies (body_name_headers.csv): ``기 관 명``."""
    name = MIDDLE_DOTS.sub("·", without_spaces(header))
    return any(pattern.match(name) for pattern in body_name_headers())


def extract_register_rows(lines: list[str], stated: set[str] = frozenset()) -> list[StaffingFact]:
    """A ruled register of bodies as a text layer prints it (pdftotext -layout), its rows run over
    several lines: a header line names the bodies' column (``기 관 명``) with 정원 and 현원 as words
    of their own on it or a line either side; a line below with a count under each of those words
    is a body's row. The body's name is the text in the names' column, left of the next header's
    column, on that line and on the lines around it nearer to it than to another row (a long name
    wraps above and below its counts); its dates and letter spacing are no part of it. Bodies in
    ``stated`` (read from a table already) are left out."""
    facts: list[StaffingFact] = []
    number = 0
    while number < len(lines):
        number += 1
        header = _register_header(lines, number)
        if header is None:
            continue
        names, counts, last_header = header
        rows, name_lines = {}, []
        number = last_header
        # the register ends at a heading, at the next register's header, or where no row has
        # come for a while (the next page's text)
        while number < len(lines) and number - max(rows, default=number) <= _ROW_LINES:
            line = lines[number]
            found = heading(line)
            if (found is not None and found.style not in _FIELD_STYLES) or _register_header(lines, number + 1):
                break
            number += 1
            pair = _counts_under(line, counts)
            if pair:
                rows[number] = pair
            words = [m.group() for m in _TOKEN.finditer(line) if names[0] <= m.start() < names[1]
                     and not re.search(r"\d", m.group())]
            if words:
                name_lines.append((number, words))
        for row, ((authorized, current), span) in rows.items():
            parts = [words for at, words in name_lines if _nearest(at, rows) == row and abs(at - row) <= _NAME_LINES]
            body = " ".join(_unspaced(words) for words in parts)
            if not body or not _BODY_NAME.match(body) or _body_key(body) in stated:
                continue
            stated = stated | {_body_key(body)}
            facts.append(StaffingFact(
                source_line=row, table_index=0, org_unit=_body_key(body), org_unit_printed=body,
                statement=AFFILIATED_BODY, grade=TOTAL, grade_printed=TOTAL, authorized=_count(authorized),
                current=_count(current), printed_value=f"{authorized} / {current}", as_of=None, source_span=span))
    return facts


_TOKEN = re.compile(r"\S+")
# How far a register's row runs: its name's lines either side of its counts, and its lines in all.
_NAME_LINES, _ROW_LINES = 2, 8
_SPACED_COUNT = re.compile(rf"(?:{_AUTHORIZED_WORD}|{_CURRENT_WORD})")


def _register_header(lines: list[str], number: int) -> tuple[tuple[int, int], dict, int] | None:
    """Line ``number`` as a register's header: the names' column (from its header's start to the
    next header's), the spans of the 정원 and 현원 words, and the header's last line."""
    line = lines[number - 1]
    name = next((m for m in PIECE.finditer(line) if _heads_bodies(m.group())), None)
    if name is None:
        return None
    around = range(max(1, number - 2), min(len(lines), number + 2) + 1)
    counts, last = {}, number
    for n in around:
        found = {count_of(m.group()): m.span() for m in _SPACED_COUNT.finditer(lines[n - 1])}
        if AUTHORIZED in found and CURRENT in found:
            counts, last = found, max(last, n)
    if not counts:
        return None
    next_column = min((m.start() for n in range(around.start, last + 1) for m in PIECE.finditer(lines[n - 1])
                       if m.start() > name.end()), default=name.end())
    return (max(0, name.start() - 2), next_column), counts, last


def _counts_under(line: str, counts: dict) -> tuple[tuple[str, str], tuple[int, int]] | None:
    """The counts a row prints under the 정원 and 현원 words (a column's width either side)."""
    found = {}
    for match in _TOKEN.finditer(line):
        if not re.fullmatch(r"\d[\d,]*", match.group()):
            continue
        middle = (match.start() + match.end()) / 2
        for meaning in (AUTHORIZED, CURRENT):
            start, end = counts[meaning]
            if start - 3 <= middle <= end + 3 and meaning not in found:
                found[meaning] = match
                break
    if len(found) < 2:
        return None
    first, second = found[AUTHORIZED], found[CURRENT]
    return (first.group(), second.group()), (min(first.start(), second.start()), max(first.end(), second.end()))


def _nearest(line: int, rows: dict) -> int | None:
    """The row nearest ``line``; None when two are as near."""
    distances = sorted((abs(line - row), row) for row in rows)
    if not distances or (len(distances) > 1 and distances[0][0] == distances[1][0]):
        return None
    return distances[0][1]


def _unspaced(words: list[str]) -> str:
    """A name's words as printed, or its letters together when the layout spaced them out."""
    return "".join(words) if letter_spaced(" ".join(words)) else " ".join(words)


def extract_org_chart_staffing(lines: list[str]) -> list[StaffingFact]:
    """Each unit of an organisation chart with the posts printed under its name."""
    facts = []
    for number, line in enumerate(lines, start=1):
        entries = list(_CHART_ENTRY.finditer(line))
        if len(entries) < 2 or _CHART_ENTRY.sub("", line).strip():
            continue
        above = next((n for n in range(number - 1, max(0, number - 3), -1) if lines[n - 1].strip()), None)
        names = PIECE.findall(lines[above - 1]) if above else []
        if len(names) != len(entries) or not all(is_unit_name(name) for name in names):
            continue
        note = next((m["what"] for n in range(max(1, number - _CHART_NOTE_LINES), number)
                     if (m := _CHART_NOTE.search(lines[n - 1]))), None)
        if note is not None and count_of(note) != AUTHORIZED:
            continue  # a chart of people in post alone says nothing of the posts
        for name, entry in zip(names, entries):
            facts.append(StaffingFact(
                source_line=number, table_index=0, org_unit=without_spaces(name), org_unit_printed=name,
                statement=ORG_CHART, grade=TOTAL, grade_printed=TOTAL,
                authorized=int(entry["posts"].replace(",", "")), current=None, printed_value=entry.group(0),
                as_of=None, source_span=entry.span("posts"),
            ))
    return facts


def _whole(value) -> bool:
    """A headcount printed with decimals is not read as staffing (it stays a table cell)."""
    return value is not None and value == value.to_integral_value()
