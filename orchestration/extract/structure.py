"""The section tree of a filing: its headings of every style, nested, and the unit each section
belongs to.

A heading is a line that starts with a heading mark (``HEADING_STYLES``): a Roman numeral
(``Ⅰ.``), a number (``1.``, ``1)``), a Hangul letter (``가.``), a bracketed or circled number
(``(1)``, ``①``), a box (``□``), a circle (``○``), a dash (``-``, ``·``), a markdown ``#`` run, or
a project's number badge (``1``, or ``1-4`` for the fourth of chapter 1, and its title set two
spaces apart). Korean plans nest these marks
in one customary order, Ⅰ. over 1. over a badge over 가. over (1) over □ over ○ over -, and skip
levels freely (a chapter's □ straight under Ⅰ.), so a style's depth is its rank in that order
(``HEADING_STYLES``), not the order a filing first uses it: a plan's overview may open with a ○
line long before its first □. A heading closes every open section of its depth or deeper.
Markdown headings nest by their ``#`` count instead.

The covers of org units (``organisation.find_covers``: a unit's name over its sub-units) sit above
every heading: each unit's section runs to the next unit's cover. A heading whose title is a unit's
name alone (``Ⅱ. 기획예산과``, ``1. 문화예술과``) opens that unit's section too, inside the one
around it; a box or a bullet naming one (``□ 시립예술단`` over a table about the troupe, ``-
기획예산과`` under a cover) heads a topic or lists an item, not the unit's part of the plan. Page headers, footers and page
numbers never reach here (the document model blanks them), so they never open or close a section.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from orchestration.extract.dates import year_in
from orchestration.extract.organisation import Section, is_unit_name, section_at
from orchestration.extract.text import (BADGE_MARK, BRACKET_MARK, LETTER_MARK, NUMBER_MARK, ROMAN_MARK,
                                        one_word, respaced, squeeze, without_spaces)

ROMAN, NUMBER, LETTER, BRACKET, BOX, CIRCLE, DASH, MARKDOWN, BADGE = (
    "roman", "number", "letter", "bracket", "box", "circle", "dash", "markdown", "badge")
# (style, the mark and the title after it), outermost first: the order gives the depth. Markdown
# stands apart (its depth is its ``#`` count) and is checked first.
HEADING_STYLES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (MARKDOWN, re.compile(r"^\s*(?P<mark>#{1,6})\s+(?P<title>\S.*?)\s*#*\s*$")),
    (ROMAN, re.compile(rf"^\s*(?P<mark>{ROMAN_MARK}|(?:IX|IV|V?I{{1,3}}|X)(?=\s*\.))\s*\.?\s*(?P<title>[^\s.].*?)\s*$")),
    (NUMBER, re.compile(rf"^\s*(?P<mark>{NUMBER_MARK})\s*(?P<title>[가-힣A-Za-z‘'“\"(「].*?)\s*$")),
    (BADGE, re.compile(rf"^\s{{0,3}}(?P<mark>{BADGE_MARK})\s*(?P<title>[가-힣A-Za-z‘'“\"(][^\t]{{3,}}?)\s*$")),
    (LETTER, re.compile(rf"^\s*(?P<mark>{LETTER_MARK})\s*(?P<title>\S.*?)\s*$")),
    (BRACKET, re.compile(rf"^\s*(?P<mark>{BRACKET_MARK})\s*(?P<title>[가-힣A-Za-z‘'“\"(「].*?)\s*$")),
    (BOX, re.compile(r"^\s*(?P<mark>[□■◼◻▣])\s*(?P<title>\S.*?)\s*$")),
    (CIRCLE, re.compile(r"^\s*(?P<mark>[○◦●❍ㅇ◯])\s*(?P<title>\S.*?)\s*$")),
    (DASH, re.compile(r"^\s*(?P<mark>[-–·•▪])\s*(?P<title>[^\s\d-].*?)\s*$")),
)
# A project's number badge on a line of its own (a boxed number the format rules as a table of one
# cell), its title on the next line or lost by the text layer: ``1`` alone.
LONE_BADGE = re.compile(r"^\s*(?P<mark>[1-9]\d?)\s*$")
UNIT = "unit"
_RANK = {style: rank for rank, (style, _) in enumerate(s for s in HEADING_STYLES if s[0] != MARKDOWN)}


@dataclass(frozen=True)
class Heading:
    style: str
    mark: str
    title: str
    span: tuple[int, int]         # characters of the line the mark takes


@dataclass(frozen=True)
class Node:
    """One section: its heading's line, style, depth and title, and the lines it runs to."""

    line: int
    style: str
    depth: int
    title: str
    last_line: int
    parent: int | None            # index of the enclosing section in the tree, None at the top
    org_unit: str | None          # the unit whose cover's section holds it

    def holds(self, line: int) -> bool:
        return self.line <= line <= self.last_line


