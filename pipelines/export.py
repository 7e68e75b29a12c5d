"""`conflict-events export`: the `acled_export` mart as a CSV that tools written for ACLED read."""

from __future__ import annotations

import csv
from pathlib import Path

from pipelines.query import open_read_only
from schemas.taxonomy import ACLED_COLUMNS


def export_acled_csv(warehouse: Path, output: Path) -> int:
    """Write ACLED's 31 columns in ACLED's order, one row per mart event; returns the row count."""
    with open_read_only(warehouse) as con:
        found = con.execute(
            "SELECT table_schema FROM information_schema.tables WHERE table_name = 'acled_export'"
        ).fetchone()
        if found is None:
            raise LookupError("the acled_export mart is missing: run `conflict-events run` first")
        relation = f'"{found[0]}"."acled_export"'
        columns = ", ".join(f'"{c}"' for c in ACLED_COLUMNS)
        rows = con.execute(f"SELECT {columns} FROM {relation} ORDER BY event_date, event_id_cnty").fetchall()
    output.parent.mkdir(parents=True, exist_ok=True)
    with output.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(ACLED_COLUMNS)
        writer.writerows(rows)
    return len(rows)
