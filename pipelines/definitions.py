"""The Dagster code location (`dg dev`, `conflict-events ui`, `conflict-events run`).

Definitions are built when Dagster loads the location, not at import: building them parses
the dbt project if its manifest is stale.
"""

from __future__ import annotations

import dagster as dg

from pipelines.defs.automation import build_inbox_sensor, daily_schedule, pipeline_job
from pipelines.defs.extract_assets import extract_events
from pipelines.defs.ingest_assets import ingest_articles
from pipelines.defs.resources import InboxResource, WarehouseResource
from pipelines.settings import Settings, dbt_environment, load_settings


def build_definitions(settings: Settings) -> dg.Definitions:
    from pipelines.defs.dbt_assets import build_dbt_assets, dbt_project_for, dbt_resource

    dbt_environment(settings)
    project = dbt_project_for(settings)
    return dg.Definitions(
        assets=[ingest_articles, extract_events, build_dbt_assets(project)],
        jobs=[pipeline_job],
        schedules=[daily_schedule],
        sensors=[build_inbox_sensor(settings.inbox)],
        resources={
            "warehouse": WarehouseResource(path=str(settings.warehouse)),
            "inbox": InboxResource(path=str(settings.inbox)),
            "dbt": dbt_resource(project),
        },
        executor=dg.in_process_executor,
    )


@dg.definitions
def defs() -> dg.Definitions:
    return build_definitions(load_settings())
