"""Major projects (주요사업 목록) of a work plan, from the generic tables.

A project list is told by its columns: one naming projects (``주요사업``, ``사업명``) and one whose
cells say whether a project is new or continuing (``신규`` / ``계속``); a sequence number
(``연번``) and a page (``쪽``) may stand beside them. The projects belong to the unit whose section
holds the list. The plan year is the year in the filing's title (``2024년 주요업무계획``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from orchestration.extract.organisation import PLAN_TITLE, Section, section_at
from orchestration.extract.structure import BADGE, LONE_BADGE, Heading, heading
from orchestration.extract.tables import Table
from orchestration.extract.text import LINE_MARKS, respaced, spaced, squeeze, without_spaces
from orchestration.extract.vocabulary import project_field_labels

STATUSES = frozenset({"신규", "계속", "완료"})
_NAME_HEADER = re.compile(r"(주요)?사업(명)?$")
_SEQ_HEADER = re.compile(r"^(연번|순번|번호)$")
_PAGE_HEADER = re.compile(r"^(쪽|페이지|page)$", re.IGNORECASE)
# The year before the plan's title, a word of the government's between them or none (``2025년
# 시정 주요업무계획``, ``2025 주요업무 보고``, ``2025년도 업무계획``).
_PLAN_TITLE = re.compile(r"(?P<year>(?:19|20)\d{2})\s*(?:년\s*(?:도\s*)?)?[-–—\s]*(?:[가-힣]{1,4}?\s*)?(?:주요\s*)?"
                         + PLAN_TITLE.pattern)
TITLE_LOOKAHEAD = 30
# The label of the line under a project's heading that gives its cost (``총사업비 :``, ``예   산 :``,
# ``(총사업비)``); project_budgets.py reads the amount after it.
COST_LEAD = (LINE_MARKS + r"(?:\(\s*)?(?P<lead>" + "|".join(map(spaced, project_field_labels("cost"))) + ")"
             r"(?:\s*\([^()]*\))?\s*(?:\)\s*|[:：]\s*)")
_COST_LINE = re.compile(COST_LEAD + r"\d")
# The title below a badge on a line of its own: words, not a labelled figure (``조 직 ▷ 1팀``,
# ``예산현황 ▷ 세입 …`` under the badges of a plan's 기본현황 are no projects).
_BADGE_TITLE = re.compile(r"^\s*(?P<title>[가-힣A-Za-z‘'“\"(][^:：▷▶\t]{3,}?)\s*$")
# A field of a row printed as labelled fields (``사 업 명 : … 사업내용 : … 사업규모 : …``, in one
# cell or a line each): its label is one word, or one word with its letters spaced, after a space
# or at the start.
FIELD = re.compile(r"(?:(?<=\s)|^)(?P<label>(?:[가-힣]\s)+[가-힣]|[가-힣]{2,8})\s*[:：]\s*")


@dataclass(frozen=True)
class ProjectFact:
    source_line: int
    table_index: int
    org_unit: str
    seq: int | None
    project_name: str
    status: str | None            # 신규 / 계속 as a project list prints it; None for a heading
    page: int | None
    plan_year: int | None
    source_span: tuple[int, int] = field(default=(0, 0), compare=False)


def plan_year(lines: list[str]) -> int | None:
    """The year in the filing's title, printed near its top, on the title's line or the line
    above it (``- 2025년도 -`` over ``주 요 업 무 계 획``)."""
    top = lines[:TITLE_LOOKAHEAD]
    for line, below in zip(top, top[1:] + [""]):
        match = _PLAN_TITLE.search(without_spaces(line + below))
        if match:
            return int(match.group("year"))
    return None


def _columns(table: Table) -> dict[str, int] | None:
    labels = [without_spaces(label.rsplit(" / ", 1)[-1]) for label in table.column_labels]
    statuses = [i for i in range(table.width)
                if sum(1 for row in table.body_rows if i < len(row) and row[i].text in STATUSES) * 2
                >= len(table.body_rows) > 0]
    names = [i for i, label in enumerate(labels) if _NAME_HEADER.search(label)]
    if not statuses or not names:
        return None
    columns = {"name": names[0], "status": statuses[0]}
    for key, header in (("seq", _SEQ_HEADER), ("page", _PAGE_HEADER)):
        found = [i for i, label in enumerate(labels) if header.match(label)]
        if found:
            columns[key] = found[0]
    return columns


def extract_projects(tables: list[Table], sections: list[Section], lines: list[str]) -> list[ProjectFact]:
    year = plan_year(lines)
    facts = []
    for table in tables:
        columns = _columns(table)
        if columns is None:
            continue
        for row in table.body_rows:
            cells = {c.column: c for c in row}
            name, status = cells.get(columns["name"]), cells.get(columns["status"])
            org_unit = section_at(sections, row[0].line)
            if not name or not name.text or status is None or status.text not in STATUSES or org_unit is None:
                continue
            facts.append(ProjectFact(
                source_line=name.line,
                table_index=table.table_index,
                org_unit=org_unit,
                seq=_integer(cells.get(columns.get("seq"))),
                project_name=name.text,
                status=status.text,
                page=_integer(cells.get(columns.get("page"))),
                plan_year=year,
                source_span=(min(c.start for c in row), max(c.end for c in row)),
            ))
    return facts


# A project's heading: its number printed as a badge, set apart from its title by a gap or a
# tab (``2      피란수도 부산유산의 세계유산 등재``), the title words, not a number or a table row.
def extract_heading_projects(lines: list[str], sections: list[Section]) -> list[ProjectFact]:
    """Projects a plan prints as numbered headings over their sections, when it has no project
    list. A run of headings one under the other (1, 2, 3 … with nothing between) is a contents
    page or a chapter's summary, not sections: its headings are not projects."""
    year = plan_year(lines)
    found = list(_badges(lines))
    facts = []
    for index, (number, badge) in enumerate(found):
        neighbours = [other for other, _ in found[max(0, index - 1):index + 2] if other != number]
        if any(_only_blank_between(lines, number, other) for other in neighbours):
            continue
        org_unit = section_at(sections, number)
        if org_unit is None:
            continue
        facts.append(ProjectFact(
            source_line=number, table_index=0, org_unit=org_unit, seq=_seq(badge.mark),
            project_name=respaced(badge.title, lines), status=None, page=None, plan_year=year, source_span=badge.span,
        ))
    return facts


