"""The jobs. ``refresh_job`` is the whole refresh with the in-process executor: steps run one
after another in one process (the DuckDB build file has one writer), while extraction
parallelises inside its asset. ``ingest_job`` is discovery, reading and extraction alone with the
multiprocess executor, each step in a process of its own: the shape extraction takes when it runs
on other machines (see the README, "Past one machine")."""

import dagster as dg

from orchestration.assets import run_started_at
from orchestration.pipeline.publish import record_failure
from orchestration.settings import export_environment


@dg.failure_hook(name="log_failed_refresh")
def log_failed_refresh(context: dg.HookContext):
    """Every refresh is logged, published or not: a failed step writes its name and the first
    line of its error into the refresh log (``localgov status`` shows it)."""
    error = context.op_exception
    reason = (getattr(error, "description", None) or str(error) or type(error).__name__) if error else "step failed"
    record_failure(export_environment().refresh_log, context.run_id, context.step_key, reason,
                   run_started_at(context))


# dagster.yaml (refresh.DAGSTER_YAML) lets one run with this tag run at a time.
_ONE_AT_A_TIME = {"localgov/refresh": "1"}

refresh_job = dg.define_asset_job(
    "refresh_job",
    selection=dg.AssetSelection.all(),
    executor_def=dg.in_process_executor,
    description="Discover raw/, read and extract new filings, dbt build, gate, publish.",
    tags=_ONE_AT_A_TIME,
    hooks={log_failed_refresh},
)

ingest_job = dg.define_asset_job(
    "ingest_job",
    selection=dg.AssetSelection.groups("ingest"),
    executor_def=dg.multiprocess_executor,
    description="Discover, read and extract new filings into the lake, each step in its own process; "
                "nothing is built or published.",
    tags=_ONE_AT_A_TIME,
)
