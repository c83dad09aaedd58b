"""The section tree (orchestration/extract/structure.py): headings of every style, nested by the
order a filing first uses them, under the covers of its org units; on corpus work plans and on a
fixture derived from one in another government's heading styles."""

from __future__ import annotations

from functools import cache

import pytest

from orchestration.extract.document import document_lines, extract_document
from orchestration.extract.formats import read_document
from orchestration.extract.governments import government_index
from orchestration.extract.organisation import read_organisation, section_at
from orchestration.extract.structure import (BADGE, BOX, BRACKET, CIRCLE, DASH, LETTER, MARKDOWN, NUMBER, ROMAN, UNIT,
                                             enclosing, heading, section_tree, unit_sections)
from orchestration.settings import GOVERNMENT_SEED, REPO_ROOT

WORKPLANS = REPO_ROOT / "tests" / "corpus" / "workplans"


@cache
def _lines(name: str) -> tuple[list[str], dict[int, tuple[int, int]]]:
    """The work plan's lines as the extractors see them, and each line's (page, line on page)."""
    path = WORKPLANS / name
    return document_lines(read_document(path.read_bytes(), path.name))


@pytest.mark.parametrize("line, style, mark, title", [
    ("Ⅰ . 기 본 현 황", ROMAN, "Ⅰ", "기 본 현 황"),
    ("1. 조직현황", NUMBER, "1.", "조직현황"),
    ("2) 추진 실적", NUMBER, "2)", "추진 실적"),
    ("가. 세입 현황", LETTER, "가.", "세입 현황"),
    ("(3) 향후 계획", BRACKET, "(3)", "향후 계획"),
    ("① 체납 징수", BRACKET, "①", "체납 징수"),
    ("□ 인 력 : 371명정원", BOX, "□", "인 력 : 371명정원"),
    ("○ 세원 관리 강화", CIRCLE, "○", "세원 관리 강화"),
    (" - (목표) 5조 5,818억원", DASH, "-", "(목표) 5조 5,818억원"),
    ("## 교통", MARKDOWN, "##", "교통"),
    ("1   부산 관광 활성화", BADGE, "1", "부산 관광 활성화"),
    ("1-4   가덕도 공항복합도시 개발 추진", BADGE, "1-4", "가덕도 공항복합도시 개발 추진"),
])
def test_a_heading_of_every_style(line, style, mark, title):
    found = heading(line)
    assert (found.style, found.mark, found.title) == (style, mark, title)


@pytest.mark.parametrize("line", ["- 10 -", "2025. 1. 1. 기준", "1.5%", "구 분\t계\t5급", "", "지방세 5조 3,267억원",
                                  "12,345", "2025-1  개정"])
def test_what_is_no_heading(line):
    assert heading(line) is None


def test_the_tree_of_a_corpus_work_plan_w01():
    """w01 p13: the statement ``- (목표) 5조 5,818억원 …`` sits under ``○ 대내외 경제여건 …``, under
    ``□ 2024년 지방세입 …``, under the chapter ``Ⅱ. …``, in the section of 기획조정실 (its cover)."""
    lines, where = _lines("w01_busan_gihoekjojeongsil_2025.pdf")
    _, units = read_organisation(lines)
    tree = section_tree(lines, units)
    target = next(n for n, (page, line) in where.items() if (page, line) == (13, 3))
    chain = enclosing(tree, target)
    assert [(node.style, where[node.line]) for node in chain[:3]] == [(DASH, (13, 3)), (CIRCLE, (13, 2)), (BOX, (13, 1))]
    assert chain[2].title.startswith("2024년 지방세입 목표액 초과달성")
    assert chain[-1].style == UNIT and chain[-1].org_unit == "기획조정실"
    assert {node.org_unit for node in chain} == {"기획조정실"}
    assert [node.style for node in chain[3:]][-2:] == [ROMAN, UNIT]
    # a style's depth is its rank, though the plan prints a ○ line (p6) before its first □ (p11)
    depth = {node.style: node.depth for node in tree}
    assert depth[UNIT] == -1 and depth[ROMAN] < depth[BOX] < depth[CIRCLE] < depth[DASH]
    first = {}
    for node in tree:
        first.setdefault(node.style, where[node.line])
    assert first[CIRCLE] < first[BOX]


