"""`conflict-events run`: the Dagster job in-process (the same definitions the UI loads), then a
short summary a person can read."""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

from pipelines.settings import SAMPLES_DIR, Settings

JOB_NAME = "ingest_extract_build"


@dataclass
class RunSummary:
    success: bool
    warehouse: Path
    inbox: Path
    step_metadata: dict[str, dict[str, object]] = field(default_factory=dict)
    failures: list[str] = field(default_factory=list)
    events_by_type: list[tuple[str, int, int]] = field(default_factory=list)
    events_by_country: list[tuple[str, int, int]] = field(default_factory=list)
    table_counts: dict[str, int] = field(default_factory=dict)

    def render(self) -> str:
        art = self.step_metadata.get("raw/articles", {})
        ev = self.step_metadata.get("raw/events", {})
        lines = [
            f"run {'succeeded' if self.success else 'FAILED'} — inbox {self.inbox}",
            f"articles: {art.get('inputs_read', 0)} inputs read, {art.get('new_articles', 0)} new, "
            f"{art.get('already_stored', 0)} already stored, {art.get('rejected', 0)} rejected",
            f"events:   {ev.get('articles_coded', 0)} articles coded ({ev.get('coder', '')}), "
            f"{ev.get('new_events', 0)} new events",
        ]
        reasons = str(self.step_metadata.get("raw/article_rejects", {}).get("reasons", ""))
        lines += [f"  rejected {line[2:]}" for line in reasons.splitlines() if line.startswith("- ")]
        lines += [f"  failed: {f}" for f in self.failures]
        if self.events_by_type:
            lines.append("events in the warehouse by type (events, fatalities):")
            lines += [f"  {name:<32} {n:>5} {f:>6}" for name, n, f in self.events_by_type]
        if self.events_by_country:
            lines.append("by country:")
            lines += [f"  {name:<32} {n:>5} {f:>6}" for name, n, f in self.events_by_country]
        if self.table_counts:
            lines.append("tables: " + ", ".join(f"{k} {v}" for k, v in self.table_counts.items()))
        cli = _command_name()
        lines += [
            f"warehouse: {self.warehouse}",
            f"query:     {cli} query \"SELECT * FROM marts.fct_events LIMIT 10\"",
            f"export:    {cli} export -o events.csv",
            f"UI:        {cli} ui   (then open http://127.0.0.1:3000)",
        ]
        return "\n".join(lines)


def _command_name() -> str:
    """How to call the command again from here: the venv's script, relative when it is near."""
    script = Path(sys.executable).with_name("conflict-events")
    if not script.exists():
        return "conflict-events"
    relative = os.path.relpath(script)
    return relative if not relative.startswith("..") else str(script)


def seed_inbox(settings: Settings) -> int:
    """Copy the bundled sample articles into an empty inbox so a fresh clone has something to run on."""
    inbox = settings.inbox
    if any(p for p in inbox.rglob("*") if p.is_file()):
        return 0
    copied = 0
    for folder in ("inbox", "feeds"):
        src = SAMPLES_DIR / folder
        if src.is_dir():
            for path in sorted(src.iterdir()):
                if path.is_file():
                    shutil.copy2(path, inbox / path.name)
                    copied += 1
    return copied


def run_pipeline(settings: Settings, inbox: Path, coder: str = "rules") -> RunSummary:
    import dagster as dg

    from pipelines.definitions import build_definitions
    from pipelines.run_progress import step_progress_logger

    defs = build_definitions(settings)
    job = defs.resolve_job_def(JOB_NAME).with_logger_defs({"progress": step_progress_logger})
    run_config = {
        # The full log is the run's event log (in the UI); the terminal gets one line per step.
        "loggers": {"progress": {}},
        "ops": {
            "ingest_articles": {"config": {"inbox": str(inbox)}},
            "extract_events": {"config": {"coder": coder}},
        }
    }
    log_path = settings.home / "last-run.log"
    sys.stderr.write(f"running ingest → extract → dbt build (dbt's output: {log_path})\n")
    with dg.DagsterInstance.get() as instance, log_path.open("w") as log, contextlib.redirect_stdout(log):
        result = job.execute_in_process(run_config=run_config, instance=instance, raise_on_error=False)
    summary = RunSummary(success=result.success, warehouse=settings.warehouse, inbox=inbox)
    for event in result.get_asset_materialization_events():
        mat = event.materialization
        summary.step_metadata[mat.asset_key.to_user_string()] = {k: v.value for k, v in mat.metadata.items()}
    for event in result.all_events:
        if event.is_step_failure:
            summary.failures.append(f"{event.step_key}: {event.step_failure_data.error.message.strip().splitlines()[0]}")
    if settings.warehouse.exists():
        _add_warehouse_overview(summary)
    return summary


def _add_warehouse_overview(summary: RunSummary) -> None:
    from pipelines.query import open_read_only

    with open_read_only(summary.warehouse) as con:
        tables = {(s, t) for s, t in con.execute(
            "SELECT table_schema, table_name FROM information_schema.tables").fetchall()}
        if ("marts", "fct_events") in tables:
            summary.events_by_type = con.execute(
                "SELECT event_type, count(*), sum(fatalities) FROM marts.fct_events GROUP BY 1 ORDER BY 2 DESC"
            ).fetchall()
            summary.events_by_country = con.execute(
                "SELECT country, count(*), sum(fatalities) FROM marts.fct_events GROUP BY 1 ORDER BY 2 DESC LIMIT 10"
            ).fetchall()
        for schema, table in sorted(tables):
            if schema in ("raw", "marts"):
                summary.table_counts[f"{schema}.{table}"] = con.execute(
                    f'SELECT count(*) FROM "{schema}"."{table}"').fetchone()[0]
