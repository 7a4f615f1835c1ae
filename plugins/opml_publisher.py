"""Publish the feed's network sources as an OPML 2.0 subscription list (``sources.opml``).

Every enabled source of a network type with a ``url`` option becomes one
outline: ``type="rss"`` with ``xmlUrl`` for feed sources, ``type="link"`` with
``url`` for ``page`` sources (a web page is not something a reader can
subscribe to), ``type="include"`` with ``url`` for ``opml`` sources (a list of
feeds is included, not subscribed to). ``text`` is the source's name, ``title`` its outlet when set,
``category`` its type (``/feed``). Local sources (``files``) and disabled
sources are left out; with no network source the file is still valid OPML,
with an empty body.

The head's title is the feed's title and ``dateCreated`` the newest story's
updated time, so the same configuration and stories give the same bytes.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC
from email.utils import format_datetime
from pathlib import Path
from typing import Any

from lxml import etree

from aggregator import Config, FeedInfo, Option, SourceConfig, Story, hookimpl
from aggregator.output import write_atomic
from aggregator.toolkit.render import story_updated
from aggregator.toolkit.text import xml_safe

NAME = "opml_publisher"
SPEC = "http://opml.org/spec2.opml"
SCHEMA = {
    "file": Option(str, "sources.opml", help="file name of the OPML list in the output directory"),
}

_settings: dict[str, Any] = {"config": None, **{k: o.default for k, o in SCHEMA.items()}}


@hookimpl
def aggregator_configure(config: Config) -> None:
    _settings.update(config.plugin_options(NAME, SCHEMA), config=config)


@hookimpl
def aggregator_publish(feed: FeedInfo, stories: list[Story], out_dir: Path) -> list[Path]:
    config: Config | None = _settings["config"]
    sources = config.sources if config is not None else []
    path = out_dir / _settings["file"]
    write_atomic(path, build_opml(feed, sources, stories))
    return [path]


def network_sources(sources: Iterable[SourceConfig]) -> list[SourceConfig]:
    """The enabled network sources that have a URL, in configuration order."""
    return [
        source
        for source in sources
        if source.enabled and source.network and isinstance(source.get("url"), str)
        if source.get("url")
    ]


def build_opml(feed: FeedInfo, sources: Iterable[SourceConfig], stories: list[Story]) -> bytes:
    """The OPML 2.0 document listing ``sources``' network sources."""
    root = etree.Element("opml", version="2.0")
    head = etree.SubElement(root, "head")
    etree.SubElement(head, "title").text = xml_safe(feed.title)
    newest = max((story_updated(story) for story in stories), default=None)
    if newest is not None:
        created = format_datetime(newest.astimezone(UTC), usegmt=True)
        etree.SubElement(head, "dateCreated").text = created
    if feed.author:
        etree.SubElement(head, "ownerName").text = xml_safe(feed.author)
    etree.SubElement(head, "docs").text = SPEC
    body = etree.SubElement(root, "body")
    for source in network_sources(sources):
        url = str(source.get("url"))
        outline = etree.SubElement(body, "outline", text=xml_safe(source.name))
        if source.outlet:
            outline.set("title", xml_safe(source.outlet))
        if source.type == "page":
            outline.set("type", "link")
            outline.set("url", url)
        elif source.type == "opml":
            outline.set("type", "include")
            outline.set("url", url)
        else:
            outline.set("type", "rss")
            outline.set("xmlUrl", url)
        outline.set("category", "/" + source.type)
    data: bytes = etree.tostring(root, encoding="UTF-8", xml_declaration=True, pretty_print=True)
    return data
