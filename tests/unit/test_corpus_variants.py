"""The corpus work plans printed other ways (benchmarks/corpus_variants.py): what each variant
changes, and the facts the extractor still reads from them, with their pages and values."""

from datetime import date
from functools import cache

import pytest

from benchmarks.corpus_variants import (VARIANTS, aligned, another_city, keyed_files, marks, other_words,
                                        pdftotext_layout, readings, rewritten, score_variant, spaced_out, titled,
                                        transposed, unit_notes, unspaced)
from orchestration.extract.document import extract_document
from orchestration.extract.formats import read_document
from orchestration.extract.governments import government_index
from orchestration.settings import GOVERNMENT_SEED, REPO_ROOT

WORKPLANS = REPO_ROOT / "tests" / "corpus" / "workplans"
W01, W04 = "w01_busan_gihoekjojeongsil_2025.pdf", "w04_busan_gwangwangmaiseuguk_2025.pdf"


@cache
def published(name):
    return read_document((WORKPLANS / name).read_bytes(), name)


@cache
def extracted(name, variant):
    return extract_document(name, VARIANTS[variant](published(name)), government_index(GOVERNMENT_SEED))


@cache
def converted(name):
    """The plan as ``pdftotext -layout`` prints it, and what the extractor reads of it."""
    document = pdftotext_layout(WORKPLANS / name)
    return document, extract_document(name, document, government_index(GOVERNMENT_SEED))


def page_lines(document, page):
    return [line.text for line in document.pages[page - 1]]


def test_the_rewrites_of_a_line():
    assert marks("  □ 예  산 : 925백만원") == "  ■ 예  산 : 925백만원"
    assert marks("ㅇ (세입) 2,917백만원") == "○ (세입) 2,917백만원"
    assert marks("○○ 사업") == "○○ 사업"  # a mark is one mark followed by a space
    assert unit_notes("(단위 : 억원, %)") == "[단위 억원, %]"
    assert unspaced("기 획 재 경 위 원 회 정원 149명") == "기획재경위원회 정원 149명"
    assert (spaced_out("합계"), spaced_out("관광마이스산업과"), spaced_out("80 / 85")) == ("합 계", "관광마이스산업과", "80 / 85")
    # the city's names, letter-spaced in a cell as w01 p9 prints its bodies, or not
    assert [another_city(t) for t in ("부 산 의 료 원", "부산광역시 해운대구", "클래식부산", "부산 시민")] == [
        "대 구 의 료 원", "대구광역시 수성구", "클래식대구", "대구 시민"]


def test_rewriting_cells_keeps_each_cell_span_on_its_text():
    document = rewritten(published(W01), spaced_out, cells_only=True)
    line = next(line for line in document.pages[3] if line.cells and line.text.startswith("정"))
    assert [line.text[start:end] for _, start, end in line.cells][:3] == ["정 원", "149", "-"]


def test_aligned_prints_stated_tables_as_columns_of_text():
    """w01 p5: the first budget table, its cells under the columns of its header."""
    lines = page_lines(aligned(published(W01)), 5)
    # set as pdftotext sets them: a Hangul syllable two wide, each character one in the line
    assert lines[6] == "합 계                    166,830         6.3              △3.3             156,995         172,527"
    assert lines[3].index("’24년 최종예산") == lines[6].index("172,527") == 89
    assert not any(line.cells or line.table for line in aligned(published(W01)).pages[4])


def test_tables_one_under_another_each_under_its_unit_note_are_read_apart():
    """w01 p5 printed aligned: 예산, 세입, 세출 and 관리채무 one under the other, each opened by
    its caption and (단위 : 억원, %). Each is a table of its own with its own columns."""
    facts = extracted(W01, "aligned")
    budgets = {(f["category_printed"], f["column_printed"]): (f["amount_krw"], f["source_page"], f["source_line"])
               for f in facts.department_budgets if f["source_page"] == 5}
    assert budgets[("합 계", "’25년 당초예산 / 예 산 액")] == (16_683_000_000_000, 5, 7)
    assert budgets[("일 반 회 계", "’24년 최종예산")] == (13_787_100_000_000, 5, 8)
    revenue = {f["revenue_item"]: (f["amount_krw"], f["rate_pct"], f["source_line"])
               for f in facts.revenue if f["source_page"] == 5}
    assert revenue["지방세"] == (5_128_800_000_000, "30.7", 14)
    debt = {(f["fiscal_year"], f["basis"]): f["amount_krw"] for f in facts.debt if f["source_page"] == 5}
    assert debt[(2023, "결산")] == 3_521_800_000_000


