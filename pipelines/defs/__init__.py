"""Dagster wiring: assets, asset checks, resources, jobs, schedules, sensors. Thin by design:
the work itself lives in plain modules (`pipelines.ingest`, `pipelines.extract`, dbt)."""
