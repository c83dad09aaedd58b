"""Revenue statements printed as text lines rather than tables.

Work plans state their revenue targets and results in lines such as::

    - '24년 구(區) 세입 목표액 : 529,485백만원 (전년대비 △3,599백만원, 0.7%↓)
     - 지방세 : 487,805백만원 (전년대비 △2,967백만원, 0.6%↓)

The part before the colon (the *lead*) names a period, a revenue item and a measure. After the
colon comes an amount in a money unit, and a bracket may follow with the comparisons: a change
amount, a change rate or a 진도율.

Or the measure stands in brackets before an amount written with place words, its parts after a
colon, and a line below lists the parts of the next one::

    - (목표) 5조 5,818억원 : 지방세 5조 1,015억원, 세외수입 4,803억원
    - (성과) 5조 8,131억원 징수 : 목표액 대비 2,313억원(4.1%) 초과
      * 지방세 5조 3,267억원(2,252억↑), 세외수입 4,864억원(61억↑)

The measure is the bracket's word or the verb after the amount (목표 → target, 징수 → collected);
the amount is the revenue the innermost heading around it names (``□ 2024년 지방세입 …``: 세입,
all of it; the section tree of ``structure``), its year the innermost one printed; parts are revenue items with their amounts. A part list on a line of its own
(``* 지방세 …, 세외수입 …``) holds the parts of the bracketed statement just above it.

A lead may say only part of this:
- A lead with an item and no measure (``지방세``) belongs to the statement above it in the same
  block and shares its measure and period.
- A lead with a measure and no item (``'23년 결산전망``) takes the item of the statement above it.
  With no statement above, it takes the item of the project whose section holds it.
- A lead that names revenue in general (``세입``) takes the project's item, or stands for total
  revenue when the project names none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from orchestration.extract.dates import YEAR_MARK, arrow_steps, year_in
from orchestration.extract.numbers import (MONEY_FACTORS, MONEY_UNIT, NUMBER_BODY, NUMBER_PATTERN, RATE_UNITS,
                                           PLACE_AMOUNT, money_amount, parse_quantity, to_won)
from orchestration.extract.organisation import REVENUE_WORD
from orchestration.extract.project_budgets import ProjectSection
from orchestration.extract.revenue import (BROAD_ITEMS, TOTAL, RevenueFact, item_in_name, measure_of,
                                           project_item_at)
from orchestration.extract.structure import UNIT, Node, enclosing, section_tree
from orchestration.extract.tables import Table
from orchestration.extract.text import LINE_MARKS, MARKS

# Matched from a position (the line start, or the end of the statement before it on the line).
_STATEMENT = re.compile(
    rf"[\s{MARKS}]*(?P<lead>[^:：※/]+?)\s*[:：]\s*"
    rf"(?P<amount>[△▲\-]?\s*{NUMBER_BODY}\s*{MONEY_UNIT}(?:\s*[↑↓])?)\s*"
    rf"(?:\((?P<note>[^()]*(?:\([^()]*\)[^()]*)*)\))?"
)
_NEXT_STATEMENT = re.compile(r"\s*[/,]\s*")
# An amount of money, in place words (``5조 5,818억원``, ``4,803억원``) or in a money unit.
_MONEY = rf"(?:{PLACE_AMOUNT.pattern}|{NUMBER_BODY}\s*{MONEY_UNIT})"
_LABELLED = re.compile(rf"{LINE_MARKS}\((?P<label>[가-힣](?:\s*[가-힣]){{0,5}})\)\s*(?:연\s*)?(?P<amount>{_MONEY})\s*"
                       r"(?:\((?P<note>[^()]*)\))?\s*(?P<verb>[가-힣]*)"
                       r"\s*(?:[:：(]|$)")
_PART = re.compile(rf"(?P<item>[가-힣]{{2,12}})\s+(?P<amount>{_MONEY})(?:\s*\(\s*(?P<change>[△▲\-]?\s*{_MONEY}\s*[↑↓])\s*\))?")
_PART_LINE = re.compile(rf"{LINE_MARKS}[가-힣]{{2,12}}\s+{_MONEY}")
_PARTS_BELOW = 2
_GENERAL = re.compile(rf"{REVENUE_WORD}|세\s*수")
_PERIOD = re.compile(r"(?:" + YEAR_MARK + r"\d{2}|(?:19|20)\d{2})\s*(?:년\s*도?|\.\s*\d{1,2}\s*월\s*말?)")
_COMPARISON = re.compile(r"[가-힣]*대비|증감")
_DECREASE = re.compile(r"^\s*(?:감소|하락|줄)")
_INCREASE = re.compile(r"^\s*(?:증가|상승|늘)")
_FELL = re.compile(r"^\W*(?:감소|하락|줄|미달)")
_NOTE_RATES = frozenset({"progress_rate", "collection_rate", "achievement_rate"})


@dataclass(frozen=True)
class _Statement:
    """What one statement is about, once completed from the lines around it."""

    item: str
    printed: str
    item_from: str
    parent: str | None
    measure: str
    measure_printed: str
    period: str | None


def extract_revenue_statements(lines: list[str], tables: list[Table],
                               linked: list[ProjectSection]) -> list[RevenueFact]:
    in_tables = {c.line for table in tables for row in table.header_rows + table.body_rows for c in row}
    facts: list[RevenueFact] = []
    head: _Statement | None = None  # the statement the lines below it in its block refer to
    for number, line in enumerate(lines, start=1):
        if not line.strip() or number in in_tables:
            head = None
            continue
        line_start = len(facts)
        for match in _statements(line):
            statement = _read(match.group("lead"), head, project_item_at(number, linked))
            if statement is None:
                break
            if measure_of(match.group("lead")):
                head = statement
            facts += _facts(number, match, statement, first_ordinal=len(facts) - line_start + 1)
    return facts


def extract_labelled_statements(lines: list[str], tables: list[Table],
                                tree: list[Node] | None = None) -> list[RevenueFact]:
    """Statements whose measure stands in brackets before their amount (``(목표) 5조 5,818억원``),
    with their parts, and the part lists printed on the line below them. ``tree``: the lines'
    ``section_tree``, when the caller has it."""
    in_tables = {c.line for table in tables for row in table.header_rows + table.body_rows for c in row}
    tree = section_tree(lines) if tree is None else tree
    facts: list[RevenueFact] = []
    head: tuple[_Statement, int] | None = None  # the statement just above and its line
    for number, line in enumerate(lines, start=1):
        if number in in_tables:
            head = None
            continue
        match = _LABELLED.match(line)
        if match:
            measure = measure_of(match["label"]) or measure_of(match["verb"] or "")
            # A bracket naming an item (``(지 방 세) 5조 1,288억원``) states that item's figure of the
            # measure just above it: the statement before it, or the line introducing it.
            named = None if measure else item_in_name(match["label"])
            if named:
                measure = (head[0].measure if head and number - head[1] <= _PARTS_BELOW else None) \
                    or (measure_of(lines[number - 2]) if number > 1 else None)
            # A heading naming no revenue (국비 확보: a grant won) owns no revenue statement.
            owner = _owner(tree, number) if measure else None
            if owner is None:
                head = None
                continue
            item, printed, period = owner
            if named:
                item, printed = named, match["label"]
            total = _Statement(item, printed, "label", None, measure, match["label"], period)
            facts.append(_place_fact(number, line, match.span("amount"), total, ordinal=1))
            head = (total, number)
            rest = match.start("note") if match["note"] is not None else match.end()
            compared = _comparisons(number, line, rest, total)
            facts += compared + _parts(number, line, match.end("amount"), total, first_ordinal=len(compared) + 2)
        elif head and number - head[1] <= _PARTS_BELOW and _PART_LINE.match(line):
            facts += _parts(number, line, 0, head[0])
            head = None
    return facts


# A series of one amount a year joined by arrows (``* (’22년) 1조 7,741억원 → (’23년) 1조 5,785억원``).
_SERIES_AMOUNT = re.compile(_MONEY)
_BRACKETS = re.compile(r"[()\[\]]")


def extract_revenue_series(lines: list[str], tables: list[Table], tree: list[Node] | None = None) -> list[RevenueFact]:
    """Amounts of a revenue item by year, joined by arrows: the item named on the line or on the
    line above it (``○ (보통교부세) …``), the measure on either or on the innermost heading around
    them that names one (``지방교부세 확보``: secured); a step that names its own measure (``’25년
    목표*``) is that measure. Nothing is read where the item or the measure cannot be told.
    ``tree``: the lines' ``section_tree``, when the caller has it."""
    in_tables = {c.line for table in tables for row in table.header_rows + table.body_rows for c in row}
    tree = section_tree(lines) if tree is None else tree
    facts: list[RevenueFact] = []
    for number, line in enumerate(lines, start=1):
        if number in in_tables or "→" not in line:
            continue
        steps = arrow_steps(line, 0, _SERIES_AMOUNT)
        if not steps:
            continue
        # the line above names the series' item when it introduces it, not when it is a series too;
        # a blank line may part them (pdftotext sets one where the page leaves a gap)
        lead, above = line[:steps[0].span[0]], next((text for text in reversed(lines[max(0, number - 3):number - 1])
                                                     if text.strip()), "")
        above = "" if "→" in above else above
        item = item_in_name(_BRACKETS.sub(" ", lead)) or item_in_name(_BRACKETS.sub(" ", above))
        headings = [node.title for node in enclosing(tree, number) if node.line != number and node.style != UNIT]
        measure = next((m for text in [lead, above, *headings] if (m := measure_of(text))), None)
        if item is None or measure is None:
            continue
        for ordinal, step in enumerate(steps, start=1):
            period = _PERIOD.search(step.text)
            statement = _Statement(item, item, "label", None, measure_of(step.text) or measure,
                                   step.text.strip(), period.group(0).strip() if period else None)
            facts.append(_place_fact(number, line, step.span, statement, ordinal))
    return facts


