"""The `conflict-events` command: contracts other tools rely on, and one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from pipelines.cli import main

ARTICLES = [
    {"id": "t1", "published_at": "2024-03-05",
     "text": "Gunmen attacked the village of Tungan Mallam in Zamfara State, Nigeria, on Monday, "
             "killing four farmers, residents said."},
    {"id": "t2", "published_at": "2024-03-05",
     "text": "The central bank held interest rates steady on Tuesday, citing slowing inflation."},
]


def write_jsonl(path: Path, rows: list[dict], extra_lines: tuple[str, ...] = ()) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows) + "".join(line + "\n" for line in extra_lines))
    return path


def test_schema_prints_the_event_json_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert "sub_event_type" in schema["properties"]
    assert "Battles" in json.dumps(schema)


def test_extract_writes_events_and_reports_bad_lines(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = write_jsonl(tmp_path / "articles.jsonl", ARTICLES, extra_lines=("{not json",))
    out = tmp_path / "events.jsonl"
    assert main(["extract", str(src), "-o", str(out)]) == 0
    events = [json.loads(line) for line in out.read_text().splitlines()]
    assert {e["article_id"] for e in events} == {"t1"}, "the bank story is not an event"
    first = events[0]
    assert first["event_type"] == "Violence against civilians"
    assert first["country"] == "Nigeria"
    assert first["fatalities"] == 4
    assert first["event_date"] == "2024-03-04"
    err = capsys.readouterr().err
    assert "rejected" in err and "line 3" in err


def test_errors_are_one_line_without_traceback(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "pipelines.cli", "extract", str(tmp_path / "missing.jsonl"), "-o", str(tmp_path / "o")],
        capture_output=True, text=True,
    )
    assert proc.returncode == 1
    assert proc.stderr.strip().count("\n") == 0
    assert "no such file" in proc.stderr and "Traceback" not in proc.stderr


def test_unknown_coder_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = write_jsonl(tmp_path / "a.jsonl", ARTICLES[:1])
    assert main(["extract", str(src), "-o", str(tmp_path / "e.jsonl"), "--coder", "nope"]) == 1
    assert "nope" in capsys.readouterr().err


def test_query_without_a_warehouse_says_what_to_do(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("CONFLICT_EVENTS_HOME", str(tmp_path / "home"))
    assert main(["query", "SELECT 1"]) == 1
    assert "conflict-events run" in capsys.readouterr().err
