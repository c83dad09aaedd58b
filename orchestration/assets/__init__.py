"""Assets by stage: ingest (discovery, reading, extraction), dbt models, gate, publish."""

from datetime import datetime, timezone

OWNERS = ["team:data-engineering"]


def run_started_at(context) -> datetime:
    stats = context.instance.get_run_stats(context.run_id)
    started = stats.start_time if stats and stats.start_time else None
    return datetime.fromtimestamp(started, timezone.utc) if started else datetime.now(timezone.utc)