# The same lines are asked again: a plan's tree is built with and without its covers, and the
# projects' and the revenue statements' readers ask of headings too.
@lru_cache(maxsize=8192)
def heading(line: str) -> Heading | None:
    """The heading a line prints, or None. A tab-separated line is a table row, not a heading."""
    if "\t" in line.strip():
        return None
    for style, pattern in HEADING_STYLES:
        match = pattern.match(line)
        if match:
            return Heading(style, squeeze(match["mark"]), squeeze(match["title"]), match.span("mark"))
    return None


def heading_depth(found: Heading) -> int:
    """How deep a heading nests: its style's rank in the customary order, a markdown heading's
    ``#`` count."""
    return len(found.mark) - 1 if found.style == MARKDOWN else _RANK[found.style]


def section_tree(lines: list[str], units: list[Section] = ()) -> list[Node]:
    """Every section of the filing, in the order printed; ``units``, the sections of the org
    units' covers (``organisation.read_organisation``), head the tree."""
    covers = {section.first_line: section for section in units}
    nodes: list[Node] = []
    open_nodes: list[int] = []     # indices of the sections still open, outermost first
    for number, line in enumerate(lines, start=1):
        if number in covers:
            for index in open_nodes:
                nodes[index] = _closed(nodes[index], number - 1)
            open_nodes = []
            nodes.append(Node(number, UNIT, -1, covers[number].org_unit, covers[number].last_line, None,
                              covers[number].org_unit))
            open_nodes.append(len(nodes) - 1)
            continue
        found = heading(line)
        if found is None:
            continue
        depth = heading_depth(found)
        while open_nodes and nodes[open_nodes[-1]].depth >= depth:
            nodes[open_nodes[-1]] = _closed(nodes[open_nodes[-1]], number - 1)
            open_nodes.pop()
        parent = open_nodes[-1] if open_nodes else None
        nodes.append(Node(number, found.style, depth, respaced(found.title, lines), len(lines), parent,
                          section_at(list(units), number)))
        open_nodes.append(len(nodes) - 1)
    return [_closed(node, _last_text(lines, node.last_line, node.line)) for node in nodes]


def _closed(node: Node, last_line: int) -> Node:
    return Node(node.line, node.style, node.depth, node.title, max(node.line, last_line), node.parent, node.org_unit)


def _last_text(lines: list[str], last: int, first: int) -> int:
    """A section's last line with text: the blank lines before the next heading are not its."""
    while last > first and not lines[last - 1].strip():
        last -= 1
    return last


# Styles that head a topic or list an item, never a unit's part of the plan: ``□ 시립예술단`` heads
# a table about the troupe, ``- 기획예산과`` lists a sub-unit.
_NOT_UNIT_STYLES = frozenset({BRACKET, BOX, CIRCLE, DASH, UNIT})
_HANGUL_WORD = re.compile(r"^[가-힣]{2,16}$")


def unit_sections(tree: list[Node], known: frozenset[str] = frozenset()) -> list[Section]:
    """The sections the headings naming a unit open (``Ⅱ. 기획예산과``): with the covers' sections,
    ``organisation.section_at`` gives a line the innermost unit around it. A title names a unit
    when it is one the filing lists (``known``), or one word of Hangul (its letters may be spaced
    out) of a unit's shape: ``2024년 주요업무 추진성과`` ends in 과 but names none."""
    return [Section(without_spaces(node.title), node.line, node.last_line) for node in tree
            if node.style not in _NOT_UNIT_STYLES and _names_unit(node.title, known)]


def _names_unit(title: str, known: frozenset[str]) -> bool:
    name = without_spaces(title)
    if name in known:
        return True
    return one_word(title) and _HANGUL_WORD.match(name) is not None and is_unit_name(name)


def enclosing(tree: list[Node], line: int) -> list[Node]:
    """The sections that hold ``line``, innermost first: its own heading's section, then the
    one that holds that, up to the top."""
    inner = next((i for i in range(len(tree) - 1, -1, -1) if tree[i].line <= line and tree[i].holds(line)), None)
    chain = []
    while inner is not None:
        chain.append(tree[inner])
        inner = tree[inner].parent
    return chain


def heading_year(tree: list[Node], line: int) -> int | None:
    """The year the innermost heading around ``line`` that names one names (not the line's own)."""
    return next((year for node in enclosing(tree, line) if node.line != line
                 and node.style != UNIT and (year := year_in(node.title))), None)
