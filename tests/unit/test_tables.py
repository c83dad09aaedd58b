"""The generic table reader on the tab tables of the work plan: headers merged over lines,
row labels carried down, units and titles from above the table."""

import pytest

from orchestration.extract.tables import cell_quantities, read_tables
from orchestration.extract.text import split_lines


@pytest.fixture(scope="module")
def tables(work_plan_text):
    return {t.first_line: t for t in read_tables(split_lines(work_plan_text))}


def cell_at(table, line, column):
    return next(c for c in table.value_cells() if c.line == line and c.column == column)


def test_department_budget_table_labels_are_carried_down(tables):
    budget = tables[55]
    assert budget.unit == "천원"
    cell = cell_at(budget, 58, 2)
    assert cell.text == "20,248,516"
    assert cell.row_labels == ("기 획 예 산 과", "정책사업비")
    assert cell.column_label == "2024년"
    assert cell_at(budget, 56, 4).row_labels == ("합 계",)
    assert cell_at(budget, 56, 4).text == "△ 35,354,218"
    assert cell_at(budget, 79, 5).column_label == "증감률(%)"


def test_two_line_header_becomes_a_column_path(tables):
    project = tables[187]
    assert project.last_line == 190
    assert project.unit == "천원"
    assert project.title == "□ 2024년 소요예산 : 36,200천원"
    assert project.column_labels[1:] == ["합계", "연차별 소요자원 / 2024년", "연차별 소요자원 / 2025년",
                                         "연차별 소요자원 / 2026년"]
    assert cell_at(project, 190, 2).row_labels == ("구비",)
    assert cell_at(project, 190, 2).text == "36,200"


def test_staffing_header_and_pairs(tables):
    staffing = tables[42]
    assert staffing.column_labels[:3] == ["부 서 명", "합 계", "3급"]
    assert cell_at(staffing, 44, 1).text == "22 (24)"
    assert cell_at(staffing, 44, 1).row_labels == ("기획예산과",)
    assert "기준일" in staffing.caption_text()


@pytest.mark.parametrize(("caption", "header"), [("(단위 : 천 원)", "예산액"), ("□ 예산현황", "예산액(천 원)")])
def test_a_unit_spaced_out_in_the_note_or_the_header_is_the_whole_unit(caption, header):
    """``천 원`` read as 원 alone would make every amount a thousandth of itself."""
    [table] = read_tables(split_lines(f"{caption}\n구 분\t{header}\n계\t20,403\n사업비\t6,881\n"))
    assert table.column_units[1] == "천원"
    assert [q.amount_krw for c in table.value_cells() for _, q in cell_quantities(c)] == [20_403_000, 6_881_000]


def test_a_share_of_the_whole_beside_amounts_is_a_rate_whatever_the_note_says():
    """``구성비`` and ``비중`` under ``(단위 : 백만원)``: 33.7 is a share, not 33.7 million won."""
    [table] = read_tables(split_lines("(단위 : 백만원)\n구 분\t예산액\t구성비\t비 중\n계\t20,403\t100\t100\n"
                                      "사업비\t6,881\t33.7\t33.7\n"))
    assert table.column_units == ["백만원", "백만원", "%", "%"]
    assert [q.amount_krw for c in table.value_cells() for _, q in cell_quantities(c)] == [
        20_403_000_000, None, None, 6_881_000_000, None, None]


def test_under_a_note_of_people_and_money_the_staff_counts_are_people():
    [table] = read_tables(split_lines("(단위 : 명, 백만원)\n구 분\t정 원\t현 원\t예 산\n기획팀\t12\t11\t1,250\n"))
    assert table.column_units[1:] == ["명", "명", "백만원"]


def test_money_without_won_and_counts_of_companies_are_read_in_cells(tables, work_plan_text):
    """The seed work plan's 상품권 table prints 억 without 원 (``273.5억``) and its job fairs count
    companies (``9개사``): units of units.csv, read as they are printed."""
    issued = next(t for t in tables.values() if t.first_line <= 1085 <= t.last_line)
    amounts = {c.text: q.amount_krw for c in issued.value_cells() if c.line == 1085 for _, q in cell_quantities(c)}
    assert amounts == {"100억원": 10_000_000_000, "320억원": 32_000_000_000, "273.5억": 27_350_000_000,
                       "260억": 26_000_000_000}
    fairs = next(t for t in tables.values() if t.first_line <= 1600 <= t.last_line)
    assert [(c.text, q.value, q.unit) for c in fairs.value_cells() if c.line == 1600 for _, q in cell_quantities(c)] == [
        ("3회", 3, "회"), ("9개사", 9, "개사"), ("34명", 34, "명"), ("7명", 7, "명")]