def test_an_empty_last_column_keeps_its_header_apart():
    """w04 p5 aligned: 비고 heads no value, and is no part of 2025년도말 조성액 beside it."""
    [fund] = [f for f in extracted(W04, "aligned").funds if f["source_page"] == 5 and f["fiscal_year"] == 2025
              and f["measure_printed"].startswith("2025년도말")]
    assert (fund["fund"], fund["measure_printed"], fund["amount_krw"], fund["source_line"]) == (
        "관광마이스육성진흥기금", "2025년도말 조 성 액", 9_410_000_000, 28)


def test_lines_opened_by_other_marks_are_read():
    """w01 p31 and p20 with ● for ○ and ▸ for ▹: the 지방세 statement and the debt ratio series."""
    facts = extracted(W01, "marks")
    assert "● (지 방 세) 5조 1,288억원(’24년 5조 56억원 대비  2.5% 증가)" in page_lines(VARIANTS["marks"](published(W01)), 31)
    revenue = {(f["revenue_item"], f["fiscal_year"], f["measure"]): f["amount_krw"]
               for f in facts.revenue if f["source_page"] == 31}
    assert revenue[("지방세", 2025, "target")] == 5_128_800_000_000
    ratios = {f["fiscal_year"]: f["rate_pct"] for f in facts.debt if f["source_page"] == 20 and f["rate_pct"]}
    assert ratios[2023] == "21.1"


@pytest.mark.parametrize("variant", ["marks", "unit notes", "aligned"])
def test_every_key_fact_of_w01_in_each_variant(variant):
    result = score_variant({W01: extracted(W01, variant)})
    assert result["recall"]["tuning"]["all"] == [40, 40]
    assert result["precision"]["tuning"][0] == result["precision"]["tuning"][1]


@pytest.mark.parametrize("variant", ["tabbed", "markdown"])
def test_tables_exported_as_text_give_every_typed_fact_of_w04(variant):
    """w04's 공모 projects, each with its table of amounts ruled inside its row (p40, p41): as text,
    the tables follow one another with nothing between them, and every fact is read as from the
    PDF, on its line."""
    result = score_variant({W04: extracted(W04, variant)}, {W04: extracted(W04, "as published")})
    assert result["same_facts"] == [97, 97]
    assert result["recall"]["holdout"]["all"] == [26, 26]
    total = {(f["source_line"], f["period_label"]): f["amount_krw"] for f in extracted(W04, variant).project_budgets
             if f["source_page"] == 40 and f["funding_group"] == "계"}
    assert total[(6, "총사업비")] == 5_600_000_000


def test_transposed_swaps_the_rows_and_columns_of_tables_of_figures_w04_p5():
    """The staffing table (units down the side, grades across) turned: a row per grade under the
    units; the fund's table (its name over its column of figures) turned: a row per figure."""
    lines = [line.text for line in transposed(published(W04)).pages[4] if line.table]
    assert lines[:3] == ["구 분\t계\t관 광 정 책 과\t관광마이스산업과\t국 제 협 력 과", "계\t80 / 85\t32 / 34\t24 / 24\t24 / 27",
                         "3급\t1 / 1\t1 / 1\t-\t-"]
    assert lines[-7:-4] == ["기 금 명\t\t관광마이스육성진흥기금", "2024년도말 조 성 액\t\t6,147", "2025년도 조성계획\t수 입\t3,263"]


