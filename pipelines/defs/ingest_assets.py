"""Ingest asset: inbox files and feeds → raw.articles / raw.article_rejects."""

from collections.abc import Iterator

import dagster as dg

from pipelines.defs.resources import InboxResource, WarehouseResource

ARTICLES = dg.AssetKey(["raw", "articles"])
ARTICLE_REJECTS = dg.AssetKey(["raw", "article_rejects"])


class IngestConfig(dg.Config):
    inbox: str | None = None  # overrides the inbox resource for one run (`conflict-events run --inbox`)


@dg.multi_asset(
    name="ingest_articles",
    group_name="ingest",
    specs=[
        dg.AssetSpec(ARTICLES, kinds={"python", "duckdb"},
                     description="Articles read from the inbox (files, feeds), one row per stable article id."),
        dg.AssetSpec(ARTICLE_REJECTS, kinds={"python", "duckdb"},
                     description="Inputs that could not become articles, with the reason."),
    ],
    check_specs=[
        dg.AssetCheckSpec("every_input_accounted_for", asset=ARTICLES,
                          description="Each input read is a new article, an already stored one, or a reject."),
    ],
)
def ingest_articles(
    context: dg.AssetExecutionContext, config: IngestConfig, warehouse: WarehouseResource, inbox: InboxResource
) -> Iterator[dg.MaterializeResult | dg.AssetCheckResult]:
    from pipelines.ingest import ingest_paths
    from pipelines.warehouse import table_counts

    folder = config.inbox or inbox.path
    context.log.info(f"ingesting {folder}")
    with warehouse.connect() as con:
        stats = ingest_paths(con, [folder])
        counts = table_counts(con)
    for reason in stats.reject_reasons:
        context.log.warning(f"rejected {reason}")
    yield dg.MaterializeResult(
        asset_key=ARTICLES,
        metadata={
            "inbox": folder,
            "inputs_read": stats.read,
            "new_articles": stats.inserted,
            "already_stored": stats.already_present,
            "repeated_in_input": stats.duplicates_in_input,
            "rejected": stats.rejected,
            "dagster/row_count": counts.get("raw.articles", 0),
        },
    )
    yield dg.MaterializeResult(
        asset_key=ARTICLE_REJECTS,
        metadata={
            "rejected_this_run": stats.rejected,
            "reasons": dg.MetadataValue.md("\n".join(f"- {r}" for r in stats.reject_reasons[:50]) or "none"),
            "dagster/row_count": counts.get("raw.article_rejects", 0),
        },
    )
    yield dg.AssetCheckResult(
        check_name="every_input_accounted_for",
        asset_key=ARTICLES,
        passed=stats.accounted_for,
        metadata={"read": stats.read, "new": stats.inserted, "already_stored": stats.already_present,
                  "repeated_in_input": stats.duplicates_in_input, "rejected": stats.rejected},
    )
