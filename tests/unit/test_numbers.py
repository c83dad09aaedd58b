import csv
from decimal import Decimal

import pytest

from orchestration.extract.numbers import NumberParseError, parse_number, parse_pair, parse_quantity
from orchestration.extract.tables import noted_units
from orchestration.extract.vocabulary import SEEDS


@pytest.mark.parametrize(
    ("printed", "value", "unit"),
    [
        ("36,594,993", Decimal("36594993"), None),
        ("△ 35,354,218", Decimal("-35354218"), None),
        ("△49.14", Decimal("-49.14"), None),
        ("▲3", Decimal("-3"), None),
        ("873.20", Decimal("873.20"), None),
        ("0", Decimal("0"), None),
        ("36,200천원", Decimal("36200"), "천원"),
        ("2,075억원", Decimal("2075"), "억원"),
        ("86.5%", Decimal("86.5"), "%"),
        ("1,801건", Decimal("1801"), "건"),
        ("12.3↓", Decimal("-12.3"), None),
        ("△116억원 ↓", Decimal("-116"), "억원"),
        ("1.6 ↑", Decimal("1.6"), None),
        ("2,000만원", Decimal("2000"), "만원"),
        ("10,171백만원", Decimal("10171"), "백만원"),
        ("- 16,582", Decimal("-16582"), None),
        ("△122*", Decimal("-122"), None),
    ],
)
def test_printed_numbers_parse_exactly(printed, value, unit):
    quantity = parse_quantity(printed)
    assert quantity.value == value
    assert str(quantity.value).lstrip("-") == str(value).lstrip("-")
    assert quantity.unit == unit


def test_decimals_keep_their_printed_precision():
    assert str(parse_number("873.20")) == "873.20"


def test_money_converts_to_won_from_the_printed_unit():
    assert parse_quantity("36,200천원").amount_krw == 36_200_000
    assert parse_quantity("2,640", unit="백만원").amount_krw == 2_640_000_000
    assert parse_quantity("86.5%").amount_krw is None


def test_dash_and_non_budget_have_no_value_and_say_why():
    assert parse_quantity("-").marker == "dash"
    assert parse_quantity("비예산").marker == "non_budget"
    assert parse_quantity("-").value is None


def test_headcount_pairs():
    authorized, current = parse_pair("22 (24)")
    assert (authorized.value, current.value) == (22, 24)
    authorized, current = parse_pair("149(147)")
    assert (authorized.value, current.value) == (149, 147)


@pytest.mark.parametrize("text", ["", "abc", "12a", "1,2,3", "22 (24", "(24)"])
def test_wrong_input_raises_never_zero(text):
    with pytest.raises(NumberParseError):
        parse_pair(text) if "(" in text else parse_number(text)


def test_money_with_attached_units_converts_to_won():
    assert parse_quantity("2,000만원").amount_krw == 20_000_000
    assert parse_quantity("2,075억원").amount_krw == 207_500_000_000
    assert parse_quantity("10,171백만원").amount_krw == 10_171_000_000


@pytest.mark.parametrize("wrong", ["", "12a", "1,2,3", "△", "천원", "2024.10.31", "22 (24"])
def test_wrong_input_raises_the_parse_error(wrong):
    with pytest.raises(NumberParseError):
        parse_quantity(wrong)


UNITS = list(csv.DictReader((SEEDS / "units.csv").open(encoding="utf-8")))


@pytest.mark.parametrize("row", [r for r in UNITS if r["kind"] in ("money", "rate", "count")], ids=lambda r: r["unit"])
def test_every_unit_a_number_may_carry_is_read_glued_and_spaced(row):
    for printed in (f"1,250{row['unit']}", f"1,250 {row['unit']}"):
        quantity = parse_quantity(printed)
        assert (quantity.value, quantity.unit) == (Decimal(1250), row["unit"])
        assert quantity.amount_krw == (1250 * int(row["won"]) if row["kind"] == "money" else None)


@pytest.mark.parametrize("row", [r for r in UNITS if r["kind"] not in ("money", "rate", "count")], ids=lambda r: r["unit"])
def test_a_measure_is_no_unit_of_a_number_but_of_its_table(row):
    with pytest.raises(NumberParseError):
        parse_quantity(f"1,250{row['unit']}")
    assert noted_units(f"(단위 : {row['unit']})") == noted_units(f"<단위 {row['unit']}>") == [row["unit"]]


def test_a_longer_unit_is_read_before_the_shorter_it_begins_with():
    assert parse_quantity("3,112세대").unit == "세대"
    assert parse_quantity("12개국").unit == "개국"
    assert parse_quantity("925백만원").amount_krw == 925_000_000


@pytest.mark.parametrize(("note", "units"), [
    ("(단위 : 천 원)", ["천원"]), ("(단위: 백만 원, %)", ["백만원", "%"]), ("<단위 억 원>", ["억원"]),
    ("(단위 : 명, 백만원)", ["명", "백만원"]), ("(단위 천원)", ["천원"]), ("○ 단위사업 추진", []),
])
def test_a_unit_note_names_its_units_spaced_out_or_not(note, units):
    """``천 원`` is 천원: read as 원 alone, every amount of its table would be a thousandth of itself."""
    assert noted_units(note) == units
