"""Publish: atomically replace the published DuckDB file, only after the gate passed."""

import dagster as dg

from orchestration.assets import OWNERS
from orchestration.pipeline.publish import mark_published, mart_row_counts, publish
from orchestration.settings import export_environment


@dg.asset(
    key="published_warehouse",
    group_name="publish",
    owners=OWNERS,
    deps=["warehouse_gate"],
    description="The published warehouse <data dir>/localgov.duckdb (schema marts), replaced atomically.",
)
def published_warehouse(context: dg.AssetExecutionContext) -> dg.MaterializeResult:
    paths = export_environment()
    mark_published(paths.refresh_log, context.run_id)
    publish(paths.build_db, paths.published_db, paths.refresh_log)
    counts = mart_row_counts(paths.published_db)
    context.log.info(f"published {paths.published_db}")
    return dg.MaterializeResult(metadata={
        "path": dg.MetadataValue.path(str(paths.published_db)),
        "rows_per_table": dg.MetadataValue.json(counts),
    })
