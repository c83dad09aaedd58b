"""The statutory candidate disclosure (후보자 정보공개자료) printed as space-aligned text.

The election commission prints every candidate's disclosure on one form: 인적사항, 재산 and 병역,
납세 / 체납 and 전과. Converted to text (``pdftotext -layout``), the form's cells are runs of words
at character positions, a cell's lines wrapped, its values a few characters left or right of its
header, and a value sometimes a line above or below its row's label. So the form is read by
position and by meaning, not by a grammar of lines:

- a section is found by its header words (``disclosure_terms.csv``: fields, relations, tax
  columns), never by its title alone, since titles are often missing or unreadable;
- the words of a section's body are grouped into columns: when the body's words fall into as
  many separate runs of characters as there are headers, the runs are the columns in order
  (values shifted off their headers still line up among themselves); otherwise each word takes
  the header nearest to it;
- the profile's free-text cells (직업, 학력, 경력) wrap and sit a space from each other: they part
  at the widest gaps no line prints across, else a career item starts at its tense (``(현)``);
- in the tax table each row has a label (계, 후보자 …); a value on a line of its own joins the
  nearest row whose cell in that column is still empty;
- a value printed once across the three tax columns (``해당사항 없음``, ``신고거부``) holds for
  all three.

Money is in the unit the form's title prints (``재산상황(천원)``); none-words (``해당없음``, ``-``)
are 0 and refusals (``고지거부``) no amount, each kept as printed.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from orchestration.extract.dates import parse_date
from orchestration.extract.numbers import MONEY_FACTORS, NUMBER_BODY, NumberParseError, parse_quantity
from orchestration.extract.structure import NUMBER, heading
from orchestration.extract.text import PIECE, readable, squeeze, without_spaces
from orchestration.extract.vocabulary import disclosure_terms, first_meaning, elections

_SINGLE = re.compile(r"\S+")
_DATE = re.compile(r"(?:19|20)\d{2}\s*\.\s*\d{1,2}\s*\.\s*\d{1,2}\.?")
# The age printed beside the birth date: ``(70세)``, ``( 58세 )``, ``(만 43세)``.
_AGE_IN = re.compile(r"\(\s*만?\s*(?P<age>\d{2,3})\s*세\s*\)")
_AGE = re.compile(r"\(?\s*만?\s*(?P<age>\d{2,3})\s*세\s*\)?")
_BALLOT = re.compile(r"^\d{1,2}$")
_NAME = re.compile(r"^[가-힣]{2,4}$")
_NAME_REPEATS = 3
_UNLABELLED_AMOUNTS = 3
_OFFICE_REPEATS = 2
_BALLOT_IN_TEXT = re.compile(r"기호(?P<number>\d{1,2})번")
# Control and zero-width characters a PDF's text layer leaves inside cells (``(전) \u200c\x07서울``).
_INVISIBLE = re.compile(r"[\x00-\x08\x0b-\x1f\u200b-\u200d\ufeff\ufffd]")
_SEX = {"남": "남", "여": "여", "남자": "남", "여자": "여"}
_UNIT = re.compile(r"\(\s*(?P<unit>천원|백만원|만원|원)\s*\)")
_PAID_ON = re.compile(r"^\(\s*\d{2,4}\s*\.\s*\d{1,2}\s*\.\s*\d{1,2}\.?\s*\)$")
_PAID_ON_IN = re.compile(r"\(\s*\d{2,4}\s*\.\s*\d{1,2}\s*\.\s*\d{1,2}\.?\s*\)$")
_SIGN = "△▵▲-－"
_MEMBER_SEPARATORS = re.compile(r"[,，/]")
_AMOUNT = re.compile(rf"^[{_SIGN}]?\s*{NUMBER_BODY}$")
# A member printed without a colon: a name glued to its amount (``장녀195,154``).
_BARE_MEMBER = re.compile(rf"(?P<person>[가-힣]{{1,4}})(?P<value>[{_SIGN}]?{NUMBER_BODY})")
_CONSTITUENCY = re.compile(r"(?P<place>[가-힣]+?(?:특별자치도|특별자치시|특별시|광역시|도|시|군|구))(?:청장|장|수|지사|교육감)선거")
_PROVINCE = re.compile(r"[가-힣]+?(?:특별자치도|특별자치시|특별시|광역시|도)(?=[가-힣]{2})")
_COUNCIL = re.compile(r"\(\s*(?P<district>[^()]+?)\s*\)")
_ORDINAL = re.compile(r"제\s*\d+\s*회\s*전국동시지방선거")
# Words this far right of a section's last header are another column of the page (campaign prose
# printed beside the form), not the form's.
_BESIDE = 10
_HEADER_LETTERS = 12
_FREE_TEXT = ("occupation", "education", "career")
_WRAP_SHIFT = 2
_SPREAD = 4
# A list mark standing alone before a cell's item (``• 고려대학교 대학원``): layout, not text.
_BULLET = re.compile(r"^[•·▪◦○●■□ㆍ]$")
ASSETS, TAX_PAID, ARREARS_TOTAL, ARREARS_CURRENT = "assets", "tax_paid_5y", "tax_arrears_total", "tax_arrears_current"
TOTAL = "total"


@dataclass(frozen=True)
class Word:
    line: int
    start: int
    end: int
    text: str

    @property
    def center(self) -> float:
        return (self.start + self.end) / 2

    @property
    def key(self) -> str:
        return without_spaces(self.text)


@dataclass(frozen=True)
class Cell:
    """What the form prints in one cell: its words in reading order."""

    words: tuple[Word, ...]

    @property
    def text(self) -> str:
        return squeeze(_INVISIBLE.sub("", " ".join(w.text for w in self.words)))

    @property
    def line(self) -> int:
        return self.words[0].line


@dataclass(frozen=True)
class Election:
    election: str | None          # 제9회 전국동시지방선거, or as printed
    election_date: date | None
    election_type: str | None     # 구·시·군의 장, 시·도지사, 시·도의회의원, 구·시·군의회의원, 교육감
    constituency: str | None      # as printed: 강남구, 구로구 제1선거구
    body: str | None              # the government the office belongs to, by name
    printed: str | None = None    # the office's election without spaces: 강남구청장선거
    source_line: int = 0


@dataclass(frozen=True)
class Amount:
    """One money value of the form: a relation's cell, or one named member of it."""

    measure: str
    relation: str
    person: str | None
    statement: str                # printed, or derived_sum (a relation's members added up)
    printed: str
    amount_krw: int | None
    word: Word | None


