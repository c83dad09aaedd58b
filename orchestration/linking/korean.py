"""Korean text compared for meaning, not for spelling: the pieces the pledge matcher is built of.

Korean filings space the same name differently (미래직업체험관 / 미래 직업체험관), wrap it in
brackets and middots (조성·운영), glue particles to it (체험관을) and misprint a syllable
(남부여상 / 남부여성). Comparing character bigrams of the text with everything but letters and
digits removed is indifferent to the first three; a one-syllable substitution costs two bigrams
of many, and ``find_term`` allows it explicitly for long names.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from typing import Iterable

_NOT_LETTER = re.compile(r"[^0-9A-Za-z가-힣]+")

# Words of at least four syllables that name a plan, an activity or a policy goal every
# government pursues, not one undertaking: a pledge that shares only these with a line is not
# mentioned by it.
GENERIC_TERMS = frozenset({
    "공약실천계획", "실천계획", "추진계획", "기본계획", "지속확대", "확대추진", "지원강화", "기능강화",
    "프로젝트", "조성운영", "설치운영", "구축운영", "지원사업", "추진사업", "활성화사업",
    "일자리창출", "지역경제", "취약계층", "공간조성", "환경조성", "기반조성", "역량강화", "경쟁력강화",
    "건강증진", "균형발전", "서비스제공", "체계구축", "지역사회", "주민참여",
})
# Particles glued to the end of a word (활성화를, 청년의): stripped before a word is a key term.
PARTICLES = ("에서", "으로", "에게", "까지", "부터", "을", "를", "은", "는", "의", "와", "과", "로", "에", "도")
# A key term shorter than this is too common a word to stand for a pledge on its own.
MIN_TERM_LENGTH = 4
# A term this long may be misprinted by one syllable and still be found (남부여상발전센터).
FUZZY_TERM_LENGTH = 6


def letters(text: str) -> str:
    """Letters and digits only, lower case, NFC: the form every comparison is made on."""
    return _NOT_LETTER.sub("", unicodedata.normalize("NFC", text)).lower()


def words(text: str) -> list[str]:
    return [w for w in _NOT_LETTER.split(unicodedata.normalize("NFC", text).lower()) if w]


def bigrams(text: str) -> frozenset[str]:
    squeezed = letters(text)
    if len(squeezed) == 1:
        return frozenset({squeezed})
    return frozenset(squeezed[i:i + 2] for i in range(len(squeezed) - 1))


@dataclass(frozen=True)
class Weights:
    """Inverse document frequency of each bigram over a set of texts (a government's pledge
    titles and project names): a bigram every text has (운영, 추진) weighs little, one that
    names a single thing (체험, 직학) weighs much."""
    idf: dict[str, float]
    unseen: float

    @classmethod
    def of(cls, texts: Iterable[frozenset[str]]) -> "Weights":
        counts: Counter[str] = Counter()
        total = 0
        for grams in texts:
            counts.update(grams)
            total += 1
        return cls({g: math.log((total + 1) / (n + 0.5)) for g, n in counts.items()}, math.log(total + 2))

    def weight(self, grams: Iterable[str]) -> float:
        return sum(self.idf.get(g, self.unseen) for g in grams)


def overlap(a: frozenset[str], b: frozenset[str], weights: Weights) -> float:
    """How much of the shorter text the longer one covers, by weight (0 to 1). The shorter
    side, because one pledge often names two projects (전직학교 와 미래직업체험관), each
    covering part of it."""
    smaller = min(weights.weight(a), weights.weight(b))
    return weights.weight(a & b) / smaller if smaller else 0.0


def longest_shared(a: str, b: str) -> str:
    """The longest run of letters both texts print (spaces and punctuation ignored): the
    evidence a reviewer reads first."""
    a, b = letters(a), letters(b)
    best, end = 0, 0
    previous = [0] * (len(b) + 1)
    for i in range(1, len(a) + 1):
        current = [0] * (len(b) + 1)
        for j in range(1, len(b) + 1):
            if a[i - 1] == b[j - 1]:
                current[j] = previous[j - 1] + 1
                if current[j] > best:
                    best, end = current[j], i
        previous = current
    return a[end - best:end]


def without_particle(word: str) -> str:
    for particle in PARTICLES:
        if word.endswith(particle) and len(word) - len(particle) >= 3:
            return word[:-len(particle)]
    return word


def key_terms(title: str, common: frozenset[str] = frozenset(), place: str | None = None) -> list[str]:
    """The words of a pledge title that could stand for it in another filing: long enough,
    not a generic word, not shared by many of the government's pledges (``common``), and not
    the government's own name with a common word after it (금천 + 구민)."""
    terms = []
    for word in map(without_particle, words(title)):
        rest = word[len(place):] if place and word.startswith(place) else word
        if len(word) >= MIN_TERM_LENGTH and len(rest) >= 3 and word not in GENERIC_TERMS \
                and rest not in GENERIC_TERMS and word not in common and not word.isdigit() and word not in terms:
            terms.append(word)
    return terms


def find_term(term: str, squeezed_line: str) -> str | None:
    """``exact`` when the line prints the term (spacing ignored), ``one_syllable`` when it prints
    it with one inner syllable changed (terms of six syllables or more), else None. A changed
    first or last syllable is another word more often than a misprint (체험관 / 체험교육). A
    one-syllable change leaves one half of the term intact, so only windows at a half's places
    are compared."""
    if term in squeezed_line:
        return "exact"
    if len(term) < FUZZY_TERM_LENGTH:
        return None
    half = len(term) // 2
    for piece, offset in ((term[:half], 0), (term[half:], half)):
        start = squeezed_line.find(piece)
        while start != -1:
            window = squeezed_line[start - offset:start - offset + len(term)] if start >= offset else ""
            if len(window) == len(term) and window[0] == term[0] and window[-1] == term[-1] \
                    and sum(x != y for x, y in zip(window, term)) == 1:
                return "one_syllable"
            start = squeezed_line.find(piece, start + 1)
    return None
