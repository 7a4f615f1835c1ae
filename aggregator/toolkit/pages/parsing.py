"""Parsing a page once: its metadata read, its article region located, its boilerplate removed.

Every public function of :mod:`aggregator.toolkit.pages` takes the page as
``bytes`` (decoded by :func:`~aggregator.toolkit.pages.decoding.decode_html`),
as ``str``, or as a :class:`ParsedPage` from :func:`parse_page`, so that a
caller asking several questions about one page parses it only once.

Boilerplate removal is in :mod:`~aggregator.toolkit.pages.cleaning`.

Pages are parsed with lxml's HTML parser directly rather than through
BeautifulSoup, which takes seconds on a 2 MB page where lxml takes
milliseconds. Every pass over a page is linear in its size and nothing
recurses over the tree, so a deeply nested or multi-megabyte page costs no
more than its length (a 2 MB page: a few tenths of a second in all).
libxml2 stops building the tree at a nesting depth of 2048: whatever a page
nests deeper than that is lost.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Final

from aggregator.toolkit.text import normalise

from .cleaning import _remove_boilerplate
from .decoding import decode_html
from .dom import (
    MIN_CONTENT,
    MIN_PARAGRAPH,
    Element,
    _absolute,
    _class_words,
    _clean_names,
    _loose_text,
    _main_element,
    _parse_datetime,
    _parse_tree,
    _squash,
    _strip_tags,
    _text,
    _tokens,
)
from .scoring import LEAF_CONTAINERS, _choose_content, _Stats

FEED_TYPES: Final = frozenset(
    {"application/rss+xml", "application/atom+xml", "application/feed+json", "application/json"}
)


ARTICLE_TYPES: Final = frozenset(
    {"article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle",
     "opinionnewsarticle", "backgroundnewsarticle", "reviewnewsarticle",
     "askpublicnewsarticle", "blogposting", "liveblogposting", "socialmediaposting",
     "report", "scholarlyarticle", "techarticle", "satiricalarticle"}
)  # fmt: skip
"""schema.org types of an article (JSON-LD ``@type``, lower-cased)."""


PAGE_TYPES: Final = frozenset({"webpage", "itempage"})
"""Types whose dates and names serve when the page has no article node."""


EARLY_REMOVED_TAGS: Final = ("script", "style", "noscript", "template", "svg", "math")
"""Removed right after the metadata is read (JSON-LD scripts first)."""


REMOVED_TAGS: Final = (
    "iframe", "frame", "frameset", "object", "embed", "applet", "canvas", "button", "input",
    "select", "textarea", "audio", "video", "map",
)  # fmt: skip
"""Removed with everything inside them before the main content is looked for."""


_IN_JUNK_ANCESTOR = re.compile(
    r"(?<![a-z])(?:comments?|related|recommend\w*|more-stories|sidebar|promo\w*)(?![a-z])"
)


_BYLINE_CLASS = re.compile(r"(?<![a-z])(?:byline|author|authors|writer|contributor)")


_BYLINE_RAW = re.compile(r"author|byline|writer|contributor", re.IGNORECASE)


MAX_JSON_LD: Final = 1_000_000


LENIENT_BELOW: Final = 500
"""Paragraph characters of the main content under which the page is read again without
the class-word rules, and that reading kept if it finds more than twice as much. Class
words are a guess about a site's template: a template whose every block is a "widget"
loses its article to them. Twice, so that a short article does not get back the
furniture the words took out."""


_JSON_WRAPPER = re.compile(
    r"^\s*(?:<!--|//\s*<!\[CDATA\[|<!\[CDATA\[)|(?:-->|//\s*\]\]>|\]\]>)\s*$"
)


@dataclass
class ParsedPage:
    """A parsed page, its metadata read and its boilerplate removed (see :func:`parse_page`).

    The tree (``root``) has lost scripts, navigation, comments and the like
    and carries :data:`SOFT` marks, so it only suits the questions this module
    asks of it.
    """

    url: str
    base: str
    """What relative links resolve against: ``<base href>``, else ``url``."""
    root: Element
    meta: dict[str, list[str]]
    """``<meta>`` contents by lower-cased ``property``/``name``/``itemprop``/``http-equiv``."""
    json_ld: list[dict[str, Any]]
    """Every JSON-LD object of the page, ``@graph`` members flattened."""
    feed_links: list[str]
    canonical: str | None
    title_tag: str
    html_lang: str | None
    headline: str
    """The article's ``<h1>`` text (read before boilerplate removal)."""
    byline: list[str]
    rel_authors: list[str]
    time_published: datetime | None
    time_updated: datetime | None
    primary: Element | None
    """``[itemprop=articleBody]`` or the ``<article>`` with the most text, if any."""
    class_words: bool = True
    """Whether class and id words removed blocks and weighed the choice of the content:
    false on a page read again because they left no article (:data:`LENIENT_BELOW`)."""
    _stats: _Stats | None = None
    _content: Element | None = None
    _content_chosen: bool = False

    @property
    def stats(self) -> _Stats:
        """Text statistics of the cleaned tree (computed once)."""
        if self._stats is None:
            self._stats = _Stats(self.root)
        return self._stats

    def content(self) -> Element | None:
        """The element holding the main text (chosen once, then remembered)."""
        if not self._content_chosen:
            self._content = _choose_content(
                self.root, self.primary, self.stats, class_words=self.class_words
            )
            self._content_chosen = True
        return self._content


