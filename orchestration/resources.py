"""Resources, configured from the environment (see ``orchestration.settings``)."""

from __future__ import annotations

import sys
from pathlib import Path

from dagster_dbt import DbtCliResource

from orchestration.project import dbt_project


def dbt_executable() -> str:
    """The dbt installed beside this Python (the project's venv), else whatever is on PATH."""
    beside = Path(sys.executable).parent / "dbt"
    return str(beside) if beside.exists() else "dbt"


def build_resources() -> dict:
    project = dbt_project()
    return {"dbt": DbtCliResource(project_dir=project, profiles_dir=str(project.profiles_dir),
                                  dbt_executable=dbt_executable())}
