"""Department budgets (예산현황) by expenditure category, from the generic tables.

A department-budget table is told by its shape: value columns headed by fiscal years
(``2024년``, ``2023년 (당초예산)``), money units, and rows labelled with the budget categories
of 지방재정 (계, 정책사업비, 행정운영경비, 재무활동비). A row's org unit is the unit named in its
label cells (``기 획 예 산 과``, carried down), or, for a total row naming no unit (``합 계``), the
unit whose section the table sits in (none, when no unit's section holds it: ``unattributed`` says
so). Change columns (``증 감``, ``증감률(%)``) are kept on the facts for checking, not as facts of
their own: on the fact of the column they are measured against where the header names it (``’24년
최종 대비``), else on every fact of the row.

A table of units by year is read too: rows labelled with unit names (and a 합계 row, the
section's unit), columns whose header names a year and a basis (``’25년 당초예산``, ``’24년
최종예산``, ``2025년 본예산``) or a year alone (``2025년``, basis null), in money. Each cell is its
unit's total budget for that year and basis; the row's 증감 and 증감률 are kept beside it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from decimal import Decimal

from orchestration.extract.dates import year_in, year_label
from orchestration.extract.layouts import is_data
from orchestration.extract.numbers import (MONEY_FACTORS, MONEY_UNIT, NUMBER_BODY, PLACE_AMOUNT, NumberParseError,
                                           is_quantity, money_amount, named_amounts, parse_quantity,
                                           parse_with_share)
from orchestration.extract.organisation import (EXPENDITURE_SIDE, EXPENDITURE_WORD, NO_UNIT_SECTION, REVENUE_SIDE,
                                                REVENUE_WORD, SIDE_WORD, UNIT_NOT_PRINTED, Section, is_unit_name,
                                                section_at, side_of, unit_row)
from orchestration.extract.structure import heading_year, section_tree
from orchestration.extract.tables import Cell, Table, ValueCell
from orchestration.extract.text import LINE_MARKS, MIDDLE_DOTS, spaced_any, without_spaces
from orchestration.extract.vocabulary import (budget_accounts, budget_bases, budget_categories, budget_fields,
                                             budget_header_words)

TOTAL = "total"

_YEAR_COLUMN = re.compile(r"^(?P<year>(?:19|20)\d{2})\s*년?\s*(?:\(\s*(?P<basis>[^)]+?)\s*\))?$")
# The words of a budget table's headers (budget_header_words.csv).
_AMOUNT_WORD, _CHANGE_WORD, _CHANGE_PCT_WORD = (spaced_any(budget_header_words(meaning))
                                                for meaning in ("amount", "change", "change_pct"))
_CHANGE = re.compile(rf"^{_CHANGE_WORD}(?:\(.*\))?$")
_CHANGE_PCT = re.compile(rf"^{_CHANGE_PCT_WORD}")


@dataclass(frozen=True)
class DepartmentBudgetFact:
    source_line: int
    table_index: int
    org_unit: str | None          # None when no unit's section holds a 합계 row (``unattributed`` says so)
    org_unit_printed: str
    category: str
    category_printed: str
    fiscal_year: int
    budget_basis: str | None
    column_printed: str
    printed_value: str
    printed_unit: str
    amount_krw: int
    printed_change: str | None
    printed_change_pct: str | None
    unattributed: str | None = None  # why org_unit is None
    account: str | None = None       # 회계 (budget_accounts.csv), when the table prints budgets by account
    budget_field: str | None = None  # 분야 (budget_fields.csv), when the table prints 세출 by field
    source_span: tuple[int, int] = field(default=(0, 0), compare=False)


def _named(vocabulary: tuple[tuple[str, re.Pattern[str]], ...], label: str) -> str | None:
    key = without_spaces(label)
    return next((name for name, pattern in vocabulary if pattern.match(key)), None)


def category_of(label: str) -> str | None:
    """The category a row label names (budget_categories.csv), or None."""
    return _named(budget_categories(), label)


def account_of(label: str) -> str | None:
    """The account a row label names (budget_accounts.csv), or None."""
    return _named(budget_accounts(), label)


def _value_rows(table: Table) -> list[dict[int, ValueCell]]:
    """The table's value cells, by row and column."""
    rows: dict[int, dict[int, ValueCell]] = {}
    for cell in table.value_cells():
        rows.setdefault(cell.row, {})[cell.column] = cell
    return list(rows.values())


# A column of amounts that names no year (``예산액``, ``금 액``): the year of the caption, else the plan's.
_AMOUNT_COLUMN = re.compile(rf"^{_AMOUNT_WORD}(?:\(.*\))?$")


