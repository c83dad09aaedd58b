"""The election commission's candidate forms, read from the corpus (tests/corpus/candidates) and a
fixture derived from it: the disclosure printed as space-aligned text, and the five-pledge sheet.
Values, lines and characters are the documents' own (the corpus key's locators are these lines)."""

from __future__ import annotations

import csv
import re
from datetime import date
from pathlib import Path

import pytest

from orchestration.extract.candidates import extract_form_candidates, extract_sheet_pledges
from orchestration.extract.disclosure import election_by_age, read_disclosure, read_election, record_count
from orchestration.extract.document import extract_document
from orchestration.extract.five_pledges import read_five_pledges
from orchestration.extract.formats import read_document
from orchestration.extract.governments import government_index
from orchestration.extract.numbers import parse_place_amount
from orchestration.extract.text import without_spaces
from orchestration.extract.vocabulary import SEEDS, disclosure_terms
from orchestration.settings import GOVERNMENT_SEED

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "corpus" / "candidates"
FIXTURE = ROOT / "tests" / "fixtures" / "candidates" / "wrapped_disclosure.txt"


def bulletin(prefix: str) -> list[str]:
    [path] = CORPUS.glob(f"{prefix}_*_bulletin.txt")
    return path.read_text(encoding="utf-8").split("\n")


def sheet(prefix: str) -> list[str]:
    [path] = CORPUS.glob(f"{prefix}_*_5pledges.pdf")
    return [line.text for _, _, line in read_document(path.read_bytes(), path.name).numbered_lines()]


def amounts(disclosure) -> dict[tuple[str, str, str | None], tuple[int | None, int]]:
    return {(a.measure, a.relation, a.person): (a.amount_krw, a.word.line if a.word else 0)
            for a in disclosure.amounts}


def test_every_word_of_the_form_vocabulary_matches_its_example():
    rows = list(csv.DictReader((SEEDS / "disclosure_terms.csv").open(encoding="utf-8")))
    assert len(rows) == sum(len(disclosure_terms(c)) for c in {r["concept"] for r in rows})
    for row in rows:
        assert re.search(row["pattern"], without_spaces(row["example"])), row


def test_a_disclosure_printed_in_aligned_columns():
    """c001: headers over three lines, values of wrapped cells below and above their line."""
    form = read_disclosure(bulletin("c001"))
    assert (form.name, form.name_line, form.ballot_number, form.party, form.sex, form.sex_line) == (
        "김현기", 30, "2", "국민의힘", "남", 32)
    assert (form.birth_date, form.birth_line, form.age) == (date(1956, 2, 5), 31, 70)
    assert form.occupation == "서울특별시 의회 의원 (현, 4선 의원)"
    assert form.career == "(전) 서울특별시의회 의장 (현) 국민의힘 중앙연수원 부원장"
    assert form.military_service == "육군 병장 (만기전역)"
    assert (form.criminal_record, form.criminal_record_count, form.unit) == ("해당사항 없음", 0, "천원")
    found = amounts(form)
    assert found[("assets", "total", None)] == (2_976_945_000, 49)
    assert found[("assets", "직계존속", None)] == (0, 49)          # 해당없음
    assert found[("assets", "직계비속", None)] == (115_194_000, 49)
    assert found[("tax_paid_5y", "total", None)] == (25_931_000, 63)
    assert found[("tax_paid_5y", "직계비속", None)] == (70_000, 71)
    assert found[("tax_arrears_current", "배우자", None)] == (0, 67)
    assert len(form.amounts) == 5 + 15


def test_values_off_their_headers_and_off_their_rows():
    """c005: values shifted from their headers keep their order; ▵ is minus; the 계 arrears is a
    line above its label and the paid-on date under it is no amount; a refused member is no amount."""
    form = read_disclosure(bulletin("c005"))
    found = amounts(form)
    assert found[("assets", "total", None)] == (618_025_000, 46)
    assert found[("assets", "본인", None)] == (639_711_000, 45)
    assert found[("assets", "배우자", None)] == (-21_686_000, 45)
    assert found[("assets", "직계비속", "장남")] == (None, 46)
    assert found[("tax_arrears_total", "total", None)] == (19_404_000, 59)
    assert found[("tax_arrears_current", "total", None)] == (0, 61)
    assert found[("tax_arrears_total", "직계비속", None)] == (19_404_000, 69)
    assert form.military_service == "복무 만료 (소집 해제)"
    assert form.party == "국민의힘"  # the form leaves it out; the bulletin names it


