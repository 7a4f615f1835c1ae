"""Publish the stories as Atom 1.0 and RSS 2.0 (``feed.atom``, ``feed.rss``).

A thin adapter over :mod:`aggregator.toolkit.atom_rss`, which builds both
feeds the same way for every publisher; each entry passes through
``aggregator_feed_entry`` so that plugins can adjust it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from aggregator import Config, FeedInfo, Option, Output, StashKey, Story, hookimpl
from aggregator.toolkit.atom_rss import ATOM_TYPE, RSS_TYPE, build_generator, write_atom_and_rss
from aggregator.toolkit.text import xml_safe

NAME = "feed_publisher"
SCHEMA = {
    "atom_file": Option(
        str, "feed.atom", help="file name of the Atom feed in the output directory"
    ),
    "rss_file": Option(str, "feed.rss", help="file name of the RSS feed in the output directory"),
}


@dataclass(frozen=True)
class Settings:
    atom_file: str
    rss_file: str


SETTINGS = StashKey[Settings]()


@hookimpl
def aggregator_configure(config: Config) -> None:
    options = config.plugin_options(NAME, SCHEMA)
    config.stash[SETTINGS] = Settings(options["atom_file"], options["rss_file"])


@hookimpl
def aggregator_outputs(feed: FeedInfo, config: Config) -> list[Output]:
    settings = config.stash[SETTINGS]
    title = xml_safe(feed.title)
    return [
        Output(settings.atom_file, ATOM_TYPE, title, "Atom"),
        Output(settings.rss_file, RSS_TYPE, title, "RSS"),
    ]


@hookimpl
def aggregator_publish(
    feed: FeedInfo, stories: list[Story], out_dir: Path, config: Config
) -> list[Path]:
    settings = config.stash[SETTINGS]
    on_entry = config.hooks.feed_entry if config.hooks is not None else None
    generator = build_generator(feed, stories, on_entry=on_entry)
    return write_atom_and_rss(generator, feed, out_dir, settings.atom_file, settings.rss_file)