@dataclass
class Disclosure:
    name: str | None = None
    name_line: int = 0
    ballot_number: str | None = None
    party: str | None = None
    sex: str | None = None
    sex_line: int = 0
    birth_date: date | None = None
    birth_date_printed: str | None = None
    birth_line: int = 0
    age: int | None = None
    occupation: str | None = None
    education: str | None = None
    career: str | None = None
    military_service: str | None = None
    criminal_record: str | None = None
    criminal_record_count: int | None = None
    unit: str | None = None
    amounts: list[Amount] = field(default_factory=list)


def words_of(line: str, number: int, single: bool = False) -> list[Word]:
    """A line's words: runs separated by two spaces or more (``single``: by any space)."""
    pattern = _SINGLE if single else PIECE
    return [Word(number, m.start(), m.end(), m.group(0)) for m in pattern.finditer(line)]


def _meaning(concept: str, text: str) -> str | None:
    return first_meaning(disclosure_terms(concept), without_spaces(text))


def _absent(text: str) -> str | None:
    """``none`` (해당없음, 없음, -) or ``refused`` (고지거부); None for anything else."""
    return _meaning("absent", text)


def _moneyish(text: str) -> bool:
    """A word the money columns print: an amount, a none-word, a refusal or named members of them
    (``부:신고거부, 모:신고거부``)."""
    key = without_spaces(text)
    if _AMOUNT.match(key) or _absent(key):
        return True
    members = members_of(key)
    return bool(members) and all(_AMOUNT.match(value) or _absent(value) for _, value, _ in members)


def members_of(key: str) -> list[tuple[str, str, str]]:
    """(person, value, the member as printed) of a cell naming relatives, [] when ``key`` is not
    one. Each
    colon ends a person's name: the longest kinship term before it (``손녀1``, ``장남``, ``모``),
    so that a value glued to the next name (``고지거부차녀:``) keeps its letters."""
    colons = [m.start() for m in re.finditer(r"[:：]", key)]
    if not colons:
        found = list(_BARE_MEMBER.finditer(key))
        whole = found and "".join(m.group(0) for m in found) == key
        return [(m["person"], m["value"], m.group(0)) for m in found] if whole else []
    starts = []
    for colon in colons:
        before = key[:colon]
        length = next((n for n in range(min(5, len(before)), 0, -1)
                       if re.fullmatch(r"[가-힣]+\d?", before[-n:]) and _meaning("kin", re.sub(r"\d+$", "", before[-n:]))),
                      None)
        starts.append((colon - (length or min(2, len(before))), colon))
    if starts[0][0] != 0:
        return []
    members = []
    for index, (start, colon) in enumerate(starts):
        end = starts[index + 1][0] if index + 1 < len(starts) else len(key)
        value = _MEMBER_SEPARATORS.sub("", key[colon + 1:end])
        if not value:
            return []
        members.append((key[start:colon], value, key[start:end].rstrip(",，/")))
    return members


def read_election(lines: list[str]) -> Election | None:
    """The election a disclosure is for: its type from the line naming the office (``강남구청장
    선거``), the constituency as printed, and the nationwide election by its ordinal when printed."""
    ordinal = next((found[0] for line in lines if (found := nationwide_election(line))), None)
    for number, line in enumerate(lines, start=1):
        key = without_spaces(line)
        kind = _meaning("election_type", key)
        # a line naming several elections is a menu of them (the commission's pages list every
        # kind above the one chosen), not the filing's; one office may match two kinds' words
        # (서울특별시의회의원선거 ends in 시의회의원선거 too), so elections are told by where they end
        if not kind or len({m.end() for term in disclosure_terms("election_type") for m in term.pattern.finditer(key)}) > 1:
            continue
        office = next(t for t in disclosure_terms("election_type") if t.meaning == kind).pattern.search(key)
        # The office's name is the Hangul run that ends in the office word, after any earlier
        # 선거 of the line (``제9회전국동시지방선거/경기도지사선거``).
        head = re.split(r"선거|[^가-힣]", key[:office.start()])[-1] + key[office.start():office.end()]
        constituency = body = None
        if kind in ("구·시·군의 장", "시·도지사", "교육감"):
            place = _CONSTITUENCY.search(head)
            constituency = body = _own_place(place["place"], kind) if place else None
        else:
            # a kind of council named without its place (``시·도의회의원선거``, a menu's choice
            # leaves ``도``) names no body
            council_at = head.index("의회")
            body = head[:council_at] if council_at > 1 else None
            council = _COUNCIL.search(line[line.find("선거"):])
            constituency = constituency_as_printed(council["district"]) if council else None
        return Election(ordinal, _election_date(ordinal), kind, constituency, body, head, number)
    return _office_named_most(lines, ordinal)


