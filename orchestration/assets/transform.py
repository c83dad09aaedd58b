"""The dbt build (staging → intermediate → marts), one Dagster asset per dbt model or seed,
grouped by the dbt folder so that Dagster groups and warehouse schemas agree."""

import os
import threading
from typing import Any, Mapping

import dagster as dg
import duckdb
from dagster_dbt import DagsterDbtTranslator, DagsterDbtTranslatorSettings, DbtProject, dbt_assets

from orchestration.assets import OWNERS
from orchestration.pipeline.checks import build_results, compiled_checks, load_checks, run_checks, save_checks, write_results
from orchestration.pipeline.crashpoints import DBT, pause_point
from orchestration.pipeline.dbt_invocation import Invocation
from orchestration.pipeline.holdback import HeldBack, build_faults, current_documents, describe, settle
from orchestration.pipeline.increments import BuildPlan, Increments, models_complete, read_run_results, staging_complete
from orchestration.pipeline.lake import Lake
from orchestration.project import dbt_manifest, dbt_project
from orchestration.resources import Dbt, RefreshLock
from orchestration.settings import export_environment, served


# A run tagged so builds every model from scratch (make refresh FULL=1, or the tag in the UI's launchpad).
FULL_REFRESH_TAG = "localgov/full_refresh"


class LayerTranslator(DagsterDbtTranslator):
    """Group = the model's folder under models/ (staging, intermediate, marts); seeds = reference."""

    def get_asset_spec(self, manifest: Mapping[str, Any], unique_id: str, project: "DbtProject | None") -> dg.AssetSpec:
        spec = super().get_asset_spec(manifest, unique_id, project)
        props = self.get_resource_props(manifest, unique_id)
        if props["resource_type"] == "model":
            return spec.replace_attributes(group_name=props["fqn"][1], owners=OWNERS)
        if props["resource_type"] == "seed":
            return spec.replace_attributes(group_name="reference", owners=OWNERS)
        return spec


@dbt_assets(
    manifest=dbt_project().manifest_path,
    project=dbt_project(),
    # dbt's ~400 tests are not Dagster asset checks: their events were three quarters of a
    # refresh's writes to Dagster's event log (3 s of a 25 s dbt step on the seeds). Their
    # outcome decides what is held back (pipeline/holdback.py) and is logged by the step.
    dagster_dbt_translator=LayerTranslator(settings=DagsterDbtTranslatorSettings(enable_asset_checks=False)),
    name="dbt_models",
)
def dbt_models(context: dg.AssetExecutionContext, dbt: Dbt, refresh_lock: RefreshLock):
    """dbt build, incremental unless the project changed or a full refresh was asked for
    (pipeline/increments.py); a test failing on rows of particular filings holds them back and
    builds again without them (pipeline/holdback.py); a failure no filing owns fails the step."""
    paths = export_environment()
    held = HeldBack(paths.state_dir, Lake(paths.lake_dir))
    held.reset()
    manifest = dbt_manifest()
    increments = Increments(paths)
    increments.start_refresh()
    plan = increments.plan(full_requested=context.run.tags.get(FULL_REFRESH_TAG) == "true")
    context.log.info(f"dbt build {'from scratch' if plan.full else 'incremental'} ({plan.reason}); "
                     f"{plan.batch_documents} document(s) in the lake batch")
    selection = _selected_models(context)
    builds: list[Invocation] = []

    def build() -> None:
        args = plan.dbt_args() + (["--select", *selection] if selection else [])
        context.log.info(f"dbt {' '.join(args)}")
        invocation = dbt.invoke(args, "dbt_models", on_first_event=lambda: pause_point(DBT))
        increments.after_build(plan)
        run_checks_apart(plan, invocation.target_path, paths)
        builds.append(invocation)

    def faults():
        return build_faults(builds[-1].target_path, manifest, paths.build_db, builds[-1].error)

    # The gate needs Great Expectations, seconds of imports that this process would otherwise
    # wait for after dbt.
    threading.Thread(target=_warm_imports, daemon=True).start()
    build()
    blocking = settle(faults, build, held, current_documents(paths.state_dir))
    run_results = read_run_results(builds[-1].target_path)
    if staging_complete(run_results):
        increments.record_built(plan, models_complete(run_results))
    if not blocking and load_checks(increments.checks_file, increments.checks_fingerprint()) is None:
        context.log.info(save_compiled_checks(dbt, increments, manifest))
    for row in held.rows():
        context.log.warning(f"held back {row['file_path']}: {row['check_name']} (lines {row['source_lines'] or '?'})"
                            + (f"; its last good version {row['kept_document_id'][:12]}… stays published"
                               if row["kept_document_id"] else ""))
    context.log.info(test_summary(builds[-1].target_path))
    yield from _outputs(context, run_results, manifest, paths)
    if blocking:
        raise dg.Failure(description=f"dbt build blocked: {describe(blocking)}")


