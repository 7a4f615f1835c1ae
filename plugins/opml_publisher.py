"""Publish the feed's network sources as an OPML 2.0 subscription list (``sources.opml``).

A thin adapter over :func:`aggregator.toolkit.opml.build_opml`, which says
what is listed and how. Local sources (``files``) and disabled sources are
left out. OPML 2.0 forbids an empty body, so a project without network
sources gets no list: nothing is written or announced (and so the page does
not link it), and a list this plugin wrote in an earlier run is removed.
"""

from __future__ import annotations

import logging
from pathlib import Path

from aggregator import Config, FeedInfo, Option, Output, StashKey, Story, hookimpl
from aggregator.output import write_atomic
from aggregator.toolkit.opml import (
    MEDIA_TYPE,
    build_opml,
    network_sources,
    written_by_build_opml,
)
from aggregator.toolkit.text import xml_safe

NAME = "opml_publisher"
SCHEMA = {
    "file": Option(str, "sources.opml", help="file name of the OPML list in the output directory"),
}
FILE = StashKey[str]()
log = logging.getLogger(__name__)


@hookimpl
def aggregator_configure(config: Config) -> None:
    config.stash[FILE] = config.plugin_options(NAME, SCHEMA)["file"]


@hookimpl
def aggregator_outputs(feed: FeedInfo, config: Config) -> list[Output]:
    if not network_sources(config.sources):
        return []
    title = xml_safe(feed.title)
    return [Output(config.stash[FILE], MEDIA_TYPE, title, "Sources (OPML)", "subscriptions")]


@hookimpl
def aggregator_publish(
    feed: FeedInfo, stories: list[Story], out_dir: Path, config: Config
) -> list[Path]:
    path = out_dir / config.stash[FILE]
    if not network_sources(config.sources):
        remove_stale_list(path, out_dir, feed)
        return []
    write_atomic(path, build_opml(feed, config.sources, stories))
    return [path]


def remove_stale_list(path: Path, out_dir: Path, feed: FeedInfo) -> None:
    """Remove the list an earlier run wrote, and nothing else.

    Only a regular file (not a link) inside the output directory whose
    content is this feed's OPML list as :func:`build_opml` writes it.
    """
    if path.is_symlink() or not path.is_file():
        return
    if not path.resolve().is_relative_to(out_dir.resolve()):
        return
    try:
        ours = written_by_build_opml(path.read_bytes(), feed)
    except OSError:
        return
    if ours:
        path.unlink(missing_ok=True)
        log.info("removed %s: no network source to list", path)
