"""Telling a listing (front page, section) from an article page."""

from __future__ import annotations

from .discovery import _link_candidates
from .parsing import PageInput, _article_node, _first_meta, parse_page


def looks_like_listing(html: PageInput, url: str, *, encoding: str | None = None) -> bool:
    """Whether a page lists articles (front page, section) rather than being one.

    A listing has many headline links and little running text: at least five
    article-like links in headlines, and a main content that either has under
    600 characters of paragraph text or is mostly teasers (four or more of
    those links inside it, under 500 characters of paragraph text each). A
    page that declares itself an article (``og:type``, JSON-LD) needs eight
    such links, and under 300 characters of text or mostly teasers.
    """
    page = parse_page(html, url, encoding=encoding)
    content = page.content()
    in_content = set(content.iter("a")) if content is not None else set()
    headlines: set[str] = set()
    inside: set[str] = set()
    for link in _link_candidates(page, same_host=False, headlines_only=True):
        if link.is_article:
            headlines.add(link.url)
            if link.element in in_content:
                inside.add(link.url)
    declared = _first_meta(page, "og:type").lower() == "article" or (
        _article_node(page.json_ld, pages=False) is not None
    )
    if len(headlines) < (8 if declared else 5):
        return False
    text = page.stats.para.get(content, 0) if content is not None else 0
    if text < (300 if declared else 600):
        return True
    return len(inside) >= 4 and text / len(inside) < 500
