"""Property tests: the number parser on formatted numbers and on any string, and the table reader
on random tables printed in every layout."""

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st
from renderers import SIMPLE_LAYOUTS, cells_of, render

from orchestration.extract.accounting import number_tokens, unclaimed_reason
from orchestration.extract.contacts import mask_contacts
from orchestration.extract.numbers import NumberParseError, parse_quantity
from orchestration.extract.tables import read_tables
from orchestration.extract.text import split_lines

UNITS = ["", "원", "천원", "만원", "백만원", "억원", "%", "건", "명", "개소"]
SIGNS = {"": 1, "△": -1, "△ ": -1, "▲": -1, "-": -1}


def thousands(n: int) -> str:
    return f"{n:,}"


@st.composite
def printed_numbers(draw):
    whole = draw(st.integers(min_value=0, max_value=10**13))
    places = draw(st.integers(min_value=0, max_value=3))
    fraction = draw(st.integers(min_value=0, max_value=10**places - 1)) if places else None
    sign = draw(st.sampled_from(sorted(SIGNS)))
    unit = draw(st.sampled_from(UNITS))
    grouped = draw(st.booleans())
    body = thousands(whole) if grouped else str(whole)
    if fraction is not None:
        body += "." + str(fraction).zfill(places)
    return sign + body + unit, SIGNS[sign] * Decimal(body.replace(",", "")), unit or None


@given(printed_numbers())
def test_formatted_numbers_read_back_exactly(case):
    printed, value, unit = case
    quantity = parse_quantity(printed)
    assert quantity.value == value
    assert abs(quantity.value).as_tuple().exponent == value.as_tuple().exponent  # 873.20 stays 873.20
    assert quantity.unit == unit


@given(st.text())
def test_the_number_parser_raises_only_its_own_error(text):
    try:
        quantity = parse_quantity(text)
    except NumberParseError:
        return
    assert quantity.value is not None or quantity.marker in ("dash", "non_budget")


@given(st.text())
def test_tokens_never_overlap_and_always_get_a_reason(text):
    line = mask_contacts(text.replace("\n", " "))
    tokens = number_tokens(1, line)
    assert all(a.end <= b.start for a, b in zip(tokens, tokens[1:]))
    for token in tokens:
        assert unclaimed_reason(line, token)
    assert mask_contacts(line) == line


SYLLABLES = "가나다라마바사아자차카타파하구청동시군도읍면리"
HEADERS = ["예산", "결산", "목표", "실적", "계획", "합계", "본청", "사업비", "당초", "추경"]


@st.composite
def labels(draw):
    word = draw(st.text(alphabet=SYLLABLES, min_size=2, max_size=5))
    if len(word) >= 4 and draw(st.booleans()):
        cut = draw(st.integers(min_value=2, max_value=len(word) - 2))
        word = word[:cut] + " " + word[cut:]
    return word


@st.composite
def table_values(draw):
    whole = draw(st.integers(min_value=0, max_value=10**9))
    text = thousands(whole)
    if draw(st.booleans()):
        text += "." + str(draw(st.integers(min_value=0, max_value=99))).zfill(2)
    return draw(st.sampled_from(["", "△", "△ "])) + text


@st.composite
def grids(draw):
    width = draw(st.integers(min_value=3, max_value=6))
    years = draw(st.booleans())
    headers = ([f"{2020 + i}년" for i in range(width - 1)] if years
               else draw(st.lists(st.sampled_from(HEADERS), min_size=width - 1, max_size=width - 1, unique=True)))
    row_labels = draw(st.lists(labels(), min_size=2, max_size=7, unique_by=lambda s: s.replace(" ", "")))
    rows = [[label] + [draw(table_values()) for _ in range(width - 1)] for label in row_labels]
    unit = draw(st.sampled_from([None, "천원", "백만원"]))
    return [["구 분"] + headers] + rows, unit


@settings(max_examples=60, deadline=None)
@given(grids(), st.sampled_from(SIMPLE_LAYOUTS))
def test_random_tables_read_back_in_every_layout(case, layout):
    grid, unit = case
    caption = ["사업별 현황"] + ([f"(단위 : {unit})"] if unit else [])
    text = render(layout, caption, grid, header_rows=1)
    tables = read_tables(split_lines(text))
    assert len(tables) == 1, text
    (table,) = tables
    assert table.layout == layout
    expected = {((row[0],), grid[0][i], row[i], unit) for row in grid[1:] for i in range(1, len(row))}
    assert cells_of(table) == expected, text
    assert table.title == "사업별 현황"
