"""The state of one run, handed to hooks, and the report it ends with."""

from __future__ import annotations

import threading
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .config import Config
    from .store import Store


_COUNTER_LOCK = threading.Lock()


@dataclass
class Problem:
    """One failure the core isolated: what stage, which plugin, where, and why."""

    stage: str
    message: str
    plugin: str | None = None
    source: str | None = None
    where: str | None = None

    def line(self) -> str:
        parts = [self.stage]
        if self.source:
            parts.append(f"source {self.source!r}")
        if self.where:
            parts.append(self.where)
        if self.plugin:
            parts.append(f"plugin {self.plugin!r}")
        return " · ".join(parts) + f": {self.message}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "stage": self.stage,
            "message": self.message,
            "plugin": self.plugin,
            "source": self.source,
            "where": self.where,
        }


@dataclass
class RunReport:
    """What a run did. Printed as the run summary and passed to ``aggregator_run_finish``."""

    sources: int = 0
    sources_unchanged: int = 0
    documents: int = 0
    documents_unchanged: int = 0
    documents_expected: int = 0
    """Inputs the fetchers said they would look at; 0 when none said."""
    documents_failed: int = 0
    items: int = 0
    items_new: int = 0
    items_updated: int = 0
    items_stored: int = 0
    """Items committed to the store so far (whole batches): what an interrupted run keeps."""
    kept: int = 0
    dropped: Counter[str] = field(default_factory=Counter)
    skipped: list[str] = field(default_factory=list)
    stories_new: int = 0
    stories_updated: int = 0
    published: list[Path] = field(default_factory=list)
    errors: list[Problem] = field(default_factory=list)
    stage_seconds: defaultdict[str, float] = field(default_factory=lambda: defaultdict(float))
    started: float = field(default_factory=time.monotonic)
    finished: float | None = None

    def count_item(self, *, new: bool) -> None:
        """One item processed in this run: new, or an update of a stored one."""
        self.items += 1
        if new:
            self.items_new += 1
        else:
            self.items_updated += 1

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def seconds(self) -> float:
        end = self.finished if self.finished is not None else time.monotonic()
        return end - self.started

    def to_dict(self) -> dict[str, Any]:
        return {
            "sources": self.sources,
            "sources_unchanged": self.sources_unchanged,
            "documents": self.documents,
            "documents_unchanged": self.documents_unchanged,
            "items": self.items,
            "items_new": self.items_new,
            "items_updated": self.items_updated,
            "kept": self.kept,
            "dropped": dict(self.dropped),
            "skipped": list(self.skipped),
            "stories_new": self.stories_new,
            "stories_updated": self.stories_updated,
            "published": [str(path) for path in self.published],
            "errors": [problem.to_dict() for problem in self.errors],
            "seconds": round(self.seconds, 3),
            "stage_seconds": {k: round(v, 3) for k, v in sorted(self.stage_seconds.items())},
        }

    def summary_lines(self) -> list[str]:
        dropped = sum(self.dropped.values())
        lines = [
            f"sources: {self.sources} read ({self.sources_unchanged} unchanged)",
            f"documents: {self.documents} parsed, {self.documents_unchanged} unchanged",
            f"items: {self.items} processed ({self.items_new} new, {self.items_updated} updated),"
            f" {self.kept} kept, {dropped} dropped",
        ]
        for reason, count in self.dropped.most_common():
            lines.append(f"  dropped {count}: {reason}")
        for reason in self.skipped:
            lines.append(f"  skipped: {reason}")
        lines.append(f"stories: {self.stories_new} new, {self.stories_updated} updated")
        if self.published:
            lines.append("published: " + ", ".join(str(path) for path in self.published))
        lines.append(f"errors: {len(self.errors)}")
        for problem in self.errors:
            lines.append(f"  {problem.line()}")
        lines.append(f"took {self.seconds:.2f} s")
        return lines


@dataclass
class Run:
    """One pass of the pipeline. Plugins get it in ``aggregator_fetch`` and the run hooks.

    ``now`` is fixed for the whole run so that every item processed in it
    shares one first-seen time. ``reprocess`` asks sources to deliver
    unchanged inputs again.
    """

    config: Config
    store: Store
    now: datetime
    report: RunReport = field(default_factory=RunReport)
    reprocess: bool = False
    state: dict[str, Any] = field(default_factory=dict)
    source_states: dict[str, dict[str, Any]] = field(default_factory=dict)

    def source_state(self, name: str) -> dict[str, Any]:
        """The remembered fetch state of one source (validators, failures, next attempt...).

        Loaded before fetching and saved after it by the core, so fetchers,
        which may run in threads, change this dict and never touch the store.
        """
        return self.source_states.setdefault(name, {})

    def expect_documents(self, count: int) -> None:
        """Called by a fetcher that knows how many inputs it will look at (a files
        source after matching its patterns), so progress can show a total and the
        time left. Optional: without it, progress shows counts only."""
        with _COUNTER_LOCK:
            self.report.documents_expected += count

    def note_unchanged(self, uri: str) -> None:
        """Called by a fetcher for each input it did not deliver because it has not changed."""
        with _COUNTER_LOCK:
            self.report.documents_unchanged += 1
