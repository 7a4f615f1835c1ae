"""A typed facade over ``pm.hook``: the core calls hooks only through it.

pluggy's ``pm.hook`` is untyped; these methods give each call its real
signature and combine results as the hookspecs document.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pluggy

if TYPE_CHECKING:
    import click

    from .config import Config, SourceConfig
    from .models import Document, FeedInfo, Item, Output, Story
    from .run import Run, RunReport
    from .store import Store


class Hooks:
    """Calls the hooks of one project, passing its ``config`` to the hooks that take it."""

    def __init__(self, pm: pluggy.PluginManager, config: Config) -> None:
        self.pm = pm
        self.config = config
        self._hook = pm.hook

    def configure(self, config: Config) -> None:
        self._hook.aggregator_configure.call_historic(kwargs={"config": config})

    def register_commands(self, cli: click.Group) -> None:
        self._hook.aggregator_register_commands(cli=cli)

    def fetch(self, source: SourceConfig, run: Run) -> Iterable[Document] | None:
        result: Iterable[Document] | None = self._hook.aggregator_fetch(source=source, run=run)
        return result

    def parse(self, document: Document, source: SourceConfig) -> list[Item] | None:
        result: list[Item] | None = self._hook.aggregator_parse(
            document=document, source=source, config=self.config
        )
        return result

    def clean_item(self, item: Item) -> None:
        self._hook.aggregator_clean_item(item=item, config=self.config)

    def tag_item(self, item: Item) -> None:
        self._hook.aggregator_tag_item(item=item, config=self.config)

    def judge_item(self, item: Item) -> str | None:
        reason: str | None = self._hook.aggregator_judge_item(item=item, config=self.config)
        return reason

    def item_dropped(self, item: Item, reason: str) -> None:
        self._hook.aggregator_item_dropped(item=item, reason=reason, config=self.config)

    def cluster(self, items: list[Item], store: Store) -> None:
        self._hook.aggregator_cluster(items=items, store=store, config=self.config)

    def score_story(self, story: Story) -> float:
        scores: list[float | None] = self._hook.aggregator_score_story(
            story=story, config=self.config
        )
        return float(sum(score for score in scores if score is not None))

    def publish(self, feed: FeedInfo, stories: list[Story], out_dir: Path) -> list[Path]:
        results: list[list[Path] | None] = self._hook.aggregator_publish(
            feed=feed, stories=stories, out_dir=out_dir, config=self.config
        )
        paths: list[Path] = []
        for result in reversed(results):
            paths.extend(result or [])
        return paths

    def publish_each(
        self, feed: FeedInfo, stories: list[Story], out_dir: Path
    ) -> Iterator[tuple[str, Callable[[], list[Path]]]]:
        """One call per publisher, in hook order, so that each can fail on its own."""
        impls = self._hook.aggregator_publish.get_hookimpls()
        for impl in reversed(impls):
            others = [plugin for plugin in self.pm.get_plugins() if plugin is not impl.plugin]
            caller = self.pm.subset_hook_caller("aggregator_publish", remove_plugins=others)

            def call(caller: Any = caller) -> list[Path]:
                results: list[list[Path] | None] = caller(
                    feed=feed, stories=stories, out_dir=out_dir, config=self.config
                )
                return [path for result in results for path in (result or [])]

            yield impl.plugin_name, call

    def outputs(self, feed: FeedInfo, stories: list[Story]) -> list[Output]:
        """Every file the project's publishers write for ``stories``, in hook order."""
        results: list[list[Output] | None] = self._hook.aggregator_outputs(
            feed=feed, stories=stories, config=self.config
        )
        return [output for result in reversed(results) for output in (result or [])]

    def feed_entry(self, entry: Any, story: Story) -> None:
        self._hook.aggregator_feed_entry(entry=entry, story=story, config=self.config)

    def run_start(self, run: Run) -> None:
        self._hook.aggregator_run_start(run=run)

    def run_finish(self, run: Run, report: RunReport) -> None:
        self._hook.aggregator_run_finish(run=run, report=report)

    def error(
        self,
        stage: str,
        error: BaseException,
        source: SourceConfig | None = None,
        item: Item | None = None,
    ) -> None:
        self._hook.aggregator_error(stage=stage, error=error, source=source, item=item)
