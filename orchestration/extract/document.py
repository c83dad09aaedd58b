"""One filing's text in, every record the lake stores for it out.

This is the single entry point the pipeline calls per filing. Every readable filing, whatever its
kind, gets the generic layers (table cells and the accounting of its numbers); the typed
extractors of its kind run on top, and the numbers they take are theirs in the accounting.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field

from orchestration.extract.accounting import account_numbers, coverage
from orchestration.extract.budgets import extract_department_budgets, extract_headline_budgets
from orchestration.extract.candidates import (extract_candidate_finance, extract_candidate_pledges, extract_candidates,
                                              extract_form_candidates, extract_sheet_pledges)
from orchestration.extract.classify import classify_government, classify_kind, cover_text, filing_title
from orchestration.extract.debt import extract_debt
from orchestration.extract.funds import extract_funds
from orchestration.extract.dates import filing_date
from orchestration.extract.formats.model import FURNITURE, Document, Line, text_document
from orchestration.extract.governments import GovernmentIndex
from orchestration.extract.layouts import Block, stated_block
from orchestration.extract.news import extract_news_claims, extract_news_mentions
from orchestration.extract.numbers import RATE_UNITS
from orchestration.extract.organisation import read_organisation, read_unit_tables
from orchestration.extract.pledge_investments import extract_pledge_investments
from orchestration.extract.pledges import extract_pledge_list
from orchestration.extract.project_budgets import (
    extract_project_budgets,
    heading_sections,
    heading_tables,
    labelled_rows,
    project_sections,
    rows_of_their_own,
    without_tables_of,
)
from orchestration.extract.projects import extract_heading_projects, extract_projects, plan_year
from orchestration.extract.revenue import extract_headline_revenue, extract_revenue, extract_unit_revenue
from orchestration.extract.revenue_text import (extract_labelled_statements, extract_revenue_series,
                                                extract_revenue_statements)
from orchestration.extract.settlement import extract_settlement
from orchestration.extract.structure import section_tree, unit_sections
from orchestration.extract.staffing import (AFFILIATED_BODY, extract_headline_staffing, extract_org_chart_staffing,
                                           extract_register_rows, extract_register_staffing, extract_staffing)
from orchestration.extract.table_checks import TableCheck, table_checks
from orchestration.extract.tables import Table, cell_quantities, cut_short, read_tables
from orchestration.extract.text import ReadError
from orchestration.extract.version import PARSER_VERSION

# The lake tables of typed facts: each record carries the characters of its line it took.
FACT_TABLES = ("staffing", "department_budgets", "projects", "project_budgets", "revenue", "settlement", "debt", "funds",
               "pledges", "pledge_investments", "candidates", "candidate_finance", "news_claims")
# Records that name things (org units, programme names) rather than state a number.
NAME_TABLES = ("org_units", "news_mentions")


@dataclass
class Extraction:
    """Records per lake table, each a plain dict ready for Parquet."""

    classification: dict
    facts: dict[str, list[dict]] = field(default_factory=dict)
    table_cells: list[dict] = field(default_factory=list)
    unclaimed_numbers: list[dict] = field(default_factory=list)
    table_checks: list[dict] = field(default_factory=list)

    def __getattr__(self, table: str) -> list[dict]:
        # ``extraction.staffing`` reads as the lake table it fills; a kind without it gives [].
        if table in FACT_TABLES or table in NAME_TABLES:
            return self.facts.get(table, [])
        raise AttributeError(table)

    def tables(self) -> dict[str, list[dict]]:
        return {"classifications": [self.classification],
                **{table: self.facts.get(table, []) for table in NAME_TABLES + FACT_TABLES},
                "table_cells": self.table_cells, "unclaimed_numbers": self.unclaimed_numbers,
                "table_checks": self.table_checks}


def _work_plan(lines: list[str], tables: list[Table]) -> dict[str, list]:
    units, covers = read_organisation(lines)
    # Facts take their unit from the section tree: the covers' sections and those of the headings
    # naming a unit inside them.
    known = frozenset(unit.org_unit for unit in units)
    sections = covers + unit_sections(section_tree(lines, covers), known)
    projects = extract_projects(tables, sections, lines)
    linked = project_sections(lines, tables, sections, projects)
    if not projects:
        projects = extract_heading_projects(lines, sections)
        linked = heading_tables(tables, sections, heading_sections(lines, projects))
    year = plan_year(lines)
    # rows of labelled fields are projects of their own, outside the list the sections link to
    rows = rows_of_their_own(labelled_rows(lines, tables, sections, year), linked)
    projects = projects + [row.project for row in rows]
    linked = without_tables_of(linked, rows) + rows
    headings = section_tree(lines)  # the tree without the covers, as the revenue statements read it
    staffing = (extract_staffing(tables, sections) + extract_headline_staffing(lines, sections)
                + extract_org_chart_staffing(lines) + extract_register_staffing(lines, tables))
    bodies = {fact.org_unit for fact in staffing if fact.statement == AFFILIATED_BODY}
    project_budgets = extract_project_budgets(linked)
    # A project's table of money by funding source is no table of revenue, whatever its sources
    # are called (국고보조금 is a revenue item too).
    funding = {fact.table_index for fact in project_budgets if fact.table_index}
    unfunded = [table for table in tables if table.table_index not in funding]
    found = {
        "org_units": units + read_unit_tables(tables, sections),
        "staffing": staffing + extract_register_rows(lines, bodies),
        "department_budgets": (extract_department_budgets(tables, sections, year)
                               + extract_headline_budgets(lines, sections, year)),
        "projects": projects,
        "project_budgets": project_budgets,
        "revenue": (extract_revenue(unfunded, linked) + extract_revenue_statements(lines, tables, linked)
                    + extract_labelled_statements(lines, tables, headings)
                    + extract_revenue_series(lines, tables, headings)
                    + extract_unit_revenue(tables, sections, year) + extract_headline_revenue(lines, sections, year)),
        "settlement": extract_settlement(tables),
        "debt": extract_debt(lines, tables),
        "funds": extract_funds(tables),
    }
    turned = turned_tables(tables, found)
    for table, records in {
        "staffing": extract_staffing(turned, sections),
        "department_budgets": extract_department_budgets(turned, sections, year),
        "revenue": extract_revenue(turned, linked) + extract_unit_revenue(turned, sections, year),
        "settlement": extract_settlement(turned),
        "debt": extract_debt([], turned),
        "funds": extract_funds(turned),
    }.items():
        found[table] += records
    return found


def turned_tables(tables: list[Table], found: dict[str, list]) -> list[Table]:
    """The tables of figures no reader took, rows and columns swapped (``Table.turned``): each
    family's table reader follows one way of printing its table, and another government prints
    it the other way round. A table some reader took is not turned, so no figure is read twice."""
    taken = {_table_index(record) for records in found.values() for record in records}
    return [table.turned() for table in tables
            if table.table_index not in taken and table.value_cells() and table.width > table.label_columns]


def _table_index(record) -> int | None:
    return record.get("table_index") if isinstance(record, dict) else getattr(record, "table_index", None)


def _pledge_list(lines: list[str], tables: list[Table]) -> dict[str, list]:
    return {"pledges": extract_pledge_list(tables)}


def _pledge_investment_plan(lines: list[str], tables: list[Table]) -> dict[str, list]:
    pledges, investments = extract_pledge_investments(tables)
    return {"pledges": pledges, "pledge_investments": investments}


def _candidate_disclosure(lines: list[str], tables: list[Table]) -> dict[str, list]:
    """A candidate's filing: the seed leaflet's tab tables, the commission's disclosure form as
    aligned text, or the five-pledge sheet, whichever the filing holds."""
    candidates, pledges, investments = extract_sheet_pledges(lines)
    if pledges:
        return {"candidates": candidates, "pledges": pledges, "pledge_investments": investments}
    candidates = extract_candidates(lines, tables)
    finance = extract_candidate_finance(tables, candidates)
    if not candidates:
        candidates, finance = extract_form_candidates(lines)
    return {"candidates": candidates, "candidate_finance": finance, "pledges": extract_candidate_pledges(lines)}


def _news_article(lines: list[str], tables: list[Table]) -> dict[str, list]:
    return {"news_claims": extract_news_claims(lines), "news_mentions": extract_news_mentions(lines)}


# Typed extractors per kind.
EXTRACTORS: dict[str, Callable[[list[str], list[Table]], dict[str, list]]] = {
    "work_plan": _work_plan,
    "pledge_list": _pledge_list,
    "pledge_investment_plan": _pledge_investment_plan,
    "candidate_disclosure": _candidate_disclosure,
    "news_article": _news_article,
}


def document_lines(document: Document) -> tuple[list[str], dict[int, tuple[int, int]]]:
    """The lines the parsers read, and each one's (page, line on the page). Page headers, footers
    and numbers are not the filing's content: the parsers read them as blank lines (so numbering
    holds), the accounting still counts their numbers."""
    numbered = document.numbered_lines()
    lines = ["" if line.role in FURNITURE else line.text for _, _, line in numbered]
    return lines, {n: (page, line) for n, (page, line, _) in enumerate(numbered, start=1)}


def _tables_by_shape(lines: list[str], tables: list[Table], wanted: set[str]) -> dict[str, list]:
    """What the detectors that read a table by its shape alone find for the ``wanted`` fact
    tables (those the filing's own reader does not read), whatever the filing: a work plan's pledge table yields pledges, a pledge list's
    staffing table staffing. Readers that follow a kind's text (headings as projects, revenue
    stated in lines) are not among them: a bulletin's numbered lines are no projects."""
    found: dict[str, list] = {}
    if wanted & {"staffing", "department_budgets"}:
        _, sections = read_organisation(lines)
        if "staffing" in wanted:
            found["staffing"] = extract_staffing(tables, sections)
        if "department_budgets" in wanted:
            found["department_budgets"] = extract_department_budgets(tables, sections)
    if "revenue" in wanted:
        found["revenue"] = extract_revenue(tables, [])
    if "settlement" in wanted:
        found["settlement"] = extract_settlement(tables)
    if "funds" in wanted:
        found["funds"] = extract_funds(tables)
    if wanted & {"pledges", "pledge_investments"}:
        pledges, investments = extract_pledge_investments(tables)
        found["pledge_investments"] = investments
        found["pledges"] = pledges or (extract_pledge_list(tables) if "pledges" in wanted else [])
    return {table: records for table, records in found.items() if table in wanted}


