"""A sensor on what the warehouse is made from: new, changed or removed files in the raw dir (its
manifest and reviewers' decisions included), and a changed parser, model, seed or suite, each
request one refresh."""

import dagster as dg

from orchestration.jobs import refresh_job
from orchestration.pipeline.inputs import inputs_fingerprint, published_inputs
from orchestration.settings import current_paths

ACTIVE = [dg.DagsterRunStatus.QUEUED, dg.DagsterRunStatus.NOT_STARTED, dg.DagsterRunStatus.STARTING,
          dg.DagsterRunStatus.STARTED]


@dg.sensor(job=refresh_job, minimum_interval_seconds=30, default_status=dg.DefaultSensorStatus.RUNNING)
def raw_dir_sensor(context: dg.SensorEvaluationContext):
    paths = current_paths()
    digest = inputs_fingerprint(paths)
    if digest == context.cursor:
        return dg.SkipReason("raw dir and code unchanged")
    if context.cursor is None and published_inputs(paths) == digest:
        # The first tick (a new `make dev`) of a warehouse already published from these inputs.
        context.update_cursor(digest)
        return dg.SkipReason("the published warehouse is current")
    running = context.instance.get_runs(dg.RunsFilter(job_name=refresh_job.name, statuses=ACTIVE), limit=1)
    if running:
        # Cursor left alone: the change is picked up once the running refresh ends.
        return dg.SkipReason(f"inputs changed, but refresh {running[0].run_id} is still running")
    context.update_cursor(digest)
    return dg.RunRequest(run_key=digest)
