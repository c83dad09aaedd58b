"""What a dbt build has to take in: the lake files that changed since the build file last took
them in, and whether the build may be incremental at all.

The staging models of lake tables are incremental, keyed by document: a build reads only the
files of ``<state>/lake_batch.parquet`` (one row per changed file, the file name empty when the
file is gone), deletes the rows of those documents and inserts what the files now hold
(``macros/increments.sql``). Which files the build file holds is recorded after each build
that took them all in (``<state>/lake_built.parquet``); a build that stops half way leaves the
record as it was, and taking the same files in again gives the same rows.

A build starts from scratch (``dbt build --full-refresh``) when asked to (``make refresh
FULL=1``), when there is no build file, and when the dbt project, its seeds, the parser version
or the dbt and DuckDB versions differ from what the build file was built with: an incremental
model does not notice that its own SQL changed.

An incremental build runs ``dbt run`` on the models other than views (a view's SQL is as the
last build from scratch left it) and the data tests apart, in this process (``checks.py``),
once a build from scratch saved their compiled SQL; until then, ``dbt build`` runs both.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from orchestration.extract.version import PARSER_VERSION
from orchestration.pipeline.checks import CHECKS_FILE, Check, load_checks
from orchestration.pipeline.files import write_whole
from orchestration.pipeline.lake import LAKE_SCHEMAS, write_parquet
from orchestration.settings import DBT_PROJECT_DIR, Paths

LISTING_SCHEMA = pa.schema([
    ("lake_table", pa.string()),
    ("file_name", pa.string()),
    ("document_id", pa.string()),
    ("modified_ns", pa.int64()),
    ("byte_size", pa.int64()),
])
BATCH_SCHEMA = pa.schema([
    ("lake_table", pa.string()),
    ("document_id", pa.string()),
    ("file_path", pa.string()),  # empty: the document has no file in this table any more
])
# The dbt project as far as it decides what the tables hold; its docs-only files count too,
# which costs a full build after a docs edit and never a wrong table.
_PROJECT_PARTS = ("models", "macros", "seeds", "tests", "dbt_project.yml")
# Reference data and the dbt tests that read only it: built and checked when the project
# changes, which is the only time they can (dbt's cautious indirect selection keeps every test
# that also reads a model, such as a fact's category against the seed of categories).
_UNCHANGED_PROJECT_EXCLUDES = "resource_type:seed resource_type:unit_test"


@dataclass(frozen=True)
class BuildPlan:
    full: bool
    reason: str
    batch_documents: int
    unchanged_tables: tuple[str, ...] = ()  # lake tables with nothing in the batch
    project_changed: bool = False
    checks: tuple[Check, ...] = ()  # the data tests to run apart (checks.py); none: dbt runs them

    def dbt_args(self) -> list[str]:
        """A staging model with nothing in the batch holds what it held: neither it nor its
        tests run (the models downstream of it do, since they read other tables too)."""
        if self.full:
            return ["build", "--full-refresh"]
        unchanged = " ".join(f"stg_lake__{table}" for table in self.unchanged_tables)
        if self.checks:
            return ["run", "--exclude", f"config.materialized:view {unchanged}".strip()]
        return ["build", "--exclude", f"{_UNCHANGED_PROJECT_EXCLUDES} {unchanged}".strip(),
                "--indirect-selection", "cautious"]


def lake_listing(lake_dir: Path, parser_version: str = PARSER_VERSION) -> list[dict]:
    """Every file of this parser version in the lake, with what tells a rewritten file."""
    suffix = f"_{parser_version}.parquet"
    rows = []
    for table in LAKE_SCHEMAS:
        folder = lake_dir / table
        if not folder.is_dir():
            continue
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.name.endswith(suffix) and not entry.name.startswith((".", "_")):
                    stat = entry.stat()
                    rows.append({"lake_table": table, "file_name": entry.name,
                                 "document_id": entry.name[:-len(suffix)],
                                 "modified_ns": stat.st_mtime_ns, "byte_size": stat.st_size})
    return rows


def lake_batch(now: list[dict], built: list[dict], lake_dir: Path) -> list[dict]:
    """The files that are new or rewritten since ``built``, and the documents whose file is gone."""
    def key(row):
        return row["lake_table"], row["file_name"]

    before = {key(row): (row["modified_ns"], row["byte_size"]) for row in built}
    current = {key(row) for row in now}
    batch = [{"lake_table": row["lake_table"], "document_id": row["document_id"],
              "file_path": str(lake_dir / row["lake_table"] / row["file_name"])}
             for row in now if before.get(key(row)) != (row["modified_ns"], row["byte_size"])]
    batch += [{"lake_table": row["lake_table"], "document_id": row["document_id"], "file_path": None}
              for row in built if key(row) not in current]
    return sorted(batch, key=lambda row: (row["lake_table"], row["document_id"], row["file_path"] or ""))


def project_fingerprint() -> str:
    """The dbt project's files, the parser version and the versions of dbt and DuckDB (whose
    ``hash`` int_document_states keeps), as one digest."""
    versions = [PARSER_VERSION] + [version(package) for package in ("dbt-core", "dbt-duckdb", "duckdb")]
    digest = hashlib.sha256("\0".join(versions).encode())
    files = []
    for part in _PROJECT_PARTS:
        path = DBT_PROJECT_DIR / part
        files += [f for f in path.rglob("*") if f.is_file()] if path.is_dir() else [path]
    for path in sorted(files):
        digest.update(path.relative_to(DBT_PROJECT_DIR).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def sql_strings(values) -> str:
    """Values as a SQL list of string literals (sorted, quotes doubled; None as the empty string)."""
    return ", ".join("'" + (value or "").replace("'", "''") + "'" for value in sorted(values, key=lambda v: v or ""))


@dataclass(frozen=True)
class Scope:
    """What the checks after a build need to look at: the documents whose rows the builds of this
    refresh took again, in the tables built incrementally by document. ``documents`` None: every
    row (a build from scratch)."""
    tables: frozenset[str]
    documents: frozenset[str] | None

    def where(self, table: str) -> str | None:
        """A SQL condition on ``document_id`` for a table's rows, or None for all of them."""
        if self.documents is None or table not in self.tables:
            return None
        return f"document_id in ({sql_strings(self.documents)})" if self.documents else "false"


