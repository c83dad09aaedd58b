"""The Great Expectations gate: suites from ``expectations/*.json`` run against the build file.

Each expectation carries ``meta.severity``: ``blocking`` failures stop publish, ``recorded`` ones
are kept in the result. Tables are read into pandas through a read-only DuckDB connection (GX's
DuckDB SQL datasource is unreliable; see STYLE.md). GX runs quietly: no progress bars, no
telemetry, an ephemeral context built afresh each time. Validation results are kept under the
data dir and Data Docs built from them, so the history of every gate can be browsed.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import time
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import duckdb

from orchestration.pipeline.data_docs import make_offline
from orchestration.pipeline.files import write_whole
from orchestration.pipeline.increments import Scope
from orchestration.pipeline.publish import table_fingerprint

BLOCKING, RECORDED = "blocking", "recorded"
_COLUMN_NAME = re.compile(r"^[a-z_][a-z0-9_]*$")
_TABLE_NAME = re.compile(r"^[a-z_][a-z0-9_]*\.[a-z_][a-z0-9_]*$")


# Failing rows written to the gate's JSON per expectation (all of them are used to hold back).
ROWS_KEPT = 100


class SuiteError(ValueError):
    pass


@dataclass
class ExpectationOutcome:
    suite: str
    table: str
    expectation: str
    column: str | None
    severity: str
    rule: str | None
    success: bool
    unexpected_count: int | None = None
    unexpected_sample: list = field(default_factory=list)
    observed_value: object = None
    # The failing rows' document_id and source_line, where the table has them (the filings a
    # failure belongs to; see pipeline/holdback.py).
    unexpected_rows: list = field(default_factory=list)


@dataclass(frozen=True)
class Published:
    """What the last publish passed: the fingerprint of each of its marts tables
    (``publish.published_tables``) and the digest of each suite file it was gated by."""
    tables: dict[str, str]
    suites: dict[str, str]


PUBLISHED_SUITES = "published_suites.json"


def suite_digests(suites: list[dict]) -> dict[str, str]:
    """Each suite's name (of ``load_suite_files``) and the digest of its file."""
    return {suite["name"]: hashlib.sha256(suite["path"].read_bytes()).hexdigest() for suite in suites}


def record_published_suites(state_dir: Path, expectations_dir: Path) -> None:
    """After a publish: the suites its gate passed."""
    write_whole(state_dir / PUBLISHED_SUITES, json.dumps(suite_digests(load_suite_files(expectations_dir)), sort_keys=True))


def published_suites(state_dir: Path) -> dict[str, str]:
    record = state_dir / PUBLISHED_SUITES
    return json.loads(record.read_text(encoding="utf-8")) if record.exists() else {}


@dataclass
class GateResult:
    outcomes: list[ExpectationOutcome]
    docs_index: Path | None = None
    # Suites not run: none of the rows they look at changed since they passed (``run_gate``).
    unchanged: list[str] = field(default_factory=list)

    @property
    def passed(self) -> int:
        return sum(o.success for o in self.outcomes)

    @property
    def failed(self) -> int:
        return sum(not o.success for o in self.outcomes)

    @property
    def blocking_failures(self) -> list[ExpectationOutcome]:
        return [o for o in self.outcomes if not o.success and o.severity == BLOCKING]

    @property
    def publishable(self) -> bool:
        return not self.blocking_failures

    def for_suite(self, suite: str) -> list[ExpectationOutcome]:
        return [o for o in self.outcomes if o.suite == suite]

    def to_json(self) -> str:
        outcomes = [asdict(o) | {"unexpected_rows": o.unexpected_rows[:ROWS_KEPT]} for o in self.outcomes]
        return json.dumps(outcomes, ensure_ascii=False, default=str, indent=1)


def load_suite_files(expectations_dir: Path) -> list[dict]:
    suites = []
    for path in sorted(expectations_dir.glob("*.json")):
        suite = json.loads(path.read_text(encoding="utf-8"))
        if not _TABLE_NAME.match(suite.get("table", "")):
            raise SuiteError(f"{path.name}: 'table' must be schema.table in lower case, got {suite.get('table')!r}")
        for expectation in suite["expectations"]:
            severity = expectation.get("meta", {}).get("severity")
            if severity not in (BLOCKING, RECORDED):
                raise SuiteError(f"{path.name}: {expectation['type']} needs meta.severity blocking or recorded")
            column = expectation.get("kwargs", {}).get("column")
            if column is not None and not _COLUMN_NAME.match(column):
                raise SuiteError(f"{path.name}: {expectation['type']} names column {column!r}; "
                                 "columns are lower-case identifiers")
        suites.append(suite | {"path": path})
    return suites


