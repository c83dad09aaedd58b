"""Project budgets (소요예산) of a work plan, linked to the projects of the department's list.

A project's section ends with its budget: a headline (``□ 2024년 소요예산 : 36,200천원``, or
``: 비예산``) and, under it, a table by funding source (rows 계 / 국비 / 시비 / 구비 …, columns
합계 or 총사업비, 기투자, each year, 장래소요). Inside the section, lines may state the budget of a
part of the project (``○ 소요예산(안) : 2,640백만원(국394/시1,630/구519/자97)``), sometimes with
one line per part under it (``- 전통시장 시설현대화 : 1,870백만원(시1,463/구317/자90)``).

Work plans rarely print the project's name over its section, so a section is linked to the
project of the same position in the department's 주요사업 목록. The link is checked against the
section's text: the project whose name shares most with the section should be the one the order
gives. When the number of sections and of listed projects differ, only a section whose text
points to one project without doubt is linked; the others stay table cells.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from itertools import islice

from orchestration.extract.funding import TOTAL_GROUP, funding_group, parse_breakdown
from orchestration.extract.dates import YEAR_MARK, year_label
from orchestration.extract.layouts import Cell
from orchestration.extract.numbers import (MONEY_FACTORS, MONEY_UNIT, NUMBER_BODY, is_quantity, named_amounts,
                                           parse_quantity)
from orchestration.extract.organisation import Section, section_at
from orchestration.extract.projects import COST_LEAD, FIELD, ProjectFact
from orchestration.extract.structure import LONE_BADGE, NUMBER, ROMAN, heading
from orchestration.extract.tables import Table
from orchestration.extract.text import LINE_MARKS, MARKS, without_spaces
from orchestration.extract.vocabulary import project_field_labels

HEADLINE, TABLE, INLINE = "headline", "table", "inline"
BY_LIST_ORDER, BY_CONTENT, BY_HEADING, SAME_ROW = "list_order", "content", "heading", "same_row"

_AMOUNT = rf"(?P<amount>{NUMBER_BODY}\s*{MONEY_UNIT})"
# A bracket sharing a cost out by year: ``30억원(’23년 10억원, '24년 20억원)``.
_YEAR_PART = re.compile(rf"\s*(?P<year>(?:{YEAR_MARK}\s*\d{{2}}|(?:19|20)\d{{2}})\s*년\s*도?)\s*"
                        rf"(?P<number>{NUMBER_BODY})\s*(?:{MONEY_UNIT})?\s*,?")
_BODY = rf"(?:{_AMOUNT}\s*(?:\((?P<note>[^()]*)\))?|(?P<non_budget>비\s*예\s*산))"
_HEADLINE = re.compile(rf"(?P<year>(?:19|20)\d{{2}})\s*년\s*(?:도\s*)?소\s*요\s*예\s*산\s*[:：]\s*{_BODY}")
_INLINE = re.compile(rf"{LINE_MARKS}(?P<lead>.*?)소\s*요\s*예\s*산\s*(?:\(\s*안\s*\))?\s*[:：]\s*{_BODY}")
# Under a project's heading, the line giving its cost: ``ㅇ 총사업비 : 15,349백만원(국비 3,354, 시비 11,995)``,
# ``❍ 예   산 : 574백만원(국비 206, 시비 368)``, ``○ (총사업비) 110.6억원 (…)``.
_COST = re.compile(COST_LEAD + _BODY)
_INLINE_PART = re.compile(rf"^\s*[-•·◦]\s*(?P<lead>[^:：]+?)\s*[:：]\s*{_BODY}\s*$")
# Lines allowed between a headline and its table: the unit note and a caption.
_HEADLINE_TO_TABLE = 3
_CONFIRM_SHARE = 0.5


@dataclass(frozen=True)
class ProjectBudgetFact:
    source_line: int
    table_index: int
    org_unit: str
    project_seq: int | None
    project_name: str | None     # None when no project of the unit's list could be told (``unattributed``)
    plan_year: int | None
    link_method: str | None
    link_confirmed: bool
    statement: str
    item: str | None             # the part of the project an inline line budgets
    funding_source: str          # as printed: "구비", "국", "전액 시비"
    funding_group: str           # the purse the label names: 계, 국비, 시비, 구비, 민간 …
    period_label: str | None     # as printed: "합계", "2024년", "기투자", "장래소요"
    fiscal_year: int | None
    printed_value: str | None
    printed_unit: str | None
    amount_krw: int | None
    is_non_budget: bool
    unattributed: str | None = None  # why project_name is None
    source_span: tuple[int, int] = field(default=(0, 0), compare=False)


@dataclass
class _Section:
    """One project's budget statements, ending at its headline or table."""

    org_unit: str
    end_line: int
    facts: list[dict] = field(default_factory=list)
    has_headline: bool = False
    has_table: bool = False


