"""Staffing and organisation of the seed work plan (004), exact values with their lines, and the
same filing re-encoded, re-spaced and renamed."""

import re
from datetime import date

import pytest

from orchestration.extract.document import extract_document
from orchestration.extract.text import LINE_MARKS, decode_bytes, split_lines


@pytest.fixture(scope="module")
def extraction(work_plan_text, governments):
    return extract_document("doc", work_plan_text, governments)


def facts_by_key(staffing):
    return {(f["org_unit"], f["statement"], f["grade"]): f for f in staffing}


def test_every_staffing_cell_of_the_work_plan_is_a_fact(extraction):
    staffing = [f for f in extraction.staffing if f["statement"] != "headline"]
    assert len(staffing) == 13 * 8
    rows = {(f["org_unit"], f["statement"], f["source_line"]) for f in staffing}
    assert len(rows) == 13
    assert {f["grade"] for f in staffing} == {"total", "3급", "4급", "5급", "6급", "7급", "8급", "9급"}
    assert {f["as_of"] for f in staffing} == {date(2023, 10, 31)}


@pytest.mark.parametrize(
    ("org_unit", "statement", "grade", "authorized", "current", "line", "printed"),
    [
        ("기획경제국", "summary_table", "total", 149, 147, 43, "149 (147)"),
        ("기획경제국", "summary_table", "6급", 33, 41, 43, "33 (41)"),
        ("기획예산과", "summary_table", "total", 22, 24, 44, "22 (24)"),
        ("기획예산과", "unit_page", "total", 21, 23, 106, "21 (23)"),
        ("기획예산과", "unit_page", "9급", 2, 3, 106, "2 (3)"),
        ("지역경제과", "unit_page", "7급", 8, 9, 593, "8 (9)"),
        ("일자리청년과", "unit_page", "8급", 4, 5, 1222, "4 (5)"),
        ("재무과", "unit_page", "6급", 4, 3, 1855, "4 (3)"),
        ("세무1과", "summary_table", "7급", 14, 10, 48, "14 (10)"),
        ("세무1과", "unit_page", "6급", 5, 10, 2123, "5 (10)"),
        ("세무2과", "summary_table", "total", 40, 37, 49, "40 (37)"),
        ("세무2과", "unit_page", "9급", 6, 4, 2412, "6 (4)"),
    ],
)
def test_staffing_values_and_lines(extraction, work_plan_text, org_unit, statement, grade, authorized, current,
                                   line, printed):
    fact = facts_by_key(extraction.staffing)[(org_unit, statement, grade)]
    assert (fact["authorized"], fact["current"], fact["source_line"]) == (authorized, current, line)
    assert fact["printed_value"] == printed
    assert fact["source_excerpt"] == split_lines(work_plan_text)[line - 1]
    assert printed in fact["source_excerpt"]


def test_headline_staffing_lines_in_both_bracket_forms(extraction):
    headlines = {f["org_unit"]: f for f in extraction.staffing if f["statement"] == "headline"}
    assert len(headlines) == 7
    bureau = headlines["기획경제국"]
    assert (bureau["authorized"], bureau["current"], bureau["source_line"], bureau["grade"]) == (149, 147, 37, "total")
    assert bureau["printed_value"] == "정원 149명 [현원 147명]"
    assert (headlines["지역경제과"]["authorized"], headlines["지역경제과"]["current"]) == (25, 25)
    assert headlines["지역경제과"]["printed_value"] == "정원 25명 (현원 25명)"
    # The headline agrees with the unit's own page (21/23), not with the bureau table (22/24).
    assert (headlines["기획예산과"]["authorized"], headlines["기획예산과"]["current"]) == (21, 23)
    assert headlines["기획예산과"]["as_of"] is None


def test_pairs_outside_staffing_tables_are_not_staffing(extraction):
    assert 1037 not in {f["source_line"] for f in extraction.staffing}


def test_organisation_from_section_covers(extraction):
    units = {u["org_unit"]: u for u in extraction.org_units if u["listed_in"] == "cover"}
    assert len(units) == 1 + 6 + 26
    assert units["기획경제국"]["unit_level"] == "bureau"
    assert (units["세무2과"]["unit_level"], units["세무2과"]["parent_org_unit"]) == ("department", "기획경제국")
    assert units["세무2과"]["printed"] == "세 무 2 과"
    assert (units["38세금징수1팀"]["parent_org_unit"], units["38세금징수1팀"]["source_line"]) == ("세무2과", 2390)
    assert sum(1 for u in units.values() if u["unit_level"] == "team") == 26


