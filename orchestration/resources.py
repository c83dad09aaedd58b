"""Resources, configured from the environment (see ``orchestration.settings``)."""

from __future__ import annotations

import sys
from contextlib import contextmanager
from pathlib import Path

import dagster as dg
from dagster_dbt import DbtCliResource

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


def build_resources() -> dict:
    project = dbt_project()
    return {"dbt": DbtCliResource(project_dir=project, profiles_dir=str(project.profiles_dir),
                                  dbt_executable=dbt_executable()),
            "refresh_lock": RefreshLock()}
