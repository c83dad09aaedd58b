"""``make refresh``: run the whole refresh job once, in this process, and print a summary.

Dagster's instance (run history, event logs) lives under ``<data dir>/dagster``, so the runs made
here show up in ``make dev`` too.
"""

from __future__ import annotations

import json
import sys

from orchestration.settings import export_environment


DAGSTER_YAML = "telemetry:\n  enabled: false\n"


def ensure_dagster_yaml(dagster_home) -> None:
    """Dagster's instance config under the data dir: local storage, no telemetry."""
    config = dagster_home / "dagster.yaml"
    if not config.exists():
        config.write_text(DAGSTER_YAML, encoding="utf-8")


def run_refresh():
    """Execute ``refresh_job`` once; returns (Dagster result, paths)."""
    paths = export_environment()
    ensure_dagster_yaml(paths.dagster_home)
    from dagster import DagsterInstance

    from orchestration.definitions import defs

    with DagsterInstance.get() as instance:
        result = defs.resolve_job_def("refresh_job").execute_in_process(
            instance=instance,
            raise_on_error=False,
            run_config={"loggers": {"console": {"config": {"log_level": "INFO"}}}},
        )
    return result, paths


def summary(result, paths) -> tuple[str, bool]:
    from orchestration.pipeline.publish import read_refresh_log

    entry = next((e for e in read_refresh_log(paths.refresh_log) if e["refresh_id"] == result.run_id), None)
    lines = [f"refresh {result.run_id}"]
    if entry is None:
        lines.append("  failed before the gate; see the Dagster run log (make dev) for the failing step")
        return "\n".join(lines), False
    counts = json.loads(entry["rows_per_table"])
    lines.append(f"  filings read:   {entry['documents']} (raw dir {paths.raw_dir})")
    lines.append("  rows per mart:  " + ", ".join(f"{name} {n}" for name, n in counts.items()))
    lines.append(f"  checks:         {entry['checks_passed']} passed, {entry['checks_failed']} failed")
    if entry["published"]:
        lines.append(f"  published:      {paths.published_db}")
    else:
        lines.append(f"  NOT published (blocking failures: {entry['blocking_failures'] or 'a step failed'}); "
                     f"the previous warehouse is unchanged at {paths.published_db}")
    return "\n".join(lines), bool(entry["published"])


def main() -> int:
    result, paths = run_refresh()
    text, published = summary(result, paths)
    print(text)
    return 0 if published and result.success else 1


if __name__ == "__main__":
    sys.exit(main())