@pytest.mark.parametrize("name, facts, group, keyed", [(W01, 181, "tuning", 40), (W04, 97, "holdout", 26)])
def test_tables_turned_round_give_every_typed_fact(name, facts, group, keyed):
    """Every table of figures printed with its rows and columns swapped: each typed fact of the
    plan as published is read from its cell, and no other."""
    result = score_variant({name: extracted(name, "transposed")}, {name: extracted(name, "as published")}, lines=False)
    assert result["same_facts"] == [facts, facts]
    assert result["recall"][group]["all"] == [keyed, keyed]
    assert readings(extracted(name, "transposed"), lines=False) == readings(extracted(name, "as published"), lines=False)


def test_other_governments_words_in_the_tables_w04():
    """w04 with its tables in other words (``정원(A)``, ``총계``, ``본예산``, ``국고보조금`` …): every
    typed fact as published, and none besides. A project's table of money whose row says 국고보조금
    (a revenue item too) is the project's funding, not revenue (14 such facts of p40 and p41 were
    read as revenue until parser 0.61.0)."""
    assert [other_words(cell) for cell in ("정 원", "합계", "’25년 당초예산", "국 비", "문화예술과")] == [
        "정원(A)", "총계", "’25년 본예산", "국고보조금", "문화예술과"]
    result = score_variant({W04: extracted(W04, "other words")}, {W04: extracted(W04, "as published")})
    assert (result["same_facts"], result["other_facts"]) == ([97, 97], 0)
    funded = [f for f in extracted(W04, "other words").project_budgets if f["source_page"] == 40 and f["funding_group"] == "국비"]
    assert funded and {f["funding_source"] for f in funded} == {"국고보조금"}


@pytest.mark.parametrize("title", ["업무계획", "시정 주요업무계획", "주요업무 보고"])
def test_a_plan_titled_as_other_governments_title_theirs_w04(title):
    """``2025년도 업무계획``, ``2025년도 시정 주요업무계획``, ``2025년도 주요업무 보고``: a work plan of
    the year the title names, every fact as published (without 주요, or with a word before it,
    the plan's year was lost, and 6 budget facts with it, until parser 0.61.0)."""
    document = rewritten(published(W04), lambda text: titled(text, title))
    extraction = extract_document(W04, document, government_index(GOVERNMENT_SEED))
    assert extraction.classification["kind"] == "work_plan"
    result = score_variant({W04: extraction}, {W04: extracted(W04, "as published")})
    assert (result["same_facts"], result["other_facts"]) == ([97, 97], 0)


def test_the_keyed_plans():
    assert [name[:3] for name in keyed_files()] == ["w01", "w02", "w04", "w06"]


W06 = "w06_busan_nakdonggang-gwallibonbu_2025.pdf"


def test_a_plan_of_another_city_is_that_citys():
    """w01 and w06 as 대구광역시's: the cover's ``대구광역시 낙동강관리본부`` names the issuer, though
    w06's pages name 달서구 (부산's 사하구 and 사상구 renamed) more often than the city."""
    assert another_city("부산광역시 낙동강관리본부 (사하구 하단동, 강서구 대저동, 중구)") == (
        "대구광역시 낙동강관리본부 (달서구 하단동, 달성군 대저동, 중구)")
    assert {name: extracted(name, "another city").classification["government_code"] for name in (W01, W06)} == {
        W01: "6270000", W06: "6270000"}
    assert extracted(W06, "unspaced").classification["government_code"] == "6260000"


def test_a_running_footer_is_page_furniture_and_costs_no_fact():
    """w04 with '부산광역시 주요업무계획 2025  |  n' closing every page: the footer is furniture from
    its second print on (the first stays body text, as the formats' readers leave it), and every
    typed fact is read as from the PDF."""
    document = VARIANTS["running footer"](published(W04))
    assert [page[-1].role for page in document.pages[:3]] == ["body", "footer", "footer"]
    result = score_variant({W04: extracted(W04, "running footer")}, {W04: extracted(W04, "as published")})
    assert result["same_facts"] == [97, 97]


