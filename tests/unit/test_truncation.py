"""A filing cut off while being copied is quarantined as ``truncated``, never read as a shorter
filing: cut inside a character (UTF-8 or CP949), or inside a table row."""

import pytest

from orchestration.extract.document import extract_document
from orchestration.extract.tables import cut_short, read_tables
from orchestration.extract.text import ReadError, decode_bytes, split_lines
from orchestration.settings import REPO_ROOT

WORK_PLAN = REPO_ROOT / "raw" / "004_dad12c48b3c039a4.txt"


def test_bytes_cut_inside_a_character_are_truncated_and_a_clean_cut_is_not():
    data = WORK_PLAN.read_bytes()
    cut = 5000  # inside the three bytes of a Hangul syllable
    with pytest.raises(ReadError) as error:
        decode_bytes(data[:cut])
    assert error.value.reason == "truncated"
    assert "byte 4998 of 5000" in error.value.detail
    assert decode_bytes(data[:4998]).encoding == "utf-8"
    cp949 = data.decode("utf-8").encode("cp949", errors="replace")
    with pytest.raises(ReadError, match="CP949 character"):
        decode_bytes(cp949[:5001])
    assert decode_bytes(cp949[:5000]).encoding == "cp949"


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_no_seed_filing_looks_truncated(prefix, seed_text):
    lines = split_lines(seed_text(prefix))
    assert cut_short(lines, read_tables(lines)) is None


def test_a_work_plan_cut_inside_its_budget_table_is_truncated(work_plan_text, governments):
    lines = split_lines(work_plan_text)
    # line 58: "\t정책사업비\t20,248,516\t53,511,001\t△33,262,485\t△ 62.16", cut after 20,248,516
    cut = lines[:57] + [lines[57][: lines[57].index("53,511,001")]]
    with pytest.raises(ReadError) as error:
        extract_document("doc", "\n".join(cut), governments)
    assert error.value.reason == "truncated"
    assert error.value.detail.startswith("the file ends at line 58 inside table 3 (first line 55): its last row prints 2 cells "
                                        "where every other row prints 5 or more")
    # The same table ending on a whole row is only a shorter filing.
    whole = lines[:58]
    assert cut_short(whole, read_tables(whole)) is None


def test_a_pledge_list_cut_before_its_cell_separator_is_truncated(seed_text):
    lines = split_lines(seed_text("001"))
    row = next(n for n, line in enumerate(lines) if line.startswith("미세먼지 방지대책"))
    cut = lines[:row] + [lines[row][:6]]
    reason = cut_short(cut, read_tables(cut))
    assert reason and "without its '|' separator" in reason


def test_a_line_appended_below_the_last_table_is_a_note_not_a_cut(seed_text, governments):
    text = seed_text("001")
    appended = text + ("" if text.endswith("\n") else "\n") + "추가 줄 1\n"
    extraction = extract_document("doc", appended, governments)
    assert len(extraction.facts["pledges"]) == 63
    # the same line without its line break is where a copy was cut off
    with pytest.raises(ReadError, match="without its '\\|' separator"):
        extract_document("doc", appended.rstrip("\n"), governments)


def test_a_table_of_another_layout_cut_mid_row():
    text = "인구 현황\n\n(단위 : 명)\n\n구분\t2022년\t2023년\n남\t1,200\t1,250\n여\t1,300\t1,310\n노인\t410"
    lines = split_lines(text)
    assert "its last row prints 2 cells where every other row prints 3" in cut_short(lines, read_tables(lines))
    assert cut_short(lines[:-1], read_tables(lines[:-1])) is None