_SHAPE_TABLES = frozenset({"staffing", "department_budgets", "revenue", "settlement", "funds", "pledges",
                           "pledge_investments"})


def typed_facts(kind: str, lines: list[str], tables: list[Table]) -> dict[str, list]:
    """The typed facts of a filing. Its kind is a prior, not a gate: the kind's own extractor
    runs first, then the table detectors read the fact tables it does not (so a table two
    readers could take is read once, the kind's way)."""
    own = EXTRACTORS.get(kind)
    found = dict(own(lines, tables)) if own else {}
    for table, records in _tables_by_shape(lines, tables, set(_SHAPE_TABLES - found.keys())).items():
        if records:
            found[table] = records
    return found


def extract_document(document_id: str, source: Document | str, governments: GovernmentIndex,
                     kind_override: str | None = None, ends_with_line_break: bool | None = None) -> Extraction:
    """``source``: the document as read (or a text filing's normalised text); ``kind_override``:
    the kind a manifest row gives, the content's scores kept beside it."""
    document = text_document(source) if isinstance(source, str) else source
    numbered = document.numbered_lines()
    printed = [line.text for _, _, line in numbered]
    lines, _ = document_lines(document)
    furniture = {n: line.role for n, (_, _, line) in enumerate(numbered, start=1) if line.role in FURNITURE}
    text = "\n".join(lines) + "\n"
    kind, scores = classify_kind(text)
    kind = kind_override or kind
    dated, precision, printed_date = filing_date(lines)
    pages = [[line.text for line in page] for page in document.pages]
    government = classify_government(text, kind, governments, dated, cover_text(pages))

    def provenance(document_line: int) -> dict:
        page, line = numbered[document_line - 1][:2]
        return {
            "document_id": document_id,
            "source_page": page,
            "source_line": line,
            "document_line": document_line,
            "source_excerpt": printed[document_line - 1],
            "parser_version": PARSER_VERSION,
        }

    extraction = Extraction(classification={
        "document_id": document_id,
        "parser_version": PARSER_VERSION,
        "kind": kind,
        "kind_scores": json.dumps(scores, ensure_ascii=False, sort_keys=True),
        "government_code": government.code if government else None,
        "document_date": dated,
        "document_date_precision": precision,
        "document_date_printed": printed_date,
        "title": filing_title(lines),
    })
    tables = read_tables(lines, _stated_blocks(numbered))
    ends = document.ends_with_line_break if ends_with_line_break is None else ends_with_line_break
    truncated = cut_short(lines, tables, ends)
    if truncated:
        raise ReadError("truncated", truncated)
    # The parsers count lines through the whole document; provenance turns that into page and line.
    extraction.table_cells = [record | provenance(record["source_line"]) for record in table_cell_records(tables)]
    extraction.table_checks = [check_record(check) | provenance(check.source_line) for check in table_checks(tables)]

    typed = typed_facts(kind, lines, tables)
    # vars(), not asdict(): facts hold plain values, and asdict deep-copies every one of them.
    extraction.facts = {table: [vars(f) | provenance(f.source_line) for f in records]
                        for table, records in typed.items()}
    fact_spans = [(f.source_line, *f.source_span)
                  for table in FACT_TABLES for f in typed.get(table, [])]

    cell_spans = [(c["document_line"], c["cell_start"], c["cell_end"]) for c in extraction.table_cells]
    fates = account_numbers(printed, fact_spans, cell_spans, label_spans(tables), furniture)
    extraction.unclaimed_numbers = [
        provenance(f.token.line) | {"token_start": f.token.start, "token": f.token.text, "reason": f.reason}
        for f in fates if f.taken_by is None
    ]
    unattributed = [(f.source_line, *f.source_span) for table in FACT_TABLES for f in typed.get(table, [])
                    if getattr(f, "unattributed", None)]
    extraction.classification |= coverage(fates, unattributed)
    return extraction


