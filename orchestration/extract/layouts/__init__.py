"""Find the rows and cells of tables in plain text, whatever the layout that printed them.

Text extracted from HWP, PDF and web pages prints one table in many ways. Each reader here
recognises one layout and returns *blocks*: rows of cells, each cell with its line and its
character span in that line (so that the number accounting knows exactly which digits a cell
took). Readers run in a fixed order and a line taken by one is not offered to the next:

- ``tab``: cells separated by tabs (the commonest HWP export);
- ``pipe_rows``: ``| a | b |`` rows, markdown rules (``|---|---|``) and ragged rows included;
- ``box_rows``: the same drawn with box-drawing characters (``│ a │ b │`` between ``├──┼──┤``
  rules), as a word processor's text export or a law's text draws a table;
- ``pipe_cells``: one cell per line, each ending in `` |`` (a bare ``|`` is an empty cell);
- ``aligned``: columns aligned by runs of two or more spaces;
- ``numeric_tail``: a label followed by a run of numbers, single spaces between them, where a
  wrapped label may stand on the lines above its numbers;
- ``cell_lines``: one cell per line, rows separated by blank lines.

What a block's columns *mean* (headers, labels, units) is decided later, in ``tables``, the same
way for every layout. Each layout's reader is a module of this package; ``cells`` holds what they
share.
"""

from __future__ import annotations

from orchestration.extract.layouts.aligned import aligned_blocks
from orchestration.extract.layouts.cells import Block, Cell, clean_cell, first_line, is_data, is_value, last_line
from orchestration.extract.layouts.numeric_tail import numeric_tail_blocks
from orchestration.extract.layouts.ruled import cell_line_blocks, is_box_rule, pipe_cell_blocks, pipe_row_blocks, tab_blocks

__all__ = ["Block", "Cell", "find_blocks", "is_box_rule", "is_data", "is_value", "stated_block"]


def find_blocks(lines: list[str], stated: list[Block] = (), captions: frozenset[int] = frozenset()) -> list[Block]:
    """Every table-like block in the text, in line order. ``lines[i]`` is line ``i + 1``.
    ``stated``: the tables the format states; their lines are theirs, never guessed again.
    ``captions``: lines that open a table (a unit note), never a row of columns aligned by spaces:
    tables printed one under the other, each under its caption, are not one table."""
    blocks: list[Block] = list(stated)
    taken: set[int] = {cell.line for block in blocks for row in block.rows for cell in row}
    for reader in (tab_blocks, pipe_row_blocks, pipe_cell_blocks, aligned_blocks,
                   numeric_tail_blocks, cell_line_blocks):
        for block in reader(lines, taken | captions if reader in (aligned_blocks, numeric_tail_blocks) else taken):
            blocks.append(block)
            taken.update(cell.line for row in block.rows for cell in row)
            taken.update(range(first_line(block), last_line(block) + 1))
    return sorted(blocks, key=first_line)


def stated_block(rows: list[tuple[int, str, tuple[tuple[int, int, int], ...]]], header_rows: int | None) -> Block:
    """A table whose cells the format states: (line, text, cell spans) per row."""
    return Block("stated", [[Cell(number, column, clean_cell(text[start:end]), start, end)
                             for column, start, end in cells] for number, text, cells in rows], header_rows)