def test_cp949_with_crlf_gives_the_same_staffing(extraction, work_plan_text, governments):
    data = work_plan_text.replace("\n", "\r\n").encode("cp949", errors="replace")
    decoded = decode_bytes(data)
    assert decoded.encoding == "cp949"
    variant = extract_document("doc", decoded.text, governments)

    def comparable(facts):
        return [{k: v for k, v in f.items() if k != "source_excerpt"} for f in facts]

    assert comparable(variant.staffing) == comparable(extraction.staffing)
    assert variant.classification["kind"] == "work_plan"
    assert variant.classification["government_code"] == "3170000"


RENAMES = {
    "기획경제국": "복지환경국",
    "기획예산과": "복지정책과",
    "지역경제과": "청소행정과",
    "일자리청년과": "공원녹지과",
    "재무과": "환경과",
    "세무1과": "보건위생과",
    "세무2과": "어르신복지과",
    "금천": "마포",
}


def transform(text: str) -> str:
    """Another government's work plan: other unit names (spaced out differently), other
    headcounts (authorized + 3, current + 1), other spacing inside cells."""
    for old, new in RENAMES.items():
        spaced_old = r"\s*".join(map(re.escape, old))
        text = re.sub(spaced_old, " ".join(new) if len(new) > 4 else new, text)
    return re.sub(r"(\d+) \((\d+)\)", lambda m: f"{int(m[1]) + 3}({int(m[2]) + 1})", text)


def test_another_bureau_with_other_names_numbers_and_spacing(extraction, work_plan_text, governments):
    variant = extract_document("doc", transform(work_plan_text), governments)
    assert variant.classification["government_code"] == "3130000"  # 마포구
    # Table cells changed (+3, +1); headline lines ("정원 149명 [현원 147명]") kept their numbers.
    expected = {
        (RENAMES[org], statement, grade): (f["authorized"] + 3, f["current"] + 1) if statement != "headline"
        else (f["authorized"], f["current"])
        for (org, statement, grade), f in facts_by_key(extraction.staffing).items()
    }
    actual = {key: (f["authorized"], f["current"]) for key, f in facts_by_key(variant.staffing).items()}
    assert actual == expected
    units = {u["org_unit"]: u for u in variant.org_units}
    assert units["어르신복지과"]["parent_org_unit"] == "복지환경국"


def test_teams_from_the_unit_tables_with_their_duties(extraction):
    listed = [u for u in extraction.org_units if u["listed_in"] == "unit_table"]
    # six 조직현황 tables (팀 명 | 주 요 업 무), one per department: 4 + 4 + 3 + 3 + 5 + 7 teams
    assert len(listed) == 26
    assert {u["parent_org_unit"] for u in listed} == {"기획예산과", "지역경제과", "일자리청년과", "재무과", "세무1과", "세무2과"}
    first, last = listed[0], listed[-1]
    assert (first["org_unit"], first["parent_org_unit"], first["source_line"]) == ("정책기획팀", "기획예산과", 96)
    assert first["duties"].startswith("◦ 주요업무 및 공약사업 관리, 시설관리공단 관리")
    assert "<ul" not in first["duties"]
    assert (last["org_unit"], last["printed"], last["source_line"]) == ("자동차번호판영치팀", "자동차번호판 영치팀", 2405)
    # the cover of 재무과 says 자산관리팀 (line 1837), its table 재산관리팀: both namings are kept
    covers = {u["org_unit"] for u in extraction.org_units if u["listed_in"] == "cover"}
    tables = {u["org_unit"] for u in listed}
    assert tables - covers == {"재산관리팀"}
    assert covers - tables >= {"자산관리팀"}


UNIT_TABLE_PLAN = """\
2025년 주요업무계획

복지환경국

- 복지정책과
- 청소행정과

|| 조직 ||

부서명 | 주요기능 |
복지정책과 | 복지정책 총괄, 사회보장위원회 운영 |
청소 행정과 | 생활폐기물 수거, 재활용 선별장 운영 |

복지정책과

- 복지기획팀
- 희망복지팀

일 반 현 황

□ 조직 : 2팀

팀(명) | 담당업무 | 인원 |
복지 기획팀 | 복지계획 수립 | 5명 |
"""


