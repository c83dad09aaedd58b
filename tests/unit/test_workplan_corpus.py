"""Work plans nobody here wrote (tests/corpus/workplans, 부산광역시 2025): their kind, their
government and their staffing, with exact values, pages and lines; and fixtures derived from them
in other shapes (a text filing with 정원 and 현원 on rows of their own, a 기초 plan that names
its 광역)."""

from __future__ import annotations

import csv
import re
from datetime import date
from functools import cache

import pytest

from orchestration.extract.dates import parse_as_of
from orchestration.extract.document import extract_document
from orchestration.extract.formats import read_document
from orchestration.extract.governments import government_index
from orchestration.extract.organisation import filing_unit, is_unit_name, unit_level
from orchestration.extract.projects import COST_LEAD
from orchestration.extract.staffing import count_of, grade_of, group_of
from orchestration.extract.text import without_spaces
from orchestration.extract.vocabulary import SEEDS
from orchestration.settings import GOVERNMENT_SEED, REPO_ROOT

WORKPLANS = REPO_ROOT / "tests" / "corpus" / "workplans"


@cache
def _extracted(name: str):
    path = WORKPLANS / name
    return extract_document(name, read_document(path.read_bytes(), path.name), government_index(GOVERNMENT_SEED))


@pytest.mark.parametrize("name", sorted(p.name for p in WORKPLANS.glob("*.pdf")))
def test_every_corpus_work_plan_is_a_work_plan_of_busan(name):
    """They name their districts (w06: 사하구 as often as 부산광역시); the filing is the 광역's."""
    extraction = _extracted(name)
    assert (extraction.classification["kind"], extraction.classification["government_code"]) == ("work_plan", "6260000")


def _staffing(name):
    return {(f["org_unit"], f["grade"], f["statement"]): (f["authorized"], f["current"], f["source_page"], f["source_line"])
            for f in _extracted(name).staffing}


def test_staffing_on_rows_of_their_own_w01():
    """w01 p4: 정 원 and 현 원 rows under a 급 header, the unit named on the cover (기획조정실);
    the headline '인 력 : 정원 149명, 현원 149명' on the same page; the public corporations'
    '정원 4,431명(현원 4,642명)' on p8 are theirs, not the 실's (affiliated_body, below)."""
    staffing = _staffing("w01_busan_gihoekjojeongsil_2025.pdf")
    assert staffing[("기획조정실", "total", "unit_page")] == (149, 149, 4, 15)
    assert staffing[("기획조정실", "5급", "unit_page")] == (25, 24, 4, 15)
    assert staffing[("기획조정실", "6급", "unit_page")] == (70, 50, 4, 15)
    assert staffing[("기획조정실", "3급", "unit_page")] == (0, 0, 4, 15)  # '-': no post
    assert staffing[("기획조정실", "total", "headline")] == (149, 149, 4, 12)
    # the organisation chart above: six 담당관 with their posts (※( )는 정원), no 현원
    assert staffing[("예산담당관", "total", "org_chart")] == (35, None, 4, 6)
    assert staffing[("회계재산담당관", "total", "org_chart")] == (33, None, 4, 6)
    assert sum(posts for (_, _, statement), (posts, *_) in staffing.items() if statement == "org_chart") == 149
    assert len([key for key in staffing if key[2] != "affiliated_body"]) == 8 + 6


def test_units_down_the_side_each_with_a_row_of_posts_and_a_row_of_people():
    """w01's and w08's own 정원 and 현원 rows (one unit each, under a 급 header) set in one bureau
    table: each unit named once over its two rows (``기획조정실 | 정원 …`` over `` | 현원 …``)."""
    grades = ("total", "5급", "6급", "7급")
    own = {}
    for name, unit in (("w01_busan_gihoekjojeongsil_2025.pdf", "기획조정실"), ("w08_busan_singonghang-chujinbonbu_2025.pdf",
                                                                           "신공항추진본부")):
        counts = {f["grade"]: (f["authorized"], f["current"]) for f in _extracted(name).staffing
                  if f["statement"] == "unit_page" and f["grade"] in grades}
        own[unit] = [counts[g] for g in grades]
    rows = "".join(f"{unit}\t정원\t" + "\t".join(str(a) for a, _ in counts) + "\n\t현원\t"
                   + "\t".join(str(c) for _, c in counts) + "\n" for unit, counts in own.items())
    text = "2025년도\n주요업무계획\n부산광역시\n\n□ 인력현황\n(단위 : 명)\n구분\t구분\t계\t5급\t6급\t7급\n" + rows
    facts = extract_document("t", text, government_index(GOVERNMENT_SEED)).staffing
    assert {(f["org_unit"], f["grade"]): (f["authorized"], f["current"], f["statement"], f["source_line"]) for f in facts} == {
        (unit, grade): (*own[unit][i], "summary_table", 8 if unit == "기획조정실" else 10)
        for unit in own for i, grade in enumerate(grades)}
    assert own["기획조정실"][0] == (149, 149) and own["신공항추진본부"][0] == (45, 51)


def test_staffing_of_units_behind_a_committee_cover():
    """w06 and w08 open with the 시의회 committee they report to; the unit is the one below the
    plan's title (w06 prints it as '부산광역시 낙동강관리본부')."""
    w06 = _staffing("w06_busan_nakdonggang-gwallibonbu_2025.pdf")
    assert w06[("낙동강관리본부", "total", "unit_page")][:3] == (67, 74, 5)
    assert w06[("낙동강관리본부", "7급", "unit_page")][:2] == (28, 33)
    w08 = _staffing("w08_busan_singonghang-chujinbonbu_2025.pdf")
    assert w08[("신공항추진본부", "total", "unit_page")] == (45, 51, 5, 20)
    assert w08[("신공항추진본부", "7급", "unit_page")][:2] == (13, 23)


def _grouped(name):
    return {(f["org_unit"], f["staff_group"], f["grade"], f["statement"]):
            (f["authorized"], f["current"], f["source_page"], f["source_line"], f["grade_printed"])
            for f in _extracted(name).staffing}


def test_staffing_under_a_header_of_two_levels_by_series_w07():
    """w07 p6 counts 연구직 (연구관 3급/4급/5급, 연구사) and 일반직 (4급–8급) under a header of two
    levels, so 4급 and 5급 appear twice: each is its series' (staff_group). Its caption
    '정 원 ▷ 153명(연구직 131, 일반직 22)' states the total and the two series in text."""
    staffing = _grouped("w07_busan_bogeonhwangyeongyeonguwon_2025.pdf")
    unit = "보건환경연구원"
    assert staffing[(unit, None, "total", "unit_page")] == (153, 145, 6, 21, "계")
    assert staffing[(unit, "연구직", "3급", "unit_page")] == (1, 1, 6, 21, "연 구 직 / 연 구 관 / 3급")
    assert staffing[(unit, "연구직", "5급", "unit_page")] == (20, 19, 6, 21, "연 구 직 / 연 구 관 / 5급")
    assert staffing[(unit, "연구직", "연구·지도직", "unit_page")] == (106, 100, 6, 21, "연 구 직 / 연구사")
    assert staffing[(unit, "일반직", "4급", "unit_page")] == (1, 1, 6, 21, "일 반 직 / 4급")
    assert staffing[(unit, "일반직", "7급", "unit_page")] == (9, 7, 6, 21, "일 반 직 / 7급")
    table = [v for (u, g, grade, statement), v in staffing.items() if statement == "unit_page" and grade != "total"]
    assert len(table) == 9 and sum(v[0] for v in table) == 153 and sum(v[1] for v in table) == 145
    assert staffing[(unit, None, "total", "headline")] == (153, None, 6, 16, "total")
    assert staffing[(unit, "연구직", "total", "headline")] == (131, None, 6, 16, "연구직")
    assert staffing[(unit, "일반직", "total", "headline")] == (22, None, 6, 16, "일반직")
    # '연구직 현원 124명(보건 52, 환경 67, 수의 5)' prints 현원 alone, which no fact holds without its 정원
    assert not [k for k in staffing if k[3] == "headline" and staffing[k][3] == 24]


def test_a_total_stated_with_its_parts_in_text_w02():
    """w02 p5 '□ 인 력 : 371명정원 (본청 114, 사업소 257 )': the word 정원 pulled behind its number,
    the parts by seat; 114 + 257 = 371."""
    staffing = _grouped("w02_busan_munhwacheyukguk_2025.pdf")
    unit = "문화체육국"
    assert {k: v for k, v in staffing.items() if k[3] == "headline"} == {
        (unit, None, "total", "headline"): (371, None, 5, 11, "total"),
        (unit, "본청", "total", "headline"): (114, None, 5, 11, "본청"),
        (unit, "사업소", "total", "headline"): (257, None, 5, 11, "사업소")}
    assert staffing[(unit, None, "total", "unit_page")][:2] == (371, 398)


def test_parts_of_a_total_are_read_only_when_they_add_up_and_name_groups_or_units():
    """A derived 구 plan: a total split by units is each unit's 정원; parts that do not add up to
    the total, or a total of 현원 alone, are not read."""
    cover = "2026년도\n주요업무계획\n감사관\n\nⅠ. 일반현황\n"
    extraction = extract_document("t", cover + "□ 인 력 : 정 원 45명(감사담당관 20, 청렴담당관 25)\n",
                                  government_index(GOVERNMENT_SEED))
    assert {(f["org_unit"], f["staff_group"], f["authorized"], f["current"], f["source_line"], f["printed_value"])
            for f in extraction.staffing} == {("감사관", None, 45, None, 6, "45"), ("감사담당관", None, 20, None, 6, "20"),
                                              ("청렴담당관", None, 25, None, 6, "25")}
    line = extraction.staffing[1]["source_excerpt"]
    assert line[slice(*extraction.staffing[2]["source_span"])] == "25"
    for other in ("□ 인 력 : 정 원 45명(감사담당관 20, 청렴담당관 24)\n", "□ 인 력 : 현원 45명(일반직 20, 별정직 25)\n",
                  "□ 사업비 : 45명(일반직 20, 별정직 25)\n"):
        assert extract_document("t", cover + other, government_index(GOVERNMENT_SEED)).staffing == [], other


def test_every_staff_group_of_the_vocabulary_names_its_example():
    rows = list(csv.DictReader((SEEDS / "staff_groups.csv").open(encoding="utf-8")))
    assert len(rows) == 33
    for row in rows:
        assert group_of(row["example"]) == row["staff_group"], row
    assert [group_of(label) for label in ("일반직공무원", "연구 · 지도직", "정 원", "4급", "보건", "사회복지 직렬")] == [
        "일반직", "연구·지도직", None, None, None, "사회복지직"]


def test_a_cover_names_the_issuing_unit_below_the_plans_title():
    assert filing_unit(["복지환경위원회", "2025. 2. 10.(월) 16:00", "- 2025년도 -", "주 요 업 무 계 획",
                        "보 건 환 경 연 구 원"]) == ("보건환경연구원", "보 건 환 경 연 구 원", 5)
    assert filing_unit(["행정문화위원회", "2025년도 주요 업무계획"]) is None
    assert filing_unit(["2024년 업무보고", "서울특별시 금천구 재무과"]) == ("재무과", "재무과", 2)


def test_split_rows_and_a_headline_in_a_text_filing():
    """The w01 shape retyped as a text filing with tabs and another unit and grades: the reader
    does not depend on the PDF."""
    text = ("2026년도\n주요업무계획\n정책기획관\n\nⅠ. 일반현황\n□ 인 원 : 정원 31명, 현원 29명\n(단위 : 명)\n"
            "구분\t계\t4급\t5급\t6급 이하\n정 원\t31\t1\t6\t24\n현 원\t29\t1\t5\t23\n과부족\t△2\t-\t△1\t△1\n")
    extraction = extract_document("t", text, government_index(GOVERNMENT_SEED))
    facts = {(f["grade"], f["statement"]): (f["authorized"], f["current"], f["source_line"]) for f in extraction.staffing}
    assert extraction.classification["kind"] == "work_plan"
    assert facts == {("total", "headline"): (31, 29, 6), ("total", "unit_page"): (31, 29, 9),
                     ("4급", "unit_page"): (1, 1, 9), ("5급", "unit_page"): (6, 5, 9), ("6급이하", "unit_page"): (24, 23, 9)}
    assert {f["org_unit"] for f in extraction.staffing} == {"정책기획관"}


