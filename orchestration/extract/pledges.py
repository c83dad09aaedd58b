"""Pledges (공약) as records, and the pledge lists that print them.

Three kinds of filing name pledges: a government's pledge list (추진전략 | 관리번호 | 공약명 | 담당부서),
its pledge investment plan (a code hierarchy 1-1, 1-1-1 … with amounts by year; see
``pledge_investments``) and a candidate's leaflet (see ``candidates``). All give ``PledgeFact``.

A pledge list is found by the meaning of its headers, in whatever layout the table reader found
it: a column of titles (공약명, 공약사업명, 과제명) beside a column of codes (관리번호, 공약번호) or of
departments (담당부서, 주관부서). The strategy of a group is printed on its first pledge only; the
pledges below it carry it down. A list without codes gets derived ones (``code_is_derived``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from orchestration.extract.tables import Table
from orchestration.extract.text import squeeze, without_spaces
from orchestration.extract.vocabulary import label_meaning

PLEDGE_LIST, INVESTMENT_PLAN, CANDIDATE = "pledge_list", "pledge_investment_plan", "candidate_disclosure"



@dataclass(frozen=True)
class PledgeFact:
    source_line: int
    pledge_code: str              # as printed (지역개발-01, 1-1-2), or derived when none is printed
    code_is_derived: bool
    title: str
    strategy: str | None          # 추진전략, policy area or place heading the pledge stands under
    department: str | None        # 담당부서 as printed
    parent_pledge_code: str | None
    source_kind: str
    # A candidate's five-pledge sheet prints these sections of each pledge, as text.
    goals: str | None = None
    methods: str | None = None
    period: str | None = None
    funding: str | None = None
    source_span: tuple[int, int] = field(default=(0, 0), compare=False)


def column_roles(headers: list[str]) -> dict[str, int]:
    """Role → column index for the headers a pledge table prints; a header's role is the first of
    label_terms.csv's pledge_column it matches."""
    roles: dict[str, int] = {}
    for index, header in enumerate(headers):
        text = without_spaces(header)
        role = label_meaning("pledge_column", text)
        if role and role not in roles:
            roles[role] = index
    return roles


def is_pledge_list(table: Table) -> bool:
    roles = column_roles(table.column_labels)
    return not table.value_cells() and "title" in roles and ("code" in roles or "department" in roles)


def extract_pledge_list(tables: list[Table]) -> list[PledgeFact]:
    pledges: list[PledgeFact] = []
    for table in tables:
        if not is_pledge_list(table):
            continue
        roles = column_roles(table.column_labels)
        strategy = None
        for row in table.body_rows:
            cells = {cell.column: cell for cell in row}

            def text(role: str) -> str | None:
                cell = cells.get(roles.get(role, -1))
                return squeeze(cell.text) if cell and cell.text.strip() else None

            strategy = text("strategy") or strategy
            title = text("title")
            if title is None:
                continue
            code_cell = cells.get(roles.get("code", -1))
            printed_code = text("code")
            anchor = code_cell if printed_code else cells[roles["title"]]
            pledges.append(PledgeFact(
                source_line=anchor.line,
                pledge_code=printed_code or f"{len(pledges) + 1:03d}",
                code_is_derived=printed_code is None,
                title=title,
                strategy=strategy,
                department=text("department"),
                parent_pledge_code=None,
                source_kind=PLEDGE_LIST,
                source_span=(code_cell.start, code_cell.end) if printed_code else (0, 0),
            ))
    return pledges
