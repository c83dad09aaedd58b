"""A candidate's disclosure (후보자 정보공개자료) and leaflet: who runs, what they own and owe, what they
promise.

- The *profile* is the table whose headers name a candidate's particulars (기호, 정당, 성명, 성별,
  생년월일, 직업, 학력, 경력); the election and constituency come from the line that names them
  (``서울특별시의회의원선거(구로구 제 1선거구)``).
- *Finance* is every money cell of a table about 재산 (assets) or 납세 / 체납 (tax paid and
  arrears), by relation (계, 후보자 → 본인, 배우자, 직계존속, 직계비속), whether the relation heads the
  column or labels the row. A cell naming people (``모:379,857``, ``장녀:13,159 차녀:10,092``) gives
  one row per person and a derived row of their sum for the relation.
- 병역 and 전과 are read from the columns that say so.
- The commission's own form printed as space-aligned text (the bulletins' 후보자정보공개자료, read
  from PDF) has no tab tables: it is read by position (``disclosure``) when the tables name no
  candidate. Either way the election's type and date and the constituency come from
  ``disclosure.read_election``; a date the form does not print is the nationwide election at which
  the candidate was the age printed beside the birth date.
- *Pledges* are read from the leaflet's headings. Under a heading that promises (``…하겠습니다``,
  ``…공약``), each policy area (``## 교통``) with its headline (``### 신구로선 조기 신설 …``) is one
  pledge. Each place heading (``## 개봉1동``) or pledge group (``## 구로의 일상을 바꾸는 7대 공약``) gives
  a pledge per bullet. The leaflet prints no codes, so each pledge gets a derived one (``교통-01``,
  ``개봉1동-03``, ``7대공약-05``).

Contact data never gets here: lines are masked as they are read (``contacts``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from orchestration.extract.dates import parse_date
from orchestration.extract.disclosure import (Disclosure, age_in, constituency_as_printed, election_by_age,
                                              nationwide_election, read_disclosure, read_election, record_count)
from orchestration.extract.five_pledges import SheetPledge, read_five_pledges
from orchestration.extract.numbers import MONEY_FACTORS, NumberParseError, parse_labelled, parse_quantity
from orchestration.extract.pledge_investments import PledgeInvestmentFact
from orchestration.extract.pledges import CANDIDATE, PledgeFact
from orchestration.extract.tables import Table, ValueCell
from orchestration.extract.text import squeeze, without_spaces
from orchestration.extract.vocabulary import disclosure_terms, first_meaning

_ELECTION = re.compile(r"^\s*(?P<election>[가-힣][가-힣 ]*선거)\s*\(\s*(?P<constituency>[^()]+?)\s*\)")
# The money a column holds: a tax column, or the assets under the section of 재산상황.
_MONEY_MEASURES = frozenset({"tax_paid_5y", "tax_arrears_total", "tax_arrears_current", "assets"})
_HEADING = re.compile(r"^(?P<marks>#{1,6})\s*(?P<text>.+?)\s*#*\s*$")
_BULLET = re.compile(r"^\s*[-•·▪]\s*(?P<number>[①-⑳]|\d{1,2}[.)])?\s*(?P<text>\S.*?)\s*$")
_PROMISE = re.compile(r"겠습니다|하겠다|약속|공약")
_PLACE = re.compile(r"^[가-힣]+\d*(?:동|읍|면)$")
_GROUP = re.compile(r"\d+\s*대\s*공약")
_MARKUP = re.compile(r"\*\*|__")


@dataclass(frozen=True)
class CandidateFact:
    source_line: int
    election: str | None
    election_date: date | None
    election_type: str | None
    constituency: str | None
    ballot_number: str | None
    party: str | None
    name: str | None              # None when the form prints it unreadably: the birth date tells them apart
    sex: str | None
    birth_date: date | None
    birth_date_printed: str | None
    occupation: str | None
    education: str | None
    career: str | None
    military_service: str | None
    criminal_record: str | None
    criminal_record_count: int | None
    source_span: tuple[int, int] = field(default=(0, 0), compare=False)


@dataclass(frozen=True)
class CandidateFinanceFact:
    source_line: int
    table_index: int
    candidate_name: str | None
    measure: str                  # assets, tax_paid_5y, tax_arrears_total, tax_arrears_current
    relation: str                 # total, 본인, 배우자, 직계존속, 직계비속
    person: str | None            # a named relative (모, 장녀) as printed
    statement: str                # printed, or derived_sum (the named people of a relation added up)
    printed_value: str
    printed_unit: str | None
    amount_krw: int | None
    source_span: tuple[int, int] = field(default=(0, 0), compare=False)


def extract_candidates(lines: list[str], tables: list[Table]) -> list[CandidateFact]:
    election = next((m for m in map(_ELECTION.search, lines) if m), None)
    office = read_election(lines)
    military = _column_text(tables, "병역", "본인")
    criminal = _column_text(tables, "전과", None)
    candidates = []
    for table in tables:
        profile = _profile_columns(table)
        fields = _list_columns(table, profile) or profile
        if "name" not in fields:
            continue
        for row in table.body_rows:
            cells = {cell.column: cell for cell in row}

            def text(name: str) -> str | None:
                cell = cells.get(fields.get(name, -1))
                return squeeze(cell.text) if cell and cell.text.strip() else None

            if not text("name"):
                continue
            birth = text("birth_date")
            ballot = cells.get(fields.get("ballot_number", -1))
            born = parse_date(birth) if birth else None
            # a list prints each candidate's own 병역, 전과 and constituency on the candidate's row
            record = text("criminal_record") if "criminal_record" in fields else criminal
            constituency = text("constituency") if "constituency" in fields else (
                constituency_as_printed(election["constituency"]) if election else None)
            candidates.append(CandidateFact(
                source_line=cells[fields["name"]].line,
                election=squeeze(election["election"]) if election else None,
                election_date=_election_date(office, born, age_in(birth or "")),
                election_type=office.election_type if office else None,
                constituency=constituency,
                ballot_number=text("ballot_number"),
                party=without_spaces(text("party")) if text("party") else None,
                name=_without_note(text("name")),
                sex=text("sex"),
                birth_date=born,
                birth_date_printed=birth,
                occupation=text("occupation"),
                education=text("education"),
                career=text("career"),
                military_service=text("military_service") if "military_service" in fields else military,
                criminal_record=record,
                criminal_record_count=record_count(record) if record else None,
                source_span=(ballot.start, ballot.end) if ballot and text("ballot_number") else (0, 0),
            ))
    return candidates


def _election_date(office, born: date | None, age: int | None) -> date | None:
    if office and office.election_date:
        return office.election_date
    found = election_by_age(born, age)
    return found[1] if found else None


def extract_form_candidates(lines: list[str]) -> tuple[list[CandidateFact], list[CandidateFinanceFact]]:
    """The candidate and the money of the commission's form printed as aligned text. A form whose
    name cell is unreadable (a font without a Unicode map) still gives its candidate, without the
    name, when it prints the birth date: the money and the record are no less the filing's."""
    form = read_disclosure(lines)
    if form is None or (form.name is None and form.birth_date is None):
        return [], []
    office = read_election(lines)
    candidate = CandidateFact(
        source_line=form.name_line or form.birth_line,
        election=office.printed if office else None,
        election_date=_election_date(office, form.birth_date, form.age),
        election_type=office.election_type if office else None,
        constituency=office.constituency if office else None,
        ballot_number=form.ballot_number, party=form.party, name=form.name, sex=form.sex,
        birth_date=form.birth_date, birth_date_printed=form.birth_date_printed,
        occupation=form.occupation, education=form.education, career=form.career,
        military_service=form.military_service, criminal_record=form.criminal_record,
        criminal_record_count=form.criminal_record_count,
    )
    return [candidate], [_form_finance(form, amount) for amount in form.amounts]