@pytest.mark.parametrize("authorized, current", [("인가정원", "현 인 원"), ("정원수", "현원수"), ("승인 정원", "재직인원")])
def test_the_two_counts_in_other_words_of_the_vocabulary(authorized, current):
    """The text filing above with the words of staff_count_words.csv for 정원 and 현원: on rows of
    their own, as columns with units down the side, and in the headline."""
    text = ("2026년도\n주요업무계획\n정책기획관\n\nⅠ. 일반현황\n"
            f"□ 인 원 : {authorized} 31명, {current} 29명\n(단위 : 명)\n"
            f"구분\t계\t4급\t5급\t6급 이하\n{authorized}\t31\t1\t6\t24\n{current}\t29\t1\t5\t23\n과부족\t△2\t-\t△1\t△1\n")
    extraction = extract_document("t", text, government_index(GOVERNMENT_SEED))
    facts = {(f["grade"], f["statement"]): (f["authorized"], f["current"], f["source_line"]) for f in extraction.staffing}
    assert facts == {("total", "headline"): (31, 29, 6), ("total", "unit_page"): (31, 29, 9),
                     ("4급", "unit_page"): (1, 1, 9), ("5급", "unit_page"): (6, 5, 9), ("6급이하", "unit_page"): (24, 23, 9)}
    down = ("2026년도\n주요업무계획\n정책기획관\n\n□ 인 력\n(단위 : 명)\n"
            f"구 분\t{authorized}\t{current}\t과부족\n계\t31\t29\t△2\n기획팀\t12\t11\t△1\n평가팀\t19\t18\t△1\n")
    assert {f["org_unit"]: (f["authorized"], f["current"], f["source_line"])
            for f in extract_document("d", down, government_index(GOVERNMENT_SEED)).staffing} == {
        "정책기획관": (31, 29, 8), "기획팀": (12, 11, 9), "평가팀": (19, 18, 10)}


def test_every_word_of_the_two_counts_names_its_count():
    rows = list(csv.DictReader((SEEDS / "staff_count_words.csv").open(encoding="utf-8")))
    assert {row["meaning"] for row in rows} == {"authorized", "current"}
    assert all(count_of(" ".join(row["word"])) == count_of(f"{row['word']}(명)") == row["meaning"] for row in rows)
    assert count_of("과부족") is None and count_of("정원외") is None


def test_staffing_no_units_section_holds_is_kept_without_its_unit():
    """The same text filing with no unit on its cover: the table's and the headline's counts are
    kept, org unit null and the reason said; the accounting counts their numbers as unattributed."""
    text = ("2026년도\n주요업무계획\n\nⅠ. 일반현황\n□ 인 원 : 정원 31명, 현원 29명\n(단위 : 명)\n"
            "구분\t계\t4급\t5급\t6급 이하\n정 원\t31\t1\t6\t24\n현 원\t29\t1\t5\t23\n과부족\t△2\t-\t△1\t△1\n")
    extraction = extract_document("t", text, government_index(GOVERNMENT_SEED))
    facts = {(f["grade"], f["statement"]): (f["org_unit"], f["unattributed"], f["authorized"], f["current"], f["source_line"])
             for f in extraction.staffing}
    assert facts == {("total", "headline"): (None, "no_unit_section", 31, 29, 5),
                     ("total", "unit_page"): (None, "no_unit_section", 31, 29, 8),
                     ("4급", "unit_page"): (None, "no_unit_section", 1, 1, 8),
                     ("5급", "unit_page"): (None, "no_unit_section", 6, 5, 8),
                     ("6급이하", "unit_page"): (None, "no_unit_section", 24, 23, 8)}
    # the headline's 31 and 29, the 정원 row's 31, 1, 6 and 24 (a cell's span holds one number)
    assert extraction.classification["tokens_unattributed"] == 6
    with_unit = extract_document("u", text.replace("주요업무계획\n", "주요업무계획\n정책기획관\n"),
                                 government_index(GOVERNMENT_SEED))
    assert {f["unattributed"] for f in with_unit.staffing} == {None}
    assert with_unit.classification["tokens_unattributed"] == 0


def test_a_basic_governments_plan_that_names_its_upper_government_is_its_own():
    text = ("2025년 주요업무계획\n서울특별시 금천구\n\n금천구는 서울특별시와 협력하여 금천구 G밸리를 키운다.\n"
            "금천구 독산동, 금천구 시흥동, 구로구와 맞닿은 서울특별시 서남권의 금천구.\n")
    extraction = extract_document("t", text, government_index(GOVERNMENT_SEED))
    assert extraction.classification["government_code"] == "3170000"
    busan = "부산광역시 주요업무계획\n부산광역시는 해운대구, 수영구, 사하구와 함께 부산광역시 관광을 키운다.\n사하구 다대포"
    assert extract_document("b", busan, government_index(GOVERNMENT_SEED)).classification["government_code"] == "6260000"


def test_staffing_with_the_units_in_columns_w02():
    """w02 p5: 정원 and 현원 rows under a header of units (their names set over two or three
    lines inside the ruled cells); the 계 column is the 국's own total."""
    staffing = _staffing("w02_busan_munhwacheyukguk_2025.pdf")
    assert staffing[("문화체육국", "total", "unit_page")][:3] == (371, 398, 5)
    assert staffing[("문화예술과", "total", "summary_table")][:3] == (29, 30, 5)
    assert staffing[("전국체전기획단", "total", "summary_table")][:2] == (14, 27)
    assert staffing[("체육시설관리사업소", "total", "summary_table")][:2] == (94, 99)
    assert len([key for key in staffing if key[2] not in ("headline", "affiliated_body")]) == 14


def test_a_register_of_bodies_printed_as_text_w02():
    """w02 p6: each affiliated body's name on a line of its own (``(재)부산문화재단  ❖ 대표이사 오재환``)
    over the bullets describing it, under ``□ 출자․출연기관 및 공기업``: the staffing its ``조 직``
    line states (``1센터 1실 2본부 9팀 1TF, 정원 71명(현원 68명)``) is the body's, its legal form no
    part of its name (``(재)``, ``㈜``)."""
    bodies = {unit: value for (unit, _, statement), value in _staffing("w02_busan_munhwacheyukguk_2025.pdf").items()
              if statement == "affiliated_body"}
    assert bodies == {"부산문화재단": (71, 68, 6, 4), "부산문화회관": (129, 125, 6, 9),
                      "영화의전당": (147, 132, 6, 14), "아시아드CC": (55, 40, 6, 19)}


def test_budgets_of_units_by_year_and_basis_w01():
    """w01 p4: 예산현황 in 억원, a row per 담당관 and the 합계 row of the 실, columns ’25년 당초예산,
    ’24년 당초예산 and ’24년 최종예산 (the 증감률 columns beside them are no amounts)."""
    budgets = {(f["org_unit"], f["fiscal_year"], f["budget_basis"]): (f["amount_krw"], f["source_page"], f["source_line"])
               for f in _extracted("w01_busan_gihoekjojeongsil_2025.pdf").department_budgets if f["source_page"] == 4}
    assert budgets[("기획조정실", 2025, "당초")] == (1_785_500_000_000, 4, 23)
    assert budgets[("기획조정실", 2024, "최종")] == (1_843_000_000_000, 4, 23)
    assert budgets[("공공기관담당관", 2025, "당초")] == (2_300_000_000, 4, 25)
    assert budgets[("회계재산담당관", 2024, "최종")] == (4_000_000_000, 4, 29)
    assert len(budgets) == 21


def test_change_rates_sit_on_the_amount_they_are_measured_against_w01():
    """w01 p4: under ’25년 당초예산, 증 감 률(%) against ’24년 당초 and against ’24년 최종: each
    rate is held by the fact of the column its header names; the 2025 amount holds none."""
    changes = {(f["org_unit"], f["fiscal_year"], f["budget_basis"]): (f["printed_change_pct"], f["source_line"])
               for f in _extracted("w01_busan_gihoekjojeongsil_2025.pdf").department_budgets
               if f["source_page"] == 4}
    assert changes[("기획조정실", 2025, "당초")] == (None, 23)
    assert changes[("기획조정실", 2024, "당초")] == ("4.2", 23)
    assert changes[("기획조정실", 2024, "최종")] == ("△3.1", 23)
    assert changes[("공공기관담당관", 2024, "당초")] == ("9.4", 25)
    assert changes[("회계재산담당관", 2024, "최종")] == ("3.9", 29)


def test_a_change_column_naming_no_year_holds_for_the_whole_row():
    """Derived from w01 p4 with its header cut to one level: one 증감률 against no named year sits
    on every amount of the row, as a text filing prints it."""
    text = ("2025년도\n주요업무계획\n기획조정실\n\n예산현황\n(단위 : 억원, %)\n구 분\t’25년 당초예산\t’24년 당초예산\t증 감 률\n"
            "합 계\t17,855\t17,137\t4.2\n예 산 담 당 관\t16,883\t16,203\t4.2\n")
    facts = extract_document("t", text, government_index(GOVERNMENT_SEED)).department_budgets
    assert {(f["org_unit"], f["fiscal_year"]): (f["amount_krw"], f["printed_change_pct"]) for f in facts} == {
        ("기획조정실", 2025): (1_785_500_000_000, "4.2"), ("기획조정실", 2024): (1_713_700_000_000, "4.2"),
        ("예산담당관", 2025): (1_688_300_000_000, "4.2"), ("예산담당관", 2024): (1_620_300_000_000, "4.2")}


def test_expenditure_by_field_is_the_whole_governments_w01():
    """w01 p5 '세    출 : 16조 6,830억원' over two pairs of field and amount to a row: each field
    (several printed as one amount: 사회복지․보건) of the plan's year, the whole government's, and
    the caption's total."""
    facts = {f["budget_field"]: (f["amount_krw"], f["printed_value"], f["printed_unit"], f["source_line"])
             for f in _extracted("w01_busan_gihoekjojeongsil_2025.pdf").department_budgets
             if f["source_page"] == 5 and f["account"] is None}
    assert facts == {
        "일반공공행정·공공질서및안전": (2_319_300_000_000, "23,193(13.9)", "억원", 19),
        "교육": (990_100_000_000, "9,901(5.9)", "억원", 19), "문화및관광": (551_800_000_000, "5,518(3.3)", "억원", 20),
        "환경": (1_009_100_000_000, "10,091(6.1)", "억원", 20),
        "사회복지·보건": (7_724_200_000_000, "77,242(46.3)", "억원", 21),
        "농림해양수산": (194_700_000_000, "1,947(1.2)", "억원", 21),
        "산업중소기업및에너지·과학기술": (401_500_000_000, "4,015(2.4)", "억원", 22),
        "교통및물류": (1_786_800_000_000, "17,868(10.7)", "억원", 22),
        "국토및지역개발": (564_200_000_000, "5,642(3.4)", "억원", 23),
        "예비비·기타": (1_141_300_000_000, "11,413(6.8)", "억원", 23),
        None: (16_683_000_000_000, "16조 6,830억원", "억원", 17)}
    assert sum(amount for field, (amount, *_) in facts.items() if field) == facts[None][0]
    assert {(f["org_unit"], f["unattributed"], f["fiscal_year"]) for f in _extracted(
        "w01_busan_gihoekjojeongsil_2025.pdf").department_budgets if f["budget_field"]} == {
        (None, "whole_government", 2025)}


def test_expenditure_by_field_one_pair_to_a_row_in_a_text_filing():
    """Derived: a 구's plan printing its 세출 by field one pair to a row, in 백만원, the year in its
    caption; a table of units is no table of fields."""
    text = ("2026년 주요업무계획\n\n2026년 세출예산 (단위 : 백만원)\n분 야\t예 산 액\n일반공공행정\t52,310\n"
            "사회복지\t410,277\n교통 및 물류\t18,004\n\n부서별 예산 (단위 : 백만원)\n부 서\t예 산 액\n"
            "기획예산과\t3,100\n복지정책과\t9,800\n")
    facts = extract_document("t", text, government_index(GOVERNMENT_SEED)).department_budgets
    assert {f["budget_field"]: (f["fiscal_year"], f["amount_krw"], f["source_line"]) for f in facts
            if f["budget_field"]} == {"일반공공행정": (2026, 52_310_000_000, 5), "사회복지": (2026, 410_277_000_000, 6),
                                      "교통및물류": (2026, 18_004_000_000, 7)}


