"""``localgov``: answers about the published warehouse for auditors, from the command line.

    localgov explain fct_staffing 3f2a9c        a fact's chain back to its filing line
    localgov trace 004_dad12c48b3c039a4.txt:58  everything taken from one filing line
    localgov status                             the last refreshes and the quarantine

Reads the published file read-only (never blocks a refresh) and the data dir beside it
(``LOCALGOV_DATA_DIR``, default ``warehouse/``).
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import sys
import unicodedata

from orchestration.lineage import COMPUTED_ROWS, Explanation, FilingLine, LineageError, Trace, Warehouse
from orchestration.settings import DBT_PROJECT_DIR, current_paths

ROW_FIELDS = 12
LAKE_FIELDS = ("org_unit", "grade_printed", "printed_value", "column_label", "row_label", "measure", "period_label",
               "item", "title", "token", "reason", "amount_krw", "value")


# Columns every fact repeats; a line's trace shows what differs between its facts.
_PROVENANCE = {"document_id", "source_page", "source_line", "document_line", "source_excerpt", "parser_version", "government_code", "table_id",
               "department_id", "document_kind", "table_layout"}


def _row_summary(row: dict) -> str:
    key = next(iter(row))
    fields = [k for k in row if k != key and k not in _PROVENANCE]
    return f"{key}={str(row[key])[:12]}…  " + _compact(row, fields, limit=10)


def _compact(record: dict, fields=None, limit: int = ROW_FIELDS) -> str:
    keys = [k for k in (fields or record) if k in record and record[k] not in (None, "")]
    return ", ".join(f"{k}={record[k]!r}" if isinstance(record[k], str) else f"{k}={record[k]}" for k in keys[:limit])


def _filing_block(filing: FilingLine) -> list[str]:
    out = [f"filing:   {filing.where}  (sha256 {filing.sha256}, {filing.kind}, government {filing.government_code})"]
    for number, text in filing.lines:
        shown = text.replace("\t", " ⇥ ")
        if number == filing.line_number and filing.highlight and filing.highlight in text:
            shown = shown.replace(filing.highlight.replace("\t", " ⇥ "), f"»{filing.highlight}«", 1)
        out.append(f"  {'>' if number == filing.line_number else ' '} {number:>5} | {shown}")
    return out


def format_explanation(e: Explanation) -> str:
    out = [f"{e.table} {e.key_column}={e.row[e.key_column]}", f"row:      {_compact(e.row)}"]
    out.append("models:   " + " ← ".join(e.models))
    for path, records in e.lake_records.items():
        out.append(f"lake:     {path}")
        out += [f"          p.{r.get('source_page') or 1} l.{r['source_line']}: {_compact(r, LAKE_FIELDS)}" for r in records]
    if e.filing:
        out += _filing_block(e.filing)
    elif e.computed_from:
        out.append("computed from:")
        for table, rows in e.computed_from.items():
            out.append(f"  {table} ({len(rows)}{'+' if len(rows) == COMPUTED_ROWS else ''}):")
            out += [f"    {_where(r)}: {_compact(r, LAKE_FIELDS)} | {r['source_excerpt'].strip()[:80]}" for r in rows]
    elif e.seeds:
        out.append("filing:   none: a row of the reference seed " + ", ".join(f"dbt_project/seeds/{s}.csv" for s in e.seeds))
    else:
        out.append("filing:   this row is derived from other rows, and no fact row upstream shares its keys")
    out.append(f"parser:   {e.parser_version or '-'}")
    if e.refresh:
        r = e.refresh
        out.append(f"refresh:  {r['refresh_id']} published {r['finished_at']:%Y-%m-%d %H:%M:%S} UTC "
                   f"({r['checks_passed']} checks passed, {r['checks_failed']} failed)")
    if e.expectations:
        out.append(f"expectations on marts.{e.table} in that refresh:")
        out += [f"  {'pass' if o['success'] else 'FAIL'}  {o['expectation']}({o['column'] or ''}) [{o['severity']}]"
                + (f" – {o['rule']}" if o.get("rule") else "") for o in e.expectations]
    else:
        out.append(f"expectations: no Great Expectations suite checks marts.{e.table}")
    if e.dbt_tests:
        out.append(f"dbt tests passed in that build ({len(e.dbt_tests)}): " + ", ".join(e.dbt_tests))
    return "\n".join(out)


def _where(row: dict) -> str:
    page = f" p.{row.get('source_page') or 1}" if (row.get("page_count") or 1) > 1 else ""
    return f"{row['file_path']}{page} l.{row['source_line']}"


def format_trace(t: Trace) -> str:
    out = _filing_block(t.filing)
    if not t.facts and not t.unclaimed:
        out.append("nothing was taken from this line and it prints no number")
    for table, rows in t.facts.items():
        out.append(f"{table} ({len(rows)}):")
        out += [f"  {_row_summary(r)}" for r in rows]
    if t.unclaimed:
        out.append(f"numbers nobody took ({len(t.unclaimed)}): "
                   + ", ".join(f"{u['token']} ({u['reason']})" for u in t.unclaimed))
    return "\n".join(out)


def format_rows(result: tuple[list[str], list[tuple]], as_csv: bool = False) -> str:
    """Query results as an aligned table (wide text cut at 60 characters), or as CSV."""
    names, rows = result
    if as_csv:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerows([names, *rows])
        return out.getvalue().rstrip("\n")
    shown = [[_cell(v) for v in row] for row in rows]
    widths = [max([_width(n)] + [_width(r[i]) for r in shown]) for i, n in enumerate(names)]
    lines = ["  ".join(_pad(n, w) for n, w in zip(names, widths)), "  ".join("-" * w for w in widths)]
    lines += ["  ".join(_pad(v, w) for v, w in zip(r, widths)) for r in shown]
    return "\n".join(line.rstrip() for line in lines + [f"({len(rows)} row{'s' if len(rows) != 1 else ''})"])


def _width(text: str) -> int:
    """Columns a terminal gives the text: Hangul and other wide characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def _cell(value) -> str:
    text = "" if value is None else str(value).replace("\t", " ⇥ ").replace("\n", " ")
    return text if len(text) <= 60 else text[:59] + "…"


