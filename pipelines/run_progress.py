"""A Dagster logger for the terminal: one line when a step starts, ends or fails.

`conflict-events run` uses it instead of Dagster's console logger, whose per-event lines are
meant for the run log in the UI rather than for a person watching a terminal.
"""

from __future__ import annotations

import logging
import sys
import time

import dagster as dg

_VERBS = {"STEP_START": "started", "STEP_SUCCESS": "done", "STEP_FAILURE": "FAILED"}


class _StepLines(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self._started: dict[str, float] = {}

    def emit(self, record: logging.LogRecord) -> None:
        meta = getattr(record, "dagster_meta", None) or {}
        event = meta.get("dagster_event")
        verb = _VERBS.get(getattr(event, "event_type_value", ""))
        if event is None or verb is None:
            return
        step = event.step_key or "run"
        now = time.perf_counter()
        if verb == "started":
            self._started[step] = now
            sys.stderr.write(f"  {step}: started\n")
        else:
            took = now - self._started.get(step, now)
            sys.stderr.write(f"  {step}: {verb} in {took:.1f}s\n")
        sys.stderr.flush()


@dg.logger(description="One terminal line per step start, success or failure.")
def step_progress_logger(_init_context: dg.InitLoggerContext) -> logging.Logger:
    logger = logging.getLogger("conflict_events.run_progress")
    logger.setLevel(logging.DEBUG)
    logger.propagate = False
    if not logger.handlers:
        logger.addHandler(_StepLines())
    return logger