def test_an_amount_naming_its_share_in_brackets_stays_money():
    """w01 p5's ``예산액(구성비)`` over ``51,288(30.7)``: the amount in the note's unit, its share in brackets."""
    [table] = read_tables(split_lines("(단위 : 억원)\n구 분\t예산액(구성비)\n지 방 세\t51,288(30.7)\n"))
    assert table.column_units[1] == "억원"


def test_under_a_note_of_counts_and_money_a_silent_column_counts_what_its_row_counts():
    """w03 p21 '(단위: 건, 명, 천 원)': the 건수 row's `본처분 / 통보 / 일반` speaks of neither, and
    counts cases; `합계 / 금액` names money; a pair may hold the other measure in brackets (its
    unit the column's, as before)."""
    lines = ["❖ 감사결과(총괄)                                     (단위: 건, 명, 천 원)",
             "\t합계\t\t본처분\t\t",
             "\t\t\t징계 (인원)\t통보\t",
             "\t건수\t금액\t\t일반\t현지조치",
             "건수\t22\t23,820\t2(2)\t5\t3(23,820)"]
    [table] = read_tables(lines)
    units = {c.column_label: c.unit for c in table.value_cells()}
    assert units == {"합계 / 건수": "건", "합계 / 금액": "천원", "본처분 / 징계 (인원)": "건",
                     "본처분 / 통보 / 일반": "건", "본처분 / 통보 / 현지조치": "천원"}


def test_the_row_rule_takes_only_a_count_the_note_names(tables):
    """Seed 004 line 1040 under '(단위: 명, 백만원)': 입점 업체 수 counts (명, the note's count), not
    money; the revenue table under '(단위:백만원,%)' keeps its money though its rows are split
    `시 / 세` (세 is a count unit, not one the note names)."""
    assert {c.unit for c in tables[1036].value_cells() if c.line == 1040} == {"명"}
    assert {c.unit for c in tables[2432].value_cells() if c.line == 2438 and c.column == 2} == {"백만원"}


def test_a_unit_note_printed_inside_the_header_is_the_tables():
    """w01 p5's 세입 table with its note moved into its first header cell, as some plans print it:
    the amounts are in 억원 and the column is still named 구 분."""
    [table] = read_tables(["구 분 (단위 : 억원, %)\t예산액(구성비)\t구 분\t예산액(구성비)",
                           "지 방 세\t51,288(30.7)\t세외수입\t11,101(6.7)"])
    assert table.column_labels[0] == "구 분" and table.unit == "억원"
    assert [(c.text, c.unit) for c in table.value_cells()] == [("51,288(30.7)", "억원"), ("11,101(6.7)", "억원")]


def test_a_table_turned_round_keeps_every_cell_where_it_was_printed(tables):
    """The seed's department budget (units and categories down the side, years across) turned:
    the years head the rows, the labels head the columns, and each value is the same cell, on its
    line and at its characters."""
    budget = tables[55]
    turned = budget.turned()
    assert (turned.label_columns, len(turned.header_rows)) == (len(budget.header_rows), budget.label_columns)
    cell = next(c for c in turned.value_cells() if c.line == 58 and c.text == "20,248,516")
    assert (cell.row_labels, cell.column_label) == (("2024년",), "기 획 예 산 과 / 정책사업비")
    assert (cell.start, cell.end) == (cell_at(budget, 58, 2).start, cell_at(budget, 58, 2).end)
    assert {c.row for c in turned.value_cells() if c.row_labels == ("2024년",)} == {cell.row}


def test_a_header_missing_labels_borrows_them_from_a_table_of_the_same_columns():
    """w05 p5's two tables by unit, the first header's first labels lost: they are taken from the
    table below, whose labels agree wherever both print one; a table whose printed labels differ
    lends nothing."""
    staffing = ["(단위 : 명)", "구 분\t\t\t인구정책 담당관\t법무 담당관", "정 원\t120\t32\t11\t23", "현 원\t126\t32\t13\t24", ""]
    budget = ["(단위 : 백만원)", "구 분\t합 계\t기획 담당관\t인구정책 담당관\t법무 담당관", "세 입\t2,867\t105\t2,551\t3", ""]
    first, second = read_tables(staffing + budget)
    assert first.column_labels == ["구 분", "합 계", "기획 담당관", "인구정책 담당관", "법무 담당관"]
    assert second.column_labels == ["구 분", "합 계", "기획 담당관", "인구정책 담당관", "법무 담당관"]
    other = budget[:1] + ["구 분\t합 계\t기획 담당관\t청렴 담당관\t법무 담당관"] + budget[2:]
    assert read_tables(staffing + other)[0].column_labels == ["구 분", "", "", "인구정책 담당관", "법무 담당관"]
