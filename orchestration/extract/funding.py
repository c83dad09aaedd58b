"""Funding sources (재원) as project budgets print them, and which government each label names.

Labels are relative to the filer: 시비 is the upper government's money in a 서울 자치구's plan but the
filer's own in a 도 산하 시's. So the extractor only says which purse a label names (``국비``,
``시비``, ``구비`` …, the *funding group*); the tier relative to the filer (national, upper-local,
own, private, other) is resolved in dbt from the seed ``funding_tiers.csv`` (DOMAIN.md §1.7).

A breakdown is the bracket after an amount: ``(국394/시1,630/구519/자97)``,
``(시 2,507,958, 구 1,076,520)``, ``(국비 15,228 시비 7,614 구비 7,614)``, ``(국비 0.9억, 지방비 2.1억)``,
``(전액 구비)``, ``(시비 100%)``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from orchestration.extract.numbers import MONEY_UNIT, NUMBER_BODY
from orchestration.extract.text import without_spaces
from orchestration.extract.vocabulary import funding_labels

TOTAL_GROUP = "계"
# a part may print its unit, the total's or another (``3억(국비 0.9억, 지방비 2.1억)``)
_PART = re.compile(rf"(?P<label>[가-힣]+(?:·[가-힣]+)*)\s*(?P<number>{NUMBER_BODY}(?:\s*{MONEY_UNIT})?)?")
_SEPARATORS = re.compile(r"^[\s/,·+]*$")
# the whole amount from one source: ``(전액 구비)``, ``(시비 100%)``
_WHOLE = re.compile(r"^\s*(?:전\s*액\s*(?P<label>[가-힣·]+?)|(?P<share_label>[가-힣·]+?)\s*100\s*[%％])\s*$")


def funding_group(label: str) -> str | None:
    """The funding group a label names (funding_labels.csv), or None."""
    return funding_labels().get(without_spaces(label))


@dataclass(frozen=True)
class BreakdownPart:
    label: str             # as printed: "국", "시비"
    group: str
    number: str | None     # None when the bracket gives the whole amount to one source (전액 구비)
    start: int             # characters of the bracket's text this part takes
    end: int


def parse_breakdown(text: str) -> list[BreakdownPart] | None:
    """The parts of a funding bracket's text, or None when the bracket says something else
    (``10,000원×5,000명×2회``, ``기간제근로자 임금, 장비 임차료 등``)."""
    whole = _WHOLE.match(text)
    if whole and funding_group(whole.group("label") or whole.group("share_label")):
        if whole.group("label"):
            return [BreakdownPart(whole.group("label"), funding_group(whole.group("label")), None, *whole.span("label"))]
        # the part takes the share with its label: 100% is a number of the filing, claimed here
        label = whole.group("share_label")
        return [BreakdownPart(label, funding_group(label), None, whole.start("share_label"), len(text.rstrip()))]
    parts, covered = [], []
    for match in _PART.finditer(text):
        group = funding_group(match.group("label"))
        if group is None:
            return None
        parts.append(BreakdownPart(match.group("label"), group, match.group("number"), *match.span()))
        covered.append(match.span())
    if not parts or any(p.number is None for p in parts) and len(parts) > 1:
        return None
    rest, position = [], 0
    for start, end in covered:
        rest.append(text[position:start])
        position = end
    rest.append(text[position:])
    return parts if _SEPARATORS.match("".join(rest)) else None
