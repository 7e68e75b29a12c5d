"""The event coder(s): plain Python, no Dagster imports."""
