"""dbt models as Dagster assets (dagster-dbt); dbt tests become asset checks."""

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import dagster as dg
from dagster_dbt import DagsterDbtTranslator, DbtCliResource, DbtProject, dbt_assets

from pipelines.settings import Settings
from pipelines.warehouse.dbt import dbt_executable, dbt_project_dir

DBT_PROJECT_DIR = dbt_project_dir()


def dbt_project_for(settings: Settings) -> DbtProject:
    """The dbt project, with its build output kept under CONFLICT_EVENTS_HOME."""
    return DbtProject(project_dir=DBT_PROJECT_DIR, profiles_dir=DBT_PROJECT_DIR, target_path=settings.dbt_target)


def ensure_manifest(project: DbtProject) -> Path:
    """Parse the dbt project when its manifest is missing or older than any model file.
    Runs when definitions load (never at import); `dbt parse` takes a few seconds."""
    manifest = project.manifest_path
    newest_source = max(p.stat().st_mtime for p in DBT_PROJECT_DIR.rglob("*") if p.suffix in {".sql", ".yml"}
                        and "target" not in p.parts and "logs" not in p.parts)
    if not manifest.exists() or manifest.stat().st_mtime < newest_source:
        dbt_resource(project).cli(["parse", "--quiet"], target_path=project.target_path).wait()
    return manifest


def dbt_resource(project: DbtProject) -> DbtCliResource:
    """dbt from this environment's bin/, found even when the venv is not activated."""
    return DbtCliResource(project_dir=project, dbt_executable=dbt_executable())


class ConflictEventsDbtTranslator(DagsterDbtTranslator):
    """Groups models by their folder (staging / intermediate / marts)."""

    def get_group_name(self, dbt_resource_props: Mapping[str, Any]) -> str | None:
        fqn = dbt_resource_props.get("fqn") or []
        if dbt_resource_props.get("resource_type") == "model" and len(fqn) > 2:
            return fqn[1]
        return super().get_group_name(dbt_resource_props)


def build_dbt_assets(project: DbtProject) -> dg.AssetsDefinition:
    @dbt_assets(manifest=ensure_manifest(project), project=project,
                dagster_dbt_translator=ConflictEventsDbtTranslator(), name="dbt_models")
    def dbt_models(context: dg.AssetExecutionContext, dbt: DbtCliResource) -> Iterator[Any]:
        yield from dbt.cli(["build"], context=context).stream()

    return dbt_models