def test_unit_tables_in_another_layout(governments):
    extraction = extract_document("doc", UNIT_TABLE_PLAN, governments)
    listed = {u["org_unit"]: u for u in extraction.org_units if u["listed_in"] == "unit_table"}
    # departments listed under their bureau in a pipe table with 주요기능 as the duties
    assert (listed["청소행정과"]["parent_org_unit"], listed["청소행정과"]["unit_level"]) == ("복지환경국", "department")
    assert listed["복지정책과"]["duties"] == "복지정책 총괄, 사회보장위원회 운영"
    # a table of units that prints a number (인원 5명) is not a list of names: left to the table cells
    assert "복지기획팀" not in listed


def test_headlines_under_a_heading_number(governments):
    """A plan's basic-status items are often numbered instead of boxed: w07 p6 as pdftotext
    prints it sets the page's badge number before its headlines (``4    정   원 ▷``), and w03 p5's
    and w01 p5's headlines numbered ``2.``, ``3)``, ``가.`` read as their boxed originals do."""
    text = "\n".join([
        "부산광역시 보건환경연구원", "2025년 주요업무계획", "",
        " 4    정         원 ▷ 153명(연구직 131, 일반직 22)",
        " 5     예산현황 ▷ 세입 11.5억원, 세출 204억원",
        "2. 인   력 : 정원 76 / 현원 75",
        "3) 예   산 : 925백만원(감사담당관 506, 청렴담당관 419)",
        "가. 관리채무 : 3조 5,682억원", ""])
    extraction = extract_document("numbered", text, governments, "work_plan")
    staffing = [(f["source_line"], f["staff_group"], f["authorized"], f["current"]) for f in extraction.staffing]
    assert staffing == [(4, None, 153, None), (4, "연구직", 131, None), (4, "일반직", 22, None), (6, None, 76, 75)]
    budgets = [(f["source_line"], f["org_unit"], f["amount_krw"]) for f in extraction.department_budgets]
    assert budgets == [(5, None, 20_400_000_000), (7, None, 925_000_000), (7, "감사담당관", 506_000_000),
                       (7, "청렴담당관", 419_000_000)]
    assert [(f["source_line"], f["amount_krw"]) for f in extraction.revenue] == [(5, 1_150_000_000)]
    assert [(f["source_line"], f["amount_krw"]) for f in extraction.debt] == [(8, 3_568_200_000_000)]
    # a decimal is no heading number: 1.5억원 is read whole
    assert re.match(LINE_MARKS, "1.5억원 증액")[0] == "" and re.match(LINE_MARKS, " 2. 인 력")[0] == " 2. "


def test_a_headline_after_the_organisation_it_shares_a_line_with(governments):
    """``조직 및 인력 : 1국 5과 20팀, 정원 …`` (w03 p5's 조직 and 인력 lines as one, as plans of fewer
    units print them): the units counted before the 정원 are the organisation's, the headline the
    unit's own; a body named first is still that body's, and so is a line under 조직 alone (w02
    p6 prints ``ㅇ 조    직 : 1실 3팀, 정원 55명(현원 40명)`` under each affiliated body's name)."""
    lines = ["부산광역시 해운대구", "2025년 주요업무계획", "",
             "□ 조직 및 인력 : 1국 5과 20팀, 정원 150명(현원 148명)",
             "□ 기구·인원 : 3과 12팀 / 정원 87명, 현원 85명",
             "부산관광공사 정원 107명(현원 106명)", "ㅇ 조    직 : 1실 3팀, 정원 55명(현원 40명)", ""]
    extraction = extract_document("joined", "\n".join(lines), governments, "work_plan")
    assert [(f["source_line"], f["statement"], f["authorized"], f["current"], f["printed_value"])
            for f in extraction.staffing] == [(4, "headline", 150, 148, "정원 150명(현원 148명)"),
                                              (5, "headline", 87, 85, "정원 87명, 현원 85명")]