def is_project_budget_table(table: Table) -> bool:
    return _funding_axis(table) is not None


def _funding_axis(table: Table) -> str | None:
    """Where a table of a project's money names its funding sources: ``"rows"`` (``계 | 국 비 | 시
    비`` down the side, periods across) or ``"columns"`` (the same turned round: the periods down
    the side); None for any other table. The sources are all the labels of their side, one of
    them a real source beside the total, in money."""
    if not any(unit in MONEY_FACTORS for unit in table.column_units):
        return None
    sides = {"rows": [row[0].text for row in table.body_rows if row and row[0].text],
             "columns": [label.rsplit(" / ", 1)[-1] for label in table.column_labels[table.label_columns:] if label]}
    for side, labels in sides.items():
        groups = [funding_group(label) for label in labels]
        if groups and all(groups) and any(g != TOTAL_GROUP for g in groups) and TOTAL_GROUP in groups:
            return side
    return None


@dataclass(frozen=True)
class ProjectSection:
    """The lines of a department's section that belong to one project, and how it was linked."""

    org_unit: str
    first_line: int
    last_line: int
    project: ProjectFact | None
    link_method: str
    link_confirmed: bool
    facts: tuple[dict, ...] = ()  # its budget amounts, as records without the project


def project_sections(lines: list[str], tables: list[Table], sections: list[Section],
                     projects: list[ProjectFact]) -> list[ProjectSection]:
    """Every project section of every department that lists its projects, in the order printed."""
    found = []
    for org_unit, unit_sections in _budget_sections(lines, tables, sections).items():
        listed = sorted((p for p in projects if p.org_unit == org_unit), key=lambda p: p.source_line)
        if not listed:
            found += [ProjectSection(org_unit, section.end_line, section.end_line, None, "", False,
                                     tuple(section.facts)) for section in unit_sections]
            continue
        bounds, start = [], max(p.source_line for p in listed)
        for section in unit_sections:
            bounds.append((start + 1, section.end_line))
            start = section.end_line
        texts = [without_spaces(" ".join(lines[first - 1:last])) for first, last in bounds]
        for section, (first, last), (project, method, confirmed) in zip(unit_sections, bounds,
                                                                         _links(listed, texts)):
            found.append(ProjectSection(org_unit, first, last, project, method, confirmed,
                                        tuple(section.facts)))
    return found


def heading_sections(lines: list[str], projects: list[ProjectFact]) -> list[ProjectSection]:
    """The section under each project heading, up to the next heading, with the cost lines it
    prints (the first cost line is the project's; a section may state none)."""
    ordered = sorted(projects, key=lambda p: p.source_line)
    heads = {p.source_line for p in ordered}
    found = []
    for project in ordered:
        last = _section_last(lines, project.source_line, heads)
        facts = []
        for number in range(project.source_line + 1, last + 1):
            match = _COST.match(lines[number - 1])
            if match and not match.group("non_budget"):
                facts = _amount_facts(number, INLINE, None, match, None, None)
                break
        found.append(ProjectSection(project.org_unit, project.source_line, last, project, BY_HEADING, True,
                                    tuple(facts)))
    return found