CHANGES_SCHEMA = pa.schema([("document_id", pa.string())])


class Increments:
    """The batch of one refresh's builds, the documents they changed and the record of what the
    build file holds."""

    def __init__(self, paths: Paths):
        self.paths = paths
        self.batch_file = paths.state_dir / "lake_batch.parquet"
        self.built_file = paths.state_dir / "lake_built.parquet"
        self.project_file = paths.state_dir / "dbt_project_built"
        self.changes_file = paths.state_dir / "refresh_changes.parquet"
        self.checks_file = paths.state_dir / CHECKS_FILE

    def start_refresh(self) -> None:
        self.changes_file.unlink(missing_ok=True)

    def after_build(self, plan: BuildPlan) -> None:
        self.drop_scratch_tables()
        self.note_changes(plan)

    def drop_scratch_tables(self) -> None:
        """dbt-duckdb leaves the table a Python model's increment was staged in (``main``
        schema, a name ending in ``__dbt_tmp`` and a time): one more per build unless dropped."""
        if not self.paths.build_db.is_file():
            return
        try:
            with duckdb.connect(str(self.paths.build_db)) as connection:
                for schema, name in connection.execute(
                        "select schema_name, table_name from duckdb_tables() "
                        "where table_name like '%\\_\\_dbt\\_tmp%' escape '\\'").fetchall():
                    connection.execute(f'drop table "{schema}"."{name}"')
        except duckdb.Error:  # the file is not a database (the build never opened it)
            return

    def note_changes(self, plan: BuildPlan) -> None:
        """After a build: the documents it took again join those of the refresh's earlier
        builds. A build from scratch took every one, written as a single empty row."""
        earlier = self._noted() if self.changes_file.exists() else set()
        if plan.full or earlier is None:
            documents = None
        else:
            try:
                with duckdb.connect(str(self.paths.build_db), read_only=True) as connection:
                    documents = earlier | {d for (d,) in connection.execute(
                        "select document_id from intermediate.int_document_changes").fetchall()}
            except duckdb.Error:  # the build stopped before it, or never opened the file: check everything
                documents = None
        rows = [{"document_id": None}] if documents is None else [{"document_id": d} for d in sorted(documents)]
        write_parquet(self.changes_file, rows, CHANGES_SCHEMA)

    def changed_documents(self) -> set[str] | None:
        """The documents this refresh's builds took again; None for every one (a build from
        scratch, or no build noted at all)."""
        return self._noted() if self.changes_file.exists() else None

    def _noted(self) -> set[str] | None:
        rows = pq.read_table(self.changes_file).column("document_id").to_pylist()
        return None if None in rows else set(rows)

    def scope(self, manifest: dict) -> Scope:
        """The checks' scope: the marts built incrementally by document (their dbt config) and
        the documents this refresh's builds changed."""
        tables = frozenset(f"{node['schema']}.{node.get('alias') or node['name']}" for node in manifest["nodes"].values()
                           if node["resource_type"] == "model" and node["config"].get("materialized") == "incremental"
                           and node["config"].get("unique_key") == "document_id")
        documents = self.changed_documents()
        return Scope(tables, None if documents is None else frozenset(documents))

    def plan(self, full_requested: bool) -> BuildPlan:
        """Decide the build and write the batch it reads (every file, for a build from scratch)."""
        now = lake_listing(self.paths.lake_dir)
        project = project_fingerprint()
        project_changed = self.project_changed(project)
        if full_requested:
            full, reason = True, "a full refresh was asked for"
        elif not self.paths.build_db.exists():
            full, reason = True, "there is no build file yet"
        elif project_changed:
            full, reason = True, "the dbt project, its seeds or the parser version changed since the last build"
        else:
            full, reason = False, "incremental"
        built = [] if full else self._built()
        batch = lake_batch(now, built, self.paths.lake_dir)
        write_parquet(self.batch_file, batch, BATCH_SCHEMA)
        changed = {row["lake_table"] for row in batch}
        checks = None if full else load_checks(self.checks_file, self.checks_fingerprint(project))
        return BuildPlan(full, reason, len({row["document_id"] for row in batch}),
                         tuple(sorted(set(LAKE_SCHEMAS) - changed)), project_changed, tuple(checks or ()))

    def project_changed(self, project: str | None = None) -> bool:
        """The dbt project (``project``, its fingerprint) differs from the one last built."""
        built = self.project_file.read_text() if self.project_file.exists() else None
        return built != (project or project_fingerprint())

    def checks_fingerprint(self, project: str | None = None) -> str:
        """What the compiled SQL of the data tests depends on: the project (its fingerprint) and
        the name of the build file (the catalog the SQL names its tables in)."""
        return hashlib.sha256(f"{project or project_fingerprint()}\0{self.paths.build_db.name}".encode()).hexdigest()

    def record_built(self, plan: BuildPlan, models_built: bool = True) -> None:
        """After a build whose staging models all took their batch in: the files it holds now.
        The project counts as built once a build from scratch built every model (the views an
        incremental build leaves alone among them)."""
        write_parquet(self.built_file, lake_listing(self.paths.lake_dir), LISTING_SCHEMA)
        if plan.full and models_built:
            write_whole(self.project_file, project_fingerprint())

    def _built(self) -> list[dict]:
        return pq.read_table(self.built_file).to_pylist() if self.built_file.exists() else []