def test_a_row_of_labelled_fields_printed_as_a_line_over_its_table():
    """w04 p40 aligned: the 공모 project's row is a line of text over its table of amounts, no
    cell to hold it; the table's amounts are still the project's."""
    facts = {(f["source_line"], f["period_label"]): (f["project_name"], f["link_method"], f["amount_krw"])
             for f in extracted(W04, "aligned").project_budgets if f["source_page"] == 40 and f["funding_group"] == "계"}
    assert facts[(6, "총사업비")] == ("야간관광 특화도시 조성사업", "same_row", 5_600_000_000)
    assert facts[(13, "총사업비")] == ("웰니스·의료관광 융복합 클러스터 사업", "same_row", 2_000_000_000)


def test_headers_centred_over_their_columns_w01():
    """w01 p4 and p5 printed with ``’25년 당초예산`` centred over 예산액 and its two 증감률: the
    header spans the three columns it is centred over, not the one it overlaps, and 39 of the
    key's 40 facts are read (34 before parser 0.53.0). The 40th, p4's 증감률 4.2 against 2024's
    당초예산, stands under ``예 산 액 / ’24년 당초 대비`` with its 증감률 header over the next
    columns: until parser 0.61.0 it was read as an amount of 4.2억원, which the key's figure
    matched."""
    result = score_variant({W01: extracted(W01, "aligned, headers centred")})
    assert result["recall"]["tuning"]["all"] == [39, 40]
    assert result["missed"]["tuning"] == ["w01 p4 기획조정실|증감률(2024당초대비)|합계 = 4.2"]
    assert result["precision"]["tuning"][0] == result["precision"]["tuning"][1]


def test_a_rate_under_a_comparison_is_no_amount_w01_p4():
    """Centred, w01 p4's 증감률 header stands right of its columns, and the rates' column is headed
    ``’25년 당초예산 / 예 산 액 / ’24년 당초 대비``: a column whose own header is a comparison holds
    no budget of the year, so 4.2 is not read as 4.2억원 of 2025 (7 such facts of p4 and 5 of p5
    until parser 0.61.0)."""
    budgets = [(f["source_page"], f["printed_value"]) for f in extracted(W01, "aligned, headers centred").department_budgets
               if f["source_page"] in (4, 5) and f["table_index"]]
    assert (4, "17,855") in budgets and (4, "4.2") not in budgets and (5, "6.3") not in budgets
    published = {(f["source_page"], f["printed_value"]) for f in extracted(W01, "as published").department_budgets
                 if f["source_page"] in (4, 5) and f["table_index"]}
    assert set(budgets) <= published


def test_a_unit_note_moved_into_its_table_w01():
    """Every unit note of w01 that stands alone over a table, moved into the table's first cell:
    the key's 40 facts are read with their units (29 without the note's 억원 before)."""
    result = score_variant({W01: extracted(W01, "note in the table")})
    assert result["recall"]["tuning"]["all"] == [40, 40]
    assert any("(단위 : 억원, %)" in line.text and line.table is not None
               for line in VARIANTS["note in the table"](published(W01)).pages[4])


