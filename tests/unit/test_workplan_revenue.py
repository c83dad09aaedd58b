"""Revenue (세입) and settlement (결산) of the seed work plan, exact values with their lines, and the
same kinds of table in another government's layout and orientation."""

import csv
from collections import Counter
from dataclasses import asdict

import pytest

from orchestration.extract.document import extract_document
from orchestration.extract.formats import read_document
from orchestration.extract.governments import government_index
from orchestration.extract.organisation import read_organisation
from orchestration.extract.project_budgets import project_sections
from orchestration.extract.projects import extract_projects
from orchestration.extract.revenue import extract_revenue, item_in_name, item_of
from orchestration.extract.revenue_text import (extract_labelled_statements, extract_revenue_series,
                                                extract_revenue_statements)
from orchestration.extract.settlement import extract_settlement
from orchestration.extract.tables import read_tables
from orchestration.extract.text import split_lines
from orchestration.extract.vocabulary import SEEDS, revenue_items
from orchestration.settings import GOVERNMENT_SEED, REPO_ROOT


@pytest.fixture(scope="module")
def extraction(work_plan_text, governments):
    return extract_document("doc", work_plan_text, governments)


def cell(facts, line, **match):
    found = [f for f in facts if f["source_line"] == line and all(f[k] == v for k, v in match.items())]
    assert len(found) == 1, found
    return found[0]


def test_twelve_revenue_tables_are_read_and_two_are_left_as_cells(extraction):
    facts = [f for f in extraction.revenue if f["statement_form"] == "table"]
    assert len(facts) == 226
    first_lines = {f["source_line"] for f in facts}
    assert min(first_lines) == 413 and max(first_lines) == 2605
    # 세원 발굴액 by year (2288) names no revenue item and its project names none; 압류 실적 (2669)
    # prints no revenue measure: both stay table cells only.
    assert not {2289, 2290, 2291, 2669} & first_lines
    assert {2289, 2669} <= {c["source_line"] for c in extraction.table_cells}
    assert Counter(f["item_from"] for f in facts) == {"label": 169, "project": 57}


