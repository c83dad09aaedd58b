"""Revenue (세입) and settlement (결산) of the seed work plan, exact values with their lines, and the
same kinds of table in another government's layout and orientation."""

from collections import Counter
from dataclasses import asdict

import pytest

from orchestration.extract.document import extract_document
from orchestration.extract.organisation import read_organisation
from orchestration.extract.project_budgets import project_sections
from orchestration.extract.projects import extract_projects
from orchestration.extract.revenue import extract_revenue, item_in_name
from orchestration.extract.settlement import extract_settlement
from orchestration.extract.tables import read_tables
from orchestration.extract.text import split_lines


@pytest.fixture(scope="module")
def extraction(work_plan_text, governments):
    return extract_document("doc", work_plan_text, governments)


def cell(facts, line, **match):
    found = [f for f in facts if f["source_line"] == line and all(f[k] == v for k, v in match.items())]
    assert len(found) == 1, found
    return found[0]


def test_eleven_revenue_tables_are_read_and_two_are_left_as_cells(extraction):
    facts = extraction.revenue
    assert len(facts) == 222
    first_lines = {f["source_line"] for f in facts}
    assert min(first_lines) == 2144 and max(first_lines) == 2605
    # 세원 발굴액 by year (2288) names no revenue item and its project names none; 압류 실적 (2669)
    # prints no revenue measure: both stay table cells only.
    assert not {2289, 2290, 2291, 2669} & first_lines
    assert {2289, 2669} <= {c["source_line"] for c in extraction.table_cells}
    assert Counter(f["item_from"] for f in facts) == {"label": 165, "project": 57}


@pytest.mark.parametrize(("line", "match", "expected"), [
    # items down the side, measure and period across (2024년 목표(A))
    (2144, {"measure": "target", "fiscal_year": 2024}, ("total", 529_485_000_000, None, "2024년 목표(A)")),
    (2148, {"measure": "change_rate"}, ("세외수입", None, "-1.5", None)),
    # the period from the caption: 세입 징수 (2023.9월말 기준)
    (2159, {"measure": "collection_rate"}, ("시세", None, "96.3", "2023.9월말")),
    (2160, {"measure": "assessed"}, ("구세", 63_827_000_000, None, "2023.9월말")),
    # a sub-item in the columns under its 세목
    (2226, {"revenue_item": "공동재산세"}, ("공동재산세", 74_381_000_000, None, "2024년 목표액")),
    # measures down the side, the item from the project's name
    (2243, {"period_label": "2023년 결산전망"}, ("재산세", None, "98.7", "2023년 결산전망")),
    (2465, {"period_label": "3년평균"}, ("지방세", None, "114.0", "3년평균")),
    (2538, {"period_label": "2020년"}, ("지방소득세", None, "110.6", "2020년")),
    # years over 건수 / 금액
    (2340, {"column_label": "2023년(결산전망) / 건수"}, ("지난년도세외수입", None, None, "2023년(결산전망)")),
    (2342, {"column_label": "2021년 / 금액"}, ("지난년도세외수입", None, "8.3", "2021년")),
    # 주민세 by 분
    (2594, {"period_label": "2021년 (결산)"}, ("종업원분", 17_100_000_000, None, "2021년 (결산)")),
    (2604, {"measure": "change_rate"}, ("사업소분", None, "-4.4", None)),
])
def test_revenue_values_and_lines(extraction, line, match, expected):
    fact = cell(extraction.revenue, line, **match)
    assert (fact["revenue_item"], fact["amount_krw"], fact["rate_pct"], fact["period_label"]) == expected


def test_the_tax_item_table_with_groups_printed_one_syllable_per_row(extraction):
    # 2432: "합 계" spans two label columns and the 시/세, 구/세 group names stand one syllable per row.
    total = cell(extraction.revenue, 2434, measure="target", fiscal_year=2024)
    assert (total["revenue_item"], total["amount_krw"]) == ("total", 207_505_000_000)
    city = cell(extraction.revenue, 2435, measure="forecast")
    assert (city["revenue_item"], city["amount_krw"], city["period_label"]) == ("시세", 203_931_000_000, "2023년")
    vehicle = cell(extraction.revenue, 2436, measure="progress_rate")
    assert (vehicle["revenue_item"], vehicle["parent_item"], vehicle["rate_pct"]) == ("차량취득세", "시세", "116.7")
    arrears = cell(extraction.revenue, 2443, measure="target", fiscal_year=2024)
    assert (arrears["revenue_item"], arrears["parent_item"], arrears["amount_krw"]) == ("지난년도체납", "구세", 187_000_000)
    change = cell(extraction.revenue, 2438, measure="change_rate")
    assert (change["rate_pct"], change["printed_value"], change["period_label"]) == ("-9.7", "9.7 ↓", None)


