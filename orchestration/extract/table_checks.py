"""Printed totals against their parts, and printed rates against their formula, for every table
of any filing, read from its shape and the meaning of its headers.

A total is a row or column whose label is 계, 합계, 총계 or 소계. Its parts are the rows or
columns beside it under the same label path: ``기획예산과 / 계`` sums ``기획예산과 / …``, and
``합 계`` sums every group, each group by its own 계 when it prints one. A total column spanning
several columns (``합 계 / 건 | 면적``) sums the columns at the same position in each group, so a
header that mislabels one of them (``건물`` for ``건``) does not matter. Rates, changes and remarks
(``증감률``, ``비고``) are never parts.

A flat list whose rows are partly subtotals of the rows below them (``지방세`` over ``시세``,
``구세``) is recognised: when the plain sum misses, a row equal to the sum of the rows right after
it is taken as their subtotal. Only a total no reading explains is worth reporting; each
comparison carries the tolerance its printed precision allows (a total and n parts printed to a
step u may differ by (n + 1)·u/2; counts of people or things are exact).

A rate column whose header gives its formula by the letters of other columns (``징수율(C:B)``
over ``부과(B)`` and ``징수(C)``) is compared with that formula, row by row; a change rate
(``증감율(A:B)``) with A over B less 100%, a difference (``증감액(A-B)``) with A − B.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from orchestration.extract.numbers import COUNT_UNITS, NumberParseError, is_pair
from orchestration.extract.tables import Table, ValueCell, cell_quantities
from orchestration.extract.text import without_spaces

TOTAL_WORDS = frozenset({"계", "합계", "총계", "소계", "총합계"})
_NOT_ADDITIVE = re.compile(r"비고|증감|대비|[률율%]|평균|누계|비중|순위|차이|전년")
# A row numbered in outline form (``1-1.``, ``1-1-2.``) sits under the row numbered by its prefix.
_OUTLINE = re.compile(r"^\s*(\d+(?:-\d+)+)\s*[.)]?")
# ``징수(C)`` names a column C; ``징수율(C:B)``, ``(C/B)`` or ``(C÷B)`` is C as a percentage of B.
_COLUMN_LETTER = re.compile(r"\(\s*([A-Z])\s*\)\s*$")
_RATE_FORMULA = re.compile(r"\(\s*([A-Z])\s*[:/÷]\s*([A-Z])\s*\)\s*$")
_DIFFERENCE_FORMULA = re.compile(r"\(\s*([A-Z])\s*[-−]\s*([A-Z])\s*\)\s*$")
_LETTER_FORMULA = re.compile(r"\([A-Z+\-−:/÷]+\)$")
# A change rate (``증감율(A:B)``) is how far A is above or below B, not A as a share of B.
_CHANGE = re.compile(r"증감|증가|감소|신장")
ROWS, COLUMNS, FORMULA = "rows", "columns", "formula"
TOTAL_VS_PARTS, RATE_VS_FORMULA, DIFFERENCE_VS_FORMULA = "total_vs_parts", "rate_vs_formula", "difference_vs_formula"
_EXACT = Decimal("0.000001")


@dataclass(frozen=True)
class TableCheck:
    rule: str
    direction: str
    table_index: int
    source_line: int
    column: int
    part: int
    total_label: str
    printed_value: str
    printed: Decimal
    expected: Decimal
    addends: int
    step: Decimal
    tolerance: Decimal
    addend_lines: tuple[int, ...]
    addend_columns: tuple[int, ...]


@dataclass(frozen=True)
class _Value:
    cell: ValueCell
    part: int
    value: Decimal
    step: Decimal


def is_total(label: str) -> bool:
    """계, 합계 …, also with the formula some filings print after it (``합 계(A+B)``)."""
    return _LETTER_FORMULA.sub("", without_spaces(label)) in TOTAL_WORDS


def _segments(label: str) -> tuple[str, ...]:
    return tuple(without_spaces(s) for s in label.split(" / ") if s.strip())


def _step(value: Decimal, unit: str | None) -> Decimal:
    """The printed precision, from the exact value as printed: 1 for ``2,684``, 0.1 for ``0.3``;
    0 for a count (``86``개), which is exact and never rounded."""
    if unit in COUNT_UNITS:
        return Decimal(0)
    return Decimal(1).scaleb(min(value.as_tuple().exponent, 0))


def _values(table: Table) -> tuple[dict[tuple[int, int], list[_Value]], set[tuple[int, int]]]:
    """(body row index, column) → the numbers of that cell, one per printed part; and the
    positions printing something that is not a number this reader understands (``18 (전문2,
    일반16)``), where no sum can be trusted."""
    row_of = {(c.line, c.column): index for index, row in enumerate(table.body_rows) for c in row}
    values: dict[tuple[int, int], list[_Value]] = {}
    read: set[tuple[int, int]] = set()
    for cell in table.value_cells():
        position = (row_of[(cell.line, cell.column)], cell.column)
        try:
            parts = cell_quantities(cell)
        except NumberParseError:
            continue
        read.add(position)
        numbers = [_Value(cell, part, q.value, _step(q.value, cell.unit))
                   for part, (_, q) in enumerate(parts, start=1) if q.value is not None]
        if numbers:
            values[position] = numbers
    unread = {(index, c.column) for index, row in enumerate(table.body_rows) for c in row[table.label_columns:]
              if c.text.strip() and (index, c.column) not in read}
    return values, unread


def _parts(values: list[_Value], total: _Value) -> list[_Value]:
    """The numbers of an addend cell that add to ``total``: the same part of a ``22 (24)`` pair,
    every named part of ``장녀:13,159 차녀:10,092`` against a one-part total."""
    if is_pair(total.cell.text) and is_pair(values[0].cell.text):
        return [v for v in values if v.part == total.part]
    return values if total.part == 1 else []


def _resolve(prefix: tuple[str, ...], members: list[tuple[tuple[str, ...], int]]) -> list[int]:
    """The positions that stand for a group of labelled members: the group's own total when it
    prints one, the members labelled by the prefix alone, or the resolution of each subgroup
    (rates, changes and remarks left out)."""
    depth = len(prefix)
    own_total = [position for path, position in members if len(path) == depth + 1 and is_total(path[depth])]
    if own_total:
        return own_total
    exact = [position for path, position in members if len(path) == depth]
    if exact:
        return exact
    groups: dict[str, list[tuple[tuple[str, ...], int]]] = {}
    for path, position in members:
        groups.setdefault(path[depth], []).append((path, position))
    resolved: list[int] = []
    for key, group in groups.items():
        if _NOT_ADDITIVE.search(key):
            continue
        resolved += _resolve(prefix + (key,), group)
    return resolved


def _collapse_subtotals(values: list[Decimal], slack: Decimal) -> list[int]:
    """Indices left when each value equal to the sum of two or more values right after it is
    taken as their subtotal (and those values dropped)."""
    kept, index = [], 0
    while index < len(values):
        kept.append(index)
        running, end = Decimal(0), index + 1
        while end < len(values):
            running += values[end]
            end += 1
            if end - index > 2 and abs(running - values[index]) <= slack:
                index = end - 1
                break
        index += 1
    return kept


def _check(direction: str, table: Table, total: _Value, label: str, addends: list[_Value]) -> TableCheck | None:
    if len(addends) < 2:
        return None
    units = {a.cell.unit for a in addends} | {total.cell.unit}
    if len(units) > 1:
        return None
    step = max([total.step] + [a.step for a in addends])

    def tolerance(parts: list[_Value]) -> Decimal:
        return step * (len(parts) + 1) / 2

    chosen = addends
    if abs(sum(a.value for a in addends) - total.value) > tolerance(addends):
        collapsed = [addends[i] for i in _collapse_subtotals([a.value for a in addends], step)]
        if len(collapsed) >= 2 and abs(sum(a.value for a in collapsed) - total.value) <= tolerance(collapsed):
            chosen = collapsed
    return TableCheck(
        rule=TOTAL_VS_PARTS, direction=direction, table_index=table.table_index, source_line=total.cell.line,
        column=total.cell.column, part=total.part, total_label=label, printed_value=total.cell.text,
        printed=total.value, expected=sum((a.value for a in chosen), Decimal(0)), addends=len(chosen), step=step,
        tolerance=tolerance(chosen), addend_lines=tuple(a.cell.line for a in chosen),
        addend_columns=tuple(a.cell.column for a in chosen),
    )


def _row_paths(table: Table) -> list[tuple[str, ...]]:
    """Each body row's label path, empty label cells continuing the label above. A group label
    printed one syllable a row (``시`` / ``세`` down the side of 시세's rows) stays one group: a
    syllable under a syllable continues it, until the next total row starts a new group. A row
    numbered in outline form takes its number as its path."""
    paths, previous, vertical = [], [], False
    for row in table.body_rows:
        labels = [c.text for c in row[: table.label_columns]]
        carried = [label or (previous[i] if i < len(previous) and any(labels[i + 1:]) else "")
                   for i, label in enumerate(labels)]
        first = without_spaces(labels[0]) if labels else ""
        continues = (vertical and len(first) == 1 and len(labels) > 1 and labels[1].strip()
                     and not is_total(labels[-1]))
        if continues:
            carried[0] = previous[0]
        else:
            vertical = len(first) == 1 and len(labels) > 1
        previous = carried
        outline = _OUTLINE.match(labels[0]) if labels else None
        if outline:
            paths.append(tuple(outline.group(1).split("-")))
        else:
            paths.append(tuple(without_spaces(label) for label in carried if label.strip()))
    return paths


def _row_checks(table: Table, values: dict, unread: set) -> list[TableCheck]:
    paths = _row_paths(table)
    columns = sorted({column for _, column in values})
    additive = [c for c in columns if c >= len(table.column_labels) or not _NOT_ADDITIVE.search(table.column_labels[c])]
    checks = []
    for row, path in enumerate(paths):
        if not path or not is_total(path[-1]):
            continue
        prefix = path[:-1]
        members = [(other, index) for index, other in enumerate(paths)
                   if index != row and other[:len(prefix)] == prefix and len(other) > len(prefix)
                   and not is_total(other[len(prefix)])]
        rows = _resolve(prefix, members)
        if not rows:
            continue
        for column in additive:
            checks += _checks(ROWS, table, values, unread, (row, column), [(r, column) for r in rows], path)
    return checks


def _column_checks(table: Table, values: dict, unread: set) -> list[TableCheck]:
    paths = [_segments(label) for label in table.column_labels]
    checks = []
    for column, path in enumerate(paths):
        depth = next((d for d, segment in enumerate(path) if is_total(segment)), None)
        if depth is None or _NOT_ADDITIVE.search("".join(path)):
            continue
        prefix = path[:depth]
        group = [c for c, other in enumerate(paths) if other[:depth + 1] == path[:depth + 1]]
        width, position = len(group), group.index(column)
        members = [(other, c) for c, other in enumerate(paths)
                   if c >= table.label_columns and c not in group and len(other) > depth and other[:depth] == prefix
                   and not is_total(other[depth]) and not _NOT_ADDITIVE.search(other[depth])]
        sibling_columns = _resolve(prefix, members)
        if not sibling_columns or len(sibling_columns) % width:
            continue
        addend_columns = sibling_columns[position::width]
        for row in range(len(table.body_rows)):
            checks += _checks(COLUMNS, table, values, unread, (row, column), [(row, c) for c in addend_columns], path)
    return checks


def _checks(direction, table, values, unread, at, addend_positions, path) -> list[TableCheck]:
    if unread & set(addend_positions):
        return []
    checks = []
    for total in values.get(at, []):
        addends = [v for p in addend_positions if p in values for v in _parts(values[p], total)]
        check = _check(direction, table, total, " / ".join(path), addends)
        if check:
            checks.append(check)
    return checks


def _formula_checks(table: Table, values: dict) -> list[TableCheck]:
    labels = table.column_labels
    lettered = {m.group(1): column for column, label in enumerate(labels) if (m := _COLUMN_LETTER.search(label))}
    checks = []
    for column, label in enumerate(labels):
        formula = _RATE_FORMULA.search(label) or _DIFFERENCE_FORMULA.search(label)
        if not formula or formula.group(1) not in lettered or formula.group(2) not in lettered:
            continue
        first_column, second_column = lettered[formula.group(1)], lettered[formula.group(2)]
        for row in range(len(table.body_rows)):
            printed, first, second = (values.get((row, c), [None])[0] for c in (column, first_column, second_column))
            if printed is None or first is None or second is None:
                continue
            check = (_rate(printed, first, second, _CHANGE.search(label) is not None)
                     if formula.re is _RATE_FORMULA else _difference(printed, first, second))
            if check:
                expected, tolerance = check
                checks.append(TableCheck(
                    rule=RATE_VS_FORMULA if formula.re is _RATE_FORMULA else DIFFERENCE_VS_FORMULA,
                    direction=FORMULA, table_index=table.table_index, source_line=printed.cell.line, column=column,
                    part=printed.part, total_label=without_spaces(label), printed_value=printed.cell.text,
                    printed=printed.value, expected=expected.quantize(_EXACT), addends=2, step=printed.step,
                    tolerance=tolerance.quantize(_EXACT), addend_lines=(first.cell.line, second.cell.line),
                    addend_columns=(first_column, second_column),
                ))
    return checks


def _rate(rate: _Value, part: _Value, whole: _Value, change: bool) -> tuple[Decimal, Decimal] | None:
    if not whole.value:
        return None
    expected = part.value / whole.value * 100 - (100 if change else 0)
    # The rate's own rounding, plus what the rounding of the two amounts can move it by.
    slack = (rate.step / 2 + 100 * (part.step / 2) / abs(whole.value)
             + 100 * abs(part.value) * (whole.step / 2) / whole.value ** 2)
    return expected, slack


def _difference(printed: _Value, first: _Value, second: _Value) -> tuple[Decimal, Decimal]:
    return first.value - second.value, (printed.step + first.step + second.step) / 2


def table_checks(tables: list[Table]) -> list[TableCheck]:
    """Every printed total of every table with the sum of its parts, and every printed rate whose
    header gives its formula with the rate that formula gives."""
    checks = []
    for table in tables:
        values, unread = _values(table)
        checks += (_row_checks(table, values, unread) + _column_checks(table, values, unread)
                   + _formula_checks(table, values))
    return sorted(checks, key=lambda c: (c.table_index, c.source_line, c.column, c.direction))
