"""The candidate disclosure (000) and the news article (003): exact values with their lines, and
the same kinds of document in other wording."""

import pytest

from orchestration.extract.candidates import extract_candidate_finance, extract_candidate_pledges, extract_candidates
from orchestration.extract.contacts import mask_contacts
from orchestration.extract.document import extract_document
from orchestration.extract.news import extract_news_claims
from orchestration.extract.tables import read_tables
from orchestration.extract.text import split_lines


@pytest.fixture(scope="module")
def leaflet(seed_text, governments):
    text = "\n".join(mask_contacts(line) for line in split_lines(seed_text("000")))
    return extract_document("000", text, governments)


@pytest.fixture(scope="module")
def article(seed_text, governments):
    return extract_document("003", seed_text("003"), governments)


def test_the_candidate(leaflet):
    [candidate] = leaflet.candidates
    assert candidate["source_line"] == 19
    assert {k: candidate[k] for k in ("election", "constituency", "ballot_number", "party", "name", "sex",
                                      "occupation", "military_service", "criminal_record")} == {
        "election": "서울특별시의회의원선거", "constituency": "구로구 제1선거구", "ballot_number": "1",
        "party": "더불어민주당", "name": "김미주", "sex": "여", "occupation": "구로구 의회 의원",
        "military_service": "병역의무 없음", "criminal_record": "해당 없음"}
    assert str(candidate["birth_date"]) == "1982-11-10"
    assert candidate["education"] == "성균관대학교 국정전문대학원 행정학과 박사과정 재학중"
    assert candidate["career"].startswith("(현)더불어민주당 서울특별시당 대변인")


def finance(leaflet, measure, relation, person=None, statement="printed"):
    [row] = [f for f in leaflet.candidate_finance if (f["measure"], f["relation"], f["person"], f["statement"])
             == (measure, relation, person, statement)]
    return row["amount_krw"], row["source_line"]


def test_assets_by_relation_with_named_relatives_and_their_sums(leaflet):
    assert finance(leaflet, "assets", "total") == (1_020_400_000, 25)
    assert finance(leaflet, "assets", "본인") == (336_807_000, 25)
    assert finance(leaflet, "assets", "배우자") == (280_485_000, 25)
    assert finance(leaflet, "assets", "직계존속", "모") == (379_857_000, 25)
    assert finance(leaflet, "assets", "직계존속", statement="derived_sum") == (379_857_000, 25)
    assert finance(leaflet, "assets", "직계비속", "장녀") == (13_159_000, 25)
    assert finance(leaflet, "assets", "직계비속", "차녀") == (10_092_000, 25)
    assert finance(leaflet, "assets", "직계비속", statement="derived_sum") == (23_251_000, 25)
    # the relations add up to the printed 계
    parts = [finance(leaflet, "assets", r)[0] for r in ("본인", "배우자")] + [
        finance(leaflet, "assets", r, statement="derived_sum")[0] for r in ("직계존속", "직계비속")]
    assert sum(parts) == 1_020_400_000


def test_taxes_by_relation(leaflet):
    assert finance(leaflet, "tax_paid_5y", "total") == (62_980_000, 32)
    assert finance(leaflet, "tax_paid_5y", "본인") == (1_622_000, 33)
    assert finance(leaflet, "tax_paid_5y", "배우자") == (60_343_000, 34)
    assert finance(leaflet, "tax_paid_5y", "직계존속") == (1_015_000, 35)
    assert finance(leaflet, "tax_arrears_total", "직계비속") == (0, 36)
    assert finance(leaflet, "tax_arrears_current", "total") == (0, 32)
    assert len(leaflet.candidate_finance) == 8 + 15


def test_the_leaflets_pledges_with_derived_codes(leaflet):
    pledges = {p["pledge_code"]: p for p in leaflet.pledges}
    assert len(pledges) == 6 + 6 + 5 + 5 + 6 + 5 + 7
    assert all(p["code_is_derived"] and p["source_kind"] == "candidate_disclosure" for p in pledges.values())
    assert (pledges["교통-01"]["title"], pledges["교통-01"]["source_line"]) == ("신구로선 조기 신설, 전철 1호선 지하화", 121)
    assert (pledges["기후환경-01"]["strategy"], pledges["기후환경-01"]["title"]) == (
        "기후 환경", "지속가능한 구로를 위해 지금 당장 실천!")
    assert (pledges["개봉1동-04"]["title"], pledges["개봉1동-04"]["source_line"]) == ("개봉동 68-18~73-5 간 도로개설", 189)
    assert pledges["고척2동-05"]["title"] == "고척로 등 노후 도로 정비공사"
    numbered = pledges["7대공약-04"]
    assert (numbered["title"], numbered["strategy"], numbered["source_line"]) == (
        "디지털 격차 해소를 위한 청년, 취업자 대상 AI 구독료 지원", "구로의 일상을 바꾸는 7대 공약", 246)
    # what the member achieved (past tense) and the biography are no pledges
    assert not any("남북순환로" in p["title"] or "학력" in p["title"] for p in pledges.values())


