"""Spreadsheets and delimited text: XLSX (openpyxl, every sheet, merged cells as spans) and CSV
(the standard csv module). A sheet is a page. Its rows are a stated table; a row with a single
filled cell above the table (a title, a ``(단위 : 천원)`` note) is a line of text, as it would be
printed above a table, and a blank row ends one table and lets another begin.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import platform
import zipfile
from decimal import Decimal

from orchestration.extract.formats.model import Document, Line, StatedCell, cell_text, table_lines
from orchestration.extract.text import ReadError, decode_bytes


def is_xlsx(names: list[str]) -> bool:
    return "xl/workbook.xml" in names


def read_xlsx(data: bytes) -> Document:
    import openpyxl  # a twelfth of a second to load, in processes that mostly read no workbook

    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
        raise ReadError("corrupt_xlsx", f"openpyxl cannot open the workbook ({type(error).__name__}: {error}); "
                                        "re-save it from the spreadsheet program") from error
    pages, tables = [], [0]
    for sheet in workbook.worksheets:
        spans = {(r.min_row - 1, r.min_col - 1): (r.max_row - r.min_row + 1, r.max_col - r.min_col + 1)
                 for r in sheet.merged_cells.ranges}
        rows = [[_value(v) for v in row] for row in sheet.iter_rows(values_only=True)]
        pages.append(_sheet_lines(rows, spans, tables) or [Line("")])
    return Document(format="xlsx", pages=pages or [[]], read_by=f"openpyxl {openpyxl.__version__}")


def read_csv(data: bytes) -> Document:
    decoded = decode_bytes(data)
    try:
        dialect = csv.Sniffer().sniff(decoded.text[:8192], delimiters=",\t;|")
    except csv.Error:
        dialect = csv.excel
    rows = [list(row) for row in csv.reader(io.StringIO(decoded.text), dialect)]
    return Document(format="csv", pages=[_sheet_lines(rows, {}, [0])], encoding=decoded.encoding,
                    read_by=f"csv (Python {platform.python_version()})")


def _value(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        return format(Decimal(repr(value)).normalize(), "f") if value != int(value) else str(int(value))
    if isinstance(value, (dt.datetime, dt.date)):
        return value.date().isoformat() if isinstance(value, dt.datetime) and not value.time() else value.isoformat()
    return str(value)


def _sheet_lines(rows: list[list[str]], spans: dict[tuple[int, int], tuple[int, int]], tables: list[int]) -> list[Line]:
    lines: list[Line] = []
    group: list[int] = []
    for r, row in enumerate(rows + [[]]):
        if any(cell_text(v) for v in row):
            group.append(r)
            continue
        if group:
            lines += _group_lines(rows, group, spans, tables)
            group = []
        if r < len(rows):
            lines.append(Line(""))
    while lines and not lines[-1].text:
        lines.pop()
    return lines


def _group_lines(rows, group, spans, tables) -> list[Line]:
    lines: list[Line] = []
    first = 0
    while first < len(group) and sum(1 for v in rows[group[first]] if cell_text(v)) == 1 and \
            not any(spans.get((group[first], c), (1, 1))[1] > 1 for c, v in enumerate(rows[group[first]]) if cell_text(v)):
        lines.append(Line(next(cell_text(v) for v in rows[group[first]] if cell_text(v))))
        first += 1
    body = group[first:]
    if not body:
        return lines
    cells = []
    for r in body:
        for c, value in enumerate(rows[r]):
            row_span, column_span = spans.get((r, c), (1, 1))
            if cell_text(value) or (r, c) in spans:
                cells.append(StatedCell(r - body[0], c, value, row_span, column_span))
    tables[0] += 1
    return lines + table_lines(cells, tables[0])
