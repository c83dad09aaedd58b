"""A refresh killed at any stage leaves the published warehouse as it was, and the next one
succeeds without cleanup; a second refresh of the same data dir waits for the first.

A copy of the seed warehouse, in order: refreshes killed (SIGKILL, the whole process group, dbt
included) at the point each stage signals (``crashpoints.py``): while extracting a changed
filing, during the dbt build, in the gate, and, in a Dagster run launched as the UI launches
one, with the new warehouse written but not yet renamed into place. Each killed refresh is
followed by the next, which must get past the point of the one before. A last, plain refresh is
started while the publish-stage run holds the lock: it waits, then publishes everything, the
changed filing included.
"""

import fcntl
import hashlib
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from orchestration.pipeline.crashpoints import DBT, EXTRACT, GATE, PUBLISH
from orchestration.pipeline.publish import read_refresh_log
from orchestration.settings import REPO_ROOT

pytestmark = pytest.mark.slow
WAIT_SECONDS = 300
NEWS = "003_8108045a813991b6.txt"


def start_refresh(environment, pause_at=None):
    env = environment | ({"LOCALGOV_PAUSE_AT": pause_at} if pause_at else {})
    return subprocess.Popen([sys.executable, "-m", "orchestration.refresh", "--force"], cwd=REPO_ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True)


def wait_for(condition, process, what):
    deadline = time.monotonic() + WAIT_SECONDS
    while not condition():
        if process.poll() is not None:
            pytest.fail(f"the refresh ended before {what}: {process.stdout.read()[-3000:]}")
        assert time.monotonic() < deadline, f"no {what} within {WAIT_SECONDS} s"
        time.sleep(0.05)


def lock_is_held(lock) -> bool:
    with lock.open("a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        fcntl.flock(handle, fcntl.LOCK_UN)
        return False


def sha(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def published_documents(database):
    with duckdb.connect(str(database), read_only=True) as connection:
        return sorted(connection.execute("select file_path, document_id from marts.dim_document").fetchall())


@pytest.fixture
def data_dir(seed_warehouse, tmp_path):
    copy = seed_warehouse.copy(tmp_path)
    environment = os.environ | {"LOCALGOV_RAW_DIR": str(copy.raw_dir), "LOCALGOV_DATA_DIR": str(copy.data_dir),
                                "DAGSTER_HOME": str(copy.paths.dagster_home)}
    return copy.raw_dir, copy.data_dir, environment


def start_dagster_run(environment, pause_at):
    """A run as the UI, the sensor or the schedule launches one: its own process, the job's
    in-process executor, the data dir's Dagster instance."""
    dagster = Path(sys.executable).parent / "dagster"
    return subprocess.Popen([str(dagster), "job", "execute", "-m", "orchestration.definitions", "-j", "refresh_job"],
                            cwd=REPO_ROOT, env=environment | {"LOCALGOV_PAUSE_AT": pause_at},
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True)


def test_killed_at_every_stage_the_published_warehouse_stands_and_the_next_refresh_succeeds(data_dir):
    raw, data, environment = data_dir
    published = data / "localgov.duckdb"
    before, documents = sha(published), published_documents(published)
    assert len(documents) == 5
    # a changed filing, so that the first killed refresh has something to extract
    news = raw / NEWS
    news.write_text(news.read_text(encoding="utf-8").replace("총 454개의", "총 455개의"), encoding="utf-8")
    for stage in (EXTRACT, DBT, GATE, PUBLISH):
        marker = data / "state" / f"paused_at_{stage}"
        # the last one is a Dagster run, as launched from the UI: `make refresh` waits for it too
        refresh = start_dagster_run(environment, stage) if stage == PUBLISH else start_refresh(environment, stage)
        wait_for(marker.exists, refresh, f"pause at {stage}")
        if stage == PUBLISH:
            # a plain refresh asked for now waits for the lock the paused run holds
            assert lock_is_held(data / "state" / "refresh.lock")
            waiting = start_refresh(environment)
            said = ""
            while "waiting for it to end" not in said:
                line = waiting.stdout.readline()
                assert line, f"the second refresh ended without waiting: {said[-3000:]}"
                said += line
            assert f"another refresh of {data} is running; waiting for it to end" in said
            assert waiting.poll() is None
        os.killpg(refresh.pid, signal.SIGKILL)
        refresh.wait(timeout=60)
        marker.unlink()
        assert sha(published) == before, stage
        assert published_documents(published) == documents, stage
    out, _ = waiting.communicate(timeout=WAIT_SECONDS)
    assert waiting.returncode == 0, out[-3000:]
    # `make refresh` prints a line per stage and the summary; dbt's node log is in the log file
    said += out
    assert said.startswith(f"refreshing {data} (the whole log: {data}/logs/refresh-"), said[:300]
    assert [m.group(1) for m in re.finditer(r"^  (\w+) +\d+\.\d s", said, re.MULTILINE)] == [
        "raw_filings", "raw_manifest", "raw_reviews", "read_filings", "extract_filings", "dbt_models",
        "warehouse_gate", "published_warehouse"]
    assert "START sql table model" not in said and len(said.splitlines()) < 40, said
    assert "START sql incremental model marts.fct_staffing" in (data / "logs" / "latest.log").read_text(encoding="utf-8")
    # the changed filing, whose extraction was killed half-way, is re-extracted and published
    after = dict(published_documents(published))
    assert after.keys() == dict(documents).keys() and after[NEWS] != dict(documents)[NEWS]
    with duckdb.connect(str(published), read_only=True) as connection:
        claims = connection.execute("select printed_value from marts.fct_news_claim where document_id = ? "
                                    "order by source_line, printed_value", [after[NEWS]]).fetchall()
    assert ("455개",) in claims and len(claims) == 7
    assert not list(data.glob(".localgov.duckdb.*.tmp"))
    log = read_refresh_log(data / "state" / "refresh_log.parquet")
    # the first refresh and the last were published; of the killed ones only the publish-stage
    # refresh got past the gate, and it is not logged as published
    assert [e["published"] for e in sorted(log, key=lambda e: e["started_at"])] == [True, False, True]