def _amount_columns(table: Table, plan_year: int | None) -> dict[int, tuple[int, str | None]]:
    """(fiscal year, basis) of each column of amounts: headed by a year (``2024년 (당초예산)``), or,
    in a table whose headers name no year, by a word for the budget alone (``예산액``)."""
    years = {i: (int(m["year"]), m["basis"]) for i, label in enumerate(table.column_labels)
             if (m := _YEAR_COLUMN.match(label))}
    year = year_in(table.caption_text()) or plan_year
    if years or year is None:
        return years
    return {i: (year, None) for i, label in enumerate(table.column_labels)
            if i >= table.label_columns and _AMOUNT_COLUMN.match(without_spaces(label))}


def is_department_budget_table(table: Table, plan_year: int | None = None) -> bool:
    categories = {category_of(c.text) for row in table.body_rows for c in row[: table.label_columns]}
    money = any(unit in MONEY_FACTORS for unit in table.column_units)
    return bool(_amount_columns(table, plan_year)) and money and len(categories - {TOTAL, None}) >= 2


_CHANGE_ANYWHERE = re.compile(f"{_CHANGE_WORD}|{_CHANGE_PCT_WORD}")


def basis_of(label: str) -> str | None:
    """The basis a label names (budget_bases.csv: ``’24년 최종예산`` → 최종), or None."""
    return next((b for b, pattern in budget_bases() if pattern.search(without_spaces(label))), None)


def year_and_basis(label: str) -> tuple[int, str] | None:
    """(fiscal year, basis) of a column whose header names both and is no change column: no 증감
    on any of its levels, and no comparison as its own (``’24년 당초 대비`` under ``예 산 액``).
    A level naming two comparisons (``당초 대비 최종 대비``) is two columns' headers run together,
    as pdftotext squeezes them over another's, and says nothing of this one."""
    if _CHANGE_ANYWHERE.search(label) or len(_AGAINST.findall(label.rsplit(" / ", 1)[-1])) == 1:
        return None
    year = year_in(label)
    basis = basis_of(label)
    if year is None or not basis:
        return None
    return year, basis


def _units_by_year(table: Table, sections: list[Section]) -> list[DepartmentBudgetFact]:
    """Units down the side, years across: each unit's budget of the year; not under a caption
    naming 세입, whose figures are the units' revenue (``ㅇ (세입) 2,917백만원``) or, beside 세출
    (``ㅇ 세입 12억원, 세출 98억원``), of no side the table says."""
    columns = _year_columns(table)
    if (not columns or not any(unit in MONEY_FACTORS for unit in table.column_units)
            or _REVENUE.search(table.caption_text())):
        return []
    labels = [row[0].text for row in table.body_rows if row]
    if sum(1 for label in labels if is_unit_name(label)) * 2 < len(labels):
        return []
    facts = []
    for row in table.body_rows:
        label = row[0].text if row else ""
        total = category_of(label) == TOTAL
        printed = {cell.column: cell for cell in row if cell.text and cell.column < len(table.column_labels)}
        changes = _changes(printed, table.column_labels, columns)
        # most rows name units (checked above), so every row does (클래식부산 among the 과 of a 국)
        org_unit = section_at(sections, row[0].line) if total else without_spaces(label) or None
        if org_unit is None and not total:
            continue
        for cell in row:
            if cell.column not in columns or not is_quantity(cell.text):
                continue
            unit = table.column_units[cell.column] if cell.column < len(table.column_units) else None
            quantity = parse_quantity(cell.text, unit)
            if quantity.amount_krw is None:
                continue
            year, basis = columns[cell.column]
            change, change_pct = _change_of(changes, cell.column)
            facts.append(DepartmentBudgetFact(
                source_line=cell.line, table_index=table.table_index, org_unit=org_unit, org_unit_printed=label,
                category=TOTAL, category_printed=label if total else "계", fiscal_year=year, budget_basis=basis,
                column_printed=table.column_labels[cell.column], printed_value=cell.text, printed_unit=quantity.unit,
                amount_krw=quantity.amount_krw, printed_change=change, printed_change_pct=change_pct,
                unattributed=None if org_unit else NO_UNIT_SECTION, source_span=(cell.start, cell.end)))
    return facts


# A row of a unit's expenditure budget (세출) in a table whose columns are the units.