def refresh_verdict(entry: dict) -> str:
    """One line for a refresh of the log: what it read, checked, held back and published, or the
    step that stopped it and why."""
    if entry.get("failed_step"):
        return f"NOT published: {entry['failed_step']} failed: {entry.get('failure_reason') or 'no reason given'}"
    text = (f"{entry['documents']} filings, {entry['checks_passed']} checks passed, "
            f"{entry['checks_failed']} failed: ")
    text += "published" if entry["published"] else f"NOT published ({entry['blocking_failures'] or 'failed'})"
    held = [h for h in (entry.get("held_back") or "").split(" | ") if h]
    return text + (f"; {len(held)} filing(s) held back" if held else "")


def format_status(status: dict) -> str:
    out = [f"published: {status['published_db']} ({status['documents']} readable filings)",
           f"data docs: {status['data_docs']}", "last refreshes:"]
    for r in status["refreshes"]:
        out.append(f"  {r['started_at']:%Y-%m-%d %H:%M:%S}  {r['refresh_id']}  {refresh_verdict(r)}")
    if not status["refreshes"]:
        out.append("  none yet")
    out.append(f"quarantined ({len(status['quarantine'])}):")
    for q in status["quarantine"]:
        kept = f"; its last good version {q['kept_sha256'][:12]}… stays published" if q["kept_sha256"] else ""
        out.append(f"  {q['file_path']}: {q['reason']}: {q['detail']}{kept}")
        out.append(f"    fix: {q['suggested_fix']}")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="localgov", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    explain = commands.add_parser("explain", help="a fact's chain from the mart row back to its filing line")
    explain.add_argument("table", help="a table of the marts schema, e.g. fct_staffing")
    explain.add_argument("key", help="its key (the first column), or a unique prefix of it")
    trace = commands.add_parser("trace", help="every fact, cell and unclaimed number of one filing line")
    trace.add_argument("where", metavar="FILE:LINE",
                       help="the filing's path (under the raw dir, or as written from here or the repository "
                            "root) or a SHA-256 prefix, and the line")
    commands.add_parser("status", help="the last refreshes, what was published, what is quarantined")
    sql = commands.add_parser("sql", help="a read-only SQL query on the published file, printed as a table")
    sql.add_argument("query", help="e.g. \"select * from marts.dim_document limit 5\"")
    sql.add_argument("--csv", action="store_true", help="print CSV instead of an aligned table")
    args = parser.parse_args(argv)
    try:
        paths = current_paths()
        # The manifest of the dbt build behind the published file; the project's own before any.
        manifest = next((m for m in (paths.dbt_target_dir / "manifest.json", DBT_PROJECT_DIR / "target" / "manifest.json")
                         if m.exists()), DBT_PROJECT_DIR / "target" / "manifest.json")
        warehouse = Warehouse(paths, manifest)
        try:
            if args.command == "explain":
                print(format_explanation(warehouse.explain(args.table, args.key)))
            elif args.command == "trace":
                print(format_trace(warehouse.trace(args.where)))
            elif args.command == "sql":
                print(format_rows(warehouse.sql(args.query), as_csv=args.csv))
            else:
                print(format_status(warehouse.status()))
        finally:
            warehouse.close()
    except LineageError as error:
        print(f"localgov {args.command}: {error}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # The reader went away (`localgov status | head`): that is not an error of ours. What is
        # left unwritten goes nowhere, so that Python's exit does not complain about it again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0


if __name__ == "__main__":
    sys.exit(main())