def _comparisons(number: int, line: str, start: int, statement: _Statement) -> list[RevenueFact]:
    """The change a statement prints against something after ``start`` (``목표액 대비 2,313억원(4.1%)
    초과``, ``(’24년 5조 56억원 대비 2.5% 증가)``): the amounts and rates after the comparison word,
    negative where the text says the figure fell (감소, 미달, △); and the figure it is measured
    against when that is printed before the word (``’24년 5조 56억원``)."""
    text = line[start:]
    comparison = _COMPARISON.search(text)
    if comparison is None:
        return []
    found = [m for m in NUMBER_PATTERN.finditer(text, comparison.end())
             if m.group("unit") in MONEY_FACTORS or m.group("unit") in RATE_UNITS]
    against = text[:comparison.end()].strip().lstrip(":：(").strip()  # 목표액 대비, ’24년 5조 56억원 대비
    falls = bool(found) and (_direction(found[0].group(0), "") < 0 or _FELL.search(text[found[-1].end():]))
    facts = _base(number, line, start, text[:comparison.start()], against, statement)
    for ordinal, number_match in enumerate(found, start=2 + len(facts)):
        span = (start + number_match.start(), start + number_match.start() + len(number_match.group(0).rstrip()))
        quantity = parse_quantity(line[span[0]:span[1]])
        value = -abs(quantity.value) if falls else quantity.value
        rate = quantity.unit in RATE_UNITS
        facts.append(RevenueFact(
            source_line=number, table_index=None, statement_form="text", revenue_item=statement.item,
            revenue_item_printed=statement.printed, parent_item=statement.parent, item_from=statement.item_from,
            measure="change_rate" if rate else "change_amount", measure_printed=against,
            column_index=ordinal, column_label=against, period_label=statement.period,
            fiscal_year=year_in(statement.period) if statement.period else None, printed_value=line[span[0]:span[1]],
            value=str(value), unit="%" if rate else quantity.unit,
            amount_krw=None if rate else to_won(value, quantity.unit), rate_pct=str(value) if rate else None,
            source_span=span))
    return facts