def test_a_headline_printing_the_authorized_count_alone(governments):
    """``□ 인  력 : 정원 149명`` (w01 p4's headline without its 현원, the example of caption_words.csv):
    the unit's 정원, 현원 left empty. A table's row printing 정원 among figures, a body named first,
    and a total with its parts in brackets (read with its parts, once) are not this."""
    lines = ["부산광역시 해운대구", "2025년 주요업무계획", "",
             "□ 인  력 : 정원 149명",
             "ㅇ 정원 : 45명",
             "정 원     45명     1     3     9",
             "부산관광공사 정원 107명",
             "4    정   원 ▷ 153명(연구직 131, 일반직 22)", ""]
    extraction = extract_document("alone", "\n".join(lines), governments, "work_plan")
    assert [(f["source_line"], f["staff_group"], f["authorized"], f["current"], f["printed_value"])
            for f in extraction.staffing] == [
        (4, None, 149, None, "정원 149명"), (5, None, 45, None, "정원 : 45명"), (8, None, 153, None, "153"),
        (8, "연구직", 131, None, "131"), (8, "일반직", 22, None, "22")]


# A register of bodies as text, derived from w01 p8 and w02 p6 as pdftotext prints them: the header
# line or the heading that says what the register lists, a body's name opening a line, its bullets.
REGISTER = """2025년 주요업무계획
지방공기업 현황
   공사․공단명          소 재 지             대표자
부산교통공사            부산진구 중앙대로 644번길 20      이병진
 ○ 설 립 : ’06. 1. 1.
 ○ 정·현원 : 정원 4,431명(현원 4,642명)
부산환경공단            동래구 온천천남로 185          임명진
 ○ 조 직 : 3본부, 5처 2실 1센터
 ○ 정·현원 : 정원 794명 (현원 771명)
□ 출자․출연기관 및 공기업

 아시아드CC㈜      ❖ 대표이사 김도형

ㅇ 조   직 : 1실 3팀, 정원 55명(현원 40명)
Ⅱ. 주요업무
 시립미술관
ㅇ 인   력 : 정원 45명(현원 43명)
"""


def test_a_register_of_bodies_printed_as_text(governments):
    staffing = extract_document("r", REGISTER, governments).staffing
    bodies = {f["org_unit"]: (f["authorized"], f["current"], f["source_line"], f["printed_value"]) for f in staffing
              if f["statement"] == "affiliated_body"}
    assert bodies == {"부산교통공사": (4431, 4642, 6, "정원 4,431명(현원 4,642명)"),
                      "부산환경공단": (794, 771, 9, "정원 794명 (현원 771명)"),
                      "아시아드CC": (55, 40, 14, "정원 55명(현원 40명)")}
    # the plan's own unit after the register: not a body, and its headline not the register's
    assert "시립미술관" not in bodies


def test_bodies_numbered_under_the_register_heading(governments):
    """A register whose bodies are numbered headings under its own (``Ⅲ. 출자·출연기관 현황`` over
    ``1. 부산연구원``): the numbered titles are the bodies; the next chapter ends the register."""
    text = ("2025년 주요업무계획\nⅢ. 출자·출연기관 현황\n1. 부산연구원\n ○ 정원 111명(현원 103명)\n"
            "2. (재)부산문화재단\n ○ 조 직 : 1센터 1실, 정원 71명(현원 68명)\nⅣ. 주요업무\n1. 청년정책\n"
            " ○ 정원 5명(현원 4명)\n")
    bodies = {f["org_unit"]: (f["authorized"], f["current"], f["source_line"]) for f in
              extract_document("n", text, governments).staffing if f["statement"] == "affiliated_body"}
    assert bodies == {"부산연구원": (111, 103, 4), "부산문화재단": (71, 68, 6)}


def test_a_name_over_bullets_outside_a_register_is_no_body(governments):
    """Under a heading that names no kind of body (``Ⅱ. 주요업무``) a name over its bullets is no
    register's: 시립미술관's line stays the plan's own headline, if any reader takes it."""
    text = "2025년 주요업무계획\nⅡ. 주요업무\n 시립미술관\nㅇ 인   력 : 정원 45명(현원 43명)\n"
    assert [f for f in extract_document("m", text, governments).staffing if f["statement"] == "affiliated_body"] == []


# w01 p9 as pdftotext -layout prints its ruled register (rows cut to the columns that matter): a
# group column at the left, names letter-spaced or wrapped around their counts, dates glued on.
RULED_REGISTER = """2025년 주요업무계획
출자 · 출연 기 관 현황
                       설립일자                      인력(명)
      기 관 명                  대표자      기구                   소재지
                      (통합일자)                    정원 현원
     벡      스      코 ’95.12.05.  손수득  2본부       89    83
출자
기관
     부 산 여 성 가 족 과 ’02.04.30.              1실 3부,                 북구
                                     윤지영        29    25
     평 생 교 육 진 흥 원 (’23.07.01.)             4수탁기관              효열로 256

     부산신용보증재단 ’97.06.20.   성동화  2실 3팀          114   112
                                 1출장소             2025
"""