def _office_named_most(lines: list[str], ordinal: str | None) -> Election | None:
    """The office of a bulletin that prints no election line (its title in an unmapped font): the
    head of a government its text names most (``이재명 정부의 강동구청장``), twice at least and more
    than any other."""
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for number, line in enumerate(lines, start=1):
        for token in re.findall(r"[가-힣]+", line):
            kind = _meaning("office", token)
            if kind and kind != "deputy" and _CONSTITUENCY.fullmatch(token + "선거"):
                counts[token] += 1
                first.setdefault(token, number)
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < _OFFICE_REPEATS or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    token = ranked[0][0]
    kind = _meaning("office", token)
    place = _own_place(_CONSTITUENCY.fullmatch(token + "선거")["place"], kind)
    return Election(ordinal, _election_date(ordinal), kind, place, place, token + "선거", first[token])


def _own_place(place: str, kind: str) -> str:
    """The government an office heads, out of the place words before it: a 구·시·군's name after
    its 시·도 (``경기도수원시`` → 수원시) or printed twice (``수원시 수원시장선거``)."""
    if kind == "구·시·군의 장":
        province = _PROVINCE.match(place)
        if province and _CONSTITUENCY.fullmatch(place[province.end():] + "장선거"):
            place = place[province.end():]
    half = len(place) // 2
    return place[:half] if len(place) % 2 == 0 and place[:half] == place[half:] else place


def constituency_as_printed(text: str) -> str:
    """A constituency with its spacing squeezed and ``제 1선거구`` as ``제1선거구``."""
    return re.sub(r"제\s+(\d)", r"제\1", squeeze(text))


def _election_date(ordinal: str | None) -> date | None:
    if not ordinal:
        return None
    return elections().get(without_spaces(ordinal))


def nationwide_election(text: str) -> tuple[str, date | None] | None:
    """The nationwide election ``text`` names by its ordinal (``제9회 전국동시지방선거``)."""
    match = _ORDINAL.search(text)
    return (squeeze(match.group(0)), _election_date(match.group(0))) if match else None


def age_in(text: str) -> int | None:
    """The age a cell prints beside a birth date, or None."""
    match = _AGE_IN.search(text)
    return int(match["age"]) if match else None


def election_by_age(birth: date | None, age: int | None) -> tuple[str, date] | None:
    """The nationwide election at whose date a candidate born on ``birth`` was ``age``: the form
    prints the age beside the birth date, so the two say which election it was printed for."""
    if birth is None or age is None:
        return None
    found = [(name, when) for name, when in elections().items()
             if when.year - birth.year - ((when.month, when.day) < (birth.month, birth.day)) == age]
    return found[0] if len(found) == 1 else None


def read_disclosure(lines: list[str]) -> Disclosure | None:
    """The disclosure printed in ``lines``, or None when no section of the form is found."""
    profile = _header_line(lines, "profile_field", 3)
    assets = _assets_header(lines)
    taxes = _tax_header(lines, assets or profile or 0)
    if assets is None and taxes is None:
        return None  # a profile alone is any candidate's header (a five-pledge sheet's too)
    if any("\t" in lines[n - 1] for n in (profile, assets, taxes) if n):
        return None  # headers separated by tabs head a table the table reader reads
    disclosure = Disclosure()
    if profile is not None:
        _read_profile(lines, profile, _section_end(lines, profile, assets or taxes or profile + 15), disclosure)
    if assets is not None:
        _read_assets(lines, assets, _section_end(lines, assets, taxes or min(len(lines), assets + 15)), disclosure)
    elif taxes is not None:
        _assets_unlabelled(lines, profile or 0, taxes, disclosure)
    if taxes is not None:
        _read_taxes(lines, taxes, disclosure)
    return disclosure


# --- finding the sections -----------------------------------------------------------------------

def _section_start(lines: list[str], header: int) -> int:
    """The first line of a section whose header is at ``header``: after its title (``1. 인적사항``)
    when one stands a few lines above, else the line above the header (a ballot number printed
    there)."""
    for number in range(header - 1, max(0, header - 6), -1):
        words = words_of(lines[number - 1], number)
        if words and (_numbered(words[0].text) or _meaning("section", words[0].text)):
            return number + 1
    return max(1, header - 1)


def _joined_parties(words: list[Word]) -> list[Word]:
    """A party's name wrapped over two lines (``더불어`` / ``민주당``) as one word."""
    out = list(words)
    for upper in words:
        for lower in words:
            if (0 < lower.line - upper.line <= 2 and _overlaps(upper, lower) and upper in out and lower in out
                    and not _is_party(upper.key) and _is_party(upper.key + lower.key)):
                out[out.index(upper)] = Word(upper.line, min(upper.start, lower.start), max(upper.end, lower.end),
                                             upper.key + lower.key)
                out.remove(lower)
    return out


def _section_end(lines: list[str], header: int, limit: int) -> int:
    """The line that starts the next section: a numbered heading (``2. 재산상황``) or the next
    section's title, before ``limit``."""
    for number in range(header + 1, min(limit, len(lines) + 1)):
        words = words_of(lines[number - 1], number)
        if words and (_numbered(words[0].text) or _meaning("section", words[0].text)):
            return number
    return min(limit, len(lines) + 1)


def _header_words(line: str, number: int) -> list[Word]:
    """Header words split at every space, then joined again where the form spaces letters out
    (``학 력``, ``학   력``, ``후 보 자``) or where words together name a header none names alone
    (``후보자 성명``, ``18세 이상 직계비속``)."""
    words: list[Word] = []
    for word in words_of(line, number, single=True):
        last = words[-1] if words else None
        if (last and len(word.key) == 1 and word.start - last.end == 1
                and len(last.key) * 2 - 1 == last.end - last.start):
            words[-1] = Word(number, last.start, word.end, last.text + " " + word.text)
        else:
            words.append(word)
    joined: list[Word] = []
    index = 0
    while index < len(words):
        word = words[index]
        for extra in (2, 1):
            parts = words[index:index + extra + 1]
            if (len(parts) == extra + 1 and all(_close(a, b) for a, b in zip(parts, parts[1:]))
                    and not _named(word.key) and _named("".join(p.key for p in parts), "header_part")):
                word = Word(number, word.start, parts[-1].end, " ".join(p.text for p in parts))
                index += extra
                break
        joined.append(word)
        index += 1
    return joined


