import unicodedata

import pytest

from orchestration.extract.text import ReadError, decode_bytes, readable, split_lines, without_spaces

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
