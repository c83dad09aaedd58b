"""Print one table grid in each layout filings use, for tests that read it back.

A grid is a list of rows of cell texts; the first ``header_rows`` rows are the header. The
caption (title, unit note) is printed above the table, blank lines between.
"""

from __future__ import annotations

from orchestration.extract.layouts import is_data
from orchestration.extract.tables import Table
from orchestration.extract.text import printed_width

LAYOUTS = ("tab", "aligned", "pipe_rows", "box_rows", "pipe_cells", "cell_lines")
# A label then its numbers, single spaces between: only for one label column and no empty cells.
SIMPLE_LAYOUTS = LAYOUTS + ("numeric_tail",)


def grid_of(table: Table) -> tuple[list[list[str]], int]:
    width = table.width
    rows = [[row[i].text if i < len(row) else "" for i in range(width)] for row in table.header_rows + table.body_rows]
    return rows, len(table.header_rows)


def render(layout: str, caption: list[str], rows: list[list[str]], header_rows: int) -> str:
    body = {"tab": _tab, "aligned": _aligned, "pipe_rows": _pipe_rows, "box_rows": _box_rows, "pipe_cells": _pipe_cells,
            "cell_lines": _cell_lines, "numeric_tail": _numeric_tail}[layout](rows, header_rows)
    # As in the seeds, every caption line is a paragraph of its own.
    return "\n\n".join(caption) + "\n\n" + "\n".join(body) + "\n\n끝.\n"


def _tab(rows, header_rows):
    return ["\t".join(row) for row in rows]


def _aligned(rows, header_rows):
    """Columns padded to their widest cell, two spaces apart; numbers right-aligned."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = []
    for index, row in enumerate(rows):
        cells = [text.rjust(w) if index >= header_rows and is_data(text) else text.ljust(w)
                 for text, w in zip(row, widths)]
        lines.append("  ".join(cells).rstrip())
    return lines


def _pipe_rows(rows, header_rows):
    """A markdown table: a rule under the header, trailing empty cells left out (ragged rows)."""
    lines = []
    for index, row in enumerate(rows):
        cells = list(row)
        while index >= header_rows and cells and not cells[-1]:
            cells.pop()
        lines.append("| " + " | ".join(cells) + " |")
        if index == header_rows - 1:
            lines.append("|" + "|".join("---" for _ in row) + "|")
    return lines


def _box_rows(rows, header_rows):
    """Walls and rules drawn with box-drawing characters, each column as wide as its widest cell
    prints (a Hangul syllable two wide), a rule under every row."""
    widths = [max(printed_width(row[i]) for row in rows) + 2 for i in range(len(rows[0]))]

    def rule(left, middle, right):
        return left + middle.join("─" * w for w in widths) + right

    lines = [rule("┌", "┬", "┐")]
    for index, row in enumerate(rows):
        lines.append("│" + "│".join(" " + text + " " * (w - 1 - printed_width(text)) for text, w in zip(row, widths)) + "│")
        lines.append(rule("├", "┼", "┤") if index < len(rows) - 1 else rule("└", "┴", "┘"))
    return lines


def _pipe_cells(rows, header_rows):
    lines = []
    for row in rows:
        lines += [f"{text} |" if text else "|" for text in row] + [""]
    return lines[:-1]


def _cell_lines(rows, header_rows):
    """One printed cell per line, a blank line after each row; empty cells are not printed."""
    lines = []
    for row in rows:
        lines += [text for text in row if text] + [""]
    return lines[:-1]


def _numeric_tail(rows, header_rows):
    return [" ".join(row) for row in rows]


def cells_of(table: Table) -> set[tuple]:
    """What a table says, independent of where on the page it was printed."""
    return {(c.row_labels, c.column_label, c.text, c.unit) for c in table.value_cells()}
