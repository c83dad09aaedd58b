"""Scale, in CI time: ``benchmarks/scale.py`` on a tiny corpus writes its results with every
filing's facts exact (``make bench-scale``); the multiprocess executor is test_executor.py's."""

import json
import os
import subprocess

import pytest

from orchestration.settings import REPO_ROOT

pytestmark = pytest.mark.slow


def test_the_scale_benchmark_on_a_tiny_corpus_writes_its_results(tmp_path):
    env = {**os.environ, "GX_ANALYTICS_ENABLED": "False"}
    env.pop("LOCALGOV_RAW_DIR", None)
    env.pop("LOCALGOV_DATA_DIR", None)
    done = subprocess.run(["make", "-s", "bench-scale", "BENCH_SIZES=12", f"BENCH_OUTPUT={tmp_path}"],
                          cwd=REPO_ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    [result] = json.loads((tmp_path / "results.json").read_text(encoding="utf-8"))
    assert result["n"] == 12
    assert result["facts"] == {"filings": 12, "exact": 12, "problems": []}
    assert set(result["stages"]) == {"discovery", "extraction", "dbt build", "gate", "publish"}
    assert all(stage["seconds"] > 0 and stage["peak_gib"] > 0 for stage in result["stages"].values())
    assert result["changed_one"]["stages"]["extraction"]["seconds"] > 0
    assert result["added_one"]["wall_s"] > 0 and result["removed_one"]["wall_s"] > 0
    # three filings added while make watch runs, then one changed and removed, each published:
    # shown by the published file no later than its refresh ends
    watched = result["watched"]
    assert [len(watched[what]) for what in ("added", "changed", "removed")] == [3, 1, 1]
    assert all(0 < live <= ended for runs in watched.values() for live, ended in runs)
    # the incremental refreshes run fewer dbt nodes than the rebuild from scratch: no seeds, no
    # unit tests, no staging model of a lake table the filing has no file in
    assert result["changed_one"]["dbt"]["nodes"] < result["full_rebuild"]["dbt"]["nodes"]
    assert result["publish"]["reflink_clone"]
    assert {q["answered"].split("/")[1] for q in result["bi"].values()} == {"40"}
    report = (tmp_path / "results.md").read_text(encoding="utf-8")
    assert "| 12 |" in report and "## Targets" in report and "one filing changed, added or removed" in report
    assert "one filing added, changed or removed while `make watch` is up" in report
