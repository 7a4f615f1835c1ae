"""The one place where the core catches plugin failures.

pluggy lets an exception from any implementation abort the whole hook call;
the core wraps each source, document and item in :meth:`Isolation.guard` so
that a failure costs only that unit, is recorded with the stage, plugin and
source, and is announced through ``aggregator_error``.
"""

from __future__ import annotations

import logging
import os
import traceback
from dataclasses import dataclass
from types import TracebackType
from typing import TYPE_CHECKING

from .errors import DocumentError, SkipDocument, SourceError
from .run import Problem, RunReport
from .store_errors import is_damaged

if TYPE_CHECKING:
    from .config import SourceConfig
    from .hooks import Hooks
    from .models import Item

log = logging.getLogger("aggregator.run")

EXPECTED = (SourceError, DocumentError)


@dataclass
class Outcome:
    """Set by :meth:`Isolation.guard`: whether the guarded block failed or was skipped."""

    failed: bool = False
    skipped: bool = False


class Guard:
    """See :meth:`Isolation.guard`. A class, not a generator: a run enters one for
    every document and every item, and a generator's context manager costs three times
    as much to enter and leave. A block that runs several stages one after the other
    sets :attr:`stage` as it goes, so a failure is reported under the stage it hit.
    A damaged state file is no one source's or item's problem: its error leaves
    the guard and stops the run (exit 4)."""

    __slots__ = ("isolation", "item", "outcome", "source", "stage", "where")

    def __init__(
        self,
        isolation: Isolation,
        stage: str,
        source: SourceConfig | None,
        item: Item | None,
        where: str | None,
    ) -> None:
        self.isolation = isolation
        self.stage = stage
        self.source = source
        self.item = item
        self.where = where
        self.outcome = Outcome()

    def __enter__(self) -> Outcome:
        return self.outcome

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> bool:
        if error is None:
            return False
        if isinstance(error, SkipDocument):
            self.outcome.skipped = True
            where = self.where or self.stage
            self.isolation.report.skipped.append(f"{where}: {error}")
            log.info("skipped %s: %s", where, error)
            return True
        if isinstance(error, Exception) and not is_damaged(error):
            self.outcome.failed = True
            self.isolation.record(
                self.stage, error, source=self.source, item=self.item, where=self.where
            )
            return True
        return False


class Isolation:
    def __init__(self, hooks: Hooks, report: RunReport, plugin_files: dict[str, str]) -> None:
        self.hooks = hooks
        self.report = report
        self.plugin_files = {os.path.realpath(path): name for path, name in plugin_files.items()}

    def guard(
        self,
        stage: str,
        *,
        source: SourceConfig | None = None,
        item: Item | None = None,
        where: str | None = None,
    ) -> Guard:
        """A context manager that records an exception raised in its block as a problem
        of ``stage`` instead of letting it out (SkipDocument as a skip), and yields the
        :class:`Outcome`."""
        return Guard(self, stage, source, item, where)

    def record(
        self,
        stage: str,
        error: BaseException,
        *,
        source: SourceConfig | None = None,
        item: Item | None = None,
        where: str | None = None,
    ) -> Problem:
        expected = isinstance(error, EXPECTED)
        message = str(error) if expected else f"{type(error).__name__}: {error}"
        problem = Problem(
            stage=stage,
            message=message,
            plugin=None if expected else self.blame(error),
            source=source.name if source else None,
            where=where or (item.uri if item else None),
        )
        self.report.errors.append(problem)
        log.error("%s", problem.line())
        if not expected:
            log.debug("".join(traceback.format_exception(error)))
        try:
            self.hooks.error(stage, error, source, item)
        except Exception as hook_error:
            log.error("an aggregator_error hook failed: %s", hook_error)
        return problem

    def blame(self, error: BaseException) -> str | None:
        """The plugin whose code raised: the innermost traceback frame in a plugin file."""
        blamed = None
        for frame, _ in traceback.walk_tb(error.__traceback__):
            name = self.plugin_files.get(os.path.realpath(frame.f_code.co_filename))
            if name is not None:
                blamed = name
        return blamed
