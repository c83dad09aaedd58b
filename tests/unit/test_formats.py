"""Every format read into one document model, proven on real documents (tests/corpus, copied
byte for byte from the shared corpus with its answer keys) and on one table written in five formats
(tests/fixtures/formats/make_fixtures.py)."""

from __future__ import annotations

import csv
import io
import re
import shutil
import struct
import zipfile
from functools import cache
from pathlib import Path

import olefile
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest

from orchestration.extract.document import extract_document
from orchestration.extract.formats import read_document
from orchestration.extract.formats.model import PAGE_NUMBER, line_records
from orchestration.extract.governments import government_index
from orchestration.extract.text import ReadError
from orchestration.settings import GOVERNMENT_SEED, REPO_ROOT

CORPUS = REPO_ROOT / "tests" / "corpus"
FIXTURES = REPO_ROOT / "tests" / "fixtures" / "formats"


def _sources() -> list[tuple[str, int]]:
    pages = [(row["file"], int(row["pages"])) for row in csv.DictReader((CORPUS / "workplans" / "sources.csv").open())]
    pages += [(row["file"], int(row["pages_or_lines"].split()[0]))
              for row in csv.DictReader((CORPUS / "candidates" / "sources.csv").open()) if row["format"] == "PDF"]
    return pages


@cache
def _document(name: str):
    path = next(CORPUS.glob(f"*/{name}"))
    try:
        return read_document(path.read_bytes(), path.name)
    except ReadError as error:
        return error


def _read(name: str) -> list[dict] | ReadError:
    """The lake's rows of the document's lines: what the evidence store keeps."""
    document = _document(name)
    return document if isinstance(document, ReadError) else line_records(document)


@pytest.mark.parametrize("name, pages", _sources())
def test_every_corpus_pdf_reads_with_its_page_count(name, pages):
    records = _read(name)
    assert _document(name).page_count == pages
    assert _document(name).ocr == (name == "c024_이천시_김경희_5pledges.pdf")  # the one scan of the corpus
    assert all(r["x0"] is not None and r["top"] < r["bottom"] for r in records)


@pytest.mark.parametrize("name, format, pages, tables", [
    ("f01_seoul_expenditure-resolution.hwpx", "hwpx", 1, 2),
    ("f02_seoul_excavation-daily-report.hwpx", "hwpx", 1, 5),
    ("f03_duty-assignment.hwpx", "hwpx", 1, 2),
    ("f04_project-application.hwp", "hwp", 1, 1),
    ("f05_selection-report.hwp", "hwp", 1, 1),
    ("f06_nec_mapo-council-candidates.html", "html", 1, 1),
    ("f07_nec_seoul-council-mapo1-candidates.html", "html", 1, 1),
    ("f08_nec_seoul-education-candidates.html", "html", 1, 1),
])
def test_every_corpus_hwpx_hwp_and_html_reads_with_its_tables(name, format, pages, tables):
    document = _document(name)
    assert (document.format, document.page_count) == (format, pages)
    assert len({line.table for page in document.pages for line in page if line.table}) == tables


def test_page_numbers_are_known_as_such():
    """w01's footer '- 1 -' is on physical page 4; a page number is furniture, not content."""
    records = _read("w01_busan_gihoekjojeongsil_2025.pdf")
    numbers = [(r["page_number"], r["text"]) for r in records if r["role"] == PAGE_NUMBER]
    assert numbers[0] == (4, "- 1 -")
    # 43 pages: the cover, the contents, a section cover and the blank last page print none
    assert len(numbers) == 39 and numbers[-1] == (42, "- 39 -")
    page4 = [r["text"] for r in records if r["page_number"] == 4]
    assert "인  력 : 정원 149명, 현원 149명" in page4