def test_settlement_by_fiscal_year(extraction):
    facts = {(f["fiscal_year"], f["item"]): f for f in extraction.settlement}
    assert len(facts) == 21
    assert {year for year, _ in facts} == {2020, 2021, 2022}
    assert facts[(2022, "revenue")]["amount_krw"] == 903_993_000_000
    assert facts[(2022, "surplus")]["item_printed"] == "잉여금 / 계"
    assert (facts[(2020, "net_surplus")]["amount_krw"], facts[(2020, "net_surplus")]["source_line"]) == (
        66_994_000_000, 2060)
    assert facts[(2021, "subsidy_unspent")]["printed_value"] == "10,694"


@pytest.mark.parametrize(("name", "item"), [
    ("정확한 재산세 부과로 안정적 자주재원 확보", "재산세"),
    ("지난년도 세외수입 체납징수 관리 강화", "지난년도세외수입"),
    ("납세지원 적극 추진으로 지방소득세 세입 증대", "지방소득세"),
    ("법인 세원관리와 세무조사", None),
])
def test_the_item_a_project_names(name, item):
    assert item_in_name(name) == item


OTHER_PLAN = """\
2025년 주요업무계획

세무과

- 세무행정팀
- 징수팀

주요사업 목록

연번	주요사업	구분	쪽
1	자동차세 체납 정리	계속	3
2	세입 기반 확충	계속	5

□ 추진실적

(단위 : 천원, %)

구 분	2022년	2023년
부과액	5,000,000	5,200,000
징수액	4,500,000	4,836,000
징수율	90.0	93.0

□ 2025년 소요예산 : 10,000천원

□ 세목별 목표

(단위 : 억원)

세 목	2025년 목표	2024년 목표
지 방 세	1,250.5	1,200
시 군 세	800	760
주 민 세	150.5	140

□ 결산 현황

(단위 : 억원)

구 분	2023년	2022년
세입	3,100	2,950
세출	2,800	2,700
잉여금	300	250
순세계잉여금	120	95

□ 2025년 소요예산 : 비예산
"""


def test_another_government_other_units_and_a_transposed_settlement():
    lines = split_lines(OTHER_PLAN)
    tables = read_tables(lines)
    _, sections = read_organisation(lines)
    linked = project_sections(lines, tables, sections, extract_projects(tables, sections, lines))
    revenue = [asdict(f) for f in extract_revenue(tables, linked)]
    rate = cell(revenue, 21, period_label="2023년")
    assert (rate["revenue_item"], rate["item_from"], rate["measure"], rate["rate_pct"]) == (
        "자동차세", "project", "collection_rate", "93.0")
    assert cell(revenue, 20, period_label="2022년")["amount_krw"] == 4_500_000_000
    local = cell(revenue, 30, fiscal_year=2025)
    assert (local["revenue_item"], local["measure"], local["amount_krw"]) == ("지방세", "target", 125_050_000_000)
    assert cell(revenue, 32, fiscal_year=2024)["revenue_item"] == "주민세"
    settlement = {(f.fiscal_year, f.item): f.amount_krw for f in extract_settlement(tables)}
    assert settlement == {
        (2023, "revenue"): 310_000_000_000, (2022, "revenue"): 295_000_000_000,
        (2023, "expenditure"): 280_000_000_000, (2022, "expenditure"): 270_000_000_000,
        (2023, "surplus"): 30_000_000_000, (2022, "surplus"): 25_000_000_000,
        (2023, "net_surplus"): 12_000_000_000, (2022, "net_surplus"): 9_500_000_000}
    assert not {f["source_line"] for f in revenue} & {39, 40, 41, 42}