def _base(number: int, line: str, start: int, before: str, against: str, statement: _Statement) -> list[RevenueFact]:
    """The one amount printed before a comparison word (``’24년 5조 56억원 대비``, ``목표액(2,600억원)
    대비``): the statement's item, of the year printed with it (else the statement's), of the
    measure named there (else the statement's own); nothing when it names neither."""
    amounts = list(re.finditer(_MONEY, before))
    period = _PERIOD.search(before)
    # With neither a year nor a measure (``전년 1,100억원 대비``) its year is not the statement's.
    if len(amounts) != 1 or _COMPARISON.search(before) or not (period or measure_of(before)):
        return []
    base = replace(statement, measure=measure_of(before) or statement.measure, measure_printed=against,
                   period=period.group(0).strip() if period else statement.period)
    amount = amounts[0]
    return [_place_fact(number, line, (start + amount.start(), start + amount.start() + len(amount.group(0).rstrip())),
                        base, ordinal=2)]


def _owner(tree: list[Node], number: int) -> tuple[str, str, str | None] | None:
    """(item, its heading as printed, period) of a bracketed statement: the innermost section
    around it whose heading names revenue (``세입``: all of it) or an item, and the innermost
    heading naming a year; None when no heading names revenue."""
    chain = [node for node in enclosing(tree, number) if node.line != number and node.style != UNIT]
    for node in chain:
        item = TOTAL if _GENERAL.search(node.title) else item_in_name(node.title)
        if item is not None:
            period = next((m.group(0).strip() for n in chain if (m := _PERIOD.search(n.title))), None)
            return item, node.title, period
    return None