def test_ruled_pdf_tables_are_stated_tables():
    """w01 p4: the staffing and budget tables are ruled; their rules give the cells, and the
    budget table's two-level header keeps its spans (’25년 당초예산 over 예산 액 and two 증감률)."""
    rows = [r for r in _read("w01_busan_gihoekjojeongsil_2025.pdf") if r["page_number"] == 4 and r["stated_table"]]
    staffing = [r["text"].split("\t") for r in rows if r["stated_table"] == rows[0]["stated_table"]]
    assert staffing == [["구 분", "계", "3급", "4급", "5급", "6급", "7급", "8급"],
                        ["정 원", "149", "-", "6", "25", "70", "45", "3"],
                        ["현 원", "149", "-", "6", "24", "50", "61", "8"],
                        ["과부족", "-", "-", "-", "△1", "△20", "16", "5"]]
    budget = [r["text"].split("\t") for r in rows if r["stated_table"] == rows[0]["stated_table"] + 1]
    assert budget[:4] == [["구 분", "’25년 당초예산", "", "", "’24년 당초예산", "’24년 최종예산"],
                          ["", "예 산 액", "증 감 률(%)", "", "", ""],
                          ["", "", "’24년 당초 대비", "’24년 최종 대비", "", ""],
                          ["합 계", "17,855", "4.2", "△3.1", "17,137", "18,430"]]
    assert all(r["x0"] is not None for r in rows)


def _answers():
    for folder in ("workplans", "candidates"):
        for row in csv.DictReader((CORPUS / folder / "answers.csv").open()):
            if row["locator"] and row["printed"]:
                yield row


def _squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_every_printed_answer_is_on_its_page_in_the_evidence_store():
    """A fact of the answer keys is on its page (PDF) or from its line on (text, where a cell
    wraps over the lines below). Left out, because they are not in the text layer at all: the
    answers the key itself took from the page image (c024's OCR reads them, tested apart)."""
    checked, missing = 0, []
    for row in _answers():
        note = row.get("note", "")
        if "page image" in note or "pdftotext drops" in note or "sub-table" in note:
            continue
        records = _read(row["file"])
        where = int(row["locator"])
        if row["file"].endswith(".pdf"):
            window = [r["text"] for r in records if r["page_number"] == where]
        else:
            window = [r["text"] for r in records if where - 2 <= r["document_line"] <= where + 10]
        text = _squeezed("".join(window))
        checked += 1
        if not all(_squeezed(part) in text for part in row["printed"].split()):
            missing.append((row["file"], where, row["printed"]))
    assert missing == []
    assert checked == 1066


def test_hwp_tables_are_read_with_their_cells():
    """hwp5txt prints the paragraphs of f04 and drops its form table; here every row is a line
    of its stated table, cells split where the format splits them."""
    records = _read("f04_project-application.hwp")
    rows = {r["text"].split("\t")[0]: r for r in records if r["stated_table"] == 1}
    assert rows["예상금액"]["text"].split("\t")[:2] == ["예상금액", "50백만원"]
    assert rows["연구기간"]["text"].split("\t")[:2] == ["연구기간", "4 ~ 9월 (6개월)"]
    assert rows["신청부서"]["text"].split("\t") == ["신청부서", "자치분권제도과", "사업담당자", "김인경",
                                                 "dBrain담당자 (디지털예산회계시스템)", ""]
    f05 = {r["text"].split("\t")[0]: r["text"].split("\t")[1] for r in _read("f05_selection-report.hwp") if r["stated_table"]}
    assert f05["예상금액"] == "100,000,000원(부가세포함)"
    assert f05["연구기간"] == "2018.4 ~ 12 ( 8 개월)"


def test_hwpx_cells_keep_their_spans():
    """f03: the 부서명 header spans the unit and team columns; the unit (운영 지원부) spans the
    rows of its three teams, so the rows below it leave its cell empty."""
    rows = [r["text"].split("\t") for r in _read("f03_duty-assignment.hwpx") if r["stated_table"] == 1]
    assert rows[0][:3] == ["부서명", "", "분장업무"]
    assert rows[1][:2] == ["운영 지원부", "총무팀"]
    assert rows[2][:2] == ["", "기획총괄팀"]
    assert len([r for r in _read("f02_seoul_excavation-daily-report.hwpx") if r["stated_table"]]) > 0
    assert max(r["stated_table"] or 0 for r in _read("f02_seoul_excavation-daily-report.hwpx")) == 5


