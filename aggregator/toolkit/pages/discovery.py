"""Links found on a page: its feeds (autodiscovery) and the article links of a listing."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Final
from urllib.parse import urldefrag, urljoin, urlsplit

from .dom import _WORD, HEADINGS, Element, _absolute, _host, _squash, _text, _tokens
from .parsing import PageInput, ParsedPage, parse_page

_DATE_IN_PATH = re.compile(
    r"/(?:19|20)\d\d[/-](?:0?[1-9]|1[0-2])(?:[/-](?:0?[1-9]|[12]\d|3[01]))?/[^/]"
)


_COMPACT_DATE = re.compile(
    r"(?<!\d)(?:19|20)\d\d-?(?:0[1-9]|1[0-2])-?(?:0[1-9]|[12]\d|3[01])(?!\d)"
)


_NUMERIC_ID = re.compile(r"(?<![a-z])\d{5,}(?!\d)|(?:^|&)(?:p|id|article_?id|story_?id)=\d+")


_SLUG = re.compile(r"^(?=.*[a-z]{2})[a-z0-9]+(?:[-_][a-z0-9]+){2,}$")


_ARTICLE_SEGMENTS: Final = frozenset(
    {"article", "articles", "story", "stories", "news", "post", "posts", "blog", "a", "p"}
)


_EXCLUDED_SEGMENTS: Final = frozenset(
    {"tag", "tags", "category", "categories", "topic", "topics", "section", "sections",
     "author", "authors", "user", "users", "profile", "profiles", "people", "login", "log-in",
     "logout", "signin", "sign-in", "signup", "sign-up", "register", "account", "subscribe",
     "subscription", "subscriptions", "newsletter", "newsletters", "search", "share",
     "contact", "contact-us", "about", "about-us", "privacy", "privacy-policy", "terms",
     "terms-of-use", "terms-of-service", "cookies", "cookie-policy", "help", "faq",
     "advertise", "careers", "jobs", "feed", "feeds", "rss", "page", "archive", "archives",
     "wp-login.php", "cart", "shop", "store", "comments", "print", "video", "videos",
     "gallery", "galleries", "podcast", "podcasts", "live-tv", "epaper", "e-paper", "games"}
)  # fmt: skip
"""Path segments of pages that are not articles (tags, categories, authors, login...)."""


_EXCLUDED_QUERY = re.compile(r"(?:^|&)(?:share|replytocom|action|login|redirect_to|s|q)=")


_FILE_EXTENSION = re.compile(
    r"\.(?:jpe?g|png|gif|webp|svg|ico|pdf|zip|gz|mp[34]|m4a|webm|css|js|xml|rss|atom|json"
    r"|txt|csv|docx?|xlsx?|pptx?)$"
)


_PAGE_EXTENSION = re.compile(r"\.(?:s?html?|php|aspx?|cms|jsp)$")


_SHARE_HOST = re.compile(
    r"(?:^|\.)(?:facebook|twitter|x|linkedin|pinterest|reddit|whatsapp|telegram|t)\.(?:com|me|co)$"
)


_EXCLUDED_LINK_REL: Final = frozenset({"tag", "category", "author", "me", "sponsored"})


def find_feed_links(html: PageInput, url: str, *, encoding: str | None = None) -> list[str]:
    """Feed autodiscovery: the page's ``<link rel="alternate">`` RSS, Atom and JSON feeds.

    Types ``application/rss+xml``, ``application/atom+xml``,
    ``application/feed+json`` and ``application/json``; absolute http(s)
    URLs, in document order, without duplicates.
    """
    return list(parse_page(html, url, encoding=encoding).feed_links)


def find_article_links(
    html: PageInput,
    url: str,
    *,
    limit: int = 20,
    same_host: bool = True,
    encoding: str | None = None,
) -> list[str]:
    """Links on a listing page (front page, section, search results) that look like articles.

    A link counts when its path looks like an article's (a dated path, a slug
    of three or more words, a numeric id), or it sits in a headline
    (``<h2>``-``<h4>``) or an ``<article>`` card, or its text has four or
    more words, in combinations that rule out section and utility links.
    Navigation, headers, footers, sidebars and share bars are ignored, and so
    are tag, category, author, login and similar pages and links to files.
    Absolute, without fragments, deduplicated, in page order, at most
    ``limit``; only to the page's own host (``www.`` aside) unless
    ``same_host`` is false.
    """
    page = parse_page(html, url, encoding=encoding)
    found: dict[str, None] = {}
    for link in _link_candidates(page, same_host=same_host):
        if len(found) >= limit:
            break
        if link.is_article:
            found.setdefault(link.url, None)
    return list(found)


@dataclass
class _Link:
    url: str
    element: Element
    words: int
    in_headline: bool
    url_score: int

    @property
    def is_article(self) -> bool:
        if self.url_score >= 2:
            return True
        if self.url_score == 1:
            return self.in_headline or self.words >= 4
        return self.in_headline and self.words >= 4


UNRESOLVED_BASE: Final = "http://unresolved.invalid/"
"""What relative links resolve against, for judging their shape, on a page whose own
address is not an http(s) URL (a saved file)."""


MIN_PROSE_AROUND_LINK: Final = 40
"""Characters of a paragraph outside a link that make the link part of running prose."""


def _link_candidates(
    page: ParsedPage, *, same_host: bool, headlines_only: bool = False, any_base: bool = False
) -> Iterator[_Link]:
    """The page's links that may lead to articles. With ``any_base``, relative links of a
    page without an http(s) address are resolved against :data:`UNRESOLVED_BASE`, so that
    their shape is judged as it would be on the page's real address."""
    own = {urldefrag(u)[0] for u in (page.url, page.canonical) if u}
    host = _host(page.url)
    base = page.base
    if any_base and _absolute(page.base, page.base) is None:
        base = urljoin(UNRESOLVED_BASE, urlsplit(page.base).path.lstrip("/"))
    for el in page.root.iter("a"):
        in_headline = _in_headline(el)
        if headlines_only and not in_headline:
            continue
        if set(_tokens(el.get("rel"))) & _EXCLUDED_LINK_REL:
            continue
        url = _absolute(el.get("href"), base)
        if url is None:
            continue
        url = urldefrag(url)[0]
        if url in own or (same_host and _host(url) != host):
            continue
        score = _url_score(url)
        if score is None:
            continue
        words = len(_WORD.findall(_text(el)))
        yield _Link(url, el, words, in_headline, score)


