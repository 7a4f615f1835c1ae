"""OPML 2.0: read subscription lists safely (the publisher plugin writes them)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

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
    body = root.find("body")
    outlines: list[Outline] = []
    if body is not None:
        _walk(body, "", outlines)
    return outlines


def _walk(node: etree._Element, category: str, outlines: list[Outline]) -> None:
    for child in node.iterfind("outline"):
        title = child.get("title") or child.get("text") or ""
        url = (child.get("xmlUrl") or child.get("xmlurl") or "").strip()
        if url:
            outlines.append(
                Outline(title.strip(), url, (child.get("htmlUrl") or "").strip(), category)
            )
        _walk(child, title.strip() if not url else category, outlines)