def test_a_ruled_register_whose_rows_run_over_lines(governments):
    staffing = extract_document("r", RULED_REGISTER, governments).staffing
    bodies = {f["org_unit"]: (f["authorized"], f["current"], f["source_line"], f["printed_value"]) for f in staffing
              if f["statement"] == "affiliated_body"}
    # the group's 출자 / 기관 left of the names' column is no part of a name, nor a year that is
    # under no count's header
    assert bodies == {"벡스코": (89, 83, 6, "89 / 83"), "부산여성가족과평생교육진흥원": (29, 25, 10, "29 / 25"),
                      "부산신용보증재단": (114, 112, 13, "114 / 112")}
    # a name's line as near to the row above as to the row below belongs to neither
    tied = RULED_REGISTER.replace("효열로 256\n\n", "효열로 256\n")
    bodies = {f["org_unit"] for f in extract_document("t", tied, governments).staffing
              if f["statement"] == "affiliated_body"}
    assert bodies == {"벡스코", "부산여성가족과", "부산신용보증재단"}


def test_a_basic_governments_grades_outside_the_general_service(governments):
    """A 시·군·구's table counts its elected head (정무직), research and extension officers printed
    without their 직 (``연구·지도``), 관리운영직 and 시간선택제임기제 beside the graded service: w01
    p4's counts with those columns added, each a grade of the vocabulary (grades.csv)."""
    text = ("2025년 주요업무계획\n기획조정실\n\n□ 인 력\n(단위 : 명)\n"
            "구 분\t계\t정무직\t4급\t5급\t6급\t연구·지도\t관리운영직\t시간선택제임기제\n"
            "정 원\t110\t1\t6\t25\t70\t3\t4\t1\n현 원\t92\t1\t6\t24\t50\t4\t5\t2\n")
    found = extract_document("t", text, governments).staffing
    assert {f["grade"]: (f["authorized"], f["current"]) for f in found} == {
        "total": (110, 92), "정무직": (1, 1), "4급": (6, 6), "5급": (25, 24), "6급": (70, 50), "연구·지도직": (3, 4),
        "관리운영직": (4, 5), "임기제": (1, 2)}
    assert {(f["org_unit"], f["source_line"]) for f in found} == {("기획조정실", 7)}


def test_groups_of_staff_down_the_side(governments):
    """w07 p6's counts (정원 153: 연구직 131, 일반직 22; 현원 145: 연구직 124) printed a row per group
    of staff, as 기초 plans print 직렬별 인력: each row the unit's staff of that group (staff_group),
    as the headline over it states them; 연구직 beside 일반직 is a group, not the 연구·지도직 grade."""
    text = ("부산광역시\n2025년도\n주요업무계획\n보건환경연구원\n\n□ 정 원 ▷ 153명(연구직 131, 일반직 22)\n(’25.1.1. 기준)\n"
            "구 분\t정 원\t현 원\t과부족\n계\t153\t145\t△8\n연구직\t131\t124\t△7\n일반직\t22\t21\t△1\n")
    found = [(f["source_line"], f["grade"], f["staff_group"], f["authorized"], f["current"], f["as_of"])
             for f in extract_document("t", text, governments).staffing if f["statement"] == "unit_page"]
    assert found == [(9, "total", None, 153, 145, date(2025, 1, 1)), (10, "total", "연구직", 131, 124, date(2025, 1, 1)),
                     (11, "total", "일반직", 22, 21, date(2025, 1, 1))]


def test_a_basic_governments_staff_by_series(governments):
    """직렬별 인력 as a 구 prints it, w01 p4's 149 posts shared out among 직렬 (staff_groups.csv)."""
    text = ("2025년 주요업무계획\n기획조정실\n\n□ 직렬별 인력\n(’25. 1. 1. 기준, 단위 : 명)\n구 분\t정 원\t현 원\n"
            "계\t149\t149\n행정직\t120\t118\n세무직\t20\t21\n전산직\t9\t10\n")
    found = {f["staff_group"]: (f["authorized"], f["current"]) for f in extract_document("t", text, governments).staffing}
    assert found == {None: (149, 149), "행정직군": (120, 118), "세무직": (20, 21), "전산직": (9, 10)}