def changed_governments(dbt, session, changes) -> set | None:
    """For a dbt Python model incremental by government (the pledge matchers, whose scores weigh
    all of one government's pledges and projects together). Built incrementally: the governments
    of the documents the build changed, now and at the last build, whose rows are deleted here
    for the model to give them again (a government of no code counts as one); built from
    scratch, None for every one. ``changes`` is the model's ``dbt.ref("int_document_changes")``
    (dbt finds a Python model's refs in its own file). The delete is the model's, not a
    pre-hook's: a hook's result left on the connection stops the Python model run after it."""
    if not dbt.is_incremental:
        return None
    rows = changes.project("government_code, previous_government_code").fetchall()
    governments = {government for row in rows for government in row}
    if governments:
        session.execute(f"delete from {dbt.this} where coalesce(government_code, '') "
                        f"in ({sql_strings(governments)})").fetchall()
    return governments


def staging_complete(run_results: dict) -> bool:
    """Every staging model of the build ran (what ``record_built`` may trust)."""
    return models_complete(run_results, "model.localgov.stg_")


def models_complete(run_results: dict, prefix: str = "model.") -> bool:
    """Every model of the build (or every one whose id starts so) ran."""
    return all(result["status"] == "success" for result in run_results.get("results", [])
               if result["unique_id"].startswith(prefix))


def read_run_results(target_path: Path) -> dict:
    path = target_path / "run_results.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


# What differs by design between an incremental build and one from scratch: the batch's documents.
_BY_BUILD = frozenset({"intermediate.int_document_changes"})


def differing_tables(build: Path, other: Path) -> dict[str, tuple[int, int]]:
    """Tables of two build files that do not hold the same rows (as multisets): name -> (rows only
    in ``build``, rows only in ``other``); a table only one of them has counts all its rows."""
    with duckdb.connect() as connection:
        connection.execute("attach ? as a (read_only)", [str(build)])
        connection.execute("attach ? as b (read_only)", [str(other)])

        def tables(catalog):
            return {f"{schema}.{name}" for schema, name in connection.execute(
                "select schema_name, table_name from duckdb_tables() where database_name = ?", [catalog]).fetchall()}

        def only(left, right, name):
            return connection.execute(f"select count(*) from (select * from {left}.{name} "
                                      f"except all select * from {right}.{name})").fetchone()[0]

        def count(catalog, name):
            return connection.execute(f"select count(*) from {catalog}.{name}").fetchone()[0]

        in_a, in_b = tables("a"), tables("b")
        differing = {}
        for name in sorted((in_a | in_b) - _BY_BUILD):
            quoted = ".".join(f'"{part}"' for part in name.split("."))
            if name not in in_b or name not in in_a:
                differing[name] = (count("a", quoted), 0) if name in in_a else (0, count("b", quoted))
                continue
            found = (only("a", "b", quoted), only("b", "a", quoted))
            if found != (0, 0):
                differing[name] = found
        return differing
