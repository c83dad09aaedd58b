"""The kind of a filing, told from what it prints, never from its file name.

Each kind has signals (phrases and shapes that filings of that kind print), kept as data in the
vocabulary seed ``kind_signals.csv`` that dbt loads too; the kind whose signals weigh most wins if
they reach the threshold, otherwise the filing is ``unknown`` and gets no typed facts, only its
lines and table cells.
"""

from __future__ import annotations

import re
from datetime import date

from orchestration.extract.disclosure import read_election
from orchestration.extract.governments import Government, GovernmentIndex
from orchestration.extract.organisation import COVER_LINES
from orchestration.extract.text import MARKS, without_spaces
from orchestration.extract.vocabulary import kind_signals

UNKNOWN = "unknown"


# A kind needs signals that weigh this much together.
THRESHOLD = 3


def classify_kind(text: str) -> tuple[str, dict[str, int]]:
    """The kind and every kind's score (kept as evidence for dim_document)."""
    scores = {
        kind: sum(signal.weight for signal in signals if signal.pattern.search(text))
        for kind, signals in kind_signals().items()
    }
    eligible = [(score, kind) for kind, score in scores.items() if score >= THRESHOLD]
    if not eligible:
        return UNKNOWN, scores
    return max(eligible)[1], scores


# The elections that fill a 시·도's office or council.
_UPPER_ELECTIONS = frozenset({"시·도지사", "교육감", "시·도의회의원"})


def classify_government(text: str, kind: str, index: GovernmentIndex, on: date | None = None,
                        cover: str = "") -> Government | None:
    """The government a filing is about. A candidate's filing is about the body the election
    fills (``서울특별시의회의원선거`` → 서울특별시, ``강남구청장 선거`` → 강남구), not the district
    it names. A government's own filing (a work plan, a pledge list or investment plan) is its
    issuer's: the government its cover names (``부산광역시 낙동강관리본부``), whatever districts
    its pages go on to name most (the 낙동강's parks lie in 사하구); a cover naming none leaves it
    to the whole text. ``on``: the filing's own date, so that its code is one valid then."""
    if kind == "candidate_disclosure":
        election = read_election(text.split("\n"))
        government = index.named(election.body, text, on) if election and election.body else None
        if government is not None:
            return government
        # an election of a 시·도 whose line names no place (the commission's list: ``교육감선거``)
        # is the 시·도's the text is most about, its districts' mentions counted as its own
        if election and election.election_type in _UPPER_ELECTIONS:
            return index.best_upper(text, on)
    issuer = index.best(cover, on) if cover and kind not in ("candidate_disclosure", "news_article") else None
    return issuer or index.best(text, on)


def cover_text(pages: list[list[str]]) -> str:
    """The cover of a filing: its first page, or a one-page filing's (a text file's) first lines
    that are not blank."""
    if len(pages) > 1:
        return "\n".join(pages[0])
    return "\n".join([line for line in (pages[0] if pages else []) if line.strip()][:COVER_LINES])


TITLE_LETTERS = 80
_MARKUP = re.compile(rf"[#|>\[\]{MARKS}]")


def filing_title(lines: list[str]) -> str | None:
    """The filing's first line that has letters, without spaces and layout marks: with the
    government, the kind and the year, it says which filing a document is a version of (a
    re-issue or a re-download keeps its first line; see dim_document)."""
    for line in lines:
        title = without_spaces(_MARKUP.sub("", line))
        if any(ch.isalpha() for ch in title):
            return title[:TITLE_LETTERS]
    return None