def _quiet_context(docs_dir: Path | None):
    """An ephemeral context: suites come from the JSON files each time. With ``docs_dir``, the
    validation results are kept there across refreshes and Data Docs are built from them."""
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")
    import great_expectations as gx
    from great_expectations.data_context.types.base import (
        DataContextConfig,
        InMemoryStoreBackendDefaults,
        ProgressBarsConfig,
    )

    kept: dict = {}
    if docs_dir is not None:
        defaults = InMemoryStoreBackendDefaults(init_temp_docs_sites=False)
        stores = defaults.stores | {"validation_results_store": {
            "class_name": "ValidationResultsStore",
            "store_backend": {"class_name": "TupleFilesystemStoreBackend",
                              "base_directory": str(docs_dir / "validations")}}}
        kept = {"stores": stores, "data_docs_sites": {DOCS_SITE: {
            "class_name": "SiteBuilder",
            "show_how_to_buttons": False,
            "store_backend": {"class_name": "TupleFilesystemStoreBackend", "base_directory": str(docs_dir / "site")},
            "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
        }}}
    config = DataContextConfig(
        store_backend_defaults=InMemoryStoreBackendDefaults(init_temp_docs_sites=False),
        progress_bars=ProgressBarsConfig(globally=False),
        analytics_enabled=False,
        **kept,
    )
    return gx, gx.get_context(mode="ephemeral", project_config=config)


DOCS_SITE = "gate"


OWNER_COLUMNS = ("document_id", "source_line")


def _columns_checked(suite: dict, owners: list[str]) -> str:
    """The columns a suite's expectations name and the columns that tell whose rows fail, or
    every column when one looks at the whole table. At 10,000 filings the widest checked tables
    held most of the gate's memory and time in columns no expectation reads."""
    columns: list[str] = []
    for expectation in suite["expectations"]:
        if expectation["type"].startswith("expect_table_"):
            return "*"
        column = expectation["kwargs"].get("column")
        if column and column not in columns:
            columns.append(column)
    columns += [owner for owner in owners if owner not in columns]
    return ", ".join(f'"{column}"' for column in columns) or "*"


def _owner_columns(connection, table: str) -> list[str]:
    schema, name = table.split(".")
    present = {c for (c,) in connection.execute(
        "select column_name from information_schema.columns where table_schema = ? and table_name = ?",
        [schema, name]).fetchall()}
    return [c for c in OWNER_COLUMNS if c in present] if "document_id" in present else []


def _rows_checked(suite: dict, scope: Scope | None) -> str:
    """The rows a suite looks at: all of them, or, for a table built incrementally by document,
    the rows of the documents the refresh changed and every row sharing a value with them in a
    column expected to be unique. The other rows passed the same expectations when they were
    built and did not change since; a duplicate needs one of its rows to be new."""
    where = scope.where(suite["table"]) if scope else None
    if where is None:
        return ""
    unique = [e["kwargs"]["column"] for e in suite["expectations"] if e["type"] == "expect_column_values_to_be_unique"]
    shared = "".join(f' or "{c}" in (select "{c}" from {suite["table"]} where {where})' for c in unique)
    return f" where {where}{shared}"


def _as_published(connection, table: str, published: Published) -> bool:
    """The build's table holds the rows of the published one, no more, no fewer."""
    schema, name = table.split(".")
    return schema == "marts" and name in published.tables and table_fingerprint(
        connection, f'{schema}."{name}"') == published.tables[name]


def _looks_at_whole_table(suite: dict) -> bool:
    return any(expectation["type"].startswith("expect_table_") for expectation in suite["expectations"])