def _units_in_columns(table: Table, sections: list[Section], plan_year: int | None) -> list[DepartmentBudgetFact]:
    """``구분 | 계 | 문화예술과 | …`` over a 세출 row, in money, or the same turned round (units down
    the side, a 세출 column): each unit's total budget of the year the caption names (``’25. 1. 1.
    기준``), else the plan's; the 계 column (or row) is the section's unit."""
    caption_year = year_in(table.caption_text()) or plan_year
    facts = []
    for label, cell, org_unit in unit_row(table, sections, EXPENDITURE_SIDE):
        # a column of a year's band (``2025년 / 세출``), or a row labelled by a year, is of that year
        fiscal_year = year_in(table.column_labels[cell.column]) or year_label(label) or caption_year
        if fiscal_year is None:
            continue
        money = table.column_units[cell.column] if cell.column < len(table.column_units) else None
        if money not in MONEY_FACTORS or not is_quantity(cell.text):
            continue
        quantity = parse_quantity(cell.text, money)
        if quantity.amount_krw is None:
            continue
        facts.append(DepartmentBudgetFact(
            source_line=cell.line, table_index=table.table_index, org_unit=org_unit or None,
            org_unit_printed=table.column_labels[cell.column], category=TOTAL,
            category_printed=label,
            fiscal_year=fiscal_year, budget_basis=None, column_printed=table.column_labels[cell.column],
            printed_value=cell.text, printed_unit=quantity.unit, amount_krw=quantity.amount_krw,
            printed_change=None, printed_change_pct=None, unattributed=None if org_unit else UNIT_NOT_PRINTED,
            source_span=(cell.start, cell.end)))
    return facts


# "예 산 (시 전체)", "예산총괄": a table of the whole government's budget, no unit's.
_WHOLE_GOVERNMENT = re.compile(r"(?:시|도|군|구)\s*전\s*체|총\s*괄")
WHOLE_GOVERNMENT = "whole_government"
# A budget line that names no unit and is as often the government's as the unit's it stands under.
OWNER_NOT_STATED = "owner_not_stated"


# A year and the word for a budget, no basis (``2025년 예산(A)``; the letter names it in 증감(A-B)).
_YEAR_BUDGET = re.compile(rf"^(?P<year>.+?년\s*도?)\s*{_AMOUNT_WORD}\s*(?:\(\s*[A-Za-z]\s*\))?$")


def _year_columns(table: Table) -> dict[int, tuple[int, str | None]]:
    """Columns headed by a year and a basis (``’25년 당초예산``), a year alone (``2025년``), or a
    year and the word for a budget (``2025년 예산(A)``: basis null)."""
    return {i: yb for i, label in enumerate(table.column_labels)
            if (yb := year_and_basis(label) or ((year, None) if (year := _year_of_column(label)) else None))}


def _year_of_column(label: str) -> int | None:
    budget = _YEAR_BUDGET.match(label.strip())
    return year_label(budget["year"] if budget else label)


def _accounts_by_year(table: Table, sections: list[Section]) -> list[DepartmentBudgetFact]:
    """Rows labelled with the accounts of the budget (합계, 일반회계, 특별회계 and under it 공기업,
    기타) by year: each cell the account's total of that year and basis. The unit is the one whose
    section holds the table, or none when the caption says it is the whole government's
    (``예 산 (시 전체)``, ``예산총괄``: ``unattributed`` = whole_government)."""
    columns = _year_columns(table)
    if not columns or not any(unit in MONEY_FACTORS for unit in table.column_units):
        return []
    # A row's own label (the innermost) names its account; a row below one (상수도사업 under
    # 공기업특별회계) names a fund of it, no account, and stays a table cell.
    rows = [(cells, next((text for text in reversed(next(iter(cells.values())).row_labels) if text.strip()), ""))
            for cells in _value_rows(table)]
    accounts = [account_of(label) for _, label in rows]
    if sum(1 for a in accounts if a not in (None, TOTAL)) < 2:
        return []
    whole = bool(_WHOLE_GOVERNMENT.search(table.caption_text()))
    facts = []
    for (cells, label), account in zip(rows, accounts):
        if account is None:
            continue
        changes = _changes(cells, table.column_labels, columns)
        for column, (year, basis) in columns.items():
            cell = cells.get(column)
            quantity = parse_quantity(cell.text, cell.unit) if cell else None
            if quantity is None or quantity.amount_krw is None:
                continue
            org_unit = None if whole else section_at(sections, cell.line)
            change, change_pct = _change_of(changes, column)
            facts.append(DepartmentBudgetFact(
                source_line=cell.line, table_index=table.table_index, org_unit=org_unit, org_unit_printed=label,
                category=TOTAL, category_printed=label, fiscal_year=year, budget_basis=basis,
                column_printed=table.column_labels[column], printed_value=cell.text, printed_unit=quantity.unit,
                amount_krw=quantity.amount_krw, printed_change=change, printed_change_pct=change_pct,
                unattributed=WHOLE_GOVERNMENT if whole else None if org_unit else NO_UNIT_SECTION,
                account=account, source_span=(cell.start, cell.end)))
    return facts