def _in_headline(el: Element) -> bool:
    """Whether a link is a headline: in a heading, or in an ``<article>`` card but not
    inside a paragraph of running prose (an article's own text links to other stories)."""
    prose: Element | None = None
    for depth, ancestor in enumerate(el.iterancestors()):
        if depth >= 6:
            break
        if ancestor.tag in HEADINGS:
            return True
        if ancestor.tag in PROSE_TAGS and prose is None:
            prose = ancestor
        if ancestor.tag == "article":
            return prose is None or not _runs_in_prose(el, prose)
    return False


PROSE_TAGS: Final = frozenset({"p", "li", "blockquote", "dd", "td"})


def _runs_in_prose(link: Element, paragraph: Element) -> bool:
    """Whether a paragraph holds more text of its own around the link than the link's."""
    around = len(_squash(_text(paragraph))) - len(_squash(_text(link)))
    return around >= MIN_PROSE_AROUND_LINK and around > len(_squash(_text(link)))


def _url_score(url: str) -> int | None:
    """How much a URL looks like an article's (0-4), or None for utility pages and files."""
    parts = urlsplit(url)
    path, query = parts.path.lower(), parts.query.lower()
    segments = [s for s in path.split("/") if s]
    if not segments:
        return None
    if _FILE_EXTENSION.search(path) or _EXCLUDED_QUERY.search(query):
        return None
    if any(s in _EXCLUDED_SEGMENTS for s in segments):
        return None
    if _SHARE_HOST.search(parts.hostname or "") and re.search(r"shar|intent|submit|send", url):
        return None
    score = 0
    if len(segments) >= 2 and (
        _DATE_IN_PATH.search(path) or any(_COMPACT_DATE.search(s) for s in segments)
    ):
        score += 2
    if any(_SLUG.match(_PAGE_EXTENSION.sub("", s)) for s in segments):
        score += 2
    last = _PAGE_EXTENSION.sub("", segments[-1])
    if _NUMERIC_ID.search(last) or _NUMERIC_ID.search(query):
        score += 1
        if any(s in _ARTICLE_SEGMENTS for s in segments[:-1]):
            score += 1
    return score
