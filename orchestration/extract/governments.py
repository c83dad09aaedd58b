"""Which government a filing is about, from the names it prints.

The reference list is the dbt seed ``governments.csv`` (one source of truth for Python and dbt).
A 기초 name that several 광역 share (``서구``, ``중구``) only counts with its parent
(``광주광역시 서구``, ``광주 서구``, ``광주서구``); a unique one (``금천구``) counts alone.

Codes change with reforms (광주광역시 became 전남광주통합특별시 on 2026-07-01, 인천 중구 영종구
and 제물포구): a filing's government is one whose code is valid on the filing's own date; a
filing that prints no date may be any of them, told apart by the names it prints.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

_HANGUL = re.compile(r"[가-힣]")


@dataclass(frozen=True)
class Government:
    code: str
    name_ko: str
    full_name_ko: str
    short_name_ko: str
    level: str
    parent_code: str
    valid_from: str
    valid_to: str

    def valid_on(self, day: date | None) -> bool:
        """Whether the code is in force on ``day`` (any day when unknown)."""
        if day is None:
            return True
        when = day.isoformat()
        return (not self.valid_from or self.valid_from <= when) and (not self.valid_to or when <= self.valid_to)


def load_governments(path: Path) -> list[Government]:
    with path.open(encoding="utf-8") as handle:
        return [
            Government(
                code=row["government_code"],
                name_ko=row["name_ko"],
                full_name_ko=row["full_name_ko"],
                short_name_ko=row["short_name_ko"],
                level=row["level"],
                parent_code=row["parent_code"],
                valid_from=row["valid_from"],
                valid_to=row["valid_to"],
            )
            for row in csv.DictReader(handle)
        ]


class GovernmentIndex:
    """Counts mentions of every government in a text and picks the one the text is about."""

    def __init__(self, governments: list[Government]):
        self.governments = governments
        self.by_code = {g.code: g for g in self.governments}
        basic_names = Counter(g.name_ko for g in self.governments if g.level == "기초")
        # (government, pattern, weight, a word every match contains): the word is looked for
        # first, since a plain substring search is far cheaper than a regex and most of the 260
        # names are absent from any one filing.
        self._patterns: list[tuple[Government, re.Pattern[str], int, str]] = []
        for government in self.governments:
            for pattern, weight, word in self._names(government, basic_names):
                self._patterns.append((government, pattern, weight, word))

    def _names(self, government: Government, basic_names: Counter) -> list[tuple[re.Pattern[str], int, str]]:
        if government.level == "광역":
            names = [government.full_name_ko]
            colloquial = f"{government.short_name_ko}시"  # 서울시, 광주시 (unless a 시 has that name)
            if government.full_name_ko.endswith("시") and colloquial not in basic_names:
                names.append(colloquial)
            return [(_bounded(name), 1, name) for name in names]
        parent = self.by_code.get(government.parent_code)
        names = []
        if parent is not None:
            for parent_name in {parent.full_name_ko, parent.short_name_ko}:
                # bounded on the left: 전남광주 서구 is not 광주 서구
                names.append((re.compile(r"(?<![가-힣])" + re.escape(parent_name) + r"\s*"
                                         + re.escape(government.name_ko)), 3, government.name_ko))
        if basic_names[government.name_ko] == 1:
            names.append((_bounded(government.name_ko), 1, government.name_ko))
        return names

    def mentions(self, text: str, on: date | None = None) -> Counter:
        """Weighted mentions per code, of the codes in force on ``on``."""
        scores: Counter = Counter()
        for government, pattern, weight, word in self._patterns:
            if word not in text or not government.valid_on(on):
                continue
            found = len(pattern.findall(text))
            if found:
                scores[government.code] += found * weight
        return scores

    def best(self, text: str, on: date | None = None) -> Government | None:
        """The government a filing is the issuer's of: the 기초 government mentioned most, unless
        its 광역 is mentioned as often, or the 기초 does not stand out among the 광역's other
        districts (a 광역 work plan names its districts, a 기초 one names itself); else the 광역
        mentioned most. None when nothing is named."""
        scores = self.mentions(text, on)
        basic = [(score, code) for code, score in scores.items() if self.by_code[code].level == "기초"]
        upper = [(score, code) for code, score in scores.items() if self.by_code[code].level == "광역"]
        if basic:
            score, code = max(basic)
            parent = self.by_code[code].parent_code
            siblings = sum(s for s, c in basic if c != code and self.by_code[c].parent_code == parent)
            if parent in scores and (scores[parent] >= score or siblings >= score):
                return self.by_code[parent]
            return self.by_code[code]
        return self.by_code[max(upper)[1]] if upper else None

    def best_upper(self, text: str, on: date | None = None) -> Government | None:
        """The 광역 government ``text`` is most about: its own mentions and its districts' (a
        list of a 시의회 election's candidates names their 구's more than the 시)."""
        scores: Counter = Counter()
        for code, score in self.mentions(text, on).items():
            government = self.by_code[code]
            scores[code if government.level == "광역" else government.parent_code] += score
        scores.pop(None, None)
        return self.by_code[scores.most_common(1)[0][0]] if scores else None

    def named(self, name: str, text: str, on: date | None = None) -> Government | None:
        """The government called ``name`` (``강서구``, ``경기도``), told apart from others of that
        name (서울 and 부산 both have a 강서구) by which of their 광역 ``text`` mentions most."""
        found = [g for g in self.governments if name in (g.name_ko, g.full_name_ko) and g.valid_on(on)]
        if len(found) <= 1:
            return found[0] if found else None
        scores = self.mentions(text, on)
        ranked = sorted(found, key=lambda g: scores.get(g.parent_code or g.code, 0), reverse=True)
        first, second = (scores.get(g.parent_code or g.code, 0) for g in ranked[:2])
        return ranked[0] if first > second else None

    def by_name(self, name: str) -> Government | None:
        """A government named exactly (``서울특별시``, ``광주광역시 서구``)."""
        for government in self.governments:
            if name in (government.full_name_ko, government.name_ko) and (
                government.level == "광역" or name == government.full_name_ko
            ):
                return government
        return None


def _bounded(name: str) -> re.Pattern[str]:
    """A name not glued to a longer Hangul word on its left (``서구`` inside ``강서구``)."""
    return re.compile(r"(?<![가-힣])" + re.escape(name))


@lru_cache(maxsize=4)
def government_index(path: Path) -> GovernmentIndex:
    return GovernmentIndex(load_governments(path))