def test_every_budget_field_of_the_vocabulary_names_its_example():
    from orchestration.extract.budgets import field_of
    fields = list(csv.DictReader((SEEDS / "budget_fields.csv").open(encoding="utf-8")))
    assert len(fields) == 14
    for row in fields:
        assert field_of(row["example"]) == row["budget_field"], row
    assert field_of("산업․중소기업 및 에너지․과학기술") == "산업중소기업및에너지·과학기술"
    assert field_of("일반공공행정․ 공공질서및안전") == "일반공공행정·공공질서및안전"
    assert field_of("기획조정실") is None and field_of("세외수입") is None and field_of("사회복지과") is None


def test_expenditure_budgets_with_the_units_in_columns_w02():
    """w02 p5: a 세출 row under a header of units, in 백만원, of the year its caption names
    (’25. 1. 1. 기준); the 계 column is the 국's own. The 세입 row above it is not a budget."""
    budgets = {f["org_unit"]: (f["fiscal_year"], f["amount_krw"], f["source_page"])
               for f in _extracted("w02_busan_munhwacheyukguk_2025.pdf").department_budgets}
    assert budgets["문화체육국"] == (2025, 511_225_000_000, 5)
    assert budgets["문화예술과"] == (2025, 172_730_000_000, 5)
    assert budgets["근현대역사관"] == (2025, 6_742_000_000, 5)
    assert len(budgets) == 14


def test_revenue_sources_printed_side_by_side_w01():
    """w01 p5 '구 분 | 예산액(구성비) | 구 분 | 예산액(구성비)': each source with its amount and share."""
    revenue = {f["revenue_item"]: (f["measure"], f["value"], f["unit"], f["rate_pct"], f["source_page"], f["source_line"])
               for f in _extracted("w01_busan_gihoekjojeongsil_2025.pdf").revenue if f["source_page"] == 5}
    assert revenue == {
        "지방세": ("budget", "51288", "억원", "30.7", 5, 14), "세외수입": ("budget", "11101", "억원", "6.7", 5, 14),
        "지방교부세": ("budget", "16185", "억원", "9.7", 5, 15), "국고보조금": ("budget", "65847", "억원", "39.5", 5, 15),
        "지방채": ("budget", "6929", "억원", "4.1", 5, 16), "보전수입등": ("budget", "15480", "억원", "9.3", 5, 16),
        # the caption's '세    입 : 16조 6,830억원', in the unit of its last place word
        "total": ("budget", "166830", "억원", None, 5, 12)}


def test_revenue_of_each_unit_under_a_header_of_units_w02():
    """w02 p5: the 세입 row beside 세출 under '구분 | 계 | 문화예술과 | …', in 백만원, as of ’25. 1. 1."""
    revenue = {f["org_unit"]: (f["amount_krw"], f["fiscal_year"], f["source_line"])
               for f in _extracted("w02_busan_munhwacheyukguk_2025.pdf").revenue if f["org_unit"]}
    assert len(revenue) == 14
    assert revenue["문화체육국"] == (152_588_000_000, 2025, 19)       # the 계 column: the 국 itself
    assert revenue["문화예술과"] == (68_494_000_000, 2025, 19)
    assert revenue["충렬사관리사무소"] == (13_000_000, 2025, 19)
    assert sum(amount for unit, (amount, *_) in revenue.items() if unit != "문화체육국") == 152_588_000_000


def test_projects_under_numbered_headings_and_their_costs_w02():
    """w02 lists no projects: each is a numbered heading over its section ('2      피란수도 …'),
    and the section's cost line (총사업비, 사업비) gives its budget and funding split. A lone
    badge whose title the text layer lost ends the section before it (p43's cost is no one's)."""
    extraction = _extracted("w02_busan_munhwacheyukguk_2025.pdf")
    projects = {(p["source_page"], p["source_line"]): (p["seq"], p["project_name"]) for p in extraction.projects}
    assert projects[(44, 1)] == (2, "피란수도 부산유산의 세계유산 등재")
    assert all(p["status"] is None and p["org_unit"] == "문화체육국" for p in extraction.projects)
    budgets = [(b["project_name"], b["source_page"], b["source_line"], b["funding_group"], b["amount_krw"])
               for b in extraction.project_budgets]
    assert budgets[:3] == [("피란수도 부산유산의 세계유산 등재", 44, 14, "계", 15_349_000_000),
                           ("피란수도 부산유산의 세계유산 등재", 44, 14, "국비", 3_354_000_000),
                           ("피란수도 부산유산의 세계유산 등재", 44, 14, "시비", 11_995_000_000)]
    assert ("공공용지 활용 생활체육시설 확충", 47, 10, "계", 7_000_000_000) in budgets
    assert not [b for b in budgets if b[1] == 43]


def test_projects_under_a_badge_on_a_line_of_its_own_w07():
    """w07 sets each project's number in a box of its own (a table of one cell, '1' alone on its
    line) over its title; the section's '❍ 예   산 : 574백만원(국비 206, 시비 368)' is its cost. The
    badges of its 기본현황 (연 혁, 시 설) and of the summary of its tasks state no cost: no projects."""
    extraction = _extracted("w07_busan_bogeonhwangyeongyeonguwon_2025.pdf")
    projects = {(p["source_page"], p["source_line"]): (p["seq"], p["project_name"]) for p in extraction.projects}
    assert projects[(17, 2)] == (1, "바이러스 감염병 확인 검사 및 감시")
    assert projects[(37, 2)] == (2, "축산물 안전성 검사를 통한 위해 축산물 유통 차단")
    assert not [key for key in projects if key[0] < 9] and len(projects) == 18
    budgets = [(b["project_name"], b["source_page"], b["source_line"], b["funding_group"], b["amount_krw"])
               for b in extraction.project_budgets if b["source_page"] == 17]
    assert budgets == [("바이러스 감염병 확인 검사 및 감시", 17, 10, "계", 574_000_000),
                       ("바이러스 감염병 확인 검사 및 감시", 17, 10, "국비", 206_000_000),
                       ("바이러스 감염병 확인 검사 및 감시", 17, 10, "시비", 368_000_000)]


def test_a_projects_cost_shared_out_by_year():
    """w08's '◾ 사 업 비 : 30억원(’23년 10억원, '24년 20억원)' under a project's badge of another plan:
    the cost and its years, which add up to it; years that do not add up are no parts."""
    cover = "2025년도\n주요업무계획\n공항기획과\n\n1   신공항 배후도시 기본구상 수립\n"
    budgets = lambda line: [(b["funding_group"], b["period_label"], b["fiscal_year"], b["printed_value"], b["amount_krw"])
                            for b in extract_document("t", cover + line, government_index(GOVERNMENT_SEED)).project_budgets]
    assert budgets("◾ 사 업 비 : 30억원(’23년 10억원, '24년 20억원)\n") == [
        ("계", None, None, "30억원", 3_000_000_000), ("계", "’23년", 2023, "10억원", 1_000_000_000),
        ("계", "'24년", 2024, "20억원", 2_000_000_000)]
    assert budgets("◾ 사 업 비 : 30억원(’23년 10억원, '24년 10억원)\n") == [("계", None, None, "30억원", 3_000_000_000)]


def test_a_lone_badge_heads_a_project_only_over_a_title_and_a_cost():
    cover = "2026년도\n주요업무계획\n위생과\n\n"
    projects = lambda text: [(p["source_line"], p["seq"], p["project_name"]) for p in extract_document(
        "t", cover + text, government_index(GOVERNMENT_SEED)).projects]
    assert projects("3\n식품 위생업소 점검 강화\n❍ 목 표 : 1,200건\n❍ 예 산 : 45백만원(시비 45)\n") == [
        (6, 3, "식품 위생업소 점검 강화")]
    assert projects("3\n연 혁\n❍ 1990. 1. 1. 개소\n4\n시 설\n❍ 연면적 2,000㎡\n") == []
    assert projects("3\n조 직 ▷ 2팀\n❍ 예 산 : 45백만원\n") == []


def test_staffing_with_counts_in_columns_and_units_down_the_side():
    """w02 p5's staffing (units across, 정원 and 현원 rows) printed the other way round: units
    down the side, 정원 | 현원 | 과부족 across. Every unit keeps its two counts; the 계 row is the 국's."""
    across = {f["org_unit"]: (f["authorized"], f["current"])
              for f in _extracted("w02_busan_munhwacheyukguk_2025.pdf").staffing
              if f["source_page"] == 5 and f["statement"] != "headline"}
    assert across["문화체육국"] == (371, 398) and len(across) == 14
    rows = [f"계\t{across['문화체육국'][0]}\t{across['문화체육국'][1]}\t"
            f"{across['문화체육국'][1] - across['문화체육국'][0]}"]
    rows += [f"{unit}\t{a}\t{c}\t{c - a if c != a else '-'}" for unit, (a, c) in across.items() if unit != "문화체육국"]
    text = "\n".join(["2025년도 주요업무계획", "부산광역시 문화체육국", "", "□ 인 력", "(단위 : 명)",
                      "구 분\t정 원\t현 원\t과부족", *rows]) + "\n"
    down = extract_document("down", text, government_index(GOVERNMENT_SEED))
    assert {f["org_unit"]: (f["authorized"], f["current"]) for f in down.staffing} == across
    assert {f["statement"] for f in down.staffing if f["org_unit"] == "문화체육국"} == {"unit_page"}
    assert {f["source_line"] for f in down.staffing} == set(range(7, 7 + 14))


@pytest.mark.parametrize("caption, current_first", [("(정원 / 현원)", False), ("(현원/정원)", True)])
def test_staffing_cells_printing_both_counts_parted_by_a_slash(caption, current_first):
    """w01 p4's 정원 and 현원 rows printed as one row of ``정원 / 현원`` cells (or ``현원/정원``,
    as the caption says), columns aligned by spaces as pdftotext prints them: the same counts,
    ``- / -`` no post."""
    w01 = {grade: (a, c) for (unit, grade, statement), (a, c, _, _) in _staffing("w01_busan_gihoekjojeongsil_2025.pdf").items()
           if statement == "unit_page"}
    grades = ["total", "3급", "4급", "5급", "6급", "7급", "8급"]

    def cell(grade):
        a, c = w01[grade]
        first, second = (c, a) if current_first else (a, c)
        return "- / -" if a == c == 0 else f"{first} / {second}"

    def row(cells):
        return "".join(c.rjust(11) if i else c.ljust(10) for i, c in enumerate(cells))

    text = "\n".join(["2025년 주요업무계획", "기획조정실", "", "Ⅰ. 기본현황", f"□ 인 력 {caption}", "(단위 : 명)",
                      row(["구 분", "계", *grades[1:]]), row(["인 원", *map(cell, grades)])]) + "\n"
    found = extract_document("slash", text, government_index(GOVERNMENT_SEED)).staffing
    assert {f["grade"]: (f["authorized"], f["current"]) for f in found} == w01
    assert w01["6급"] == (70, 50) and {(f["org_unit"], f["source_line"]) for f in found} == {("기획조정실", 8)}


def test_every_grade_of_the_vocabulary_names_its_example():
    rows = list(csv.DictReader((SEEDS / "grades.csv").open(encoding="utf-8")))
    assert len(rows) == 22
    for row in rows:
        assert grade_of(row["example"]) == row["grade"], row
    assert [grade_of(h) for h in ("5급(사무관)", "6급 이하", "3 급 이 상", "연구·지도직", "소 계", "6급이상", "기타")] == [
        "5급", "6급이하", "3급이상", "연구·지도직", "total", None, None]
    # other governments' headers: 연구·지도 without its 직, the kinds of 임기제, 기능직 as it was called
    assert [grade_of(h) for h in ("연구·지도", "전문임기제", "일반임기제", "기능직", "정 무 직", "청원경찰")] == [
        "연구·지도직", "임기제", "임기제", "관리운영직", "정무직", None]


