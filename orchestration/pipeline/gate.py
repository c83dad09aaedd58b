"""The Great Expectations gate: suites from ``expectations/*.json`` run against the build file.

Each expectation carries ``meta.severity``: ``blocking`` failures stop publish, ``recorded`` ones
are kept in the result. Tables are read into pandas through a read-only DuckDB connection (GX's
DuckDB SQL datasource is unreliable; see STYLE.md). GX runs quietly: no progress bars, no
telemetry, an ephemeral context built afresh each time.
"""

from __future__ import annotations

import json
import os
import re
import uuid
from dataclasses import asdict, dataclass, field
from pathlib import Path

import duckdb

BLOCKING, RECORDED = "blocking", "recorded"
_TABLE_NAME = re.compile(r"^[a-z_][a-z0-9_]*\.[a-z_][a-z0-9_]*$")


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


@dataclass
class GateResult:
    outcomes: list[ExpectationOutcome]

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
        return json.dumps([asdict(o) for o in self.outcomes], ensure_ascii=False, default=str, indent=1)


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
        suites.append(suite)
    return suites


def _quiet_context():
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")
    import great_expectations as gx
    from great_expectations.data_context.types.base import (
        DataContextConfig,
        InMemoryStoreBackendDefaults,
        ProgressBarsConfig,
    )

    config = DataContextConfig(
        store_backend_defaults=InMemoryStoreBackendDefaults(init_temp_docs_sites=False),
        progress_bars=ProgressBarsConfig(globally=False),
        analytics_enabled=False,
    )
    return gx, gx.get_context(mode="ephemeral", project_config=config)


def run_gate(build_db: Path, expectations_dir: Path) -> GateResult:
    suites = load_suite_files(expectations_dir)
    gx, context = _quiet_context()
    source = context.data_sources.add_pandas("build")
    outcomes: list[ExpectationOutcome] = []
    with duckdb.connect(str(build_db), read_only=True) as connection:
        for suite_spec in suites:
            frame = connection.sql(f"select * from {suite_spec['table']}").df()
            expectations = _with_ids(suite_spec)
            suite = gx.ExpectationSuite(name=suite_spec["name"], expectations=expectations)
            if len(suite.expectations) != len(suite_spec["expectations"]):
                raise SuiteError(f"{suite_spec['name']}: GX dropped an invalid expectation; check the JSON")
            asset = source.add_dataframe_asset(suite_spec["name"])
            batch = asset.add_batch_definition_whole_dataframe("whole").get_batch(
                batch_parameters={"dataframe": frame}
            )
            result = batch.validate(suite, result_format="SUMMARY")
            for spec, expectation_result in zip(suite_spec["expectations"], _in_order(result, expectations)):
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
                    )
                )
    return GateResult(outcomes)


VOLUME_GUARD = "volume_guard"
# A table may shrink by at most this share between two published refreshes, unless filings left.
VOLUME_LOSS_LIMIT = 0.2
# Registers of problems: fewer rows there means fewer problems (a filing fixed, a false finding
# gone), never lost data.
VOLUME_EXEMPT = frozenset({"audit_quarantine", "audit_discrepancies"})


def volume_guard(counts: dict[str, int], published_counts: dict[str, int]) -> list[ExpectationOutcome]:
    """One blocking outcome per table of the last published refresh: it fails when the table lost
    more than a fifth of its rows while no filing left the raw dir (dim_document did not shrink),
    the sign of a parser or model that silently stopped reading something."""
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
            success=not lost or documents_left, observed_value={"published": before, "now": now},
            unexpected_sample=[f"{before} -> {now}"] if lost else [],
        ))
    return outcomes


def _with_ids(spec: dict) -> list[dict]:
    """Expectations with deterministic ids: an unsaved suite's expectations have none, and the
    ids are what ties each validation result back to its line in the suite file."""
    return [expectation | {"id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"{spec['name']}/{index}"))}
            for index, expectation in enumerate(spec["expectations"])]


def _in_order(result, expectations: list[dict]) -> list:
    by_id = {r.expectation_config.id: r for r in result.results}
    return [by_id[e["id"]] for e in expectations]
