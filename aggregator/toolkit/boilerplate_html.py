"""Dropping from an item's HTML the blocks whose text the cleaner removed.

:func:`prune_html` keeps an item's markup in step with its cleaned text: a paragraph, list
entry, heading or caption whose whole text is a removed line goes, and a list or figure
left empty by that goes with it.
"""

from __future__ import annotations

import html as htmllib
import re

from lxml import etree
from lxml.html import fragments_fromstring

from aggregator.toolkit.html import _PLAIN_HTML_PARSER
from aggregator.toolkit.render import sanitize_html

__all__ = ["prune_html"]

_PRUNABLE = ("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "figcaption", "dt", "dd")
_TEXT_CONTENT = etree.XPath("string()", smart_strings=False)
"""An element's text and its descendants' (lxml.html's ``text_content``)."""
_META_CONTENT_TYPE = re.compile(r'<meta http-equiv="Content-Type"[^>]*>').sub
"""What lxml.html's ``tostring`` removes from what it writes (once for all the children:
a match ends at the first ``>`` after it, and each child's HTML ends with one)."""


def prune_html(markup: str, lines: set[str]) -> str:
    """Drop the HTML blocks whose whole text is one of the removed lines; sanitized again.

    Read with lxml (the markup is already sanitized, so well formed); the tree
    is walked and written by libxml2, not by recursion in Python. The elements are
    lxml's plain ones: lxml.html's classes were looked up in Python for every element
    the walk touched, about a third of the cost of a feed entry's pruning, and the
    walk uses none of their methods but ``text_content`` and ``drop_tree``, done here
    as lxml.html does them.
    """
    wanted = {" ".join(line.split()).casefold() for line in lines}
    try:
        root = _fragment(markup)
    except (ValueError, etree.ParserError):
        return markup
    dropped = False
    for element in list(root.iter(*_PRUNABLE)):
        if element.getroottree().getroot() is not root:
            continue  # inside a block dropped already
        text = " ".join(_TEXT_CONTENT(element).split()).casefold()
        if text and text in wanted:
            _drop_tree(element)
            dropped = True
    if not dropped:
        return markup
    for container in list(root.iter("ul", "ol", "figure", "blockquote")):
        if container.getroottree().getroot() is root and not _TEXT_CONTENT(container).strip():
            _drop_tree(container)
    children = "".join(etree.tostring(child, method="html", encoding="unicode") for child in root)
    inner = htmllib.escape(root.text or "", quote=False) + _META_CONTENT_TYPE("", children)
    return sanitize_html(inner)


def _fragment(markup: str) -> etree._Element:
    """lxml.html's ``fragment_fromstring(markup, create_parent="div")``, of plain elements."""
    elements = fragments_fromstring(markup, parser=_PLAIN_HTML_PARSER)
    root = _PLAIN_HTML_PARSER.makeelement("div")
    if elements:
        if isinstance(elements[0], str):
            root.text = elements[0]
            del elements[0]
        root.extend(elements)
    return root


def _drop_tree(element: etree._Element) -> None:
    """lxml.html's ``drop_tree``: remove the element and its children, its tail joined to
    the previous element or the parent."""
    parent = element.getparent()
    assert parent is not None
    if element.tail:
        previous = element.getprevious()
        if previous is None:
            parent.text = (parent.text or "") + element.tail
        else:
            previous.tail = (previous.tail or "") + element.tail
    parent.remove(element)