def _stated_blocks(numbered: list[tuple[int, int, Line]]) -> list[Block]:
    """The tables the format states, as blocks of their rows' lines and cells."""
    stated: dict[int, tuple[int | None, list]] = {}
    for number, (_, _, line) in enumerate(numbered, start=1):
        if line.table is not None:
            stated.setdefault(line.table, (line.header_rows, []))[1].append((number, line.text, line.cells))
    return [stated_block(rows, header_rows) for header_rows, rows in stated.values()]


def table_cell_records(tables: list[Table]) -> list[dict]:
    """One record per number of every numeric cell (a ``22 (24)`` cell gives two)."""
    records = []
    for table in tables:
        for cell in table.value_cells():
            for part, (part_label, quantity) in enumerate(cell_quantities(cell), start=1):
                records.append({
                    "source_line": cell.line,
                    "table_index": table.table_index,
                    "table_first_line": table.first_line,
                    "table_layout": table.layout,
                    "table_title": table.title,
                    "row_label": " / ".join(cell.row_labels),
                    "column_label": cell.column_label,
                    "column_index": cell.column,
                    "part": part,
                    "part_label": part_label,
                    "printed_value": cell.text,
                    "value": None if quantity.value is None else str(quantity.value),
                    "marker": quantity.marker,
                    "unit": quantity.unit,
                    "amount_krw": quantity.amount_krw,
                    "rate_pct": str(quantity.value) if quantity.unit in RATE_UNITS and quantity.value is not None else None,
                    "cell_start": cell.start,
                    "cell_end": cell.end,
                })
    return records


def check_record(check: TableCheck) -> dict:
    record = dict(vars(check))
    for exact in ("printed", "expected", "step", "tolerance"):
        record[exact] = str(record[exact])
    record["addend_lines"] = ",".join(map(str, check.addend_lines))
    record["addend_columns"] = ",".join(map(str, check.addend_columns))
    return record


def label_spans(tables: list[Table]) -> list[tuple[int, int, int]]:
    """Header and label cells: numbers printed there name things, they are not data."""
    spans = []
    for table in tables:
        values = {(c.line, c.column) for c in table.value_cells()}
        for row in table.header_rows + table.body_rows:
            spans += [(c.line, c.start, c.end) for c in row if c.text and (c.line, c.column) not in values]
    return spans
