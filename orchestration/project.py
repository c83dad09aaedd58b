"""The dbt project as Dagster sees it. The manifest is built by ``make`` (``dbt parse``) before
anything imports this module; nothing runs dbt at import time."""

from __future__ import annotations

from functools import cache

from dagster_dbt import DbtProject

from orchestration.settings import DBT_PROJECT_DIR


@cache
def dbt_project() -> DbtProject:
    project = DbtProject(
        project_dir=DBT_PROJECT_DIR,
        profiles_dir=DBT_PROJECT_DIR,
        target_path=DBT_PROJECT_DIR / "target",
    )
    project.prepare_if_dev()
    return project