def _form_finance(form: Disclosure, amount) -> CandidateFinanceFact:
    word = amount.word
    return CandidateFinanceFact(
        source_line=word.line if word else form.name_line or form.birth_line, table_index=0, candidate_name=form.name,
        measure=amount.measure, relation=amount.relation, person=amount.person, statement=amount.statement,
        printed_value=amount.printed, printed_unit=form.unit, amount_krw=amount.amount_krw,
        # a derived sum's digits are its members' (their own rows claim them)
        source_span=(word.start, word.end) if word and amount.statement == "printed" else (0, 0),
    )


def _profile_columns(table: Table) -> dict[str, int]:
    fields: dict[str, int] = {}
    for index, label in enumerate(table.column_labels):
        text = _header_word(label)
        name = first_meaning(disclosure_terms("profile_field"), text)
        if name and name not in fields:
            fields[name] = index
    return fields if {"name", "birth_date"} <= fields.keys() or {"name", "party"} <= fields.keys() else {}


# A note in brackets after a header's word (``성명 (한자)``, ``생년월일 (연령)``, ``(천원)``) or a
# name's (its hanja: ``장덕준 (張德俊)``).
_HEADER_NOTE = re.compile(r"\([^()]*\)$")


def _without_note(text: str) -> str:
    """``text`` without its spaces and the note in brackets after it."""
    word = without_spaces(text)
    return _HEADER_NOTE.sub("", word) or word


