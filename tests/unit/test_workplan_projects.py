"""Major project lists (주요사업 목록) of the seed work plan, and a list in another layout."""

from collections import Counter
from dataclasses import asdict

import pytest

from orchestration.extract.document import extract_document
from orchestration.extract.organisation import read_organisation
from orchestration.extract.projects import extract_projects, plan_year
from orchestration.extract.tables import read_tables
from orchestration.extract.text import split_lines


@pytest.fixture(scope="module")
def projects(work_plan_text, governments):
    return extract_document("doc", work_plan_text, governments).projects


def test_every_listed_project_per_department(projects):
    assert len(projects) == 36
    assert Counter(p["org_unit"] for p in projects) == {"기획예산과": 7, "지역경제과": 9, "일자리청년과": 9,
                                                        "재무과": 3, "세무1과": 4, "세무2과": 4}
    assert Counter(p["status"] for p in projects) == {"계속": 30, "신규": 6}
    assert {p["plan_year"] for p in projects} == {2024}
    for department in {p["org_unit"] for p in projects}:
        seqs = [p["seq"] for p in projects if p["org_unit"] == department]
        assert seqs == list(range(1, len(seqs) + 1))


@pytest.mark.parametrize(("line", "org_unit", "seq", "name", "status", "page"), [
    (111, "기획예산과", 1, "개청 30주년 미래전략 수립", "신규", 6),
    (117, "기획예산과", 7, "신뢰받는 법무지원서비스 제공으로 책임행정 구현", "계속", 20),
    (2420, "세무2과", 4, "체납징수 활동을 통한 재정 확보", "계속", 103),
])
def test_project_rows(projects, work_plan_text, line, org_unit, seq, name, status, page):
    (project,) = [p for p in projects if p["source_line"] == line]
    assert (project["org_unit"], project["seq"], project["project_name"], project["status"], project["page"]) == (
        org_unit, seq, name, status, page)
    assert project["source_excerpt"] == split_lines(work_plan_text)[line - 1]


OTHER_PLAN = """\
2025년도 주요업무 계획

공원녹지과

- 공원관리팀
- 녹지조성팀

| 순번 | 사업명 | 구분 | 페이지 |
|---|---|---|---|
| 1 | 도시숲 조성 | 신규 | 4 |
| 2 | 근린공원 정비 | 계속 | 7 |
| 3 | 가로수 관리 | 계속 | 10 |
"""


def test_a_plans_year_printed_on_the_line_above_its_title():
    """w05 and w07 print '- 2025년도 -' over '주 요 업 무 계 획'; a year on a line of its own with
    no title below it names no plan."""
    assert plan_year(["복지환경위원회", "- 2025년도 -", "주 요 업 무 계 획", "보 건 환 경 연 구 원"]) == 2025
    assert plan_year(["2026년도", "주요업무계획"]) == 2026
    assert plan_year(["2026년도", "업무 추진 실적", "주요업무계획"]) is None


def test_a_list_in_markdown_pipes_of_another_department_and_year():
    lines = split_lines(OTHER_PLAN)
    assert plan_year(lines) == 2025
    _, sections = read_organisation(lines)
    projects = [asdict(p) for p in extract_projects(read_tables(lines), sections, lines)]
    assert [(p["org_unit"], p["seq"], p["project_name"], p["status"], p["page"], p["source_line"]) for p in projects] == [
        ("공원녹지과", 1, "도시숲 조성", "신규", 4, 10),
        ("공원녹지과", 2, "근린공원 정비", "계속", 7, 11),
        ("공원녹지과", 3, "가로수 관리", "계속", 10, 12),
    ]
