"""Resources, configured from the environment (see ``orchestration.settings``)."""

from __future__ import annotations

from dagster_dbt import DbtCliResource

from orchestration.project import dbt_project


def build_resources() -> dict:
    return {"dbt": DbtCliResource(project_dir=dbt_project(), profiles_dir=str(dbt_project().profiles_dir))}