def test_grades_with_their_titles_and_grades_counted_together():
    """w01 p4's 정원 and 현원 rows with the grades printed as ``4급(서기관)``, ``5급(사무관)`` and the
    grades from 6급 down counted together (``6급 이하``: 70 + 45 + 3 posts, 50 + 61 + 8 people)."""
    w01 = {grade: (a, c) for (unit, grade, statement), (a, c, _, _) in _staffing("w01_busan_gihoekjojeongsil_2025.pdf").items()
           if statement == "unit_page"}
    below = tuple(sum(w01[g][i] for g in ("6급", "7급", "8급")) for i in (0, 1))
    text = "\n".join(["2025년 주요업무계획", "기획조정실", "", "□ 인 력", "(단위 : 명)",
                      "구 분\t계\t4급(서기관)\t5급(사무관)\t6급 이하",
                      "정 원\t{}\t{}\t{}\t{}".format(w01["total"][0], w01["4급"][0], w01["5급"][0], below[0]),
                      "현 원\t{}\t{}\t{}\t{}".format(w01["total"][1], w01["4급"][1], w01["5급"][1], below[1])]) + "\n"
    found = {f["grade"]: (f["authorized"], f["current"], f["grade_printed"])
             for f in extract_document("grades", text, government_index(GOVERNMENT_SEED)).staffing}
    assert found == {"total": (149, 149, "계"), "4급": (6, 6, "4급(서기관)"), "5급": (25, 24, "5급(사무관)"),
                     "6급이하": (118, 119, "6급 이하")}


def test_a_work_plans_pledge_table_yields_pledges():
    """The kind is a prior, not a gate: the seed pledge list (001) printed inside a work plan, under
    its chapter 민선8기 공약사항, gives the same 63 pledges, eight lines further down; the plan's
    own headline still gives its staffing."""
    seed = (REPO_ROOT / "raw" / "001_9e02e953ab21f8cc.txt").read_text(encoding="utf-8")
    alone = extract_document("list", seed, government_index(GOVERNMENT_SEED))
    plan = "2024년 주요업무계획\n기획예산과\n\nⅠ. 일반현황\n□ 인 원 : 정원 31명, 현원 29명\n\nⅡ. 민선8기 공약사항\n\n" + seed
    inside = extract_document("plan", plan, government_index(GOVERNMENT_SEED))
    assert (alone.classification["kind"], inside.classification["kind"]) == ("pledge_list", "work_plan")
    assert [(p["pledge_code"], p["title"], p["source_line"]) for p in inside.pledges] == [
        (p["pledge_code"], p["title"], p["source_line"] + 8) for p in alone.pledges]
    assert len(inside.pledges) == 63 and inside.pledges[0]["pledge_code"] == "지역개발-01"
    assert [(f["org_unit"], f["authorized"], f["current"]) for f in inside.staffing] == [("기획예산과", 31, 29)]


def test_every_org_unit_suffix_names_its_example_at_its_level():
    rows = list(csv.DictReader((SEEDS / "org_unit_suffixes.csv").open(encoding="utf-8")))
    assert len(rows) == 39
    for row in rows:
        if row["unit_level"] == "none":  # an ending that looks like a suffix and names no unit
            assert not is_unit_name(row["example"]), row
        else:
            assert is_unit_name(row["example"]) and unit_level(without_spaces(row["example"])) == row["unit_level"], row
    assert not is_unit_name("활동") and unit_level("예산담당관") == "department" and unit_level("문화체육국") == "bureau"
    # an ending that names no unit must end no unit's name: 환경과 ends in 경과 (progress), a
    # 수질검사실 in 사실 (a fact), so neither is listed as naming none
    assert all(map(is_unit_name, ("환경과", "수질검사실", "시립도서관", "외국인정책과", "전국체전기획단")))
    # a research institute's 부 are named for what they do (w07: 감염병연구부); 부 alone is no suffix
    assert [is_unit_name(name) for name in ("감염병연구부", "정부", "중앙정부", "내부")] == [True, False, False, False]


def test_a_table_ruled_inside_a_cell_is_a_table_after_the_row_that_holds_it_w02():
    """w02 p53: a list of 공모사업, each row's 사업내용 cell holding its budget by year and source
    as a ruled table of its own (pdftotext prints it inside the cell)."""
    path = WORKPLANS / "w02_busan_munhwacheyukguk_2025.pdf"
    page = read_document(path.read_bytes(), path.name).pages[52]
    assert [line.text for line in page[3:9]] == [
        "구 분\t총사업비\t‘23년 이전\t\t‘24년\t\t‘25년\t‘26년 이후",
        "\t\t예산\t집행\t예산\t집행\t\t",
        "계\t19,400\t-\t-\t400\t400\t6,000\t13,000",
        "국 비\t9,700\t-\t-\t200\t200\t3,000\t6,500",
        "시 비\t3,880\t-\t-\t80\t80\t1,200\t2,600",
        "기 타\t5,820\t-\t-\t120\t120\t1,800\t3,900"]
    holding, inner, next_row = page[2].table, page[3].table, page[9].table
    assert page[2].text.startswith("\tw 사 업 명 : 대한민국 문화도시 조성사업 w 공모기간 : 2023. 11월")
    assert "(단위: 백만원)" in page[2].text and "19,400" not in page[2].text
    assert next_row == holding and inner == holding + 1 and page[10].table == holding + 2
    assert {line.table for line in page[3:9]} == {inner}


def test_a_table_ruled_inside_a_row_of_labelled_fields_is_its_projects_w02():
    """The same table's cells: money by the unit its holding cell prints, each 예산 and 집행 column
    under its period's band. The table stands inside the row of the 공모 project whose cost field
    opens it (``w 사 업 명 : 대한민국 문화도시 조성사업 … w 총사업비 : □ 연도별 예산 및 집행 현황``):
    its amounts are that project's, the font's bullet (``w``) left out of the name. The annex's 47
    projects (pp. 53–70) leave no amount without its project; 545 had none before."""
    extraction = _extracted("w02_busan_munhwacheyukguk_2025.pdf")
    facts = [f for f in extraction.project_budgets if f["source_page"] == 53 and f["source_line"] == 6]
    assert {(f["period_label"], f["fiscal_year"], f["printed_value"], f["printed_unit"], f["amount_krw"])
            for f in facts} == {
        ("총사업비", None, "19,400", "백만원", 19_400_000_000), ("‘24년 예산", 2024, "400", "백만원", 400_000_000),
        ("‘24년 집행", 2024, "400", "백만원", 400_000_000), ("‘25년", 2025, "6,000", "백만원", 6_000_000_000),
        ("‘26년 이후", None, "13,000", "백만원", 13_000_000_000)}
    assert {(f["org_unit"], f["funding_group"], f["project_name"], f["link_method"], f["unattributed"])
            for f in facts} == {("문화체육국", "계", "대한민국 문화도시 조성사업", "same_row", None)}
    assert not [f for f in extraction.project_budgets if f["unattributed"]]
    annex = [p for p in extraction.projects if 53 <= p["source_page"] <= 70 and p["seq"] is None]
    assert len(annex) == 47 and (annex[1]["source_page"], annex[1]["source_line"], annex[1]["project_name"]) == (
        53, 10, "지역 한복문화 창작소 조성사업")
    # a band naming no one year is kept with the column (``’23년 이전 / 집행``), the year left null
    before = {(f["period_label"], f["fiscal_year"], f["amount_krw"]) for f in extraction.project_budgets
              if f["source_page"] == 53 and f["source_line"] == 13 and f["funding_group"] == "계"}
    assert ("‘23년 이전 집행", None, 576_000_000) in before


def _lines(name: str, page: int) -> list[str]:
    path = WORKPLANS / name
    return [line.text for line in read_document(path.read_bytes(), path.name).pages[page - 1]]


def test_a_header_cell_ruled_inside_anothers_box_w01_p6():
    """w01 p6's 예산총괄: under ``2024년``, ``당초예산``'s box runs over the 증감률 boxed beneath its
    right half. The outer cell printed both words (``당초예산 증감률``) and its amounts, taken for
    a change, were lost; each 증감률 is the change against the amount column it stands under."""
    assert _lines("w01_busan_gihoekjojeongsil_2025.pdf", 6)[4:6] == ["\t\t\t\t당초예산\t\t최종예산\t", "\t\t\t\t\t증감률\t\t증감률"]
    found = {(f["fiscal_year"], f["budget_basis"]): (f["amount_krw"], f["printed_change_pct"], f["source_span"])
             for f in _extracted("w01_busan_gihoekjojeongsil_2025.pdf").department_budgets
             if f["source_page"] == 6 and f["source_line"] == 7}
    assert found == {(2025, "당초"): (16_683_000_000_000, None, (4, 11)),
                     (2024, "당초"): (15_699_500_000_000, "6.3", (12, 19)),
                     (2024, "최종"): (17_252_700_000_000, "△3.3", (24, 31))}


def test_words_set_apart_by_moving_the_pen_are_words():
    """w07 p27's title and w03 p6's lines set their words apart without a space character: each gap
    wider than the gaps beside it is a space (``쾌적하고정온한생활환경…`` before parser 0.61.0, and the
    project's name with it). A label whose every syllable stands as far apart stays one word."""
    assert _lines("w07_busan_bogeonhwangyeongyeonguwon_2025.pdf", 27)[1] == "쾌적하고 정온한 생활환경 조성을 위한 악취·소음 조사"
    assert _lines("w03_busan_gamsawiwonhoe_2025.pdf", 6)[7] == "○ (감사위원회 운영) 11회 개최, 30건 심의 의결▹징계요구 등20, 재심의2, 공적심사8"
    assert _lines("w05_busan_gihoekgwan_2025.pdf", 19)[13] == (
        "○ (지시사항 관리) 시장 지시사항 신속 전파 및 효율적 시스템 관리로 정책 실행력 강화")
    names = {f["project_name"] for f in _extracted("w07_busan_bogeonhwangyeongyeonguwon_2025.pdf").project_budgets
             if f["source_page"] == 27}
    assert names == {"쾌적하고 정온한 생활환경 조성을 위한 악취·소음 조사"}


def test_tables_open_at_their_sides_keep_their_first_and_last_columns_w05():
    """w05 p5 draws its tables without left and right rules: the 구분 labels and the last unit's
    column have no box of their own, and were lost."""
    lines = _lines("w05_busan_gihoekgwan_2025.pdf", 5)
    assert lines[13:16] == ["정 원\t120\t32\t28\t11\t23\t21\t5", "현 원\t126\t32\t28\t13\t24\t24\t5",
                            "과부족\t6\t-\t-\t2\t1\t3\t-"]
    assert lines[19:21] == ["세 입\t2,867\t105\t-\t2,551\t3\t8\t200",
                            "세 출\t33,257\t14,472\t573\t5,953\t1,784\t10,175\t300"]


def test_text_inside_a_tables_box_but_in_no_cell_is_kept_w07_w08():
    """A heading boxed beside its number (w07 p6 '정   원 ▷ 153명'), a label column the table finder
    gave no cells (w07 p7), a diagram's words between its boxes (w08 p14): all were dropped."""
    w07 = _lines("w07_busan_bogeonhwangyeongyeonguwon_2025.pdf", 6)
    assert w07[15] == "정   원 ▷ 153명(연구직 131, 일반직 22)"
    assert _lines("w07_busan_bogeonhwangyeongyeonguwon_2025.pdf", 7)[5].startswith("감 염 병\t39점 (핵산추출기")
    assert "감정평가(어업피해" in _lines("w08_busan_singonghang-chujinbonbu_2025.pdf", 14)


def test_a_unit_on_its_cover_in_brackets_and_its_tables_by_unit_w05():
    """w05's cover prints '(기   획   관)'; the 합계 column of its staffing table and the
    '합 계 (일반회계)' column of its budget are that unit's."""
    extraction = _extracted("w05_busan_gihoekgwan_2025.pdf")
    staffing = {(f["org_unit"], f["grade"]): (f["authorized"], f["current"], f["source_line"]) for f in extraction.staffing}
    assert staffing[("기획관", "total")] == (120, 126, 14)
    assert staffing[("인구정책담당관", "total")] == (11, 13, 14)
    budgets = {f["org_unit"]: (f["fiscal_year"], f["amount_krw"], f["source_line"]) for f in extraction.department_budgets}
    assert budgets["기획관"] == (2025, 33_257_000_000, 21)
    assert budgets["부울경초광역경제동맹추진단"] == (2025, 300_000_000, 21)
    revenue = {f["org_unit"]: f["amount_krw"] for f in extraction.revenue}
    assert revenue["기획관"] == 2_867_000_000 and "합계(일반회계)" not in revenue


