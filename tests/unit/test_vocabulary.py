"""The words of a plan's labels (label_terms.csv) and captions (caption_words.csv): each row's
example reads as its meaning, and the readers that use them answer from the seed."""

import csv

import pytest

from orchestration.extract import funds, organisation, staffing
from orchestration.extract.budgets import budget_headlines
from orchestration.extract.organisation import EXPENDITURE_SIDE, REVENUE_SIDE, is_total, side_label
from orchestration.extract.pledges import column_roles
from orchestration.extract.revenue import measure_of
from orchestration.extract.settlement import item_of
from orchestration.extract.tables import noted_units
from orchestration.extract.text import without_spaces
from orchestration.extract.vocabulary import SEEDS, label_meaning, label_terms

ROWS = list(csv.DictReader((SEEDS / "label_terms.csv").open(encoding="utf-8")))


def test_the_seed_is_read_whole():
    assert len(ROWS) == sum(len(label_terms(c)) for c in {row["concept"] for row in ROWS}) == 29


@pytest.mark.parametrize("row", ROWS, ids=lambda row: f"{row['concept']}:{row['example']}")
def test_every_example_reads_as_its_meaning(row):
    """First match decides within a concept, so an example taken by an earlier row is a wrong
    order; a revenue label's measure is the word it ends in."""
    read = measure_of if row["concept"] == "revenue_measure" else lambda label: label_meaning(row["concept"], label)
    assert read(without_spaces(row["example"])) == row["meaning"]


def test_totals_and_subtotals():
    assert [is_total(label) for label in ("계", "합계", "총계", "합계(일반회계)", "소계", "계획")] == [
        True, True, True, True, False, False]
    assert label_meaning("total", "소계") == "subtotal"


def test_a_revenue_label_is_the_measure_it_ends_in():
    assert measure_of("체납징수 목표액") == "target"
    assert measure_of("세입결산 전망") == "forecast"
    assert measure_of("체납액 징수율") == "collection_rate"
    assert measure_of("세입예산") is None


def test_settlement_items_most_specific_first():
    assert item_of(["순세계잉여금"]) == "net_surplus"
    assert item_of(["세계잉여금", "계"]) == "surplus"
    assert item_of(["보조금 반납금"]) == "subsidy_unspent"
    assert item_of(["세입 결산액"]) == "revenue"


def test_pledge_list_columns_by_role():
    assert column_roles(["연번", "공약번호", "공약사업명", "주관부서", "추진전략"]) == {
        "code": 1, "title": 2, "department": 3, "strategy": 4}


CAPTIONS = list(csv.DictReader((SEEDS / "caption_words.csv").open(encoding="utf-8")))
# Each kind of caption and the reader that tells it: the example must be told.
CAPTION_READERS = {
    "unit_note": lambda text: noted_units(text) == ["천원"],
    "org_chart": lambda text: organisation._CHART_CAPTION.match(text) is not None,
    "staffing": lambda text: staffing._HEADLINE_LEAD.match(text[:text.index("정원")]) is not None,
    "fund": lambda text: funds._CAPTION_TOTAL.search(text)["amount"].strip() == "1조 3333억원",
    "revenue_side": lambda text: [h.side for h in budget_headlines(text)][0] == REVENUE_SIDE,
    "expenditure_side": lambda text: [(h.side, h.amount_krw) for h in budget_headlines(text)] == [
        (EXPENDITURE_SIDE, 23_093_000_000), (EXPENDITURE_SIDE, 11_190_000_000), (EXPENDITURE_SIDE, 11_903_000_000)],
}


@pytest.mark.parametrize("row", CAPTIONS, ids=lambda row: row["example"])
def test_every_caption_word_is_told_by_its_reader(row):
    assert row["word"] in without_spaces(row["example"])
    assert CAPTION_READERS[row["meaning"]](row["example"])


def test_a_label_naming_a_side_of_the_budget():
    """A row or column label: the side's word alone, spaced out, or as its budget (``세입예산``)."""
    assert [side_label(label) for label in ("세입", "세 출", "세입예산", "세입결산", "세외수입")] == [
        REVENUE_SIDE, EXPENDITURE_SIDE, REVENUE_SIDE, None, None]


def test_a_caption_word_not_in_the_seed_is_no_caption():
    assert not organisation._CHART_CAPTION.match("□ 편    제 : 1위원회 2담당관 9팀")
    assert noted_units("(규모 : 천원)") == []
