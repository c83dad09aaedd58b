"""One parser for every number form the filings print.

``36,200``, ``△ 35,354,218`` (△ and ▲ are minus), ``873.20`` (decimals kept exactly as printed),
``36,200천원``, ``86.5%``, ``12.3↑``, ``22 (24)`` (a count and a second count in brackets),
``-`` (no amount) and ``비예산`` (not a budget item). Wrong input raises NumberParseError; nothing
ever silently becomes zero.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from orchestration.extract.vocabulary import money_factors, units


class NumberParseError(ValueError):
    pass


# The units a number may carry in a cell or a line: money, rates and counts (units.csv). Measures
# (m², ha, 톤) are read from a table's unit note and headers, not from a number's own text.
MONEY_FACTORS: dict[str, int] = money_factors()
RATE_UNITS = frozenset(units("rate"))
COUNT_UNITS = frozenset(units("count"))

_MINUS_SIGNS = "△▲−–\\-"
MONEY_UNIT = "(?:" + "|".join(map(re.escape, units("money"))) + ")"
NUMBER_BODY = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_UNIT = "(?:" + "|".join(map(re.escape, units("money", "rate", "count"))) + ")"
NUMBER_PATTERN = re.compile(
    rf"(?P<sign>[{_MINUS_SIGNS}+]\s*)?(?P<body>{NUMBER_BODY})\s*(?P<unit>{_UNIT})?\s*(?P<arrow>[↑↓])?"
)
# A trailing footnote mark (``△122*``, ``15※``) points to a note below the table; the number stands.
_QUANTITY = re.compile(rf"^\s*{NUMBER_PATTERN.pattern}\s*[*※]*\s*$")
_PAIR = re.compile(r"^\s*(?P<first>[^()]+?)\s*\(\s*(?P<second>[^()]+?)\s*\)\s*$")
# ``80 / 85``, ``(107명/106명)``: the same two counts parted by a slash.
_SLASH_PAIR = re.compile(r"^\s*\(?\s*(?P<first>[^()/]+?)\s*/\s*(?P<second>[^()/]+?)\s*\)?\s*$")
_DASHES = frozenset({"-", "–", "—", "−", "－"})
NON_BUDGET = "비예산"
# A name and an amount in one cell (``모:379,857``, ``장녀:13,159 차녀:10,092``).
_LABELLED = re.compile(rf"(?P<name>[가-힣A-Za-z]{{1,8}})\s*[:：]\s*(?P<number>[{_MINUS_SIGNS}]?\s*{NUMBER_BODY})")
_LABELLED_CELL = re.compile(rf"^(?:\s*{_LABELLED.pattern.replace('?P<name>', '').replace('?P<number>', '')}\s*)+$")
# The digits of one number as printed (the unit of the completeness register): ``1,020,400``,
# ``873.20``; ``1982.11.10`` is three tokens.
NUMBER_TOKEN = re.compile(r"(?<!\d)(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+(?![.\d]))?")


@dataclass(frozen=True)
class Quantity:
    printed: str
    value: Decimal | None
    unit: str | None = None
    marker: str | None = None  # "dash" (no amount) or "non_budget" (비예산)

    @property
    def amount_krw(self) -> int | None:
        return to_won(self.value, self.unit)


def parse_quantity(token: str, unit: str | None = None) -> Quantity:
    """Parse one printed number. ``unit`` is the table's unit, used when the token has none."""
    quantity = _quantity(token.strip(), unit)
    if quantity is None:
        raise NumberParseError(f"not a number: {token!r}")
    return quantity


# A filing's cells are asked about again and again (is it a number, a pair, a total?) by each
# detector that scores its table: remembering the answers took 5-9% off extracting 1,000 filings.
@functools.lru_cache(maxsize=1 << 16)
def _quantity(printed: str, unit: str | None) -> Quantity | None:
    if printed in _DASHES:
        return Quantity(printed=printed, value=None, unit=unit, marker="dash")
    if printed.replace(" ", "") == NON_BUDGET:
        return Quantity(printed=printed, value=None, unit=unit, marker="non_budget")
    match = _QUANTITY.match(printed)
    if not match:
        return None
    value = _to_decimal(match.group("body"))
    # △ and ↓ both say "down"; a filing printing both (``△116억원 ↓``) means one decrease.
    minus = bool(match.group("sign")) and match.group("sign").strip() != "+"
    if minus or match.group("arrow") == "↓":
        value = -value
    return Quantity(printed=printed, value=value, unit=match.group("unit") or unit)


def parse_number(token: str) -> Decimal:
    quantity = parse_quantity(token)
    if quantity.value is None:
        raise NumberParseError(f"no numeric value in {token!r}")
    return quantity.value


def parse_pair(token: str, unit: str | None = None) -> tuple[Quantity, Quantity]:
    """``22 (24)`` → (22, 24): the form of 정원(현원) cells; ``80 / 85`` likewise."""
    pair = _pair(token, unit)
    if pair is None:
        raise NumberParseError(f"not a 'number (number)' or 'number / number' pair: {token!r}")
    return pair


@functools.lru_cache(maxsize=1 << 16)
def _pair(token: str, unit: str | None) -> tuple[Quantity, Quantity] | None:
    match = _PAIR.match(token) or _SLASH_PAIR.match(token)
    if not match:
        return None
    first, second = _quantity(match.group("first").strip(), unit), _quantity(match.group("second").strip(), unit)
    return (first, second) if first is not None and second is not None else None


