"""Dagster resources, configured from the environment (CONFLICT_EVENTS_HOME)."""

from collections.abc import Iterator
from contextlib import contextmanager

import dagster as dg
import duckdb


class WarehouseResource(dg.ConfigurableResource):
    """The DuckDB warehouse file. Connections are opened per step and closed at once, because
    DuckDB allows one writer process and dbt needs the file after the Python steps."""

    path: str

    @contextmanager
    def connect(self) -> Iterator[duckdb.DuckDBPyConnection]:
        from pipelines.warehouse import connect, ensure_schema

        with connect(self.path) as con:
            ensure_schema(con)
            yield con


class InboxResource(dg.ConfigurableResource):
    """The folder scheduled runs and the sensor ingest from."""

    path: str