PageInput = bytes | str | ParsedPage
"""A page as bytes (decoded by :func:`decode_html`), text, or already parsed."""


def parse_page(html: PageInput, url: str, *, encoding: str | None = None) -> ParsedPage:
    """Parse a page, read its metadata and remove its boilerplate.

    ``url`` is where the page was found; relative links resolve against the
    page's ``<base href>`` or, without one, against ``url``. ``encoding`` is
    the charset the server declared, if any. A :class:`ParsedPage` is
    returned as it is.
    """
    if isinstance(html, ParsedPage):
        return html
    text = decode_html(html, encoding) if isinstance(html, bytes) else normalise(html)
    page = _parse(text, url, class_words=True)
    found = page.stats.para.get(page.content(), 0)
    if found < LENIENT_BELOW:
        lenient = _parse(text, url, class_words=False)
        if lenient.stats.para.get(lenient.content(), 0) > 2 * found:
            return lenient
    return page


def _parse(text: str, url: str, *, class_words: bool) -> ParsedPage:
    root = _parse_tree(text)
    base = _base_url(root, url)
    meta = _read_meta(root)
    json_ld = _read_json_ld(root)
    canonical, feed_links = _read_links(root, base)
    title_el = next(root.iter("title"), None)
    title_tag = _squash(_text(title_el)) if title_el is not None else ""
    lang = root.get("lang") or root.get("xml:lang")

    _strip_tags(root, EARLY_REMOVED_TAGS)
    primary = _primary_article(root)
    region = primary if primary is not None else _main_element(root)
    headline = _headline(root, region)
    byline = _byline_names(root, region)
    rel_authors = _rel_author_names(root)
    time_published, time_updated = _time_dates(root, region)

    _strip_tags(root, REMOVED_TAGS)
    _remove_boilerplate(root, primary, class_words=class_words)
    if primary is not None and primary.getroottree().getroot() is not root:
        primary = None
    return ParsedPage(
        url=url,
        base=base,
        root=root,
        meta=meta,
        json_ld=json_ld,
        feed_links=feed_links,
        canonical=canonical,
        title_tag=title_tag,
        html_lang=_squash(lang) if lang else None,
        headline=headline,
        byline=byline,
        rel_authors=rel_authors,
        time_published=time_published,
        time_updated=time_updated,
        primary=primary,
        class_words=class_words,
    )


def _media_type(value: str | None) -> str:
    return value.split(";", 1)[0].strip().lower() if value else ""


