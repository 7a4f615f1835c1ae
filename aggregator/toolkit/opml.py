"""OPML 2.0 subscription lists: read them safely, and write a project's network sources.

:func:`build_opml` lists every enabled source of a network type with a
``url`` option as one outline: ``type="rss"`` with ``xmlUrl`` for feed
sources, ``type="link"`` with ``url`` for ``page`` sources (a web page is not
something a reader can subscribe to), ``type="include"`` with ``url`` for
``opml`` sources (a list of feeds is included, not subscribed to). ``text``
is the source's name, ``title`` its outlet when set, ``category`` its type
(``/feed``). The head's title is the feed's title and ``dateCreated`` the
newest story's updated time, so the same configuration and stories give the
same bytes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC
from email.utils import format_datetime
from typing import TYPE_CHECKING

from lxml import etree

from ..models import FeedInfo, Story
from .render import story_updated
from .text import xml_safe

if TYPE_CHECKING:
    from ..config import SourceConfig

SPEC = "http://opml.org/spec2.opml"
MEDIA_TYPE = "text/x-opml"

_DECLARATION = re.compile(rb"<!\s*(?:DOCTYPE|ENTITY)", re.IGNORECASE)


class OPMLError(ValueError):
    """The bytes are not a usable OPML document."""


@dataclass(frozen=True)
class Outline:
    title: str
    xml_url: str
    html_url: str = ""
    category: str = ""


def parse_opml(content: bytes) -> list[Outline]:
    """Every outline with an ``xmlUrl``, in document order, with its enclosing category.

    A DOCTYPE or ENTITY declaration is refused before parsing, and the parser
    neither resolves entities nor touches the network.
    """
    root = _parse_root(content)
    body = root.find("body")
    outlines: list[Outline] = []
    if body is not None:
        _walk(body, "", outlines)
    return outlines


def _parse_root(content: bytes) -> etree._Element:
    if _DECLARATION.search(content[:65536]):
        raise OPMLError("refused: the OPML declares a DTD/ENTITY")
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, recover=True
    )
    try:
        root = etree.fromstring(content, parser)
    except etree.XMLSyntaxError as exc:
        raise OPMLError(f"not XML: {exc}") from None
    if root is None or root.tag != "opml":
        raise OPMLError("not an OPML document (no <opml> root)")
    return root


def written_by_build_opml(content: bytes, feed: FeedInfo) -> bool:
    """Whether ``content`` looks like :func:`build_opml`'s list for ``feed``.

    Its head names the feed's title and the OPML 2.0 spec as its docs, as
    :func:`build_opml` writes them; used to recognise a list of ours before
    removing it.
    """
    try:
        root = _parse_root(content)
    except OPMLError:
        return False
    head = (root.get("version"), root.findtext("head/title"), root.findtext("head/docs"))
    return head == ("2.0", xml_safe(feed.title), SPEC)


def _walk(node: etree._Element, category: str, outlines: list[Outline]) -> None:
    for child in node.iterfind("outline"):
        title = child.get("title") or child.get("text") or ""
        url = (child.get("xmlUrl") or child.get("xmlurl") or "").strip()
        if url:
            outlines.append(
                Outline(title.strip(), url, (child.get("htmlUrl") or "").strip(), category)
            )
        _walk(child, title.strip() if not url else category, outlines)


def network_sources(sources: Iterable[SourceConfig]) -> list[SourceConfig]:
    """The enabled network sources that have a URL, in configuration order."""
    return [
        source
        for source in sources
        if source.enabled and source.network and isinstance(source.get("url"), str)
        if source.get("url")
    ]


def build_opml(feed: FeedInfo, sources: Iterable[SourceConfig], stories: list[Story]) -> bytes:
    """The OPML 2.0 document listing ``sources``' network sources.

    OPML 2.0 requires at least one outline in the body: with no network
    source (see :func:`network_sources`) there is nothing to publish.
    """
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
