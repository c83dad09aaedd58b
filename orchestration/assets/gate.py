"""The gate: Great Expectations suites run against the build file after dbt. One Dagster asset
check per suite, blocking: a failed blocking expectation stops publish, and the check's metadata
names the expectation, the table and the failing values."""

import json
from dataclasses import replace
from datetime import datetime, timezone

import dagster as dg

from orchestration.assets import OWNERS, run_started_at
from orchestration.assets.transform import dbt_models, run_checks_apart
from orchestration.pipeline.crashpoints import GATE, pause_point
from orchestration.pipeline.gate import (
    HOLD_BACK,
    VOLUME_GUARD,
    GateResult,
    Published,
    hold_back_outcome,
    load_suite_files,
    published_suites,
    render_docs,
    run_gate,
    volume_guard,
)
from orchestration.pipeline.holdback import HeldBack, build_faults, current_documents, gate_faults, settle
from orchestration.pipeline.increments import Increments
from orchestration.pipeline.lake import Lake
from orchestration.pipeline.publish import (
    filing_changes,
    mart_row_counts,
    published_tables,
    read_refresh_log,
    record_refresh,
    rows_json,
)
from orchestration.project import dbt_manifest
from orchestration.resources import Dbt, RefreshLock
from orchestration.settings import EXPECTATIONS_DIR, accepted_shrinks, export_environment, served

SUITES = [suite["name"] for suite in load_suite_files(EXPECTATIONS_DIR)] + [VOLUME_GUARD, HOLD_BACK]
_GLOBAL_CHECKS = {
    VOLUME_GUARD: "No table loses more than a fifth of its rows since the last publish",
    HOLD_BACK: "Every blocking failure belongs to filings that could be held back",
}


held_back = dg.AssetSpec(
    "held_back", group_name="gate", owners=OWNERS,
    description="The filings a refresh holds back because their rows fail a blocking dbt test or expectation "
                "(<state dir>/held_back.parquet), written by dbt_models and warehouse_gate and read by dbt.")


@dg.asset(
    key="warehouse_gate",
    group_name="gate",
    owners=OWNERS,
    deps=[key for key in dbt_models.keys if key.path[0] == "marts"],
    description="Runs every expectations/*.json suite on the build file and records the refresh.",
    check_specs=[dg.AssetCheckSpec(f"{suite}_expectations", asset="warehouse_gate", blocking=True,
                                   description=_GLOBAL_CHECKS.get(suite, f"Expectations of expectations/{suite}.json"))
                 for suite in SUITES],
)
def warehouse_gate(context: dg.AssetExecutionContext, dbt: Dbt, refresh_lock: RefreshLock):
    paths = export_environment()
    held = HeldBack(paths.state_dir, Lake(paths.lake_dir))
    manifest = dbt_manifest()
    increments = Increments(paths)
    gates: list[GateResult] = []
    rebuilds: list = []
    published = Published(published_tables(paths.published_db, paths.refresh_log), published_suites(paths.state_dir))

    def rebuild() -> None:
        context.log.warning("expectations fail on rows of particular filings; building again without them")
        # The lake did not change since the dbt step took it in: only the filings held back did.
        plan = increments.plan(full_requested=False)
        rebuilds.append(dbt.invoke(plan.dbt_args(), "warehouse_gate"))
        increments.after_build(plan)
        run_checks_apart(plan, rebuilds[-1].target_path, paths)

    def faults():
        found = (build_faults(rebuilds[-1].target_path, manifest, paths.build_db, rebuilds[-1].error)
                 if rebuilds else [])
        gates.append(run_gate(paths.build_db, EXPECTATIONS_DIR, docs_dir=paths.gate_docs_dir, run_name=context.run_id,
                              scope=increments.scope(manifest), published=published))
        return found + gate_faults(gates[-1].outcomes)

    blocking = settle(faults, rebuild, held, current_documents(paths.state_dir))
    result = gates[-1]
    if blocking and not result.blocking_failures:
        result = replace(result, outcomes=result.outcomes + [hold_back_outcome(blocking)])
    counts = mart_row_counts(paths.build_db)
    publishes = [e for e in read_refresh_log(paths.refresh_log) if e["published"]]
    if publishes:
        last = max(publishes, key=lambda e: e["started_at"])
        result = replace(result, outcomes=result.outcomes + volume_guard(
            counts, json.loads(last["rows_per_table"]), accepted_shrinks()))
    (paths.gate_dir / f"{context.run_id}.json").write_text(result.to_json(), encoding="utf-8")
    if not result.publishable:  # a gate that publishes draws its pages once the warehouse is out
        render_docs(paths.gate_docs_dir, EXPECTATIONS_DIR)
    if result.unchanged:
        context.log.info(f"{len(result.unchanged)} suite(s) not run, none of the rows they look at changed since "
                         f"they passed: {', '.join(result.unchanged)}")
    pause_point(GATE)
    added, removed = filing_changes(paths.published_db, paths.build_db)
    # A filing held back is still in the raw dir: it did not leave, and its last good version,
    # if any, is what stays published under its path.
    held_paths = {row["file_path"] for row in held.rows()}
    removed = [path for path in removed if path not in held_paths]
    if removed:
        context.log.info(f"{len(removed)} filing(s) left the raw dir; their facts leave with this refresh: "
                         + ", ".join(removed))
    record_refresh(paths.refresh_log, {
        "refresh_id": context.run_id,
        "started_at": run_started_at(context),
        "finished_at": datetime.now(timezone.utc),
        "documents": counts.get("dim_document", 0),
        "rows_per_table": rows_json(counts),
        "checks_passed": result.passed,
        "checks_failed": result.failed,
        "blocking_failures": "; ".join(f"{o.suite}.{o.expectation}({o.column})" for o in result.blocking_failures),
        "published": False,
        "filings_added": " | ".join(added),
        "filings_removed": " | ".join(removed),
        "held_back": " | ".join(f"{row['file_path']}: {row['check_name']} (lines {row['source_lines'] or '?'})"
                                for row in held.rows()),
    })
    yield dg.MaterializeResult(metadata={
        "checks_passed": result.passed,
        "checks_failed": result.failed,
        "publishable": result.publishable,
        "suites_not_run": dg.MetadataValue.json(result.unchanged),
        "rows_per_table": dg.MetadataValue.json(counts),
        "data_docs": dg.MetadataValue.path(str(result.docs_index)),
        "data_docs_url": dg.MetadataValue.url(served(paths, result.docs_index)),
    })
    for suite in SUITES:
        outcomes = result.for_suite(suite)
        failures = [o for o in outcomes if not o.success]
        blocking = [o for o in failures if o.severity == "blocking"]
        for failure in blocking:
            context.log.error(f"blocking expectation failed on {failure.table}: {failure.expectation}"
                              f"({failure.column}) unexpected={failure.unexpected_sample}")
        yield dg.AssetCheckResult(
            check_name=f"{suite}_expectations",
            passed=not failures,
            severity=dg.AssetCheckSeverity.ERROR if blocking else dg.AssetCheckSeverity.WARN,
            metadata={
                "table": outcomes[0].table if outcomes else suite,
                "expectations": len(outcomes),
                "run": suite not in result.unchanged,
                "failed": dg.MetadataValue.json([
                    {"expectation": o.expectation, "column": o.column, "severity": o.severity, "rule": o.rule,
                     "unexpected_count": o.unexpected_count, "unexpected_sample": [str(v) for v in o.unexpected_sample]}
                    for o in failures
                ]),
            },
        )