def test_the_same_plan_in_another_governments_heading_styles():
    """w01 p13's first statements retyped with ``1.`` / ``가.`` / ``(1)`` marks (no Ⅰ., no badge:
    levels skipped) and a page number between them: the same nesting, the page number no section."""
    text = ["2025년 주요업무계획", "세정과", "", "1. 세입 확충", "가. 2024년 지방세입 목표액 초과달성",
            "(1) 대내외 경제여건 악화 불구, 안정적 세입확보", "(목표) 5조 5,818억원 : 지방세 5조 1,015억원", "- 3 -",
            "(2) 체납 징수", "나. 자동차 등록 유치", "2. 재정 운영"]
    tree = section_tree(text)
    shape = [(node.line, node.style, node.depth, node.last_line, tree[node.parent].line if node.parent is not None else None)
             for node in tree]
    assert shape == [(4, NUMBER, 1, 10, None), (5, LETTER, 3, 9, 4), (6, BRACKET, 4, 8, 5), (9, BRACKET, 4, 9, 5),
                     (10, LETTER, 3, 10, 4), (11, NUMBER, 1, 11, None)]
    assert [node.line for node in enclosing(tree, 7)] == [6, 5, 4]


def test_markdown_headings_nest_by_their_marks():
    tree = section_tree(["# 공약", "## 교통", "### 신구로선", "## 복지", "본문"])
    assert [(node.line, node.depth, node.parent) for node in tree] == [(1, 0, None), (2, 1, 0), (3, 2, 1), (4, 1, 0)]
    assert [node.title for node in enclosing(tree, 5)] == ["복지", "공약"]


def test_headings_naming_a_unit_open_its_section_w02():
    """w02 p9–p14 head each department's results with its name (``1. 문화예술과``), inside the
    bureau's section; ``□ 시립예술단`` (p7, over a table about the troupe) and ``Ⅱ. 2024년 주요업무
    성과`` (a title ending in 과) open none."""
    lines, where = _lines("w02_busan_munhwacheyukguk_2025.pdf")
    units, covers = read_organisation(lines)
    sections = unit_sections(section_tree(lines, covers), frozenset(u.org_unit for u in units))
    assert [(s.org_unit, where[s.first_line], where[s.last_line]) for s in sections[:2]] == [
        ("문화예술과", (9, 2), (9, 30)), ("문화유산과", (10, 1), (10, 32))]
    assert len(sections) == 12 and "시립예술단" not in {s.org_unit for s in sections}
    line = next(n for n, place in where.items() if place == (9, 5))
    assert section_at(covers, line) == "문화체육국" and section_at(covers + sections, line) == "문화예술과"


def test_a_plan_without_covers_attributes_each_unit_by_its_heading():
    """w01 p4's staffing shape twice, under ``Ⅰ. 기획예산과`` and ``Ⅱ. 세 정 과`` in a plan that prints
    no cover: each table is its unit's; the one above both headings stays unattributed."""
    table = "구분\t계\t5급\t6급\n정 원\t{0}\t{1}\t{2}\n현 원\t{0}\t{1}\t{2}\n"
    text = ("2025년 주요업무계획\n\n□ 인력\n" + table.format(60, 10, 50) + "Ⅰ. 기획예산과\n□ 인력\n"
            + table.format(31, 6, 25) + "Ⅱ. 세 정 과\n□ 인력\n" + table.format(29, 4, 25))
    staffing = extract_document("t", text, government_index(GOVERNMENT_SEED)).staffing
    totals = {(f["org_unit"], f["unattributed"]): (f["authorized"], f["source_line"]) for f in staffing
              if f["grade"] == "total"}
    assert totals == {(None, "no_unit_section"): (60, 5), ("기획예산과", None): (31, 10), ("세정과", None): (29, 15)}


def test_a_heading_ending_like_a_unit_but_naming_none_opens_no_section():
    """``3. 기대효과`` and ``Ⅱ. 주요성과`` end in 과 as a department does, ``1. 유관기관`` in 관:
    endings the seed org_unit_suffixes.csv marks as naming no unit (level none). A table under
    ``3. 기대효과`` stays the unit's whose heading is above it; one under ``Ⅱ. 주요성과``, outside
    every unit's section, is kept unattributed instead of being a unit 주요성과's."""
    table = "구분\t계\t5급\t6급\n정 원\t{0}\t{1}\t{2}\n현 원\t{0}\t{1}\t{2}\n"
    text = ("2025년 주요업무계획\n\nⅠ. 기획예산과\n□ 인력\n" + table.format(31, 6, 25)
            + "3. 기대효과\n□ 인력\n" + table.format(9, 4, 5) + "Ⅱ. 주요성과\n1. 유관기관\n□ 인력\n" + table.format(29, 4, 25))
    staffing = extract_document("t", text, government_index(GOVERNMENT_SEED)).staffing
    totals = {f["source_line"]: (f["org_unit"], f["unattributed"], f["authorized"]) for f in staffing
              if f["grade"] == "total"}
    assert totals == {6: ("기획예산과", None, 31), 11: ("기획예산과", None, 9), 17: (None, "no_unit_section", 29)}
