"""Read-only SQL against the warehouse, for people and scripts (`conflict-events query`)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import duckdb


class WarehouseMissing(FileNotFoundError):
    pass


def open_read_only(warehouse: Path) -> duckdb.DuckDBPyConnection:
    """A read-only connection that cannot reach files or the network beyond the warehouse, so a
    query typed by a user can read the tables and nothing else on the machine."""
    if not warehouse.is_file():
        raise WarehouseMissing(f"no warehouse at {warehouse}: run `conflict-events run` first")
    return duckdb.connect(str(warehouse), read_only=True, config={"enable_external_access": False})


def run_query(warehouse: Path, sql: str, fmt: str = "table", max_rows: int = 10_000) -> str:
    with open_read_only(warehouse) as con:
        cur = con.execute(sql)
        if cur.description is None:
            return ""
        columns = [d[0] for d in cur.description]
        rows = cur.fetchmany(max_rows)
    return format_rows(columns, rows, fmt)


def format_rows(columns: list[str], rows: list[tuple[Any, ...]], fmt: str) -> str:
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows(rows)
        return buf.getvalue()
    if fmt == "json":
        return "".join(json.dumps(dict(zip(columns, r, strict=True)), default=str) + "\n" for r in rows)
    cells = [[_cell(v) for v in r] for r in rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    line = "  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True))
    out = [line, "  ".join("-" * w for w in widths)]
    out += ["  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)) for r in cells]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out) + "\n"


def _cell(value: Any, limit: int = 60) -> str:
    text = "" if value is None else str(value).replace("\n", " ")
    return text if len(text) <= limit else text[: limit - 1] + "…"
