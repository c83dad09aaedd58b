"""``make watch``: a process that stays up and refreshes whenever the raw dir changes.

A copy of the seed warehouse, current when the watch begins: nothing is refreshed until a
filing is added; then each added filing is published by the same process, the second refresh
on the parse of the dbt project the first one made; Ctrl-C ends the watch.
"""

import os
import signal
import subprocess
import sys
import threading
import time

import duckdb
import pytest

from orchestration.settings import REPO_ROOT

pytestmark = pytest.mark.slow
WAIT_SECONDS = 300
SEEDS = REPO_ROOT / "raw"


def published_paths(warehouse) -> set[str]:
    with duckdb.connect(str(warehouse.paths.published_db), read_only=True) as connection:
        return {path for (path,) in connection.execute("select file_path from marts.dim_document").fetchall()}


class Watcher:
    def __init__(self, warehouse):
        environment = os.environ | {"LOCALGOV_RAW_DIR": str(warehouse.raw_dir),
                                    "LOCALGOV_DATA_DIR": str(warehouse.data_dir)}
        self.process = subprocess.Popen([sys.executable, "-m", "orchestration.refresh", "--watch", "0.2"],
                                        cwd=REPO_ROOT, env=environment, stdout=subprocess.PIPE,
                                        stderr=subprocess.STDOUT, text=True)
        self.lines: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.process.stdout:
            self.lines.append(line.rstrip("\n"))

    def wait_for(self, count: int, text: str) -> list[str]:
        deadline = time.monotonic() + WAIT_SECONDS
        while sum(text in line for line in self.lines) < count:
            assert self.process.poll() is None, "\n".join(self.lines[-40:])
            assert time.monotonic() < deadline, f"no {text!r} within {WAIT_SECONDS} s: " + "\n".join(self.lines[-40:])
            time.sleep(0.1)
        return [line for line in self.lines if text in line]


def test_a_watch_publishes_each_added_filing_on_one_parse_of_the_project(seed_warehouse, tmp_path):
    warehouse = seed_warehouse.copy(tmp_path)
    before = published_paths(warehouse)
    watcher = Watcher(warehouse)
    try:
        watcher.wait_for(1, "watching ")
        time.sleep(1)  # a few looks at a raw dir the published warehouse is current with
        assert not any("refreshing" in line for line in watcher.lines), watcher.lines

        work_plan = sorted(SEEDS.glob("004_*.txt"))[0].read_text(encoding="utf-8")
        (warehouse.raw_dir / "work plan, reissued.txt").write_text(work_plan + "※ 2024. 2. 재발행\n", encoding="utf-8")
        watcher.wait_for(1, "watching again")
        assert published_paths(warehouse) == before | {"work plan, reissued.txt"}

        (warehouse.raw_dir / "work plan, again.txt").write_text(work_plan + "※ 2024. 3. 재발행\n", encoding="utf-8")
        [first, second] = watcher.wait_for(2, "watching again")
        assert first.startswith("published in ") and second.startswith("published in ")
        assert published_paths(warehouse) == before | {"work plan, reissued.txt", "work plan, again.txt"}
        logs = sorted((warehouse.data_dir / "logs").glob("refresh-*.log"))[-2:]
        texts = [log.read_text(encoding="utf-8") for log in logs]
        assert "dbt: the project's parse read back from the last run's, or parsed, in the background" in texts[0]
        assert "dbt: the project as this process parsed it for an earlier run" in texts[1]
    finally:
        watcher.process.send_signal(signal.SIGINT)
        assert watcher.process.wait(timeout=60) == 0
