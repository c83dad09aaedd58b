"""Department budgets (예산현황) of the seed work plan, exact values with their lines, and the same
table in another government's layout, names, unit and numbers."""

import csv
from dataclasses import asdict

import pytest

from orchestration.extract.budgets import budget_headlines, category_of, extract_department_budgets, year_and_basis

from orchestration.extract.document import extract_document
from orchestration.extract.organisation import read_organisation
from orchestration.extract.tables import read_tables
from orchestration.extract.text import split_lines
from orchestration.extract.vocabulary import SEEDS


@pytest.fixture(scope="module")
def budgets(work_plan_text, governments):
    return extract_document("doc", work_plan_text, governments).department_budgets


def by_key(facts):
    return {(f["org_unit"], f["category"], f["fiscal_year"]): f for f in facts}


def test_every_budget_cell_of_the_work_plan_is_a_fact(budgets):
    assert len(budgets) == 50
    assert len({f["source_line"] for f in budgets}) == 25
    assert {f["source_line"] for f in budgets} == set(range(56, 81))
    assert {(f["fiscal_year"], f["budget_basis"], f["column_printed"]) for f in budgets} == {
        (2024, None, "2024년"), (2023, "당초예산", "2023년 (당초예산)")}
    assert {f["category"] for f in budgets} == {"total", "정책사업비", "행정운영경비", "재무활동비"}
    assert {f["org_unit"] for f in budgets} == {"기획경제국", "기획예산과", "지역경제과", "일자리청년과", "재무과",
                                                "세무1과", "세무2과"}


@pytest.mark.parametrize(("org_unit", "category", "year", "amount_krw", "line", "printed", "change", "change_pct"), [
    ("기획경제국", "total", 2024, 36_594_993_000, 56, "36,594,993", "△ 35,354,218", "△49.14"),
    ("기획경제국", "total", 2023, 71_949_211_000, 56, "71,949,211", "△ 35,354,218", "△49.14"),
    ("기획예산과", "total", 2024, 20_394_052_000, 57, "20,394,052", "△33,277,547", "△ 62.00"),
    ("기획예산과", "정책사업비", 2024, 20_248_516_000, 58, "20,248,516", "△33,262,485", "△ 62.16"),
    ("지역경제과", "행정운영경비", 2023, 103_446_000, 63, "103,446", "7,840", "7.58"),
    # The filing prints a positive rate beside a negative change; kept as printed, for checking.
    ("일자리청년과", "행정운영경비", 2024, 236_236_000, 67, "236,236", "△13,279", "5.32"),
    ("세무1과", "total", 2024, 451_108_000, 73, "451,108", "△ 16,423", "△ 3.51"),
    ("세무2과", "재무활동비", 2024, 0, 80, "0", "0", "0"),
])
def test_budget_values_and_lines(budgets, work_plan_text, org_unit, category, year, amount_krw, line, printed,
                                 change, change_pct):
    fact = by_key(budgets)[(org_unit, category, year)]
    assert (fact["amount_krw"], fact["source_line"], fact["printed_value"]) == (amount_krw, line, printed)
    assert (fact["printed_change"], fact["printed_change_pct"], fact["printed_unit"]) == (change, change_pct, "천원")
    assert fact["source_excerpt"] == split_lines(work_plan_text)[line - 1]
    assert printed in fact["source_excerpt"]


def test_other_money_tables_with_year_columns_are_not_department_budgets(budgets, work_plan_text):
    # 004 prints many tables with year columns in 천원 or 백만원 (project budgets, 결산, 세입);
    # without budget categories in their rows none of them is a department budget.
    lines = split_lines(work_plan_text)
    assert "2018" in lines[1024] and "연도" in lines[1024]
    assert all(56 <= f["source_line"] <= 80 for f in budgets)


OTHER_PLAN = """\
복지환경국

- 복지정책과
- 청소행정과

예산 현황

(단위: 백만원)

구  분                             2025년     2024년(당초예산)             증 감
합 계                            1,500.5           1,200           300.5
복 지 정 책 과     계                    900             700             200
              정책사업비                800             620             180
              행정운영경비               100              80              20
청소행정과         계                  600.5             500           100.5
              정책사업비              550.5             460            90.5
              행정운영경비                50              40              10

끝.
"""


def test_another_government_in_aligned_columns_other_unit_and_years():
    lines = split_lines(OTHER_PLAN)
    _, sections = read_organisation(lines)
    facts = by_key(asdict(f) for f in extract_department_budgets(read_tables(lines), sections))
    assert len(facts) == 14
    total = facts[("복지환경국", "total", 2025)]
    assert (total["amount_krw"], total["source_line"], total["org_unit_printed"]) == (1_500_500_000, 11, "합 계")
    assert facts[("복지정책과", "정책사업비", 2024)]["amount_krw"] == 620_000_000
    assert facts[("복지정책과", "정책사업비", 2024)]["budget_basis"] == "당초예산"
    assert facts[("청소행정과", "행정운영경비", 2025)]["printed_change"] == "10"
    assert facts[("청소행정과", "total", 2024)]["source_line"] == 15


def test_every_budget_category_and_basis_of_the_vocabulary_names_its_example():
    categories = list(csv.DictReader((SEEDS / "budget_categories.csv").open(encoding="utf-8")))
    bases = list(csv.DictReader((SEEDS / "budget_bases.csv").open(encoding="utf-8")))
    assert (len(categories), len(bases)) == (4, 4)
    for row in categories:
        assert category_of(row["example"]) == row["category"], row
    for row in bases:
        assert year_and_basis(row["example"])[1] == row["basis"], row
    # 최종 is looked for before 추경: the final budget of the year, supplements included
    assert year_and_basis("2024년 최종(2회 추경)") == (2024, "최종")
    assert year_and_basis("’24년 증감") is None and category_of("인력운영비") is None


def test_unit_notes_without_their_colon(budgets, work_plan_text, governments):
    """The seed work plan with every ``(단위 : 천원)`` printed ``(단위 천원)``: the same amounts in won;
    prose naming a 단위 (``단위사업``) above a table is no note."""
    bare = work_plan_text.replace("단위 : ", "단위 ").replace("단위: ", "단위 ")
    assert bare != work_plan_text
    again = extract_document("bare", bare, governments).department_budgets
    assert [(f["source_line"], f["amount_krw"]) for f in again] == [(f["source_line"], f["amount_krw"]) for f in budgets]
    assert {f["printed_unit"] for f in again} == {"천원"}
    [table] = read_tables(["단위사업 추진 현황", "구 분\t2024년\t2023년", "계\t1,000\t900"])
    assert table.unit is None and table.title == "단위사업 추진 현황"


def test_a_total_budget_headline_shared_out_by_account():
    """``총예산`` is the budget's word with 총 before it; the total is read where its accounts
    share it out (w01 p5's 일반회계 and 특별회계 in a line of text), and a total alone is not (as
    often a project's cost)."""
    line = "□ ’25년도 총예산 : 5,432억원(일반회계 4,000억원, 특별회계 1,432억원)"
    assert [(h.label, h.account, h.fiscal_year, h.amount_krw, line[slice(*h.span)]) for h in budget_headlines(line)] == [
        ("예산", None, 2025, 543_200_000_000, "5,432억원"), ("일반회계", "일반회계", 2025, 400_000_000_000, "4,000"),
        ("특별회계", "특별회계", 2025, 143_200_000_000, "1,432")]
    assert budget_headlines("□ 총 예산 : 30억원") == []
