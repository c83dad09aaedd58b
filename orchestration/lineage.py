"""Row-level lineage read from what a refresh leaves behind: the published warehouse, the dbt
manifest, the lake and the gate's results. No Dagster import: the ``localgov`` command uses this
to answer an auditor in a second.

- ``explain``: a mart row → the dbt models it passed through → its lake record → the filing line
  (with its neighbours) → the parser version → the refresh that published it and every
  expectation checked on its table in that refresh.
- ``trace``: a filing line → every fact and cell taken from it, and every number on it nobody took.
- ``status``: the last refreshes, what was published, what is quarantined.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pyarrow.parquet as pq

from orchestration.extract.version import PARSER_VERSION
from orchestration.pipeline.lake import LAKE_SCHEMAS, Lake
from orchestration.pipeline.publish import read_refresh_log
from orchestration.settings import REPO_ROOT, Paths

NEIGHBOURS = 2
# The column whose text is the figure as printed, in the order they are looked for.
PRINTED_COLUMNS = ("printed_value", "printed", "token", "title", "project_name", "name", "org_unit_printed")


class LineageError(LookupError):
    """A question the warehouse cannot answer (unknown table, key or line), said plainly."""


@dataclass
class FilingLine:
    file_path: str
    sha256: str
    kind: str
    government_code: str | None
    page_number: int
    line_number: int  # within the page
    lines: list[tuple[int, str]]  # the line and its neighbours on its page
    highlight: str | None
    page_count: int = 1

    @property
    def where(self) -> str:
        """``file p.12 l.7`` (``file l.7`` for a filing of one page)."""
        page = f" p.{self.page_number}" if self.page_count > 1 or self.page_number > 1 else ""
        return f"{self.file_path}{page} l.{self.line_number}"


@dataclass
class Explanation:
    table: str
    key_column: str
    row: dict
    models: list[str]
    lake_records: dict[str, list[dict]]
    filing: FilingLine | None
    parser_version: str | None
    refresh: dict | None
    expectations: list[dict]
    dbt_tests: list[str]
    # A row computed from other rows (a mart's): the fact rows it was computed from, by table,
    # each with its filing line; a row of a reference seed names the seed.
    computed_from: dict[str, list[dict]] = field(default_factory=dict)
    seeds: list[str] = field(default_factory=list)


@dataclass
class Trace:
    filing: FilingLine
    facts: dict[str, list[dict]] = field(default_factory=dict)
    unclaimed: list[dict] = field(default_factory=list)


class Warehouse:
    """The published file, read-only, and what sits beside it in the data dir."""

    def __init__(self, paths: Paths, manifest_path: Path):
        if not paths.published_db.exists():
            raise LineageError(f"no published warehouse at {paths.published_db}; run `make refresh` first")
        self.paths = paths
        self.manifest_path = manifest_path
        self.connection = duckdb.connect(str(paths.published_db), read_only=True)

    def close(self) -> None:
        self.connection.close()

    def query(self, sql: str, parameters: list | None = None) -> list[dict]:
        cursor = self.connection.execute(sql, parameters or [])
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row)) for row in cursor.fetchall()]

    def sql(self, sql: str) -> tuple[list[str], list[tuple]]:
        """Any read-only query: the file is opened read-only, so a statement that writes fails."""
        try:
            cursor = self.connection.execute(sql)
        except duckdb.Error as error:
            raise LineageError(str(error).splitlines()[0]) from error
        if cursor.description is None:
            return [], []
        return [d[0] for d in cursor.description], cursor.fetchall()

    def tables(self) -> dict[str, list[str]]:
        rows = self.query("select table_name, list(column_name order by ordinal_position) as columns "
                          "from information_schema.columns where table_schema = 'marts' group by 1 order by 1")
        return {r["table_name"]: r["columns"] for r in rows}

    def manifest(self) -> dict:
        if not self.manifest_path.exists():
            raise LineageError(f"no dbt manifest at {self.manifest_path}; run `make install` first")
        return json.loads(self.manifest_path.read_text(encoding="utf-8"))

    # --- explain -----------------------------------------------------------------------------

    def explain(self, table: str, key: str) -> Explanation:
        tables = self.tables()
        if table not in tables:
            raise LineageError(f"no table {table!r} in marts; the tables are: {', '.join(tables)}")
        key_column = tables[table][0]
        rows = self.query(f'select * from marts."{table}" where cast("{key_column}" as varchar) like ? '
                          f'order by 1 limit 2', [key.replace("%", "") + "%"])
        if not rows:
            raise LineageError(f"no row of {table} has {key_column} = {key!r} (a unique prefix is enough)")
        if len(rows) > 1:
            raise LineageError(f"{key!r} is the start of several {key_column} values of {table}; give more of it")
        row = rows[0]
        manifest = self.manifest()
        models, sources = _upstream(manifest, table)
        document_id, page, line = row.get("document_id"), row.get("source_page") or 1, row.get("source_line")
        filing = self.filing_line(document_id, page, line, _printed(row)) if document_id and line else None
        lake_records = self.lake_records(sources, document_id, page, line, row) if document_id and line else {}
        refresh = self.publishing_refresh()
        expectations = self.expectations(refresh["refresh_id"], table) if refresh else []
        computed = {} if filing else self.computed_from(models, row)
        seeds = [] if filing or computed or sources else [m.removeprefix("seed ") for m in models if m.startswith("seed ")]
        return Explanation(
            table=table, key_column=key_column, row=row, models=models, lake_records=lake_records, filing=filing,
            parser_version=row.get("parser_version"), refresh=refresh, expectations=expectations,
            dbt_tests=_tests_of(manifest, table), computed_from=computed, seeds=seeds,
        )

    def computed_from(self, models: list[str], row: dict) -> dict[str, list[dict]]:
        """The fact rows of the published tables upstream of a derived row that share its
        identifying values (government, unit, pledge, project, year …), with their filing lines."""
        tables = self.tables()
        found = {}
        for model in models[1:]:
            columns = tables.get(model, [])
            if not {"document_id", "source_line"} <= set(columns):
                continue
            keys = [c for c in columns if c in row and row[c] is not None and _identifies(c)]
            if not keys:
                continue
            where = " and ".join(f'f."{k}" = ?' for k in keys)
            rows = self.query(f'select f.*, d.file_path, d.page_count from marts."{model}" f '
                              "join marts.dim_document d using (document_id) "
                              f"where {where} order by f.document_id, f.source_page, f.source_line limit {COMPUTED_ROWS}",
                              [row[k] for k in keys])
            if rows:
                found[model] = rows
        return found

    def filing_line(self, document_id: str, page: int, line: int, highlight: str | None) -> FilingLine:
        documents = self.query("select file_path, sha256, kind, government_code, page_count from marts.dim_document "
                               "where document_id = ?", [document_id])
        if not documents:
            raise LineageError(f"document {document_id} is not in dim_document")
        text = self.query("select line_number, text from marts.audit_filing_lines where document_id = ? "
                          "and page_number = ? and line_number between ? and ? order by 1",
                          [document_id, page, line - NEIGHBOURS, line + NEIGHBOURS])
        return FilingLine(**documents[0], page_number=page, line_number=line,
                          lines=[(t["line_number"], t["text"]) for t in text], highlight=highlight)

    def lake_records(self, sources: list[str], document_id: str, page: int, line: int,
                     row: dict) -> dict[str, list[dict]]:
        """The lake records of the row's line that agree with the row on every text column they
        share (the one the row came from), or all of the line's records when none does."""
        found = {}
        for table in sources:
            schema = LAKE_SCHEMAS.get(table)
            if schema is None or "source_line" not in schema.names:
                continue
            # Rows derived from facts (audit_discrepancies) carry no version: the published
            # warehouse is built from the current parser version's lake files alone.
            lake = Lake(self.paths.lake_dir, row.get("parser_version") or PARSER_VERSION)
            if not lake.has(table, document_id):
                continue
            records = [r for r in pq.read_table(lake.path(table, document_id)).to_pylist()
                       if r["source_line"] == line and (r.get("source_page") or 1) == page]
            same = [r for r in records if all(r[k] == v for k, v in row.items()
                                              if k in r and isinstance(v, str) and k != "parser_version")]
            found[str(lake.path(table, document_id).relative_to(self.paths.data_dir))] = same or records
        return found

    def publishing_refresh(self) -> dict | None:
        rows = self.query("select * from marts.audit_refresh_log where published order by finished_at desc limit 1")
        return rows[0] if rows else None

    def expectations(self, refresh_id: str, table: str) -> list[dict]:
        results = self.paths.gate_dir / f"{refresh_id}.json"
        if not results.exists():
            return []
        return [o for o in json.loads(results.read_text(encoding="utf-8")) if o["table"] == f"marts.{table}"]

    # --- trace -------------------------------------------------------------------------------

    def _under_raw_dir(self, path: str) -> str:
        """A path as a person writes it (``raw/004_….txt`` from the repository root, an absolute
        path, one relative to here) as the raw dir names it; anything else as given."""
        raw_dir = self.paths.raw_dir.resolve()
        for base in (Path.cwd(), REPO_ROOT):
            full = (base / path).resolve()
            if full.is_file() and full.is_relative_to(raw_dir):
                return full.relative_to(raw_dir).as_posix()
        return path

    def trace(self, where: str) -> Trace:
        """``FILE:PAGE:LINE``, or ``FILE:LINE`` (the line through the whole document; for a text
        filing, of its one page)."""
        parts = where.rsplit(":", 2)
        numbers = [p for p in parts[1:] if p.isdigit()]
        if len(parts) < 2 or not numbers or not parts[-1].isdigit():
            raise LineageError(f"{where!r}: give FILE:LINE or FILE:PAGE:LINE, for example "
                               "004_dad12c48b3c039a4.txt:58 or 업무계획.pdf:4:15")
        paged = len(parts) == 3 and parts[1].isdigit()
        path = parts[0] if paged else where.rpartition(":")[0]
        path = self._under_raw_dir(path)
        documents = self.query("select document_id, file_path, line_count, page_count from marts.dim_document "
                               "where file_path = ? or contains(file_paths, ?) or document_id like ? "
                               "order by is_kept_version, file_path", [path, path, path + "%"])
        if not documents:
            raise LineageError(f"no published filing is {path!r} (a path under the raw dir or a SHA-256 prefix); "
                               "see `localgov status` for what is quarantined")
        document = documents[0]
        if paged:
            page, line = int(parts[1]), int(parts[2])
            found = self.query("select 1 from marts.audit_filing_lines where document_id = ? and page_number = ? "
                               "and line_number = ?", [document["document_id"], page, line])
            if not found:
                raise LineageError(f"{document['file_path']} has no line {line} on page {page} "
                                   f"(it has {document['page_count']} page(s))")
        else:
            number = int(parts[-1])
            found = self.query("select page_number, line_number from marts.audit_filing_lines where document_id = ? "
                               "and document_line = ?", [document["document_id"], number])
            if not found:
                raise LineageError(f"{document['file_path']} has lines 1 to {document['line_count'] or 0}, not {number}")
            page, line = found[0]["page_number"], found[0]["line_number"]
        trace = Trace(self.filing_line(document["document_id"], page, line, None))
        for table, columns in self.tables().items():
            if table in ("audit_filing_lines", "audit_unclaimed_numbers") or not {"document_id", "source_line"} <= set(columns):
                continue
            on_page = "source_page = ?" if "source_page" in columns else "1 = ?"
            rows = self.query(f'select * from marts."{table}" where document_id = ? and {on_page} and source_line = ? '
                              'order by all', [document["document_id"], page, line])
            if rows:
                trace.facts[table] = rows
        trace.unclaimed = self.query("select token, reason from marts.audit_unclaimed_numbers "
                                     "where document_id = ? and source_page = ? and source_line = ? order by token_start",
                                     [document["document_id"], page, line])
        return trace

    # --- status ------------------------------------------------------------------------------

    def status(self, limit: int = 10) -> dict:
        log = sorted(read_refresh_log(self.paths.refresh_log), key=lambda e: e["started_at"], reverse=True)
        return {
            "published_db": str(self.paths.published_db),
            "data_docs": str(self.paths.gate_docs_dir / "site" / "index.html"),
            "refreshes": log[:limit],
            "documents": self.query("select count(*) as n from marts.dim_document where read_status = 'ok'")[0]["n"],
            "quarantine": self.query("select file_path, reason, detail, suggested_fix, kept_sha256 "
                                     "from marts.audit_quarantine order by file_path"),
        }


