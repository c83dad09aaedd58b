"""``make refresh``: run the whole refresh job once, in this process, and print a summary;
``make watch``: stay up and run it whenever the raw dir changes.

Dagster's instance (run history, event logs) lives under ``<data dir>/dagster``, so the runs made
here show up in ``make dev`` too. When nothing that could change the warehouse has changed since
the last published refresh (the raw dir's listing, the parsers, the dbt project, the suites; see
``pipeline/inputs.py``), the command says so and returns at once; ``--force`` refreshes anyway.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import json
import logging
import os
import signal
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

from orchestration.pipeline.inputs import code_fingerprint, inputs_fingerprint, published_inputs
from orchestration.settings import export_environment

# Dagster's instance config under the data dir (managed here: rewritten when it differs): local
# storage, its event log writing a batch in one transaction (orchestration/event_log.py) in the
# files Dagster's default would use, no telemetry, and one refresh at a time for runs launched
# from the UI, the sensor or the schedule (the second waits in the queue).
DAGSTER_YAML = """telemetry:
  enabled: false
event_log_storage:
  module: orchestration.event_log
  class: BatchedSqliteEventLogStorage
  config:
    base_dir: {events}
concurrency:
  runs:
    tag_concurrency_limits:
      - key: localgov/refresh
        limit: 1