@pytest.mark.parametrize(("line", "match", "expected"), [
    # external funding won (외부재원확보액: item and measure in one header), the year as the row
    (413, {"measure": "secured"}, ("외부재원", 10_171_000_000, None, "2023.10.")),
    (415, {"measure": "secured"}, ("외부재원", 10_891_000_000, None, "2021.")),
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
    # a footnote mark on the number (△122*) does not make it text
    (2604, {"measure": "change_amount"}, ("사업소분", -122_000_000, None, None)),
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
    # 도세 is inside 회계연도 세입, not a word of it
    ("2023회계연도 세입·세출결산 추진", None),
    ("체납징수 활동을 통한 재정 확보", "지난년도체납"),
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

○ 공모사업 추진현황

(단위 : 백만원)

구 분	2023년	2024년
선정 건수	3	5
외부재원 확보액	1,200	1,500.5
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
    # external funding with the item and the measure in one row label; the count row is no revenue
    secured = cell(revenue, 52, fiscal_year=2024)
    assert (secured["revenue_item"], secured["measure"], secured["amount_krw"]) == ("외부재원", "secured", 1_500_500_000)
    assert not [f for f in revenue if f["source_line"] == 51]


def statement(extraction, line, ordinal):
    return cell([f for f in extraction.revenue if f["statement_form"] == "text"], line, column_index=ordinal)


def test_revenue_statements_printed_as_text_lines(extraction):
    facts = [f for f in extraction.revenue if f["statement_form"] == "text"]
    assert len(facts) == 55
    assert len({f["source_line"] for f in facts}) == 22
    # - '24년 구(區) 세입 목표액 : 529,485백만원 (전년대비 △3,599백만원, 0.7%↓)
    total = statement(extraction, 2135, 1)
    assert (total["revenue_item"], total["measure"], total["period_label"], total["fiscal_year"],
            total["amount_krw"]) == ("total", "target", "'24년", 2024, 529_485_000_000)
    change = statement(extraction, 2135, 2)
    assert (change["measure"], change["measure_printed"], change["amount_krw"]) == (
        "change_amount", "전년대비", -3_599_000_000)
    assert statement(extraction, 2135, 3)["rate_pct"] == "-0.7"
    # the line below names only its item: the 2024 target too
    local = statement(extraction, 2136, 1)
    assert (local["revenue_item"], local["measure"], local["fiscal_year"], local["amount_krw"]) == (
        "지방세", "target", 2024, 487_805_000_000)


@pytest.mark.parametrize(("line", "ordinal", "expected"), [
    # 세입목표액 in the 재산세 project is the 재산세 target; 증가 1.3%↑ is a rise
    (2221, 1, ("재산세", "project", "target", 2024, 90_353_000_000, None)),
    (2221, 2, ("재산세", "project", "change_amount", 2024, 1_155_000_000, None)),
    # 억원, and △116억원 ↓ is one decrease, not two
    (2425, 1, ("지방세", "project", "target", 2024, 207_500_000_000, None)),
    (2425, 2, ("지방세", "project", "change_amount", 2024, -11_600_000_000, None)),
    (2426, 1, ("시세", "label", "target", 2024, 204_830_000_000, None)),
    # '23년 결산전망, then 시 세 and 구 세 under it (목표대비 3백만원 0.1%↑ is a rise)
    (2454, 1, ("지방세", "project", "forecast", 2023, 206_645_000_000, None)),
    (2456, 2, ("구세", "label", "change_amount", 2023, 3_000_000, None)),
    # a lead with no period and 15,181백만원↓
    (2519, 2, ("지방소득세", "project", "change_amount", None, -15_181_000_000, None)),
    (2519, 3, ("지방소득세", "project", "change_rate", None, None, "-9.69")),
    # 징수실적 and its 진도율 in the bracket; the item from the statement above
    (2527, 1, ("지방소득세", "statement", "collected", 2023, 121_585_000_000, None)),
    (2527, 2, ("지방소득세", "statement", "progress_rate", 2023, None, "77.6")),
    # 219백만원 5.5%↓: the arrow of the rate is the direction of the amount too
    (2647, 2, ("지난년도체납", "label", "change_amount", 2024, -219_000_000, None)),
    # two statements on one line: the 체납징수 target's 시세 and 구세 parts
    (2648, 2, ("지난년도체납", "label", "target", 2024, 187_000_000, None)),
    # the period as a date in the lead
    (2657, 1, ("지난년도체납", "label", "collected", 2023, 3_797_000_000, None)),
])
def test_revenue_statement_values(extraction, line, ordinal, expected):
    fact = statement(extraction, line, ordinal)
    assert (fact["revenue_item"], fact["item_from"], fact["measure"], fact["fiscal_year"],
            fact["amount_krw"], fact["rate_pct"]) == expected


def test_the_parts_of_a_statement_name_their_owner(extraction):
    assert [statement(extraction, 2648, n)["parent_item"] for n in (1, 2)] == ["시세", "구세"]
    assert statement(extraction, 2426, 1)["parent_item"] == "지방세"


OTHER_STATEMENTS = """\
2025년 주요업무계획

세무과

- 세무행정팀

주요사업 목록

연번	주요사업	구분	쪽
1	자동차세 체납 정리	계속	3
2	군정 세입 확충	계속	5

□ 사업개요

○ 2025년도 징수 목표액 : 12.5억원 (전년대비 0.5억원 감소)
○ 일자리 창출 목표 : 1,200개
○ 2025년 소요예산 : 30,000천원

□ 사업개요

  ▪ 2025년 세입 목표 :  1,250,500 천원(전년 대비  50,500천원 증가, 4.2 % ↑)
      · 군세 : 800,000천원
      · 세외수입 : 450,500천원
  ▪ 2024. 9월말 징수액 : 700,000천원 (진도율 58.3%)

□ 2025년 소요예산 : 비예산
"""


def test_revenue_statements_in_another_governments_layout():
    lines = split_lines(OTHER_STATEMENTS)
    tables = read_tables(lines)
    _, sections = read_organisation(lines)
    linked = project_sections(lines, tables, sections, extract_projects(tables, sections, lines))
    facts = [asdict(f) for f in extract_revenue_statements(lines, tables, linked)]
    by_line = {(f["source_line"], f["column_index"]): f for f in facts}
    # only revenue: no 일자리 count, no 소요예산
    assert {line for line, _ in by_line} == {15, 21, 22, 23, 24}
    car = by_line[(15, 1)]
    assert (car["revenue_item"], car["item_from"], car["measure"], car["fiscal_year"], car["amount_krw"]) == (
        "자동차세", "project", "target", 2025, 1_250_000_000)
    assert by_line[(15, 2)]["amount_krw"] == -50_000_000  # 감소
    # 세입 in a project naming no item is total revenue; 천원 after a space
    total = by_line[(21, 1)]
    assert (total["revenue_item"], total["measure"], total["amount_krw"]) == ("total", "target", 1_250_500_000)
    assert (by_line[(21, 2)]["amount_krw"], by_line[(21, 3)]["rate_pct"]) == (50_500_000, "4.2")
    county = by_line[(22, 1)]
    assert (county["revenue_item"], county["measure"], county["fiscal_year"], county["amount_krw"]) == (
        "군세", "target", 2025, 800_000_000)
    collected = by_line[(24, 1)]
    assert (collected["revenue_item"], collected["item_from"], collected["measure"], collected["period_label"],
            collected["amount_krw"]) == ("total", "statement", "collected", "2024. 9월말", 700_000_000)
    assert (by_line[(24, 2)]["measure"], by_line[(24, 2)]["rate_pct"]) == ("progress_rate", "58.3")


W01 = REPO_ROOT / "tests" / "corpus" / "workplans" / "w01_busan_gihoekjojeongsil_2025.pdf"


def test_revenue_whose_measure_stands_in_brackets_w01():
    """w01 p13: ``(목표) 5조 5,818억원 : 지방세 …, 세외수입 …`` under ``□ 2024년 지방세입 목표액
    …``, and the parts of ``(성과) 5조 8,131억원 징수 : 목표액 대비 2,313억원(4.1%) 초과`` on the line
    below it, with its excess over the target; p12's ``(확보) 9조 6,300여억원 확보`` (a grant won, an
    approximate amount) is no revenue read. p31: ``(지 방 세) 5조 1,288억원(’24년 5조 56억원 대비
    2.5% 증가)`` under ``세입 목표액 책정 ‣ …``: the bracket names the item, the line above the measure,
    and ``(세외수입) …(… 38.6% 감소)`` below it shares it, the fall negative, each with the figure it
    is compared with (last year's, the year printed before 대비). A part's own change
    follows it in brackets (``지방세 5조 3,267억원(2,252억↑)``)."""
    extraction = extract_document(W01.name, read_document(W01.read_bytes(), W01.name), government_index(GOVERNMENT_SEED))
    text = {(f["source_page"], f["source_line"], f["revenue_item"], f["measure"], f["fiscal_year"]):
            (f["amount_krw"] if f["amount_krw"] is not None else f["rate_pct"], f["measure_printed"])
            for f in extraction.revenue if f["statement_form"] == "text" and f["source_page"] != 19}
    assert text == {
        (13, 3, "total", "target", 2024): (5_581_800_000_000, "목표"),
        (13, 3, "지방세", "target", 2024): (5_101_500_000_000, "목표"),
        (13, 3, "세외수입", "target", 2024): (480_300_000_000, "목표"),
        (13, 5, "total", "collected", 2024): (5_813_100_000_000, "성과"),
        (13, 5, "total", "change_amount", 2024): (231_300_000_000, "목표액 대비"),
        (13, 5, "total", "change_rate", 2024): ("4.1", "목표액 대비"),
        (13, 6, "지방세", "collected", 2024): (5_326_700_000_000, "성과"),
        (13, 6, "세외수입", "collected", 2024): (486_400_000_000, "성과"),
        (13, 6, "지방세", "change_amount", 2024): (225_200_000_000, "↑"),
        (13, 6, "세외수입", "change_amount", 2024): (6_100_000_000, "↑"),
        (31, 11, "지방세", "target", 2025): (5_128_800_000_000, "지 방 세"),
        (31, 11, "지방세", "change_rate", 2025): ("2.5", "’24년 5조 56억원 대비"),
        # the figure each is compared with: last year's of the same measure
        (31, 11, "지방세", "target", 2024): (5_005_600_000_000, "’24년 5조 56억원 대비"),
        (31, 12, "세외수입", "target", 2025): (229_300_000_000, "세외수입"),
        (31, 12, "세외수입", "change_rate", 2025): ("-38.6", "`24년  3,737억원 대비"),
        (31, 12, "세외수입", "target", 2024): (373_700_000_000, "`24년  3,737억원 대비"),
        # p35 '(추진목표) 연 2조 3,458억원(지방소득세 9,214억, 지방소비세 1조4,244억원)': a year's, its parts in the bracket
        (35, 23, "total", "target", 2025): (2_345_800_000_000, "추진목표"),
        (35, 23, "지방소득세", "target", 2025): (921_400_000_000, "추진목표"),
        (35, 23, "지방소비세", "target", 2025): (1_424_400_000_000, "추진목표"),
    }


def test_bracketed_measures_in_another_governments_plan():
    """The same shape in a 군's plan: amounts in a money unit, a part list below, a heading naming
    one item (군세); a bracket naming no measure (방법) and a heading naming no revenue give nothing."""
    lines = split_lines("□ 2025년 군세 징수 목표 달성\n○ 세원 관리 강화\n - (목표) 1,250백만원 : 자동차세 400백만원, 주민세 "
                        "150백만원\n - (방법) 체납 징수 강화\n - (실적) 980백만원 징수\n   * 자동차세 310백만원, 주민세 120백만원\n"
                        "□ 국비 확보\n - (확보) 3,000억원\n")
    facts = [(f.source_line, f.revenue_item, f.parent_item, f.measure, f.amount_krw)
             for f in extract_labelled_statements(lines, read_tables(lines))]
    assert facts == [(3, "군세", None, "target", 1_250_000_000), (3, "자동차세", "군세", "target", 400_000_000),
                     (3, "주민세", "군세", "target", 150_000_000), (5, "군세", None, "collected", 980_000_000),
                     (6, "자동차세", "군세", "collected", 310_000_000), (6, "주민세", "군세", "collected", 120_000_000)]


def test_revenue_by_year_joined_by_arrows_w01():
    """w01 p19 under '지역현안 재정수요를 위한 지방교부세 확보' (secured): '○ (보통교부세) …' over
    '* (’22년) 1조 7,741억원 → … → (’25년) 1조 8,333억원', and the same for 소방안전교부세 and
    특별교부세, whose last step is a target (’25년 목표*). p18's '한도액: (’22년) 559억원→ …' names no
    revenue item and is not read."""
    extraction = extract_document(W01.name, read_document(W01.read_bytes(), W01.name), government_index(GOVERNMENT_SEED))
    series = [(f["source_page"], f["source_line"], f["revenue_item"], f["measure"], f["fiscal_year"], f["printed_value"],
               f["amount_krw"]) for f in extraction.revenue if f["source_page"] in (18, 19)]
    assert series[:4] == [(19, 21, "보통교부세", "secured", 2022, "1조 7,741억원", 1_774_100_000_000),
                          (19, 21, "보통교부세", "secured", 2023, "1조 5,785억원", 1_578_500_000_000),
                          (19, 21, "보통교부세", "secured", 2024, "1조 5,941억원", 1_594_100_000_000),
                          (19, 21, "보통교부세", "secured", 2025, "1조 8,333억원", 1_833_300_000_000)]
    assert series[-1] == (19, 25, "특별교부세", "target", 2025, "257억원", 25_700_000_000)
    assert len(series) == 12 and {s[2] for s in series} == {"보통교부세", "소방안전교부세", "특별교부세"}


def test_revenue_by_year_in_another_governments_plan():
    """A 군's plan: the item and the measure on the series' own line; a series whose item no line
    names, or whose steps print two amounts, is not read."""
    lines = split_lines("□ 세입 확충\n - 세외수입 징수액 : ’23년 120억원 → ’24년 135억원\n - 한도액 : ’23년 10억원 → ’24년 12억원\n"
                        " - 지방세 징수 : ’23년 50억원 60억원 → ’24년 70억원\n")
    facts = [(f.source_line, f.revenue_item, f.measure, f.fiscal_year, f.amount_krw)
             for f in extract_revenue_series(lines, read_tables(lines))]
    assert facts == [(2, "세외수입", "collected", 2023, 12_000_000_000), (2, "세외수입", "collected", 2024, 13_500_000_000)]


def test_a_series_a_blank_line_below_the_line_naming_its_item():
    """w01 p19 as pdftotext prints it: a blank line between '○ (특별교부세) …' and its series, the
    page's gap; the item is still the line's above. Two blank lines part them no more than that."""
    lead = "□ 지방교부세 확보\n○ (특별교부세) 적극 확보          ※ 市 본청 기준\n"
    series = "  - (’22년) 264억원 → (’23년) 267억원 → (’25년 목표*) 257억원\n"
    lines = split_lines(lead + "\n" + series)
    facts = [(f.source_line, f.revenue_item, f.measure, f.fiscal_year, f.amount_krw)
             for f in extract_revenue_series(lines, read_tables(lines))]
    assert facts == [(4, "특별교부세", "secured", 2022, 26_400_000_000), (4, "특별교부세", "secured", 2023, 26_700_000_000),
                     (4, "특별교부세", "target", 2025, 25_700_000_000)]
    lines = split_lines(lead + "\n\n\n" + series)
    assert extract_revenue_series(lines, read_tables(lines)) == []


def test_items_in_brackets_and_their_changes_in_another_governments_plan():
    """A 군's plan: the items of a target set out in brackets under it, each with its change against
    last year; a shortfall against a target (미달) is negative; an item bracket with no measure
    above it is not read."""
    lines = split_lines("□ 2025년 군세 징수 관리\n○ 징수 목표액 : 1,250백만원\n - (자동차세) 400백만원(전년 380백만원 대비 5.3% 증가)\n"
                        " - (주 민 세) 150백만원(전년 160백만원 대비 6.3% 감소)\n - (실적) 980백만원 징수 : 목표액 대비 20백만원 미달\n"
                        "   * 자동차세 390백만원(△10백만원↓)\n□ 군정 홍보\n - (자동차세) 10백만원\n")
    facts = [(f.source_line, f.revenue_item, f.measure, f.amount_krw if f.amount_krw is not None else f.rate_pct)
             for f in extract_labelled_statements(lines, read_tables(lines))]
    assert facts == [(3, "자동차세", "target", 400_000_000), (3, "자동차세", "change_rate", "5.3"),
                     (4, "주민세", "target", 150_000_000), (4, "주민세", "change_rate", "-6.3"),
                     (5, "군세", "collected", 980_000_000), (5, "군세", "change_amount", -20_000_000),
                     (6, "자동차세", "collected", 390_000_000), (6, "자동차세", "change_amount", -10_000_000)]


def test_the_figure_a_change_is_measured_against_in_another_governments_plan():
    """A 군's plan printing what each target is compared with: a year's figure (``’24년 380백만원
    대비``) and a target named in brackets (``목표액(900백만원) 대비``) are read, each of its own year
    and measure; ``전년 160백만원 대비`` names neither a year nor a measure and is not."""
    lines = split_lines("□ 2025년 군세 징수 관리\n○ 징수 목표액 : 1,250백만원\n - (자동차세) 400백만원(’24년 380백만원 대비 5.3% 증가)\n"
                        " - (주 민 세) 150백만원(전년 160백만원 대비 6.3% 감소)\n"
                        " - (실적) 980백만원 징수 : 목표액(900백만원) 대비 80백만원 초과\n")
    facts = [(f.source_line, f.column_index, f.revenue_item, f.measure, f.fiscal_year,
              f.amount_krw if f.amount_krw is not None else f.rate_pct)
             for f in extract_labelled_statements(lines, read_tables(lines))]
    assert facts == [(3, 1, "자동차세", "target", 2025, 400_000_000), (3, 2, "자동차세", "target", 2024, 380_000_000),
                     (3, 3, "자동차세", "change_rate", 2025, "5.3"),
                     (4, 1, "주민세", "target", 2025, 150_000_000), (4, 2, "주민세", "change_rate", 2025, "-6.3"),
                     (5, 1, "군세", "collected", 2025, 980_000_000), (5, 2, "군세", "target", 2025, 900_000_000),
                     (5, 3, "군세", "change_amount", 2025, 80_000_000)]


def test_every_revenue_item_alias_of_the_vocabulary_is_read_as_its_item():
    rows = list(csv.DictReader((SEEDS / "revenue_item_aliases.csv").open(encoding="utf-8")))
    assert len(rows) == 13 and all(row["revenue_item"] in revenue_items() for row in rows)
    assert all(item_of(row["printed"]) == row["revenue_item"] for row in rows if row["read_in"] == "label")
    assert all(item_in_name(f"{row['printed']} 목표") == row["revenue_item"] for row in rows if row["read_in"] == "name")


def test_a_districts_revenue_in_its_own_words(governments):
    """w01 p5's 세입 figures under the labels a 자치구 prints (지방세수입, 조정교부금등, 시비보조금,
    교부세): each the item of revenue_items.csv it names (revenue_item_aliases.csv)."""
    text = ("서울특별시 금천구\n2025년도 주요업무계획\n기획예산과\n\n□ 세입예산\n(단위 : 억원)\n"
            "구 분\t예산액\n계\t151,350\n지방세수입\t51,288\n세외수입\t11,101\n교부세\t16,185\n조정교부금등\t6,929\n"
            "시비보조금\t65,847\n")
    facts = {f["revenue_item"]: f["amount_krw"] for f in extract_document("t", text, governments).revenue
             if f["table_index"] and f["measure"] == "budget"}
    assert facts == {"total": 15_135_000_000_000, "지방세": 5_128_800_000_000, "세외수입": 1_110_100_000_000,
                     "지방교부세": 1_618_500_000_000, "조정교부금": 692_900_000_000, "시도비보조금": 6_584_700_000_000}