def test_the_plan_as_pdftotext_prints_it_w01():
    """w01 as ``pdftotext -layout`` prints it (``make test`` installs poppler-utils), read as a
    text filing paged by its form feeds: the centred 예산 header's year, the spread 합 계 and
    지 방 세, the 증감률 measured against ’24년 당초 on the header's level above; rows a blank line
    or a wrapped label apart, and a middle dot set apart from its words. All the key's 40 facts
    (22, paged the same way, before the aligned reader learned these habits; 37 before the rows
    went on across blank lines)."""
    document, extraction = converted(W01)
    assert score_variant({W01: extraction})["recall"]["tuning"]["all"] == [40, 40]
    welfare = next(f for f in extraction.department_budgets if f["printed_value"] == "77,242(46.3)")
    assert (welfare["category_printed"], welfare["amount_krw"], welfare["source_page"], welfare["source_line"]) == (
        "사회복지․보건", 7_724_200_000_000, 5, 28)
    # a field's label wrapped over the two lines above its row, its middle dots set apart
    # (``․`` / ``산업 중소기업 및`` / ``에너지 과학기술  ․  4,015(2.4)``; since parser 0.59.0)
    industry = next(f for f in extraction.department_budgets if f["printed_value"] == "4,015(2.4)")
    assert (industry["budget_field"], industry["amount_krw"], industry["source_line"]) == (
        "산업중소기업및에너지·과학기술", 401_500_000_000, 31)
    # p6's headline opens with a symbol font's bullet pdftotext gives as a private-use character
    assert document.pages[5][0].text.startswith("\uf000 예산총괄")
    whole = [(f["source_line"], f["account"], f["amount_krw"]) for f in extraction.department_budgets
             if f["source_page"] == 6 and f["source_line"] <= 2]
    assert whole == [(1, "total", 16_683_000_000_000), (2, "일반회계", 13_319_800_000_000),
                     (2, "특별회계", 3_363_200_000_000)]
    # its table of accounts under a header five lines tall, a blank line above the rows, each word
    # over its column: the years ’25 and ’24 each a band alone on its line (since parser 0.59.0)
    accounts = {(f["source_line"], f["fiscal_year"], f["budget_basis"]): (f["account"], f["amount_krw"])
                for f in extraction.department_budgets if f["source_page"] == 6 and f["source_line"] >= 10}
    assert accounts[(10, 2025, "당초")] == ("total", 16_683_000_000_000)
    assert accounts[(10, 2024, "당초")] == ("total", 15_699_500_000_000)
    assert accounts[(10, 2024, "최종")] == ("total", 17_252_700_000_000)
    assert accounts[(12, 2025, "당초")] == ("일반회계", 13_319_800_000_000)
    funds = {f["fund"]: (f["org_unit"], f["amount_krw"], f["source_line"]) for f in extraction.funds if f["source_page"] == 7}
    assert funds["지역개발기금"] == ("예산담당관", 115_100_000_000, 16)
    assert funds["도시및주거환경정비기금"] == ("도시정비과", 73_900_000_000, 13)
    # past a line of 비고 (통합계정) alone and a label's syllable (기): read since parser 0.55.0
    assert funds["통합재정안정화기금"] == ("예산담당관", 546_700_000_000, 19)
    # a 소관부서 of two units set on the lines above and below the row, each glued to a date: the
    # first of them (since parser 0.60.0; kept without one before)
    assert funds["문화진흥기금"] == ("문화예술과", 70_600_000_000, 22)
    # every one of the 19 funds and their total (11 before parser 0.60.0): names wrapped above and
    # below their row's figures, the rows past a blank line and three lines of one cell's words,
    # a 소관부서 a space from its date
    assert len(funds) == 20
    assert funds["폐기물처리시설주변지역주민지원기금"] == ("자원순환과", 6_500_000_000, 10)
    assert funds["양성평등출산지원및청소년육성기금"] == ("출산보육과", 24_400_000_000, 26)
    assert funds["체육진흥기금"] == (None, 78_800_000_000, 35)
    assert funds["관광마이스육성진흥기금"] == ("관광정책과", 4_800_000_000, 46)
    # p8's register of public enterprises, no table around it under pdftotext: each body's name over
    # the bullets describing it, its ``○ 정·현원`` line the body's staffing (since parser 0.56.0)
    bodies = {f["org_unit"]: (f["authorized"], f["current"], f["source_line"]) for f in extraction.staffing
              if f["source_page"] == 8}
    assert bodies == {"부산교통공사": (4431, 4642, 7), "부산도시공사": (368, 345, 13), "부산관광공사": (107, 106, 19),
                      "부산시설공단": (1551, 1456, 25), "부산환경공단": (794, 771, 31)}
    # p9's register of 출자·출연기관, its ruled rows run over two to three lines each: the counts
    # under 정원 and 현원, the name beside its date, letter-spaced or wrapped (since parser 0.58.0)
    register = {f["org_unit"]: (f["authorized"], f["current"], f["source_line"]) for f in extraction.staffing
                if f["source_page"] == 9}
    assert len(register) == 16
    assert register["벡스코"] == (89, 83, 7)
    assert register["아시아드CC"] == (45, 42, 11)
    assert register["부산의료원"] == (775, 722, 15)
    assert register["부산여성가족과평생교육진흥원"] == (29, 25, 37)
    assert register["부산과학기술고등교육진흥원"] == (86, 65, 69)
    assert register["부산문화회관"] == (129, 125, 73)
    debt = next(f for f in extraction.debt if f["fiscal_year"] == 2023)
    assert (debt["basis"], debt["amount_krw"], debt["rate_pct"], debt["source_page"], debt["source_line"]) == (
        "결산", 3_521_800_000_000, "19.9", 5, 39)
    budgets = {(f["fiscal_year"], f["printed_value"]): (f["org_unit"], f["budget_basis"], f["printed_change_pct"],
                                                         f["source_page"], f["source_line"])
               for f in extraction.department_budgets if f["category_printed"] == "합 계"}
    assert budgets[(2025, "17,855")] == ("기획조정실", "당초", None, 4, 34)
    assert budgets[(2024, "17,137")] == ("기획조정실", "당초", "4.2", 4, 34)
    assert budgets[(2025, "166,830")][3:] == (5, 9)
    local_tax = next(f for f in extraction.revenue if f["revenue_item"] == "지방세" and f["source_page"] == 5)
    assert (local_tax["revenue_item_printed"], local_tax["amount_krw"], local_tax["rate_pct"], local_tax["source_line"]) == (
        "지 방 세", 5_128_800_000_000, "30.7", 18)
    # p31's rates, each a space before its 비고 (``2.5 지방소비세 등 증가``): since parser 0.55.0
    rates = [(f["revenue_item"], f["rate_pct"], f["source_line"]) for f in extraction.revenue
             if f["source_page"] == 31 and f["measure"] == "change_rate" and f["column_label"] == "증감율"]
    assert rates == [("지방세", "2.5", 22), ("세외수입", "-38.6", 24)]


