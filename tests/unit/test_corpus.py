"""The benchmark corpus (benchmarks/corpus.py): every filing it writes extracts to exactly the
facts it says the filing holds, in every layout, and the comparison notices when one does not."""

from collections import Counter

import pytest

from benchmarks.corpus import KIND_TABLES, LAYOUTS, differences, generate
from orchestration.extract.document import extract_document

N = 80


@pytest.fixture(scope="module")
def corpus():
    return generate(N, seed=11)


def test_every_filing_extracts_to_exactly_its_expected_facts(corpus, governments):
    wrong = {}
    for filing in corpus:
        extraction = extract_document(filing.path, filing.text, governments)
        found = differences(filing.expected(), extraction.classification["kind"],
                            extraction.classification["government_code"], extraction.tables())
        if found:
            wrong[filing.path] = found[:3]
    assert wrong == {}


def test_the_corpus_covers_every_kind_and_layout_with_many_governments(corpus):
    assert set(Counter(f.kind for f in corpus)) == set(KIND_TABLES)
    assert len({f.government_code for f in corpus}) > 40
    texts = "\n".join(f.text for f in corpus)
    assert "\t" in texts and " | " in texts and "   " in texts
    assert sum(len(f.facts.get("project_budgets", [])) for f in corpus) > 100
    assert LAYOUTS == ("tab", "aligned", "pipe")


def test_the_same_seed_gives_the_same_bytes_and_another_seed_others(corpus):
    assert [f.text for f in generate(N, seed=11)] == [f.text for f in corpus]
    assert [f.text for f in generate(N, seed=12)] != [f.text for f in corpus]


def test_totals_add_up_in_every_table(corpus, governments):
    """Generated totals are computed from their parts: the table checks find nothing beyond
    rounding, and they did compare totals."""
    compared = 0
    for filing in corpus:
        checks = extract_document(filing.path, filing.text, governments).table_checks
        compared += len(checks)
        off = [c for c in checks if abs(float(c["printed"]) - float(c["expected"])) > float(c["tolerance"])]
        assert off == [], filing.path
    assert compared > 200


def test_a_changed_amount_is_reported_as_missing_and_unexpected(corpus, governments):
    filing = next(f for f in corpus if f.kind == "pledge_investment_plan")
    row = next(r for r in filing.facts["pledge_investments"]
               if r[0] is not None and r[2] >= 10_000_000 and r[2] % 1_000_000 == 0)
    printed = f"{row[2] // 1_000_000:,}"
    assert printed in filing.text
    extraction = extract_document(filing.path, filing.text.replace(f" {printed} ", " 0 ", 1)
                                  .replace(f"\t{printed}\t", "\t0\t", 1).replace(f" {printed}\n", " 0\n", 1),
                                  governments)
    found = differences(filing.expected(), extraction.classification["kind"],
                        extraction.classification["government_code"], extraction.tables())
    assert any("missing" in p for p in found) and any("unexpected" in p for p in found)
    assert differences(filing.expected(), "news_article", "0000000", extraction.tables())[:2] == [
        "kind 'news_article', expected 'pledge_investment_plan'",
        f"government '0000000', expected '{filing.government_code}'"]