def heading_tables(tables: list[Table], sections: list[Section],
                   headed: list[ProjectSection]) -> list[ProjectSection]:
    """A plan that lists no projects, with its budget tables (재원별, by year): a table is the
    project's whose heading section holds it when that section holds no other and read no cost
    line; any other is kept without its project (``NO_PROJECT_LINK``), in its unit's section."""
    budgets = [t for t in tables if is_project_budget_table(t)]
    holders = {id(t): [h for h in headed if h.first_line <= t.first_line <= h.last_line] for t in budgets}
    held = {id(h): sum(1 for t in budgets if h in holders[id(t)]) for h in headed}
    out = list(headed)
    for table in budgets:
        around = holders[id(table)]
        if len(around) == 1 and held[id(around[0])] == 1 and not around[0].facts:
            index = out.index(around[0])
            out[index] = replace(around[0], facts=tuple(_table_facts(table)))
            continue
        org_unit = section_at(sections, table.first_line)
        if org_unit is not None:
            out.append(ProjectSection(org_unit, table.first_line, table.last_line, None, "", False,
                                      tuple(_table_facts(table))))
    return out


_COST_VALUE = re.compile(_BODY)
# The mark a field list prints before each label, left at the end of the field before it: a
# symbol font's bullet the text layer gives as a letter (``조성사업 w 공모기간 :``).
_FIELD_MARK = re.compile(rf"\s+(?:[A-Za-z]|[{MARKS}])\s*$")


def labelled_rows(lines: list[str], tables: list[Table], sections: list[Section],
                  year: int | None) -> list[ProjectSection]:
    """Projects a table prints one to a cell as labelled fields (a 공모 plan's ``사 업 명 : 큰고니와 …
    사업규모 : 500백만원(국비 250, 시비 250)``): the project its name field names (field labels:
    project_field_labels.csv), of the unit whose section holds the row, and the cost its cost field
    states with the sources its bracket gives where they add up to it, or the amounts of the table
    by funding source its cost field opens, ruled inside the row (``총사업비 : □ 연도별 예산 및 집행
    현황 (단위: 백만원)`` over ``계 | 5,600 | …``). A cost that is no amount (``연간 국비 0.5억``) is
    none. Printed as text (pdftotext's, or a table running on past its page), a row's fields
    stand a line each: its name is the name field a few lines over its cost's."""
    names, costs = frozenset(project_field_labels("name")), frozenset(project_field_labels("cost"))
    found = []
    # the tables of amounts by the lines above them: a row of fields whose cost opens one
    opened_by: dict[int, Table] = {}
    for table in (t for t in tables if is_project_budget_table(t)):
        for line, _ in table.caption:
            opened_by.setdefault(line, table)
    # a table running on over a page may take its first row there for a header
    rows = [(table, cell) for table in tables for row in table.header_rows + table.body_rows for cell in row]
    # printed as text, with no cells, the row is its lines: its cost's over the table of amounts
    # it holds, or stating the cost
    in_cells = {cell.line for _, cell in rows}
    def states_cost(fields) -> bool:
        return any(without_spaces(f["label"]) in costs for f in fields)

    texts = dict(opened_by) | {line: None for line, text in enumerate(lines, start=1)
                               if line not in in_cells and line not in opened_by and states_cost(FIELD.finditer(text))}
    rows += [(table, Cell(line, 0, lines[line - 1], 0, len(lines[line - 1]))) for line, table in texts.items()]
    read: set[int] = set()
    for table, cell in rows:
        if cell.line in read:
            continue
        fields = list(FIELD.finditer(cell.text))
        named = _named(cell, fields, names)
        cost = next((f.end() for f in fields if without_spaces(f["label"]) in costs), None)
        org_unit = section_at(sections, cell.line)
        if not named and cost is not None:
            # printed as text, the fields stand one to a line (or a cell each): the name a few
            # lines over the cost (up to the row's fields above: another cost's line is another
            # row's), blank lines and a page's furniture between them not counted
            printed_above = (n for n in range(cell.line - 1, 0, -1) if lines[n - 1].strip())
            for line in islice(printed_above, _FIELD_LINES - 1):
                text = Cell(line, 0, lines[line - 1], 0, len(lines[line - 1]))
                above = list(FIELD.finditer(text.text))
                if states_cost(above):
                    break
                if named := _named(text, above, names):
                    break
        if not named or not named[0][2] or cost is None or org_unit is None:
            continue
        if named[0][0] not in in_cells:
            named = [_name_run_on(lines, *named[0])]
        # (a cell may end at the colon, its value the next cell's: the amount is the line's)
        line = lines[cell.line - 1]
        match = _COST_VALUE.match(line, len(line) - len(line[cell.start + cost:].lstrip()))
        opened = None if match is not None else opened_by.get(cell.line)
        if (match is None and opened is None) or (match is not None and match.group("non_budget")):
            continue
        name_line, name_start, name = named[0]
        table_index = table.table_index if table is not None else 0
        project = ProjectFact(name_line, table_index, org_unit, None, name, None, None, year,
                              (name_start, name_start + len(name)))
        read.add(cell.line)
        if opened is not None:
            found.append(ProjectSection(org_unit, name_line, opened.last_line, project, SAME_ROW, True,
                                        tuple(_table_facts(opened))))
            continue
        total, *parts = _amount_facts(cell.line, INLINE, None, match, None, None)
        # sources that do not add up to the cost are in some other unit (``1억원(국비 5 시비 5)``)
        if sum(part["amount_krw"] or 0 for part in parts) != total["amount_krw"]:
            parts = []
        facts = tuple(fact | {"table_index": table_index} for fact in [total, *parts])
        found.append(ProjectSection(org_unit, cell.line, cell.line, project, SAME_ROW, True, facts))
    return found