def _header_word(label: str) -> str:
    """A column's own header word: its lowest level, without its note."""
    return _without_note(label.rsplit(" / ", 1)[-1])


def _list_columns(table: Table, profile: dict[str, int]) -> dict[str, int]:
    """The columns of a list of candidates, a row each (the commission's 후보자 명부: 선거구명,
    기호, 성명 … 재산 신고액, 납세실적, 병역, 전과), by disclosure_terms.csv's ``list_field`` words;
    none for a table of one candidate (a disclosure's profile), whose 병역, 전과 and money the
    filing's other tables state. ``profile``: the table's ``_profile_columns``."""
    named = [row for row in table.body_rows if any(c.column == profile.get("name") and c.text.strip() for c in row)]
    if len(named) < 2:
        return {}
    fields = dict(profile)
    for index, label in enumerate(table.column_labels):
        name = first_meaning(disclosure_terms("list_field"), _header_word(label))
        if name and name not in fields:
            fields[name] = index
    return fields


def _column_text(tables: list[Table], topic: str, relation: str | None) -> str | None:
    """The text of the first non-empty cell under a column about ``topic`` (병역, 전과), for the
    given relation when the header names one (the candidate's own 병역, not the spouse's)."""
    for table in tables:
        for index, label in enumerate(table.column_labels):
            path = [without_spaces(part) for part in label.split(" / ")]
            if not any(topic in part for part in path):
                continue
            if relation and first_meaning(disclosure_terms("relation"), path[-1]) not in (relation, None):
                continue
            for row in table.body_rows:
                cell = next((c for c in row if c.column == index and c.text.strip()), None)
                if cell:
                    return squeeze(cell.text)
    return None


def extract_candidate_finance(tables: list[Table], candidates: list[CandidateFact]) -> list[CandidateFinanceFact]:
    if not candidates:
        return []
    name = candidates[0].name
    facts: list[CandidateFinanceFact] = []
    for table in tables:
        listed = _list_columns(table, _profile_columns(table))
        if listed:
            facts += _list_finance(table, listed)
            continue
        for cell in table.value_cells():
            measure = _measure(cell.column_label)
            relation = _relation(cell)
            if measure is None or relation is None or (cell.unit or "") not in MONEY_FACTORS:
                continue
            facts += _finance_facts(table, cell, name, measure, relation)
    return facts


def _list_finance(table: Table, fields: dict[str, int]) -> list[CandidateFinanceFact]:
    """A list's money, a row a candidate: each column the list prints for the whole household
    (재산 신고액, 납부액, 체납액) is the candidate's total."""
    measures = {index: measure for measure, index in fields.items() if measure in _MONEY_MEASURES}
    names = {cell.line: _without_note(cell.text) for row in table.body_rows for cell in row
             if cell.column == fields["name"] and cell.text.strip()}
    facts: list[CandidateFinanceFact] = []
    for cell in table.value_cells():
        if cell.column in measures and cell.line in names and (cell.unit or "") in MONEY_FACTORS:
            facts += _finance_facts(table, cell, names[cell.line], measures[cell.column], "total")
    return facts


def _measure(column_label: str) -> str | None:
    """What a column of the form's money holds, by the words of disclosure_terms.csv: the tax
    column its header names, else the assets when it stands under 재산상황."""
    measure = None
    for part in column_label.split(" / "):
        text = without_spaces(part)
        measure = first_meaning(disclosure_terms("tax_column"), text) or (
            "assets" if first_meaning(disclosure_terms("section"), text) == "assets" else measure)
    return measure if measure in _MONEY_MEASURES else None


def _relation(cell: ValueCell) -> str | None:
    for label in [cell.column_label.rsplit(" / ", 1)[-1], *reversed(cell.row_labels)]:
        relation = first_meaning(disclosure_terms("relation"), without_spaces(label))
        if relation:
            return relation
    return None


def _finance_facts(table: Table, cell: ValueCell, name: str, measure: str, relation: str) -> list[CandidateFinanceFact]:
    def fact(person, statement, printed, amount, span) -> CandidateFinanceFact:
        return CandidateFinanceFact(cell.line, table.table_index, name, measure, relation, person, statement,
                                    printed, cell.unit, amount, span)

    try:
        named = parse_labelled(cell.text, cell.unit)
    except NumberParseError:
        named = []
    if not named:
        try:
            quantity = parse_quantity(cell.text, cell.unit)
        except NumberParseError:
            return []
        return [fact(None, "printed", cell.text, quantity.amount_krw, (cell.start, cell.end))]
    facts = []
    offset = 0
    for person, quantity in named:
        start = cell.text.index(quantity.printed, cell.text.index(person, offset))
        offset = start + len(quantity.printed)
        facts.append(fact(person, "printed", quantity.printed, quantity.amount_krw,
                          (cell.start + start, cell.start + offset)))
    total = sum(q.amount_krw or 0 for _, q in named)
    facts.append(fact(None, "derived_sum", cell.text, total, (0, 0)))
    return facts


