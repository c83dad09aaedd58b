"""A news article: the quantities it claims and the programmes it names.

A *claim* is a number with a counting or measuring unit inside a sentence: ``129개의 신규사업``,
``총 454개의 사업계획``, ``총 51개 주요업무``, ``기존 5일간``, ``3일로 단축``. Its *subject* is the noun
the count is of, when one follows (신규사업). Dates are not claims: a day before 부터 / 까지 or
after a month, a four-digit year, a month.

The programmes an article names, for matching against pledges later, are the phrases it quotes
(‘버킷리스트30’, ‘AI+ 허브’) and the items it lists after △.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from orchestration.extract.numbers import MONEY_FACTORS, NUMBER_BODY, parse_quantity

_COUNTERS = "개소|개월|개|건|명|곳|일|년|회|배|억원|천원|백만원|만원|원|%"
_CLAIM = re.compile(rf"(?<![\d.])(?P<number>{NUMBER_BODY})\s*(?P<unit>{_COUNTERS})(?P<after>[가-힣]*)")
_DATE_AFTER = re.compile(r"^(?:부터|까지|자|께|경)")
_DATE_BEFORE = re.compile(r"(?:\d\s*월\s*|\d{4}\s*년\s*)$")
_SENTENCE_END = re.compile(r"(?<=[다요])\.\s+|(?<=[.!?])\s+(?=[가-힣\"“‘])")
_PARTICLES = re.compile(r"(?:의|을|를|이|가|은|는|에|에서|으로|로|과|와|도|만|간)$")
# Names stand in single quotes; double quotes hold what somebody said.
_QUOTED = re.compile(r"[‘'](?P<name>[^’']{2,40})[’']")
_LISTED = re.compile(r"△\s*(?P<name>[^△]+?)\s*(?=△|등을|등\s|$)")


@dataclass(frozen=True)
class NewsClaimFact:
    source_line: int
    claim: str                    # the phrase as printed: a qualifier (총, 기존), the number, the word after
    subject: str | None           # the noun counted (신규사업), particles removed
    value: str
    unit: str
    printed_value: str
    sentence: str
    source_span: tuple[int, int] = field(default=(0, 0), compare=False)


@dataclass(frozen=True)
class NewsMentionFact:
    source_line: int
    name: str
    mention_form: str             # quoted or listed
    source_span: tuple[int, int] = field(default=(0, 0), compare=False)


def extract_news_claims(lines: list[str]) -> list[NewsClaimFact]:
    claims = []
    for number, line in enumerate(lines, start=1):
        for sentence_start, sentence in _sentences(line):
            for match in _CLAIM.finditer(sentence):
                if _is_date(sentence, match):
                    continue
                start, end = sentence_start + match.start("number"), sentence_start + match.end("unit")
                claims.append(NewsClaimFact(
                    source_line=number,
                    claim=_phrase(sentence, match),
                    subject=_subject(sentence, match),
                    value=str(parse_quantity(match["number"]).value),
                    unit=match["unit"],
                    printed_value=line[start:end],
                    sentence=sentence.strip(),
                    source_span=(start, end),
                ))
    return claims


def _sentences(line: str) -> list[tuple[int, str]]:
    pieces, start = [], 0
    for boundary in _SENTENCE_END.finditer(line):
        pieces.append((start, line[start:boundary.end()]))
        start = boundary.end()
    if line[start:].strip():
        pieces.append((start, line[start:]))
    return pieces


def _is_date(sentence: str, match: re.Match) -> bool:
    unit, after = match["unit"], match["after"]
    if unit == "일" and (_DATE_AFTER.match(after) or _DATE_BEFORE.search(sentence[:match.start()])):
        return True
    return unit == "년" and len(match["number"]) == 4


def _phrase(sentence: str, match: re.Match) -> str:
    before = sentence[:match.start()].split()
    after = sentence[match.end():].split()
    # a short word before qualifies the number (총, 약, 기존); a longer one belongs to the clause before
    words = [w for w in before[-1:] if len(w) <= 2] + [sentence[match.start():match.end()]]
    if not match["after"] or _PARTICLES.fullmatch(match["after"]):
        words += after[:1]
    return " ".join(words)


def _subject(sentence: str, match: re.Match) -> str | None:
    """The noun counted (``신규사업`` in ``129개의 신규사업``): counts only, not durations, money or rates."""
    if match["unit"] in ("일", "년", "개월", "%") or match["unit"] in MONEY_FACTORS:
        return None
    word = match["after"]
    if not word or _PARTICLES.fullmatch(word):
        following = sentence[match.end():].split()
        word = following[0] if following else ""
    noun = _PARTICLES.sub("", re.sub(r"[^가-힣A-Za-z0-9]", "", word))
    return noun or None


def extract_news_mentions(lines: list[str]) -> list[NewsMentionFact]:
    mentions = []
    for number, line in enumerate(lines, start=1):
        for pattern, form in ((_QUOTED, "quoted"), (_LISTED, "listed")):
            for match in pattern.finditer(line):
                name = match["name"].strip()
                if name:
                    mentions.append(NewsMentionFact(number, name, form, match.span("name")))
    return mentions
