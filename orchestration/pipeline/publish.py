"""Publish: write the build's ``marts`` schema into a new DuckDB file beside the published one,
fsync it, and rename it over the published file. Readers holding the old file keep reading it;
new readers see the new one; nobody ever sees a half-written warehouse.

The new file starts as a copy of the published one, and only the tables whose rows differ from
it (a count and a sum of row hashes per table, kept in ``<state>/published_tables.json``) are
written again: at 10,000 filings copying the file takes a tenth of a second where writing every
table took three (``benchmarks/results.md``). A table built incrementally by document is not
even written whole: the rows of the documents the refresh changed are deleted from the copy and
the build's inserted, kept only when the table's fingerprint then is the build's. Without a
published file, or a record of it, every table is written.

The refresh log (every refresh, published or not) lives in the state dir and is copied into
``marts.audit_refresh_log`` at each publish. Every published table is also written as Parquet
(``<data dir>/parquet/<table>.parquet``), each file replaced by a rename like the database.
"""

from __future__ import annotations

import json
import os
import shutil
from datetime import datetime, timezone
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from orchestration.pipeline.crashpoints import PUBLISH, pause_point
from orchestration.pipeline.increments import Scope
from orchestration.pipeline.lake import write_parquet

REFRESH_LOG_SCHEMA = pa.schema([
    ("refresh_id", pa.string()),
    ("started_at", pa.timestamp("us", tz="UTC")),
    ("finished_at", pa.timestamp("us", tz="UTC")),
    ("documents", pa.int64()),
    ("rows_per_table", pa.string()),
    ("checks_passed", pa.int64()),
    ("checks_failed", pa.int64()),
    ("blocking_failures", pa.string()),
    ("published", pa.bool_()),
    ("filings_added", pa.string()),
    ("filings_removed", pa.string()),
    ("held_back", pa.string()),  # path: check (lines), for each filing held back
    ("failed_step", pa.string()),  # the step that stopped an unpublished refresh, if one did
    ("failure_reason", pa.string()),
])


def _paths_of(database: Path) -> set[str]:
    if not database.exists():
        return set()
    with duckdb.connect(str(database), read_only=True) as connection:
        rows = connection.execute("select file_paths from marts.dim_document").fetchall()
    return {path for (paths,) in rows for path in paths.split(" | ")}


def filing_changes(published_db: Path, build_db: Path) -> tuple[list[str], list[str]]:
    """Paths under the raw dir that the build has and the published warehouse has not, and the
    other way round: what this refresh adds and what leaves with it."""
    published, built = _paths_of(published_db), _paths_of(build_db)
    return sorted(built - published), sorted(published - built)


def read_refresh_log(path: Path) -> list[dict]:
    return pq.read_table(path).to_pylist() if path.exists() else []


def record_refresh(path: Path, entry: dict) -> None:
    """Insert or replace the entry with the same refresh_id."""
    entries = [e for e in read_refresh_log(path) if e["refresh_id"] != entry["refresh_id"]]
    write_parquet(path, entries + [entry], REFRESH_LOG_SCHEMA)


def record_failure(path: Path, refresh_id: str, step: str, reason: str, started_at: datetime) -> None:
    """Log a refresh stopped by a step, keeping what the log already says of it."""
    entry = next((e for e in read_refresh_log(path) if e["refresh_id"] == refresh_id), None) or {
        "refresh_id": refresh_id, "started_at": started_at, "documents": None, "rows_per_table": "{}",
        "checks_passed": None, "checks_failed": None, "blocking_failures": None, "filings_added": "",
        "filings_removed": "", "held_back": ""}
    first_line = (reason or "").strip().splitlines()[0][:500] if (reason or "").strip() else "no reason given"
    record_refresh(path, entry | {"finished_at": datetime.now(timezone.utc), "published": False,
                                  "failed_step": step, "failure_reason": first_line})


def marked_published(entries: list[dict], refresh_id: str) -> list[dict]:
    """The refresh log with this refresh marked published, as of now."""
    if not any(e["refresh_id"] == refresh_id for e in entries):
        raise KeyError(f"refresh {refresh_id} has no gate entry in the refresh log; the gate must run before publish")
    now = datetime.now(timezone.utc)
    return [e | {"published": True, "finished_at": now} if e["refresh_id"] == refresh_id else e for e in entries]


def mart_row_counts(database: Path) -> dict[str, int]:
    with duckdb.connect(str(database), read_only=True) as connection:
        tables = connection.execute(
            "select table_name from information_schema.tables where table_schema = 'marts' order by 1"
        ).fetchall()
        return {name: connection.execute(f'select count(*) from marts."{name}"').fetchone()[0]
                for (name,) in tables}


REFRESH_LOG_TABLE = "audit_refresh_log"


def table_fingerprints(connection, catalog: str) -> dict[str, str]:
    """Each table of ``catalog``'s marts schema: its row count and the sum of its rows' hashes."""
    names = [name for (name,) in connection.execute(
        "select table_name from duckdb_tables() where database_name = ? and schema_name = 'marts' order by 1",
        [catalog]).fetchall()]
    return {name: table_fingerprint(connection, f'{catalog}.marts."{name}"') for name in names}


def table_fingerprint(connection, table: str) -> str:
    (row,) = connection.execute(f"select count(*), sum(hash(t)::hugeint) from {table} as t").fetchall()
    return "{}:{}".format(*row)