OTHER_LEAFLET = """\
부산광역시 해운대구청장선거(해운대구)

이름 | 정당 | 기호 | 생년월일 | 직업 |
박해운 | 국민의힘 | 2 | 1970. 3. 5. | 회사원 |

재산 (단위 : 천원)

구분 | 재산 | 납부액 | 현재체납액 |
합계 | 500,000 | 30,000 | 0 |
본인 | 300,000 | 20,000 | 0 |
배우자 | 150,000 | 10,000 | 0 |
직계비속 | 장남:50,000 | 0 | 0 |

# 해운대를 바꾸겠습니다

## 교통

### 도시철도 연장

## 주요 공약

- 1. 해수욕장 야간 개방
- 2. 구민 체육관 신축

연락처 : 010-1234-5678
사무소 주소 : 해운대구 중동2로 11
"""


def test_another_candidate_in_another_layout():
    lines = [mask_contacts(line) for line in split_lines(OTHER_LEAFLET)]
    tables = read_tables(lines)
    [candidate] = extract_candidates(lines, tables)
    assert (candidate.election, candidate.constituency, candidate.name, candidate.party, candidate.ballot_number,
            str(candidate.birth_date)) == ("부산광역시 해운대구청장선거", "해운대구", "박해운", "국민의힘", "2", "1970-03-05")
    rows = {(f.measure, f.relation, f.person, f.statement): f.amount_krw
            for f in extract_candidate_finance(tables, [candidate])}
    assert rows[("assets", "total", None, "printed")] == 500_000_000
    assert rows[("tax_paid_5y", "배우자", None, "printed")] == 10_000_000
    assert rows[("tax_arrears_current", "본인", None, "printed")] == 0
    assert rows[("assets", "직계비속", "장남", "printed")] == 50_000_000
    assert rows[("assets", "직계비속", None, "derived_sum")] == 50_000_000
    pledges = [(p.pledge_code, p.title) for p in extract_candidate_pledges(lines)]
    assert pledges == [("교통-01", "도시철도 연장"), ("주요공약-01", "해수욕장 야간 개방"), ("주요공약-02", "구민 체육관 신축")]
    assert lines[-2] == "연락처 : ###-####-####" and lines[-1] == "사무소 주소 : [주소]"


@pytest.mark.parametrize(("line", "claim", "subject", "value", "unit"), [
    (2, "30년을 향한", None, "30", "년"),
    (3, "129개의 신규사업을", "신규사업", "129", "개"),
    (3, "총 454개의 사업계획을", "사업계획", "454", "개"),
    (12, "총 51개 주요업무에", "주요업무", "51", "개"),
    (13, "기존 5일간 진행되던", None, "5", "일"),
    (13, "3일로 단축하여", None, "3", "일"),
    (14, "미래 30년을 준비하는", None, "30", "년"),
])
def test_each_news_claim(article, line, claim, subject, value, unit):
    [found] = [c for c in article.news_claims if c["claim"] == claim]
    assert (found["source_line"], found["subject"], found["value"], found["unit"]) == (line, subject, value, unit)
    assert claim.split()[0] in found["sentence"] or claim in found["sentence"]


def test_the_article_claims_exactly_these_and_names_its_programmes(article):
    assert len(article.news_claims) == 7
    assert article.classification["kind"] == "news_article"
    assert article.classification["government_code"] == "3170000"
    names = {(m["name"], m["mention_form"]) for m in article.news_mentions}
    assert {("버킷리스트30", "quoted"), ("AI+ 허브", "quoted"), ("금천시민대학", "quoted"),
            ("민선8기 공약사업 성과 완성", "listed")} <= names
    # what the mayor said (double quotes) is a quotation, not a programme
    assert not any(name.startswith("이번 보고회는") for name, _ in names)


def test_dates_are_not_claims():
    text = "구는 3월 16일부터 18일까지 2026년 보고회를 열고 총 12개 사업에 5억원을 투입한다."
    claims = [(c.printed_value, c.claim, c.subject) for c in extract_news_claims([text])]
    assert claims == [("12개", "총 12개 사업에", "사업"), ("5억원", "5억원을 투입한다.", None)]


def _nec_list(name, governments):
    from orchestration.extract.formats import read_document
    from orchestration.settings import REPO_ROOT
    path = REPO_ROOT / "tests" / "corpus" / "formats" / name
    return extract_document(name, read_document(path.read_bytes(), name), governments)