_EXPENDITURE, _REVENUE = re.compile(EXPENDITURE_WORD), re.compile(REVENUE_WORD)
_BUDGET = re.compile(r"예\s*산")


def _spending(caption: str) -> bool:
    """A caption over a unit's spending: it says 세출, or 예산 and not 세입 (a unit's 예산 by
    category is what it spends)."""
    return bool(_EXPENDITURE.search(caption) or (_BUDGET.search(caption) and not _REVENUE.search(caption)))


def _categories_in_columns(table: Table, sections: list[Section], plan_year: int | None) -> list[DepartmentBudgetFact]:
    """``계 | 사업비 | 행정운영경비`` over rows of amounts, under a 세출 (or 예산) caption: the budget of
    the unit whose section holds the table (or the unit its row names) by category, each amount
    printed with its share (``6,881(33.7%)``). The year is the caption's, else the plan's."""
    categories = {i: category_of(label) for i, label in enumerate(table.column_labels)}
    named = {c for c in categories.values() if c}
    if TOTAL not in named or len(named) < 2 or not _spending(table.caption_text()):
        return []
    fiscal_year = year_in(table.caption_text()) or plan_year
    if fiscal_year is None:
        return []
    facts = []
    for row in table.body_rows:
        label = row[0].text if row and row[0].column < table.label_columns else ""
        org_unit = without_spaces(label) if is_unit_name(label) else section_at(sections, row[0].line) if row else None
        for cell in row:
            category = categories.get(cell.column)
            unit = table.column_units[cell.column] if cell.column < len(table.column_units) else None
            if category is None or unit not in MONEY_FACTORS or not cell.text:
                continue
            try:
                quantity, _share = parse_with_share(cell.text, unit)
            except NumberParseError:
                continue
            if quantity.amount_krw is None:
                continue
            facts.append(DepartmentBudgetFact(
                source_line=cell.line, table_index=table.table_index, org_unit=org_unit,
                org_unit_printed=label, category=category, category_printed=table.column_labels[cell.column],
                fiscal_year=fiscal_year, budget_basis=None, column_printed=table.column_labels[cell.column],
                printed_value=cell.text, printed_unit=quantity.unit, amount_krw=quantity.amount_krw,
                printed_change=None, printed_change_pct=None,
                unattributed=None if org_unit else NO_UNIT_SECTION, source_span=(cell.start, cell.end)))
    return facts


def field_of(label: str) -> str | None:
    """The field (분야) a row label names, or the fields it prints as one joined by ``·``
    (``사회복지․보건`` → 사회복지·보건); None unless every character of it is a field's."""
    key = MIDDLE_DOTS.sub("", without_spaces(label))
    fields, at = [], 0
    while at < len(key):
        matches = [(m.end(), field) for field, pattern in budget_fields() if (m := pattern.match(key, at))]
        if not matches:
            return None
        at, field = max(matches)
        fields.append(field)
    return "·".join(fields) or None


_SIDE_TOTAL = re.compile(rf"(?P<side>{SIDE_WORD})\s*[:：]\s*(?P<amount>{PLACE_AMOUNT.pattern})")


@dataclass(frozen=True)
class CaptionTotal:
    """The total a table's caption states for its side of the budget (``세    출 : 16조 6,830억원``
    over the 세출 by field), in the unit its last place word names."""

    line: int
    side: str
    printed: str
    unit: str
    value: Decimal  # in ``unit``
    amount_krw: int
    span: tuple[int, int]


def caption_total(table: Table, side: str) -> CaptionTotal | None:
    for line, text in table.caption:
        for match in _SIDE_TOTAL.finditer(text):
            printed = match["amount"].strip()
            amount, unit = money_amount(printed)
            if side_of(match["side"]) == side and amount is not None:
                return CaptionTotal(line, side, printed, unit, Decimal(amount) / MONEY_FACTORS[unit], amount,
                                    (match.start("amount"), match.start("amount") + len(printed)))
    return None