_FIELD_LINES = 6  # printed lines a row's fields one to a line may take, its name's to its cost's


def _named(cell: Cell, fields: list[re.Match], names: frozenset[str]) -> list[tuple[int, int, str]]:
    """(line, start, name) of each name field of a cell's labelled fields. A wide gap ends the name
    (a field printed as text, the table's next column on its line: ``활용프로그램      국  가``)."""
    ends = [f.start() for f in fields[1:]] + [len(cell.text)]
    return [(cell.line, cell.start + f.end() + len(value) - len(value.lstrip()),
             _before_gap(_FIELD_MARK.sub("", value).strip()))
            for f, end in zip(fields, ends) if without_spaces(f["label"]) in names
            for value in [cell.text[f.end():end]]]


_COLUMN_GAP = re.compile(r"\s{3,}")


def _before_gap(text: str) -> str:
    """A field's text up to a wide gap, past which its line prints another column."""
    return _COLUMN_GAP.split(text, maxsplit=1)[0]


def _name_run_on(lines: list[str], line: int, start: int, name: str) -> tuple[int, int, str]:
    """A name field printed as text that opens a bracket it does not close runs on to the next
    line when that line is no field of its own (``… 지원사업(강서체육공원 노후 냉각수순환`` over
    ``펌프 교체)``)."""
    if name.count("(") <= name.count(")") or line >= len(lines):
        return line, start, name
    following = lines[line].strip()
    if not following or FIELD.search(following):
        return line, start, name
    return line, start, f"{name} {_before_gap(following)}"


def rows_of_their_own(rows: list[ProjectSection], linked: list[ProjectSection]) -> list[ProjectSection]:
    """The rows of labelled fields whose cost no section's project already states in its text (a
    project's section may list its fields too: ``◦ 사 업 명 : …`` over ``◦ 사 업 비 : 70억원``); the
    tables of amounts are the rows' (``without_tables_of``)."""
    stated = {(fact["source_line"], fact["source_span"]) for section in linked for fact in section.facts
              if fact["statement"] != TABLE}
    return [row for row in rows if not any((f["source_line"], f["source_span"]) in stated for f in row.facts)]