def run_gate(build_db: Path, expectations_dir: Path, docs_dir: Path | None = None,
             run_name: str | None = None, scope: Scope | None = None, published: Published | None = None) -> GateResult:
    """Validate every suite against its table of the build file (in ``scope``, when given).

    Given what the last publish passed (``published``), a suite is not run when none of the
    rows it would look at changed since (``GateResult.unchanged``): its table is scoped to the
    changed documents and holds none of their rows, or its table is the published one row for
    row. Great Expectations costs some 70 ms a suite however few the rows, most of a one-filing
    gate. A suite whose file changed since that publish looks at its whole table: those rows
    never passed it. With ``docs_dir``, the results join the earlier ones there, for
    ``render_docs`` to draw."""
    from great_expectations.core.run_identifier import RunIdentifier

    suites = load_suite_files(expectations_dir)
    digests = suite_digests(suites)
    gx, context = _quiet_context(docs_dir)
    source = context.data_sources.add_pandas("build")
    run_id = RunIdentifier(run_name=run_name, run_time=datetime.now(timezone.utc))
    outcomes: list[ExpectationOutcome] = []
    unchanged: list[str] = []
    with duckdb.connect(str(build_db), read_only=True) as connection:
        for suite_spec in suites:
            owners = _owner_columns(connection, suite_spec["table"])
            passed_before = published is not None and published.suites.get(suite_spec["name"]) == digests.get(
                suite_spec["name"])
            rows = _rows_checked(suite_spec, scope) if published is None or passed_before else ""
            if passed_before and not rows and _as_published(connection, suite_spec["table"], published):
                unchanged.append(suite_spec["name"])
                continue
            frame = connection.sql(f"select {_columns_checked(suite_spec, owners)} from {suite_spec['table']}"
                                   f"{rows}").df()
            if rows and frame.empty and not _looks_at_whole_table(suite_spec):
                unchanged.append(suite_spec["name"])
                continue
            # Added to the context, the suite's expectations get the ids that tie each result back
            # to its line in the suite file.
            suite = context.suites.add(gx.ExpectationSuite(name=suite_spec["name"],
                                                           expectations=suite_spec["expectations"]))
            if len(suite.expectations) != len(suite_spec["expectations"]):
                raise SuiteError(f"{suite_spec['name']}: GX dropped an invalid expectation; check the JSON")
            batch = source.add_dataframe_asset(suite_spec["name"]).add_batch_definition_whole_dataframe("whole")
            validation = context.validation_definitions.add(
                gx.ValidationDefinition(name=suite_spec["name"], data=batch, suite=suite))
            result_format = ({"result_format": "COMPLETE", "unexpected_index_column_names": owners}
                             if owners else "SUMMARY")
            result = validation.run(batch_parameters={"dataframe": frame}, result_format=result_format, run_id=run_id)
            ids = [expectation.id for expectation in suite.expectations]
            for spec, expectation_result in zip(suite_spec["expectations"], _in_order(result, ids)):
                details = expectation_result.result or {}
                outcomes.append(
                    ExpectationOutcome(
                        suite=suite_spec["name"],
                        table=suite_spec["table"],
                        expectation=spec["type"],
                        column=spec["kwargs"].get("column"),
                        severity=spec["meta"]["severity"],
                        rule=spec["meta"].get("rule"),
                        success=bool(expectation_result.success),
                        unexpected_count=details.get("unexpected_count"),
                        unexpected_sample=list(details.get("partial_unexpected_list") or [])[:10],
                        observed_value=details.get("observed_value"),
                        unexpected_rows=[{column: _plain(row.get(column)) for column in owners}
                                         for row in details.get("unexpected_index_list") or []
                                         if isinstance(row, dict)],
                    )
                )
    return GateResult(outcomes, None if docs_dir is None else docs_dir / "site" / "index.html", unchanged)


# The Data Docs of this many refreshes are kept. Each adds a page per suite (some 3 MB in all) and
# the index lists every page, so a watch publishing all day would grow both, and the time the
# index takes, without end. Every refresh's outcomes stay in <gate dir>/<run id>.json.
DOCS_KEPT_REFRESHES = 30


def render_docs(docs_dir: Path, expectations_dir: Path) -> Path:
    """The Data Docs site under ``docs_dir`` brought up to date: a page for each validation
    result that has none yet, a suite's own page when its file is newer than the page, and the
    index; returns the index. A refresh draws them after it published (a second of a one-filing
    refresh that readers need not wait for), or after a gate that blocked publishing."""
    from great_expectations.data_context.types.resource_identifiers import (
        ExpectationSuiteIdentifier,
        ValidationResultIdentifier,
    )

    prune_docs(docs_dir, DOCS_KEPT_REFRESHES)
    since = time.time() - 1
    suites = load_suite_files(expectations_dir)
    site = docs_dir / "site"
    drawn = [ValidationResultIdentifier.from_tuple(path.relative_to(docs_dir / "validations").with_suffix("").parts)
             for path in sorted((docs_dir / "validations").glob("*/*/*/*.json"))
             if not (site / path.relative_to(docs_dir).with_suffix(".html")).exists()]
    changed = [ExpectationSuiteIdentifier(name=spec["name"]) for spec in suites
               if not _newer(site / "expectations" / f"{spec['name']}.html", spec["path"])]
    # Nothing new (every suite of the gate left out): Great Expectations, handed no page to
    # draw, would draw every page of every gate kept.
    if drawn or changed:
        gx, context = _quiet_context(docs_dir)
        for spec in suites:  # the index lists the suites of the context
            context.suites.add(gx.ExpectationSuite(name=spec["name"], expectations=spec["expectations"]))
        context.build_data_docs(site_names=[DOCS_SITE], resource_identifiers=drawn + changed)
        make_offline(site, since)
    return site / "index.html"