def _expenditure_by_field(table: Table, plan_year: int | None) -> list[DepartmentBudgetFact]:
    """세출 by field (분야), a field's label and its amount side by side, as often two pairs to a
    row (``구분 | 예산액(구성비) | 구분 | 예산액(구성비)``) as one: the whole government's budget of
    the caption's year, else the plan's. The functional fields divide a government's whole
    expenditure, never one unit's, so no unit's section takes it."""
    fiscal_year = year_in(table.caption_text()) or plan_year
    if fiscal_year is None or not _EXPENDITURE.search(table.caption_text()):
        return []
    facts = []
    wrapped: dict[int, list[str]] = {}  # a label's lines printed above its row, by column
    for row in table.body_rows:
        if not any(is_data(cell.text) for cell in row):
            for cell in row:
                if cell.text:
                    wrapped.setdefault(cell.column, []).append(cell.text)
            continue
        label = None
        for cell in sorted(row, key=lambda c: c.column):
            if not cell.text:
                continue
            printed, field = cell.text, field_of(cell.text)
            if field is None and wrapped.get(cell.column):
                printed = " ".join(wrapped[cell.column] + [cell.text])
                field = field_of(printed)
            if field:
                label = (printed, field)
                continue
            unit = table.column_units[cell.column] if cell.column < len(table.column_units) else None
            if label is None or unit not in MONEY_FACTORS:
                continue
            try:
                quantity, _share = parse_with_share(cell.text, unit)
            except NumberParseError:
                continue
            if quantity.amount_krw is not None:
                facts.append(DepartmentBudgetFact(
                    source_line=cell.line, table_index=table.table_index, org_unit=None, org_unit_printed="",
                    category=TOTAL, category_printed=label[0], fiscal_year=fiscal_year, budget_basis=None,
                    column_printed=table.column_labels[cell.column], printed_value=cell.text,
                    printed_unit=quantity.unit, amount_krw=quantity.amount_krw, printed_change=None,
                    printed_change_pct=None, unattributed=WHOLE_GOVERNMENT, budget_field=label[1],
                    source_span=(cell.start, cell.end)))
            label = None
        wrapped = {}
    if len(facts) < 2:
        return []
    total = caption_total(table, EXPENDITURE_SIDE)
    if total:
        facts.append(DepartmentBudgetFact(
            source_line=total.line, table_index=table.table_index, org_unit=None, org_unit_printed="",
            category=TOTAL, category_printed=total.side, fiscal_year=fiscal_year, budget_basis=None,
            column_printed=total.side, printed_value=total.printed, printed_unit=total.unit,
            amount_krw=total.amount_krw, printed_change=None, printed_change_pct=None,
            unattributed=WHOLE_GOVERNMENT, source_span=total.span))
    return facts


def extract_department_budgets(tables: list[Table], sections: list[Section],
                               plan_year: int | None = None) -> list[DepartmentBudgetFact]:
    """``plan_year``: the year the plan is for (a work plan's title), for a table that prints none."""
    facts: list[DepartmentBudgetFact] = []
    for table in tables:
        if not is_department_budget_table(table, plan_year):
            facts += (_accounts_by_year(table, sections) or _units_by_year(table, sections)
                      or _units_in_columns(table, sections, plan_year) or _categories_in_columns(table, sections, plan_year)
                      or _expenditure_by_field(table, plan_year))
            continue
        labels = table.column_labels
        years = _amount_columns(table, plan_year)
        for cells in _value_rows(table):
            row_labels = next(iter(cells.values())).row_labels
            category_label = next((text for text in reversed(row_labels) if category_of(text)), None)
            unit_label = next((text for text in row_labels if is_unit_name(text) and not category_of(text)), None)
            line = next(iter(cells.values())).line
            org_unit = without_spaces(unit_label) if unit_label else section_at(sections, line)
            if category_label is None:
                continue
            changes = _changes(cells, labels, years)
            for column, (year, basis) in years.items():
                cell = cells.get(column)
                quantity = parse_quantity(cell.text, cell.unit) if cell else None
                if quantity is None or quantity.amount_krw is None:
                    continue
                change, change_pct = _change_of(changes, column)
                facts.append(DepartmentBudgetFact(
                    source_line=cell.line,
                    table_index=table.table_index,
                    org_unit=org_unit,
                    org_unit_printed=unit_label or row_labels[0],
                    category=category_of(category_label),
                    category_printed=category_label,
                    fiscal_year=year,
                    budget_basis=basis,
                    column_printed=labels[column],
                    printed_value=cell.text,
                    printed_unit=quantity.unit,
                    amount_krw=quantity.amount_krw,
                    printed_change=change,
                    printed_change_pct=change_pct,
                    unattributed=None if org_unit else NO_UNIT_SECTION,
                    source_span=(cell.start, cell.end),
                ))
    return facts


def _header_parts(label: str) -> list[str]:
    """A column header's levels, top first (``’25년 당초예산 / 증 감 률(%) / ’24년 당초 대비``)."""
    return [part.strip() for part in label.split(" / ")]