def without_tables_of(linked: list[ProjectSection], rows: list[ProjectSection]) -> list[ProjectSection]:
    """The sections without the amounts of the tables ``rows`` took (a row's own table is its
    project's, whatever section the table stands in), and without sections left with none."""
    taken = {fact["table_index"] for row in rows for fact in row.facts if fact["statement"] == TABLE}
    kept = [replace(s, facts=tuple(f for f in s.facts if f.get("table_index") not in taken)) for s in linked]
    return [s for s, before in zip(kept, linked) if s.facts or not before.facts]


def _section_last(lines: list[str], first: int, heads: set[int]) -> int:
    """The last line of the project section its heading opens on line ``first``: up to the next
    project's heading (``heads``) or another boundary. A numbered list starting at ``1.`` before
    the project states its cost (``1. 사업개요``, ``2. 추진상황`` in place of ``□ 사업개요``) is the
    project's own items, not a boundary, for as long as its numbers run on."""
    expected, costed = None, False
    for number in range(first + 1, len(lines) + 1):
        line = lines[number - 1]
        if number in heads:
            return number - 1
        found = heading(line)
        if found is not None and found.style == NUMBER:
            item = int(re.match(r"\d+", found.mark).group())
            if item == expected or (expected is None and item == 1 and not costed):
                expected = item + 1
                continue
        if _boundary(line):
            return number - 1
        costed = costed or bool(_COST.match(line))
    return len(lines)


def _boundary(line: str) -> bool:
    """What else ends a project's section: a chapter heading (``Ⅳ.``, ``1. 감염병 …``) or a
    project's number badge on a line of its own."""
    found = heading(line)
    return (found is not None and found.style in (ROMAN, NUMBER)) or bool(LONE_BADGE.match(line))


# A budget section no project of the unit's list can be told for: its amounts are kept, with the
# project null (a 공모사업 annex listing projects of its own, a list that counts differently).
NO_PROJECT_LINK = "no_project_link"


def extract_project_budgets(linked: list[ProjectSection]) -> list[ProjectBudgetFact]:
    facts = []
    for section in linked:
        project = section.project
        for fact in section.facts:
            facts.append(ProjectBudgetFact(
                org_unit=section.org_unit, project_seq=project.seq if project else None,
                project_name=project.project_name if project else None,
                plan_year=project.plan_year if project else None,
                link_method=section.link_method if project else None,
                link_confirmed=section.link_confirmed if project else False,
                unattributed=None if project else NO_PROJECT_LINK, **fact))
    return facts


def _budget_sections(lines: list[str], tables: list[Table],
                     sections: list[Section]) -> dict[str, list[_Section]]:
    """Per org unit, the project sections in the order printed, with their statements."""
    events: list[tuple[int, str, object]] = []
    for number, line in enumerate(lines, start=1):
        headline = _HEADLINE.search(line)
        if headline:
            events.append((number, HEADLINE, headline))
        elif _INLINE.match(line):
            events.append((number, INLINE, None))
    events += [(t.first_line, TABLE, t) for t in tables if is_project_budget_table(t)]
    events.sort(key=lambda event: event[0])

    by_unit: dict[str, list[_Section]] = {}
    pending: dict[str, list[dict]] = {}
    for number, kind, payload in events:
        org_unit = section_at(sections, number)
        if org_unit is None:
            continue
        unit_sections = by_unit.setdefault(org_unit, [])
        current = unit_sections[-1] if unit_sections else None
        if kind == INLINE:
            pending.setdefault(org_unit, []).extend(_inline_facts(lines, number))
            continue
        joins = (kind == TABLE and current is not None and current.has_headline and not current.has_table
                 and not pending.get(org_unit) and _close(lines, current.end_line, number))
        if not joins:
            current = _Section(org_unit, number, facts=pending.pop(org_unit, []))
            unit_sections.append(current)
        if kind == HEADLINE:
            current.has_headline = True
            current.facts += _headline_facts(number, payload)
        else:
            current.has_table = True
            current.facts += _table_facts(payload)
            current.end_line = payload.last_line
    return by_unit


