"""A report per government, static HTML built from the published file only.

``<data dir>/report/index.html`` lists the governments the warehouse holds facts of; each has a
page with its budget by department and year, its staffing (authorized against current), its
revenue (target, assessed, collected), its pledges (with a budget, mentioned, both or neither),
the candidates of its elections and its discrepancy register. Charts are SVG drawn when the
report is built (``orchestration/charts.py``), so nothing is fetched when a page is viewed.
Every row links to the ``explain`` chain of that row as a page (``explain/<table>/<key>.html``:
the row, its filing, page and line with its neighbours, the refresh that published it), and from
there to the filing's whole page with the line marked (``evidence/<document>.html#p4-l15``). Korean text is set
in NanumGothic, Debian's fonts-nanum, which ``make browser`` installs (a font file beside pages
opened from disk would be refused by the browser as another origin).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path
from types import SimpleNamespace

import duckdb
import pandas as pd

from orchestration.charts import bars, escape
from orchestration.pipeline.ingest import run_parallel

FONT = "NanumGothic"
TABLE_ROWS = 200
DRAW_BATCH = 8
_STYLE = f"""
body {{ font-family: "{FONT}", sans-serif; margin: 2rem; color: #222; }}
table {{ border-collapse: collapse; margin: 0.5rem 0 1.5rem; font-size: 0.9rem; }}
th, td {{ border: 1px solid #ccc; padding: 0.2rem 0.5rem; text-align: left; }}
td.n {{ text-align: right; }}
.chart svg {{ max-width: 100%; height: auto; }}
.line {{ white-space: pre; font-family: "{FONT}", monospace; }}
.line:target, .line.marked {{ background: #ffe58a; }}
"""


def build_report(database: Path, out: Path) -> list[Path]:
    """Write the report of the published file ``database`` into ``out`` (replaced whole, by a
    rename); returns the pages written. A government whose facts are what they were when the
    report was last built keeps its pages (``pages.json`` holds each government's fingerprint
    and files): at 10,000 filings, drawing every page again took a minute and a half."""
    staging = out.with_name(out.name + ".new")
    shutil.rmtree(staging, ignore_errors=True)
    (staging / "gov").mkdir(parents=True)
    (staging / "evidence").mkdir()
    before = _record(out)
    with duckdb.connect(str(database), read_only=True) as connection:
        governments = _frame(connection, _GOVERNMENTS)
        prints = _fingerprints(connection)
        record, written = {}, []
        refresh = connection.execute("select refresh_id, finished_at, checks_passed, checks_failed from "
                                     "marts.audit_refresh_log where published order by finished_at desc limit 1").fetchone()
        kept = [g for g in governments.itertuples()
                if before.get(g.government_code, {}).get("fingerprint") == prints.get(g.government_code)]
        for government in kept:
            record[government.government_code] = before[government.government_code]
        for name in sorted({name for g in kept for name in before[g.government_code]["files"]}):
            (staging / name).parent.mkdir(parents=True, exist_ok=True)
            os.link(out / name, staging / name)
        drawn = [(g.government_code, g.full_name_ko) for g in governments.itertuples() if g.government_code not in record]
        # Opening the file costs 30 ms: a worker draws governments in batches, one connection each.
        batches = [drawn[start:start + DRAW_BATCH] for start in range(0, len(drawn), DRAW_BATCH)]
        tasks = [(str(database), str(staging), batch, refresh) for batch in batches]
        for batch in run_parallel(_draw, tasks):
            for code, files in batch:
                record[code] = {"fingerprint": prints.get(code), "files": files}
                written += [staging / name for name in files]
        written.append(_write(staging / "index.html", _index_page(governments)))
        (staging / "pages.json").write_text(json.dumps(record, ensure_ascii=False, sort_keys=True), encoding="utf-8")
    previous = out.with_name(out.name + ".old")
    shutil.rmtree(previous, ignore_errors=True)
    if out.exists():
        out.rename(previous)
    staging.rename(out)
    shutil.rmtree(previous, ignore_errors=True)
    return [out / p.relative_to(staging) for p in written]


def _draw(task: tuple) -> list[tuple[str, list[str]]]:
    """A batch of governments' pages, in this process or a worker of the pool: (code, files
    written) of each."""
    database, staging, governments, refresh = task
    with duckdb.connect(database, read_only=True) as connection:
        return [(code, [path.relative_to(staging).as_posix() for path in _government_files(
                    connection, SimpleNamespace(government_code=code, full_name_ko=name), Path(staging), refresh)])
                for code, name in governments]


def _government_files(connection, government, staging: Path, refresh) -> list[Path]:
    """A government's page, the explain page of every row it cites and the evidence page of
    every filing behind them."""
    cited = _Cited()
    files = [_write(staging / "gov" / f"{government.government_code}.html", _government_page(connection, government, cited))]
    filings = _Filings(connection, cited.documents)
    for (table, key), row in sorted(cited.rows.items()):
        (staging / "explain" / table).mkdir(parents=True, exist_ok=True)
        files.append(_write(staging / "explain" / table / f"{key}.html", _explain_page(filings, table, key, row, refresh)))
    for document_id in sorted(cited.documents):
        files.append(_write(staging / "evidence" / f"{document_id}.html", _evidence_page(filings, document_id)))
    return files


def _record(out: Path) -> dict:
    path = out / "pages.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


# What a government's pages show, table by table, with this module's own code: when none of it
# changed, neither did the pages.
_FINGERPRINTED = {
    "current_department_budget": "category = 'total'",
    "current_staffing": "grade = 'total' and staff_group is null",
    "fct_revenue": "measure in ('target', 'assessed', 'collected') and amount_krw is not null",
    "mart_pledge_tracker": "true",
    "dim_candidate": "true",
    "audit_discrepancies": "true",
    "dim_document": "true",
    "dim_government": "true",
}


def _fingerprints(connection) -> dict[str, str]:
    code = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]
    sums = " union all ".join(
        f"select government_code, '{table}' as part, count(*) as n, sum(hash(t)::hugeint) as h "
        f"from marts.{table} as t where {where} group by government_code"
        for table, where in _FINGERPRINTED.items())
    rows = connection.execute(f"select government_code, string_agg(part || ':' || n || ':' || h, ',' order by part) "
                              f"from ({sums}) where government_code is not null group by government_code").fetchall()
    return {government: f"{code}/{hashlib.sha256(parts.encode()).hexdigest()}" for government, parts in rows}


_GOVERNMENTS = """
with facts as (
    select government_code, 'budget' as family from marts.current_department_budget
    union all select government_code, 'staffing' from marts.current_staffing
    union all select government_code, 'revenue' from marts.fct_revenue
    union all select government_code, 'pledges' from marts.dim_pledge
    union all select government_code, 'candidates' from marts.dim_candidate
    union all select government_code, 'discrepancies' from marts.audit_discrepancies
)
select g.government_code, g.full_name_ko,
    count(*) filter (where family = 'budget') as budget,
    count(*) filter (where family = 'staffing') as staffing,
    count(*) filter (where family = 'revenue') as revenue,
    count(*) filter (where family = 'pledges') as pledges,
    count(*) filter (where family = 'candidates') as candidates,
    count(*) filter (where family = 'discrepancies') as discrepancies
from facts join marts.dim_government g using (government_code)
group by all order by g.government_code
"""


def _frame(connection, sql: str, parameters: list | None = None) -> pd.DataFrame:
    return connection.execute(sql, parameters or []).df()


def _government_page(connection, government, cited: _Cited) -> str:
    code = government.government_code
    parts = [f"<p><a href='../index.html'>모든 지방정부</a></p><h1>{escape(government.full_name_ko)} ({code})</h1>"]
    budget = _frame(connection, "select * from marts.current_department_budget where government_code = ? "
                                "and category = 'total' order by org_unit, fiscal_year", [code])
    parts.append(_section("부서별 예산 (budget by department and year)", budget, "current_department_budget", cited, _chart(
        budget.assign(억원=budget.amount_krw / 1e8, 연도=budget.fiscal_year.astype(str),
                      href=_explain_links("current_department_budget", budget)),
        "org_unit", "억원", group="연도"),
        ["org_unit", "fiscal_year", "budget_basis", "printed_value", "printed_unit", "amount_krw"]))
    staffing = _frame(connection, "select * from marts.current_staffing where government_code = ? and grade = 'total' "
                                  "and staff_group is null order by org_unit", [code])
    long = staffing.assign(href=_explain_links("current_staffing", staffing)).melt(
        id_vars=["org_unit", "href"], value_vars=["authorized", "current"], var_name="구분", value_name="명")
    parts.append(_section("정원과 현원 (staffing: authorized and current)", staffing, "current_staffing", cited, _chart(
        long, "org_unit", "명", group="구분"),
        ["org_unit", "authorized", "current", "as_of", "printed_value"]))
    revenue = _frame(connection, "select * from marts.fct_revenue where government_code = ? and measure in "
                                 "('target', 'assessed', 'collected') and amount_krw is not null "
                                 "order by fiscal_year, revenue_item, measure", [code])
    # a bar per item and measure: the largest statement of it, linked to that statement
    totals = revenue.loc[revenue.groupby(["revenue_item", "measure"]).amount_krw.idxmax()] if len(revenue) else revenue
    totals = totals.assign(href=_explain_links("fct_revenue", totals))
    parts.append(_section("세입: 목표, 부과, 징수 (revenue: target, assessed, collected)", revenue, "fct_revenue", cited, _chart(
        totals.assign(억원=totals.amount_krw / 1e8),
        "revenue_item", "억원", group="measure"),
        ["revenue_item", "measure", "period_label", "printed_value", "unit", "amount_krw"]))
    pledges = _frame(connection, "select * from marts.mart_pledge_tracker where government_code = ? "
                                 "order by pledge_code", [code])
    if len(pledges):
        state = pledges.assign(상태=[("예산·언급" if b and m else "예산만" if b else "언급만" if m else "없음")
                                   for b, m in zip(pledges.has_budget, pledges.has_mentions)])
        counts = state.groupby("상태", as_index=False).size()
        chart = _chart(counts, "상태", "size", title="공약 수")
    else:
        chart = ""
    parts.append(_section("공약 (pledges: with a budget, mentions, both or neither)", pledges, "mart_pledge_tracker", cited, chart,
                          ["pledge_code", "title", "department", "has_budget", "has_mentions", "plan_year_budget_krw"]))
    candidates = _frame(connection, "select * from marts.dim_candidate where government_code = ? order by election, name",
                        [code])
    parts.append(_section("후보자 (candidates of its elections)", candidates, "dim_candidate", cited, "",
                          ["election", "constituency", "name", "party", "ballot_number", "occupation"]))
    discrepancies = _frame(connection, "select * from marts.audit_discrepancies where government_code = ? "
                                       "order by check_name, document_id, document_line", [code])
    parts.append(_section("불일치 (discrepancy register)", discrepancies, "audit_discrepancies", cited, "",
                          ["check_name", "subject", "printed", "expected", "difference", "explanation"]))
    return _html(government.full_name_ko, "".join(parts))


def _section(title: str, rows: pd.DataFrame, table: str, cited: _Cited, chart: str, columns: list[str]) -> str:
    if rows.empty:
        return f"<h2>{escape(title)}</h2><p>이 지방정부의 자료가 없습니다 (nothing published).</p>"
    shown = rows.head(TABLE_ROWS)
    head = "".join(f"<th>{escape(c)}</th>" for c in columns) + "<th>출처 (source)</th>"
    body = []
    for row in shown.itertuples():
        cells = "".join(_td(getattr(row, c), c) for c in columns)
        body.append(f"<tr>{cells}<td>{cited.link(table, rows.columns[0], row)}</td></tr>")
    more = f"<p>… {len(rows) - TABLE_ROWS} more rows in the warehouse.</p>" if len(rows) > TABLE_ROWS else ""
    return f"<h2>{escape(title)}</h2><div class='chart'>{chart}</div><table><tr>{head}</tr>{''.join(body)}</table>{more}"


class _Cited:
    """The rows a page links to, each to an explain page of its own, and the filings behind them."""

    def __init__(self):
        self.documents: set[str] = set()
        self.rows: dict[tuple[str, str], dict] = {}

    def link(self, table: str, key_column: str, row) -> str:
        record = row._asdict()
        document_id, line = record.get("document_id"), record.get("source_line")
        if not isinstance(document_id, str) or line is None or pd.isna(line):
            return ""
        page = 1 if pd.isna(record.get("source_page")) else int(record["source_page"])
        key = str(record[key_column])
        self.documents.add(document_id)
        self.rows[(table, key)] = record | {"_key_column": key_column}
        return f"<a href='../explain/{table}/{key}.html'>p.{page} l.{int(line)}</a>"


def _explain_links(table: str, rows: pd.DataFrame) -> list[str]:
    """Each row's explain page, for a chart's bars (the tables below link the same pages)."""
    key = rows.columns[0] if len(rows.columns) else ""
    return [f"../explain/{table}/{value}.html" for value in rows[key]] if len(rows) else []


def _chart(data: pd.DataFrame, label: str, value: str, group: str | None = None, title: str | None = None) -> str:
    """The rows of ``data`` that have a ``value``, as bars (orchestration/charts.py)."""
    drawn = data.dropna(subset=[value])
    return bars(drawn.to_dict("records"), label, value, group, title or value, font=FONT) if len(drawn) else ""


NEIGHBOURS = 2


class _Filings:
    """The filings a government's rows cite, each with its lines: two queries for all of them,
    where a query per page and filing made the evidence a third of the report's time."""

    def __init__(self, connection, document_ids: set[str]):
        ids = sorted(document_ids)
        self.documents = {row[0]: row[1:] for row in connection.execute(
            "select document_id, file_path, sha256, kind, government_code from marts.dim_document "
            "where document_id in (select unnest(?::varchar[]))", [ids]).fetchall()}
        self.lines: dict[str, list[tuple[int, int, str]]] = {}
        self.pages: dict[tuple[str, int], dict[int, str]] = {}
        for document_id, page, number, text in connection.execute(
                "select document_id, page_number, line_number, text from marts.audit_filing_lines "
                "where document_id in (select unnest(?::varchar[])) order by document_id, document_line", [ids]).fetchall():
            self.lines.setdefault(document_id, []).append((page, number, text))
            self.pages.setdefault((document_id, page), {})[number] = text


def _explain_page(filings: _Filings, table: str, key: str, record: dict, refresh) -> str:
    """The ``localgov explain`` chain of one row, as a page: the row, its filing and line with
    its neighbours, the whole page of the filing, and the refresh that published it."""
    document = filings.documents[record["document_id"]]
    page = 1 if pd.isna(record.get("source_page")) else int(record["source_page"])
    line = int(record["source_line"])
    on_page = filings.pages.get((record["document_id"], page), {})
    lines = [(n, on_page[n]) for n in range(line - NEIGHBOURS, line + NEIGHBOURS + 1) if n in on_page]
    fields = "".join(f"<tr><th>{escape(k)}</th>{_td(v, k)}</tr>" for k, v in record.items()
                     if not k.startswith("_") and k != "Index" and v is not None and not (not isinstance(v, str) and pd.isna(v)))
    shown = "".join(f"<div class='line{' marked' if n == line else ''}'>{n:>5} | {escape(t.replace(chr(9), ' ⇥ '))}</div>"
                    for n, t in lines)
    published = (f"<p>published by refresh {escape(refresh[0])} at {refresh[1]:%Y-%m-%d %H:%M:%S} UTC "
                 f"({refresh[2]} checks passed, {refresh[3]} failed)</p>" if refresh else "")
    body = (f"<h1>marts.{escape(table)} {escape(record['_key_column'])}={escape(key)}</h1><table>{fields}</table>"
            f"<h2>filing: {escape(document[0])} p.{page} l.{line}</h2><p>sha256 {escape(document[1])}, {escape(document[2])}, "
            f"government {escape(document[3])}</p>{shown}"
            f"<p><a href='../../evidence/{record['document_id']}.html#p{page}-l{line}'>the whole page</a></p>{published}")
    return _html(f"{table} {key}", body)


def _evidence_page(filings: _Filings, document_id: str) -> str:
    file_path, _, kind, _ = filings.documents[document_id]
    body, page_now = [f"<h1>{escape(file_path)}</h1><p>{escape(kind)}, sha256 {document_id}</p>"], None
    for page, number, text in filings.lines.get(document_id, []):
        if page != page_now:
            body.append(f"<h2 id='p{page}'>p.{page}</h2>")
            page_now = page
        body.append(f"<div class='line' id='p{page}-l{number}'>{number:>5} | {escape(text.replace(chr(9), ' ⇥ '))}</div>")
    return _html(file_path, "".join(body))


def _index_page(governments: pd.DataFrame) -> str:
    head = "".join(f"<th>{c}</th>" for c in ("지방정부", "예산", "정원", "세입", "공약", "후보자", "불일치"))
    rows = "".join(
        f"<tr><td><a href='gov/{g.government_code}.html'>{escape(g.full_name_ko)}</a></td>"
        + "".join(_td(v) for v in (g.budget, g.staffing, g.revenue, g.pledges, g.candidates, g.discrepancies))
        + "</tr>" for g in governments.itertuples())
    return _html("지방정부별 보고서", f"<h1>지방정부별 보고서 (a report per government)</h1><table><tr>{head}</tr>{rows}</table>")


def _html(title: str, body: str) -> str:
    return (f"<!DOCTYPE html><html lang='ko'><head><meta charset='utf-8'><title>{escape(title)}</title>"
            f"<style>{{style}}</style></head><body>{body}</body></html>")


def _write(path: Path, page: str) -> Path:
    # The folder's kept pages are links to the last report's files: writing through one would
    # change the last report under its readers.
    path.unlink(missing_ok=True)
    path.write_text(page.replace("{style}", _STYLE), encoding="utf-8")
    return path


def _td(value, column: str = "") -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return "<td></td>"
    if isinstance(value, pd.Timestamp):
        return f"<td>{value.date().isoformat()}</td>"
    if "year" in column or column.endswith(("_code", "_number")):
        return f"<td>{escape(value)}</td>"
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return f"<td class='n'>{value:,.0f}</td>" if float(value).is_integer() else f"<td class='n'>{value:,}</td>"
    return f"<td>{escape(str(value))}</td>"
