"""Publish the feed's network sources as an OPML 2.0 subscription list (``sources.opml``).

A thin adapter over :func:`aggregator.toolkit.opml.build_opml`, which says
what is listed and how. Local sources (``files``) and disabled sources are
left out.
"""

from __future__ import annotations

from pathlib import Path

from aggregator import Config, FeedInfo, Option, Output, StashKey, Story, hookimpl
from aggregator.output import write_atomic
from aggregator.toolkit.opml import MEDIA_TYPE, build_opml
from aggregator.toolkit.text import xml_safe

NAME = "opml_publisher"
SCHEMA = {
    "file": Option(str, "sources.opml", help="file name of the OPML list in the output directory"),
}
FILE = StashKey[str]()


@hookimpl
def aggregator_configure(config: Config) -> None:
    config.stash[FILE] = config.plugin_options(NAME, SCHEMA)["file"]


@hookimpl
def aggregator_outputs(feed: FeedInfo, config: Config) -> list[Output]:
    return [
        Output(
            config.stash[FILE], MEDIA_TYPE, xml_safe(feed.title), "Sources (OPML)", "subscriptions"
        )
    ]


@hookimpl
def aggregator_publish(
    feed: FeedInfo, stories: list[Story], out_dir: Path, config: Config
) -> list[Path]:
    path = out_dir / config.stash[FILE]
    write_atomic(path, build_opml(feed, config.sources, stories))
    return [path]
