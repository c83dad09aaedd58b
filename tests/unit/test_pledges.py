"""Pledge lists and pledge investment plans: exact values with their lines from the seeds 001 and
002, and the same documents in other layouts, spacing and wrapping."""

from collections import Counter

import pytest

from orchestration.extract.document import extract_document
from orchestration.extract.pledge_investments import extract_pledge_investments, period_years
from orchestration.extract.pledges import extract_pledge_list
from orchestration.extract.tables import read_tables
from orchestration.extract.text import split_lines


@pytest.fixture(scope="module")
def pledge_list(seed_text, governments):
    return extract_document("001", seed_text("001"), governments)


@pytest.fixture(scope="module")
def plan(seed_text, governments):
    return extract_document("002", seed_text("002"), governments)


def test_the_pledge_list_counts_its_pledges_per_strategy(pledge_list):
    pledges = pledge_list.pledges
    assert len(pledges) == 63
    assert Counter(p["strategy"] for p in pledges) == {
        "앞으로 가는 금천": 14, "미래교육 역사문화도시 금천": 15, "정다운 금천": 12, "정의롭고 이로운 금천": 10,
        "가족, 지속가능한 환경도시 금천": 12}
    assert not any(p["code_is_derived"] for p in pledges)


@pytest.mark.parametrize(("line", "code", "title", "strategy", "department"), [
    # first and last pledge of each strategy group; the strategy is printed on the first only
    (7, "지역개발-01", "신안산선 조기완공 추진", "앞으로 가는 금천", "교통행정과"),
    (59, "지역개발-14", "시흥유통상가·철재상가 재개발을 통한 서남권 관문도시 조성", "앞으로 가는 금천", "도시계획과"),
    (64, "교육문화-01", "공교육 중심 교육지원체계 구축", "미래교육 역사문화도시 금천", "교육지원과"),
    (120, "교육문화-15", "구민 스포츠클럽 지원 강화", "미래교육 역사문화도시 금천", "문화체육과"),
    (125, "복지건강-01", "금천복지재단설립", "정다운 금천", "복지정책과"),
    (169, "복지건강-12", "주민만성질환 관리지원 등 건강증진 사업 확대", "정다운 금천", "건강증진과"),
    (174, "경제공동체-01", "지역경제 활성화를 위한 골목경제지원센터운영", "정의롭고 이로운 금천", "지역경제과"),
    (210, "경제공동체-10", "현장구청장실 운영", "정의롭고 이로운 금천", "민원감사담당관"),
    (215, "가족환경-01", "금천가족센터 건립", "가족, 지속가능한 환경도시 금천", "가족정책과"),
    (259, "가족환경-12", "미세먼지 방지대책 강화 공약실천계획", "가족, 지속가능한 환경도시 금천", "환경과"),
])
def test_pledge_list_values_and_lines(pledge_list, line, code, title, strategy, department):
    pledge = next(p for p in pledge_list.pledges if p["pledge_code"] == code)
    assert (pledge["source_line"], pledge["title"], pledge["strategy"], pledge["department"]) == (
        line, title, strategy, department)
    assert pledge["source_excerpt"] == f"{code} |"


def as_tab_table(pledges: list[dict]) -> str:
    """The same list as one tab-separated row per pledge, strategy only on each group's first row,
    columns in another order and without the attachment column."""
    rows, previous = ["관리번호\t추진전략\t담당 부서\t공약명"], None
    for p in pledges:
        strategy = p["strategy"] if p["strategy"] != previous else ""
        previous = p["strategy"]
        rows.append(f"{p['pledge_code']}\t{strategy}\t{p['department']}\t{p['title']}")
    return "민선8기 공약사업 목록\n\n" + "\n".join(rows) + "\n"


def test_the_pledge_list_as_a_tab_table_gives_the_same_pledges(pledge_list):
    text = as_tab_table(pledge_list.pledges)
    pledges = extract_pledge_list(read_tables(split_lines(text)))
    assert [(p.pledge_code, p.title, p.strategy, p.department) for p in pledges] == [
        (p["pledge_code"], p["title"], p["strategy"], p["department"]) for p in pledge_list.pledges]
    assert pledges[0].source_line == 4 and pledges[-1].source_line == 66


