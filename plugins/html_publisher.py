"""Publish the stories as one HTML page for people: ``index.html``.

A thin adapter over :mod:`aggregator.toolkit.story_page`, which renders the
page (stories, topic filters without JavaScript, the timeline). The page
links every file the project's publishers announce through
``aggregator_outputs`` (the Atom, RSS and JSON feeds, the topic feeds, the
OPML list of sources): a publisher that is disabled, or writes nothing,
is never linked.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from aggregator import Config, FeedInfo, Option, Output, StashKey, Story, hookimpl
from aggregator.output import write_atomic
from aggregator.schema import non_negative
from aggregator.toolkit.story_page import render_page
from aggregator.toolkit.text import xml_safe

NAME = "html_publisher"
SCHEMA = {
    "file": Option(str, "index.html", help="file name of the HTML page in the output directory"),
    "chart_months": Option(
        int,
        24,
        help="months the timeline shows, ending with the newest; 0 shows all",
        check=non_negative,
    ),
}


@dataclass(frozen=True)
class Settings:
    file: str
    chart_months: int


SETTINGS = StashKey[Settings]()


@hookimpl
def aggregator_configure(config: Config) -> None:
    options = config.plugin_options(NAME, SCHEMA)
    config.stash[SETTINGS] = Settings(options["file"], options["chart_months"])


@hookimpl
def aggregator_outputs(feed: FeedInfo, config: Config) -> list[Output]:
    file = config.stash[SETTINGS].file
    return [Output(file, "text/html", xml_safe(feed.title), "Page", kind="page")]


@hookimpl
def aggregator_publish(
    feed: FeedInfo, stories: list[Story], out_dir: Path, config: Config
) -> list[Path]:
    settings = config.stash[SETTINGS]
    outputs = config.hooks.outputs(feed, stories) if config.hooks is not None else []
    page = render_page(feed, stories, outputs=outputs, chart_months=settings.chart_months)
    path = out_dir / settings.file
    write_atomic(path, page.encode("utf-8"))
    return [path]