def _numbered(text: str) -> bool:
    """A numbered title of the form (``1. 인적사항``, ``3.세금 납부…``)."""
    found = heading(text)
    return found is not None and found.style == NUMBER


def _named(key: str, *more: str) -> bool:
    return any(_meaning(concept, key) for concept in ("profile_field", "relation", "tax_column", *more))


def _close(left: Word, right: Word) -> bool:
    """Two words of one header: a space apart, or letters spread wide across a cell (``학   력``)."""
    gap = right.start - left.end
    return gap == 1 or (gap <= _SPREAD and len(left.key) <= 2 and len(right.key) <= 2)


def _header_line(lines: list[str], concept: str, needed: int, start: int = 0) -> int | None:
    for number in range(start + 1, len(lines) + 1):
        found = {_meaning(concept, w.text) for w in _header_words(lines[number - 1], number)} - {None}
        if len(found) >= needed:
            return number
    return None


def _assets_header(lines: list[str]) -> int | None:
    """The line heading the asset columns: 계 and 직계존속 both, among relations."""
    for number in range(1, len(lines) + 1):
        found = [_meaning("relation", w.text) for w in _header_words(lines[number - 1], number)]
        if TOTAL in found and "직계존속" in found and len(found) - found.count(None) >= 5:
            return number
    return None


def _tax_header(lines: list[str], after: int) -> int | None:
    """The line heading the tax columns: the one naming 납세액, else (a form that lost that
    label) the one naming an arrears column."""
    for wanted in ({TAX_PAID}, {ARREARS_TOTAL, ARREARS_CURRENT}):
        for number in range(after + 1, len(lines) + 1):
            words = words_of(lines[number - 1], number)
            if any(_meaning("tax_column", w.text) in wanted and not _numbered(w.text)
                   and len(w.key) <= _HEADER_LETTERS for w in words):
                return number
    return None


def _is_header(word: Word) -> bool:
    if _numbered(word.text):
        return True
    return any(_meaning(concept, word.text) for concept in ("profile_field", "relation", "tax_column", "header_part",
                                                             "section", "election_type"))


def _band(lines: list[str], around: int) -> list[int]:
    """The lines of a header: the line found and its neighbours that print header words only."""
    band = [around]
    for step in (-1, 1):
        number = around + step
        while 1 <= number <= len(lines) and abs(number - around) <= 2:
            words = _header_words(lines[number - 1], number)
            if not words or not all(_is_header(w) for w in words):
                break
            band.append(number)
            number += step
    return sorted(band)


def _unit(lines: list[str], first: int, last: int) -> str:
    """The money unit the section's title prints; the form's own (천원) when the title is lost."""
    for number in range(max(1, first), last + 1):
        match = _UNIT.search(lines[number - 1])
        if match:
            return match["unit"]
    return "천원"


def _body_words(lines: list[str], first: int, last: int, skip: set[int], right: int) -> list[Word]:
    words = []
    for number in range(max(1, first), min(len(lines), last) + 1):
        if number in skip:
            continue
        words += [w for w in _split_glued(words_of(lines[number - 1], number)) if w.start <= right]
    return words


def _split_glued(words: list[Word]) -> list[Word]:
    """Cells the text glued into one word, split apart: an age or a birth date printed one space
    from the next cell (``(65세) 정당인``, ``1963.03.06. 롱맨학원``), a paid-on date after its
    amount (``1,491 (22.03.22)``) and each amount of a run one space apart (``2,625,265 1,943,930``)."""
    out = []
    for word in words:
        age = _AGE_IN.search(word.text)
        if age and age.group(0) != word.text:
            pieces = [(0, age.start()), (age.start(), age.end()), (age.end(), len(word.text))]
            out += _split_glued([Word(word.line, word.start + a + len(word.text[a:b]) - len(word.text[a:b].lstrip()),
                                      word.start + b - (len(word.text[a:b]) - len(word.text[a:b].rstrip())),
                                      word.text[a:b].strip()) for a, b in pieces if word.text[a:b].strip()])
            continue
        paid = _PAID_ON_IN.search(word.text)
        if paid and paid.start() > 0:
            head = word.text[:paid.start()].rstrip()
            out += [Word(word.line, word.start, word.start + len(head), head),
                    Word(word.line, word.start + paid.start(), word.end, paid.group(0))]
            continue
        parts = words_of(word.text, word.line, single=True)
        if len(parts) > 1 and all(_AMOUNT.match(p.text) for p in parts):
            out += [Word(word.line, word.start + p.start, word.start + p.end, p.text) for p in parts]
            continue
        match = _DATE.search(word.text)
        if not match or match.group(0) == word.text:
            out.append(word)
            continue
        for start, end in ((0, match.start()), (match.start(), match.end()), (match.end(), len(word.text))):
            piece = word.text[start:end]
            if piece.strip():
                lead = len(piece) - len(piece.lstrip())
                out.append(Word(word.line, word.start + start + lead, word.start + start + len(piece.rstrip()), piece.strip()))
    return out


def _column_finder(headers: list[Word], words: list[Word]):
    """Which header's column a word is in: by the runs of characters the words print in when
    there are as many runs as headers (so values printed off their headers keep their order),
    else by the nearest header."""
    runs = _runs(words)
    if len(runs) != len(headers):
        return lambda word: _nearest(word, headers)
    return lambda word: min(range(len(runs)), key=lambda i: abs((runs[i][0] + runs[i][1]) / 2 - word.center)
                            if not runs[i][0] <= word.center <= runs[i][1] else -1)


