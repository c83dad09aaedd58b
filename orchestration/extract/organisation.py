"""Org units (국, 과, 팀) and the sections of a filing that belong to each.

A work plan opens each part with a *cover*: the unit's name alone on a line, then its sub-units
as a bullet list (``기획경제국`` over ``- 기획예산과 …``; ``기획예산과`` over ``- 정책기획팀 …``).
Any filing that prints that shape is read the same way, whatever the unit names are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from orchestration.extract.text import without_spaces

_UNIT_NAME = re.compile(r"^[가-힣A-Za-z0-9·]{1,24}?(본부|담당관|사업소|보건소|센터|국|실|과|단|팀|관|처)$")
_BULLET = re.compile(r"^\s*[-•·◦○▪]\s*(?P<name>\S.*?)\s*$")
_BUREAU_SUFFIXES = ("국", "실", "본부")
BUREAU, DEPARTMENT, TEAM = "bureau", "department", "team"


def unit_level(name: str) -> str:
    if name.endswith("팀"):
        return TEAM
    if name.endswith(_BUREAU_SUFFIXES):
        return BUREAU
    return DEPARTMENT


def is_unit_name(text: str) -> bool:
    return bool(_UNIT_NAME.match(without_spaces(text)))


@dataclass(frozen=True)
class OrgUnit:
    org_unit: str
    printed: str
    unit_level: str
    parent_org_unit: str | None
    source_line: int


@dataclass(frozen=True)
class Section:
    org_unit: str
    first_line: int
    last_line: int


def find_covers(lines: list[str]) -> list[tuple[int, str, list[tuple[int, str]]]]:
    """(line, unit name, [(line, sub-unit name)]) for every cover in the text."""
    covers = []
    for index, line in enumerate(lines):
        if not line.strip() or "\t" in line or not is_unit_name(line):
            continue
        children = _bullets_after(lines, index + 1)
        if children and all(is_unit_name(name) for _, name in children):
            covers.append((index + 1, line.strip(), children))
    return covers


def _bullets_after(lines: list[str], start: int) -> list[tuple[int, str]]:
    bullets: list[tuple[int, str]] = []
    index = start
    while index < len(lines) and not lines[index].strip() and not bullets:
        index += 1
    while index < len(lines):
        match = _BULLET.match(lines[index])
        if not match:
            break
        bullets.append((index + 1, match.group("name")))
        index += 1
    return bullets


def read_organisation(lines: list[str]) -> tuple[list[OrgUnit], list[Section]]:
    """Units with their parents, and the line range each non-team unit's section covers."""
    units: dict[str, OrgUnit] = {}
    covers = find_covers(lines)
    for line, printed, children in covers:
        name = without_spaces(printed)
        known = units.get(name)
        parent = known.parent_org_unit if known else None
        units[name] = OrgUnit(name, printed, unit_level(name), parent, line)
        for child_line, child_printed in children:
            child = without_spaces(child_printed)
            if child not in units:
                units[child] = OrgUnit(child, child_printed, unit_level(child), name, child_line)
            elif units[child].parent_org_unit is None:
                units[child] = OrgUnit(child, units[child].printed, units[child].unit_level, name,
                                       units[child].source_line)
    sections = []
    for position, (line, printed, _) in enumerate(covers):
        end = covers[position + 1][0] - 1 if position + 1 < len(covers) else len(lines)
        sections.append(Section(without_spaces(printed), line, end))
    return list(units.values()), sections


def section_at(sections: list[Section], line: int) -> str | None:
    for section in sections:
        if section.first_line <= line <= section.last_line:
            return section.org_unit
    return None