def _seq(mark: str) -> int | None:
    """A badge's number; none for a chapter's item (``1-4``), whose number is no place in one list."""
    return int(mark) if mark.isdigit() else None


def _badges(lines: list[str]):
    """(line of the title, heading) of every project badge: the number and its title on one line,
    or the number alone over its title (w07: a boxed number ruled as a table of one cell) when its
    section states a cost."""
    for number, line in enumerate(lines, start=1):
        found = heading(line)
        if found is not None and found.style == BADGE:
            # a field of a row printed as labelled fields (``9    사업기간 :    ‘26년``): the row's
            # number set on one of its lines, no project's title
            if not FIELD.match(found.title):
                yield number, found
        elif (badge := LONE_BADGE.match(line)) and number < len(lines) and heading(lines[number]) is None \
                and (title := _BADGE_TITLE.match(lines[number])) and _costed(lines, number + 1):
            yield number + 1, Heading(BADGE, badge["mark"], squeeze(title["title"]), title.span("title"))


def _costed(lines: list[str], title: int) -> bool:
    """A lone badge's title heads a project when its section states a cost before the next badge:
    the badges of a plan's 기본현황 (``연 혁``, ``시 설``) and of a summary of its tasks state none."""
    for line in lines[title:]:
        if LONE_BADGE.match(line) or ((found := heading(line)) and found.style == BADGE):
            return False
        if _COST_LINE.match(line):
            return True
    return False


def _only_blank_between(lines: list[str], first: int, second: int) -> bool:
    low, high = sorted((first, second))
    return all(not lines[n - 1].strip() for n in range(low + 1, high))


def _integer(cell) -> int | None:
    return int(cell.text) if cell is not None and cell.text.isdigit() else None
