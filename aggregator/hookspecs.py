"""Every hook of aggregator, typed, with how its results combine.

Hooks that run for a project receive its ``config``: a plugin keeps its
settings and state in ``config.stash`` (see :mod:`aggregator.stash`), never
in module globals. pluggy passes an implementation only the arguments it
names, so a plugin that needs no settings may leave ``config`` out.

pluggy never chains return values: a stage either mutates the object it is
given (clean, tag, cluster, feed_entry) or the core combines what the
implementations return as each docstring says. Order inside a stage comes
from ``tryfirst``/``trylast`` only. docs/plugin_hooks.md documents each hook
with an example; a test keeps the two in step.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pluggy

if TYPE_CHECKING:
    import click

    from .config import Config, SourceConfig, SourceType
    from .models import Document, FeedInfo, Item, Output, Story
    from .run import Run, RunReport
    from .store import Store

PROJECT = "aggregator"
hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec(historic=True)
def aggregator_configure(config: Config) -> None:
    """Read the validated configuration once, before anything runs.

    Historic: a plugin registered later still gets the call. Plugins read
    their own ``[plugins.<name>]`` table with ``config.plugin_options(name,
    schema)``; raising :class:`aggregator.ConfigError` stops with exit code 2.
    Return values are ignored.
    """


@hookspec
def aggregator_register_source_types(register: Callable[[SourceType], None]) -> None:
    """Declare the source types this plugin can fetch by calling ``register``.

    Every implementation runs; registering a type name twice is an error that
    names both plugins. Return values are ignored.
    """


@hookspec
def aggregator_register_commands(cli: click.Group) -> None:
    """Add subcommands to the ``aggregator`` command line (a click group).

    Every implementation runs, for its side effect. Return values are ignored.
    """


@hookspec(firstresult=True)
def aggregator_fetch(source: SourceConfig, run: Run) -> Iterable[Document] | None:
    """Deliver the documents of one source, or ``None`` if the source is not yours.

    firstresult: the first implementation that returns something other than
    ``None`` (an empty list included) wins. Built-in fetchers are ``trylast``
    so a user's plugin can take over a type; a ``wrapper=True`` implementation
    sees every fetch (for caching or timing). Return an iterator to stream
    large sources. Skip inputs that have not changed since the last run unless
    ``run.reprocess`` is set; ``run.store`` remembers what was seen.
    """


@hookspec(firstresult=True)
def aggregator_parse(document: Document, source: SourceConfig, config: Config) -> list[Item] | None:
    """Turn one document into items, or return ``None`` if its media type is not yours.

    firstresult: the first non-``None`` list is used. Choose by
    ``document.media_type``. An empty list means "parsed, nothing in it".
    """


@hookspec
def aggregator_clean_item(item: Item, config: Config) -> None:
    """Clean one item in place: strip boilerplate, sanitize HTML, normalise text.

    Every implementation runs, in ``tryfirst``/``trylast`` order, each seeing
    the previous one's changes. Record what was removed in ``item.removed``.
    Return values are ignored.
    """


@hookspec
def aggregator_tag_item(item: Item, config: Config) -> None:
    """Tag one item in place: add to ``item.topics`` and ``item.entities``.

    Every implementation runs. Append, do not replace, so that tags from
    several plugins accumulate. Return values are ignored.
    """


@hookspec(firstresult=True)
def aggregator_judge_item(item: Item, config: Config) -> str | None:
    """Decide whether an item stays: return a drop reason, or ``None`` to keep it.

    firstresult: the first reason returned drops the item and no further
    judge runs. A judge may also record its scoring in ``item.relevance``.
    """


@hookspec
def aggregator_item_dropped(item: Item, reason: str, config: Config) -> None:
    """Notification that an item was dropped (it is still stored, with the reason).

    Every implementation runs. Return values are ignored.
    """


@hookspec
def aggregator_cluster(items: list[Item], store: Store, config: Config) -> None:
    """Assign ``story_id`` to each new kept item, against the stories already stored.

    Every implementation runs, in order; leave items that already have a
    ``story_id`` alone. An item still without one afterwards starts a story
    of its own. Return values are ignored.
    """


@hookspec
def aggregator_score_story(story: Story, config: Config) -> float | None:
    """Score a story for ranking the feed.

    The core sums every number returned (``None`` counts as nothing) and
    sorts by that sum, highest first, keeping date order among equal scores.
    """


@hookspec
def aggregator_publish(
    feed: FeedInfo, stories: list[Story], out_dir: Path, config: Config
) -> list[Path] | None:
    """Write one output format for ``stories`` into ``out_dir``; return the paths written.

    Every implementation runs; the core collects all returned paths. Write
    with :func:`aggregator.output.write_atomic` so a reader never sees a
    half-written file, and write the same bytes for the same stories.
    """


@hookspec
def aggregator_outputs(feed: FeedInfo, stories: list[Story], config: Config) -> list[Output] | None:
    """Announce the files this plugin publishes for ``stories``, without writing them.

    Every implementation runs; the core concatenates the lists in hook order.
    Publishers that link to other outputs (the HTML page's feed links, its
    autodiscovery ``<link>`` elements) ask for them through
    ``config.hooks.outputs(feed, stories)`` instead of importing the plugin
    that writes them, so a disabled publisher is never linked.
    """


@hookspec
def aggregator_feed_entry(entry: Any, story: Story, config: Config) -> None:
    """Adjust one feedgen ``FeedEntry`` in place before the Atom/RSS feed is written.

    Every implementation runs; the Atom and RSS publisher calls it once per
    story. Return values are ignored.
    """


@hookspec
def aggregator_run_start(run: Run) -> None:
    """Notification that a run begins, with the store open and the lock held."""


@hookspec
def aggregator_run_finish(run: Run, report: RunReport) -> None:
    """Notification that a run ended (also after a failed one), with its report."""


@hookspec
def aggregator_error(
    stage: str, error: BaseException, source: SourceConfig | None, item: Item | None
) -> None:
    """Notification of a failure the core isolated (a source, a document or an item).

    Every implementation runs; an exception raised here is logged and ignored.
    """
