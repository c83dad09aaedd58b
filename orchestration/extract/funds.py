"""Funds (기금) a plan lists: each fund's balance, its operating size, what it takes in and pays
out in a year, and the unit that manages it.

A fund table is told by the header over its names (``기 금 명``: seed fund_terms.csv, as every word
here). Its money columns say what they measure by their header's last words (조성액 a balance,
운용규모 the operating size, 수입 receipts, 지출 spending, 증감 the change) and the year its header
names (``2024년도말 조성액``, ``2025년도 조성계획 / 수 입``); a 소관부서 column names the managing unit.
A 계 row is all the funds'. A caption stating the funds' total (``기  금(19개) : 1조 3,333억원``) over a
table measuring one thing in one year is that measure's total. Funds are the whole government's:
the managing unit, where printed, is kept beside the fund, not as its owner.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from orchestration.extract.dates import year_in
from orchestration.extract.numbers import MONEY_FACTORS, PLACE_AMOUNT, NumberParseError, money_amount, parse_quantity
from orchestration.extract.organisation import is_total, is_unit_name
from orchestration.extract.tables import Table
from orchestration.extract.text import spaced_any, without_spaces
from orchestration.extract.vocabulary import caption_words, fund_terms

TOTAL = "total"
# ``기  금(19개) : 1조 3,333억원``: the total of the funds a caption states (its word in caption_words.csv).
_CAPTION_TOTAL = re.compile(spaced_any(caption_words("fund")) + r"\s*(?:\(\s*\d+\s*개\s*\))?\s*[:：]\s*(?P<amount>" + PLACE_AMOUNT.pattern + ")")
_HEADER_ROLES = ("name_header", "manager_header")


@dataclass(frozen=True)
class FundFact:
    source_line: int
    table_index: int
    fund: str                 # the fund's name without spaces, or total for all the funds together
    fund_printed: str
    org_unit: str | None      # the unit that manages the fund, where the table prints one
    measure: str              # balance, operating_size, receipts, spending or change (fund_terms.csv)
    measure_printed: str      # the column's header as printed
    fiscal_year: int | None
    printed_value: str
    printed_unit: str
    amount_krw: int
    source_span: tuple[int, int] = field(default=(0, 0), compare=False)


def _role(label: str, roles: tuple[str, ...]) -> str | None:
    text = without_spaces(label)
    return next((meaning for meaning, pattern in fund_terms() if meaning in roles and pattern.search(text)), None)


def measure_of(label: str) -> str | None:
    """What a column of a fund table measures, by its header's innermost level (``2025년도 조성계획 /
    수 입`` → receipts), or None."""
    measures = tuple(meaning for meaning, _ in fund_terms() if meaning not in _HEADER_ROLES)
    return _role(label.split(" / ")[-1], measures)


def extract_funds(tables: list[Table]) -> list[FundFact]:
    facts = []
    for table in tables:
        headers = [_role(label, _HEADER_ROLES) for label in table.column_labels]
        if "name_header" not in headers:
            continue
        name_column, manager_column = headers.index("name_header"), next(
            (i for i, role in enumerate(headers) if role == "manager_header"), None)
        measures = {i: m for i, label in enumerate(table.column_labels)
                    if i < len(table.column_units) and table.column_units[i] in MONEY_FACTORS and (m := measure_of(label))}
        if not measures:
            continue
        rows = []
        for row in table.body_rows:
            cells = {cell.column: cell for cell in row}
            name = cells.get(name_column)
            label = name.text if name is not None and name.text else next(
                (cells[c].text for c in range(name_column) if c in cells and is_total(without_spaces(cells[c].text))), "")
            if not label:
                continue
            fund = TOTAL if is_total(without_spaces(label)) else without_spaces(label)
            managers = cells[manager_column].text.split() if manager_column in cells else []
            org_unit = without_spaces(managers[0]) if managers and is_unit_name(managers[0]) else None
            for column, measure in measures.items():
                cell = cells.get(column)
                if cell is None or not cell.text:
                    continue
                try:
                    quantity = parse_quantity(cell.text, table.column_units[column])
                except NumberParseError:
                    continue
                if quantity.amount_krw is None:
                    continue
                rows.append(FundFact(cell.line, table.table_index, fund, label, org_unit, measure,
                                     table.column_labels[column], year_in(table.column_labels[column]), cell.text,
                                     quantity.unit, quantity.amount_krw, (cell.start, cell.end)))
        facts += rows + _caption_total(table, measures)
    return facts


def _caption_total(table: Table, measures: dict[int, str]) -> list[FundFact]:
    """The funds' total a caption line states, when the table measures one thing in one year."""
    if len(measures) != 1:
        return []
    [(column, measure)] = measures.items()
    for line, text in table.caption:
        match = _CAPTION_TOTAL.search(text)
        amount, unit = money_amount(match["amount"].strip()) if match else (None, "")
        if amount is not None:
            printed = match["amount"].strip()
            return [FundFact(line, table.table_index, TOTAL, text[:match.start("amount")].rstrip(" :："), None, measure,
                             table.column_labels[column], year_in(table.column_labels[column]), printed, unit, amount,
                             (match.start("amount"), match.start("amount") + len(printed)))]
    return []
