"""A scanned page read by Tesseract (make test installs it): the corpus scan c024, and Tesseract's
output as the reader turns it into lines."""

from __future__ import annotations

import pytest

from orchestration.extract.formats import pdf, read_document
from orchestration.extract.formats.ocr import clean_word, ocr_digits, page_lines, tesseract_version
from orchestration.extract.text import ReadError
from orchestration.settings import REPO_ROOT

SCAN = REPO_ROOT / "tests" / "corpus" / "candidates" / "c024_이천시_김경희_5pledges.pdf"


def test_the_corpus_scan_is_read_line_by_line_with_boxes():
    assert tesseract_version().startswith("tesseract ")
    document = read_document(SCAN.read_bytes(), SCAN.name)
    assert document.ocr and document.page_count == 5
    assert document.read_by.endswith("; tesseract 5.3.0 for 5 page(s) without a text layer")
    first = [line.text for line in document.pages[0]]
    assert first[:4] == ["별첨", "선거명 이천시장선거 선거구명 이천시", "후보자명 김경희 기호 2 소속정당명 국민의힘",
                         "공약순위: 1 제목 복하천문화공간 조성"]
    assert "ㅇ 총 사업비 900억원" in first
    # boxes in points on an A4 page (595 × 842), top to bottom
    tops = [line.bbox[1] for line in document.pages[0]]
    assert tops == sorted(tops) and 0 < tops[0] and tops[-1] < 842
    assert all(0 <= line.bbox[0] < line.bbox[2] <= 595 for line in document.pages[0])
    # the page printing 1,800억원 that Tesseract reads 1,.800억원
    assert "ㅇ 총 사업비 1,800억원" in [line.text for line in document.pages[1]]


def test_without_tesseract_a_scan_is_quarantined_with_the_advice(monkeypatch):
    monkeypatch.setattr(pdf, "tesseract_version", lambda: None)
    with pytest.raises(ReadError) as raised:
        read_document(SCAN.read_bytes(), SCAN.name)
    assert raised.value.reason == "no_text_layer"
    assert raised.value.detail == ("none of its 5 page(s) has a text layer (a scan): install Tesseract's Korean "
                                   "model (make ocr) to have it read, or run OCR on it (for example ocrmypdf -l "
                                   "kor) and put the result in raw/")


@pytest.mark.parametrize("word, cleaned", [
    ("|", ""), ("ㅣ:", ""), ("[]", ""), ("소속정당명ㅣ", "소속정당명"), ("」소속정당명ㅣ", "소속정당명"),
    ("(이천시장선거", "이천시장선거"), ("(20%)", "(20%)"), ("270억원(30%)", "270억원(30%)"), ("2)", "2"),
])
def test_rules_read_as_glyphs_are_not_text(word, cleaned):
    assert clean_word(word) == cleaned


@pytest.mark.parametrize("text, read", [
    ("총 사업비 1,.800억원", "총 사업비 1,800억원"), ("1.800억원", "1,800억원"), ("1.,250명", "1,250명"),
    ("968.4억원", "968.4억원"), ("12.500%", "12.500%"), ("2,152,835", "2,152,835"), ("0.125", "0.125"),
])
def test_thousands_read_as_a_dot_before_a_unit(text, read):
    assert ocr_digits(text) == read


TSV_HEADER = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"


def _tsv(*lines: tuple[tuple[int, int, int, int], list[tuple[str, float]]]) -> str:
    rows = [TSV_HEADER]
    for number, ((left, top, width, height), words) in enumerate(lines, start=1):
        rows.append(f"4\t1\t1\t1\t{number}\t0\t{left}\t{top}\t{width}\t{height}\t-1\t\n")
        rows += [f"5\t1\t1\t1\t{number}\t{n}\t{left}\t{top}\t10\t{height}\t{conf}\t{word}\n"
                 for n, (word, conf) in enumerate(words, start=1)]
    return "".join(rows)


def test_tesseract_output_becomes_lines_of_the_text_with_the_boxes_of_the_tsv():
    text = "후보자명 김경희 기호 | 2\n\n은 도=후= 이\n-시비 180억원(20%)\n"
    tsv = _tsv(((200, 100, 1000, 40), [("후", 90), ("보", 88), ("자", 91), ("명", 90), ("김경희", 95)]),
               ((100, 300, 60, 30), [("은", 20), ("도", 25)]),  # a logo: not text
               ((100, 400, 500, 40), [("-시비", 92), ("180억원(20%)", 85)]))
    lines = page_lines(text, tsv, scale=2)
    assert [(line.text, line.bbox) for line in lines] == [
        ("후보자명 김경희 기호 2", (100.0, 50.0, 600.0, 70.0)),
        ("-시비 180억원(20%)", (50.0, 200.0, 300.0, 220.0))]
    # lines the two outputs do not agree on: all kept, without boxes
    assert [(line.text, line.bbox) for line in page_lines(text + "끝\n", tsv, scale=2)] == [
        ("후보자명 김경희 기호 2", None), ("은 도=후= 이", None), ("-시비 180억원(20%)", None), ("끝", None)]