def test_members_without_a_colon_and_a_value_across_three_columns():
    """c011: 장녀 195,154 / 장남 18,237 add up to the relation; one 해당사항 없음 spans the
    ascendants' three tax columns."""
    found = amounts(read_disclosure(bulletin("c011")))
    assert found[("assets", "직계비속", "장녀")] == (195_154_000, 26)
    assert found[("assets", "직계비속", "장남")] == (18_237_000, 28)
    assert found[("assets", "직계비속", None)] == (213_391_000, 26)
    assert [found[(m, "직계존속", None)] for m in ("tax_paid_5y", "tax_arrears_total", "tax_arrears_current")] == [
        (0, 42)] * 3


def test_an_arrears_above_its_row_goes_to_the_row_whose_cell_is_empty():
    """c016: 547 printed between 후보자 (cell taken) and 배우자 is the spouse's; prose printed
    beside the record is not part of it."""
    form = read_disclosure(bulletin("c016"))
    found = amounts(form)
    assert found[("tax_arrears_total", "배우자", None)] == (547_000, 80)
    assert found[("tax_arrears_total", "본인", None)] == (0, 79)
    assert found[("tax_paid_5y", "직계존속", None)] == (None, 83)   # 부:신고거부 모:신고거부
    assert form.criminal_record == "-공직선거 및 선거부정방지법 위반:벌금 200만원 (2004.12.03)"
    assert form.criminal_record_count == 1


def test_a_record_counts_one_conviction_per_date():
    """c040: three dated sentences; its tax values printed right of their headers."""
    form = read_disclosure(bulletin("c040"))
    assert form.criminal_record_count == 3
    assert amounts(form)[("tax_paid_5y", "배우자", None)] == (57_466_000, 48)
    assert amounts(form)[("tax_arrears_total", "배우자", None)] == (0, 48)
    assert record_count("- 해당없음") == 0
    assert record_count("벌금 1,000,000원 (2018. 3. 9.) 및 (2018.03.09)") == 1


def test_asset_amounts_without_their_column_labels():
    """c035 prints no label row: the amounts take the form's order, a member its kinship's relation."""
    found = amounts(read_disclosure(bulletin("c035")))
    assert found[("assets", "total", None)] == (732_661_000, 26)
    assert found[("assets", "직계존속", "모")] == (16_582_000, 26)
    assert found[("assets", "직계비속", "장남")] == (24_264_000, 26)


def test_free_text_cells_one_space_apart_split_at_the_gutter():
    """c021: ``정당인 화학공학과`` prints the occupation and a wrapped education line one space
    apart; no line prints across the gutter between them."""
    form = read_disclosure(bulletin("c021"))
    assert (form.occupation, form.education) == ("정당인", "단국대학교 화학공학과 졸업")
    assert form.career == "-(현)국민의힘 경기도당 AI반도체특별위원회 위원장 -(전)대한체육회 인권위원회 부위원장"


def test_the_same_cells_shifted_off_their_headers():
    """c021 with its values moved six characters right of the headers: the gutters still part them."""
    lines = bulletin("c021")
    header = next(n for n, line in enumerate(lines) if "직업" in line)
    shifted = lines[:header + 1] + ["      " + line if line.strip() else line for line in lines[header + 1:header + 9]] \
        + lines[header + 9:]
    form = read_disclosure(shifted)
    assert (form.occupation, form.education) == ("정당인", "단국대학교 화학공학과 졸업")


def test_career_items_start_at_their_tense_where_no_gutter_parts_the_cells():
    """c035 and c037 wrap education and career into one run of characters: a career item starts at
    ``전)`` / ``(현)``; c037's 병역 stops where a son is named on its line."""
    form = read_disclosure(bulletin("c035"))
    assert form.education == "전주대학교 경영학부 (경영학사)졸업"
    assert form.career == "전)전라북도의회 제10·11대 의원 (11대 후반기 부의장) 현)순창군수"
    assert form.military_service == "육군 상병 (소집해제)"  # the spouse's '-' right of it is not its
    form = read_disclosure(bulletin("c037"))
    assert (form.occupation, form.education) == ("출판업", "성균관대학교 철학과 졸업예정")
    assert form.military_service == "1978, 03, 30 방위소집해제 (계급:이병) 및 소집면제 (생계곤란)"