def test_html_tables_with_two_header_rows_and_masked_addresses():
    """The commission's list: the 납세실적 header spans three columns over a second header row;
    the candidates' street addresses never reach the evidence store."""
    rows = [r for r in _read("f06_nec_mapo-council-candidates.html") if r["stated_table"] == 1]
    header = rows[0]["text"].split("\t")
    assert header[13:16] == ["납세실적(천원)", "", ""]
    assert rows[1]["text"].split("\t")[13:16] == ["납부액", "최근 5년간 체납액", "현체 납액"]
    first = rows[2]["text"].split("\t")
    assert first[2:7] == ["1", "더불어민주당", "장덕준 (張德俊)", "남", "1960.11.20 (65세)"]
    assert first[7] == "[주소]" and first[11] == "1,177,468"
    assert not any("손기정로" in r["text"] for r in _read("f06_nec_mapo-council-candidates.html"))


def test_a_list_of_choices_prints_the_one_chosen():
    """f07's election menu offers every kind of election; the page shows the one chosen
    (``<option selected>``): 시·도의회의원선거, and no other option."""
    texts = [r["text"] for r in _read("f07_nec_seoul-council-mapo1-candidates.html")]
    assert "시·도의회의원선거" in texts
    assert "교육감선거" not in texts


@pytest.mark.parametrize("suffix", ["csv", "html", "xlsx", "hwpx", "pdf"])
def test_one_table_in_five_formats_gives_the_same_cells(suffix):
    path = FIXTURES / f"table.{suffix}"
    extraction = extract_document("table", read_document(path.read_bytes(), path.name), government_index(GOVERNMENT_SEED))
    cells = sorted((c["row_label"], c["column_label"], c["printed_value"], c["value"], c["unit"], c["table_title"],
                    c["source_page"]) for c in extraction.table_cells)
    assert cells == [
        ("계", "2024년", "2,000", "2000", "백만원", "부서별 예산 현황", 1),
        ("계", "2025년", "2,110", "2110", "백만원", "부서별 예산 현황", 1),
        ("계", "증감률(%)", "5.5", "5.5", "%", "부서별 예산 현황", 1),
        ("기획예산과", "2024년", "1,200", "1200", "백만원", "부서별 예산 현황", 1),
        ("기획예산과", "2025년", "1,350", "1350", "백만원", "부서별 예산 현황", 1),
        ("기획예산과", "증감률(%)", "12.5", "12.5", "%", "부서별 예산 현황", 1),
        ("재무과", "2024년", "800", "800", "백만원", "부서별 예산 현황", 1),
        ("재무과", "2025년", "760", "760", "백만원", "부서별 예산 현황", 1),
        ("재무과", "증감률(%)", "△5.0", "-5.0", "%", "부서별 예산 현황", 1),
    ]
    # a table the format states (the PDF's by its rules) is taken as stated
    assert {c["table_layout"] for c in extraction.table_cells} == {"stated"}


def test_a_text_filing_is_paged_by_its_form_feeds():
    """c001's bulletin is pdftotext's text of a 12-page PDF, a form feed after each page: its
    assets total (the key's line 49 of the file) is page 2's line 31, and the document's line 49."""
    path = CORPUS / "candidates" / "c001_강남구_김현기_bulletin.txt"
    document = read_document(path.read_bytes(), path.name)
    assert [len(page) for page in document.pages] == [18, 58, 46, 31, 40, 52, 33, 41, 50, 25, 44, 39]
    extraction = extract_document("c001", document, government_index(GOVERNMENT_SEED))
    total = next(f for f in extraction.candidate_finance if f["measure"] == "assets" and f["relation"] == "total")
    assert (total["printed_value"], total["source_page"], total["source_line"], total["document_line"]) == (
        "2,976,945", 2, 31, 49)
    # a blank page keeps its number; the feed closing the last page opens none
    assert [[line.text for line in page] for page in read_document(b"a\n\fb\n\f\fc\n\f", "x.txt").pages] == [
        ["a"], ["b"], [], ["c"]]