"""


def dagster_yaml(dagster_home: Path) -> str:
    """The instance config of ``dagster_home``: the event log's folder is written out, so that the
    instance also loads where DAGSTER_HOME is not set (``DagsterInstance.from_config``)."""
    return DAGSTER_YAML.format(events=json.dumps((Path(dagster_home).resolve() / "history" / "runs").as_posix()))


def ensure_dagster_yaml(dagster_home) -> None:
    config = dagster_home / "dagster.yaml"
    wanted = dagster_yaml(dagster_home)
    if not config.exists() or config.read_text(encoding="utf-8") != wanted:
        config.write_text(wanted, encoding="utf-8")


def run_refresh(verbose: bool = True, full: bool = False):
    """Execute ``refresh_job`` once; returns (Dagster result, paths). Not verbose, the terminal
    gets one line per stage and the whole log (dbt's node by node) goes to
    ``<data>/logs/refresh-<time>.log``; ``paths.data_dir / "logs" / "latest.log"`` names it.
    ``full`` builds every dbt model from scratch instead of incrementally."""
    paths = export_environment()
    ensure_dagster_yaml(paths.dagster_home)
    from dagster import DagsterInstance

    from orchestration.assets.transform import FULL_REFRESH_TAG
    from orchestration.definitions import defs

    # The run takes the data dir's refresh lock itself (resources.RefreshLock), as a run from the
    # UI, the sensor or the schedule does.
    log_file = _new_log_file(paths)
    loggers = ({"console": {"config": {"log_level": "INFO"}}} if verbose
               else {"refresh_stages": {"config": {"log_file": str(log_file)}}})
    with DagsterInstance.get() as instance, open(log_file, "a", encoding="utf-8") as log, \
            (contextlib.nullcontext() if verbose else contextlib.redirect_stdout(log)):
        if not verbose:
            print(f"refreshing {paths.data_dir} (the whole log: {log_file})", file=sys.__stdout__, flush=True)
        result = defs.resolve_job_def("refresh_job").execute_in_process(
            instance=instance, raise_on_error=False, run_config={"loggers": loggers},
            tags={FULL_REFRESH_TAG: "true"} if full else None)
    return result, paths


def _new_log_file(paths):
    """A log file of this refresh's own, and ``latest.log`` beside it pointing at it."""
    folder = paths.data_dir / "logs"
    folder.mkdir(parents=True, exist_ok=True)
    log_file = folder / f"refresh-{datetime.now(timezone.utc):%Y%m%dT%H%M%S%fZ}.log"
    log_file.touch()
    latest = folder / "latest.log"
    latest.unlink(missing_ok=True)
    latest.symlink_to(log_file.name)
    return log_file


def summary(result, paths) -> tuple[str, bool]:
    from orchestration.pipeline.publish import read_refresh_log

    entry = next((e for e in read_refresh_log(paths.refresh_log) if e["refresh_id"] == result.run_id), None)
    lines = [f"refresh {result.run_id}"]
    if entry is None or entry.get("failed_step"):
        reason = (f"{entry['failed_step']} failed: {entry['failure_reason']}" if entry
                  else "a step failed; see the Dagster run log (make dev)")
        lines.append(f"  NOT published: {reason}")
        lines.append(f"  the previous warehouse is unchanged at {paths.published_db}")
        return "\n".join(lines), False
    counts = json.loads(entry["rows_per_table"])
    lines.append(f"  filings read:   {entry['documents']} (raw dir {paths.raw_dir})")
    lines.append("  rows per mart:  " + ", ".join(f"{name} {n}" for name, n in counts.items()))
    lines.append(f"  checks:         {entry['checks_passed']} passed, {entry['checks_failed']} failed")
    if entry.get("filings_removed"):
        lines.append(f"  removed:        {entry['filings_removed']} (no longer in the raw dir; their facts leave)")
    lines += held_back_lines(entry)
    lines += quarantine_lines(paths.build_db)
    lines += coverage_lines(paths.build_db)
    lines += unknown_kind_lines(paths.build_db)
    if entry["published"]:
        lines.append(f"  published:      {paths.published_db}")
        lines.append(f"  report:         {paths.report_dir / 'index.html'}")
    else:
        lines.append(f"  NOT published (blocking failures: {entry['blocking_failures'] or 'a step failed'}); "
                     f"the previous warehouse is unchanged at {paths.published_db}")
    return "\n".join(lines), bool(entry["published"])


COVERAGE_ROWS = 20


def held_back_lines(entry: dict) -> list[str]:
    """The filings whose rows failed a blocking check, by path, with the check and the lines."""
    held = [h for h in (entry.get("held_back") or "").split(" | ") if h]
    if not held:
        return []
    return [f"  held back:      {len(held)} filing(s) whose rows fail a blocking check (their last good "
            "version, if any, stays published):"] + [f"    {h}" for h in held[:COVERAGE_ROWS]]


def quarantine_lines(build_db) -> list[str]:
    """Every filing and manifest row that could not be used, by path, with its reason."""
    import duckdb

    if not build_db.is_file():
        return []
    with duckdb.connect(str(build_db), read_only=True) as con:
        rows = con.execute("select file_path, reason, detail from marts.audit_quarantine "
                           "where reason <> 'held_back' order by file_path").fetchall()
    if not rows:
        return []
    out = [f"  quarantined:    {len(rows)} (see marts.audit_quarantine for the suggested fixes):"]
    out += [f"    {path}: {reason}" + (f" ({detail})" if detail else "") for path, reason, detail in rows[:COVERAGE_ROWS]]
    if len(rows) > COVERAGE_ROWS:
        out.append(f"    … and {len(rows) - COVERAGE_ROWS} more in marts.audit_quarantine")
    return out


def unknown_kind_lines(build_db) -> list[str]:
    """Filings read but of no kind the extractors know: published with their lines and table
    cells only, so the summary names them for somebody to look at."""
    import duckdb

    if not build_db.is_file():
        return []
    with duckdb.connect(str(build_db), read_only=True) as con:
        paths = [p for (p,) in con.execute(
            "select file_path from marts.dim_document where kind = 'unknown' and read_status = 'ok' "
            "and extract_status = 'ok' "
            "order by file_path").fetchall()]
    if not paths:
        return []
    return [f"  unknown kind:   {len(paths)} filing(s), no kind's own reader, only the table detectors: "
            + ", ".join(paths[:COVERAGE_ROWS])]


def coverage_lines(build_db) -> list[str]:
    """Share of printed numbers claimed, per filing (the least covered first)."""
    import duckdb

    if not build_db.is_file():
        return []
    with duckdb.connect(str(build_db), read_only=True) as con:
        rows = con.execute(
            "select file_path, number_tokens, claimed_pct, not_understood_pct, unattributed_pct "
            "from marts.audit_number_coverage order by claimed_pct nulls first, file_path"
        ).fetchall()
    if not rows:
        return []
    total = sum(r[1] or 0 for r in rows)
    out = [f"  numbers:        {total} printed in {len(rows)} filing(s); per filing, claimed by facts or "
           "cells / not understood (see marts.audit_unclaimed_numbers) / in facts without their org unit:"]
    for path, tokens, claimed, not_understood, unattributed in rows[:COVERAGE_ROWS]:
        out.append(f"    {path}: {tokens} numbers, {claimed or 0}% claimed, {not_understood or 0}% not understood, "
                   f"{unattributed or 0}% unattributed")
    if len(rows) > COVERAGE_ROWS:
        out.append(f"    … and {len(rows) - COVERAGE_ROWS} more filing(s) in marts.audit_number_coverage")
    return out


def refresh_and_record(verbose: bool = True, full: bool = False):
    """One refresh and its summary: (result, paths, summary text, published). The run records
    the inputs it read (pipeline/inputs.py) when it publishes, so that the next ``make refresh``
    knows whether anything changed."""
    result, paths = run_refresh(verbose, full)
    text, published = summary(result, paths)
    return result, paths, text, published and result.success


def watch(interval: float, verbose: bool = False) -> int:
    """Refresh whenever what the warehouse is made from changes, in this one process: Python,
    Dagster, the definitions and dbt's parse of the project are paid for once, not per refresh
    (as each run the sensor of ``make dev`` launches pays them). Inputs a refresh could not
    publish are not tried again until they change; a change to the code ends the watch, since
    this process still runs the code it started with."""
    paths = export_environment()
    _freeze_imports()
    code, tried, settled = code_fingerprint(), None, False
    print(f"watching {paths.raw_dir} every {interval:g} s for new, changed or removed filings (Ctrl-C to stop)",
          flush=True)
    try:
        while True:
            if code_fingerprint() != code:
                print("the code changed since the watch began: start it again to refresh with the new code", flush=True)
                return 3
            digest = inputs_fingerprint(paths)
            if digest not in (published_inputs(paths), tried):
                started = time.perf_counter()
                _, _, text, published = refresh_and_record(verbose=verbose)
                tried = None if published else digest
                print(text, flush=True)
                print(f"{'published' if published else 'NOT published'} in {time.perf_counter() - started:.1f} s; "
                      "watching again", flush=True)
                if not settled:
                    _freeze_what_stays()
                    settled = True
                # Dagster takes SIGINT over while it runs and does not always hand it back: without
                # this, Ctrl-C between refreshes would be swallowed and the watch never end.
                signal.signal(signal.SIGINT, signal.default_int_handler)
            time.sleep(interval)
    except KeyboardInterrupt:
        return 0


def _freeze_imports() -> None:
    """Dagster's, dbt's and this project's modules: never garbage, and walked by every full
    collection of reference cycles."""
    import orchestration.definitions  # noqa: F401

    gc.freeze()


def _freeze_what_stays() -> None:
    """What the first refresh left alive (Dagster's definitions, dbt's parse of the project) stays
    for the watch's life. Python's collector of reference cycles walked all of it once a refresh,
    0.4 s in which every thread stood still (at 100 filings, a tenth of a refresh under the
    watch); frozen, it walks what each refresh makes. Done between refreshes, after one full
    collection, so that no garbage is frozen with it."""
    gc.collect()
    gc.freeze()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="localgov-refresh", description=__doc__.splitlines()[0])
    parser.add_argument("--force", action="store_true", help="refresh even if nothing changed")
    parser.add_argument("--full", action="store_true",
                        help="build every dbt model from scratch (implies --force)")
    parser.add_argument("--verbose", action="store_true",
                        help="print the whole log (Dagster's and dbt's) instead of one line per stage")
    parser.add_argument("--watch", type=float, metavar="SECONDS", nargs="?", const=2.0,
                        help="stay up and refresh whenever the raw dir changes, looking every SECONDS (2)")
    args = parser.parse_args(argv)
    # Python collects reference cycles after every 700 new objects, each thread standing still
    # meanwhile; dbt's parse and Dagster's run make millions. Collected every 50,000, a one-filing
    # `make refresh` at 100 filings took 11.7 s instead of 13.5 s (three of each, alternately).
    thresholds = gc.get_threshold()
    gc.set_threshold(50_000, 20, 20)
    try:
        return _run(args)
    finally:
        # What was frozen is collected at exit again (DuckDB's bindings report what is left),
        # and a caller in the same process (a test) gets its collector back as it was.
        gc.unfreeze()
        gc.set_threshold(*thresholds)


def _run(args: argparse.Namespace) -> int:
    if args.watch is not None:
        return watch(args.watch, args.verbose)
    paths = export_environment()
    if not (args.force or args.full) and published_inputs(paths) == inputs_fingerprint(paths):
        print(f"nothing changed since the last published refresh; {paths.published_db} is current "
              "(make refresh FORCE=1 to rebuild anyway)")
        return 0
    _freeze_imports()
    _, _, text, published = refresh_and_record(verbose=args.verbose, full=args.full)
    print(text)
    return 0 if published else 1


def cli() -> None:
    """``make refresh`` and ``localgov-refresh``: ``main``, then out of the process at once.
    Everything a refresh writes is on disk, closed or renamed into place, when ``main`` returns;
    taking the interpreter down object by object (Dagster's definitions, dbt's parse, every
    module) took 2 s more of a one-filing refresh at 100 filings (11.6 s against 9.3 s)."""
    code = main()
    sys.stdout.flush()
    sys.stderr.flush()
    logging.shutdown()
    os._exit(code)


if __name__ == "__main__":
    cli()