def _runs(words: list[Word]) -> list[tuple[int, int]]:
    """The runs of characters some word prints in, between gaps none prints in."""
    runs: list[tuple[int, int]] = []
    for word in sorted(words, key=lambda w: w.start):
        if runs and word.start <= runs[-1][1]:
            runs[-1] = (runs[-1][0], max(runs[-1][1], word.end))
        else:
            runs.append((word.start, word.end))
    return runs


def _unlabelled_rows(lines: list[str], band: list[int], last_column: Word, criminal_head: Word | None) -> dict[int, str]:
    """Tax rows printed without their labels: the lines of amounts under the header, when there
    are as many as the form has rows, in the form's order (계, 후보자, 배우자, 직계존속, 직계비속)."""
    order = [t.meaning for t in disclosure_terms("relation")]
    found = []
    for number in range(band[-1] + 1, min(len(lines), band[-1] + 20) + 1):
        words = words_of(lines[number - 1], number)
        if words and (_meaning("section", words[0].text) == "statement" or _numbered(words[0].text)):
            break
        money = [w for w in words if _moneyish(w.text) and not _PAID_ON.match(w.key) and not (
            criminal_head and abs(w.center - criminal_head.center) < abs(w.center - last_column.center))]
        if money:
            found.append(number)
    return dict(zip(found, order)) if len(found) == len(order) else {}


def _columns(headers: list[Word], words: list[Word]) -> list[list[Word]]:
    column = _column_finder(headers, words)
    columns: list[list[Word]] = [[] for _ in headers]
    for word in words:
        columns[column(word)].append(word)
    return columns


def _nearest(word: Word, headers: list[Word]) -> int:
    return min(range(len(headers)), key=lambda i: abs(headers[i].center - word.center))


def _cell(words: list[Word]) -> Cell | None:
    return Cell(tuple(sorted(words, key=lambda w: (w.line, w.start)))) if words else None


# --- 인적사항 -----------------------------------------------------------------------------------

def _read_profile(lines: list[str], header: int, end: int, disclosure: Disclosure) -> None:
    bands = _profile_bands(lines, header, end)
    fields = {name: word for _, found in bands for name, word in found.items()}
    right = max(w.end for w in fields.values()) + _BESIDE
    first = _section_start(lines, bands[0][0][0])
    headed = {n for band, _ in bands for n in band}
    words = [w for w in _readable(_body_words(lines, first, end - 1, headed, right)) if not _is_header(w)]
    rest: list[Word] = []
    for word in _joined_parties(words):
        date_match = _DATE.fullmatch(word.text.strip())
        age = _AGE.fullmatch(word.text.strip())
        if date_match and disclosure.birth_date is None:
            disclosure.birth_date, disclosure.birth_date_printed = parse_date(word.text), word.text
            disclosure.birth_line = word.line
        elif age:
            disclosure.age = int(age["age"])
        elif word.key in _SEX and disclosure.sex is None:
            disclosure.sex, disclosure.sex_line = _SEX[word.key], word.line
        elif _BALLOT.match(word.key) and disclosure.ballot_number is None:
            disclosure.ballot_number = word.key
        else:
            rest.append(word)
    birth = next((w for w in words if w.line == disclosure.birth_line and w.text == disclosure.birth_date_printed), None)
    if birth:
        # The age printed under the birth date belongs to its cell, read or not (``(39AH)``).
        rest = [w for w in rest if not (_overlaps(w, birth) and abs(w.line - birth.line) <= 2 and w.end <= birth.end + 2)]
    columns: dict[str, list[Word]] = {}
    for index, (band, found) in enumerate(bands):
        below = bands[index + 1][0][0] if index + 1 < len(bands) else end
        above = band[0] if index else first
        mine = [w for w in rest if above <= w.line < below]
        columns.update(_profile_columns(mine, found))
    cells = {name: _cell(found) for name, found in columns.items()}
    text = without_spaces("".join(lines))
    if cells.get("name") or words:
        name = _repeated_name(cells.get("name"), words, text)
        if name:
            disclosure.name, disclosure.name_line = name
    party = cells.get("party")
    disclosure.party = _party(without_spaces(party.text) if party else "", text)
    if disclosure.ballot_number is None:
        ballot = _BALLOT_IN_TEXT.search(text)
        disclosure.ballot_number = ballot["number"] if ballot else None
    for name in ("occupation", "education", "career"):
        if cells.get(name):
            setattr(disclosure, name, cells[name].text)


def _profile_bands(lines: list[str], header: int, end: int) -> list[tuple[list[int], dict[str, Word]]]:
    """The profile's header bands and the fields each heads. Most forms head every field on one
    band; some print a second band under the first row (``학력  경력``) heading the cells below it."""
    bands = []
    number = header
    while number is not None:
        band = _band(lines, number)
        found: dict[str, Word] = {}
        for line in band:
            for word in _header_words(lines[line - 1], line):
                meaning = _meaning("profile_field", word.text)
                if meaning and meaning not in found and not any(meaning in f for _, f in bands):
                    found[meaning] = word
        bands.append((band, found))
        number = next((n for n in range(band[-1] + 2, end) if _only_fields(lines[n - 1], n)), None)
    return bands


def _only_fields(line: str, number: int) -> bool:
    words = _header_words(line, number)
    return bool(words) and all(_meaning("profile_field", w.text) for w in words)


