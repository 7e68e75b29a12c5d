"""Run the dbt project (dbt_project/ at the repository root) against a warehouse file."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

WAREHOUSE_ENV = "CONFLICT_EVENTS_WAREHOUSE"


class DbtBuildError(RuntimeError):
    """`dbt build` failed; the message carries dbt's last output lines."""


def dbt_project_dir() -> Path:
    """The dbt project beside the `pipelines` package (the project is installed editable)."""
    return Path(__file__).resolve().parents[2] / "dbt_project"


def dbt_executable() -> str:
    """The `dbt` of this interpreter's environment, else the first on PATH."""
    beside_python = Path(sys.executable).with_name("dbt")
    if beside_python.exists():
        return str(beside_python)
    found = shutil.which("dbt")
    if found is None:
        raise DbtBuildError("dbt is not installed in this environment")
    return found


def run_dbt_build(warehouse: Path, *, artifacts_dir: Path | None = None, max_lines: int = 30) -> None:
    """`dbt build` (models, data tests, unit tests) on `warehouse`; raises DbtBuildError on failure.

    `artifacts_dir` receives dbt's target/ and logs/ (default: DBT_TARGET_PATH / DBT_LOG_PATH when
    set, else dbt_project/target and dbt_project/logs). A missing warehouse file is an error rather
    than a new empty database."""
    if not Path(warehouse).is_file():
        raise FileNotFoundError(f"no warehouse at {warehouse}: ingest articles first")
    project = dbt_project_dir()
    env = {
        **os.environ,
        WAREHOUSE_ENV: str(Path(warehouse).resolve()),
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
        "DBT_USE_COLORS": "false",
    }
    if artifacts_dir is not None:
        env["DBT_TARGET_PATH"] = str(Path(artifacts_dir) / "target")
        env["DBT_LOG_PATH"] = str(Path(artifacts_dir) / "logs")
    command = [dbt_executable(), "build", "--project-dir", str(project), "--profiles-dir", str(project)]
    result = subprocess.run(command, env=env, cwd=project, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        output = (result.stdout + result.stderr).strip().splitlines()
        raise DbtBuildError(
            f"dbt build failed (exit {result.returncode}):\n" + failure_summary(output, max_lines)
        )


def failure_summary(output: list[str], max_lines: int = 30) -> str:
    """dbt's error count, its first failures and its totals line; the output's tail when dbt
    crashed before it could summarise."""
    starts = [i for i, line in enumerate(output) if "Completed with" in line]
    if not starts:
        return "\n".join(output[-max_lines:])
    summary = output[starts[-1] : starts[-1] + max_lines]
    totals = [line for line in output if "Done. PASS=" in line]
    return "\n".join(summary + [line for line in totals[-1:] if line not in summary])