def _parts(number: int, line: str, start: int, total: _Statement, first_ordinal: int = 2) -> list[RevenueFact]:
    """The revenue items a line lists after ``start`` with their amounts, each a part of ``total``
    (numbered from ``first_ordinal`` on the line)."""
    facts = []
    for part in _PART.finditer(line, start):
        item = item_in_name(part["item"])
        if item is None or item == total.item:
            continue
        statement = replace(total, item=item, printed=part["item"], parent=None if total.item == TOTAL else total.item)
        facts.append(_place_fact(number, line, part.span("amount"), statement, ordinal=len(facts) + first_ordinal))
        if part["change"]:
            # the part's change (↑ up, ↓ or △ down), against what the line does not say
            change = replace(statement, measure="change_amount", measure_printed=part["change"][-1])
            fact = _place_fact(number, line, (part.start("change"), part.end("change") - 1), change,
                               len(facts) + first_ordinal)
            if _direction(part["change"], "") < 0:
                fact = replace(fact, value=str(-abs(int(fact.value))), amount_krw=-abs(fact.amount_krw))
            facts.append(fact)
    return facts


def _place_fact(number: int, line: str, span: tuple[int, int], statement: _Statement, ordinal: int) -> RevenueFact:
    printed = line[span[0]:span[1]]
    won, _unit = money_amount(printed)
    return RevenueFact(
        source_line=number, table_index=None, statement_form="text",
        revenue_item=statement.item, revenue_item_printed=statement.printed, parent_item=statement.parent,
        item_from=statement.item_from, measure=statement.measure, measure_printed=statement.measure_printed,
        column_index=ordinal, column_label=statement.measure_printed, period_label=statement.period,
        fiscal_year=year_in(statement.period) if statement.period else None, printed_value=printed,
        value=str(won), unit="원", amount_krw=won, rate_pct=None, source_span=span,
    )


def _statements(line: str) -> list[re.Match]:
    """The statements of a line: one, or several joined by ``/`` (``시세 : 3,543백만원 / 구세 : 187백만원``)."""
    found = []
    match = _STATEMENT.match(line)
    while match:
        found.append(match)
        joint = _NEXT_STATEMENT.match(line, match.end())
        match = _STATEMENT.match(line, joint.end()) if joint and joint.end() > match.end() else None
    return found