def _profile_columns(words: list[Word], fields: dict[str, Word]) -> dict[str, list[Word]]:
    """The words of one band's cells by field. Party and name take the words nearest their
    headers; the free-text fields (직업, 학력, 경력) take theirs by the runs the words print in."""
    texts = [name for name in ("party", "name", "occupation", "education", "career") if name in fields]
    headers = [fields[name] for name in texts]
    columns: dict[str, list[Word]] = {name: [] for name in texts}
    if not texts:
        return columns
    for word in words:
        column = texts[_nearest(word, headers)]
        # Party and name sit side by side and are often printed off their headers: a party reads
        # as one (``…당``, 무소속), a name as a short Hangul word.
        if column in ("party", "name"):
            if _is_party(word.key) and "party" in columns:
                column = "party"
            elif _NAME.match(word.key) and "name" in columns:
                column = "name"
        columns[column].append(word)
    free = [name for name in texts if name in _FREE_TEXT]
    pieces = [piece for name in free for word in columns[name] for piece in _pieces(word) if not _BULLET.match(piece.text)]
    if "career" in free:
        career, pieces = _career_pieces(pieces)
        if career:
            free.remove("career")
            columns["career"] = career
            for name in free:
                columns[name] = [w for w in _rejoined(pieces) if texts[_nearest(w, headers)] == name]
    groups = _gutter_columns(pieces, len(free))
    if groups is not None:
        columns.update(zip(free, groups))
    return columns


def _rejoined(pieces: list[Word]) -> list[Word]:
    """Pieces one space apart on a line joined into words again."""
    out: list[Word] = []
    for piece in sorted(pieces, key=lambda p: (p.line, p.start)):
        last = out[-1] if out else None
        if last and last.line == piece.line and piece.start - last.end == 1:
            out[-1] = Word(last.line, last.start, piece.end, last.text + " " + piece.text)
        else:
            out.append(piece)
    return out


def _career_pieces(pieces: list[Word]) -> tuple[list[Word], list[Word]]:
    """(the 경력 cell's words, the others): a career item starts with its tense (``(현)``,
    ``전)``), and the text wraps a line's items into the cells on their left without a gutter, so
    on a line with an item's start, that start and what follows it are the career's; on the other
    lines, the words at or right of the leftmost start, or a little left of it when a gap sets
    them off from the words before them (a wrapped line, centred in its cell)."""
    starts = [p for p in pieces if _meaning("career_item", p.key)]
    if not starts:
        return [], pieces
    edge = min(p.start for p in starts)
    first_on_line: dict[int, int] = {}
    for piece in sorted(starts, key=lambda p: p.start):
        first_on_line.setdefault(piece.line, piece.start)
    ends = {(p.line, p.end) for p in pieces}

    def in_career(piece: Word) -> bool:
        if piece.line in first_on_line:
            return piece.start >= first_on_line[piece.line]
        set_off = not any((piece.line, piece.start - gap) in ends for gap in (0, 1))
        return piece.start >= edge or (piece.start >= edge - _WRAP_SHIFT and set_off)

    career = [p for p in pieces if in_career(p)]
    return career, [p for p in pieces if p not in career]


def _pieces(word: Word) -> list[Word]:
    return [Word(word.line, word.start + p.start, word.start + p.end, p.text)
            for p in words_of(word.text, word.line, single=True)]


def _gutter_columns(words: list[Word], count: int) -> list[list[Word]] | None:
    """``words`` split into ``count`` columns at the widest gaps no word prints in: the form's
    free-text cells wrap, and a wrapped line often sits one space from the next cell (``정당인
    화학공학과``), yet no line prints across the gutter between two columns. None when the words
    leave fewer gaps than that."""
    if count == 1:
        return [words]
    runs = _runs(words)
    if count < 1 or len(runs) < count:
        return None
    gaps = sorted(range(1, len(runs)), key=lambda i: runs[i][0] - runs[i - 1][1], reverse=True)[:count - 1]
    edges = [runs[i][0] for i in sorted(gaps)]
    groups: list[list[Word]] = [[] for _ in range(count)]
    for word in words:
        groups[sum(word.start >= edge for edge in edges)].append(word)
    return groups


def _readable(words: list[Word]) -> list[Word]:
    """Words with the pieces a font without a Unicode map leaves (``Ɯ࡯ӕ``, a bullet read as a
    lone ideograph) cut out; the readable pieces on either side of one become words of their own."""
    out = []
    for word in words:
        run: list[Word] = []
        for piece in _pieces(word) + [None]:
            if piece is not None and readable(piece.text):
                run.append(piece)
                continue
            if run:
                text = word.text[run[0].start - word.start:run[-1].end - word.start]
                out.append(Word(word.line, run[0].start, run[-1].end, text))
            run = []
    return out


def _repeated_name(cell: Cell | None, words: list[Word], text: str) -> tuple[str, int] | None:
    """The candidate's name: the name cell when it reads as a name, else the name-like word of the
    profile (or of the name cell) the bulletin repeats most — a bulletin prints its candidate's
    name again and again."""
    if cell and _NAME.match(without_spaces(cell.text)):
        return without_spaces(cell.text), cell.line
    if cell and _NAME.match(cell.words[0].key):
        return cell.words[0].key, cell.words[0].line  # the name's line, the cell's others run below it
    pool = [(w.line, piece) for w in (cell.words if cell else words)
            for piece in re.findall(r"[가-힣]{2,4}", w.key) if not _is_header(Word(w.line, 0, 0, piece))]
    counted = [(text.count(piece), -line, piece) for line, piece in pool if _NAME.match(piece)]
    best = max(counted, default=None)
    return (best[2], -best[1]) if best and best[0] >= _NAME_REPEATS else None


def _party(cell: str, text: str) -> str | None:
    """The party: the cell when it reads as one, else a party named inside it, else the party the
    bulletin names most (a form without the party's cell)."""
    cell = _INVISIBLE.sub("", cell)
    if _is_party(cell):
        return cell
    known = disclosure_terms("party")
    inside = sorted((m.start(), term.meaning) for term in known if (m := term.pattern.search(cell)))
    if inside:
        return inside[0][1]
    named = [(len(term.pattern.findall(text)), term.meaning) for term in known if term.pattern.search(text)]
    return max(named)[1] if named and not cell else None