def test_a_second_header_band_and_headers_spread_over_three_lines():
    """c034 heads 학력 and 경력 on a band of their own under the first row; c026 spreads its
    header over three lines (``소 속`` / ``정당명``, ``학   력``)."""
    form = read_disclosure(bulletin("c034"))
    assert form.occupation == "고창군수"
    assert form.education == "서울대학교 외국어교육학과(영어전공) 졸업 영국 버밍엄대학교 개발행정학 박사(92.9~95.12)"
    assert form.career == "(현)고창군수 (전)국가보훈처 차장(차관급)"
    form = read_disclosure(bulletin("c026"))
    assert (form.name, form.party, form.occupation) == ("박태경", "국민의힘", "정당인")
    assert form.education == "장안전문대학 (현 장안대학교) 세무회계과 졸업"


def test_glyphs_without_a_unicode_map_and_list_marks_are_not_text():
    """c002's name cell and bullets come out as unmapped glyphs (``Ɯ࡯ӕ``, ``臦``), c003's age as
    ``(39AH)``, c022's items start with a lone ``•``: none is part of a cell."""
    form = read_disclosure(bulletin("c002"))
    assert form.education == "서울시립대학교 대학원 도시행정학과 졸업 (행정학 박사)"
    assert form.career == "서울시의원 더불어민주당 정책위원회 부의장"
    assert form.name is None  # printed only in the unmapped font
    [candidate], finance = extract_form_candidates(bulletin("c002"))
    assert (candidate.name, candidate.birth_date, candidate.source_line, candidate.party) == (
        None, date(1969, 6, 25), 28, "더불어민주당")  # the party the bulletin names, its cell unreadable too
    assets = {f.relation: f.amount_krw for f in finance if f.measure == "assets"}
    assert assets == {"total": 1_991_788_000, "본인": 136_793_000, "배우자": 1_758_460_000, "직계존속": 0,
                      "직계비속": 96_535_000}
    assert {f.candidate_name for f in finance} == {None} and len(finance) == 20
    # its title is unmapped too: the office is the one its text names most (4 times ``강동구청장``)
    election = read_election(bulletin("c002"))
    assert (election.election_type, election.constituency, election.source_line) == ("구·시·군의 장", "강동구", 8)
    assert read_election(["(전) 행정1부시장", "(전)서울특별시 행정1부시장", "양천구청장"]) is None
    assert read_disclosure(bulletin("c003")).occupation == "정당인"
    assert read_disclosure(bulletin("c022")).education == "고려대학교 대학원 졸업(교육학박사)"


def test_the_derived_fixture_wrapped_cells_dashes_and_several_relatives():
    form = read_disclosure(FIXTURE.read_text(encoding="utf-8").split("\n"))
    found = amounts(form)
    assert found[("assets", "직계존속", None)] == (0, 31)                       # '-'
    assert found[("assets", "직계비속", "장남")] == (10_000_000, 29)
    assert found[("assets", "직계비속", "차남")] == (-2_500_000, 31)
    assert found[("assets", "직계비속", "장녀")] == (None, 33)                  # 고지거부
    assert found[("assets", "직계비속", None)] == (7_500_000, 29)               # the disclosed ones
    assert form.military_service == "육군 병장 (만기전역)"
    assert found[("tax_arrears_total", "배우자", None)] == (1_200_000, 49)
    assert found[("tax_arrears_current", "배우자", None)] == (0, 50)
    assert found[("tax_paid_5y", "직계존속", None)] == (0, 52)


