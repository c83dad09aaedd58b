import unicodedata

import pytest

from orchestration.extract.text import (ReadError, decode_bytes, letter_spaced, readable, respaced, split_lines,
                                        without_spaces)

SAMPLE = "정원(현원), (기준일 : 23. 10월 말)\n기획예산과\t22 (24)\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (SAMPLE.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + SAMPLE.encode("utf-8"), "utf-8-sig"),
        (SAMPLE.encode("utf-16"), "utf-16"),
        (SAMPLE.encode("cp949"), "cp949"),
        (SAMPLE.encode("euc-kr"), "cp949"),
        (SAMPLE.replace("\n", "\r\n").encode("cp949"), "cp949"),
        (SAMPLE.replace("\n", "\r").encode("utf-8"), "utf-8"),
    ],
)
def test_every_common_encoding_and_line_ending_reads_to_the_same_text(data, encoding):
    decoded = decode_bytes(data)
    assert decoded.encoding == encoding
    assert decoded.text == SAMPLE
    assert decoded.lines == ["정원(현원), (기준일 : 23. 10월 말)", "기획예산과\t22 (24)"]


def test_decomposed_hangul_is_normalised_to_nfc():
    decomposed = unicodedata.normalize("NFD", "금천구")
    assert len(decomposed) == 8
    assert decode_bytes(decomposed.encode("utf-8")).text == "금천구"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"  \n\t\n", "empty"),
        (b"%PDF-1.7\n%\xe2\xe3", "binary"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest", "binary"),
        (b"abc\x00def", "binary"),
        (b"\xff\xff\xff\xfe\x80\x81", "undecodable"),
    ],
)
def test_what_is_not_text_raises_a_read_error_with_a_reason(data, reason):
    with pytest.raises(ReadError) as error:
        decode_bytes(data)
    assert error.value.reason == reason
    assert error.value.detail


def test_a_final_newline_does_not_add_a_line():
    assert split_lines("a\nb\n") == ["a", "b"]
    assert split_lines("a\n\nb") == ["a", "", "b"]


def test_spaced_out_names_compare_without_spaces():
    assert without_spaces("기 획 예 산 과") == "기획예산과"
    assert without_spaces("세 무 2 과") == "세무2과"


# w02's project titles as pdftotext sets them, p. 44 l. 1, p. 46 l. 1 and p. 49 l. 1, and lines
# 1509, 1534 and 373 of the whole text, where the same letters are printed with whole words.
W02_LINES = ["2   피란수도 부산유산의 세계유산 등재       / 40", "7   부산콘서트홀 개관                / 45",
             " - (사직야구장 재건축) 위치는 현위치, 임시사용구장은 아시아드 주경기장"]


@pytest.mark.parametrize("title, expected", [
    ("피란 수 도 부 산유 산 의 세 계유 산 등 재", True), ("사 직야 구 장 재 건축", True),
    ("부산 콘 서트 홀 개 관", True), ("공공 용 지 활 용 생 활체 육 시설 확충", True),
    ("2025 조선통신사 기록물 활용프로그램", False), ("여성, 노인 복지 강화", False),
    ("시 및 구·군 협력 강화", False),   # two lone syllables in five words: a sentence's
    ("기 획 예 산 과", True),
])
def test_words_a_text_layer_broke_up(title, expected):
    assert letter_spaced(title) is expected


@pytest.mark.parametrize("title, expected", [
    ("피란 수 도 부 산유 산 의 세 계유 산 등 재", "피란수도 부산유산의 세계유산 등재"),
    ("부산 콘 서트 홀 개 관", "부산콘서트홀 개관"),
    ("사 직야 구 장 재 건축", "사직야구장 재건축"),
    # no line prints these letters whole: kept as printed
    ("공공 용 지 활 용 생 활체 육 시설 확충", "공공 용 지 활 용 생 활체 육 시설 확충"),
    # whole words are never respelt, though a line prints them otherwise
    ("부산콘서트 홀개관", "부산콘서트 홀개관"),
])
def test_broken_words_take_the_spacing_the_filing_prints_elsewhere(title, expected):
    assert respaced(title, W02_LINES) == expected


@pytest.mark.parametrize("word, expected", [
    ("서울시립대학교", True), ("(현)양천구청장", True), ("\u200c\x07서울특별시의회", True), ("①·▪□", True),
    ("李承晩", True), ("金씨", True),   # Hanja: rare, but a filing may print a name so
    ("농ㆍ축산업", True),
    ("Ɯ࡯ӕ", False),                   # c002's name cell in a font without a Unicode map
    ("臦", False),                     # c002's bullet glyph, read as a lone ideograph
    ("ੋ੸ࢎ೦", False), ("����.", False),
])
def test_a_word_the_text_layer_read_right(word, expected):
    assert readable(word) is expected
