"""Printed totals against their parts and rates against their formula, in every table: the
contradictions the seed work plan really prints, the figures that add up only within rounding,
and the same shapes printed by another government in other layouts."""

from decimal import Decimal

import pytest

from orchestration.extract.table_checks import table_checks
from orchestration.extract.tables import read_tables
from orchestration.extract.text import split_lines
from renderers import LAYOUTS, render


def contradictions(checks):
    return [c for c in checks if abs(c.printed - c.expected) > c.tolerance]


@pytest.fixture(scope="module")
def seed_checks(work_plan_text):
    return table_checks(read_tables(split_lines(work_plan_text)))


def test_the_seed_work_plan_contradicts_itself_in_two_tables(seed_checks):
    found = [(c.source_line, c.column, c.printed_value, c.expected, c.addend_lines) for c in contradictions(seed_checks)]
    # ○ 2023년 추진실적: 계 86 | 321 | 74 | 320 over rows adding to 83 | 309 | 71 | 308.
    # ○ 공유재산 공제보험 가입: 합 계 1,801 and 42 over 414 + 1,357 and 3 + 44.
    assert found == [
        (1509, 1, "86", 83, (1510, 1511, 1512)), (1509, 2, "321", 309, (1510, 1511, 1512)),
        (1509, 3, "74", 71, (1510, 1511, 1512)), (1509, 4, "320", 308, (1510, 1511, 1512)),
        (1917, 1, "1,801", 1771, (1918, 1919)), (1917, 3, "42", 47, (1918, 1919)),
    ]
    # Counts of 사업수 and 명 are exact; 건수 under a (단위 : 천원) note is allowed its rounding.
    assert {c.source_line: c.tolerance for c in contradictions(seed_checks)} == {1509: 0, 1917: Decimal("1.5")}


def test_totals_that_add_up_within_rounding_are_not_contradictions(seed_checks):
    # 공유재산 면적: 3,392 + 167 + 9 + 0.3 = 3,568.3 against a printed 3,568 (the 건물 column is
    # headed 건물, not 건: the total spans 건 | 면적, so position decides, not the header).
    area = next(c for c in seed_checks if c.source_line == 1876 and c.column == 2)
    assert (area.printed, area.expected, area.addend_columns) == (3568, Decimal("3568.3"), (4, 6, 8, 10))
    assert abs(area.printed - area.expected) <= area.tolerance
    buildings = next(c for c in seed_checks if c.source_line == 1876 and c.column == 1)
    assert (buildings.printed, buildings.expected, buildings.addend_columns) == (2684, 2684, (3, 5, 7, 9))


def test_group_labels_hidden_subtotals_and_formulas_are_read_from_the_shape(seed_checks):
    def at(line, column, rule="total_vs_parts"):
        return next(c for c in seed_checks if c.source_line == line and c.column == column and c.rule == rule)

    # 시 / 세 printed one syllable a row down 시세's items: 합 계 sums the two 소 계 rows only.
    revenue = at(2434, 2)
    assert (revenue.printed, revenue.expected, revenue.addend_lines) == (207505, 207505, (2435, 2441))
    # 계 = 지방세 + 세외수입 where 지방세 is printed above its own 시세 and 구세.
    collection = at(2157, 1)
    assert (collection.printed, collection.addend_lines) == (533084, (2158, 2161))
    # 징수율(C:B) = 징수(C) / 부과(B); 증감율(A:B) = A / B − 100%; 증감액(A-B) = A − B.
    rate = at(2157, 5, "rate_vs_formula")
    assert (rate.printed, rate.expected) == (Decimal("92.4"), Decimal("92.373860"))
    change = at(2144, 4, "rate_vs_formula")
    assert (change.printed_value, change.expected) == ("△0.7", Decimal("-0.675128"))
    difference = at(2144, 3, "difference_vs_formula")
    assert (difference.printed, difference.expected) == (-3599, -3599)
    assert all(c.rule == "total_vs_parts" or abs(c.printed - c.expected) <= c.tolerance for c in seed_checks)


# One cell per line cannot show where a spanning header's blank cells were (as in test_layouts).
@pytest.mark.parametrize("layout", [layout for layout in LAYOUTS if layout != "cell_lines"])
def test_another_governments_table_in_any_layout(layout):
    """Two label columns (국, then 소계 and its 과), a 합계 row over the 소계 rows, and a 합계 column
    spanning 건수 | 금액 over 공사 and 용역. One figure is wrong: 행정국's 소계 prints 62 contracts
    where 공사 41 + 용역 20 and 총무과 30 + 민원과 31 both give 61; so the 합계 of 95 (60 + 35)
    no longer matches its 소계 rows either (62 + 34)."""
    grid = [
        ["구분", "", "합계", "", "공사", "", "용역", ""],
        ["", "", "건수", "금액", "건수", "금액", "건수", "금액"],
        ["합계", "", "95", "1,210", "60", "900", "35", "310"],
        ["행정국", "소계", "62", "700", "41", "520", "20", "180"],
        ["", "총무과", "30", "400", "21", "300", "9", "100"],
        ["", "민원과", "31", "300", "20", "220", "11", "80"],
        ["복지국", "소계", "34", "510", "19", "380", "15", "130"],
        ["", "복지과", "34", "510", "19", "380", "15", "130"],
    ]
    text = render(layout, ["○ 부서별 계약 현황", "(단위 : 건, 백만원)"], grid, 2)
    lines = split_lines(text)
    checks = table_checks(read_tables(lines))
    found = sorted((c.direction, c.printed, c.expected) for c in contradictions(checks))
    assert found == [("columns", 62, 61), ("rows", 62, 61), ("rows", 95, 96)], text
    assert all("62" in lines[c.source_line - 1] for c in contradictions(checks) if c.printed == 62)
    # Every row's two 합계 columns; the 합계 row and 행정국's 소계 in all six columns (복지국's 소계
    # has a single 과 under it: nothing to add up).
    assert len([c for c in checks if c.direction == "columns"]) == 12
    assert len([c for c in checks if c.direction == "rows"]) == 12


def test_a_rate_whose_header_gives_no_formula_is_left_alone():
    text = render("tab", ["(단위 : 백만원, %)"], [
        ["구분", "목표", "징수", "진도율"],
        ["시세", "1,000", "900", "95.0"],
    ], 1)
    assert table_checks(read_tables(split_lines(text))) == []
    lettered = text.replace("목표", "목표(A)").replace("징수\t", "징수(B)\t").replace("진도율", "진도율(B/A)")
    (check,) = table_checks(read_tables(split_lines(lettered)))
    assert (check.rule, check.printed, check.expected) == ("rate_vs_formula", Decimal("95.0"), Decimal("90"))
