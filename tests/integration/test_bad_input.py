"""A messy raw dir in one refresh of its own (a fresh data dir: nothing of the seed warehouse is
reused): every bad file gets its own reason in audit_quarantine, every good filing is published
(a CP949 work plan with CRLF line ends, a table of no known kind, a real PDF work plan, an HWPX
and four candidates' filings among them), and a manifest's unusable rows are listed by line. The
candidates' filings share this refresh rather than pay for one of their own: a bulletin and a
five-pledge sheet of one candidate (c039, 정읍시) become one dim_candidate row and one
mart_candidate_overview row; a candidate of a sheet alone (c029's bulletin is empty) still gets
the pledges' costs."""

import os
import shutil
from datetime import date

import duckdb
import pytest

from orchestration.refresh import run_refresh, summary
from orchestration.settings import REPO_ROOT
from tests.unit.test_formats import encrypted_pdf, scanned_pdf

pytestmark = pytest.mark.slow
SEEDS = REPO_ROOT / "raw"
CANDIDATE_FILES = ("c039_정읍시_김민영_bulletin.txt", "c039_정읍시_김민영_5pledges.pdf", "c029_영월군_최명서_5pledges.pdf",
                   "c011_용산구_강태웅_bulletin.txt")
PLEDGES, NEWS, WORK_PLAN = "001_9e02e953ab21f8cc.txt", "003_8108045a813991b6.txt", "004_dad12c48b3c039a4.txt"
MANIFEST = f"""path,government,kind,published_on,source_url
{PLEDGES},3170000,pledge_list,2023-05-02,https://www.geumcheon.go.kr/
공약 사본/missing.txt,3170000,,,
../outside.txt,,,,
{NEWS},9999999,,2023-11-20,
보고서..최종.txt,,budget_book,,
{NEWS},,,yesterday,
"""


