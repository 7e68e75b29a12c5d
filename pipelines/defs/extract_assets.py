"""Extract asset: pending articles → events, event rejects and one run row per article."""

from collections.abc import Iterator

import dagster as dg

from pipelines.defs.ingest_assets import ARTICLES
from pipelines.defs.resources import WarehouseResource

EVENTS = dg.AssetKey(["raw", "events"])
EVENT_REJECTS = dg.AssetKey(["raw", "event_rejects"])
EXTRACTION_RUNS = dg.AssetKey(["raw", "extraction_runs"])


class ExtractConfig(dg.Config):
    coder: str = "rules"


@dg.multi_asset(
    name="extract_events",
    group_name="extract",
    specs=[
        dg.AssetSpec(EVENTS, kinds={"python", "duckdb"}, deps=[ARTICLES],
                     description="ACLED-style events coded from articles, with evidence offsets and confidence."),
        dg.AssetSpec(EVENT_REJECTS, kinds={"python", "duckdb"}, deps=[ARTICLES],
                     description="Candidate events that failed validation, with the reason."),
        dg.AssetSpec(EXTRACTION_RUNS, kinds={"python", "duckdb"}, deps=[ARTICLES],
                     description="One row per article and coder version: ok or failed, and how many events."),
    ],
    check_specs=[
        dg.AssetCheckSpec("every_article_extracted", asset=EXTRACTION_RUNS,
                          description="Every stored article has a run row for the current coder version."),
    ],
)
def extract_events(
    context: dg.AssetExecutionContext, config: ExtractConfig, warehouse: WarehouseResource
) -> Iterator[dg.MaterializeResult | dg.AssetCheckResult]:
    from pipelines.extract import extract_pending
    from pipelines.warehouse import table_counts

    with warehouse.connect() as con:
        stats = extract_pending(con, config.coder)
        counts = table_counts(con)
        missing = con.execute(
            """
            SELECT count(*) FROM raw.articles a
            WHERE NOT EXISTS (
                SELECT 1 FROM raw.extraction_runs r
                WHERE r.article_id = a.id AND r.coder = ? AND r.coder_version = ?)
            """,
            [stats.coder, stats.coder_version],
        ).fetchone()[0]
    context.log.info(f"{stats.articles} articles coded: {stats.events} events, {stats.failed} failures")
    yield dg.MaterializeResult(
        asset_key=EVENTS,
        metadata={
            "coder": f"{stats.coder} {stats.coder_version}",
            "articles_coded": stats.articles,
            "new_events": stats.events,
            "dagster/row_count": counts.get("raw.events", 0),
            "preview": dg.MetadataValue.md(_preview(stats.new_events)),
        },
    )
    yield dg.MaterializeResult(
        asset_key=EVENT_REJECTS,
        metadata={"rejected_this_run": stats.event_rejects, "dagster/row_count": counts.get("raw.event_rejects", 0)},
    )
    yield dg.MaterializeResult(
        asset_key=EXTRACTION_RUNS,
        metadata={"failed_this_run": stats.failed, "dagster/row_count": counts.get("raw.extraction_runs", 0)},
    )
    yield dg.AssetCheckResult(
        check_name="every_article_extracted",
        asset_key=EXTRACTION_RUNS,
        passed=missing == 0,
        metadata={"articles_without_run": missing},
    )


def _preview(events: list) -> str:
    if not events:
        return "no new events"
    head = "| date | type | location | actor 1 | actor 2 | fatalities |\n|---|---|---|---|---|---|"
    rows = [
        f"| {e.event_date} | {e.sub_event_type} | {e.location}, {e.country} | {e.actor1} | {e.actor2} | {e.fatalities} |"
        for e in events
    ]
    return "\n".join([head, *rows])
