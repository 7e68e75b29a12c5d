"""The job that runs everything, a daily schedule and an inbox sensor (both off by default:
turn them on in the UI under Automation, or with `dg launch`/`dagster-daemon` in production)."""

import hashlib
from pathlib import Path

import dagster as dg

pipeline_job = dg.define_asset_job(
    "ingest_extract_build",
    selection=dg.AssetSelection.all(),
    description="Ingest the inbox, extract events from new articles, load DuckDB and build the dbt models.",
)

daily_schedule = dg.ScheduleDefinition(
    name="daily_ingest",
    job=pipeline_job,
    cron_schedule="0 6 * * *",
    execution_timezone="UTC",
    default_status=dg.DefaultScheduleStatus.STOPPED,
    description="Every day at 06:00 UTC: ingest whatever arrived in the inbox.",
)


def inbox_fingerprint(folder: Path) -> str:
    """A digest of the inbox's file names, sizes and modification times: it changes when a file
    is added, replaced or removed."""
    digest = hashlib.sha256()
    if folder.is_dir():
        for path in sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.startswith(".")):
            stat = path.stat()
            digest.update(f"{path.relative_to(folder)}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()[:16]


def build_inbox_sensor(inbox: Path) -> dg.SensorDefinition:
    @dg.sensor(
        name="inbox_sensor",
        job=pipeline_job,
        minimum_interval_seconds=60,
        default_status=dg.DefaultSensorStatus.STOPPED,
        description=f"Runs the pipeline when files in {inbox} change.",
    )
    def inbox_sensor(context: dg.SensorEvaluationContext) -> dg.RunRequest | dg.SkipReason:
        fingerprint = inbox_fingerprint(inbox)
        if fingerprint == context.cursor:
            return dg.SkipReason("inbox unchanged")
        context.update_cursor(fingerprint)
        return dg.RunRequest(run_key=f"inbox-{fingerprint}")

    return inbox_sensor