def extract_sheet_pledges(lines: list[str]) -> tuple[list[CandidateFact], list[PledgeFact], list[PledgeInvestmentFact]]:
    """The candidate, the pledges and their costs of a five-pledge sheet (``five_pledges``)."""
    sheets = read_five_pledges(lines)
    if not sheets:
        return [], [], []
    first = sheets[0]
    office = read_election([first.election or ""])
    nationwide = nationwide_election(first.election or "")
    candidates = [CandidateFact(
        source_line=first.source_line, election=office.printed if office else first.election,
        election_date=nationwide[1] if nationwide else None,
        election_type=office.election_type if office else None,
        constituency=(office.constituency if office and office.constituency else first.constituency),
        ballot_number=first.ballot_number, party=first.party, name=first.name or "", sex=None, birth_date=None,
        birth_date_printed=None, occupation=None, education=None, career=None, military_service=None,
        criminal_record=None, criminal_record_count=None,
    )] if first.name else []
    pledges, investments = [], []
    for sheet in sheets:
        code = f"{sheet.rank:02d}"
        sections = sheet.sections
        pledges.append(PledgeFact(
            source_line=sheet.source_line, pledge_code=code, code_is_derived=sheet.rank_is_derived,
            title=sheet.title or "", strategy=None, department=None, parent_pledge_code=None, source_kind=CANDIDATE,
            goals=sections.get("goals"), methods=sections.get("methods"), period=sections.get("period"),
            funding=sections.get("funding"),
        ))
        investments += _sheet_costs(sheet, code)
    return candidates, pledges, investments


def _sheet_costs(sheet: SheetPledge, code: str) -> list[PledgeInvestmentFact]:
    if sheet.budget_krw is None:
        return []
    start, end = sheet.period_years

    def row(printed: str, value: str | None, unit: str, won: int | None, source: str | None) -> PledgeInvestmentFact:
        return PledgeInvestmentFact(
            source_line=sheet.budget_line, table_index=0, pledge_code=code, is_total_row=False,
            period_label=sheet.sections.get("period") or "총계", fiscal_year_from=start, fiscal_year_to=end,
            printed_value=printed, value=value, unit=unit, amount_krw=won, is_non_budget=False, funding_source=source,
        )

    rows = [row(sheet.budget_printed or "", str(Decimal(sheet.budget_krw) / 10**8), "억원", sheet.budget_krw, None)]
    for group, printed, unit, won in sheet.funding_split:
        if unit == "%":
            won = int(Decimal(sheet.budget_krw) * Decimal(printed.replace(",", "")) / 100)
        rows.append(row(f"{group} {printed}{unit}", printed.replace(",", ""), unit, won, group))
    return rows


def extract_candidate_pledges(lines: list[str]) -> list[PledgeFact]:
    pledges: list[PledgeFact] = []
    top = area = None
    counts: dict[str, int] = {}

    def add(line: int, strategy: str, title: str, number: int | None) -> None:
        group = _GROUP.search(strategy)
        key = without_spaces(group.group(0) if group else strategy)
        counts[key] = counts.get(key, 0) + 1
        pledges.append(PledgeFact(
            source_line=line, pledge_code=f"{key}-{number or counts[key]:02d}", code_is_derived=True,
            title=title, strategy=strategy, department=None, parent_pledge_code=None, source_kind=CANDIDATE,
        ))

    for number, raw in enumerate(lines, start=1):
        line = _MARKUP.sub("", raw)
        heading = _HEADING.match(line)
        if heading:
            level, text = len(heading["marks"]), squeeze(heading["text"].lstrip("•· "))
            if level == 1:
                top, area = text, None
            elif level == 2:
                area = text
            elif area and top and _PROMISE.search(top) and not _PLACE.match(without_spaces(top)):
                add(number, area, text, None)
            continue
        bullet = _BULLET.match(line)
        if bullet and area and (_PLACE.match(without_spaces(area)) or _PROMISE.search(area)):
            circled = bullet["number"]
            ordinal = (ord(circled) - ord("①") + 1 if circled and "①" <= circled <= "⑳"
                       else int(circled.rstrip(".)")) if circled else None)
            add(number, area, bullet["text"], ordinal)
    return pledges