def test_the_election_a_filing_is_for():
    mayor = read_election(["", "강남구청장 선거"])
    assert (mayor.election_type, mayor.constituency, mayor.body, mayor.source_line) == ("구·시·군의 장", "강남구", "강남구", 2)
    council = read_election(["서울특별시의회의원선거(구로구 제 1선거구)"])
    assert (council.election_type, council.constituency, council.body, council.printed) == (
        "시·도의회의원", "구로구 제1선거구", "서울특별시", "서울특별시의회의원선거")
    governor = read_election(["제9회 전국동시지방선거 / 경기도지사선거"])
    assert (governor.election, governor.election_date, governor.election_type, governor.constituency) == (
        "제9회 전국동시지방선거", date(2026, 6, 3), "시·도지사", "경기도")
    # a menu of every kind of election above the one chosen (the commission's pages) is none of them
    chosen = read_election(["시·도지사선거 구·시·군의 장선거 시·도의회의원선거 교육감선거", "교육감선거"])
    assert (chosen.election_type, chosen.source_line) == ("교육감", 2)
    # a kind of council chosen from such a menu names no council's place
    assert read_election(["시·도의회의원선거"]).body is None
    assert election_by_age(date(1956, 2, 5), 70) == ("제9회전국동시지방선거", date(2026, 6, 3))
    assert election_by_age(date(1956, 2, 5), 66) == ("제8회전국동시지방선거", date(2022, 6, 1))
    assert election_by_age(None, 70) is None


@pytest.mark.parametrize("printed, constituency", [
    ("경기도 수원시 수원시장선거", "수원시"),          # c021's line with its province before it
    ("수원시 수원시장선거", "수원시"),                 # and with the district named twice
    ("대구광역시 동구청장선거", "동구"),
    ("부산광역시 영도구청장선거", "영도구"),           # 영도 is no province
    ("진도군수선거", "진도군"),
    ("강원특별자치도지사선거", "강원특별자치도"),
])
def test_the_office_names_its_own_government_after_the_province(printed, constituency):
    election = read_election([printed])
    assert (election.constituency, election.body) == (constituency, constituency)


def test_a_district_name_two_provinces_share():
    index = government_index(SEEDS / "governments.csv")
    assert index.named("강서구", "서울특별시 강서구청장 선거 서울 강서구").code == "3150000"
    assert index.named("강서구", "부산광역시 강서구청장 선거").code == "3360000"
    assert index.named("강서구", "강서구청장 선거") is None
    assert index.named("고양시", "").code == "3940000"


@pytest.mark.parametrize("printed, won", [
    ("707억 원", 70_700_000_000), ("16억3천2백만원", 1_632_000_000), ("1조 2,000억원", 1_200_000_000_000),
    ("3,500백만원", 3_500_000_000), ("5조 5,818억원", 5_581_800_000_000), ("약 227억", None), ("억원", None),
])
def test_amounts_written_with_place_words(printed, won):
    assert parse_place_amount(printed) == won


def test_a_five_pledge_sheet_with_costs():
    """c029: ranks printed as 공약번호:01, each cost in 억 원 under 재원조달방안."""
    pledges = read_five_pledges(sheet("c029"))
    assert [(p.rank, p.title) for p in pledges][:2] == [(1, "상동-산솔 핵심광물 전주기 클러스터 완성"),
                                                        (2, "드론산업 클러스터 완성")]
    assert [p.budget_krw for p in pledges] == [70_700_000_000, 22_700_000_000, 94_200_000_000,
                                                300_000_000_000, 40_000_000_000]
    first = pledges[0]
    assert (first.name, first.election, first.constituency, first.ballot_number, first.party) == (
        "최명서", "영월군수선거", "영월군", "5", "무소속")
    assert first.sections["period"] == "민선 9기 임기 내"
    assert first.sections["funding"].startswith("ㅇ 소요예산 : 707억 원")


def test_a_sheet_without_title_labels_and_a_cost_in_place_words():
    """c039: no 제목 label; the election named by its ordinal; 16억3천2백만원 after leader dashes."""
    pledges = read_five_pledges(sheet("c039"))
    assert [p.title for p in pledges][0] == "한국마사회 본사 정읍유치"
    assert [(p.rank, p.budget_krw, p.budget_printed) for p in pledges if p.budget_krw] == [
        (2, 20_000_000_000, "200억원"), (4, 1_632_000_000, "16억3천2백만원")]
    assert pledges[3].period_years == (2027, 2030)


def test_a_sheet_whose_font_drops_the_ranks_takes_their_order():
    """c015: the ranks are not in the text layer; pledge N is sheet N."""
    pledges = read_five_pledges(sheet("c015"))
    assert [(p.rank, p.rank_is_derived) for p in pledges] == [(n, True) for n in range(1, 6)]
    assert pledges[1].title == "여성 노인 복지 강화"