def _base_url(root: Element, url: str) -> str:
    for base in root.iter("base"):
        href = base.get("href")
        if href:
            return _absolute(href, url) or url
    return url


def _read_meta(root: Element) -> dict[str, list[str]]:
    meta: dict[str, list[str]] = {}
    for el in root.iter("meta"):
        content = el.get("content")
        if content is None or not content.strip():
            continue
        for attr in ("property", "name", "itemprop", "http-equiv"):
            key = el.get(attr)
            if key:
                meta.setdefault(key.strip().lower(), []).append(content.strip())
    for el in root.iter("time"):  # <time itemprop="datePublished" datetime="...">
        prop, value = el.get("itemprop"), el.get("datetime")
        if prop and value:
            meta.setdefault(prop.strip().lower(), []).append(value.strip())
    return meta


def _read_links(root: Element, base: str) -> tuple[str | None, list[str]]:
    canonical = None
    feeds: dict[str, None] = {}
    for link in root.iter("link"):
        rel = _tokens(link.get("rel"))
        href = link.get("href")
        if not href:
            continue
        if "canonical" in rel and canonical is None:
            canonical = _absolute(href, base)
        found = _absolute(href, base) if "alternate" in rel else None
        if found and _media_type(link.get("type")) in FEED_TYPES:
            feeds.setdefault(found, None)
    return canonical, list(feeds)


def _first_meta(page: ParsedPage, *keys: str) -> str:
    for key in keys:
        for value in page.meta.get(key, ()):
            if value.strip():
                return _squash(value)
    return ""


def _read_json_ld(root: Element) -> list[dict[str, Any]]:
    nodes: list[dict[str, Any]] = []
    for script in root.iter("script"):
        if _media_type(script.get("type")) != "application/ld+json":
            continue
        raw = script.text or ""
        if len(raw) > MAX_JSON_LD:
            continue
        try:
            data = json.loads(_JSON_WRAPPER.sub("", raw), strict=False)
        except ValueError:
            continue
        nodes.extend(_ld_nodes(data))
    return nodes


def _ld_nodes(data: Any) -> Iterator[dict[str, Any]]:
    """The objects at the top of a JSON-LD document and in its ``@graph`` (no recursion)."""
    stack = [data]
    while stack:
        value = stack.pop()
        if isinstance(value, list):
            stack.extend(reversed(value))
        elif isinstance(value, dict):
            if "@type" in value or "@id" in value:
                yield value
            if "@graph" in value:
                stack.append(value["@graph"])


def _ld_types(node: dict[str, Any]) -> set[str]:
    value = node.get("@type")
    values = value if isinstance(value, list) else [value]
    return {v.rsplit("/", 1)[-1].lower() for v in values if isinstance(v, str)}


def _article_node(nodes: list[dict[str, Any]], *, pages: bool = True) -> dict[str, Any] | None:
    """The JSON-LD article (``NewsArticle``...), else a ``WebPage`` when ``pages``."""
    fallback = None
    for node in nodes:
        types = _ld_types(node)
        if types & ARTICLE_TYPES or any(t.endswith("article") for t in types):
            return node
        main = node.get("mainEntity")
        if isinstance(main, dict) and _ld_types(main) & ARTICLE_TYPES:
            return main
        if pages and fallback is None and types & PAGE_TYPES:
            fallback = node
    return fallback


def _primary_article(root: Element) -> Element | None:
    """``[itemprop=articleBody]`` (the common ancestor of several), else the biggest ``<article>``.

    None on a listing, whose ``<article>`` cards are all small and alike.
    """
    bodies = [el for el in root.xpath("//*[@itemprop]") if _is_article_body(el)]
    bodies = [el for el in bodies if _paragraph_chars(el)] or bodies
    if bodies:
        common = bodies[0]
        for other in bodies[1:]:
            line = {other, *other.iterancestors()}
            while common is not None and common not in line:
                common = common.getparent()
        if common is not None and _paragraph_chars(common) >= MIN_PARAGRAPH:
            return common
    sizes = {el: _paragraph_chars(el) for el in root.iter("article")}
    articles = [el for el, size in sizes.items() if size >= MIN_CONTENT]
    if not articles:
        return None
    best = max(articles, key=sizes.__getitem__)
    runner_up = max((sizes[el] for el in articles if el is not best), default=0)
    if len(articles) > 2 and runner_up * 2 > sizes[best]:
        return None
    return best


