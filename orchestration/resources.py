"""Resources, configured from the environment (see ``orchestration.settings``)."""

from __future__ import annotations

import sys
from contextlib import contextmanager
from functools import cached_property
from importlib import metadata
from pathlib import Path

import dagster as dg
from dagster_dbt import DbtCliResource
from packaging import version

from orchestration.pipeline.lock import refresh_lock
from orchestration.project import dbt_project
from orchestration.settings import export_environment


class RefreshLock(dg.ConfigurableResource):
    """The data dir's refresh lock, held for the whole run: the in-process executor of
    ``refresh_job`` sets resources up once per run, so a second refresh, from any entry point,
    waits for the first to end instead of failing on DuckDB's lock of the build file."""

    @contextmanager
    def yield_for_execution(self, context: dg.InitResourceContext):
        paths = export_environment()
        with refresh_lock(paths.state_dir, context.log.warning if context.log else print):
            yield self


def dbt_executable() -> str:
    """The dbt installed beside this Python (the project's venv), else whatever is on PATH."""
    beside = Path(sys.executable).parent / "dbt"
    return str(beside) if beside.exists() else "dbt"


class DbtCli(DbtCliResource):
    """dagster-dbt's dbt resource without two things it does before every invocation and this
    project never uses: ``dbt --version`` in a process of its own (1.5 s), when the version is
    the installed dbt-core's, pinned in requirements.lock; and a dbt adapter opened in this
    process (2.6 s), there for column metadata and row counts that dagster-dbt fetches on
    request only (``fetch_column_metadata``, ``fetch_row_counts``). ``benchmarks/scale.py``
    measures what an invocation costs."""

    @cached_property
    def _cli_version(self) -> version.Version:
        return version.parse(metadata.version("dbt-core"))

    def _initialize_dbt_core_adapter(self, args):
        return None


def build_resources() -> dict:
    project = dbt_project()
    return {"dbt": DbtCli(project_dir=project, profiles_dir=str(project.profiles_dir), dbt_executable=dbt_executable()),
            "refresh_lock": RefreshLock()}
