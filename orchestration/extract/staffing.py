"""Staffing (정원 = authorized posts, 현원 = people in post) from 정원(현원) tables.

A staffing table is recognised by its shape, not its position: columns headed by grades
(``합 계``, ``3급`` … ``9급``), cells printed as ``authorized (current)``, and 정원 named in the
table's caption or header. A row labelled with an org unit name states that unit's staffing (a
bureau summary table); a row labelled otherwise (``정원(현원)``) states the staffing of the unit
whose section the table sits in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from orchestration.extract.dates import parse_as_of
from orchestration.extract.numbers import NumberParseError, parse_pair
from orchestration.extract.organisation import Section, is_unit_name, section_at
from orchestration.extract.tables import Table
from orchestration.extract.text import without_spaces

TOTAL = "total"
GRADES = (TOTAL,) + tuple(f"{n}급" for n in range(1, 10))
_GRADE = re.compile(r"^(?P<n>[1-9])급$")
_TOTAL_HEADERS = frozenset({"합계", "계", "총계", "소계"})
_STAFFING_MARK = re.compile(r"정\s*원")

SUMMARY_TABLE, UNIT_PAGE, HEADLINE = "summary_table", "unit_page", "headline"
# "인력현황 : 정원 21명 [현원 23명]", "정원 25명 (현원 25명)": a unit's totals in one line of text.
_HEADLINE = re.compile(r"정\s*원\s*(?P<authorized>\d[\d,]*)\s*명\s*[\[(]\s*현\s*원\s*(?P<current>\d[\d,]*)\s*명\s*[\])]")


@dataclass(frozen=True)
class StaffingFact:
    source_line: int
    table_index: int
    org_unit: str
    org_unit_printed: str
    statement: str
    grade: str
    grade_printed: str
    authorized: int
    current: int
    printed_value: str
    as_of: date | None
    source_span: tuple[int, int] = field(default=(0, 0), compare=False)  # characters of the line taken


def grade_of(header: str) -> str | None:
    label = without_spaces(header)
    if label in _TOTAL_HEADERS:
        return TOTAL
    match = _GRADE.match(label)
    return f"{match.group('n')}급" if match else None


def is_staffing_table(table: Table) -> bool:
    grades = [grade_of(label) for label in table.column_labels]
    if TOTAL not in grades or sum(1 for g in grades if g and g != TOTAL) < 2:
        return False
    context = table.caption_text() + " " + " ".join(c.text for row in table.header_rows for c in row)
    context += " " + " ".join(row[0].text for row in table.body_rows if row)
    return bool(_STAFFING_MARK.search(context))


def extract_staffing(tables: list[Table], sections: list[Section]) -> list[StaffingFact]:
    facts: list[StaffingFact] = []
    for table in tables:
        if not is_staffing_table(table):
            continue
        grades = {i: (grade_of(label), label) for i, label in enumerate(table.column_labels) if grade_of(label)}
        as_of = parse_as_of(table.caption_text())
        for row in table.body_rows:
            label = row[0].text if row else ""
            if is_unit_name(label):
                org_unit, printed, statement = without_spaces(label), label, SUMMARY_TABLE
            else:
                org_unit = section_at(sections, row[0].line)
                printed, statement = label, UNIT_PAGE
                if org_unit is None:
                    continue
            for cell in row:
                if cell.column not in grades or not cell.text:
                    continue
                try:
                    authorized, current = parse_pair(cell.text)
                except NumberParseError:
                    continue
                if not (_whole(authorized.value) and _whole(current.value)):
                    continue
                grade, grade_printed = grades[cell.column]
                facts.append(
                    StaffingFact(
                        source_line=cell.line,
                        table_index=table.table_index,
                        org_unit=org_unit,
                        org_unit_printed=printed,
                        statement=statement,
                        grade=grade,
                        grade_printed=grade_printed,
                        authorized=int(authorized.value),
                        current=int(current.value),
                        printed_value=cell.text,
                        as_of=as_of,
                        source_span=(cell.start, cell.end),
                    )
                )
    return facts


def extract_headline_staffing(lines: list[str], sections: list[Section]) -> list[StaffingFact]:
    """Totals stated in a line of text: the staffing of the unit whose section holds the line.
    The line prints no 기준일, so ``as_of`` stays empty."""
    facts = []
    for number, line in enumerate(lines, start=1):
        for match in _HEADLINE.finditer(line):
            org_unit = section_at(sections, number)
            if org_unit is None:
                continue
            facts.append(StaffingFact(
                source_line=number,
                table_index=0,
                org_unit=org_unit,
                org_unit_printed=org_unit,
                statement=HEADLINE,
                grade=TOTAL,
                grade_printed=TOTAL,
                authorized=int(match.group("authorized").replace(",", "")),
                current=int(match.group("current").replace(",", "")),
                printed_value=match.group(0),
                as_of=None,
                source_span=match.span(),
            ))
    return facts


def _whole(value) -> bool:
    """A headcount printed with decimals is not read as staffing (it stays a table cell)."""
    return value is not None and value == value.to_integral_value()