def _selected_models(context: dg.AssetExecutionContext) -> list[str]:
    """The models and seeds picked in the UI, when only some were (none: every one)."""
    if not context.is_subset:
        return []
    return sorted(context.assets_def.keys_by_output_name[name].path[-1] for name in context.selected_output_names)


def _warm_imports() -> None:
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")  # as the gate's own import does
    import great_expectations  # noqa: F401


def run_checks_apart(plan: BuildPlan, target_path, paths) -> None:
    """The data tests of an incremental build, when they run apart from dbt (pipeline/checks.py),
    after a build that ran (a dbt that could not start is the build's fault, reported as such)."""
    if plan.checks and (target_path / "run_results.json").exists():
        write_results(target_path, run_checks(paths.build_db, list(plan.checks)))


def save_compiled_checks(dbt: Dbt, increments: Increments, manifest: dict) -> str:
    """dbt compiles the data tests as an incremental build scopes them, for the incremental
    builds to run apart; returns a line for the log."""
    invocation = dbt.invoke(["compile", "--select", "resource_type:test"], "compile_tests")
    checks = compiled_checks(read_run_results(invocation.target_path), manifest)
    if not invocation.success or not checks:
        return "dbt could not compile the data tests: the next incremental builds run them in dbt"
    save_checks(increments.checks_file, checks, increments.checks_fingerprint())
    return f"{len(checks)} data tests compiled for the incremental builds to run in one query per table"


def test_summary(target_path) -> str:
    """The dbt tests of a build, counted by outcome, with the names of those that did not pass."""
    results = build_results(target_path)
    if not results:
        return "dbt tests: none ran"
    tests = [r for r in results["results"] if r["unique_id"].startswith(("test.", "unit_test."))]
    failing = sorted(r["unique_id"].split(".")[2] for r in tests if r["status"] != "pass")
    return (f"dbt tests: {len(tests) - len(failing)} passed, {len(failing)} did not"
            + (": " + ", ".join(failing[:20]) if failing else ""))


def _outputs(context, run_results: dict, manifest: dict, paths):
    """An output for each model and seed the last build made, with its rows, a preview of
    marts and where it is documented (read once dbt is done with the build file)."""
    names = {key.path[-1]: output for output, key in context.assets_def.keys_by_output_name.items()}
    selected = set(context.selected_output_names)
    built = [(manifest["nodes"][r["unique_id"]], r) for r in run_results.get("results", [])
             if r["status"] == "success" and r["unique_id"] in manifest["nodes"]]
    built = [(node, r) for node, r in built if names.get(node["name"]) in selected]
    if not built:
        return
    with duckdb.connect(str(paths.build_db), read_only=True) as connection:
        relations = dict(connection.execute(
            "select table_name, table_schema from information_schema.tables where table_catalog = current_database()"
        ).fetchall())
        for node, result in built:
            metadata = {"unique_id": node["unique_id"],
                        "execution_duration": round(result.get("execution_time") or 0.0, 3)}
            if node["name"] in relations:
                metadata |= _model_metadata(connection, relations[node["name"]], node["name"], paths)
            yield dg.Output(None, output_name=names[node["name"]], metadata=metadata)


PREVIEW_ROWS = 5


def _model_metadata(connection, schema: str, name: str, paths) -> dict:
    """Rows, a preview of marts, and where the model is documented."""
    metadata = {
        "rows": connection.execute(f'select count(*) from "{schema}"."{name}"').fetchone()[0],
        "dbt_docs": dg.MetadataValue.url(
            f"{served(paths, paths.data_dir / 'docs' / 'static_index.html')}#!/model/model.localgov.{name}"),
    }
    if schema == "marts":
        # The first rows as stored: sorting a mart of a million rows for five took seconds a build.
        cursor = connection.execute(f'select * from "{schema}"."{name}" limit {PREVIEW_ROWS}')
        metadata["preview"] = dg.MetadataValue.md(markdown_table([d[0] for d in cursor.description], cursor.fetchall()))
    return metadata


def markdown_table(columns: list[str], rows: list[tuple]) -> str:
    """Rows as a Markdown table, written here: a DataFrame for five rows cost 12 ms a mart, a
    third of a second of every refresh."""
    def cell(value) -> str:
        return "" if value is None else str(value).replace("|", "\\|").replace("\n", " ")
    lines = ["| " + " | ".join(map(cell, columns)) + " |", "|" + "---|" * len(columns)]
    return "\n".join(lines + ["| " + " | ".join(map(cell, row)) + " |" for row in rows])