def test_budgets_of_units_down_the_side_beside_revenue_and_expenditure_columns():
    """w05 p5's budget (units across, 세입 and 세출 rows) turned round: units down the side,
    ``구분 | 세 입 | 세 출`` across, a 합 계 row for the 기획관, under a headline with no word before
    its sides. The caption names no year: the plan's. ``-`` (no revenue) is no fact."""
    extraction = _extracted("w05_busan_gihoekgwan_2025.pdf")
    spent = {f["org_unit"]: f["printed_value"] for f in extraction.department_budgets if f["source_page"] == 5}
    earned = {f["org_unit"]: f["printed_value"] for f in extraction.revenue if f["source_page"] == 5}
    assert len(spent) == 7 and len(earned) == 6
    rows = "".join(f"{'합 계' if unit == '기획관' else unit}\t{earned.get(unit, '-')}\t{spent[unit]}\n" for unit in spent)
    text = ("2025년도\n주요업무계획\n기획관\n\nⅠ. 기본현황\n□ 세입 29억원, 세출 333억원\n(단위 : 백만원)\n"
            "구 분\t세 입\t세 출\n" + rows)
    turned = extract_document("t", text, government_index(GOVERNMENT_SEED))
    assert {f["org_unit"]: (f["printed_value"], f["fiscal_year"]) for f in turned.department_budgets
            if f["table_index"]} == {unit: (value, 2025) for unit, value in spent.items()}
    assert {f["org_unit"]: (f["printed_value"], f["fiscal_year"]) for f in turned.revenue
            if f["statement_form"] == "table"} == {unit: (value, 2025) for unit, value in earned.items()}
    table = {f["org_unit"]: (f["amount_krw"], f["source_line"]) for f in turned.department_budgets if f["table_index"]}
    assert table["기획관"] == (33_257_000_000, 9) and table["조직담당관"] == (573_000_000, 11)
    headline = [(f["org_unit"], f["printed_value"], f["amount_krw"], f["source_line"]) for f in turned.department_budgets
                if not f["table_index"]]
    assert headline == [("기획관", "333억원", 33_300_000_000, 6)]
    assert [(f["printed_value"], f["amount_krw"]) for f in turned.revenue if f["statement_form"] == "text"] == [
        ("29억원", 2_900_000_000)]


def test_a_budget_headline_names_its_own_year():
    text = "2025년도\n주요업무계획\n기획관\n\n□ ’26년도 예산 : 세입 30억원, 세출 340억원\n□ 세출 340억원\n"
    extraction = extract_document("t", text, government_index(GOVERNMENT_SEED))
    assert [(f["fiscal_year"], f["amount_krw"], f["source_line"]) for f in extraction.department_budgets] == [
        (2026, 34_000_000_000, 5)]
    assert [(f["fiscal_year"], f["amount_krw"]) for f in extraction.revenue] == [(2026, 3_000_000_000)]
    # the account in brackets after the word, and 예산규모 for 예산
    text = "2025년도\n주요업무계획\n관광정책과\n\n□ 예   산(일반회계) : 세입 29억원, 세출 333억원\n□ 2024년 예산규모 : 세출 300억원\n"
    extraction = extract_document("t", text, government_index(GOVERNMENT_SEED))
    assert [(f["fiscal_year"], f["account"], f["amount_krw"], f["source_line"]) for f in extraction.department_budgets] == [
        (2025, "일반회계", 33_300_000_000, 5), (2024, None, 30_000_000_000, 6)]


def test_w07s_budget_and_staffing_turned_into_other_common_shapes():
    """w07 p6's budget by category (categories across, one row) printed down the side under a
    column that names no year (``예산액``: the plan's), and its 부 staffed under a header of two
    levels, each grade its own 정원 and 현원 columns. The 구성비 column stays cells."""
    extraction = _extracted("w07_busan_bogeonhwangyeongyeonguwon_2025.pdf")
    spent = {f["category"]: f["printed_value"].split("(")[0] for f in extraction.department_budgets
             if f["source_page"] == 6 and f["table_index"]}
    assert spent == {"total": "20,403", "정책사업비": "6,881", "행정운영경비": "13,522"}
    text = ("2025년도\n주요업무계획\n보건환경연구원\n\n□ 예산현황\n(단위 : 백만원)\n구 분\t예산액\t구성비(%)\n"
            f"계\t{spent['total']}\t100\n사업비\t{spent['정책사업비']}\t33.7\n행정운영경비\t{spent['행정운영경비']}\t66.3\n\n"
            "□ 인력현황\n(단위 : 명)\n구 분\t계\t계\t4급\t4급\t5급\t5급\t6급이하\t6급이하\n"
            "\t정원\t현원\t정원\t현원\t정원\t현원\t정원\t현원\n"
            "감염병연구부\t30\t28\t1\t1\t4\t4\t25\t23\n식약품연구부\t20\t21\t1\t1\t3\t3\t16\t17\n")
    turned = extract_document("t", text, government_index(GOVERNMENT_SEED))
    assert {f["category"]: (f["org_unit"], f["fiscal_year"], f["printed_value"], f["source_line"])
            for f in turned.department_budgets} == {
        "total": ("보건환경연구원", 2025, "20,403", 8), "정책사업비": ("보건환경연구원", 2025, "6,881", 9),
        "행정운영경비": ("보건환경연구원", 2025, "13,522", 10)}
    assert {(f["org_unit"], f["grade"]): (f["authorized"], f["current"], f["grade_printed"], f["source_line"])
            for f in turned.staffing} == {
        ("감염병연구부", "total"): (30, 28, "감염병연구부", 16), ("감염병연구부", "4급"): (1, 1, "4급", 16),
        ("감염병연구부", "5급"): (4, 4, "5급", 16), ("감염병연구부", "6급이하"): (25, 23, "6급이하", 16),
        ("식약품연구부", "total"): (20, 21, "식약품연구부", 17), ("식약품연구부", "4급"): (1, 1, "4급", 17),
        ("식약품연구부", "5급"): (3, 3, "5급", 17), ("식약품연구부", "6급이하"): (16, 17, "6급이하", 17)}


BUDGET_HEADER_WORDS = list(csv.DictReader((SEEDS / "budget_header_words.csv").open(encoding="utf-8")))


@pytest.mark.parametrize("word", [row["word"] for row in BUDGET_HEADER_WORDS if row["meaning"] == "amount"])
def test_every_word_for_a_column_of_amounts_heads_one(word):
    """w07 p6's budget turned down the side (above), its column headed by each word of
    budget_header_words.csv for the amounts, spaced out as filings print it: the plan's year."""
    text = ("2025년도\n주요업무계획\n보건환경연구원\n\n□ 예산현황\n(단위 : 백만원)\n"
            f"구 분\t{' '.join(word)}\t구성비(%)\n계\t20,403\t100\n사업비\t6,881\t33.7\n행정운영경비\t13,522\t66.3\n")
    assert {f["category"]: (f["fiscal_year"], f["amount_krw"], f["source_line"])
            for f in extract_document("t", text, government_index(GOVERNMENT_SEED)).department_budgets} == {
        "total": (2025, 20_403_000_000, 8), "정책사업비": (2025, 6_881_000_000, 9), "행정운영경비": (2025, 13_522_000_000, 10)}


def test_every_word_of_a_budget_header_is_one_meaning():
    assert {row["meaning"] for row in BUDGET_HEADER_WORDS} == {"amount", "change", "change_pct"}
    assert len({row["word"] for row in BUDGET_HEADER_WORDS}) == len(BUDGET_HEADER_WORDS)


def test_w07s_budget_by_category_under_a_caption_of_its_budget_and_its_staff_after_a_colon():
    """w07 p6's 세출 by category (계 | 사업비 | 행정운영경비) under the caption most plans print,
    '□ 예산현황' (예산, no 세출: what a unit spends), and its totals as '□ 정 원 : 153명(현원 145명)'.
    A caption that says 세입 is a revenue table's, not this."""
    w07 = _extracted("w07_busan_bogeonhwangyeongyeonguwon_2025.pdf")
    spent = {f["category"]: f["printed_value"].split("(")[0] for f in w07.department_budgets
             if f["source_page"] == 6 and f["table_index"]}
    staff = next((f["authorized"], f["current"]) for f in w07.staffing if f["grade"] == "total" and f["statement"] == "unit_page")
    cover = "2025년도\n주요업무계획\n보건환경연구원\n\n"
    table = (f"(단위 : 백만원)\n구 분\t계\t사업비\t행정운영경비\n합 계\t{spent['total']}\t{spent['정책사업비']}\t"
             f"{spent['행정운영경비']}\n")
    extraction = extract_document("t", cover + "□ 예산현황\n" + table + f"□ 정 원 : {staff[0]}명(현원 {staff[1]}명)\n",
                                  government_index(GOVERNMENT_SEED))
    assert {f["category"]: (f["org_unit"], f["fiscal_year"], f["amount_krw"]) for f in extraction.department_budgets} == {
        "total": ("보건환경연구원", 2025, 20_403_000_000), "정책사업비": ("보건환경연구원", 2025, 6_881_000_000),
        "행정운영경비": ("보건환경연구원", 2025, 13_522_000_000)}
    assert [(f["authorized"], f["current"], f["statement"], f["source_line"]) for f in extraction.staffing] == [
        (153, 145, "headline", 9)]
    revenue_caption = extract_document("t", cover + "□ 세입예산\n" + table, government_index(GOVERNMENT_SEED))
    assert revenue_caption.department_budgets == []


def test_budgets_of_units_by_year_without_a_basis_w08():
    """w08 p5: 2025년 | 2024년 | 증 감 | 증감률 by unit; the 계 row is the 본부's."""
    budgets = {(f["org_unit"], f["fiscal_year"]): (f["amount_krw"], f["budget_basis"], f["printed_change"],
                                                   f["printed_change_pct"], f["source_line"])
               for f in _extracted("w08_busan_singonghang-chujinbonbu_2025.pdf").department_budgets}
    assert budgets[("신공항추진본부", 2025)] == (3_652_000_000, None, "△773", "△17.5%", 25)
    assert budgets[("공항기획과", 2024)] == (2_286_000_000, None, "987", "43.2%", 26)
    assert len(budgets) == 8


def test_w08s_budgets_by_year_under_other_common_headers():
    """w08 p5's table (2025년 | 2024년 | 증 감 | 증감률) headed the other common way, ``2025년 예산(A) |
    2024년 예산(B) | 증감(A-B) | 증감률(%)``, and as a 세입 and 세출 pair under each year's band
    (``2025년 / 세입 | 2025년 / 세출 | 2024년 / …``), units down the side."""
    facts = [f for f in _extracted("w08_busan_singonghang-chujinbonbu_2025.pdf").department_budgets if f["table_index"]]
    by_unit: dict[str, dict] = {}
    for f in facts:
        by_unit.setdefault(f["org_unit_printed"], {})[f["fiscal_year"]] = f["printed_value"]
        by_unit[f["org_unit_printed"]]["change"] = (f["printed_change"], f["printed_change_pct"].rstrip("%"))
    assert len(by_unit) == 4
    rows = "".join(f"{label}\t{v[2025]}\t{v[2024]}\t{v['change'][0]}\t{v['change'][1]}\n" for label, v in by_unit.items())
    cover = "2025년도\n주요업무계획\n신공항추진본부\n\n"
    headed = extract_document("t", cover + "□ 예산\n(단위 : 백만원)\n구 분\t2025년 예산(A)\t2024년 예산(B)\t증감(A-B)\t증감률(%)\n"
                              + rows, government_index(GOVERNMENT_SEED)).department_budgets
    expected = {(f["org_unit"], f["fiscal_year"]): (f["amount_krw"], f["printed_change"], f["printed_change_pct"].rstrip("%"))
                for f in facts}
    assert {(f["org_unit"], f["fiscal_year"]): (f["amount_krw"], f["printed_change"], f["printed_change_pct"])
            for f in headed} == expected
    banded = "".join(f"{label}\t-\t{v[2025]}\t-\t{v[2024]}\n" for label, v in by_unit.items())
    sides = extract_document("t", cover + "□ 세입·세출\n(단위 : 백만원)\n구 분\t2025년\t2025년\t2024년\t2024년\n"
                             "\t세입\t세출\t세입\t세출\n" + banded, government_index(GOVERNMENT_SEED)).department_budgets
    assert {(f["org_unit"], f["fiscal_year"]): f["amount_krw"] for f in sides} == {k: v[0] for k, v in expected.items()}