@pytest.fixture(scope="module")
def refreshed(tmp_path_factory):
    saved = dict(os.environ)
    raw, data, elsewhere = (tmp_path_factory.mktemp(name) for name in ("raw", "data", "elsewhere"))
    for name in (PLEDGES, NEWS):
        shutil.copy(SEEDS / name, raw / name)
    (raw / "공약 사본").mkdir()
    shutil.copy(SEEDS / PLEDGES, raw / "공약 사본" / "공약 목록 (사본).txt")  # the same bytes, a second name
    (raw / "empty.txt").write_bytes(b"")
    (raw / "cut.pdf").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj")
    (raw / "scan.pdf").write_bytes(scanned_pdf())
    (raw / "secret.pdf").write_bytes(encrypted_pdf())
    corpus = REPO_ROOT / "tests" / "corpus"
    shutil.copy(corpus / "workplans" / "w08_busan_singonghang-chujinbonbu_2025.pdf", raw / "신공항추진본부 업무계획.pdf")
    shutil.copy(corpus / "formats" / "f03_duty-assignment.hwpx", raw / "업무분장표.hwpx")
    # Candidates among the bad: a bulletin and a five-pledge sheet of one candidate, a sheet alone
    # (its bulletin is empty) and another bulletin (the tests at the end of this module).
    for name in CANDIDATE_FILES:
        shutil.copy(corpus / "candidates" / name, raw / name)
    (raw / "예산서.pdf").write_bytes(b"<html><body><h1>404 Not Found</h1></body></html>")  # a failed download
    (raw / "cut.hwpx").write_bytes((corpus / "formats" / "f03_duty-assignment.hwpx").read_bytes()[:5000])
    (raw / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (raw / "plan.hwp").write_bytes(b"HWP Document File V3.00 \x1a\x01\x02\x03\x04\x05")
    (raw / "latin.txt").write_bytes(bytes(range(0x80, 0x100)) * 4)
    (raw / "news utf16.txt").write_bytes((SEEDS / NEWS).read_text(encoding="utf-8").encode("utf-16"))
    lines = (SEEDS / WORK_PLAN).read_text(encoding="utf-8").split("\n")
    (raw / "업무계획 잘림.txt").write_text("\n".join(lines[:57] + [lines[57][:12]]), encoding="utf-8")
    (raw / "보고서..최종.txt").write_text("회의 결과 보고\n\n참석 12명\n", encoding="utf-8")
    os.environ["LOCALGOV_MAX_FILE_BYTES"] = str(1024 * 1024)  # read when a filing is read
    with (raw / "huge.txt").open("wb") as huge:  # 2 MiB of text, over the 1 MiB limit of this refresh
        block = ("가나다라 1,234 " * 4096).encode("utf-8")
        while huge.tell() < 2 * 1024 * 1024:
            huge.write(block)
    work_plan = (SEEDS / WORK_PLAN).read_text(encoding="utf-8")
    (raw / "업무계획 cp949.txt").write_bytes(work_plan.replace("\n", "\r\n").encode("cp949", errors="replace"))
    (raw / "통계 자료.txt").write_text("인구 현황\n\n(단위 : 명)\n\n구분  2022년  2023년\n남    1,200  1,250\n"
                                     "여    1,300  1,310\n", encoding="utf-8")
    (elsewhere / "secret.txt").write_text("주민등록번호 없음, 외부 파일 3,456", encoding="utf-8")
    (raw / "outside.txt").symlink_to(elsewhere / "secret.txt")
    (raw / "manifest.csv").write_text(MANIFEST, encoding="utf-8")
    os.environ.update(LOCALGOV_RAW_DIR=str(raw), LOCALGOV_DATA_DIR=str(data))
    result, paths = run_refresh()
    yield result, paths
    os.environ.clear()
    os.environ.update(saved)


def query(database, sql):
    with duckdb.connect(str(database), read_only=True) as connection:
        return connection.execute(sql).fetchall()


def test_every_bad_file_is_quarantined_with_its_own_reason(refreshed):
    result, paths = refreshed
    text, published = summary(result, paths)
    assert result.success and published
    assert "unknown kind:   3 filing(s), no kind's own reader, only the table detectors: 보고서..최종.txt, 업무분장표.hwpx, 통계 자료.txt" in text
    assert "    huge.txt: too_large (2101248 bytes is over the 1048576-byte limit" in text
    rows = query(paths.published_db, "select file_path, reason from marts.audit_quarantine "
                                     "where file_path not like 'manifest.csv%' order by 1")
    assert rows == [("cut.hwpx", "corrupt_zip"), ("cut.pdf", "truncated"), ("empty.txt", "empty"),
                    ("huge.txt", "too_large"), ("latin.txt", "undecodable"), ("photo.png", "image"),
                    ("plan.hwp", "unsupported_format"), ("scan.pdf", "no_text_layer"), ("secret.pdf", "encrypted"),
                    ("업무계획 잘림.txt", "truncated"), ("예산서.pdf", "not_what_its_name_says")]
    details = dict(query(paths.published_db, "select file_path, detail from marts.audit_quarantine"))
    assert details["huge.txt"] == ("2101248 bytes is over the 1048576-byte limit (LOCALGOV_MAX_FILE_BYTES); "
                                   "split the filing or raise the limit")
    assert details["plan.hwp"] == "an HWP 3 document: open it in Hangul and save it as HWP 5, HWPX or PDF"
    # an image with nothing on it: Tesseract (make test installs it) reads no line either
    assert details["scan.pdf"] == "none of its 1 page(s) has a text layer (a scan): Tesseract read no text on them either"
    assert query(paths.published_db, "select count(*) from marts.audit_quarantine where suggested_fix is null") == [(0,)]


def test_every_good_filing_is_published(refreshed):
    _, paths = refreshed
    documents = query(paths.published_db, "select file_paths, kind, encoding, government_code, government_from, "
                                           "published_on from marts.dim_document where read_status = 'ok' and extract_status = 'ok' "
                                           "order by 1")
    assert documents == [
        (f"{PLEDGES} | 공약 사본/공약 목록 (사본).txt", "pledge_list", "utf-8", "3170000", "manifest", date(2023, 5, 2)),
        # its row's government is unknown (told from the content instead), its date still holds
        (NEWS, "news_article", "utf-8", "3170000", "content", date(2023, 11, 20)),
        # the candidates' filings, each the government of the office its election fills
        ("c011_용산구_강태웅_bulletin.txt", "candidate_disclosure", "utf-8", "3020000", "content", None),
        ("c029_영월군_최명서_5pledges.pdf", "candidate_disclosure", None, "4271000", "content", None),
        ("c039_정읍시_김민영_5pledges.pdf", "candidate_disclosure", None, "4691000", "content", None),
        ("c039_정읍시_김민영_bulletin.txt", "candidate_disclosure", "utf-8", "4691000", "content", None),
        ("news utf16.txt", "news_article", "utf-16", "3170000", "content", None),
        ("보고서..최종.txt", "unknown", "utf-8", None, None, None),
        # 부산광역시's work plan, told from its content
        ("신공항추진본부 업무계획.pdf", "work_plan", None, "6260000", "content", None),
        ("업무계획 cp949.txt", "work_plan", "cp949", "3170000", "content", None),
        ("업무분장표.hwpx", "unknown", None, None, None, None),
        ("통계 자료.txt", "unknown", "utf-8", None, None, None),
    ]
    columns = "org_unit, statement, grade, authorized, current, as_of, source_line, printed_value"
    staffing = query(paths.published_db, f"select {columns} from marts.fct_staffing order by all")
    assert len(staffing) == 111 + 8  # the CP949 work plan's, and the PDF's 정원 / 현원 rows by grade
    # its table's note ``(2025. 1. 1. 기준, 단위 : 명)`` dates the counts
    assert ("신공항추진본부", "unit_page", "total", 45, 51, date(2025, 1, 1), 20, "45명") in staffing
    assert ("기획예산과", "unit_page", "total", 21, 23, date(2023, 10, 31), 106, "21 (23)") in staffing
    # a filing of no known kind is published with its generic layers, and no typed fact
    unknown = query(paths.published_db, "select c.row_label, c.column_label, c.value, c.unit, c.table_layout "
                                        "from marts.fct_table_cell c join marts.dim_document d using (document_id) "
                                        "where d.file_path = '통계 자료.txt' order by c.source_line, c.column_index")
    assert unknown == [("남", "2022년", 1200, "명", "aligned"), ("남", "2023년", 1250, "명", "aligned"),
                       ("여", "2022년", 1300, "명", "aligned"), ("여", "2023년", 1310, "명", "aligned")]
    # the pledge list's 63 and the two five-pledge sheets' 5 each
    assert query(paths.published_db, "select source_kind, count(*) from marts.dim_pledge group by 1 order by 1") == [
        ("candidate_disclosure", 10), ("pledge_list", 63)]
    assert query(paths.published_db, "select count(*), count(distinct document_id) from marts.fct_news_claim") == [(14, 2)]
    # the symlink leaving the raw dir is not followed: its target is nowhere
    assert query(paths.published_db, "select count(*) from marts.audit_filing_lines where text like '%외부 파일%'") == [(0,)]
    assert not [p for (p,) in query(paths.published_db, "select file_paths from marts.dim_document") if "outside" in p]


def test_unusable_manifest_rows_are_listed_by_line(refreshed):
    _, paths = refreshed
    rows = query(paths.published_db, "select file_path, reason, detail from marts.audit_quarantine "
                                     "where file_path like 'manifest.csv%' order by 1")
    assert [row[:2] for row in rows] == [
        ("manifest.csv:3", "manifest_missing_file"), ("manifest.csv:4", "manifest_path_outside"),
        ("manifest.csv:5", "manifest_unknown_government"), ("manifest.csv:6", "manifest_unknown_kind"),
        ("manifest.csv:7", "manifest_bad_date")]
    assert rows[0][2] == "line 3: no file '공약 사본/missing.txt' under the raw dir; fix the path or remove the row"
    assert rows[2][2].startswith("line 5: '9999999' is no 기관코드 of the governments seed")


def test_a_pdf_and_an_hwpx_publish_page_by_page(refreshed):
    _, paths = refreshed
    documents = query(paths.published_db, "select file_path, format, page_count, line_count from marts.dim_document "
                                           "where format <> 'text' order by 1")
    assert documents == [("c029_영월군_최명서_5pledges.pdf", "pdf", 5, 20), ("c039_정읍시_김민영_5pledges.pdf", "pdf", 5, 25),
                         ("신공항추진본부 업무계획.pdf", "pdf", 21, 448), ("업무분장표.hwpx", "hwpx", 1, 22)]
    lines = query(paths.published_db, "select l.page_number, l.line_number, l.text, l.line_role from marts.audit_filing_lines l "
                                       "join marts.dim_document d using (document_id) "
                                       "where d.file_path = '신공항추진본부 업무계획.pdf' and l.page_number = 5 order by l.line_number")
    assert lines[-1] == (5, len(lines), "- 1 -", "page_number")
    cells = query(paths.published_db, "select count(*), count(distinct source_page), min(source_page) from marts.fct_table_cell c "
                                       "join marts.dim_document d using (document_id) where d.file_path = '신공항추진본부 업무계획.pdf'")
    assert cells[0][0] > 0 and cells[0][1] > 1 and cells[0][2] >= 3


def test_trace_and_explain_name_the_page_of_a_pdf_line(refreshed, capsys):
    """w08 p5: the 예산 table's 계 row (line 25 of the page), traced by page and line, and by its
    line through the whole document; a cell of it explained back to the same place."""
    from orchestration.cli import main

    _, paths = refreshed
    pdf = "신공항추진본부 업무계획.pdf"
    assert main(["trace", f"{pdf}:5:25"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"filing:   {pdf} p.5 l.25  (sha256 ")
    assert "  >    25 | 계 ⇥ 3,652 ⇥ 4,425 ⇥ △773 ⇥ △17.5%" in out  # a row of the ruled 예산 table
    assert "fct_table_cell (4):" in out and "column_label='증 감', column_index=3, part=1, printed_value='△773'" in out
    ((document_line, cell_id),) = query(paths.published_db, (
        "select c.document_line, c.cell_id from marts.fct_table_cell c join marts.dim_document d using (document_id) "
        f"where d.file_path = '{pdf}' and c.source_page = 5 and c.source_line = 25 and c.printed_value = '3,652'"))
    assert main(["trace", f"{pdf}:{document_line}"]) == 0
    assert capsys.readouterr().out == out
    assert main(["explain", "fct_table_cell", cell_id]) == 0
    explained = capsys.readouterr().out
    assert f"filing:   {pdf} p.5 l.25  (sha256 " in explained and "p.5 l.25: printed_value='3,652'" in explained
    assert main(["trace", f"{pdf}:5:99"]) == 2
    assert f"{pdf} has no line 99 on page 5 (it has 21 page(s))" in capsys.readouterr().err


# --- candidates of the corpus through the whole refresh ---------------------------------------

def test_one_candidate_whichever_filings_name_them(refreshed):
    rows = query(refreshed[1].published_db,
                 "select name, government_code, election, election_date, election_type, constituency, party, "
                 "ballot_number, birth_date, filings from marts.dim_candidate order by name")
    assert rows == [
        ("강태웅", "3020000", "용산구청장선거", date(2026, 6, 3), "구·시·군의 장", "용산구", "더불어민주당", "1",
         date(1963, 8, 29), 1),
        # the sheet prints the election by its ordinal and no office: both come from the bulletin
        ("김민영", "4691000", "정읍시장선거", date(2026, 6, 3), "구·시·군의 장", "정읍시", "조국혁신당", "3",
         date(1966, 1, 13), 2),
        ("최명서", "4271000", "영월군수선거", None, "구·시·군의 장", "영월군", "무소속", "5", None, 1),
    ]


def test_the_overview_compares_candidates(refreshed):
    rows = query(refreshed[1].published_db,
                 "select name, assets_total_krw, assets_descendants_krw, tax_paid_5y_krw, tax_arrears_krw, "
                 "criminal_record_count, pledges, pledges_cost_krw, pledges_costed "
                 "from marts.mart_candidate_overview order by name")
    assert rows == [
        ("강태웅", 3_773_101_000, 213_391_000, 52_182_000, 0, 0, 0, None, 0),
        ("김민영", 930_806_000, 46_154_000, 12_382_000, 0, 0, 5, 21_632_000_000, 2),
        ("최명서", None, None, None, None, None, 5, 527_600_000_000, 5),
    ]


def test_named_relatives_and_their_lines(refreshed):
    """c011's bulletin is pdftotext's text, paged by its form feeds: the relatives' row is page 2's
    line 24, the file's line 26 (the answer key's locator)."""
    rows = query(refreshed[1].published_db,
                 "select f.person, f.statement, f.amount_krw, f.printed_value, f.source_page, f.source_line, f.document_line "
                 "from marts.fct_candidate_finance f join marts.dim_candidate c using (candidate_id) "
                 "where c.name = '강태웅' and f.measure = 'assets' and f.relation = '직계비속' order by f.statement, f.person")
    assert rows == [(None, "derived_sum", 213_391_000, "장녀195,154 장남18,237", 2, 24, 26),
                    ("장남", "printed", 18_237_000, "장남18,237", 2, 26, 28),
                    ("장녀", "printed", 195_154_000, "장녀195,154", 2, 24, 26)]


def test_the_pledges_of_a_sheet_with_their_sections_and_costs(refreshed):
    pledges = query(refreshed[1].published_db,
                    "select p.pledge_code, p.title, p.source_kind, p.period, p.source_page from marts.dim_pledge p "
                    "join marts.dim_candidate c using (candidate_id) where c.name = '김민영' order by 1")
    assert [p[:3] for p in pledges][:2] == [("01", "한국마사회 본사 정읍유치", "candidate_disclosure"),
                                            ("02", "전자선가속기로 축산악취 해결", "candidate_disclosure")]
    assert [p[4] for p in pledges] == [1, 2, 3, 4, 5]
    costs = query(refreshed[1].published_db,
                  "select i.pledge_code, i.amount_krw, i.printed_value, i.fiscal_year_from, i.fiscal_year_to, "
                  "i.source_page from marts.fct_pledge_investment i join marts.dim_pledge p using (pledge_id) "
                  "join marts.dim_candidate c using (candidate_id) where c.name = '김민영' order by 1")
    assert costs == [("02", 20_000_000_000, "200억원", 2027, 2030, 2),
                     ("04", 1_632_000_000, "16억3천2백만원", 2027, 2030, 4)]
