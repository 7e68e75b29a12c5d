"""A small progress line for long CLI work: redrawn in place on a terminal, sparse in logs."""

from __future__ import annotations

import sys
import time
from typing import TextIO


class Progress:
    def __init__(self, label: str, total: int | None = None, stream: TextIO | None = None) -> None:
        self.label = label
        self.total = total
        self.stream = stream or sys.stderr
        self.done = 0
        self._tty = self.stream.isatty()
        self._last = 0.0
        self._started = time.perf_counter()

    def advance(self, n: int = 1) -> None:
        self.done += n
        now = time.perf_counter()
        if now - self._last >= (0.2 if self._tty else 10.0):
            self._last = now
            self._draw(final=False)

    def finish(self) -> None:
        self._draw(final=True)

    def _draw(self, final: bool) -> None:
        elapsed = time.perf_counter() - self._started
        of = f"/{self.total}" if self.total is not None else ""
        rate = self.done / elapsed if elapsed > 0 else 0.0
        line = f"{self.label}: {self.done}{of} ({rate:.0f}/s)"
        if self._tty:
            self.stream.write("\r" + line + ("\n" if final else ""))
        else:
            self.stream.write(line + "\n")
        self.stream.flush()
