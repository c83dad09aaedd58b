"""Publish: atomically replace the published DuckDB file, only after the gate passed."""

import dagster as dg

from orchestration.assets import OWNERS
from orchestration.pipeline.gate import record_published_suites, render_docs
from orchestration.pipeline.increments import Increments
from orchestration.pipeline.inputs import mark_published
from orchestration.pipeline.lake import Lake
from orchestration.pipeline.publish import export_parquet, mart_row_counts, publish
from orchestration.project import dbt_manifest
from orchestration.report import build_report
from orchestration.resources import RefreshLock
from orchestration.settings import EXPECTATIONS_DIR, export_environment, served


@dg.asset(
    key="published_warehouse",
    group_name="publish",
    owners=OWNERS,
    deps=["warehouse_gate"],
    description="The published warehouse <data dir>/localgov.duckdb (schema marts), replaced atomically, "
                "each of its tables as <data dir>/parquet/<table>.parquet, and the report per government "
                "<data dir>/report/index.html built from it.",
)
def published_warehouse(context: dg.AssetExecutionContext, refresh_lock: RefreshLock) -> dg.MaterializeResult:
    paths = export_environment()
    manifest = dbt_manifest()
    tables = publish(paths.build_db, paths.published_db, paths.refresh_log, context.run_id,
                     Increments(paths).scope(manifest))
    mark_published(paths, context.run_id)
    record_published_suites(paths.state_dir, EXPECTATIONS_DIR)
    files = export_parquet(paths.published_db, paths.parquet_dir, tables)
    pages = build_report(paths.published_db, paths.report_dir)
    docs_index = render_docs(paths.gate_docs_dir, EXPECTATIONS_DIR)
    pruned = Lake(paths.lake_dir).prune_other_versions()
    if pruned:
        context.log.info(f"removed {pruned} lake file(s) of earlier parser versions")
    counts = mart_row_counts(paths.published_db)
    context.log.info(f"published {paths.published_db} (wrote {', '.join(tables)}; the other tables are as they were), "
                     f"{len(files)} Parquet file(s) written in {paths.parquet_dir} and {len(pages)} report page(s) "
                     f"drawn in {paths.report_dir}")
    return dg.MaterializeResult(metadata={
        "path": dg.MetadataValue.path(str(paths.published_db)),
        "parquet_dir": dg.MetadataValue.path(str(paths.parquet_dir)),
        "report": dg.MetadataValue.path(str(paths.report_dir / "index.html")),
        "rows_per_table": dg.MetadataValue.json(counts),
        "data_docs": dg.MetadataValue.url(served(paths, docs_index)),
        "report_url": dg.MetadataValue.url(served(paths, paths.report_dir / "index.html")),
        "explain": "localgov explain <table> <key> | localgov trace <file>:<line> | localgov status",
    })
