"""The code location: one Definitions object (``workspace.yaml`` and ``dagster dev`` load it)."""

import dagster as dg

from orchestration.assets.gate import held_back, warehouse_gate
from orchestration.assets.ingest import extract_filings, raw_filings, raw_manifest, raw_reviews, read_filings
from orchestration.assets.publish import published_warehouse
from orchestration.assets.transform import dbt_models
from orchestration.jobs import ingest_job, refresh_job
from orchestration.loggers import refresh_stages
from orchestration.resources import build_resources
from orchestration.schedules import daily_refresh_schedule
from orchestration.sensors import raw_dir_sensor

defs = dg.Definitions(
    assets=[held_back, raw_filings, raw_manifest, raw_reviews, read_filings, extract_filings, dbt_models, warehouse_gate, published_warehouse],
    jobs=[refresh_job, ingest_job],
    schedules=[daily_refresh_schedule],
    sensors=[raw_dir_sensor],
    resources=build_resources(),
    loggers={"console": dg.colored_console_logger, "refresh_stages": refresh_stages},
)
