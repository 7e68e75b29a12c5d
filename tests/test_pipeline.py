"""End to end in-process: the Dagster definitions on a temporary DuckDB, run twice."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from pipelines.definitions import build_definitions
from pipelines.export import export_acled_csv
from pipelines.runner import run_pipeline
from pipelines.settings import SAMPLES_DIR, Settings, prepare_home
from schemas import ACLED_COLUMNS

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    s = Settings(home=tmp_path_factory.mktemp("home"))
    prepare_home(s)
    for path in sorted((SAMPLES_DIR / "inbox").iterdir()):
        shutil.copy2(path, s.inbox / path.name)
    (s.inbox / "broken.jsonl").write_text('{"id": "x", "text": "no date here"}\n')
    return s


@pytest.fixture(scope="module")
def defs(settings: Settings) -> dg.Definitions:
    return build_definitions(settings)


def counts(warehouse: Path) -> dict[str, int]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        tables = con.execute(
            "SELECT table_schema, table_name FROM information_schema.tables WHERE table_schema IN ('raw', 'marts')"
        ).fetchall()
        return {f"{s}.{t}": con.execute(f'SELECT count(*) FROM "{s}"."{t}"').fetchone()[0] for s, t in tables}


def test_asset_graph_shows_ingest_extract_and_every_dbt_model(defs: dg.Definitions) -> None:
    graph = defs.resolve_asset_graph()
    keys = {k.to_user_string() for k in graph.get_all_asset_keys()}
    assert {"raw/articles", "raw/article_rejects", "raw/events", "raw/event_rejects", "raw/extraction_runs"} <= keys
    assert {"staging/stg_events", "intermediate/int_events_fused", "marts/fct_events", "marts/dim_actors",
            "marts/dim_locations", "marts/acled_export", "marts/agg_events_monthly"} <= keys
    for key in graph.get_all_asset_keys():
        node = graph.get(key)
        assert node.description, f"{key.to_user_string()} has no description"
        assert node.kinds, f"{key.to_user_string()} has no kinds"
    check_names = {c.name for c in graph.asset_check_keys}
    assert "every_input_accounted_for" in check_names and "every_article_extracted" in check_names
    assert any(name.startswith(("not_null", "unique", "accepted_values")) for name in check_names), \
        "dbt tests show up as asset checks"


def test_run_then_materialize_again_is_idempotent(settings: Settings, defs: dg.Definitions, tmp_path: Path) -> None:
    first = run_pipeline(settings, inbox=settings.inbox)
    assert first.success, first.failures
    assert "articles:" in first.render()
    after_first = counts(settings.warehouse)
    assert after_first["raw.articles"] >= 12
    assert after_first["raw.article_rejects"] >= 1
    assert after_first["raw.events"] > 0 and after_first["marts.fct_events"] > 0

    result = dg.materialize(
        defs.assets,
        resources=defs.resources,
        instance=dg.DagsterInstance.ephemeral(),
        run_config={"ops": {"ingest_articles": {"config": {"inbox": str(settings.inbox)}}}},
    )
    assert result.success
    checks = {c.check_name: c.passed for c in result.get_asset_check_evaluations()}
    assert checks["every_input_accounted_for"] and checks["every_article_extracted"]
    assert all(checks.values()), [name for name, ok in checks.items() if not ok]
    assert counts(settings.warehouse) == after_first

    out = tmp_path / "export.csv"
    n = export_acled_csv(settings.warehouse, out)
    with out.open(newline="") as fh:
        rows = list(csv.reader(fh))
    assert tuple(rows[0]) == ACLED_COLUMNS
    assert n == len(rows) - 1 == after_first["marts.acled_export"] == after_first["marts.fct_events"]
