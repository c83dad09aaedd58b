"""Funds (기금) of the corpus work plan w01 and of a fixture in other words: each fund's amounts by
measure and year, its managing unit, the funds' total."""

from __future__ import annotations

import csv
import re

from orchestration.extract.document import extract_document
from orchestration.extract.formats import read_document
from orchestration.extract.funds import measure_of
from orchestration.extract.governments import government_index
from orchestration.extract.text import without_spaces
from orchestration.extract.vocabulary import SEEDS
from orchestration.settings import GOVERNMENT_SEED, REPO_ROOT

W01 = REPO_ROOT / "tests" / "corpus" / "workplans" / "w01_busan_gihoekjojeongsil_2025.pdf"


def test_the_funds_of_w01_with_their_operating_size_and_managing_unit():
    """w01 p7: 19 funds under groups (법정기금, 의무 기금), each with its 2025년 운용규모 in 억원 and its
    소관부서 (the first where several share it), and the caption's total, 기  금(19개) : 1조 3,333억원,
    which they add up to."""
    extraction = extract_document("w01", read_document(W01.read_bytes(), W01.name), government_index(GOVERNMENT_SEED))
    funds = {f["fund"]: (f["org_unit"], f["measure"], f["fiscal_year"], f["amount_krw"], f["source_page"], f["source_line"])
             for f in extraction.funds}
    assert len(funds) == 20
    assert funds["재난관리기금"] == ("자연재난과", "operating_size", 2025, 93_100_000_000, 7, 4)
    assert funds["통합재정안정화기금"] == ("예산담당관", "operating_size", 2025, 546_700_000_000, 7, 12)
    assert funds["문화진흥기금"][0] == "문화예술과"
    assert funds["관광마이스육성진흥기금"] == ("관광정책과", "operating_size", 2025, 4_800_000_000, 7, 22)
    assert funds["total"] == (None, "operating_size", 2025, 1_333_300_000_000, 7, 1)
    assert sum(amount for fund, (_, _, _, amount, _, _) in funds.items() if fund != "total") == funds["total"][3]


def test_a_fund_table_in_other_words():
    """Balances and the year's receipts and spending in 천원 under other headers (적립액, 관리부서), a
    계 row for all the funds; a table of other money with a fund's name in it is no fund table."""
    text = ("2025년도\n주요업무계획\n경제정책과\n\nㅇ 기금현황\n(단위: 천원)\n"
            "기 금 명\t2024년말 적립액\t2025년 수입\t2025년 지출\t2025년말 적립액\t관리부서\n"
            "중소기업육성기금\t1,000\t300\t200\t1,100\t경제정책과\n"
            "계\t1,000\t300\t200\t1,100\t\n")
    extraction = extract_document("t", text, government_index(GOVERNMENT_SEED))
    assert [(f["fund"], f["org_unit"], f["measure"], f["fiscal_year"], f["amount_krw"], f["source_line"])
            for f in extraction.funds] == [
        ("중소기업육성기금", "경제정책과", "balance", 2024, 1_000_000, 8),
        ("중소기업육성기금", "경제정책과", "receipts", 2025, 300_000, 8),
        ("중소기업육성기금", "경제정책과", "spending", 2025, 200_000, 8),
        ("중소기업육성기금", "경제정책과", "balance", 2025, 1_100_000, 8),
        ("total", None, "balance", 2024, 1_000_000, 9), ("total", None, "receipts", 2025, 300_000, 9),
        ("total", None, "spending", 2025, 200_000, 9), ("total", None, "balance", 2025, 1_100_000, 9)]
    other = text.replace("기 금 명", "사 업 명")
    assert extract_document("t", other, government_index(GOVERNMENT_SEED)).funds == []


def test_every_fund_term_of_the_vocabulary_names_its_example():
    rows = list(csv.DictReader((SEEDS / "fund_terms.csv").open(encoding="utf-8")))
    assert len(rows) == 7 and all(re.search(row["pattern"], without_spaces(row["example"])) for row in rows)
    assert [measure_of(row["example"]) for row in rows[2:]] == [row["meaning"] for row in rows[2:]]