def _read(lead: str, head: _Statement | None, project_item: str | None) -> _Statement | None:
    """What the lead says, completed by the statement above it or by the project."""
    measure = measure_of(lead)
    named = item_in_name(lead)
    period_match = _PERIOD.search(lead)
    period = period_match.group(0).strip() if period_match else None
    if measure is None:
        if head is None or named is None:
            return None
        if named in BROAD_ITEMS and head.item not in BROAD_ITEMS | {TOTAL}:
            # 시세 under a statement about 지난년도체납: that item's 시세 part.
            return replace(head, parent=named)
        return replace(head, item=named, printed=lead.strip(), item_from="label",
                       parent=head.item if head.item != TOTAL else None)
    if named:
        item, printed, item_from = named, lead.strip(), "label"
    elif _GENERAL.search(lead):
        item, printed = (project_item, project_item) if project_item else (TOTAL, lead.strip())
        item_from = "project" if project_item else "label"
    elif head is not None:
        item, printed, item_from = head.item, head.printed, "statement"
    elif project_item:
        item, printed, item_from = project_item, project_item, "project"
    else:
        return None
    return _Statement(item, printed, item_from, None, measure, lead.strip(), period)


def _facts(number: int, match: re.Match, statement: _Statement, first_ordinal: int) -> list[RevenueFact]:
    """The amount and the comparisons in its bracket. The direction of a comparison is often
    printed once for its amount and rate (``219백만원 5.5%↓``): an unsigned change takes it."""
    line = match.string
    numbers = [(statement.measure, statement.measure_printed, *match.span("amount"))]
    changes = []
    note, offset = match.group("note") or "", match.start("note")
    comparison = _COMPARISON.search(note)
    previous_end = 0
    for found in NUMBER_PATTERN.finditer(note):
        unit = found.group("unit")
        if unit not in MONEY_FACTORS and unit not in RATE_UNITS:
            continue  # a date ('23.9월말) or a count, not a revenue figure
        before, previous_end = note[previous_end:found.start()], found.end()
        end = found.start() + len(found.group(0).rstrip())
        named = measure_of(before)
        if named in _NOTE_RATES and unit in RATE_UNITS:
            numbers.append((named, before.strip(" ,"), offset + found.start(), offset + end))
        elif comparison and comparison.start() < found.start():
            measure = "change_rate" if unit in RATE_UNITS else "change_amount"
            numbers.append((measure, comparison.group(0), offset + found.start(), offset + end))
            changes.append((len(numbers) - 1, _direction(found.group(0), note[end:])))
    falling = any(direction < 0 for _, direction in changes)
    falls = {index for index, direction in changes if direction < 0 or (direction == 0 and falling)}

    facts = []
    for index, (measure, measure_printed, start, end) in enumerate(numbers):
        quantity = parse_quantity(line[start:end])
        value = -abs(quantity.value) if index in falls else quantity.value
        rate = quantity.unit in RATE_UNITS
        facts.append(RevenueFact(
            source_line=number, table_index=None, statement_form="text",
            revenue_item=statement.item, revenue_item_printed=statement.printed, parent_item=statement.parent,
            item_from=statement.item_from, measure=measure, measure_printed=measure_printed,
            column_index=first_ordinal + index, column_label=measure_printed,
            period_label=statement.period, fiscal_year=year_in(statement.period) if statement.period else None,
            printed_value=line[start:end], value=str(value), unit="%" if rate else quantity.unit,
            amount_krw=to_won(value, quantity.unit) if quantity.unit in MONEY_FACTORS else None,
            rate_pct=str(value) if rate else None, source_span=(start, end),
        ))
    return facts


def _direction(printed: str, after: str) -> int:
    """-1 for a number printed as a decrease (△, -, ↓, or 감소 after it), 1 for ↑ or 증가, else 0."""
    if printed.lstrip().startswith(("△", "▲", "-")) or "↓" in printed or _DECREASE.match(after):
        return -1
    if "↑" in printed or printed.lstrip().startswith("+") or _INCREASE.match(after):
        return 1
    return 0