def test_a_units_budget_by_category_and_revenue_by_item_in_one_row_w07():
    """w07 p6: 세입예산 (계 | 세외수입 | 국고보조금 등) and 세출예산 (계 | 사업비 | 행정운영경비), one row of
    amounts each printed with its share; the year is the plan's."""
    extraction = _extracted("w07_busan_bogeonhwangyeongyeonguwon_2025.pdf")
    budgets = {f["category"]: (f["org_unit"], f["fiscal_year"], f["amount_krw"], f["printed_value"], f["source_line"])
               for f in extraction.department_budgets if f["source_page"] == 6 and f["table_index"]}
    assert budgets == {"total": ("보건환경연구원", 2025, 20_403_000_000, "20,403", 34),
                       "정책사업비": ("보건환경연구원", 2025, 6_881_000_000, "6,881(33.7%)", 34),
                       "행정운영경비": ("보건환경연구원", 2025, 13_522_000_000, "13,522(66.3%)", 34)}
    revenue = {f["revenue_item"]: (f["org_unit"], f["measure"], f["amount_krw"], f["rate_pct"], f["source_line"])
               for f in extraction.revenue if f["source_page"] == 6 and f["statement_form"] == "table"}
    assert revenue == {"total": ("보건환경연구원", "budget", 1_151_000_000, None, 30),
                       "세외수입": ("보건환경연구원", "budget", 213_000_000, "18.5", 30),
                       "국고보조금": ("보건환경연구원", "budget", 938_000_000, "81.5", 30)}


def test_the_whole_governments_budget_by_account_w01():
    """w01 p5 '예 산 (시 전체)' and p6 '예산총괄': rows of accounts, no unit's (unattributed =
    whole_government); the funds under an account (상수도사업) name no account and stay cells."""
    facts = [f for f in _extracted("w01_busan_gihoekjojeongsil_2025.pdf").department_budgets if f["account"]]
    p5 = {(f["account"], f["fiscal_year"], f["budget_basis"]): (f["amount_krw"], f["source_line"])
          for f in facts if f["source_page"] == 5}
    assert p5[("total", 2025, "당초")] == (16_683_000_000_000, 7)
    assert p5[("일반회계", 2024, "최종")] == (13_787_100_000_000, 8)
    assert p5[("공기업특별회계", 2025, "당초")] == (871_800_000_000, 10)
    assert p5[("기타특별회계", 2024, "당초")] == (2_330_200_000_000, 11)
    assert len(p5) == 15
    assert {(f["org_unit"], f["unattributed"], f["category"]) for f in facts} == {(None, "whole_government", "total")}
    p6 = {(f["account"], f["source_line"]) for f in facts if f["source_page"] == 6 and f["table_index"]}
    assert p6 == {("total", 7), ("일반회계", 8), ("특별회계", 9), ("공기업특별회계", 10), ("기타특별회계", 13)}


def test_the_whole_governments_budget_stated_over_its_accounts_w01():
    """w01 p6 '예산총괄 : 16조 6,830억원' over '○ 일반회계 13조 3,198억원(79.8%), 특별회계 3조 3,632억원(20.2%)':
    the whole government's total, and below it the accounts that add up to it, each with its share."""
    stated = [(f["source_line"], f["account"], f["printed_value"], f["amount_krw"], f["unattributed"], f["fiscal_year"])
              for f in _extracted("w01_busan_gihoekjojeongsil_2025.pdf").department_budgets
              if f["source_page"] == 6 and not f["table_index"]]
    assert stated == [(1, "total", "16조 6,830억원", 16_683_000_000_000, "whole_government", 2025),
                      (2, "일반회계", "13조 3,198억원(79.8%)", 13_319_800_000_000, "whole_government", 2025),
                      (2, "특별회계", "3조 3,632억원(20.2%)", 3_363_200_000_000, "whole_government", 2025)]


def test_a_units_budget_shared_out_among_its_accounts():
    """A derived 구 plan: '예 산 : 1,234백만원(일반회계 1,000, 특별회계 234)' is the unit's budget by
    account when the accounts add up to it; a total alone, or parts that do not add up, is not read."""
    cover = "2025년도\n주요업무계획\n재무과\n\n"
    budgets = lambda line: [(f["org_unit"], f["account"], f["printed_value"], f["amount_krw"]) for f in extract_document(
        "t", cover + line, government_index(GOVERNMENT_SEED)).department_budgets]
    assert budgets("□ 예   산 : 1,234백만원(일반회계 1,000, 특별회계 234)\n") == [
        ("재무과", None, "1,234백만원", 1_234_000_000), ("재무과", "일반회계", "1,000", 1_000_000_000),
        ("재무과", "특별회계", "234", 234_000_000)]
    assert budgets("□ 예   산 : 1,234백만원(일반회계 1,000, 특별회계 200)\n") == []
    assert budgets("□ 예   산 : 1,234백만원\n- 일반회계 1,000백만원, 특별회계 234백만원\n") == []
    assert budgets("□ 예산총괄 : 1,234백만원\n- 일반회계 1,000백만원, 특별회계 200백만원\n") == [
        (None, "total", "1,234백만원", 1_234_000_000)]


def test_a_final_budget_with_its_original_and_supplements_w01():
    """w01 p11, under '□ 2024년도 재정건전화 … 효율적 재정운용': '○ 예산규모 : 17조 2,527억원(본예산
    15조 6,995억원, 추경 1조 5,532억원)'. The parts add up: 2024's final budget, its original and its
    supplement, of the heading's year. Whose it is the line does not say (it is the city's, under
    기획조정실's section), so no unit takes it."""
    stated = [(f["source_line"], f["budget_basis"], f["printed_value"], f["amount_krw"], f["fiscal_year"], f["org_unit"],
               f["unattributed"])
              for f in _extracted("w01_busan_gihoekjojeongsil_2025.pdf").department_budgets if f["source_page"] == 11]
    assert stated == [(5, "최종", "17조 2,527억원", 17_252_700_000_000, 2024, None, "owner_not_stated"),
                      (5, "당초", "15조 6,995억원", 15_699_500_000_000, 2024, None, "owner_not_stated"),
                      (5, "추경", "1조 5,532억원", 1_553_200_000_000, 2024, None, "owner_not_stated")]


def test_a_final_budget_with_its_parts_in_another_governments_plan():
    """A derived 구 plan: the year on the line itself, parts in the total's unit (1회 추경); parts that
    do not add up, a part naming no basis, or no year on the line or a heading above it: not read."""
    cover = "2025년도\n주요업무계획\n재무과\n\n"
    budgets = lambda text: [(f["budget_basis"], f["printed_value"], f["amount_krw"], f["fiscal_year"], f["org_unit"])
                            for f in extract_document("t", cover + text, government_index(GOVERNMENT_SEED)).department_budgets]
    assert budgets("□ 재정 운용\n○ 2023년 예산규모 : 8,512억원(본예산 7,900, 1회 추경 612)\n") == [
        ("최종", "8,512억원", 851_200_000_000, 2023, None), ("당초", "7,900", 790_000_000_000, 2023, None),
        ("추경", "612", 61_200_000_000, 2023, None)]
    assert budgets("□ 2023년 재정 운용\n○ 예산규모 : 8,512억원(본예산 7,900억원, 추경 600억원)\n") == []
    assert budgets("□ 2023년 재정 운용\n○ 예산규모 : 8,512억원(본예산 7,900억원, 기금 612억원)\n") == []
    assert budgets("□ 재정 운용\n○ 예산규모 : 8,512억원(본예산 7,900억원, 추경 612억원)\n") == []


def test_every_budget_account_of_the_vocabulary_names_its_example():
    from orchestration.extract.budgets import account_of
    accounts = list(csv.DictReader((SEEDS / "budget_accounts.csv").open(encoding="utf-8")))
    assert [row["account"] for row in accounts] == ["total", "일반회계", "특별회계", "공기업특별회계", "기타특별회계", "기금"]
    for row in accounts:
        assert account_of(row["example"]) == row["account"], row
    assert account_of("상 수 도 사 업") is None and account_of("공기업 특별회계") == "공기업특별회계"


def test_a_headline_with_a_slash_between_its_counts_w03():
    """w03 p5 '□ 인   력 : 정원 76 / 현원 75', 명 left out. Its cover names no unit but the committee
    it is reported to (행정문화위원회, above the title); the 감사위원회 heads its org chart, the line
    below '□ 조    직 : 1위원회 2담당관 9팀', and the plan is that unit's."""
    w03 = _extracted("w03_busan_gamsawiwonhoe_2025.pdf")
    [headline] = [f for f in w03.staffing if f["statement"] == "headline"]
    assert (headline["authorized"], headline["current"], headline["source_page"], headline["source_line"]) == (76, 75, 5, 10)
    assert (headline["printed_value"], headline["org_unit"], headline["unattributed"]) == ("정원 76 / 현원 75", "감사위원회", None)
    assert w03.classification["tokens_unattributed"] == 0
    assert [(f["seq"], f["project_name"], f["org_unit"], f["source_page"]) for f in w03.projects][:2] == [
        (1, "수준 높은 감사 시행과 적극행정 활성화", "감사위원회", 9),
        (2, "공직기강 확립으로 시정 신뢰도를 제고하고 소극행정 엄단", "감사위원회", 13)]


def test_each_units_counts_banded_across_the_header_w03():
    """w03 p5: ``총 계 | 감사담당관 | 청렴담당관``, each band over ``정 원 | 현 원``, one row of counts,
    under '□ 인   력 : …' (a box's line is a headline, not the table's header): the 총계 band is the
    plan's unit's, the others their own."""
    facts = {f["org_unit"]: (f["statement"], f["authorized"], f["current"], f["source_page"], f["source_line"])
             for f in _extracted("w03_busan_gamsawiwonhoe_2025.pdf").staffing if f["statement"] != "headline"}
    assert facts == {"감사위원회": ("unit_page", 76, 75, 5, 13), "감사담당관": ("summary_table", 43, 41, 5, 13),
                     "청렴담당관": ("summary_table", 33, 34, 5, 13)}


def test_units_banded_across_a_tab_table_with_a_total_row():
    """The w03 shape typed with tabs, a 구분 column and its row labelled 계, other units and counts."""
    text = ("2026년도\n주요업무계획\n시민안전실\n\n□ 인   력 : 정원 52 / 현원 50\n"
            "구 분\t합 계\t\t안전정책과\t\t재난대응과\t\n\t정 원\t현 원\t정 원\t현 원\t정 원\t현 원\n"
            "계\t52\t50\t30\t28\t22\t22\n")
    facts = {f["org_unit"]: (f["statement"], f["authorized"], f["current"], f["source_line"])
             for f in extract_document("t", text, government_index(GOVERNMENT_SEED)).staffing if f["statement"] != "headline"}
    assert facts == {"시민안전실": ("unit_page", 52, 50, 8), "안전정책과": ("summary_table", 30, 28, 8),
                     "재난대응과": ("summary_table", 22, 22, 8)}


@pytest.mark.parametrize("caption", ["□ 조    직 : 1위원회 2담당관 9팀", "1. 기구현황", "ㅇ 조직도"])
def test_a_plan_whose_cover_names_no_unit_is_its_org_charts_first_box(caption):
    contents = "".join(f"{numeral}. {title} ······ {page}\n" for numeral, title, page in (
        ("Ⅰ", "일반현황", 1), ("Ⅱ", "2025년 주요성과", 2), ("Ⅲ", "정책환경 진단", 3), ("Ⅳ", "정책목표", 4),
        ("Ⅴ", "2026년도 업무계획", 5), ("Ⅵ", "주요 현안", 15), ("Ⅶ", "참고자료", 18)))
    text = (f"2026. 2. 5.\n기획행정위원회\n2026년도 주요 업무계획\n보고순서\n{contents}\nⅠ. 일반현황\n"
            f"{caption}\n시 민 안 전 실\n안전정책과   재난대응과\n□ 인   력 : 정원 52 / 현원 50\n")
    [headline] = extract_document("t", text, government_index(GOVERNMENT_SEED)).staffing
    assert (headline["org_unit"], headline["authorized"], headline["current"], headline["source_line"]) == ("시민안전실", 52, 50, 17)
    # a chart opening with no unit's name, or units listed one to a line, leaves the plan's unit unknown
    for other in (text.replace("시 민 안 전 실\n", "안전정책과   재난대응과\n"),
                  text.replace("안전정책과   재난대응과\n", "안전정책과\n재난대응과\n")):
        [kept] = extract_document("u", other, government_index(GOVERNMENT_SEED)).staffing
        assert (kept["org_unit"], kept["unattributed"]) == (None, "no_unit_section")