def test_facts_of_a_pdf_carry_their_page_and_line():
    """w01 p4: 정원 149 is on the page's line 15."""
    path = CORPUS / "workplans" / "w01_busan_gihoekjojeongsil_2025.pdf"
    extraction = extract_document("w01", read_document(path.read_bytes(), path.name), government_index(GOVERNMENT_SEED))
    cell = next(c for c in extraction.table_cells if c["printed_value"] == "149" and c["row_label"] == "정 원")
    assert (cell["source_page"], cell["source_line"], cell["column_label"]) == (4, 15, "계")
    assert cell["source_excerpt"] == "정 원\t149\t-\t6\t25\t70\t45\t3"
    lines = _read("w01_busan_gihoekjojeongsil_2025.pdf")
    assert next(r["document_line"] for r in lines if r["page_number"] == 4 and r["line_number"] == 15) == cell["document_line"]


def scanned_pdf() -> bytes:
    """A page holding only an image, written by PDFium."""
    document = pdfium.PdfDocument.new()
    page = document.new_page(200, 200)
    image = pdfium.PdfImage.new(document)
    image.set_bitmap(pdfium.PdfBitmap.new_native(50, 50, pdfium_c.FPDFBitmap_BGR))
    image.set_matrix(pdfium.PdfMatrix().scale(100, 100))
    page.insert_obj(image)
    page.gen_content()
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def encrypted_pdf() -> bytes:
    """A page behind the standard security handler with a user password nobody here knows."""
    objects = [b"<</Type/Catalog/Pages 2 0 R>>", b"<</Type/Pages/Kids[3 0 R]/Count 1>>",
               b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>",
               b"<</Filter/Standard/V 1/R 2/O<" + b"11" * 32 + b">/U<" + b"22" * 32 + b">/P -4>>"]
    body, offsets = b"%PDF-1.4\n", []
    for number, text in enumerate(objects, start=1):
        offsets.append(len(body))
        body += b"%d 0 obj%sendobj\n" % (number, text)
    xref = len(body)
    body += b"xref\n0 5\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    ids = b"<" + b"ab" * 16 + b">"
    return body + b"trailer<</Size 5/Root 1 0 R/Encrypt 4 0 R/ID[%s%s]>>\nstartxref\n%d\n%%%%EOF\n" % (ids, ids, xref)


def password_hwp(tmp_path: Path) -> bytes:
    """f05 with its FileHeader's password bit set."""
    copy = tmp_path / "locked.hwp"
    shutil.copy(CORPUS / "formats" / "f05_selection-report.hwp", copy)
    with olefile.OleFileIO(str(copy), write_mode=True) as ole:
        header = bytearray(ole.openstream("FileHeader").read())
        properties, = struct.unpack_from("<I", header, 36)
        struct.pack_into("<I", header, 36, properties | 0x2)
        ole.write_stream("FileHeader", bytes(header))
    return copy.read_bytes()


def not_hwpx() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("사진/목록.txt", "사진 3장")
    return out.getvalue()


def test_what_cannot_be_read_gets_a_reason(tmp_path):
    pdf = (FIXTURES / "table.pdf").read_bytes()
    hwpx = (FIXTURES / "table.hwpx").read_bytes()
    cases = {
        "scan.pdf": (scanned_pdf(), "no_text_layer"),
        "secret.pdf": (encrypted_pdf(), "encrypted"),
        "cut.pdf": (pdf[: len(pdf) // 2], "truncated"),
        "cut.hwpx": (hwpx[: len(hwpx) // 2], "corrupt_zip"),
        "locked.hwp": (password_hwp(tmp_path), "password_protected"),
        "photos.zip": (not_hwpx(), "not_hwpx"),
        "plan.pdf": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "image"),
        "report.hwp": (b"<html><body>404 Not Found</body></html>", "not_what_its_name_says"),
        "plan3.hwp": (b"HWP Document File V3.00 \x1a\x01\x02", "unsupported_format"),
    }
    reasons = {}
    for name, (data, _) in cases.items():
        with pytest.raises(ReadError) as raised:
            read_document(data, name)
        reasons[name] = raised.value.reason
        assert raised.value.detail
    assert reasons == {name: reason for name, (_, reason) in cases.items()}
