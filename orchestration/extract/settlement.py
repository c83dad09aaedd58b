"""Settlement of accounts (결산) by fiscal year, from a table of its parts.

A settlement table is told by its labels: 세입 and 세출 beside the parts of the surplus (잉여금:
명시이월, 사고이월, 보조금 집행잔액, 순세계잉여금), one fiscal year per row or per column. A label
``계`` under ``잉여금`` is the surplus itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from orchestration.extract.dates import year_label
from orchestration.extract.numbers import MONEY_FACTORS, NumberParseError, parse_quantity
from orchestration.extract.tables import Table, ValueCell
from orchestration.extract.text import without_spaces
from orchestration.extract.vocabulary import label_meaning



@dataclass(frozen=True)
class SettlementFact:
    source_line: int
    table_index: int
    fiscal_year: int
    item: str
    item_printed: str
    printed_value: str
    printed_unit: str
    amount_krw: int
    source_span: tuple[int, int] = field(default=(0, 0), compare=False)


def item_of(path: list[str]) -> str | None:
    """The item a label path names (label_terms.csv's settlement_item, the most specific first);
    ``잉여금 / 계`` is the surplus."""
    labels = [without_spaces(label) for label in path if label]
    for label in reversed(labels):
        if label_meaning("total", label):
            continue
        return label_meaning("settlement_item", label)
    return None


def is_settlement_table(table: Table) -> bool:
    names = {item_of(label.split(" / ")) for label in table.column_labels}
    names |= {item_of([c.text for c in row[: table.label_columns]]) for row in table.body_rows}
    return {"revenue", "expenditure"} <= names and len(names - {None}) >= 3


def extract_settlement(tables: list[Table]) -> list[SettlementFact]:
    facts = []
    for table in tables:
        if not is_settlement_table(table):
            continue
        for cell in table.value_cells():
            fact = _fact(table, cell)
            if fact:
                facts.append(fact)
    return facts


def _row_year(table: Table, cell: ValueCell) -> int | None:
    """The year a row is about: in its labels, or in a 회계연도 cell (a year is no value, so the
    table reader may have left it out of the labels)."""
    year = next((y for y in map(year_label, cell.row_labels) if y), None)
    if year is None:
        row = table.body_rows[cell.row]
        year = next((y for y in (year_label(c.text) for c in row if c.column < cell.column) if y), None)
    return year


def _fact(table: Table, cell: ValueCell) -> SettlementFact | None:
    column_path = cell.column_label.split(" / ")
    item, printed = item_of(column_path), cell.column_label
    year = _row_year(table, cell)
    if item is None:
        item, printed = item_of(list(cell.row_labels)), " / ".join(cell.row_labels)
        year = next((y for y in map(year_label, column_path) if y), None)
    if item is None or year is None:
        return None
    try:
        quantity = parse_quantity(cell.text, cell.unit)
    except NumberParseError:
        return None
    if quantity.amount_krw is None or quantity.unit not in MONEY_FACTORS:
        return None
    return SettlementFact(cell.line, table.table_index, year, item, printed, cell.text, quantity.unit,
                          quantity.amount_krw, (cell.start, cell.end))
