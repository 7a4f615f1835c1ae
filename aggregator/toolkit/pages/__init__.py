"""Reading HTML pages: decoding, parsing, main text, listings, links and feeds.

Pure functions, no I/O. Each concern has its module; import from the one
that owns a name:

- :mod:`~aggregator.toolkit.pages.decoding`: :func:`decode_html` (no lxml needed).
- :mod:`~aggregator.toolkit.pages.parsing`: :func:`parse_page`, :class:`ParsedPage`,
  :data:`PageInput`: one parse answers every question about a page.
- :mod:`~aggregator.toolkit.pages.extraction`: :func:`extract_page`, :class:`PageArticle`,
  :func:`html_text`: the article's metadata, main content and text.
- :mod:`~aggregator.toolkit.pages.listings`: :func:`looks_like_listing`.
- :mod:`~aggregator.toolkit.pages.discovery`: :func:`find_feed_links`,
  :func:`find_article_links`.

The names are also importable from this package, loaded on first use
(PEP 562), so importing the package loads neither lxml nor any module.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .decoding import decode_html, is_html_page
    from .discovery import find_article_links, find_feed_links
    from .extraction import PageArticle, extract_page, html_text
    from .listings import looks_like_listing
    from .parsing import PageInput, ParsedPage, parse_page

__all__ = [
    "PageArticle",
    "PageInput",
    "ParsedPage",
    "decode_html",
    "extract_page",
    "find_article_links",
    "find_feed_links",
    "html_text",
    "is_html_page",
    "looks_like_listing",
    "parse_page",
]

_OWNERS = {
    "decode_html": "decoding",
    "is_html_page": "decoding",
    "PageInput": "parsing",
    "ParsedPage": "parsing",
    "parse_page": "parsing",
    "PageArticle": "extraction",
    "extract_page": "extraction",
    "html_text": "extraction",
    "looks_like_listing": "listings",
    "find_article_links": "discovery",
    "find_feed_links": "discovery",
}


def __getattr__(name: str) -> Any:
    owner = _OWNERS.get(name)
    if owner is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{owner}"), name)