def test_the_plan_as_pdftotext_prints_it_w02():
    """w02 as ``pdftotext -layout`` prints it: p5's staffing and budget tables head thirteen
    units with names squeezed narrower than their columns (``문 화 문 화 영 상 …`` over
    ``예술과 유산과 산업과 …``). All 31 of the key's facts (3 before the squeezed header was read),
    each unit's named whole."""
    name = "w02_busan_munhwacheyukguk_2025.pdf"
    _, extraction = converted(name)
    assert score_variant({name: extraction})["recall"]["tuning"]["all"] == [31, 31]
    counts = {f["org_unit"]: (f["authorized"], f["current"], f["source_line"]) for f in extraction.staffing
              if f["source_page"] == 5 and f["statement"] == "summary_table"}
    assert len(counts) == 13
    assert counts["영상콘텐츠산업과"] == (22, 22, 33)
    assert counts["충렬사관리사무소"] == (10, 11, 33)
    assert counts["체육시설관리사업소"] == (94, 99, 33)
    spending = {f["org_unit"]: (f["amount_krw"], f["source_page"], f["source_line"]) for f in extraction.department_budgets
                if f["source_page"] == 5}
    assert spending["문화체육국"] == (511_225_000_000, 5, 48)
    assert spending["근현대역사관"] == (6_742_000_000, 5, 48)
    # pdftotext breaks up the words of justified project titles (``2   피란 수 도 부 산유 산 의 세 계유
    # 산 등 재``): they take the spacing the plan's contents print
    costs = {(f["source_page"], f["funding_source"]): (f["project_name"], f["amount_krw"], f["source_line"])
             for f in extraction.project_budgets if f["source_page"] in (44, 46, 49)}
    assert costs[(44, "국비")] == ("피란수도 부산유산의 세계유산 등재", 3_354_000_000, 19)
    assert costs[(44, None)] == ("피란수도 부산유산의 세계유산 등재", 15_349_000_000, 19)
    assert costs[(46, None)] == ("사직야구장 재건축", 326_200_000_000, 10)
    assert costs[(49, "시")] == ("부산콘서트홀 개관", 59_700_000_000, 11)


