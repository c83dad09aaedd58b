"""Revenue and tax (세입) of a work plan, read from the meaning of each table's labels.

Revenue tables come in every orientation: items down the side and measures across (목표(A),
부과(B), 징수(C), 진도율, 징수율), measures down the side and years across (목표액 / 징수액 / 진도율
by 2021년 … 3년평균), or years over measures (2021년 / 건수, 금액). So each value cell is read on
its own: every label over it and beside it is sorted into a *revenue item* (지방세, 시세, 재산세,
종업원분 …), a *measure* (target, collected, progress_rate …) or a *period* (a segment naming a
year: ``2023년 결산전망``, ``2023. 9월말``). What a label does not say comes from around the table:
the period from its caption (``세입 징수 (2023.9월말 기준)``), the item from the name of the project
whose section holds it (``정확한 재산세 부과로 …`` → 재산세). A table with no revenue item in
its labels or its project is not a revenue table; its cells stay generic table cells.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from orchestration.extract.budgets import budget_headlines, caption_total
from orchestration.extract.dates import year_in, year_label
from orchestration.extract.numbers import MONEY_FACTORS, RATE_UNITS, NumberParseError, parse_quantity, parse_with_share
from orchestration.extract.organisation import REVENUE_SIDE, REVENUE_WORD, Section, section_at, unit_row
from orchestration.extract.project_budgets import ProjectSection
from orchestration.extract.tables import Table, ValueCell
from orchestration.extract.text import without_spaces
from orchestration.extract.vocabulary import label_meaning, label_terms, revenue_item_aliases, revenue_items

TOTAL, SUBTOTAL = "total", "subtotal"
# The items of the hierarchy are the revenue_items seed's (dbt and the parsers read one list).
ITEMS = revenue_items()
# Other ways of printing an item: as a whole label, or anywhere a line names it (revenue_item_aliases.csv).
_ITEM_ALIASES, _NAME_ALIASES = revenue_item_aliases("label"), revenue_item_aliases("name")
# The broad levels of the hierarchy: a line naming one of these under a statement about a
# narrower item splits that item by owner (``체납징수 목표`` → ``시세 : …``).
BROAD_ITEMS = frozenset({"지방세", "세외수입", "시세", "구세", "도세", "군세", "시군세", "시도세"})
# A 재정현황 grid's 예산액 is the budget's revenue; in a line of text 예산 is what a project costs
# (소요예산), so the word counts only in those grids.
_BUDGET = re.compile(r"예\s*산")
BUDGET = "budget"
RATE_MEASURES = frozenset({"progress_rate", "collection_rate", "achievement_rate", "change_rate"})
# Under a comparison (전년대비증감, 전년목표 대비), a bare 금액 or 비율 is the change itself
# (label_terms.csv's revenue_comparison).
_COMPARISON = re.compile(r"대비|증감")
_CAPTION_PERIOD = re.compile(r"(?:19|20)\d{2}\s*(?:\.\s*\d{1,2}\s*월\s*말?|년(?:\s*\d{1,2}\s*월\s*말?)?)")
_MARKERS = re.compile(r"\([A-Z:+\-]+\)|[*※]")


@dataclass(frozen=True)
class RevenueFact:
    source_line: int
    table_index: int | None       # None for a statement printed as a text line
    statement_form: str           # "table" (a cell) or "text" (a line such as ``세입목표액 : …``)
    revenue_item: str
    revenue_item_printed: str
    parent_item: str | None       # the group the table prints the item under (시세 over 차량취득세)
    item_from: str                # "label" or "project": where the item was read
    measure: str
    measure_printed: str
    column_index: int
    column_label: str             # as printed, with what the measure does not say (건수 / 금액)
    period_label: str | None
    fiscal_year: int | None
    printed_value: str
    value: str                    # exact decimal (Parquet keeps it as text; staging casts it)
    unit: str | None
    amount_krw: int | None
    rate_pct: str | None
    org_unit: str | None = None   # the unit whose revenue it is, when a table prints revenue by unit
    source_span: tuple[int, int] = field(default=(0, 0), compare=False)


def _clean(label: str) -> str:
    return without_spaces(_MARKERS.sub("", label))


def item_of(label: str) -> str | None:
    """The item a label names: the whole label (``주 민 세``), or an item followed by the measure
    taken of it (``외부재원확보액``, ``지방세징수액``)."""
    text = _clean(label)
    text = _ITEM_ALIASES.get(text, text)
    total = label_meaning("total", text)
    if total:
        return total
    if text in ITEMS:
        return text
    return next((item for item in ITEMS if text.startswith(item) and measure_of(text[len(item):])), None)


def measure_of(label: str) -> str | None:
    """The measure a label names (label_terms.csv's revenue_measure). A Korean label ends in its
    head noun (체납징수 목표액 is a target, 세입결산 전망 a forecast), so the measure word ending
    last wins; on a tie, the earlier entry (징수율 over 징수)."""
    text = _clean(label)
    found = [(max(m.end() for m in term.pattern.finditer(text)), -rank, term.meaning)
             for rank, term in enumerate(label_terms("revenue_measure")) if term.pattern.search(text)]
    return max(found)[2] if found else None


def item_in_name(name: str) -> str | None:
    """The longest revenue item a name prints from the start of one of its words, spaces ignored
    (``지난년도 세외수입 체납징수`` → 지난년도세외수입; ``회계연도 세입`` names no 도세)."""
    text, starts = _word_starts(name.replace("區", "구"))
    names = {item: item for item in ITEMS} | _NAME_ALIASES
    found = [item for printed, item in names.items() for start in starts if text.startswith(printed, start)]
    return max(found, key=len) if found else None


def _word_starts(text: str) -> tuple[str, set[int]]:
    """The text without spaces, and where in it each word of the printed text begins."""
    squeezed: list[str] = []
    starts: set[int] = set()
    previous = " "
    for char in text:
        if not char.isspace():
            if not previous.isalnum():
                starts.add(len(squeezed))
            squeezed.append(char)
        previous = char
    return "".join(squeezed), starts


def extract_revenue(tables: list[Table], linked: list[ProjectSection]) -> list[RevenueFact]:
    facts: list[RevenueFact] = []
    for table in tables:
        context = project_item_at(table.first_line, linked)
        labelled = [item_of(c.text) for row in table.body_rows for c in row[: table.label_columns]]
        labelled += [item_of(part) for label in table.column_labels for part in label.split(" / ")]
        if not any(i not in (None, TOTAL, SUBTOTAL) for i in labelled) and context is None:
            continue
        pairs = _paired_facts(table)
        if pairs:
            facts += pairs
            continue
        groups = _groups(table)
        caption_period = _caption_period(table)
        for cell in table.value_cells():
            fact = _cell_fact(table, cell, context, groups.get(cell.row), caption_period)
            if fact is not None:
                facts.append(fact)
    return facts


_REVENUE_BUDGET = re.compile(REVENUE_WORD + r"\s*예\s*산")


def _items_in_columns(table: Table, sections: list[Section], plan_year: int | None) -> list[RevenueFact]:
    """``계 | 세외수입 | 국고보조금 등`` over one row of amounts, under a 세입예산 caption: the revenue
    budget of the unit whose section holds the table, by item, each amount printed with its share
    (``213(18.5%)``). The year is the caption's, else the plan's."""
    items = {i: item_of(label) for i, label in enumerate(table.column_labels)}
    caption = _REVENUE_BUDGET.search(table.caption_text())
    if TOTAL not in items.values() or len(set(items.values()) - {None}) < 2 or caption is None:
        return []
    period = _caption_period(table)
    fiscal_year = year_in(table.caption_text()) or plan_year
    facts = []
    for row in table.body_rows:
        org_unit = section_at(sections, row[0].line) if row else None
        for cell in row:
            item = items.get(cell.column)
            money = table.column_units[cell.column] if cell.column < len(table.column_units) else None
            if item is None or item == SUBTOTAL or money not in MONEY_FACTORS or not cell.text:
                continue
            try:
                amount, share = parse_with_share(cell.text, money)
            except NumberParseError:
                continue
            if amount.amount_krw is None:
                continue
            facts.append(RevenueFact(
                source_line=cell.line, table_index=table.table_index, statement_form="table", revenue_item=item,
                revenue_item_printed=table.column_labels[cell.column], parent_item=None, item_from="label",
                measure=BUDGET, measure_printed=caption.group(0), column_index=cell.column,
                column_label=table.column_labels[cell.column], period_label=period, fiscal_year=fiscal_year,
                printed_value=cell.text, value=str(amount.value), unit=amount.unit, amount_krw=amount.amount_krw,
                rate_pct=str(share.value) if share is not None and share.value is not None else None,
                org_unit=org_unit, source_span=(cell.start, cell.end)))
    return facts


def extract_unit_revenue(tables: list[Table], sections: list[Section],
                         plan_year: int | None = None) -> list[RevenueFact]:
    """``구분 | 계 | 문화예술과 | …`` over a 세입 row, or units down the side beside a 세입 column:
    each unit's revenue budget of the year the caption names, else the plan's (the same tables
    print 세출 beside it, read by ``budgets``); and a unit's own
    revenue budget by item (``_items_in_columns``)."""
    facts = []
    for table in tables:
        facts += _items_in_columns(table, sections, plan_year)
        period = _caption_period(table)
        caption_year = year_in(table.caption_text()) or plan_year
        for label, cell, org_unit in unit_row(table, sections, REVENUE_SIDE):
            if not org_unit:
                continue  # a unit's revenue, of no unit the table prints: its cell's only
            fiscal_year = year_in(table.column_labels[cell.column]) or year_label(label) or caption_year
            money = table.column_units[cell.column] if cell.column < len(table.column_units) else None
            try:
                quantity = parse_quantity(cell.text, money)
            except NumberParseError:
                continue
            if quantity.amount_krw is None:
                continue
            facts.append(RevenueFact(
                source_line=cell.line, table_index=table.table_index, statement_form="table", revenue_item=TOTAL,
                revenue_item_printed=label, parent_item=None, item_from="label", measure=BUDGET,
                measure_printed=label, column_index=cell.column,
                column_label=table.column_labels[cell.column], period_label=period, fiscal_year=fiscal_year,
                printed_value=cell.text, value=str(quantity.value), unit=quantity.unit,
                amount_krw=quantity.amount_krw, rate_pct=None, org_unit=org_unit,
                source_span=(cell.start, cell.end)))
    return facts


def _paired_facts(table: Table) -> list[RevenueFact]:
    """A grid printing its items side by side, ``구분 | 예산액(구성비) | 구분 | 예산액(구성비)``:
    each label cell with the amount beside it, the bracket its share of the whole."""
    labels = [without_spaces(label) for label in table.column_labels]
    if len(labels) < 4 or len(labels) % 2 or len(set(labels[0::2])) != 1 or len(set(labels[1::2])) != 1:
        return []
    measure = measure_of(labels[1]) or (BUDGET if _BUDGET.search(labels[1]) else None)
    if measure is None or measure in RATE_MEASURES:
        return []
    period = _caption_period(table)
    facts = []
    for row in table.body_rows:
        cells = {cell.column: cell for cell in row}
        for column in range(0, len(labels), 2):
            label, cell = cells.get(column), cells.get(column + 1)
            item = item_of(label.text) if label else None
            if item in (None, SUBTOTAL) or cell is None or not cell.text:
                continue
            unit = table.column_units[column + 1] if column + 1 < len(table.column_units) else None
            try:
                amount, share = parse_with_share(cell.text, unit)
            except NumberParseError:
                continue
            if amount.value is None:
                continue
            facts.append(RevenueFact(
                source_line=cell.line, table_index=table.table_index, statement_form="table", revenue_item=item,
                revenue_item_printed=label.text, parent_item=None, item_from="label", measure=measure,
                measure_printed=table.column_labels[column + 1], column_index=column + 1,
                column_label=table.column_labels[column + 1], period_label=period,
                fiscal_year=year_in(period) if period else None, printed_value=cell.text, value=str(amount.value),
                unit=amount.unit, amount_krw=amount.amount_krw,
                rate_pct=str(share.value) if share is not None and share.value is not None else None,
                source_span=(cell.start, cell.end)))
    # the total its caption states (``세    입 : 16조 6,830억원``), of the items together
    total = caption_total(table, REVENUE_SIDE) if facts else None
    if total:
        facts.append(RevenueFact(
            source_line=total.line, table_index=table.table_index, statement_form="table", revenue_item=TOTAL,
            revenue_item_printed=total.side, parent_item=None, item_from="label", measure=measure,
            measure_printed=total.side, column_index=0, column_label=total.side, period_label=period,
            fiscal_year=year_in(period) if period else None, printed_value=total.printed,
            value=f"{total.value:f}", unit=total.unit, amount_krw=total.amount_krw,
            rate_pct=None, source_span=total.span))
    return facts


def project_item_at(line: int, linked: list[ProjectSection]) -> str | None:
    """The revenue item named by the project whose section holds the line."""
    for section in linked:
        if section.project and section.first_line <= line <= section.last_line:
            return item_in_name(section.project.project_name)
    return None


def _caption_period(table: Table) -> str | None:
    found = _CAPTION_PERIOD.findall(table.caption_text())
    return found[-1] if found else None


def _groups(table: Table) -> dict[int, str]:
    """The group of each body row (by its index) under a 소계 row. Narrow tables print the group
    name one syllable per row down the first column (시 / 세 beside 소 계 / 차량취득세): read it
    downwards."""
    groups: dict[int, str] = {}
    current = None
    rows = table.body_rows
    for index, row in enumerate(rows):
        labels = [c.text for c in row[: table.label_columns]]
        if any(item_of(text) == SUBTOTAL for text in labels):
            current = None
            if index + 1 < len(rows) and labels and len(labels[0]) == 1:
                below = rows[index + 1][0].text
                joined = labels[0] + below
                current = joined if len(below) == 1 and item_of(joined) else None
        elif any(item_of(text) == TOTAL for text in labels):
            current = None
        if current and row:
            groups[index] = current
    return groups


def _cell_fact(table: Table, cell: ValueCell, context: str | None, group: str | None,
               caption_period: str | None) -> RevenueFact | None:
    row_items = [(text, item_of(text)) for text in cell.row_labels if item_of(text)]
    segments = [s for s in cell.column_label.split(" / ") if s]
    column_items = [(s, item_of(s)) for s in segments if item_of(s) not in (None, TOTAL, SUBTOTAL)]
    periods = [s for s in segments + list(cell.row_labels) if year_in(s) is not None or "평균" in s]

    parent = group
    if column_items:
        printed, item = column_items[-1]
        parent = row_items[-1][1] if row_items else parent
        source = "label"
    elif row_items:
        printed, item = row_items[-1]
        source = "label"
    elif context:
        printed, item, source = context, context, "project"
    else:
        return None
    if item == SUBTOTAL:
        if group is None:
            return None
        item, parent = group, None
    if item == TOTAL and parent:
        item, parent = parent, None

    measure, measure_printed = _measure(segments, cell.row_labels, periods)
    # Items of revenue down the side under a header naming 예산 (``‘25년 예산``), or across beside a
    # row naming it: the revenue budget. An item that comes only from the project's name is no such
    # table: its 예산 is the project's cost.
    budget = next((s for s in segments + list(cell.row_labels) if _BUDGET.search(s)), None) if source == "label" else None
    if measure is None and budget is not None:
        measure, measure_printed = BUDGET, budget
    if measure is None:
        return None
    # A change compares two periods: the caption's date is not its period.
    period = periods[0] if periods else (None if measure.startswith("change") else caption_period)
    try:
        quantity = parse_quantity(cell.text, cell.unit)
    except NumberParseError:
        return None
    if quantity.value is None:
        return None
    unit = "%" if measure in RATE_MEASURES else quantity.unit
    return RevenueFact(
        source_line=cell.line,
        table_index=table.table_index,
        statement_form="table",
        revenue_item=item,
        revenue_item_printed=printed,
        parent_item=parent,
        item_from=source,
        measure=measure,
        measure_printed=measure_printed,
        column_index=cell.column,
        column_label=cell.column_label,
        period_label=period,
        fiscal_year=year_in(period) if period else None,
        printed_value=cell.text,
        value=str(quantity.value),
        unit=unit,
        amount_krw=quantity.amount_krw if unit in MONEY_FACTORS else None,
        rate_pct=str(quantity.value) if unit in RATE_UNITS else None,
        source_span=(cell.start, cell.end),
    )


def _measure(segments: list[str], row_labels: tuple[str, ...], periods: list[str]) -> tuple[str | None, str]:
    """The most specific label naming a measure; a period label (``2024년 목표(A)``) only speaks
    when no other label does."""
    leaf = _clean(segments[-1]) if segments else ""
    change = label_meaning("revenue_comparison", leaf)
    if change and any(_COMPARISON.search(_clean(s)) for s in segments[:-1]):
        return change, " / ".join(segments)
    ordered = list(reversed(segments)) + list(reversed(row_labels))
    for label in [s for s in ordered if s not in periods] + [s for s in ordered if s in periods]:
        measure = measure_of(label)
        if measure:
            return measure, label
    return None, ""


def extract_headline_revenue(lines: list[str], sections: list[Section], plan_year: int | None) -> list[RevenueFact]:
    """The 세입 of a budget headline (``예산현황 ▷ 세입 11.5억원, 세출 204억원``): the revenue budget of the
    unit whose section holds the line, for the year the line names, else the plan's; and the items
    it adds up from where it prints them (``(세입) 2,917백만원(세외수입 514, 보조금 2,403)``) and
    each is an item of the vocabulary."""
    facts = []
    for number, line in enumerate(lines, start=1):
        earned = [h for h in budget_headlines(line)
                  if h.side == REVENUE_SIDE and (h.fiscal_year or plan_year) is not None]
        items = [item_of(h.label) if h.share else TOTAL for h in earned]
        if None in items:
            continue
        for headline, item in zip(earned, items):
            quantity = parse_quantity(headline.printed, headline.unit)
            facts.append(RevenueFact(
                source_line=number, table_index=None, statement_form="text", revenue_item=item,
                revenue_item_printed=headline.label, parent_item=None, item_from="label", measure=BUDGET,
                measure_printed=headline.label, column_index=headline.span[0], column_label=headline.label,
                period_label=None, fiscal_year=headline.fiscal_year or plan_year, printed_value=headline.printed, value=str(quantity.value),
                unit=quantity.unit, amount_krw=quantity.amount_krw, rate_pct=None,
                org_unit=section_at(sections, number), source_span=headline.span))
    return facts