def test_a_list_without_codes_gets_derived_ones():
    text = "추진전략\t공약명\t주관부서\n녹색 도시\t공원 확충\t공원과\n\t하천 정비\t치수과\n"
    pledges = extract_pledge_list(read_tables(split_lines(text)))
    assert [(p.pledge_code, p.code_is_derived, p.strategy, p.title) for p in pledges] == [
        ("001", True, "녹색 도시", "공원 확충"), ("002", True, "녹색 도시", "하천 정비")]


def test_the_investment_plan_hierarchy(plan):
    pledges = {p["pledge_code"]: p for p in plan.pledges}
    assert len(pledges) == 62
    assert (pledges["1-1-2"]["parent_pledge_code"], pledges["1-1"]["parent_pledge_code"]) == ("1-1", None)
    # a title wrapped over two lines (26, 28) with its amounts on line 30
    wrapped = pledges["1-2"]
    assert (wrapped["title"], wrapped["source_line"]) == ("내실있는 구정을 위한 공직자 전문역량 리더십 강화", 26)
    assert pledges["5-3-2"]["title"] == "청년들의 다양한 교류와 소통 공간 ‘무한도ZONE’조성"
    assert Counter(p["source_kind"] for p in plan.pledges) == {"pledge_investment_plan": 62}


def investment(plan, code, period):
    return next(i for i in plan.pledge_investments if i["pledge_code"] == code and i["period_label"] == period)


@pytest.mark.parametrize(("code", "period", "line", "printed", "value", "amount_krw", "non_budget"), [
    (None, "총계", 21, "124,667.42", "124667.42", 124_667_420_000, False),
    (None, "2022~2023", 21, "57,421.4", "57421.4", 57_421_400_000, False),
    ("1-2", "총계", 30, "638", "638", 638_000_000, False),
    ("3-3", "2022~2023", 79, "873.20", "873.20", 873_200_000, False),
    ("3-3-4", "총계", 93, "129.05", "129.05", 129_050_000, False),
    ("3-2-2", "2026", 78, "-", None, None, False),
    ("4-5-1", "2024", 145, "비예산", None, None, True),
    ("5-3-2", "2026", 166, "150", "150", 150_000_000, False),
])
def test_investment_values_and_lines(plan, code, period, line, printed, value, amount_krw, non_budget):
    cell = investment(plan, code, period)
    assert (cell["source_line"], cell["printed_value"], cell["value"], cell["amount_krw"], cell["is_non_budget"]) == (
        line, printed, value, amount_krw, non_budget)
    assert cell["is_total_row"] == (code is None)


def test_every_cell_of_the_plan_is_a_fact(plan):
    investments = plan.pledge_investments
    assert len(investments) == 63 * 5
    assert Counter(i["is_non_budget"] for i in investments)[True] == 20
    assert sum(1 for i in investments if i["printed_value"] == "-") == 3
    years = {(i["period_label"], i["fiscal_year_from"], i["fiscal_year_to"]) for i in investments}
    assert years == {("총계", None, None), ("2022~2023", 2022, 2023), ("2024", 2024, 2024),
                     ("2025", 2025, 2025), ("2026", 2026, 2026)}


@pytest.mark.parametrize(("label", "years"), [
    ("2022~2023", (2022, 2023)), ("2022 ~ 23", (2022, 2023)), ("2024년", (2024, 2024)),
    ("총 계", (None, None)), ("사업비 / 합계", (None, None)), ("비고", None),
])
def test_period_headers(label, years):
    assert period_years(label) == years


def rewrap(text: str) -> str:
    """The plan with other spacing and wrapping: amounts two spaces apart, every title broken after
    its third word onto a line of its own with the amounts below it."""
    out = []
    for line in text.split("\n"):
        parts = line.split(" ")
        if parts and parts[0][:1].isdigit() and "-" in parts[0] and len(parts) > 8:
            title, amounts = parts[:-5], parts[-5:]
            out += [" ".join(title[:3]), "", " ".join(title[3:]), "  ".join(amounts)]
        else:
            out.append(line)
    return "\n".join(out)


def test_the_plan_rewrapped_gives_the_same_records(plan, seed_text):
    pledges, investments = extract_pledge_investments(read_tables(split_lines(rewrap(seed_text("002")))))
    assert [(p.pledge_code, p.title, p.parent_pledge_code) for p in pledges] == [
        (p["pledge_code"], p["title"], p["parent_pledge_code"]) for p in plan.pledges]
    assert [(i.pledge_code, i.period_label, i.value, i.is_non_budget) for i in investments] == [
        (i["pledge_code"], i["period_label"], i["value"], i["is_non_budget"]) for i in plan.pledge_investments]
