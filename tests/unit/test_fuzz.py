"""Random bytes, mutated seed filings and a corpus plan with words for figures never crash
extraction, and never give a fact whose excerpt is not its line or does not print its figure."""

import re
from functools import cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from orchestration.extract.document import FACT_TABLES, extract_document
from orchestration.extract.formats import read_document
from orchestration.extract.text import ReadError, decode_bytes, split_lines
from orchestration.settings import REPO_ROOT

SEEDS = sorted((REPO_ROOT / "raw").glob("*.txt"))
SEED_LINES = [split_lines(decode_bytes(path.read_bytes()).text) for path in SEEDS]
# Fragments filings are made of, for insertions: separators, signs, units, totals, brackets.
FRAGMENTS = ["\t", " | ", "  ", "△", "▲", "-", "(", ")", "계", "합 계", "소 계", "천원", "백만원", "%", "명",
             "22 (24)", "1,234", "0.5", "비예산", "□ ", "○ ", "(단위 : 천원)", "1-1.", "2024년"]


def _extract(text: str, governments):
    """Extraction's result, or None when it refuses the text. The one refusal extraction has is a
    table cut off mid-row, and a text that ends in a line break ends with a whole line: a reader
    that refused more would fail here."""
    try:
        return extract_document("fuzz", text, governments)
    except ReadError as refusal:
        assert refusal.reason == "truncated" and refusal.detail.startswith("the file ends at line "), refusal
        assert not text.endswith("\n"), refusal.detail
        return None


def _assert_facts_point_at_their_lines(extraction, lines):
    for table in FACT_TABLES:
        for fact in getattr(extraction, table):
            assert fact["source_excerpt"] == lines[fact["source_line"] - 1], (table, fact)
            printed = fact.get("printed_value")
            if printed:
                assert printed in fact["source_excerpt"], (table, fact)
    for cell in extraction.table_cells:
        assert cell["printed_value"] in lines[cell["source_line"] - 1], cell


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=2000))
def test_random_bytes_are_read_or_refused_with_a_reason(governments, data):
    try:
        text = decode_bytes(data).text
    except ReadError as refusal:
        assert refusal.reason in {"empty", "binary", "undecodable", "truncated"}
        return
    extraction = _extract(text, governments)
    if extraction:
        _assert_facts_point_at_their_lines(extraction, split_lines(text))


@st.composite
def mutated_seed(draw):
    lines = list(draw(st.sampled_from(SEED_LINES)))
    start = draw(st.integers(0, max(0, len(lines) - 1)))
    lines = lines[start:start + draw(st.integers(1, 400))]
    for _ in range(draw(st.integers(1, 12))):
        at = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["delete", "duplicate", "swap", "cut", "insert", "digits"]))
        if action == "delete" and len(lines) > 1:
            del lines[at]
        elif action == "duplicate":
            lines.insert(at, lines[at])
        elif action == "swap" and at + 1 < len(lines):
            lines[at], lines[at + 1] = lines[at + 1], lines[at]
        elif action == "cut":
            lines[at] = lines[at][: draw(st.integers(0, len(lines[at])))]
        elif action == "insert":
            position = draw(st.integers(0, len(lines[at])))
            lines[at] = lines[at][:position] + draw(st.sampled_from(FRAGMENTS)) + lines[at][position:]
        elif action == "digits":
            lines[at] = "".join(draw(st.sampled_from("0123456789")) if ch.isdigit() else ch for ch in lines[at])
    return "\n".join(lines) + draw(st.sampled_from(["", "\n"]))


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(mutated_seed())
def test_mutated_seed_filings_never_crash_and_never_misplace_a_fact(governments, text):
    extraction = _extract(text, governments)
    if extraction:
        _assert_facts_point_at_their_lines(extraction, split_lines(text))


# What filings print where a figure would stand, and figures printed wrong.
NOT_FIGURES = ["미정", "해당없음", "(별도)", "추후확정", "-", "비예산", "1,2", "3.4.5", "12 (", "1~2", "①", "80 (30%)", "1조조"]
_FIGURE = re.compile(r"(?<![\d,.])\d[\d,]*(?:\.\d+)?(?![\d,.])")


@cache
def _corpus_plan() -> str:
    """w04 (tables of units, a fund, projects' money by source) as its text lines, tabs between
    the cells of its tables."""
    path = REPO_ROOT / "tests" / "corpus" / "workplans" / "w04_busan_gwangwangmaiseuguk_2025.pdf"
    return read_document(path.read_bytes(), path.name).text + "\n"


@st.composite
def corpus_plan_with_words_for_figures(draw):
    text = _corpus_plan()
    figures = [m.span() for m in _FIGURE.finditer(text)]
    chosen = draw(st.lists(st.integers(0, len(figures) - 1), min_size=1, max_size=60, unique=True))
    for index in sorted(chosen, reverse=True):
        start, end = figures[index]
        text = text[:start] + draw(st.sampled_from(NOT_FIGURES)) + text[end:]
    return text


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(corpus_plan_with_words_for_figures())
def test_words_for_figures_in_a_corpus_plan_never_crash_and_never_misplace_a_fact(governments, text):
    """A word or a misprinted figure in an amount's place (a unit's 세출 ``(별도)``, a project's
    ``80 (30%)``) stopped the filing's extraction before parser 0.61.0."""
    extraction = _extract(text, governments)
    assert extraction is not None
    _assert_facts_point_at_their_lines(extraction, split_lines(text))
