"""Where state lives: one setting, CONFLICT_EVENTS_HOME.

It holds the warehouse file, the inbox that scheduled ingestion reads, and Dagster's home.
The default is `var/` in the project directory, so a fresh clone writes nowhere else.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
SAMPLES_DIR = PROJECT_DIR / "samples"

_DAGSTER_YAML = """\
# Written by conflict-events. One run at a time: DuckDB allows a single writer.
telemetry:
  enabled: false
run_queue:
  max_concurrent_runs: 1
"""


@dataclass(frozen=True)
class Settings:
    home: Path

    @property
    def warehouse(self) -> Path:
        return self.home / "warehouse.duckdb"

    @property
    def inbox(self) -> Path:
        return self.home / "inbox"

    @property
    def dagster_home(self) -> Path:
        return self.home / "dagster"

    @property
    def dbt_target(self) -> Path:
        return self.home / "dbt" / "target"

    @property
    def dbt_logs(self) -> Path:
        return self.home / "dbt" / "logs"


def load_settings() -> Settings:
    """Settings from the environment (CONFLICT_EVENTS_HOME), defaulting to `<project>/var`."""
    home = Path(os.environ.get("CONFLICT_EVENTS_HOME") or PROJECT_DIR / "var").expanduser().resolve()
    return Settings(home=home)


def prepare_home(settings: Settings) -> None:
    """Create the state folders and Dagster's instance config, and point DAGSTER_HOME at it."""
    settings.inbox.mkdir(parents=True, exist_ok=True)
    settings.dagster_home.mkdir(parents=True, exist_ok=True)
    config = settings.dagster_home / "dagster.yaml"
    if not config.exists():
        config.write_text(_DAGSTER_YAML)
    os.environ["DAGSTER_HOME"] = str(settings.dagster_home)
    dbt_environment(settings)


def dbt_environment(settings: Settings) -> None:
    """Point dbt at the warehouse and keep its logs and build output under the home folder."""
    os.environ["CONFLICT_EVENTS_WAREHOUSE"] = str(settings.warehouse)
    os.environ["DBT_LOG_PATH"] = str(settings.dbt_logs)
    os.environ["DBT_TARGET_PATH"] = str(settings.dbt_target)
    os.environ.setdefault("DBT_SEND_ANONYMOUS_USAGE_STATS", "false")
