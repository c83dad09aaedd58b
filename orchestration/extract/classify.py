"""The kind of a filing, told from what it prints, never from its file name.

Each kind has a few signals (phrases and shapes that filings of that kind print); the kind with
the most signals wins if it reaches its threshold, otherwise the filing is ``unknown`` and gets no
typed facts, only its lines and table cells.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from orchestration.extract.governments import Government, GovernmentIndex
from orchestration.extract.text import without_spaces

UNKNOWN = "unknown"


@dataclass(frozen=True)
class Signal:
    pattern: re.Pattern[str]
    weight: int = 1


def _s(pattern: str, weight: int = 1) -> Signal:
    return Signal(re.compile(pattern, re.MULTILINE), weight)


KIND_SIGNALS: dict[str, tuple[int, list[Signal]]] = {
    "work_plan": (3, [
        _s(r"업\s*무\s*(계\s*획|보\s*고)", 2),
        _s(r"일\s*반\s*현\s*황"),
        _s(r"정원\s*\(\s*현원\s*\)"),
        _s(r"주요\s*사업\s*목록"),
        _s(r"소요\s*예산"),
    ]),
    "pledge_investment_plan": (3, [
        _s(r"공약"),
        _s(r"투자\s*계획", 2),
        _s(r"^\s*\d+-\d+(-\d+)?\s*\.", 1),
    ]),
    "pledge_list": (3, [
        _s(r"공약\s*명", 2),
        _s(r"관리\s*번호"),
        _s(r"담당\s*부서"),
        _s(r"추진\s*전략"),
    ]),
    "candidate_disclosure": (3, [
        _s(r"후보자", 1),
        _s(r"선거구", 1),
        _s(r"재\s*산\s*상\s*황|납부\s*및\s*체납", 2),
        _s(r"전과\s*기록|병\s*역\s*사\s*항", 1),
    ]),
    "news_article": (3, [
        _s(r"\A\s*\[[^\]\n]{2,20}\]", 2),
        _s(r"(밝혔다|전했다|말했다|계획이다|예정이다)\.", 1),
        _s(r"기자\b|\b기자$", 1),
    ]),
}


def classify_kind(text: str) -> tuple[str, dict[str, int]]:
    """The kind and every kind's score (kept as evidence for dim_document)."""
    scores = {
        kind: sum(signal.weight for signal in signals if signal.pattern.search(text))
        for kind, (_, signals) in KIND_SIGNALS.items()
    }
    eligible = [(score, kind) for kind, score in scores.items() if score >= KIND_SIGNALS[kind][0]]
    if not eligible:
        return UNKNOWN, scores
    return max(eligible)[1], scores


_ELECTION_BODY = re.compile(r"(?P<body>[가-힣]+?)(?:의회의원|의원|장)선거")


def classify_government(text: str, kind: str, index: GovernmentIndex) -> Government | None:
    """The government a filing is about. A candidate disclosure is about the body the election
    fills (``서울특별시의회의원선거`` → 서울특별시), not the district it names."""
    if kind == "candidate_disclosure":
        for match in _ELECTION_BODY.finditer(text):
            government = index.by_name(match.group("body"))
            if government is not None:
                return government
    return index.best(text)


TITLE_LETTERS = 80
_MARKUP = re.compile(r"[#|*\-•·□○◦▶>\[\]]")


def filing_title(lines: list[str]) -> str | None:
    """The filing's first line that has letters, without spaces and layout marks: with the
    government, the kind and the year, it says which filing a document is a version of (a
    re-issue or a re-download keeps its first line; see dim_document)."""
    for line in lines:
        title = without_spaces(_MARKUP.sub("", line))
        if any(ch.isalpha() for ch in title):
            return title[:TITLE_LETTERS]
    return None
