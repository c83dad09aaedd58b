"""Candidates of the corpus through the whole refresh: a bulletin and a five-pledge sheet of one
candidate (c039, 정읍시) become one dim_candidate row, their money and pledges one
mart_candidate_overview row; a candidate of a sheet alone (c029's bulletin is empty) still gets
the pledges' costs."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from tests.integration.conftest import Warehouse

CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "candidates"
FILES = ("c039_정읍시_김민영_bulletin.txt", "c039_정읍시_김민영_5pledges.pdf", "c029_영월군_최명서_5pledges.pdf",
         "c011_용산구_강태웅_bulletin.txt")


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory) -> Warehouse:
    root = tmp_path_factory.mktemp("candidates")
    built = Warehouse(root / "raw", root / "data")
    built.raw_dir.mkdir()
    for name in FILES:
        shutil.copy(CORPUS / name, built.raw_dir / name)
    result, text, published = built.refresh()
    assert result.success and published, text
    return built


def test_one_candidate_whichever_filings_name_them(warehouse):
    rows = warehouse.query("select name, government_code, election, election_date, election_type, constituency, "
                           "party, ballot_number, birth_date, filings from marts.dim_candidate order by name")
    assert rows == [
        ("강태웅", "3020000", "용산구청장선거", date(2026, 6, 3), "구·시·군의 장", "용산구", "더불어민주당", "1",
         date(1963, 8, 29), 1),
        # the sheet prints the election by its ordinal and no office: both come from the bulletin
        ("김민영", "4691000", "정읍시장선거", date(2026, 6, 3), "구·시·군의 장", "정읍시", "조국혁신당", "3",
         date(1966, 1, 13), 2),
        ("최명서", "4271000", "영월군수선거", None, "구·시·군의 장", "영월군", "무소속", "5", None, 1),
    ]


def test_the_overview_compares_candidates(warehouse):
    rows = warehouse.query(
        "select name, assets_total_krw, assets_descendants_krw, tax_paid_5y_krw, tax_arrears_krw, "
        "criminal_record_count, pledges, pledges_cost_krw, pledges_costed from marts.mart_candidate_overview "
        "order by name")
    assert rows == [
        ("강태웅", 3_773_101_000, 213_391_000, 52_182_000, 0, 0, 0, None, 0),
        ("김민영", 930_806_000, 46_154_000, 12_382_000, 0, 0, 5, 21_632_000_000, 2),
        ("최명서", None, None, None, None, None, 5, 527_600_000_000, 5),
    ]


def test_named_relatives_and_their_lines(warehouse):
    rows = warehouse.query(
        "select f.person, f.statement, f.amount_krw, f.printed_value, f.source_line from marts.fct_candidate_finance f "
        "join marts.dim_candidate c using (candidate_id) where c.name = '강태웅' and f.measure = 'assets' "
        "and f.relation = '직계비속' order by f.statement, f.person")
    assert rows == [(None, "derived_sum", 213_391_000, "장녀195,154 장남18,237", 26),
                    ("장남", "printed", 18_237_000, "장남18,237", 28),
                    ("장녀", "printed", 195_154_000, "장녀195,154", 26)]


def test_the_pledges_of_a_sheet_with_their_sections_and_costs(warehouse):
    pledges = warehouse.query(
        "select p.pledge_code, p.title, p.source_kind, p.period, p.source_page from marts.dim_pledge p "
        "join marts.dim_candidate c using (candidate_id) where c.name = '김민영' order by 1")
    assert [p[:3] for p in pledges][:2] == [("01", "한국마사회 본사 정읍유치", "candidate_disclosure"),
                                            ("02", "전자선가속기로 축산악취 해결", "candidate_disclosure")]
    assert [p[4] for p in pledges] == [1, 2, 3, 4, 5]
    costs = warehouse.query(
        "select i.pledge_code, i.amount_krw, i.printed_value, i.fiscal_year_from, i.fiscal_year_to, i.source_page "
        "from marts.fct_pledge_investment i join marts.dim_pledge p using (pledge_id) "
        "join marts.dim_candidate c using (candidate_id) where c.name = '김민영' order by 1")
    assert costs == [("02", 20_000_000_000, "200억원", 2027, 2030, 2),
                     ("04", 1_632_000_000, "16억3천2백만원", 2027, 2030, 4)]