def _is_party(key: str) -> bool:
    """A party's name: one the vocabulary knows, or a name of a party's shape (``…당``)."""
    return bool(key) and (any(t.pattern.fullmatch(key) for t in disclosure_terms("party"))
                          or bool(_meaning("party_name", key)))


# --- 재산 and 병역 ------------------------------------------------------------------------------

def _read_assets(lines: list[str], header: int, end: int, disclosure: Disclosure) -> None:
    band = _band(lines, header)
    headers: list[Word] = []
    for number in [header] + [n for n in band if n != header]:
        for word in _header_words(lines[number - 1], number):
            if _meaning("relation", word.text) and not any(_overlaps(word, h) for h in headers):
                headers.append(word)
    headers.sort(key=lambda w: w.start)
    total = next((i for i, h in enumerate(headers) if _meaning("relation", h.text) == TOTAL), None)
    if total is None or len(headers) < total + 5:
        return
    money = headers[total:total + 5]
    _read_asset_columns(lines, money, [_meaning("relation", h.text) for h in money], headers[total + 5:], header,
                        band, end, disclosure)


def _assets_unlabelled(lines: list[str], start: int, end: int, disclosure: Disclosure) -> None:
    """Assets printed without their column labels: under the section's title, the line of
    amounts gives the columns in the form's own order (계, 후보자, 배우자, 직계존속, 직계비속),
    the candidate's 병역 right of them."""
    title = next((n for n in range(start + 1, end) if any(
        _meaning("section", w.text) == ASSETS for w in words_of(lines[n - 1], n))), None)
    if title is None:
        return
    counted = [(sum(_moneyish(w.text) for w in _split_glued(words_of(lines[n - 1], n))), n)
               for n in range(title + 1, min(end, title + 10))]
    found, line = max(counted, default=(0, 0))
    if found < _UNLABELLED_AMOUNTS:
        return
    words = _split_glued(words_of(lines[line - 1], line))
    # The amounts end where the 병역 column's text begins, on their line or the lines around it.
    text = sorted((w for n in range(max(1, line - 2), min(len(lines), line + 2) + 1)
                   for w in words_of(lines[n - 1], n) if not _moneyish(w.text) and not _is_header(w)),
                  key=lambda w: w.start)
    edge = text[0].start if text else len(lines[line - 1])
    amounts = [w for w in words if _moneyish(w.text) and w.end <= edge][:5]
    order = [t.meaning for t in disclosure_terms("relation")]
    military = text[:1]  # the first words right of the amounts head the candidate's 병역
    _read_asset_columns(lines, amounts, order[:len(amounts)], military, title, [title], end, disclosure)


def _read_asset_columns(lines: list[str], money: list[Word], relations: list[str], military: list[Word], header: int,
                        band: list[int], end: int, disclosure: Disclosure) -> None:
    """The amounts under the ``money`` headers (of ``relations``, in order) and the candidate's
    병역 under the first ``military`` header."""
    unit = disclosure.unit = _unit(lines, header - 4, header)
    right = (military or money)[-1].end + _BESIDE
    words = [w for w in _body_words(lines, header + 1, end - 1, set(band), right) if not _is_header(w)]
    columns = _columns(money + military, words)
    for relation, found in zip(relations, columns[:len(money)]):
        cell = _cell([w for w in found if _moneyish(w.text)])
        if cell:
            disclosure.amounts += _amounts(ASSETS, relation, cell, unit)
    if military and columns[len(money)]:
        # The candidate's cell ends at the first gutter, or on its line where a relative is named
        # (``장남 : 육군병장``): the family's 병역 cells follow it.
        first = _runs(_readable(columns[len(money)]))[0]
        service = [p for w in columns[len(money)] for p in _pieces(w) if readable(p.text)]
        named = {}
        for piece, after in zip(service, service[1:] + [None]):
            key = piece.key.rstrip(":：")
            colon = piece.key != key or (after is not None and after.key in (":", "："))
            if _meaning("kin", key) and colon and piece.line not in named:
                named[piece.line] = piece.start
        kept = [w for w in service if w.start < first[1] and w.start < named.get(w.line, first[1])]
        if kept:
            disclosure.military_service = _cell(kept).text


def _overlaps(a: Word, b: Word) -> bool:
    return a.start < b.end and b.start < a.end


def _amounts(measure: str, relation: str, cell: Cell, unit: str) -> list[Amount]:
    """A cell's amount, or its members' amounts and their sums (``장녀 195,154 장남 18,237``). A
    member whose kinship says its relation (모 → 직계존속, 장남 → 직계비속) counts there, whatever
    column the text put it in."""
    first = cell.words[0]
    if sum(bool(_AMOUNT.match(w.key)) for w in cell.words) > 1:
        return []  # two amounts fell into one cell: which is the cell's cannot be told
    key = without_spaces(cell.text)
    single = _value(key, unit)
    if single is not None:
        return [Amount(measure, relation, None, "printed", cell.text, single[0], first)]
    members = []
    for word in cell.words:
        for person, printed, member in members_of(word.key):
            value = _value(printed, unit)
            if value is not None:
                kin = _meaning("kin", re.sub(r"\d+$", "", person)) or relation
                members.append(Amount(measure, kin, person, "printed", member, value[0], word))
    sums = []
    for kin in dict.fromkeys(m.relation for m in members):
        disclosed = [m.amount_krw for m in members if m.relation == kin and m.amount_krw is not None]
        printed = " ".join(m.printed for m in members if m.relation == kin)
        first_member = next(m.word for m in members if m.relation == kin)
        sums.append(Amount(measure, kin, None, "derived_sum", printed, sum(disclosed) if disclosed else None,
                           first_member))
    return members + sums


