"""The vocabulary the parsers read, kept as data in dbt's seeds (dbt_project/seeds/), so that the
parsers and the warehouse share one list of each concept and adding a government's wording is
adding rows: the kind signals; the revenue items; the words of fund tables; the labels of
funding sources and of a project's fields; the units of money, rates, counts and measures; the
org units' suffixes; the grades of staffing tables, the groups of staff they count apart and the
words of their two counts (정원, 현원); the headers of a register of affiliated bodies; the budget
categories, accounts, fields, bases and header words; the parts of a debt; the words of the
candidate disclosure form; the words of a plan's labels (totals, revenue measures, settlement
items, pledge columns) and of its captions (unit notes, org charts, staffing, funds, the budget's
sides); and the nationwide elections. Each file is read once per process."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[2] / "dbt_project" / "seeds"


@dataclass(frozen=True)
class Signal:
    pattern: re.Pattern[str]
    weight: int = 1


def _rows(name: str) -> list[dict]:
    with (SEEDS / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@dataclass(frozen=True)
class Term:
    meaning: str
    pattern: re.Pattern[str]


@cache
def kind_signals() -> dict[str, list[Signal]]:
    """What filings of each kind print (kind_signals.csv), by kind."""
    signals: dict[str, list[Signal]] = {}
    for row in _rows("kind_signals.csv"):
        signals.setdefault(row["kind"], []).append(Signal(re.compile(row["signal"], re.MULTILINE), int(row["weight"])))
    return signals


@cache
def units(*kinds: str) -> tuple[str, ...]:
    """The units of units.csv of the given kinds (money, rate, count, weight, length, area; all
    when none is given), longest first so that a pattern of them reads 백만원 before 만원."""
    return tuple(sorted((row["unit"] for row in _rows("units.csv") if not kinds or row["kind"] in kinds),
                        key=len, reverse=True))


@cache
def money_factors() -> dict[str, int]:
    """Each money unit of units.csv and the won it stands for."""
    return {row["unit"]: int(row["won"]) for row in _rows("units.csv") if row["kind"] == "money"}


@cache
def revenue_items() -> frozenset[str]:
    """Every revenue item of the hierarchy (revenue_items.csv), whatever the filer class."""
    return frozenset(row["revenue_item"] for row in _rows("revenue_items.csv"))


@cache
def budget_categories() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(category, the rule a row label matches without its spaces) of budget_categories.csv."""
    return tuple((row["category"], re.compile(row["pattern"])) for row in _rows("budget_categories.csv"))


@cache
def budget_accounts() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(account, the rule a row label matches without its spaces) of budget_accounts.csv."""
    return tuple((row["account"], re.compile(row["pattern"])) for row in _rows("budget_accounts.csv"))


@cache
def budget_fields() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(field, the rule matched at a position of a label without its spaces and middle dots) of
    budget_fields.csv."""
    return tuple((row["budget_field"], re.compile(row["pattern"])) for row in _rows("budget_fields.csv"))


@cache
def budget_bases() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(basis, the rule searched in a header without its spaces) of budget_bases.csv, in file order."""
    return tuple((row["basis"], re.compile(row["pattern"])) for row in _rows("budget_bases.csv"))


@cache
def grade_labels() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(grade, the rule a header matches without its spaces) of grades.csv, in file order."""
    return tuple((row["grade"], re.compile(row["pattern"])) for row in _rows("grades.csv"))


@cache
def debt_parts() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(part, the rule a name matches without its spaces) of debt_parts.csv, in file order."""
    return tuple((row["part"], re.compile(row["pattern"])) for row in _rows("debt_parts.csv"))


@cache
def staff_group_labels() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(staff group, the rule a label matches without its spaces and middle dots) of
    staff_groups.csv, in file order."""
    return tuple((row["staff_group"], re.compile(row["pattern"])) for row in _rows("staff_groups.csv"))


@cache
def revenue_item_aliases(read_in: str) -> dict[str, str]:
    """printed → the revenue item it is, of revenue_item_aliases.csv's rows read in ``read_in``
    (``label``: a whole row or column label; ``name``: a name anywhere in a line)."""
    return {row["printed"]: row["revenue_item"] for row in _rows("revenue_item_aliases.csv") if row["read_in"] == read_in}


@cache
def project_field_labels(field: str) -> tuple[str, ...]:
    """The labels project_field_labels.csv gives ``field`` (``cost``, ``name``), longest first."""
    return tuple(sorted((row["label"] for row in _rows("project_field_labels.csv") if row["field"] == field),
                        key=len, reverse=True))


