"""Measuring the event coder: per-field reports against human-coded ACLED exports, and
synthetic articles for timing it. Plain Python, no Dagster imports."""