def test_budget_headlines_w07_w03():
    """A unit's budget in one line: w07 p6 '예산현황 ▷ 세입 11.5억원, 세출 204억원' (세입 is revenue,
    세출 the expenditure budget, of the plan's year); w03 p5 '□ 예   산 : 925백만원(감사담당관 506,
    청렴담당관 419)', the total and each unit's share in the total's unit. A total alone, with no
    units in brackets (a project's '예산 : 30억원'), is none."""
    w07 = _extracted("w07_busan_bogeonhwangyeongyeonguwon_2025.pdf")
    [spent] = [f for f in w07.department_budgets if f["table_index"] == 0]
    assert (spent["org_unit"], spent["fiscal_year"], spent["amount_krw"], spent["source_page"], spent["source_line"]) == (
        "보건환경연구원", 2025, 20_400_000_000, 6, 26)
    [received] = [f for f in w07.revenue if f["statement_form"] == "text" and f["source_page"] == 6]
    assert (received["org_unit"], received["measure"], received["amount_krw"], received["printed_value"]) == (
        "보건환경연구원", "budget", 1_150_000_000, "11.5억원")
    w03 = {f["column_printed"]: (f["org_unit"], f["amount_krw"], f["source_line"])
           for f in _extracted("w03_busan_gamsawiwonhoe_2025.pdf").department_budgets if f["table_index"] == 0}
    assert w03 == {"예산": ("감사위원회", 925_000_000, 14), "감사담당관": ("감사담당관", 506_000_000, 14),
                   "청렴담당관": ("청렴담당관", 419_000_000, 14)}
    from orchestration.extract.budgets import budget_headlines
    assert budget_headlines("○ 예산 : 30억원") == [] and budget_headlines("□ 예산 : 1,200백만원(국비 600, 시비 600)") == []


def test_dates_with_every_year_mark_and_a_month_and_day_are_dates():
    """w08's 용역 lines print ’23.12.20.～’24.12.19. and (4.18.), 5.27.~5.31.: dates, not numbers
    nobody understood; a rate or an amount beside them is still what it was."""
    from orchestration.extract.accounting import account_numbers
    lines = ["- (용역기간) ’23.12.20.～’24.12.19.", "◾ (추진상황) 착수보고회(4.18.), 해외사례 조사(5.27.~5.31.)",
             "◾ (기간 / 용역비) '24.4.17. ~ '25.3.17.(11개월) / 184백만원", "ㅇ 공사기간 : 7년(ˊ25.~ˊ32.)", "증가율 3.5%"]
    fates = [(f.token.line, f.token.text, f.reason) for f in account_numbers(lines, [], [], [])]
    assert [(line, text) for line, text, reason in fates if reason != "date"] == [(3, "11"), (3, "184"), (5, "3.5")]
    assert sum(1 for *_, reason in fates if reason == "date") == 21
    w08 = _extracted("w08_busan_singonghang-chujinbonbu_2025.pdf").classification
    # p14 counts land in 필지; a date's digits do not make a sentence a row of figures (25 before);
    # the costs under its ``1-1`` headings are projects' since parser 0.59.0 (18 before), and a
    # cost's parts naming what they pay for since parser 0.60.0 (14 before)
    assert (w08["number_tokens"], w08["tokens_not_understood"]) == (657, 11)


def test_projects_under_headings_numbered_within_their_chapter_w08():
    """w08 numbers its tasks within each chapter, ``1-1   가덕도신공항 건설 신속 추진`` under ``1.
    가덕도신공항 건설``, the number set apart from the title as a badge is: each a project, its
    section's cost line its cost (since parser 0.59.0; the costs were numbers nobody understood)."""
    extraction = _extracted("w08_busan_singonghang-chujinbonbu_2025.pdf")
    projects = {f["project_name"]: (f["source_page"], f["source_line"], f["seq"]) for f in extraction.projects}
    assert projects["가덕도신공항 건설 신속 추진"] == (12, 3, None)
    assert projects["가덕도 공항복합도시 개발 추진"] == (16, 1, None)
    costs = [(f["source_page"], f["source_line"], f["project_name"], f["fiscal_year"], f["printed_value"], f["amount_krw"])
             for f in extraction.project_budgets if f["source_page"] in (12, 16)]
    assert (12, 10, "가덕도신공항 건설 신속 추진", None, "15.4조원", 15_400_000_000_000) in costs
    # its bracket shares the cost out among what it pays for, adding up to it (since parser 0.60.0)
    parts = [(f["item"], f["funding_group"], f["printed_value"], f["amount_krw"], f["source_span"])
             for f in extraction.project_budgets if (f["source_page"], f["source_line"]) == (12, 10) and f["item"]]
    assert parts == [("공항", "계", "13.5조", 13_500_000_000_000, (20, 25)), ("도로", "계", "0.6조", 600_000_000_000, (30, 34)),
                     ("철도", "계", "1.3조", 1_300_000_000_000, (39, 43))]
    assert [c for c in costs if c[0] == 16] == [
        (16, 9, "가덕도 공항복합도시 개발 추진", None, "30억원", 3_000_000_000),
        (16, 9, "가덕도 공항복합도시 개발 추진", 2023, "10억원", 1_000_000_000),
        (16, 9, "가덕도 공항복합도시 개발 추진", 2024, "20억원", 2_000_000_000)]


@pytest.mark.parametrize("year", ["2025년", "’25년"])
def test_a_sentence_is_prose_whichever_way_it_prints_its_year(year):
    """w01 p13 '* ’25년 이자수입 81억원 확보 예상': the year's four digits or two, the 81 is in a sentence."""
    from orchestration.extract.accounting import account_numbers
    fates = [(f.token.text, f.reason) for f in account_numbers([f"* {year} 이자수입 81억원 확보 예상"], [], [], [])]
    assert ("81", "narrative") in fates


_SIDES_PLAN = ("2025년도\n주요업무계획\n체육시설관리사업소\n\n□ 예 산\n"
               "ㅇ (세입) 1,530백만원(세외수입 1,200, 보조금 330)\n"
               "ㅇ (세출) 9,800백만원(정책사업 6,500, 행정운영경비 3,300)\n"
               "○ 세출 : 500백만원(정책사업 400, 홍보비 100)\n"
               "○ 세입 : 700백만원(세외수입 300, 보조금 300)\n"
               "세    출 : 16조 6,830억원\n"
               "ㅇ 특별회계 : 세입 12억원, 세출 40억원\n"
               "ㅇ 추진기간 : 세입 1억원, 세출 2억원\n")


def test_one_side_of_a_budget_with_the_parts_it_adds_up_from():
    """A side named in brackets or before a colon, its total and its parts in brackets: 세출 parts
    are categories, 세입 parts revenue items, each in the total's unit. Read only where every part
    names one of the vocabulary and together they are the total (a part that is no category, parts
    that fall short, a side's total alone — as often the whole government's — are none); a
    headline may name the account its sides are of, and nothing else."""
    extraction = extract_document("t", _SIDES_PLAN, government_index(GOVERNMENT_SEED))
    assert [(f["org_unit"], f["category"], f["printed_value"], f["amount_krw"], f["source_line"], f["account"])
            for f in extraction.department_budgets] == [
        ("체육시설관리사업소", "total", "9,800백만원", 9_800_000_000, 7, None),
        ("체육시설관리사업소", "정책사업비", "6,500", 6_500_000_000, 7, None),
        ("체육시설관리사업소", "행정운영경비", "3,300", 3_300_000_000, 7, None),
        ("체육시설관리사업소", "total", "40억원", 4_000_000_000, 11, "특별회계")]
    assert [(f["org_unit"], f["revenue_item"], f["printed_value"], f["amount_krw"], f["source_line"])
            for f in extraction.revenue] == [
        ("체육시설관리사업소", "total", "1,530백만원", 1_530_000_000, 6),
        ("체육시설관리사업소", "세외수입", "1,200", 1_200_000_000, 6),
        ("체육시설관리사업소", "보조금", "330", 330_000_000, 6),
        ("체육시설관리사업소", "total", "12억원", 1_200_000_000, 11)]


def test_rows_labelled_by_year_under_a_caption_naming_one_side():
    """``구 분 | 계 | <units>`` over rows labelled by a year, under a caption whose nearest line on
    the budget names 세입 or 세출 alone: each unit's revenue or expenditure budget of the row's year
    (the 계 column the unit whose section holds the table). Under a caption naming both sides the
    rows are no side's."""
    table = "(단위 : 백만원)\n구 분\t계\t체육진흥과\t체육시설과\n2024년\t9,100\t5,000\t4,100\n2025년\t9,800\t5,500\t4,300\n"
    head = "2025년도\n주요업무계획\n체육시설관리사업소\n\n□ 예 산\n"
    spent = extract_document("t", head + "ㅇ (세출) 9,800백만원(정책사업 6,500, 행정운영경비 3,300)\n" + table,
                             government_index(GOVERNMENT_SEED))
    assert [(f["org_unit"], f["fiscal_year"], f["amount_krw"], f["source_line"]) for f in spent.department_budgets
            if f["table_index"]] == [
        ("체육시설관리사업소", 2024, 9_100_000_000, 9), ("체육진흥과", 2024, 5_000_000_000, 9),
        ("체육시설과", 2024, 4_100_000_000, 9), ("체육시설관리사업소", 2025, 9_800_000_000, 10),
        ("체육진흥과", 2025, 5_500_000_000, 10), ("체육시설과", 2025, 4_300_000_000, 10)]
    assert not [f for f in spent.revenue if f["table_index"]]
    earned = extract_document("t", head + "ㅇ 세입 :\n" + table, government_index(GOVERNMENT_SEED))
    assert [(f["org_unit"], f["fiscal_year"], f["amount_krw"]) for f in earned.revenue if f["table_index"]][:2] == [
        ("체육시설관리사업소", 2024, 9_100_000_000), ("체육진흥과", 2024, 5_000_000_000)]
    assert not [f for f in earned.department_budgets if f["table_index"]]
    both = extract_document("t", head + "ㅇ 세입 12억원, 세출 98억원\n" + table, government_index(GOVERNMENT_SEED))
    assert not [f for f in both.department_budgets + both.revenue if f["table_index"]]


def test_staffing_of_the_governments_affiliated_bodies_w01():
    """w01 p8 lists the city's 공사 and 공단, each a row of name, address and head over a line of its
    description (``○ 정·현원 : 정원 4,431명(현원 4,642명)``); p9 its 출자·출연기관 with 정원 and 현원
    columns, a group (출자 기관) beside the first name of each. Each body's staff is kept with the body
    as its org unit, statement affiliated_body: they are not the government's units."""
    bodies = {(f["source_page"], f["org_unit"]): (f["authorized"], f["current"], f["source_line"], f["printed_value"])
              for f in _extracted("w01_busan_gihoekjojeongsil_2025.pdf").staffing if f["statement"] == "affiliated_body"}
    assert len([key for key in bodies if key[0] == 8]) == 5 and len([key for key in bodies if key[0] == 9]) == 16
    assert bodies[(8, "부산교통공사")] == (4431, 4642, 5, "정원 4,431명(현원 4,642명)")
    assert bodies[(8, "부산환경공단")] == (794, 771, 13, "정원 794명 (현원 771명)")
    assert bodies[(9, "벡스코")] == (89, 83, 5, "89 / 83")
    assert bodies[(9, "부산여성가족과평생교육진흥원")] == (29, 25, 12, "29 / 25")
    assert bodies[(9, "부산문화회관")] == (129, 125, 20, "129 / 125")
    assert len(bodies) == 21
    described = [f for f in _extracted("w01_busan_gihoekjojeongsil_2025.pdf").staffing
                 if f["statement"] == "affiliated_body" and f["source_page"] == 8]
    assert all(f["source_excerpt"][slice(*f["source_span"])] == f["printed_value"] for f in described)