def _value(key: str, unit: str) -> tuple[int | None] | None:
    """(amount in won,) of one printed value — (0,) for a none-word, (None,) for a refusal — or
    None when ``key`` is not one value."""
    absent = _absent(key)
    if absent == "none":
        return (0,)
    if absent == "refused":
        return (None,)
    if not _AMOUNT.match(key):
        return None
    try:
        quantity = parse_quantity(key.replace("▵", "△").replace("－", "-"), unit)
    except NumberParseError:
        return None
    return (quantity.amount_krw if unit in MONEY_FACTORS else None,)


# --- 납세, 체납 and 전과 ------------------------------------------------------------------------

def _read_taxes(lines: list[str], header: int, disclosure: Disclosure) -> None:
    band = _band(lines, header)
    heads: dict[str, Word] = {}
    for number in range(max(1, header - 3), min(len(lines), header + 3) + 1):
        for word in words_of(lines[number - 1], number):
            meaning = _meaning("tax_column", word.text)
            # A header is a word or two: the section's title names the columns too.
            if (meaning and meaning not in heads and not _numbered(word.text)
                    and len(word.key) <= _HEADER_LETTERS):
                heads[meaning] = word
    money = [m for m in (TAX_PAID, ARREARS_TOTAL, ARREARS_CURRENT) if m in heads]
    if not money:
        return
    rows: dict[int, str] = {}
    last = band[-1]
    for number in range(band[-1] + 1, min(len(lines), band[-1] + 30) + 1):
        words = words_of(lines[number - 1], number)
        if words and _meaning("section", words[0].text) == "statement":
            break
        label = _row_label(words, heads[money[0]])
        if label:
            rows[number] = label
            last = number
    criminal_head = heads.get("criminal_record")
    if not rows:
        rows = _unlabelled_rows(lines, band, heads[money[-1]], criminal_head)
        last = max(rows, default=last)
    if not rows:
        return
    unit = _unit(lines, header - 4, header)
    disclosure.unit = disclosure.unit or unit
    right = (criminal_head.end if criminal_head else max(h.end for h in heads.values())) + _BESIDE
    boundary = (heads[money[-1]].end + criminal_head.start) / 2 if criminal_head else right
    first_row = min(rows)
    cells: dict[tuple[int, str], list[Word]] = {}
    record: list[Word] = []
    floating: list[Word] = []
    values: list[Word] = []
    for word in _body_words(lines, band[0], last + 2, set(), right):
        if word.line in band and _is_header(word) or word.line in rows and _row_label([word], heads[money[0]]):
            continue
        nearer_record = criminal_head and (abs(word.center - criminal_head.center)
                                           < abs(word.center - heads[money[-1]].center))
        if _PAID_ON.match(word.key) and not nearer_record:
            continue  # the date an arrears was paid, printed under its amount
        if _moneyish(word.text) and not nearer_record and word.line >= first_row - 2:
            values.append(word)
        elif criminal_head and word.center >= boundary - 2 and not (word.line in band and _is_header(word)):
            record.append(word)
    on_rows = [w for w in values if w.line in rows]
    if TAX_PAID not in heads:
        # 납세액 lost its label: when the values print one run more than the labelled columns,
        # the first run is it (the form's columns keep their order).
        runs = _runs(on_rows)
        if len(runs) != len(money) + 1:
            return
        heads[TAX_PAID] = Word(header, runs[0][0], runs[0][1], "납세액")
        money = [TAX_PAID] + money
    finder = _column_finder([heads[m] for m in money], on_rows)

    def column_of(word: Word) -> str:
        return money[finder(word)]

    for word in values:
        if word.line in rows:
            cells.setdefault((word.line, column_of(word)), []).append(word)
        else:
            floating.append(word)
    for word in floating:
        column = column_of(word)
        nearest = sorted(rows, key=lambda n: (abs(n - word.line), (n, column) in cells))
        free = [n for n in nearest if abs(n - word.line) <= 2 and (n, column) not in cells]
        cells.setdefault((free[0] if free else nearest[0], column), []).append(word)
    for number, relation in rows.items():
        found = {column: _cell(cells[(number, column)]) for column in money if (number, column) in cells}
        if len(found) == 1 and len(money) == 3:
            only = next(iter(found.values()))
            if all(_absent(w.text) or ":" in w.text for w in only.words):
                found = {column: only for column in money}
        for column, cell in found.items():
            disclosure.amounts += _amounts(column, relation, cell, unit)
    if criminal_head:
        _read_record(record, disclosure)


def _row_label(words: list[Word], first_column: Word) -> str | None:
    if not words or words[0].start >= first_column.start:
        return None
    head = _header_words(words[0].text, words[0].line)
    return _meaning("relation", head[0].text) if head else None


def _read_record(words: list[Word], disclosure: Disclosure) -> None:
    cell = _cell(words)
    if cell is not None:
        disclosure.criminal_record = cell.text
        disclosure.criminal_record_count = record_count(cell.text)


def record_count(text: str) -> int | None:
    """Convictions in a 전과 cell: one per date of sentence (charges sentenced together count
    once); the count a list prints (``2건``); 0 for a none-word; None when none can be told."""
    dates = {parse_date(m.group(0)) or m.group(0) for m in _DATE.finditer(text)}
    if dates:
        return len(dates)
    if counted := _RECORD_COUNT.fullmatch(text.strip()):
        return int(counted["count"])
    return 0 if _absent(text.lstrip("-－ ")) else None


# The commission's list of candidates prints the count alone (``전과 기록 유무 (건수)``: ``2건``).
_RECORD_COUNT = re.compile(r"(?P<count>\d{1,2})\s*건")