def parse_with_share(token: str, unit: str | None = None) -> tuple[Quantity, Quantity | None]:
    """``51,288(30.7)``, ``6,881(33.7%)`` → (the amount, its share of the whole); a bare amount →
    (the amount, None)."""
    try:
        return parse_pair(token, unit)
    except NumberParseError:
        return parse_quantity(token, unit), None


def parse_labelled(token: str, unit: str | None = None) -> list[tuple[str, Quantity]]:
    """``장녀:13,159 차녀:10,092`` → [("장녀", 13159), ("차녀", 10092)]."""
    if not _LABELLED_CELL.match(token):
        raise NumberParseError(f"not a list of 'name:number' parts: {token!r}")
    return [(m.group("name"), parse_quantity(m.group("number"), unit)) for m in _LABELLED.finditer(token)]


def is_slash_pair(token: str) -> bool:
    return bool(_SLASH_PAIR.match(token)) and is_pair(token)


def is_labelled(token: str) -> bool:
    return bool(_LABELLED_CELL.match(token))


def is_pair(token: str) -> bool:
    try:
        first, second = parse_pair(token)
    except NumberParseError:
        return False
    return first.value is not None and second.value is not None


def is_quantity(token: str) -> bool:
    try:
        parse_quantity(token)
    except NumberParseError:
        return False
    return True


def to_won(value: Decimal | None, unit: str | None) -> int | None:
    """Money in won; None when the unit is not money or there is no value."""
    if value is None or unit not in MONEY_FACTORS:
        return None
    return int((value * MONEY_FACTORS[unit]).to_integral_value())


def _to_decimal(body: str) -> Decimal:
    try:
        return Decimal(body.replace(",", ""))
    except InvalidOperation as exc:
        raise NumberParseError(f"not a number: {body!r}") from exc


# An amount written with Korean place words: ``707억 원``, ``16억3천2백만원``, ``1조 2,000억원``,
# ``3,500백만원``. Big places (조, 억, 만) close a group; small ones (천, 백, 십) build it.
_BIG_PLACES = {"조": 10**12, "억": 10**8, "만": 10**4}
_SMALL_PLACES = {"천": 1000, "백": 100, "십": 10}
_PLACE_PART = re.compile(r"(?P<number>\d[\d,]*(?:\.\d+)?)?\s*(?P<place>[조억만천백십])")
PLACE_AMOUNT = re.compile(r"\d[\d,]*(?:\.\d+)?\s*[조억만천백십](?:\s*\d?[\d,]*(?:\.\d+)?\s*[조억만천백십])*\s*원?")


def place_unit(text: str) -> str:
    """The unit of an amount written with place words: its last place word and 원
    (``3조 5,682억원`` → 억원)."""
    return re.sub(r"[\d,.\s]", "", text).rstrip("원")[-1:] + "원"


def money_amount(text: str) -> tuple[int | None, str | None]:
    """Won and the unit of an amount printed in a money unit (``925백만원``: 백만원, not the 만 of
    its place words) or in place words (``16조 6,830억원``: 억원); (None, None) for anything else."""
    try:
        quantity = parse_quantity(text)
    except NumberParseError:
        quantity = None
    if quantity is not None and quantity.amount_krw is not None:
        return quantity.amount_krw, quantity.unit
    won = parse_place_amount(text)
    return (won, place_unit(text.strip())) if won is not None else (None, None)


# One of a run of named amounts: ``공항 13.5조, 도로 0.6조``, ``본예산 15조 6,995억원, 추경 1조 5,532억원``.
_NAMED_AMOUNT = re.compile(rf"\s*(?P<name>[\d가-힣][\d가-힣\s]*?)\s*(?P<amount>{PLACE_AMOUNT.pattern}|{NUMBER_BODY}\s*"
                           rf"(?:{MONEY_UNIT})?)\s*(?:[,·]|$)")


@dataclass(frozen=True)
class NamedAmount:
    name: str
    printed: str
    won: int | None
    unit: str | None
    start: int  # of the printed amount in the text


def named_amounts(text: str, unit: str) -> list[NamedAmount] | None:
    """Each name and amount of a text that is a run of them and nothing else (a bracket sharing a
    total out), an amount printing no unit in ``unit``; None for any other text."""
    parts, at = [], 0
    while at < len(text.rstrip()):
        match = _NAMED_AMOUNT.match(text, at)
        if match is None or match.end() == at:
            return None
        printed = match["amount"].strip()
        won, printed_unit = money_amount(printed)
        if won is None:
            try:
                quantity = parse_quantity(printed, unit)
            except NumberParseError:
                return None
            won, printed_unit = quantity.amount_krw, quantity.unit
        parts.append(NamedAmount(match["name"].strip(), printed, won, printed_unit, match.start("amount")))
        at = match.end()
    return parts


def parse_place_amount(text: str) -> int | None:
    """Won in an amount written with place words, or None when ``text`` is not one."""
    text = text.strip().removesuffix("원").strip()
    total = group = Decimal(0)
    position = 0
    for match in _PLACE_PART.finditer(text):
        if text[position:match.start()].strip():
            return None
        position = match.end()
        number = _to_decimal(match["number"]) if match["number"] else None
        place = match["place"]
        if place in _SMALL_PLACES:
            group += (number if number is not None else Decimal(1)) * _SMALL_PLACES[place]
        else:
            if number is None and not group:
                return None  # a place word with no number before it (억원 alone)
            group += number if number is not None else Decimal(0)
            total += group * _BIG_PLACES[place]
            group = Decimal(0)
    if text[position:].strip() or position == 0:
        return None
    return int((total + group).to_integral_value())
