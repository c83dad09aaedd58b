"""Dagster's multiprocess executor, as an engineer launches the ingest job from the CLI: the
extraction assets give the lake the in-process run gives. (A file of its own, so that the test
runner's two workers can take it and the scale benchmark's test side by side.)"""

import os
import subprocess
import sys
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from benchmarks.corpus import write_corpus
from orchestration.definitions import defs
from orchestration.pipeline.lake import LAKE_SCHEMAS
from orchestration.settings import REPO_ROOT

pytestmark = pytest.mark.slow

# Over the pool threshold (8), so extraction also runs its process pool inside the step's process.
FILINGS = 14


def ingest_job():
    return defs.resolve_job_def("ingest_job")


def lake_contents(data) -> dict[str, list[tuple]]:
    """Every lake table's rows, sorted; the read time is wall-clock and left out."""
    contents = {}
    with duckdb.connect() as con:
        for table in LAKE_SCHEMAS:
            columns = ", ".join(f'"{c}"' for c in LAKE_SCHEMAS[table].names if c != "read_at")
            contents[table] = con.execute(
                f"select {columns} from read_parquet('{data / 'lake' / table}/*.parquet') order by all").fetchall()
    return contents


def test_extraction_under_the_multiprocess_executor_fills_the_lake_as_in_process(tmp_path, monkeypatch):
    write_corpus(tmp_path / "corpus", FILINGS, seed=5)
    monkeypatch.setenv("LOCALGOV_RAW_DIR", str(tmp_path / "corpus" / "raw"))
    monkeypatch.setenv("LOCALGOV_DATA_DIR", str(tmp_path / "in_process"))
    # execute_in_process runs every step in this process, whatever executor the job names.
    assert ingest_job().execute_in_process(instance=dg.DagsterInstance.ephemeral()).success

    # As an engineer launches it: the CLI, a Dagster home on disk, the executor the job names.
    home = tmp_path / "dagster"
    home.mkdir()
    env = {**os.environ, "DAGSTER_HOME": str(home), "LOCALGOV_DATA_DIR": str(tmp_path / "multiprocess")}
    done = subprocess.run([str(Path(sys.executable).parent / "dagster"), "job", "execute",
                           "-m", "orchestration.definitions", "-j", "ingest_job"],
                          cwd=REPO_ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    with dg.DagsterInstance.from_config(str(home)) as instance:
        [run] = instance.get_runs()
        assert run.status == dg.DagsterRunStatus.SUCCESS
        started = {e.step_key: e.dagster_event.pid for e in instance.all_logs(run.run_id)
                   if e.dagster_event and e.dagster_event.event_type == dg.DagsterEventType.STEP_START}
    # One process per step: discovery, manifest, reviews, reading, extraction.
    assert set(started) == {"raw_filings", "raw_manifest", "raw_reviews", "read_filings", "extract_filings"}
    assert len(set(started.values())) == 5

    expected = lake_contents(tmp_path / "in_process")
    assert lake_contents(tmp_path / "multiprocess") == expected
    assert len({row[0] for row in expected["classifications"]}) == FILINGS
    assert len(expected["project_budgets"]) > 0 or len(expected["pledge_investments"]) > 0