_AGAINST = re.compile(r"대\s*비")


def _compared_with(label: str) -> tuple[int, str | None] | None:
    """The year (and basis) a change column measures against, where its header says
    (``’24년 최종 대비``), its year maybe on the header's level above (``’24년 / 최종 대비``, as
    text aligned by spaces prints a header cell of two lines)."""
    parts = _header_parts(label)
    at = next((i for i, p in enumerate(parts) if _AGAINST.search(p)), None)
    if at is None:
        return None
    year = year_in(parts[at]) or (year_in(parts[at - 1]) if at else None)
    return (year, basis_of(parts[at])) if year is not None else None


def _changes(cells: dict[int, Cell | ValueCell], labels: list[str],
             columns: dict[int, tuple[int, str | None]]) -> dict[int | None, tuple[str | None, str | None]]:
    """The row's printed 증감 and 증감률 by the year column each is measured against; under
    None, those whose header names no such column (they hold for the whole row). A row may print
    one against each of two bases (``’24년 당초 대비``, ``’24년 최종 대비``), or print each under
    the column it is measured against (``2024년 / 당초예산 / 증감률`` beside ``2024년 / 당초예산``)."""
    against = {yb: column for column, yb in columns.items()}
    under = {labels[column]: column for column in columns if column < len(labels)}
    found: dict[int | None, list[str | None]] = {}
    for column, cell in cells.items():
        if column >= len(labels) or not cell.text:
            continue
        parts = _header_parts(labels[column])
        kind = 1 if any(_CHANGE_PCT.match(p) for p in parts) else 0 if any(_CHANGE.match(p) for p in parts) else None
        if kind is None:
            continue
        target = against.get(_compared_with(labels[column]) or (0, None))
        if target is None:
            target = under.get(labels[column].rpartition(" / ")[0])
        found.setdefault(target, [None, None])[kind] = cell.text
    return {target: (change, pct) for target, (change, pct) in found.items()}


def _change_of(changes: dict[int | None, tuple[str | None, str | None]], column: int) -> tuple[str | None, str | None]:
    """The 증감 and 증감률 a fact of ``column`` carries: those measured against it, else the row's."""
    return changes.get(column) or changes.get(None) or (None, None)


# "예산현황 ▷ 세입 11.5억원, 세출 204억원", "□ 예   산 : 925백만원(감사담당관 506, 청렴담당관 419)": a
# unit's budget of the plan's year in one line of text, its 세입 and 세출 side by side or its
# total with its units' or its accounts' shares in brackets; "예산총괄 : 16조 6,830억원", the
# whole government's.
# A year may stand before the word (``□ 2025년 예산 :``, ``’25년도 총예산 :``), the account it is
# of in brackets after it (``예산(일반회계) :``).
_HEADLINE_LEAD = re.compile(LINE_MARKS + r"(?P<year>(?:[’'‘`ˊ]\s*\d{2}|(?:19|20)\d{2})\s*년\s*도?\s*)?"
                            r"(?:총\s*)?예\s*산\s*(?:현\s*황|규\s*모|(?P<whole>총\s*괄))?\s*(?:\(\s*(?P<account>[^()]*?)\s*\))?\s*[:：▷▶]\s*")
# A line that opens with its 세입 and goes on to its 세출 is a headline with no word before it
# (``□ 세입 161억원, 세출 758억원``), or with the account they are of (``ㅇ 일반회계 : 세입 …``).
_SIDES_LEAD = re.compile(LINE_MARKS + r"(?:(?P<account>[가-힣][가-힣\s·]*?)\s*[:：]\s*)?"
                         rf"(?={REVENUE_WORD}\s*{NUMBER_BODY}\s*{MONEY_UNIT}.*{EXPENDITURE_WORD}\s*{NUMBER_BODY}\s*{MONEY_UNIT})")
# One side alone, its total and the parts it adds up from: ``ㅇ (세입) 2,917백만원(세외수입 514,
# 보조금 2,403)``, ``○ 세출 : 23,093백만원(정책사업 11,190, …)``.
_SIDE_LEAD = re.compile(LINE_MARKS + rf"(?P<open>\()?\s*(?P<side>{SIDE_WORD})\s*(?(open)\)|[:：])\s*")
_SIDE = re.compile(rf"(?P<side>{SIDE_WORD})\s*(?P<amount>{NUMBER_BODY}\s*{MONEY_UNIT})")
_TOTAL = re.compile(rf"(?P<amount>{PLACE_AMOUNT.pattern}|{NUMBER_BODY}\s*{MONEY_UNIT})\s*(?:\((?P<parts>[^()]*)\))?")
_PART = re.compile(rf"(?P<name>[가-힣][가-힣\s]*?)\s*(?P<number>{NUMBER_BODY})(?![\d.]|,\d)")


