"""The default coder gives the same output for the same input, whatever Python's hash seed:
a tie broken by set order would make two runs of the pipeline disagree."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from pipelines.settings import SAMPLES_DIR


def extract_with_hash_seed(articles: Path, out: Path, seed: str) -> bytes:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    subprocess.run([sys.executable, "-m", "pipelines.cli", "extract", str(articles), "-o", str(out)],
                   check=True, env=env, capture_output=True)
    return out.read_bytes()


def test_extract_is_identical_across_hash_seeds(tmp_path: Path) -> None:
    articles = tmp_path / "articles.jsonl"
    articles.write_text("".join(p.read_text() for p in sorted((SAMPLES_DIR / "inbox").glob("*.jsonl"))))
    first = extract_with_hash_seed(articles, tmp_path / "a.jsonl", "1")
    second = extract_with_hash_seed(articles, tmp_path / "b.jsonl", "2")
    assert first.count(b"\n") >= 10
    assert first == second
