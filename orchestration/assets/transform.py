"""The dbt build (staging → intermediate → marts), one Dagster asset per dbt model or seed,
grouped by the dbt folder so that Dagster groups and warehouse schemas agree."""

from typing import Any, Mapping

import dagster as dg
from dagster_dbt import DagsterDbtTranslator, DbtCliResource, DbtProject, dbt_assets

from orchestration.assets import OWNERS
from orchestration.project import dbt_project
from orchestration.settings import export_environment


class LayerTranslator(DagsterDbtTranslator):
    """Group = the model's folder under models/ (staging, intermediate, marts); seeds = reference."""

    def get_asset_spec(self, manifest: Mapping[str, Any], unique_id: str, project: "DbtProject | None") -> dg.AssetSpec:
        spec = super().get_asset_spec(manifest, unique_id, project)
        props = self.get_resource_props(manifest, unique_id)
        if props["resource_type"] == "model":
            return spec.replace_attributes(group_name=props["fqn"][1], owners=OWNERS)
        if props["resource_type"] == "seed":
            return spec.replace_attributes(group_name="reference", owners=OWNERS)
        return spec


@dbt_assets(
    manifest=dbt_project().manifest_path,
    project=dbt_project(),
    dagster_dbt_translator=LayerTranslator(),
    name="dbt_models",
)
def dbt_models(context: dg.AssetExecutionContext, dbt: DbtCliResource):
    export_environment()
    yield from dbt.cli(["build"], context=context).stream()
