"""The government's debt (채무): what it owes by year, its share of the budget (채무비율), and the
parts it is made of.

Debt is told by the word 채무 (관리채무, 채무잔액) in a row label, a caption or the label of a
line, wherever the filing prints it:

- a table of years: a row labelled with the debt, columns headed by a year and a basis
  (``2024년 최종``, ``2023년 결산``: the seed budget_bases.csv), each cell its amount and, in
  brackets, its ratio (``35,682(18.8%)``);
- a line stating the amount (``관리채무 : 3조 5,682억원``), its parts in brackets when they add up
  to it (``(일반 19,730 특별 8,174 기금 3,509 BTL 4,269)``, the parts named in debt_parts.csv and
  counted in the amount's unit);
- a line of the ratio over the years (``관리채무비율 : 19.8% ‘22년 결산 → 19.9% ‘23년 결산``).

Debt is the whole government's; no unit's section takes it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from orchestration.extract.budgets import basis_of
from orchestration.extract.dates import arrow_steps, year_in
from orchestration.extract.numbers import (MONEY_FACTORS, NUMBER_BODY, PLACE_AMOUNT, NumberParseError, money_amount,
                                           parse_quantity, parse_with_share)
from orchestration.extract.tables import Table
from orchestration.extract.text import LINE_MARKS, without_spaces
from orchestration.extract.vocabulary import debt_parts

TOTAL = "total"
AMOUNT, RATIO = "amount", "ratio"
_DEBT = re.compile(r"채\s*무")
_RATIO = re.compile(r"비\s*율")
# "관리채무 : 3조 5,682억원(일반 19,730 …)": the label, the amount in place words, its parts.
_STATED = re.compile(LINE_MARKS + r"(?P<label>[가-힣]*채\s*무[가-힣]*)\s*[:：]\s*(?P<amount>" + PLACE_AMOUNT.pattern
                     + r")(?:\s*\((?P<parts>[^()]*)\))?")
_PART = re.compile(rf"(?P<name>[가-힣A-Za-z]+)\s*(?P<number>{NUMBER_BODY})")
# "관리채무비율(본예산) : ’23년 21.1% → ’24년 20.7%": the label, then steps joined by arrows.
_SERIES = re.compile(LINE_MARKS + r"-?\s*(?P<label>[가-힣]*채\s*무\s*비\s*율[^:：]*)[:：](?P<steps>.*→.*)$")
_STEP_VALUE = re.compile(rf"(?P<value>{NUMBER_BODY})\s*%")


@dataclass(frozen=True)
class DebtFact:
    source_line: int
    table_index: int
    debt_printed: str              # the label as printed (관리채무액(비율), 관리채무)
    part: str                      # total, or a part of debt_parts.csv (일반회계, BTL …)
    part_printed: str
    measure: str                   # amount (money owed) or ratio (채무비율, % of the budget)
    fiscal_year: int | None        # None where the statement names no year
    basis: str | None              # budget_bases.csv (최종, 결산 …) where the statement names one
    printed_value: str
    printed_unit: str
    amount_krw: int | None         # None for a ratio
    rate_pct: str | None           # the ratio; for an amount, the ratio printed beside it
    source_span: tuple[int, int] = field(default=(0, 0), compare=False)


def part_of(name: str) -> str | None:
    """The part of a debt a name says (debt_parts.csv: 일반 → 일반회계, BTL), or None."""
    key = without_spaces(name)
    return next((part for part, pattern in debt_parts() if pattern.match(key)), None)


def extract_debt(lines: list[str], tables: list[Table]) -> list[DebtFact]:
    facts = [fact for table in tables for fact in _table_facts(table)]
    series = None  # the label of the arrow series the lines above print, while it goes on
    for number, line in enumerate(lines, start=1):
        stepped = _series_facts(number, line)
        if not stepped and series is not None:
            stepped = _continued_series(number, line, series)
        if stepped:
            series = stepped[0].debt_printed
        elif line.strip():
            series = None  # a blank line (pdftotext sets them) does not end it
        facts += _stated_facts(number, line) + stepped
    return facts


def _table_facts(table: Table) -> list[DebtFact]:
    """A row labelled with the debt across columns of years."""
    years = {i: (year, basis_of(label)) for i, label in enumerate(table.column_labels)
             if i >= table.label_columns and (year := year_in(label)) and not _DEBT.search(label)}
    if not years:
        return []
    facts = []
    for row in table.body_rows:
        label = next((c.text for c in row if c.column < table.label_columns and _DEBT.search(c.text)), None)
        if label is None:
            continue
        for cell in row:
            if cell.column not in years or not cell.text:
                continue
            unit = table.column_units[cell.column] if cell.column < len(table.column_units) else None
            try:
                amount, share = parse_with_share(cell.text, unit)
            except NumberParseError:
                continue
            year, basis = years[cell.column]
            # 관리채무액(비율) is an amount with its ratio in brackets; 채무비율 is a ratio
            if _RATIO.search(re.sub(r"\(.*?\)", "", label)):
                measure, krw, rate = RATIO, None, amount.value
            elif amount.unit in MONEY_FACTORS and amount.amount_krw is not None:
                measure, krw, rate = AMOUNT, amount.amount_krw, share.value if share else None
            else:
                continue
            facts.append(DebtFact(cell.line, table.table_index, label, TOTAL, label, measure, year, basis,
                                  cell.text, "%" if measure == RATIO else amount.unit, krw, None if rate is None else str(rate),
                                  (cell.start, cell.end)))
    return facts


def _stated_facts(number: int, line: str) -> list[DebtFact]:
    match = _STATED.match(line)
    if match is None or _RATIO.search(match["label"]):
        return []
    printed = match["amount"].strip()
    amount, unit = money_amount(printed)
    if amount is None:
        return []
    label = match["label"]
    year = year_in(line[:match.start("amount")])
    start = match.start("amount")
    facts = [DebtFact(number, 0, label, TOTAL, label, AMOUNT, year, None, printed, unit, amount, None,
                      (start, start + len(printed)))]
    if not match["parts"]:
        return facts
    parts = [(part_of(p["name"]), p, parse_quantity(p["number"], unit).amount_krw) for p in _PART.finditer(match["parts"])]
    # Parts are read only when each is named and together they are the amount, in its unit.
    if len(parts) < 2 or any(name is None for name, _, _ in parts) or sum(won for *_, won in parts) != amount:
        return facts
    offset = match.start("parts")
    for name, part, won in parts:
        facts.append(DebtFact(number, 0, label, name, part["name"], AMOUNT, year, None, part["number"], unit, won, None,
                              (offset + part.start("number"), offset + part.end("number"))))
    return facts


_CONTINUED = re.compile(r"^\s*→")


def _continued_series(number: int, line: str, label: str) -> list[DebtFact]:
    """A series wrapped onto the next line, which opens with its arrow (``… → 19.9% ‘23년 결산`` over
    ``→ 18.8% ‘24년 최종``)."""
    opening = _CONTINUED.match(line)
    if opening is None:
        return []
    return _ratios(number, label, arrow_steps(line, opening.end(), _STEP_VALUE, continued=True))


def _series_facts(number: int, line: str) -> list[DebtFact]:
    """Each step of an arrow series: one ratio and the year (and basis) it is of."""
    match = _SERIES.match(line)
    if match is None:
        return []
    label = match["label"].strip()
    return _ratios(number, label, arrow_steps(line, match.start("steps"), _STEP_VALUE))


def _ratios(number: int, label: str, steps) -> list[DebtFact]:
    return [DebtFact(number, 0, label, TOTAL, label, RATIO, step.year, basis_of(step.text) or basis_of(label),
                     step.value.group(0), "%", None, step.value["value"], step.span)
            for step in steps]
