"""Telling a listing (front page, section) from an article page."""

from __future__ import annotations

from typing import Final

from .discovery import _link_candidates
from .parsing import PageInput, ParsedPage, _article_node, _first_meta, parse_page

LONG_ARTICLE_BODY: Final = 1500
"""Paragraph characters of the page's one ``<article>`` (or ``articleBody``) that make it an
article page whatever else it links to."""


def looks_like_listing(html: PageInput, url: str, *, encoding: str | None = None) -> bool:
    """Whether a page lists articles (front page, section) rather than being one.

    A listing has many headline links and little running text: at least five
    article-like links in headlines, and a main content that either has under
    600 characters of paragraph text or is mostly teasers (four or more of
    those links inside it, under 500 characters of paragraph text each).

    A page that declares itself an article (``og:type``, a JSON-LD article
    type, or one ``<article>`` or ``articleBody`` with a long body) is never
    refused for its links alone: only with eight headline links and under
    300 characters of text. Links inside running prose are not headline
    links, and relative links count the same whether or not the page's
    address resolves them (a saved page is judged as its live copy).
    """
    page = parse_page(html, url, encoding=encoding)
    content = page.content()
    in_content = set(content.iter("a")) if content is not None else set()
    headlines: set[str] = set()
    inside: set[str] = set()
    for link in _link_candidates(page, same_host=False, headlines_only=True, any_base=True):
        if link.is_article:
            headlines.add(link.url)
            if link.element in in_content:
                inside.add(link.url)
    declared = _declares_article(page)
    if len(headlines) < (8 if declared else 5):
        return False
    text = page.stats.para.get(content, 0) if content is not None else 0
    if declared:
        return text < 300
    if text < 600:
        return True
    return len(inside) >= 4 and text / len(inside) < 500


def _declares_article(page: ParsedPage) -> bool:
    if _first_meta(page, "og:type").lower() == "article":
        return True
    if _article_node(page.json_ld, pages=False) is not None:
        return True
    primary = page.primary
    return primary is not None and page.stats.para.get(primary, 0) >= LONG_ARTICLE_BODY
