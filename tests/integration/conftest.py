"""The seed warehouse, built once per test session (and shared by the xdist workers), and copies
of it for the tests that change it.

A test that changes filings gets its own copy of the seed raw dir and data dir: its refresh then
reads only the filings it changed (the lake is content-addressed), and no other test sees what it
did. Every test leaves ``os.environ`` as it found it.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest
from filelock import FileLock

from orchestration.settings import REPO_ROOT, Paths

SEEDS = REPO_ROOT / "raw"


@dataclass(frozen=True)
class Warehouse:
    raw_dir: Path
    data_dir: Path

    @property
    def paths(self) -> Paths:
        return Paths(self.raw_dir, self.data_dir)

    def use(self) -> Paths:
        """Point the environment at this warehouse (restored after the test)."""
        os.environ.update(LOCALGOV_RAW_DIR=str(self.raw_dir), LOCALGOV_DATA_DIR=str(self.data_dir))
        return self.paths

    def query(self, sql: str, parameters=None, database: Path | None = None) -> list[tuple]:
        with duckdb.connect(str(database or self.paths.published_db), read_only=True) as connection:
            return connection.execute(sql, parameters or []).fetchall()

    def refresh(self):
        """One refresh as ``make refresh FORCE=1`` runs it: (Dagster result, summary text, published)."""
        from orchestration.refresh import refresh_and_record

        self.use()
        result, _, text, published = refresh_and_record()
        return result, text, published

    def copy(self, destination: Path) -> Warehouse:
        # dbt's per-invocation target folders are scratch: manifests and logs of runs gone by.
        raw, data = destination / "raw", destination / "data"
        shutil.copytree(self.raw_dir, raw, symlinks=True)
        shutil.copytree(self.data_dir, data, ignore=lambda folder, names: names if folder.endswith("/dbt/target") else [])
        return Warehouse(raw, data)


@pytest.fixture(autouse=True)
def _restore_environment():
    saved = dict(os.environ)
    yield
    os.environ.clear()
    os.environ.update(saved)


def _shared_root(tmp_path_factory) -> Path:
    """One folder for the whole session, whichever xdist worker gets there first."""
    base = tmp_path_factory.getbasetemp()
    return (base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base) / "seed_warehouse"


@pytest.fixture(scope="session")
def seed_warehouse(tmp_path_factory) -> Warehouse:
    """The five seeds refreshed once into a fresh data dir. Read it, never change it: copy it."""
    root = _shared_root(tmp_path_factory)
    warehouse = Warehouse(root / "raw", root / "data")
    root.parent.mkdir(parents=True, exist_ok=True)
    with FileLock(str(root) + ".lock"):
        summary = root / "summary.txt"
        if not summary.exists():
            shutil.rmtree(root, ignore_errors=True)
            warehouse.raw_dir.mkdir(parents=True)
            for seed in SEEDS.glob("*.txt"):
                shutil.copy2(seed, warehouse.raw_dir / seed.name)
            saved = dict(os.environ)
            try:
                result, text, published = warehouse.refresh()
            finally:
                os.environ.clear()
                os.environ.update(saved)
            assert result.success and published, text
            (root / "run_id").write_text(result.run_id)
            summary.write_text(text, encoding="utf-8")
    return warehouse


@pytest.fixture(scope="session")
def seed_summary(seed_warehouse) -> str:
    return (seed_warehouse.data_dir.parent / "summary.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_run_id(seed_warehouse) -> str:
    return (seed_warehouse.data_dir.parent / "run_id").read_text()


@pytest.fixture
def seed_copy(seed_warehouse, tmp_path) -> Warehouse:
    """A copy of the seed warehouse of this test's own, the environment pointing at it."""
    copy = seed_warehouse.copy(tmp_path)
    copy.use()
    return copy
