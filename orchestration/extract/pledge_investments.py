"""A pledge investment plan (공약 투자계획): the pledge hierarchy with its money by period.

The table is told by its shape, not its title: row labels that start with a hierarchical code
(``1-1.``, ``1-1-1.``, ``2-3)``) followed by a title, and value columns headed by periods
(총계 / 합계, a year ``2024``, a range ``2022~2023``). A wrapped title has already been joined back
by the table reader, and its amounts may stand on a later line: each amount keeps its own line.
A row labelled as a total (총 계) is kept as the plan's total, for checking, with no pledge.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from orchestration.extract.numbers import MONEY_FACTORS, NumberParseError, parse_quantity
from orchestration.extract.organisation import is_total
from orchestration.extract.pledges import INVESTMENT_PLAN, PledgeFact
from orchestration.extract.tables import Table, ValueCell
from orchestration.extract.text import squeeze, without_spaces

_CODE = re.compile(r"^\s*(?P<code>\d{1,2}(?:\s*-\s*\d{1,3})+)\s*[.)]?\s*(?P<title>\S.*)$")
_RANGE = re.compile(r"^(?P<from>(?:19|20)\d{2})\s*년?\s*[~∼\-]\s*(?P<to>(?:19|20)?\d{2})\s*년?$")
_YEAR = re.compile(r"^(?P<year>(?:19|20)\d{2})\s*년?(?:도)?$")
# At least this share of a table's body rows must print a code for it to be a pledge hierarchy.
_CODED_SHARE = 0.6


@dataclass(frozen=True)
class PledgeInvestmentFact:
    source_line: int
    table_index: int
    pledge_code: str | None       # None on the plan's total row
    is_total_row: bool
    period_label: str             # as printed: 총계, 2022~2023, 2024
    fiscal_year_from: int | None  # None for the all-period total column
    fiscal_year_to: int | None
    printed_value: str
    value: str | None             # exact decimal as printed; None for 비예산 and -
    unit: str | None
    amount_krw: int | None
    is_non_budget: bool
    funding_source: str | None = None   # a funding group (국비, 도비 …) of a split; None for the whole cost
    source_span: tuple[int, int] = field(default=(0, 0), compare=False)


def period_years(label: str) -> tuple[int | None, int | None] | None:
    """(from, to) for a period header; (None, None) for a total column; None when not a period."""
    text = without_spaces(label.rsplit(" / ", 1)[-1])
    if is_total(text) or text.endswith("총계"):
        return None, None
    if match := _RANGE.match(text):
        start, end = int(match["from"]), match["to"]
        return start, int(end) if len(end) == 4 else (start // 100) * 100 + int(end)
    if match := _YEAR.match(text):
        return int(match["year"]), int(match["year"])
    return None


def is_investment_plan(table: Table) -> bool:
    labels = [row[0].text for row in table.body_rows if row and table.label_columns]
    coded = sum(1 for label in labels if _CODE.match(label))
    periods = [period_years(label) for label in table.column_labels[table.label_columns:]]
    return (bool(labels) and coded / len(labels) >= _CODED_SHARE
            and sum(1 for p in periods if p is not None and p[0] is not None) >= 2)


def extract_pledge_investments(tables: list[Table]) -> tuple[list[PledgeFact], list[PledgeInvestmentFact]]:
    pledges: list[PledgeFact] = []
    investments: list[PledgeInvestmentFact] = []
    for table in tables:
        if not is_investment_plan(table):
            continue
        values = {(cell.line, cell.column): cell for cell in table.value_cells()}
        rows = []
        for row in table.body_rows:
            label = row[0]
            match = _CODE.match(label.text)
            code = re.sub(r"\s", "", match["code"]) if match else None
            if code is None and not is_total(without_spaces(label.text)):
                continue  # a row that is neither a pledge nor the total: left to the table cells
            rows.append((row, code, squeeze(match["title"]) if match else None))
        codes = {code for _, code, _ in rows if code}
        for row, code, title in rows:
            label = row[0]
            if code:
                parent = code.rsplit("-", 1)[0]
                pledges.append(PledgeFact(
                    source_line=label.line, pledge_code=code, code_is_derived=False, title=title,
                    strategy=None, department=None, parent_pledge_code=parent if parent in codes else None,
                    source_kind=INVESTMENT_PLAN, source_span=(label.start, label.start + _code_end(label.text)),
                ))
            for cell in row[table.label_columns:]:
                value = values.get((cell.line, cell.column))
                fact = _investment(table, value, code) if value else None
                if fact:
                    investments.append(fact)
    return pledges, investments


def _code_end(label: str) -> int:
    match = _CODE.match(label)
    return match.end("code") if match else 0


def _investment(table: Table, cell: ValueCell, code: str | None) -> PledgeInvestmentFact | None:
    years = period_years(cell.column_label)
    if years is None:
        return None
    try:
        quantity = parse_quantity(cell.text, cell.unit)
    except NumberParseError:
        return None
    return PledgeInvestmentFact(
        source_line=cell.line,
        table_index=table.table_index,
        pledge_code=code,
        is_total_row=code is None,
        period_label=cell.column_label.rsplit(" / ", 1)[-1],
        fiscal_year_from=years[0],
        fiscal_year_to=years[1],
        printed_value=cell.text,
        value=None if quantity.value is None else str(quantity.value),
        unit=quantity.unit,
        amount_krw=quantity.amount_krw if quantity.unit in MONEY_FACTORS else None,
        is_non_budget=quantity.marker == "non_budget",
        source_span=(cell.start, cell.end),
    )