def _tables_record(refresh_log: Path) -> Path:
    return refresh_log.with_name("published_tables.json")


def published_tables(published_db: Path, refresh_log: Path) -> dict[str, str]:
    """The fingerprint of each table of the published file, as its publish recorded them."""
    record = _tables_record(refresh_log)
    if not (published_db.exists() and record.exists()):
        return {}
    return json.loads(record.read_text(encoding="utf-8"))


def publish(build_db: Path, published_db: Path, refresh_log: Path, refresh_id: str, scope: Scope | None = None) -> list[str]:
    """Replace the published file with the build's marts and the refresh log, this refresh
    marked published in both; returns the tables written (the others are as they were). A
    table built incrementally by document (``scope``) takes the changed documents' rows only,
    when that leaves it the build's row for row (at 10,000 filings rewriting the evidence store
    and the table cells for one filing took 1.7 s, their rows 0.02 s). The
    state dir's log is written after the rename, so a refresh killed before it is never logged
    as published."""
    entries = marked_published(read_refresh_log(refresh_log), refresh_id)
    published_db.parent.mkdir(parents=True, exist_ok=True)
    # A refresh killed while publishing leaves its temporary file; refreshes run one at a time,
    # so any such file is stale.
    for stale in published_db.parent.glob(f".{published_db.name}.*.tmp"):
        stale.unlink()
    temporary = published_db.with_name(f".{published_db.name}.{os.getpid()}.tmp")
    before = published_tables(published_db, refresh_log)
    if before:
        shutil.copyfile(published_db, temporary)
    with duckdb.connect(str(temporary)) as connection:
        connection.execute("attach ? as build (read_only)", [str(build_db)])
        connection.execute("create schema if not exists marts")
        now = table_fingerprints(connection, "build")
        changed = [name for name, fingerprint in now.items() if before.get(name) != fingerprint]
        for name in sorted(set(before) - set(now)):
            connection.execute(f'drop table if exists marts."{name}"')
        for name in changed:
            if not (name in before and _take_changed_rows(connection, name, now[name], scope)):
                connection.execute(f'drop table if exists marts."{name}"')
                connection.execute(f'create table marts."{name}" as select * from build.marts."{name}"')
        connection.execute("detach build")
        log = pa.Table.from_pylist(entries, schema=REFRESH_LOG_SCHEMA)
        connection.register("refresh_log", log)
        connection.execute(f"create or replace table marts.{REFRESH_LOG_TABLE} as "
                           "select * from refresh_log order by started_at")
        connection.execute("checkpoint")
    with temporary.open("rb") as handle:
        os.fsync(handle.fileno())
    pause_point(PUBLISH)
    # Until the record is written again it would describe the file being replaced: without one,
    # the next publish writes every table.
    record = _tables_record(refresh_log)
    record.unlink(missing_ok=True)
    os.replace(temporary, published_db)
    directory = os.open(published_db.parent, os.O_RDONLY)
    try:
        os.fsync(directory)
    finally:
        os.close(directory)
    record.write_text(json.dumps(now, sort_keys=True), encoding="utf-8")
    write_parquet(refresh_log, entries, REFRESH_LOG_SCHEMA)
    return changed + [REFRESH_LOG_TABLE]


def _take_changed_rows(connection, name: str, fingerprint: str, scope: Scope | None) -> bool:
    """The published table's rows of the changed documents replaced by the build's; False,
    with nothing changed, when the table is not built by document or the result would not be
    the build's table row for row (then the whole table is written)."""
    where = scope.where(f"marts.{name}") if scope else None
    if where is None:
        return False
    connection.execute("begin")
    try:
        connection.execute(f'delete from marts."{name}" where {where}').fetchall()
        connection.execute(f'insert into marts."{name}" select * from build.marts."{name}" where {where}').fetchall()
        taken = table_fingerprint(connection, f'marts."{name}"') == fingerprint
    except duckdb.Error:
        taken = False
    connection.execute("commit" if taken else "rollback")
    return taken


def export_parquet(published_db: Path, parquet_dir: Path, tables: list[str] | None = None) -> list[Path]:
    """Each table of the published file as one Parquet file (of ``tables`` only, and of any table
    whose file is missing, when given); a table no longer published loses its file, so the
    folder always mirrors the database."""
    parquet_dir.mkdir(parents=True, exist_ok=True)
    written = []
    with duckdb.connect(str(published_db), read_only=True) as connection:
        published = [name for (name,) in connection.execute(
            "select table_name from information_schema.tables where table_schema = 'marts' order by 1").fetchall()]
        for name in published:
            final = parquet_dir / f"{name}.parquet"
            if tables is not None and name not in tables and final.exists():
                continue
            temporary = parquet_dir / f".{name}.{os.getpid()}.tmp"
            target = str(temporary).replace("'", "''")  # COPY takes no parameter for its file name
            connection.execute(f"copy (select * from marts.\"{name}\") to '{target}' (format parquet)")
            os.replace(temporary, final)
            written.append(final)
    for stale in set(parquet_dir.glob("*.parquet")) - {parquet_dir / f"{name}.parquet" for name in published}:
        stale.unlink()
    return written


def rows_json(counts: dict[str, int]) -> str:
    return json.dumps(counts, ensure_ascii=False, sort_keys=True)