@cache
def fund_terms() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(meaning, the rule searched in a header without its spaces) of fund_terms.csv, in file order."""
    return tuple((row["meaning"], re.compile(row["pattern"])) for row in _rows("fund_terms.csv"))


@cache
def funding_labels() -> dict[str, str]:
    """label → the funding group it names (funding_labels.csv)."""
    return {row["label"]: row["funding_group"] for row in _rows("funding_labels.csv")}


@cache
def staff_count_words() -> dict[str, str]:
    """word → the count it names, ``authorized`` (정원) or ``current`` (현원), of staff_count_words.csv."""
    return {row["word"]: row["meaning"] for row in _rows("staff_count_words.csv")}


@cache
def budget_header_words(meaning: str) -> tuple[str, ...]:
    """The words budget_header_words.csv gives a meaning of a budget table's header (``amount``,
    ``change``, ``change_pct``)."""
    return tuple(row["word"] for row in _rows("budget_header_words.csv") if row["meaning"] == meaning)


@cache
def label_terms(concept: str) -> tuple[Term, ...]:
    """The words of one concept of a plan's labels (label_terms.csv: total, revenue_measure,
    revenue_comparison, settlement_item, pledge_column), in file order."""
    return tuple(Term(row["meaning"], re.compile(row["pattern"])) for row in _rows("label_terms.csv")
                 if row["concept"] == concept)


def label_meaning(concept: str, label: str) -> str | None:
    """What ``label`` (without its spaces) means as a word of ``concept``: the meaning of the
    first term of label_terms.csv whose pattern it contains."""
    return first_meaning(label_terms(concept), label)


def first_meaning(terms: tuple[Term, ...], key: str) -> str | None:
    """The meaning of the first of ``terms`` whose pattern ``key`` contains."""
    return next((term.meaning for term in terms if term.pattern.search(key)), None)


@cache
def caption_words(meaning: str) -> tuple[str, ...]:
    """The words caption_words.csv gives a kind of caption (``unit_note``, ``org_chart``,
    ``staffing``, ``fund``, ``revenue_side``, ``expenditure_side``), as printed without spaces."""
    return tuple(row["word"] for row in _rows("caption_words.csv") if row["meaning"] == meaning)


@cache
def body_name_headers() -> tuple[re.Pattern[str], ...]:
    """The rules a register of affiliated bodies' first header matches without its spaces
    (body_name_headers.csv)."""
    return tuple(re.compile(row["pattern"]) for row in _rows("body_name_headers.csv"))



@cache
def _disclosure_terms() -> dict[str, tuple[Term, ...]]:
    terms: dict[str, list[Term]] = {}
    for row in _rows("disclosure_terms.csv"):
        terms.setdefault(row["concept"], []).append(Term(row["meaning"], re.compile(row["pattern"])))
    return {concept: tuple(found) for concept, found in terms.items()}


def disclosure_terms(concept: str) -> tuple[Term, ...]:
    """The words of the candidate disclosure form (disclosure_terms.csv) of one concept
    (profile_field, party_name, party, relation, tax_column, absent, header_part, section, election_type), in file
    order: the first whose pattern matches a word without its spaces gives its meaning."""
    return _disclosure_terms().get(concept, ())


@cache
def elections() -> dict[str, date]:
    """Nationwide elections by name without spaces (elections.csv) and their dates."""
    return {row["election"].replace(" ", ""): date.fromisoformat(row["election_date"]) for row in _rows("elections.csv")}


NO_UNIT = "none"  # the level of an org_unit_suffixes.csv row whose ending names no unit


@cache
def org_unit_suffixes() -> dict[str, str]:
    """The suffixes an org unit's name ends in and the level each says (org_unit_suffixes.csv),
    longest first (담당관 before 관)."""
    rows = sorted(_rows("org_unit_suffixes.csv"), key=lambda row: len(row["suffix"]), reverse=True)
    return {row["suffix"]: row["unit_level"] for row in rows if row["unit_level"] != NO_UNIT}


@cache
def non_unit_endings() -> tuple[str, ...]:
    """Word endings that look like a unit's suffix and name none (효과 ends in 과, 기관 in 관;
    org_unit_suffixes.csv rows of level ``none``): ``3. 기대효과`` heads no unit's part of a plan."""
    return tuple(row["suffix"] for row in _rows("org_unit_suffixes.csv") if row["unit_level"] == NO_UNIT)
