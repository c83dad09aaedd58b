"""The dbt project as Dagster sees it. The manifest is built by ``make`` (``dbt parse``) before
anything imports this module; nothing runs dbt at import time."""

from __future__ import annotations

import json
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


def dbt_manifest() -> dict:
    """The project's ``manifest.json``, as ``make`` last parsed it."""
    return json.loads(dbt_project().manifest_path.read_text(encoding="utf-8"))