def prune_docs(docs_dir: Path, keep: int) -> list[str]:
    """Remove the validation results and pages of all but the ``keep`` latest refreshes from the
    Data Docs under ``docs_dir``; returns the runs removed, oldest first."""
    stores = [docs_dir / "validations", docs_dir / "site" / "validations"]
    latest: dict[str, float] = {}
    for suite in (d for d in stores[0].iterdir() if d.is_dir()) if stores[0].is_dir() else ():
        for run in (d for d in suite.iterdir() if d.is_dir()):
            latest[run.name] = max(latest.get(run.name, 0.0), run.stat().st_mtime)
    removed = sorted(latest, key=latest.get, reverse=True)[keep:][::-1]
    for store in (s for s in stores if s.is_dir()):
        for suite in (d for d in store.iterdir() if d.is_dir()):
            for run in removed:
                shutil.rmtree(suite / run, ignore_errors=True)
    return removed


def _newer(page: Path, source: Path) -> bool:
    return page.exists() and page.stat().st_mtime >= source.stat().st_mtime


VOLUME_GUARD = "volume_guard"
# A table may shrink by at most this share between two published refreshes, unless filings left.
VOLUME_LOSS_LIMIT = 0.2
# Registers of problems: fewer rows there means fewer problems (a filing fixed, a false finding
# gone), never lost data. And the pledge links, which a reviewer's `reject` removes on purpose
# (a few links are all a government has, so one rejection is easily a fifth of them).
VOLUME_EXEMPT = frozenset({"audit_quarantine", "audit_discrepancies", "bridge_pledge_project"})


def volume_guard(counts: dict[str, int], published_counts: dict[str, int],
                 accepted: frozenset[str] = frozenset()) -> list[ExpectationOutcome]:
    """One blocking outcome per table of the last published refresh: it fails when the table lost
    more than a fifth of its rows while no filing left the raw dir (dim_document did not shrink),
    the sign of a parser or model that silently stopped reading something. A table in
    ``accepted`` (or every table, with ``all``) may shrink: a person said the loss is meant.

    The guard is global, not per filing: a table's count says that rows went missing, not whose."""
    documents_left = counts.get("dim_document", 0) < published_counts.get("dim_document", 0)
    outcomes = []
    for table, before in sorted(published_counts.items()):
        if table in VOLUME_EXEMPT:
            continue
        now = counts.get(table, 0)
        lost = before > 0 and now < before * (1 - VOLUME_LOSS_LIMIT)
        outcomes.append(ExpectationOutcome(
            suite=VOLUME_GUARD, table=f"marts.{table}", expectation="row_count_within_a_fifth_of_last_publish",
            column=None, severity=BLOCKING,
            rule="volume guard: a table may not lose more than a fifth of its rows unless filings were removed",
            success=not lost or documents_left or table in accepted or "all" in accepted,
            observed_value={"published": before, "now": now},
            unexpected_sample=[f"{before} -> {now}"] if lost else [],
        ))
    return outcomes


HOLD_BACK = "hold_back"


def hold_back_outcome(faults) -> ExpectationOutcome:
    """A blocking outcome for faults the gate could not settle by holding filings back (a
    rebuild's dbt failure that no filing owns, or checks failing build after build)."""
    return ExpectationOutcome(
        suite=HOLD_BACK, table="marts.dim_document", expectation="faults_settled_by_holding_back",
        column=None, severity=BLOCKING, rule="every blocking failure belongs to filings that can be held back",
        success=False, unexpected_sample=[fault.detail for fault in faults][:10])


def _plain(value):
    """numpy scalars and NaN as plain Python values (the rows go to JSON and to Parquet)."""
    if value is None or (isinstance(value, float) and value != value):
        return None
    return value.item() if hasattr(value, "item") else value


def _in_order(result, ids: list[str]) -> list:
    by_id = {r.expectation_config.id: r for r in result.results}
    return [by_id[i] for i in ids]