@dataclass(frozen=True)
class BudgetHeadline:
    """One amount of a budget headline: the side it states (세입, 세출, or None for the total),
    the unit it is of (None: the unit whose section holds the line), as printed, with its span."""

    side: str | None
    org_unit: str | None
    label: str
    printed: str
    unit: str
    span: tuple[int, int]
    amount_krw: int
    fiscal_year: int | None = None  # the year the line names, if it names one
    account: str | None = None      # the account a part is of (budget_accounts.csv)
    whole_government: bool = False  # 예산총괄: the government's whole budget, no unit's
    line: int | None = None         # the line below the headline's, for parts printed there
    basis: str | None = None        # 최종 for a total of its 당초 and 추경, and those parts' own
    share: bool = False             # a part of its side's total, named by ``label`` (a category, an item)


def budget_headlines(line: str) -> list[BudgetHeadline]:
    if one_side := _SIDE_LEAD.match(line):
        return _side_headline(line, one_side)
    lead = _HEADLINE_LEAD.match(line) or _SIDES_LEAD.match(line)
    if lead is None:
        return []
    worded = lead.re is _HEADLINE_LEAD  # a lead with the word 예산, which may name a year
    year = year_in(lead["year"]) if worded and lead["year"] else None
    account = account_of(lead["account"]) if lead["account"] else None
    if lead["account"] and not worded and account in (None, TOTAL):
        return []
    sides = [BudgetHeadline(side_of(m["side"]), None, m["side"], m["amount"], quantity.unit, m.span("amount"),
                            quantity.amount_krw, year, account)
             for m in _SIDE.finditer(line, lead.end()) if (quantity := parse_quantity(m["amount"]))]
    if sides:
        return sides
    total = _TOTAL.match(line, lead.end())
    whole = worded and bool(lead["whole"])
    if total is None:
        return []
    amount, unit = money_amount(total["amount"])
    if amount is None:
        return []
    head = BudgetHeadline(None, None, "예산", total["amount"].strip(), unit,
                          (total.start("amount"), total.start("amount") + len(total["amount"].strip())), amount, year,
                          whole_government=whole)
    named = list(_PART.finditer(total["parts"] or ""))
    units = [_part(total, m, unit, org_unit=without_spaces(m["name"]), fiscal_year=year, whole_government=whole)
             for m in named if is_unit_name(m["name"])]
    if units and not whole:
        return [head] + units
    accounts = [_part(total, m, unit, account=account_of(m["name"]), fiscal_year=year, whole_government=whole)
                for m in named]
    # Accounts share the total out: read when each part names one and together they are it.
    if accounts and all(a.account not in (None, TOTAL) for a in accounts) \
            and sum(a.amount_krw or 0 for a in accounts) == amount:
        return [head] + accounts
    bases = _basis_parts(total, unit, amount, year)
    if bases:
        return [replace(head, basis=FINAL)] + bases
    # A total alone (``예산 : 30억원``) is as often a project's cost as a unit's budget: read only
    # where it says it is the whole government's (``예산총괄``).
    return [head] if whole else []


def _part(total: re.Match, match: re.Match, unit: str, side: str | None = None, **fields) -> BudgetHeadline:
    """A part a total's brackets name (a match of ``_PART`` in ``total["parts"]``), in the total's
    unit."""
    start = total.start("parts") + match.start("number")
    return BudgetHeadline(side, fields.pop("org_unit", None), match["name"].strip(), match["number"], unit,
                          (start, start + len(match["number"])), parse_quantity(match["number"], unit).amount_krw,
                          **fields)


def _side_headline(line: str, lead: re.Match) -> list[BudgetHeadline]:
    """One side's total, and its parts where each names what it is and together they are it (in
    the total's unit where they print none); which vocabulary a part's name is of (a category of
    세출, an item of 세입) is for the reader of that side to tell."""
    total = _TOTAL.match(line, lead.end())
    amount, unit = money_amount(total["amount"]) if total else (None, "")
    if amount is None:
        return []
    side = side_of(lead["side"])
    printed = total["amount"].strip()
    head = BudgetHeadline(side, None, side, printed, unit, (total.start("amount"), total.start("amount") + len(printed)),
                          amount)
    parts = [_part(total, match, unit, side, share=True) for match in _PART.finditer(total["parts"] or "")]
    # A side's total alone is as often the whole government's (over its 세출 by field) as the unit's.
    return [head] + parts if parts and sum(p.amount_krw for p in parts) == amount else []