def test_project_tables_inside_a_table_of_projects_as_pdftotext_prints_them_w02():
    """w02 pp. 53-69 as pdftotext prints them: each 공모 project's fields a line each (``w 사 업 명
    : …`` over ``w 총사업비 : □ 연도별 예산 및 집행 현황``), its table of amounts by year and source
    under a header of two levels squeezed out of place, the outer table's cells on its lines. p57's
    second project as the PDF reads it: the same amounts, periods and years, its name from the
    name field; and no project named by a field its row number stands beside."""
    name = "w02_busan_munhwacheyukguk_2025.pdf"
    _, extraction = converted(name)
    amounts = [(f["source_line"], f["funding_group"], f["period_label"], f["fiscal_year"], f["amount_krw"])
               for f in extraction.project_budgets if f["source_page"] == 57 and f["project_name"] == "망미국민체육센터 건립"]
    assert len(amounts) == 20
    assert amounts[:7] == [(31, "계", "총사업비", None, 43_136_000_000), (31, "계", "‘23년 이전 예산", None, 3_936_000_000),
                           (31, "계", "‘23년 이전 집행", None, 3_936_000_000), (31, "계", "‘24년 예산", 2024, 1_800_000_000),
                           (31, "계", "‘24년 집행", 2024, 1_002_000_000), (31, "계", "‘25년", 2025, 1_500_000_000),
                           (31, "계", "‘26년 이후", None, 35_900_000_000)]
    assert (33, "시비", "‘26년 이후", None, 3_000_000_000) in amounts
    assert (35, "기타", "‘24년 집행", 2024, 802_000_000) in amounts
    assert not any(f["project_name"].startswith("사업기간") for f in extraction.projects)
    # p62's third project: its 시비 row below the outer table's 연번, 선정 현황 and 주관부처 set on
    # lines between its rows (since parser 0.60.0; those lines ended the table before)
    city = [(f["source_line"], f["period_label"], f["fiscal_year"], f["printed_value"], f["amount_krw"])
            for f in extraction.project_budgets
            if f["source_page"] == 62 and f["project_name"] == "2025 조선통신사 기록물 활용프로그램" and f["funding_group"] == "시비"]
    assert city == [(57, "총사업비 (‘25년)", None, "70", 70_000_000), (57, "’23년 이전 예산", None, "127.75", 127_750_000),
                    (57, "’23년 이전 집행", None, "127.75", 127_750_000), (57, "’25년", 2025, "70", 70_000_000)]
    # p71's 공모 plan: columns aligned by spaces cut each field at its colon, the cost's value a
    # cell of its own, the name five lines over it
    planned = [(f["source_line"], f["project_name"], f["funding_group"], f["amount_krw"])
               for f in extraction.project_budgets if f["source_page"] == 71]
    assert planned[:5] == [(24, "2025년 전승공동체 활성화 지원 사업", "계", 100_000_000),
                           (31, "2026년 생생 국가유산 사업", "계", 300_000_000), (31, "2026년 생생 국가유산 사업", "국비", 120_000_000),
                           (31, "2026년 생생 국가유산 사업", "시비", 90_000_000), (31, "2026년 생생 국가유산 사업", "구비", 90_000_000)]


def test_a_column_whose_unit_pdftotext_lost_w05():
    """w05 p5 as pdftotext prints it (no key: the PDF's reading is the measure). The budget table's
    units all read as the PDF reads them. The staffing table's first headers are interleaved with
    the second line of their cells (``담기 당 획관`` for 기획 / 담당관) and head no column; the
    budget table below it has the same columns, labelled, and lends them, so every unit's 정원 and
    현원 is its own, as in the PDF (the first three were kept with no unit, ``unit_not_printed``,
    before parser 0.61.0)."""
    name = "w05_busan_gihoekgwan_2025.pdf"
    document, extraction = converted(name)
    assert "담기 당 획관" in page_lines(document, 5)[23]
    staffing = [(f["org_unit"], f["authorized"], f["current"], f["unattributed"]) for f in extraction.staffing
                if f["source_page"] == 5 and f["source_line"] == 26]
    assert staffing == [("기획관", 120, 126, None), ("기획담당관", 32, 32, None), ("조직담당관", 28, 28, None),
                        ("인구정책담당관", 11, 13, None), ("법무담당관", 23, 24, None),
                        ("빅데이터통계담당관", 21, 24, None), ("부울경초광역경제동맹추진단", 5, 5, None)]
    as_published = extract_document(name, published(name), government_index(GOVERNMENT_SEED))
    assert {(f["org_unit"], f["authorized"], f["current"]) for f in as_published.staffing
            if f["source_page"] == 5 and f["table_index"]} == {fact[:3] for fact in staffing}
    spending = {(f["org_unit"], f["amount_krw"]) for f in extraction.department_budgets if f["source_page"] == 5}
    assert len(spending) == 7
    assert spending == {(f["org_unit"], f["amount_krw"]) for f in as_published.department_budgets if f["source_page"] == 5}


