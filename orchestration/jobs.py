"""One job: the whole refresh. In-process executor: steps run one after another in one process
(the DuckDB build file has one writer), while extraction parallelises inside its asset."""

import dagster as dg

refresh_job = dg.define_asset_job(
    "refresh_job",
    selection=dg.AssetSelection.all(),
    executor_def=dg.in_process_executor,
    description="Discover raw/, read and extract new filings, dbt build, gate, publish.",
    # dagster.yaml (refresh.DAGSTER_YAML) lets one run with this tag run at a time.
    tags={"localgov/refresh": "1"},
)