def test_a_scanned_sheet_read_by_ocr():
    """c024 is a scan: Tesseract reads it (make test installs it), and the sheet's cells, printed
    in one run of words, part at their labels. Its second title (``경기형AI``) is misread
    (``경기형스1``); the costs are the key's, 1,800억원 twice although the scan reads ``1,.800``
    and ``1.800``."""
    pledges = read_five_pledges(sheet("c024"))
    assert [p.rank for p in pledges] == [1, 2, 3, 4, 5]
    assert [p.title for p in pledges] == ["복하천문화공간 조성", "중리택지지구 경기형스1 스마트도서관 건립",
                                          "장애인 가족지원센터 설치", "첨단산업 박물관 조성", "이천산업진흥원 설립"]
    assert [p.budget_krw for p in pledges] == [90_000_000_000, 180_000_000_000, 3_000_000_000,
                                                180_000_000_000, 50_000_000_000]
    assert {(p.name, p.election, p.constituency, p.ballot_number, p.party) for p in pledges} == {
        ("김경희", "이천시장선거", "이천시", "2", "국민의힘")}


def test_form_cells_one_space_apart_part_at_their_labels():
    """c029's header lines with their gutters closed to one space (derived)."""
    lines = [" ".join(line.split()) for line in sheet("c029")[:4]]
    assert lines[1] == "후보자명 최명서 기호 5 소속정당명 무소속"
    [pledge] = read_five_pledges(lines)
    assert (pledge.name, pledge.ballot_number, pledge.party, pledge.election, pledge.constituency) == (
        "최명서", "5", "무소속", "영월군수선거", "영월군")
    assert (pledge.rank, pledge.title) == (1, "상동-산솔 핵심광물 전주기 클러스터 완성")


def test_a_funding_split_by_share_and_amount():
    """c029's first sheet with its 재원조달 rewritten as a split (derived: the corpus prints none)."""
    lines = sheet("c029")[:4]
    assert "국비, 지방소멸대응기금 및 군비, 민자유치" in lines[3]
    lines[3] = lines[3].replace("국비, 지방소멸대응기금 및 군비, 민자유치", "국비 50%, 도비 30억원, 군비 20 %")
    [pledge] = read_five_pledges(lines)
    assert pledge.budget_krw == 70_700_000_000
    assert pledge.funding_split == (("국비", "50", "%", None), ("도비", "30", "억원", 3_000_000_000),
                                    ("군비", "20", "%", None))
    [candidate], [fact], costs = extract_sheet_pledges(lines)
    assert (candidate.name, candidate.election_type, candidate.constituency, fact.pledge_code) == (
        "최명서", "구·시·군의 장", "영월군", "01")
    assert [(c.funding_source, c.unit, c.amount_krw) for c in costs] == [
        (None, "억원", 70_700_000_000), ("국비", "%", 35_350_000_000), ("도비", "억원", 3_000_000_000),
        ("군비", "%", 14_140_000_000)]


def test_tax_rows_without_labels_and_a_lost_tax_paid_header():
    """c026 prints neither the row labels nor 납세액: five lines of amounts take the form's rows in
    order, and the run of values left of the labelled arrears columns is 납세액."""
    found = amounts(read_disclosure(bulletin("c026")))
    assert found[("tax_paid_5y", "total", None)] == (66_782_000, 39)
    assert found[("tax_arrears_total", "total", None)] == (2_493_000, 39)      # '2,493 (26.05.11)'
    assert found[("tax_arrears_current", "total", None)] == (1_225_000, 39)
    assert found[("tax_arrears_total", "배우자", None)] == (861_000, 43)
    assert found[("tax_paid_5y", "직계존속", None)] == (None, 45)              # 부:신고거부
    assert found[("tax_paid_5y", "직계비속", None)] == (3_081_000, 47)


def test_a_bulletin_gives_no_facts_of_another_kind():
    """The table detectors run on every filing, but no reader that follows a work plan's text:
    c003's numbered profile row (``4   개혁신당 이용우 …``) is no project, as it once was."""
    path = next(CORPUS.glob("c003_*_bulletin.txt"))
    extraction = extract_document(path.name, read_document(path.read_bytes(), path.name),
                                  government_index(GOVERNMENT_SEED))
    assert {table: len(rows) for table, rows in extraction.facts.items() if rows} == {
        "candidates": 1, "candidate_finance": 20}
