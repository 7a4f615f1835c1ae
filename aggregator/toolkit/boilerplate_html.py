"""Dropping from an item's HTML the blocks whose text the cleaner removed.

:func:`prune_html` keeps an item's markup in step with its cleaned text: a paragraph, list
entry, heading or caption whose whole text is a removed line goes, and a list or figure
left empty by that goes with it.
"""

from __future__ import annotations

import html as htmllib

from lxml import etree
from lxml.html import fragment_fromstring, tostring

from aggregator.toolkit.render import sanitize_html

__all__ = ["prune_html"]

_PRUNABLE = ("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "figcaption", "dt", "dd")


def prune_html(markup: str, lines: set[str]) -> str:
    """Drop the HTML blocks whose whole text is one of the removed lines; sanitized again.

    Read with lxml (the markup is already sanitized, so well formed); the tree
    is walked and written by libxml2, not by recursion in Python.
    """
    wanted = {" ".join(line.split()).casefold() for line in lines}
    try:
        root = fragment_fromstring(markup, create_parent="div")
    except (ValueError, etree.ParserError):
        return markup
    dropped = False
    for element in list(root.iter(*_PRUNABLE)):
        if element.getroottree().getroot() is not root:
            continue  # inside a block dropped already
        text = " ".join(element.text_content().split()).casefold()
        if text and text in wanted:
            element.drop_tree()
            dropped = True
    if not dropped:
        return markup
    for container in list(root.iter("ul", "ol", "figure", "blockquote")):
        if container.getroottree().getroot() is root and not container.text_content().strip():
            container.drop_tree()
    inner = htmllib.escape(root.text or "", quote=False) + "".join(
        tostring(child, encoding="unicode") for child in root
    )
    return sanitize_html(inner)