def _paragraph_chars(el: Element) -> int:
    """Characters in the paragraphs inside an element (a quick measure, before cleaning):
    ``<p>`` and ``<pre>``, and the loose text of the blocks that hold text outside them
    (a body split by ``<br>``)."""
    chars = sum(len(_text(p).strip()) for p in el.iter("p", "pre"))
    for block in el.iter(*LEAF_CONTAINERS):
        loose = len(_loose_text(block))
        if loose >= MIN_PARAGRAPH:
            chars += loose
    return chars


def _is_article_body(el: Element) -> bool:
    return "articlebody" in _tokens(el.get("itemprop"))


def _headline(root: Element, region: Element | None) -> str:
    """The article's ``<h1>``: in it or just above it, else the page's only or first long one."""
    scopes = [region, region.getparent()] if region is not None else []
    for scope in scopes:
        if scope is None:
            continue
        for el in scope.iter("h1"):
            text = _squash(_text(el))
            if len(text.split()) >= 2:
                return text
    headings = [h for h in (_squash(_text(el)) for el in root.iter("h1")) if h]
    if len(headings) == 1:
        return headings[0]
    return next((h for h in headings if len(h.split()) >= 3), "")


def _in_junk(el: Element) -> bool:
    """Whether an element sits in comments, related stories, a sidebar, a footer or a nav."""
    for depth, ancestor in enumerate(el.iterancestors()):
        if depth > 40:
            break
        if ancestor.tag in ("aside", "footer", "nav"):
            return True
        if _IN_JUNK_ANCESTOR.search(_class_words(ancestor)):
            return True
    return False


def _byline_names(root: Element, region: Element | None) -> list[str]:
    texts: list[str] = []
    scope = region if region is not None else root
    # Simple XPaths and a regex: an XPath of several contains() is many times slower.
    candidates = [el for el in scope.xpath("descendant::*[@itemprop]") if _is_author_prop(el)]
    candidates += [el for el in scope.xpath("descendant::*[@class]") if _is_byline_class(el)]
    for el in candidates:
        if _is_author_prop(el):
            inner = el.xpath(".//*[@itemprop='name']")
            text = _squash(_text(inner[0] if inner else el))
        else:
            text = _squash(_text(el))
        if text and len(text) <= 120 and not _in_junk(el):
            texts.append(text)
        if len(texts) >= 5:
            break
    if not texts and region is not None:
        return _byline_names(root, None)
    return _clean_names(texts)


def _is_author_prop(el: Element) -> bool:
    return _tokens(el.get("itemprop")) == ["author"]


def _is_byline_class(el: Element) -> bool:
    return bool(_BYLINE_RAW.search(el.get("class"))) and bool(
        _BYLINE_CLASS.search(_class_words(el))
    )


def _rel_author_names(root: Element) -> list[str]:
    return _clean_names(
        _text(el)
        for el in root.iter("a")
        if "author" in _tokens(el.get("rel")) and not _in_junk(el)
    )


def _time_dates(root: Element, region: Element | None) -> tuple[datetime | None, datetime | None]:
    published = updated = fallback = None
    for el in (region if region is not None else root).iter("time"):
        value = _parse_datetime(el.get("datetime"))
        if value is None or (region is None and _in_junk(el)):
            continue
        words = f"{_class_words(el)} {(el.get('itemprop') or '').lower()}"
        if re.search(r"updated|modified", words):
            updated = updated or value
        elif el.get("pubdate") is not None or re.search(r"publish|pub-?date", words):
            published = published or value
        elif fallback is None:
            fallback = value
    return published or fallback, updated
