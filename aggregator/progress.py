"""Progress of a long run: a bar with the total and the time left on a terminal,
a plain line every few seconds otherwise (a log file, a service's journal).

With ``-q`` the command line passes no progress at all. The total is the
number of inputs the fetchers announced (``Run.expect_documents``); when none
did, the counts are shown without a total.
"""

from __future__ import annotations

import shutil
import sys
import time
from typing import TextIO

from .run import RunReport

BAR_WIDTH = 24
PLAIN_INTERVAL = 10.0
"""Seconds between two plain progress lines when stderr is not a terminal."""


def done_documents(report: RunReport) -> int:
    return report.documents + report.documents_unchanged + report.documents_failed


def time_left(report: RunReport, done: int, total: int) -> str:
    """The time left at the rate so far, as H:MM:SS, or "" until it can be told."""
    elapsed = report.seconds
    if done <= 0 or total <= done or elapsed < 1.0:
        return ""
    seconds = int(elapsed / done * (total - done))
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02}:{rest % 60:02}"


def counts(report: RunReport) -> str:
    dropped = sum(report.dropped.values())
    return f"{report.kept} kept, {dropped} dropped, {len(report.errors)} errors"


class ProgressLine:
    """Called by the pipeline after each input with the report so far."""

    def __init__(self, stream: TextIO | None = None, interval: float = 0.1) -> None:
        self.stream = stream or sys.stderr
        self.terminal = self.stream.isatty()
        self.interval = interval if self.terminal else PLAIN_INTERVAL
        self.last = time.monotonic()
        self.shown = False

    def __call__(self, report: RunReport, where: str) -> None:
        now = time.monotonic()
        if now - self.last < self.interval:
            return
        self.last = now
        if self.terminal:
            self.draw(report, where)
        else:
            self.stream.write(self.plain_line(report) + "\n")
            self.stream.flush()

    def draw(self, report: RunReport, where: str) -> None:
        done, total = done_documents(report), report.documents_expected
        if total > 0:
            share = min(1.0, done / total)
            filled = int(share * BAR_WIDTH)
            bar = "#" * filled + "-" * (BAR_WIDTH - filled)
            left = time_left(report, done, total)
            line = (
                f"[{bar}] {share:4.0%} {done:,}/{total:,} inputs"
                + (f" · {left} left" if left else "")
                + f" · {counts(report)} · {where}"
            )
        else:
            line = f"{done:,} inputs · {counts(report)} · {where}"
        width = shutil.get_terminal_size((80, 20)).columns - 1
        self.stream.write("\r" + line[:width].ljust(width))
        self.stream.flush()
        self.shown = True

    @staticmethod
    def plain_line(report: RunReport) -> str:
        done, total = done_documents(report), report.documents_expected
        if total > 0:
            left = time_left(report, done, total)
            return (
                f"progress: {done:,} of {total:,} inputs ({min(1.0, done / total):.0%})"
                + (f", about {left} left" if left else "")
                + f"; {counts(report)}"
            )
        return f"progress: {done:,} inputs; {counts(report)}"

    def clear(self) -> None:
        if self.shown:
            width = shutil.get_terminal_size((80, 20)).columns - 1
            self.stream.write("\r" + " " * width + "\r")
            self.stream.flush()
            self.shown = False