def test_a_register_of_bodies_printing_both_counts_in_one_cell():
    """A 기초 plan's register of its bodies, both counts in the 조직 column in the order its header
    gives (``(현원/정원)``), a body's legal form no part of its name; a table of units under another
    header is no register."""
    text = ("2025년도\n주요업무계획\n문화관광과\n\n□ 출자·출연기관 현황\n"
            "기 관 명\t설립일\t조 직 (현원/정원)\t주요기능\n"
            "(재)해운문화재단\t2015. 3. 1.\t1처 3팀 (40명/42명)\t문화예술 진흥\n"
            "해운관광공사\t2009. 1. 1.\t2본부 (120명/118명)\t관광 개발\n")
    extraction = extract_document("t", text, government_index(GOVERNMENT_SEED))
    assert [(f["org_unit"], f["org_unit_printed"], f["authorized"], f["current"], f["source_line"], f["statement"])
            for f in extraction.staffing] == [
        ("해운문화재단", "(재)해운문화재단", 42, 40, 7, "affiliated_body"),
        ("해운관광공사", "해운관광공사", 118, 120, 8, "affiliated_body")]
    other = extract_document("t", text.replace("기 관 명", "구 분"), government_index(GOVERNMENT_SEED))
    assert not [f for f in other.staffing if f["statement"] == "affiliated_body"]
    # each fact's span is the counts it read
    assert [text.splitlines()[f["source_line"] - 1][slice(*f["source_span"])] for f in extraction.staffing] == [
        "40명/42명", "120명/118명"]


def test_every_body_name_header_of_the_vocabulary_names_its_example():
    rows = list(csv.DictReader((SEEDS / "body_name_headers.csv").open(encoding="utf-8")))
    assert rows and all(re.match(row["pattern"], without_spaces(row["example"])) for row in rows)


def test_projects_printed_as_rows_of_labelled_fields_w02():
    """w02 pp. 71–72, a plan of 공모 projects: each row one cell of labelled fields (``사 업 명 : … 사업규모 :
    3억원(국비 1.2 시비 0.9 구비 0.9)``). The project its name field names, its cost and the sources
    that add up to it; ``1억원(국비 5 시비 5)`` keeps its cost alone, ``연간 국비 0.5억`` is no amount; a
    row the table took for its header on p72 is read too; pp. 72–73 print 억 without 원 and 지방비.
    The row the table runs over onto p72's text lines prints a field a line (``사 업 명 :`` on line
    12, ``사업규모 : 0.46억(…)`` on line 16): its name a few lines over its cost. So does p71's last
    row, its name on p71 beside the 주관부처 column's ``국  가`` and its cost at the top of p72, above
    the table (since parser 0.59.0: the table's box reaches up over that text, which it placed
    after the table's rows)."""
    extraction = _extracted("w02_busan_munhwacheyukguk_2025.pdf")
    rows = [(f["source_page"], f["source_line"], f["project_name"], f["funding_group"], f["printed_value"], f["amount_krw"])
            for f in extraction.project_budgets if f["link_method"] == "same_row" and f["statement"] == "inline"]
    assert len(rows) == 64 and len({row[:2] for row in rows}) == 21
    assert rows[:5] == [(71, 5, "2025년 전승공동체 활성화 지원 사업", "계", "1억원", 100_000_000),
                        (71, 6, "2026년 생생 국가유산 사업", "계", "3억원", 300_000_000),
                        (71, 6, "2026년 생생 국가유산 사업", "국비", "1.2", 120_000_000),
                        (71, 6, "2026년 생생 국가유산 사업", "시비", "0.9", 90_000_000),
                        (71, 6, "2026년 생생 국가유산 사업", "구비", "0.9", 90_000_000)]
    assert [row for row in rows if row[:2] == (72, 2)] == [
        (72, 2, "2026년 조선통신사 기록물 활용프로그램", "계", "3억원", 300_000_000),
        (72, 2, "2026년 조선통신사 기록물 활용프로그램", "국비", "1.5", 150_000_000),
        (72, 2, "2026년 조선통신사 기록물 활용프로그램", "시비", "1.5", 150_000_000)]
    assert (72, 4, "2026년 조선통신사 기록물 홍보지원사업", "국비", "0.5", 50_000_000) in rows
    # 억 without 원, the sources in it too, and 지방비 (the 시's and the 구's money together)
    assert [row for row in rows if row[:2] == (72, 7)] == [
        (72, 7, "부산실내빙상장 노후 방송통신장비 개선 사업", "계", "3억", 300_000_000),
        (72, 7, "부산실내빙상장 노후 방송통신장비 개선 사업", "국비", "0.9억", 90_000_000),
        (72, 7, "부산실내빙상장 노후 방송통신장비 개선 사업", "지방비", "2.1억", 210_000_000)]
    assert (73, 9, "강서체육공원 노후 냉각수순환펌프 교체", "지방비", "0.7억", 70_000_000) in rows
    assert [row for row in rows if row[:2] == (72, 16)] == [
        (72, 16, "기장체육관 노후 화장실 칸막이 교체", "계", "0.46억", 46_000_000),
        (72, 16, "기장체육관 노후 화장실 칸막이 교체", "국비", "0.14억", 14_000_000),
        (72, 16, "기장체육관 노후 화장실 칸막이 교체", "지방비", "0.32억", 32_000_000)]
    assert {(f["project_name"], f["org_unit"], f["seq"]) for f in extraction.projects
            if f["source_page"] == 72} == {(name, "문화체육국", None) for name in (
                "2026년 조선통신사 기록물 홍보지원사업", "2026년 피란수도 부산 문화유산 야행", "부산실내빙상장 노후 방송통신장비 개선 사업",
                "사직 종합운동장 가로등주 정비", "사직실내수영장 증기공급헤더 밸브 교체", "기장체육관 노후 전기설비 개보수",
                "기장체육관 노후 화장실 칸막이 교체")}


def test_rows_of_labelled_fields_in_other_words():
    text = ("2025년도\n주요업무계획\n체육진흥과\n\n□ 공모사업 계획\n연번\t사업명(사업내용)\t주관부처\n"
            "1\t과 제 명 : 생활체육 저변 확대 사업내용 : 동호회 지원 총사업비 : 12억원(국비 6, 구비 6) 추진상황 : 준비\t문화체육관광부\n"
            "2\t과제명 : 야간 체육시설 개방 총사업비 : 연간 국비 1억\t행정안전부\n"
            "3\t과제명 : 공공체육시설 개보수 사업규모 : 2억원(국비 5, 구비 5)\t행정안전부\n")
    extraction = extract_document("t", text, government_index(GOVERNMENT_SEED))
    assert [(f["project_name"], f["org_unit"], f["source_line"]) for f in extraction.projects] == [
        ("생활체육 저변 확대", "체육진흥과", 7), ("공공체육시설 개보수", "체육진흥과", 9)]
    assert [(f["project_name"], f["funding_group"], f["amount_krw"], f["source_line"], f["link_method"])
            for f in extraction.project_budgets] == [
        ("생활체육 저변 확대", "계", 1_200_000_000, 7, "same_row"), ("생활체육 저변 확대", "국비", 600_000_000, 7, "same_row"),
        ("생활체육 저변 확대", "구비", 600_000_000, 7, "same_row"), ("공공체육시설 개보수", "계", 200_000_000, 9, "same_row")]


def test_every_project_field_label_of_the_vocabulary_is_read():
    rows = list(csv.DictReader((SEEDS / "project_field_labels.csv").open(encoding="utf-8")))
    assert {row["field"] for row in rows} == {"cost", "name"}
    assert all(re.match(COST_LEAD, f"○ {' '.join(row['label'])} : 3억원") for row in rows if row["field"] == "cost")


def test_a_rows_fields_a_line_each_with_blank_lines_between():
    """Fields printed a line each, as pdftotext sets a row run over onto text lines, blank lines
    between them: the name is looked for over the printed lines above the cost, not the blank
    ones (since parser 0.59.0; the name here stands nine lines over its cost, five printed)."""
    text = ("2025년도\n주요업무계획\n체육진흥과\n\n□ 공모사업 계획\n"
            "사 업 명 :  구민체육센터 냉난방기 교체\n\n사업내용 :  노후 냉난방기 교체\n\n\n"
            "사업기간 :  ’26년(1년간)\n\n추진상황 :  공모 신청 예정\n\n사업규모 :  2억원(국비 1억, 구비 1억)\n")
    extraction = extract_document("t", text, government_index(GOVERNMENT_SEED))
    assert [(f["project_name"], f["funding_group"], f["amount_krw"], f["source_line"])
            for f in extraction.project_budgets] == [
        ("구민체육센터 냉난방기 교체", "계", 200_000_000, 15), ("구민체육센터 냉난방기 교체", "국비", 100_000_000, 15),
        ("구민체육센터 냉난방기 교체", "구비", 100_000_000, 15)]
    assert [(f["project_name"], f["source_line"]) for f in extraction.projects] == [("구민체육센터 냉난방기 교체", 6)]


def test_a_name_field_opening_a_bracket_runs_on_to_the_next_line():
    """w02 p70 as pdftotext prints it, its name and cost changed: ``사 업 명 : … 지원사업(체육공원
    노후`` over ``펌프 교체)``; a line that is a field of its own (``공모기간 :``) is not the name's."""
    text = ("2025년도\n주요업무계획\n체육진흥과\n\n□ 공모사업 계획\n"
            "     w 사 업 명 : 공공체육시설 개보수 지원사업(체육공원 노후 냉각수순환\n"
            "               펌프 교체)\n"
            "     w 공모기간 : 2024. 5월 ∼ 2024. 7월\n"
            "     w 사업규모 : 0.92억원(국비 0.28, 시비 0.64)\n"
            "     w 사 업 명 : 체육공원 조명시설(1단계\n"
            "     w 공모기간 : 2024. 5월 ∼ 2024. 7월\n"
            "     w 사업규모 : 5억원(국비 1.5, 시비 3.5)\n")
    extraction = extract_document("t", text, government_index(GOVERNMENT_SEED))
    assert [(f["project_name"], f["source_line"]) for f in extraction.projects] == [
        ("공공체육시설 개보수 지원사업(체육공원 노후 냉각수순환 펌프 교체)", 6), ("체육공원 조명시설(1단계", 10)]
    assert [(f["funding_group"], f["amount_krw"]) for f in extraction.project_budgets if f["source_line"] == 9] == [
        ("계", 92_000_000), ("국비", 28_000_000), ("시비", 64_000_000)]


@pytest.mark.parametrize(("note", "as_of"), [
    ("(’25.1월 기준)", date(2025, 1, 31)), ("(’25년 1월 기준)", date(2025, 1, 31)),
    ("(’25. 1. 19. 기준, 단위: 명)", date(2025, 1, 19)), ("(2025. 1. 1. 현재)", date(2025, 1, 1)),
    ("(기준일 : 23. 10월 말)", date(2023, 10, 31)), ("(본예산 기준, 단위 : 억원, %)", None),
])
def test_the_date_a_note_counts_as_of(note, as_of):
    """Most tables print the date before 기준 (or 현재); the seed prints it after 기준일."""
    assert parse_as_of(note) == as_of


def test_staffing_tables_take_the_date_of_their_note():
    """w01 p4 ``(’25년 1월 기준)``, w04 p5 ``(’25. 1. 19. 기준, 단위: 명)``, w02 p5 ``(’25. 1. 1. 기준,
    단위 : 명)``: each table's counts are as of that date (they were undated before parser 0.61.0)."""
    dated = {(name[:3], f["source_page"], f["as_of"]) for name in ("w01_busan_gihoekjojeongsil_2025.pdf",
                                                                   "w04_busan_gwangwangmaiseuguk_2025.pdf",
                                                                   "w02_busan_munhwacheyukguk_2025.pdf")
             for f in _extracted(name).staffing if f["table_index"] and f["source_page"] in (4, 5)}
    assert dated == {("w01", 4, date(2025, 1, 31)), ("w04", 5, date(2025, 1, 19)), ("w02", 5, date(2025, 1, 1))}
