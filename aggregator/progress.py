"""A one-line progress display on a terminal; silent when stderr is not one."""

from __future__ import annotations

import shutil
import sys
import time
from typing import TextIO

from .run import RunReport

SPINNER = "|/-\\"


class ProgressLine:
    def __init__(self, stream: TextIO | None = None, interval: float = 0.1) -> None:
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty()
        self.interval = interval
        self.last = 0.0
        self.turns = 0
        self.shown = False

    def __call__(self, report: RunReport, where: str) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self.last < self.interval:
            return
        self.last = now
        self.turns += 1
        dropped = sum(report.dropped.values())
        line = (
            f"{SPINNER[self.turns % 4]} {report.documents} parsed, "
            f"{report.documents_unchanged} unchanged, {report.kept} kept, {dropped} dropped, "
            f"{len(report.errors)} errors · {where}"
        )
        width = shutil.get_terminal_size((80, 20)).columns - 1
        self.stream.write("\r" + line[:width].ljust(width))
        self.stream.flush()
        self.shown = True

    def clear(self) -> None:
        if self.shown:
            width = shutil.get_terminal_size((80, 20)).columns - 1
            self.stream.write("\r" + " " * width + "\r")
            self.stream.flush()
            self.shown = False