# "17조 2,527억원(본예산 15조 6,995억원, 추경 1조 5,532억원)": a year's final budget with the original
# budget and the supplements it adds up from.
FINAL = "최종"
_FINAL_PARTS = frozenset({"당초", "추경"})


def _basis_parts(total: re.Match, unit: str, amount: int, year: int | None) -> list[BudgetHeadline]:
    """The parts of a total that each name 당초 (본예산) or 추경 and together are it; none else."""
    named = named_amounts(total["parts"] or "", unit)
    if not named or any(basis_of(part.name) not in _FINAL_PARTS or part.won is None for part in named):
        return []
    parts = []
    for part in named:
        start = total.start("parts") + part.start
        parts.append(BudgetHeadline(None, None, part.name, part.printed, part.unit,
                                    (start, start + len(part.printed)), part.won, year, basis=basis_of(part.name)))
    return parts if len(parts) > 1 and sum(part.amount_krw for part in parts) == amount else []


# "○ 일반회계 13조 3,198억원(79.8%), 특별회계 3조 3,632억원(20.2%)": a line of accounts, each with
# its amount (and its share, printed with it), under a total they share out.
_ACCOUNT_PART = re.compile(rf"(?P<name>[가-힣][가-힣\s]*?)\s*(?P<printed>(?P<amount>{PLACE_AMOUNT.pattern}|{NUMBER_BODY}\s*"
                           rf"{MONEY_UNIT})\s*(?:\(\s*[\d.]+\s*%?\s*\))?)\s*,?\s*")


def _accounts_below(line: str, total: int) -> list[tuple[str, str, int, str, tuple[int, int]]]:
    """(account, amount as printed, won, unit, span) of each part of a line of accounts that add up to
    ``total``; none when the line is anything else."""
    at = len(re.match(LINE_MARKS, line)[0])
    parts = []
    while at < len(line):
        match = _ACCOUNT_PART.match(line, at)
        account = account_of(match["name"]) if match else None
        if account in (None, TOTAL):
            return []
        printed = match["printed"].strip()
        start = match.start("printed")
        parts.append((account, printed, *money_amount(match["amount"].strip()), (start, start + len(printed))))
        at = match.end()
    return parts if len(parts) > 1 and sum(part[2] or 0 for part in parts) == total else []


def extract_headline_budgets(lines: list[str], sections: list[Section],
                             plan_year: int | None) -> list[DepartmentBudgetFact]:
    """A unit's 세출 (or its total budget, and its units' shares) from a budget headline, of the
    year the line names, else the plan's. A final budget with its 당초 and 추경 is a year gone
    by: of the year the line or the innermost heading around it names (none: not read), and of
    no unit the line names (a work plan prints its government's so as often as its own)."""
    facts = []
    tree = None
    for number, line in enumerate(lines, start=1):
        found = budget_headlines(line)
        if len(found) == 1 and found[0].side is None and number < len(lines):
            head = found[0]
            found += [replace(head, org_unit=None, label=account, printed=printed, unit=unit, span=span, amount_krw=won,
                              account=account, line=number + 1)
                      for account, printed, won, unit, span in _accounts_below(lines[number], head.amount_krw)]
        if any(h.basis for h in found) and not found[0].fiscal_year:
            tree = tree or section_tree(lines)
            year = heading_year(tree, number)
            found = [replace(h, fiscal_year=year) for h in found] if year else []
        spent = [h for h in found if h.side != REVENUE_SIDE and (h.fiscal_year or plan_year) is not None]
        # a 세출 shared out is read only where every part is a category of the vocabulary
        categories = [category_of(h.label) if h.share else TOTAL for h in spent]
        if None in categories:
            continue
        for headline, category in zip(spent, categories):
            whole = headline.whole_government
            org_unit = None if whole or headline.basis else headline.org_unit or section_at(sections, number)
            unattributed = (WHOLE_GOVERNMENT if whole else OWNER_NOT_STATED if headline.basis
                            else None if org_unit else NO_UNIT_SECTION)
            facts.append(DepartmentBudgetFact(
                source_line=headline.line or number, table_index=0, org_unit=org_unit,
                org_unit_printed=headline.org_unit or "",
                category=category, category_printed=headline.label,
                fiscal_year=headline.fiscal_year or plan_year,
                budget_basis=headline.basis, column_printed=headline.label, printed_value=headline.printed,
                printed_unit=headline.unit, amount_krw=headline.amount_krw, printed_change=None, printed_change_pct=None,
                unattributed=unattributed, account=headline.account or (TOTAL if whole else None),
                source_span=headline.span))
    return facts