def _close(lines: list[str], headline_line: int, table_line: int) -> bool:
    between = [line for line in lines[headline_line:table_line - 1] if line.strip()]
    return len(between) <= _HEADLINE_TO_TABLE


def _links(listed: list[ProjectFact], texts: list[str]) -> list[tuple[ProjectFact | None, str, bool]]:
    """The project each section belongs to, how it was found and whether its text agrees."""
    scores = [[_share(project.project_name, text) for project in listed] for text in texts]
    best = [max(range(len(listed)), key=row.__getitem__) for row in scores]
    if len(texts) == len(listed):
        return [(project, BY_LIST_ORDER, best[k] == k) for k, project in enumerate(listed)]
    links = []
    for row, top in zip(scores, best):
        unique = sum(1 for score in row if score == row[top]) == 1
        links.append((listed[top], BY_CONTENT, True) if unique and row[top] >= _CONFIRM_SHARE
                     else (None, BY_CONTENT, False))
    return links


def _share(name: str, text: str) -> float:
    """How much of a project's name the section's text prints: the share of its two-letter runs."""
    letters = re.sub(r"[^가-힣A-Za-z0-9]", "", name)
    pairs = {letters[i:i + 2] for i in range(len(letters) - 1)}
    return sum(1 for pair in pairs if pair in text) / len(pairs) if pairs else 0.0


def _headline_facts(line: int, match: re.Match) -> list[dict]:
    year = int(match.group("year"))
    period = f"{year}년"
    if match.group("non_budget"):
        return [_fact(line, HEADLINE, None, None, TOTAL_GROUP, period, year, match.group("non_budget"),
                      None, None, match.span("non_budget"), non_budget=True)]
    return _amount_facts(line, HEADLINE, None, match, period, year)


def _inline_facts(lines: list[str], number: int) -> list[dict]:
    """An inline budget line and the part lines printed right under it."""
    match = _INLINE.match(lines[number - 1])
    if match.group("non_budget"):
        return []
    facts = _amount_facts(number, INLINE, _item(match.group("lead")), match, None, None)
    index = number
    while index < len(lines) and (not lines[index].strip() or _INLINE_PART.match(lines[index])):
        part = _INLINE_PART.match(lines[index])
        if part and part.group("amount"):
            facts += _amount_facts(index + 1, INLINE, _item(part.group("lead")), part, None, None)
        index += 1
    return facts


def _item(lead: str) -> str | None:
    return lead.strip(" -:：") or None


def _amount_facts(line: int, statement: str, item: str | None, match: re.Match, period: str | None,
                  year: int | None) -> list[dict]:
    """The total a line states (no funding label printed) and the parts its bracket gives."""
    total = parse_quantity(match.group("amount"))
    facts = [_fact(line, statement, item, None, TOTAL_GROUP, period, year, match.group("amount"), total.unit,
                   total.amount_krw, match.span("amount"))]
    note = match.group("note")
    parts = parse_breakdown(note) if note else None
    if note and parts is None:
        facts += _year_facts(line, statement, item, match, total) or _component_facts(line, statement, match, total,
                                                                                      period, year)
    for part in parts or []:
        offset = match.start("note")
        span = (offset + part.start, offset + part.end)
        if part.number is None:
            facts.append(_fact(line, statement, item, note.strip(), part.group, period, year,
                               match.group("amount"), total.unit, total.amount_krw, span))
        else:
            quantity = parse_quantity(part.number, total.unit)
            facts.append(_fact(line, statement, item, part.label, part.group, period, year, part.number,
                               quantity.unit, quantity.amount_krw, span))
    return facts