def test_a_projects_items_numbered_under_its_badge_w02():
    """w02 p44 numbered: under the project's badge (``2      피란수도 부산유산의 세계유산 등재``) its
    items are ``1. 사업개요(2015~2030)``, ``2. 추진상황``; the list is the project's own, not the end
    of its section, so the cost stated under ``1.`` is the project's, and every project budget of
    w02 reads as from the PDF (8 lost before)."""
    name = "w02_busan_munhwacheyukguk_2025.pdf"
    document = VARIANTS["numbered"](published(name))
    assert [line.text for line in document.pages[43]][3] == "1. 사업개요(2015~2030)"
    extraction = extract_document(name, document, government_index(GOVERNMENT_SEED))
    costs = [(f["source_line"], f["funding_group"], f["amount_krw"]) for f in extraction.project_budgets
             if f["source_page"] == 44 and f["project_name"] == "피란수도 부산유산의 세계유산 등재"]
    assert costs == [(14, "계", 15_349_000_000), (14, "국비", 3_354_000_000), (14, "시비", 11_995_000_000)]
    as_published = extract_document(name, published(name), government_index(GOVERNMENT_SEED))
    assert readings(extraction) == readings(as_published)


def test_items_numbered_instead_of_boxed_w03():
    """w03 p5 with its boxed items numbered (``2. 인   력 : 정원 76 / 현원 75``): the headlines
    read as their boxed originals, the staffing on line 10 and the budget shared by the two
    담당관 on line 14."""
    name = "w03_busan_gamsawiwonhoe_2025.pdf"
    document = VARIANTS["numbered"](published(name))
    texts = [line.text for line in document.pages[4]]
    assert texts[9] == "2. 인   력 : 정원 76 / 현원 75"
    assert texts[13] == "3. 예   산 : 925백만원(감사담당관 506, 청렴담당관 419)"
    extraction = extract_document(name, document, government_index(GOVERNMENT_SEED))
    headline = next(f for f in extraction.staffing if f["statement"] == "headline" and f["source_page"] == 5)
    assert (headline["source_line"], headline["authorized"], headline["current"]) == (10, 76, 75)
    assert [(f["source_line"], f["org_unit"], f["amount_krw"]) for f in extraction.department_budgets
            if f["source_page"] == 5] == [(14, "감사위원회", 925_000_000), (14, "감사담당관", 506_000_000),
                                          (14, "청렴담당관", 419_000_000)]


def test_a_register_of_text_takes_the_date_of_its_note_w01_p8():
    """w01 p8 as pdftotext prints it: the 지방 공기업 register as text under ``(’25. 1. 15. 기준)``;
    each body's counts are as of that date, as the PDF's ruled register gives them."""
    document, extraction = converted(W01)
    assert page_lines(document, 8)[1].strip() == "(’25. 1. 15. 기준)"
    bodies = {f["org_unit"]: (f["authorized"], f["current"], f["as_of"]) for f in extraction.staffing
              if f["source_page"] == 8 and f["statement"] == "affiliated_body"}
    assert bodies["부산교통공사"] == (4431, 4642, date(2025, 1, 15))
    assert {as_of for *_, as_of in bodies.values()} == {date(2025, 1, 15)} and len(bodies) == 5
    published = {f["org_unit"]: f["as_of"] for f in extracted(W01, "as published").staffing
                 if f["source_page"] == 8 and f["statement"] == "affiliated_body"}
    assert published == {name: date(2025, 1, 15) for name in bodies}