def _printed(row: dict) -> str | None:
    for column in PRINTED_COLUMNS:
        value = row.get(column)
        if isinstance(value, str) and value.strip():
            return value
    return None


COMPUTED_ROWS = 20
# Columns that say which thing a row is about (not what it measures): a derived row and the facts
# it was computed from agree on these.
_IDENTIFYING = frozenset({"government_code", "org_unit", "fiscal_year", "plan_year", "grade", "category",
                          "revenue_item", "measure", "period_label", "item", "funding_tier", "funding_source"})


def _identifies(column: str) -> bool:
    return column in _IDENTIFYING or column.endswith("_id") and column != "document_id"


def _upstream(manifest: dict, table: str) -> tuple[list[str], list[str]]:
    """The dbt models a mart is built from, nearest first, and the lake tables under them."""
    nodes = {**manifest["nodes"], **manifest["sources"]}
    start = next((uid for uid, node in manifest["nodes"].items()
                  if node["resource_type"] in ("model", "seed") and node["name"] == table), None)
    if start is None:
        return [table], []
    order, sources, queue, seen = [], [], [start], {start}
    while queue:
        uid = queue.pop(0)
        node = nodes[uid]
        if node["resource_type"] == "source":
            order.append(f"source {node['source_name']}.{node['name']}")
            sources.append(node["name"])
            continue
        order.append(node["name"] if node["resource_type"] == "model" else f"seed {node['name']}")
        for parent in node.get("depends_on", {}).get("nodes", []):
            if parent not in seen:
                seen.add(parent)
                queue.append(parent)
    return order, sources


def _tests_of(manifest: dict, table: str) -> list[str]:
    return sorted(node["name"] for node in manifest["nodes"].values()
                  if node["resource_type"] in ("test", "unit_test")
                  and any(uid.split(".")[-1] == table for uid in node.get("depends_on", {}).get("nodes", [])))