def _year_facts(line: int, statement: str, item: str | None, match: re.Match, total) -> list[dict]:
    """The years a bracket shares a total out among, when the bracket is nothing else and they
    add up to it (each in the total's unit where it prints none)."""
    note, offset = match.group("note"), match.start("note")
    parts, at = [], 0
    while at < len(note.rstrip()):
        part = _YEAR_PART.match(note, at)
        if part is None or part.end() == at:
            return []
        parts.append((part, parse_quantity(note[part.start("number"):part.end()].rstrip(" ,"), total.unit)))
        at = part.end()
    if len(parts) < 2 or sum(q.amount_krw or 0 for _, q in parts) != total.amount_krw:
        return []
    facts = []
    for part, quantity in parts:
        printed = note[part.start("number"):part.end()].rstrip(" ,")
        start = offset + part.start("number")
        facts.append(_fact(line, statement, item, None, TOTAL_GROUP, part["year"].strip(), year_label(part["year"]),
                           printed, quantity.unit, quantity.amount_krw, (start, start + len(printed))))
    return facts


def _component_facts(line: int, statement: str, match: re.Match, total, period: str | None,
                     year: int | None) -> list[dict]:
    """The named parts a bracket shares a total out among, when the bracket is nothing else and
    they add up to it (``15.4조원(공항 13.5조, 도로 0.6조, 철도 1.3조)``, each in the total's unit
    where it prints none): each the budget of that part of the project, its ``item``."""
    parts = named_amounts(match.group("note"), total.unit)
    if (not parts or len(parts) < 2 or any(year_label(p.name) is not None or funding_group(p.name) for p in parts)
            or sum(p.won or 0 for p in parts) != total.amount_krw):
        return []
    offset = match.start("note")
    return [_fact(line, statement, p.name, None, TOTAL_GROUP, period, year, p.printed, p.unit, p.won,
                  (offset + p.start, offset + p.start + len(p.printed)))
            for p in parts]


def _fact(line, statement, item, source, group, period, year, printed, unit, amount, span,
          non_budget=False) -> dict:
    return {"source_line": line, "table_index": 0, "statement": statement, "item": item,
            "funding_source": source, "funding_group": group, "period_label": period, "fiscal_year": year,
            "printed_value": printed, "printed_unit": unit, "amount_krw": amount,
            "is_non_budget": non_budget, "source_span": span}


def _period(column_label: str) -> tuple[str, int | None]:
    """The period a column prints and its fiscal year: its own label (``2024년``, ``기투자``), or,
    under a period's band (``‘24년 / 예산``, ``’23년 이전 / 집행``), the period with it (``‘24년
    집행``, the year 2024; ``’23년 이전 집행``, no one year)."""
    parts = column_label.split(" / ")
    own = parts[-1]
    if year_label(own) is None:
        banded = next((part for part in reversed(parts[:-1]) if _PERIOD_BAND.search(part)), None)
        if banded is not None:
            return f"{banded} {own}", year_label(banded)
    return own, year_label(own)


_PERIOD_BAND = re.compile(r"\d\s*년|(?:19|20)\d{2}")


def _table_facts(table: Table) -> list[dict]:
    by_columns = _funding_axis(table) == "columns"
    facts = []
    for cell in table.value_cells():
        # a number on a row with no label (a header the text layer split) names no funding source;
        # a pair (``80 (30%)``) is no one amount
        if not cell.row_labels or not is_quantity(cell.text):
            continue
        quantity = parse_quantity(cell.text, cell.unit)
        if quantity.value is None:
            continue
        if by_columns:
            source = cell.column_label.rsplit(" / ", 1)[-1]
            period, year = _period(" / ".join(cell.row_labels))
        else:
            source = cell.row_labels[0]
            period, year = _period(cell.column_label)
        facts.append({
            "source_line": cell.line, "table_index": table.table_index, "statement": TABLE, "item": None,
            "funding_source": source, "funding_group": funding_group(source), "period_label": period,
            "fiscal_year": year, "printed_value": cell.text,
            "printed_unit": quantity.unit, "amount_krw": quantity.amount_krw, "is_non_budget": False,
            "source_span": (cell.start, cell.end),
        })
    return facts