def test_the_commissions_list_of_candidates_a_row_each(governments):
    """f07, the commission's 후보자 명부 page for 서울특별시의회 마포구 제1선거구 (HTML): one candidate
    per row, its constituency, 병역 and 전과 on its own row, its hanja left out of its name; the
    election the page's chosen option names (its menu lists every kind); each row's 재산 신고액 and
    납세실적, in 천원, the candidate's totals."""
    extraction = _nec_list("f07_nec_seoul-council-mapo1-candidates.html", governments)
    people = [(c["source_line"], c["ballot_number"], c["party"], c["name"], c["sex"], str(c["birth_date"]),
               c["occupation"], c["military_service"], c["criminal_record_count"]) for c in extraction.candidates]
    assert people == [(69, "1", "더불어민주당", "고병준", "남", "1986-11-19", "마포구의회의원", "군복무를 마친사람", 0),
                      (70, "2", "국민의힘", "이민석", "남", "1981-02-22", "서울특별시의회의원", "군복무를 마친사람", 0),
                      (71, "5", "진보당", "이현숙", "여", "1974-07-16", "정당인", "해당없음(비대상)", 2)]
    assert {(c["election_type"], c["constituency"], str(c["election_date"])) for c in extraction.candidates} == {
        ("시·도의회의원", "마포구제1선거구", "2026-06-03")}
    # the 시의회's election, its line naming no place: 서울특별시, whose 마포구 the page names most
    assert extraction.classification["government_code"] == "6110000"
    money = {(f["candidate_name"], f["measure"]): (f["relation"], f["amount_krw"], f["source_line"])
             for f in extraction.candidate_finance}
    assert len(money) == 12
    assert money[("이민석", "assets")] == ("total", 411_345_000, 70)
    assert money[("이민석", "tax_paid_5y")] == ("total", 190_470_000, 70)
    assert money[("이현숙", "tax_arrears_current")] == ("total", 0, 71)


def test_the_commissions_list_for_an_office_without_parties(governments):
    """f08, 서울특별시 교육감: no 기호 nor party; eight candidates, the first's 7,394천원 of arrears
    in five years, its three convictions counted as printed (``3건``)."""
    extraction = _nec_list("f08_nec_seoul-education-candidates.html", governments)
    assert len(extraction.candidates) == 8
    # 서울특별시's, not 과천시's, where the commission's footer says it sits
    assert extraction.classification["government_code"] == "6110000"
    assert _nec_list("f06_nec_mapo-council-candidates.html", governments).classification["government_code"] == "3130000"
    first = extraction.candidates[0]
    assert (first["name"], first["party"], first["election_type"], first["constituency"], first["criminal_record_count"]) == (
        "김영배", None, "교육감", "서울특별시", 3)
    arrears = [f["amount_krw"] for f in extraction.candidate_finance
               if f["candidate_name"] == "김영배" and f["measure"] == "tax_arrears_total"]
    assert arrears == [7_394_000]


def test_the_commissions_list_as_a_spreadsheet(governments, tmp_path):
    """The list the page offers as a spreadsheet (its XLS button), derived from f07's rows: the
    same header of two rows (납세실적 merged over its three columns), the election in a title line
    above; the same candidates and money as from the HTML."""
    from openpyxl import Workbook

    from orchestration.extract.formats import read_document
    book = Workbook()
    sheet = book.active
    sheet.append(["제9회 전국동시지방선거 시·도의회의원선거 후보자 명부"])
    sheet.append(["선거구명", "기호", "소속 정당명", "성명 (한자)", "성별", "생년월일 (연령)", "직업",
                  "재산 신고액 (천원)", "병역 신고사항 (본인)", "납세실적(천원)", None, None, "전과 기록 유무 (건수)"])
    sheet.append([None] * 9 + ["납부액", "최근 5년간 체납액", "현체 납액", None])
    sheet.merge_cells("J2:L2")
    for column in "ABCDEFGHIM":
        sheet.merge_cells(f"{column}2:{column}3")
    sheet.append(["마포구제1선거구", "2", "국민의힘", "이민석 (李旼錫)", "남", "1981.02.22 (45세)", "서울특별시의회의원",
                  "411,345", "군복무를 마친사람", "190,470", "0", "0", "없음"])
    sheet.append(["마포구제1선거구", "5", "진보당", "이현숙 (李賢淑)", "여", "1974.07.16 (51세)", "정당인",
                  "236,934", "해당없음(비대상)", "135", "0", "0", "2건"])
    path = tmp_path / "list.xlsx"
    book.save(path)
    extraction = extract_document("list.xlsx", read_document(path.read_bytes(), "list.xlsx"), governments)
    assert [(c["name"], c["ballot_number"], c["election_type"], c["constituency"], c["criminal_record_count"])
            for c in extraction.candidates] == [("이민석", "2", "시·도의회의원", "마포구제1선거구", 0),
                                                ("이현숙", "5", "시·도의회의원", "마포구제1선거구", 2)]
    money = {(f["candidate_name"], f["measure"]): f["amount_krw"] for f in extraction.candidate_finance}
    assert money == {("이민석", "assets"): 411_345_000, ("이민석", "tax_paid_5y"): 190_470_000,
                     ("이민석", "tax_arrears_total"): 0, ("이민석", "tax_arrears_current"): 0,
                     ("이현숙", "assets"): 236_934_000, ("이현숙", "tax_paid_5y"): 135_000,
                     ("이현숙", "tax_arrears_total"): 0, ("이현숙", "tax_arrears_current"): 0}
