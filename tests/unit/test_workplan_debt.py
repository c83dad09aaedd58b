"""A government's debt (채무) as work plans state it: w01's table of years, its line with the
parts in brackets and its ratios over the years, with exact values, pages and lines; and the
same shapes retyped in a text filing of another government."""

from __future__ import annotations

import csv
from functools import cache

from orchestration.extract.debt import part_of
from orchestration.extract.document import extract_document
from orchestration.extract.formats import read_document
from orchestration.extract.governments import government_index
from orchestration.extract.vocabulary import SEEDS
from orchestration.settings import GOVERNMENT_SEED, REPO_ROOT

W01 = REPO_ROOT / "tests" / "corpus" / "workplans" / "w01_busan_gihoekjojeongsil_2025.pdf"


@cache
def _w01_debt():
    extraction = extract_document(W01.name, read_document(W01.read_bytes(), W01.name), government_index(GOVERNMENT_SEED))
    return extraction.debt


def _facts(records):
    return [(f["source_page"], f["source_line"], f["part"], f["measure"], f["fiscal_year"], f["basis"], f["printed_value"],
             f["amount_krw"], f["rate_pct"]) for f in records]


def test_debt_by_year_with_its_ratio_w01():
    """w01 p5: '관리채무액(비율)' across 2024년 최종 | 2023년 결산 | 2022년 결산, in 억원 (the
    caption's '(단위 : 억원, %)'), each cell an amount with its ratio in brackets."""
    table = [f for f in _facts(_w01_debt()) if f[:2] == (5, 26)]
    assert table == [
        (5, 26, "total", "amount", 2024, "최종", "35,682(18.8%)", 3_568_200_000_000, "18.8"),
        (5, 26, "total", "amount", 2023, "결산", "35,218(19.9%)", 3_521_800_000_000, "19.9"),
        (5, 26, "total", "amount", 2022, "결산", "35,641(19.8%)", 3_564_100_000_000, "19.8")]


def test_a_debt_stated_with_its_parts_w01():
    """w01 p5 '※ 관리채무 : 3조 5,682억원(일반 19,730 특별 8,174 기금 3,509 BTL 4,269)': the parts in
    the amount's unit (억원) add up to it; the caption above the table states the same amount."""
    stated = [f for f in _facts(_w01_debt()) if f[:2] in ((5, 24), (5, 27))]
    assert stated == [
        (5, 24, "total", "amount", None, None, "3조 5,682억원", 3_568_200_000_000, None),
        (5, 27, "total", "amount", None, None, "3조 5,682억원", 3_568_200_000_000, None),
        (5, 27, "일반회계", "amount", None, None, "19,730", 1_973_000_000_000, None),
        (5, 27, "특별회계", "amount", None, None, "8,174", 817_400_000_000, None),
        (5, 27, "기금", "amount", None, None, "3,509", 350_900_000_000, None),
        (5, 27, "BTL", "amount", None, None, "4,269", 426_900_000_000, None)]
    line = next(f for f in _w01_debt() if f["part"] == "BTL")
    assert line["source_excerpt"][slice(*line["source_span"])] == "4,269"


def test_debt_ratios_over_the_years_w01():
    """p11 '관리채무비율 : 19.8% ‘22년 결산 → 19.9% ‘23년 결산 → 18.8% ‘24년 최종' (the year after
    the value) and p20 '관리채무비율(본예산) : ’23년 21.1% → …' (before it, the basis in the label)."""
    ratios = [(f[0], f[1], f[4], f[5], f[8]) for f in _facts(_w01_debt()) if f[3] == "ratio"]
    assert ratios == [(11, 7, 2022, "결산", "19.8"), (11, 7, 2023, "결산", "19.9"), (11, 7, 2024, "최종", "18.8"),
                      (20, 10, 2023, "당초", "21.1"), (20, 10, 2024, "당초", "20.7"), (20, 10, 2025, "당초", "20.7")]
    assert len(_w01_debt()) == 15


COVER = "2026년도\n주요업무계획\n재정관\n\nⅠ. 일반현황\n"


def _debt(text):
    return [(f["source_line"], f["part"], f["measure"], f["fiscal_year"], f["basis"], f["printed_value"], f["amount_krw"],
             f["rate_pct"]) for f in extract_document("t", COVER + text, government_index(GOVERNMENT_SEED)).debt]


def test_debt_of_another_government_in_a_text_filing():
    """Another 구's plan: a table of debt in 백만원 by year (a ratio row under it), a line of the
    debt in 억원 with its parts, and a ratio series whose years come first."""
    text = ("□ 채무현황\n(단위 : 백만원)\n구분\t2025년 당초\t2024년 최종\n채무잔액\t12,500\t13,000\n채무비율\t2.1%\t2.3%\n"
            "○ 채무 : 125억원(지방채 100 차입금 25)\n- 채무비율 : ’24년 2.3% → ’25년 2.1%\n")
    assert _debt(text) == [
        (9, "total", "amount", 2025, "당초", "12,500", 12_500_000_000, None),
        (9, "total", "amount", 2024, "최종", "13,000", 13_000_000_000, None),
        (10, "total", "ratio", 2025, "당초", "2.1%", None, "2.1"),
        (10, "total", "ratio", 2024, "최종", "2.3%", None, "2.3"),
        (11, "total", "amount", None, None, "125억원", 12_500_000_000, None),
        (11, "지방채", "amount", None, None, "100", 10_000_000_000, None),
        (11, "차입금", "amount", None, None, "25", 2_500_000_000, None),
        (12, "total", "ratio", 2024, None, "2.3%", None, "2.3"),
        (12, "total", "ratio", 2025, None, "2.1%", None, "2.1")]


def test_a_ratio_series_wrapped_onto_the_next_line():
    """w01 p11 as pdftotext prints it, retyped for another 구: the series' last step set on the next
    line, opening with its arrow; after a line of something else an arrow goes on no series."""
    text = ("- 채무비율 : 2.9% ‘23년 결산       → 2.5%     ‘24년 결산\n"
            "                                   → 2.1%   ‘25년 당초\n"
            "○ 세입 : 125억원\n"
            "                                   → 1.9%   ‘26년 당초\n")
    assert _debt(text) == [
        (6, "total", "ratio", 2023, "결산", "2.9%", None, "2.9"),
        (6, "total", "ratio", 2024, "결산", "2.5%", None, "2.5"),
        (7, "total", "ratio", 2025, "당초", "2.1%", None, "2.1")]


def test_parts_that_do_not_add_up_or_are_not_debt_parts_are_not_read():
    assert _debt("○ 채무 : 125억원(지방채 100 차입금 20)\n") == [
        (6, "total", "amount", None, None, "125억원", 12_500_000_000, None)]
    assert _debt("○ 채무 : 125억원(도로 100 교량 25)\n") == [
        (6, "total", "amount", None, None, "125억원", 12_500_000_000, None)]
    # a series with a step that names no year is no series; a line of no debt is not read
    assert _debt("- 채무비율 : 2.3% → ’25년 2.1%\n○ 예산 : 125억원(지방채 100 차입금 25)\n") == []


def test_every_debt_part_of_the_vocabulary_names_its_example():
    rows = list(csv.DictReader((SEEDS / "debt_parts.csv").open(encoding="utf-8")))
    assert len(rows) == 7
    for row in rows:
        assert part_of(row["example"]) == row["part"], row
    assert [part_of(name) for name in ("일반 회계", "임대형 민자사업", "도로")] == ["일반회계", "BTL", None]
