"""Article extraction from HTML pages: metadata, main text without navigation, links.

Pure functions, no I/O. Every public function takes the page as ``bytes``
(decoded here, see :func:`decode_html`), as ``str``, or as a
:class:`ParsedPage` from :func:`parse_page`, so that a caller asking several
questions about one page parses it only once.

What :func:`extract_page` reads, in order of preference:

* **title**: ``og:title``, ``twitter:title``, the JSON-LD ``headline``, the
  article's ``<h1>``, then ``<title>`` without its " | Site Name" part;
* **dates**: JSON-LD ``datePublished``/``dateModified`` (also inside
  ``@graph``), the usual ``<meta>`` names, then ``<time datetime>`` in the
  article; strings go through :func:`datetime.fromisoformat`, else
  :func:`aggregator.toolkit.dates.parse_date`;
* **authors**: JSON-LD ``author``, ``<meta name="author">`` and
  ``article:author`` (URLs skipped), ``rel="author"`` links, then byline
  elements (``class`` or ``itemprop`` "author"/"byline");
* **main content**: the page without scripts, navigation, headers, footers,
  sidebars, forms, share bars, comments, related stories, newsletter and
  cookie boxes, ads, promotions and breadcrumbs (by tag, and by
  ``class``/``id``/``role``); within what is left, ``[itemprop=articleBody]``,
  the ``<article>``, ``<main>``, or the block with the most paragraph text and
  the fewest links (text-density scoring). Paragraphs, headings, lists, block
  quotes, data tables and links (absolute http(s) only) are kept, other
  blocks unwrapped; the result passes :func:`aggregator.toolkit.render.sanitize_html`.

Pages are parsed with lxml's HTML parser directly rather than through
BeautifulSoup, which takes seconds on a 2 MB page where lxml takes
milliseconds. Every pass over a page is linear in its size and nothing
recurses over the tree, so a deeply nested or multi-megabyte page costs no
more than its length (a 2 MB page: a few tenths of a second in all).
libxml2 stops building the tree at a nesting depth of 2048: whatever a page
nests deeper than that is lost.
"""

from __future__ import annotations

import codecs
import copy
import functools
import html as htmllib
import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Final
from urllib.parse import urldefrag, urljoin, urlsplit

import lxml.etree

from aggregator.toolkit.dates import parse_date
from aggregator.toolkit.render import sanitize_html
from aggregator.toolkit.text import normalise

__all__ = [
    "PageArticle",
    "PageInput",
    "ParsedPage",
    "decode_html",
    "extract_page",
    "find_article_links",
    "find_feed_links",
    "html_text",
    "looks_like_listing",
    "parse_page",
]

Element = Any
"""An ``lxml.etree._Element`` (lxml ships no type information)."""

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

PUBLISHED_META: Final = (
    "article:published_time", "og:published_time", "og:article:published_time",
    "datepublished", "pubdate", "publishdate", "publish-date", "publish_date",
    "date", "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date",
    "parsely-pub-date", "sailthru.date", "article.published", "citation_publication_date",
)  # fmt: skip
UPDATED_META: Final = (
    "article:modified_time", "og:updated_time", "og:article:modified_time",
    "datemodified", "dc.date.modified", "dcterms.modified", "last-modified", "lastmod",
)  # fmt: skip
AUTHOR_META: Final = (
    "author", "article:author", "og:article:author", "byl", "parsely-author",
    "sailthru.author", "dc.creator", "dcterms.creator",
)  # fmt: skip

EARLY_REMOVED_TAGS: Final = ("script", "style", "noscript", "template", "svg", "math")
"""Removed right after the metadata is read (JSON-LD scripts first)."""
REMOVED_TAGS: Final = (
    "iframe", "frame", "frameset", "object", "embed", "applet", "canvas", "button", "input",
    "select", "textarea", "audio", "video", "map",
)  # fmt: skip
"""Removed with everything inside them before the main content is looked for."""
JUNK_TAGS: Final = frozenset({"nav", "header", "footer", "aside", "form", "menu", "dialog"})
"""Removed too, unless they hold the article (ASP.NET pages wrap everything in a form)."""
SOFT: Final = "data-aggregator-soft"
"""Marks blocks left out of the article text but kept for link finding: teasers,
related stories, the header of an ``<article>`` card."""

_HARD_JUNK = re.compile(
    r"(?<![a-z])(?:comments?|commenting|disqus|share|sharing|sharebar|social|newsletters?"
    r"|subscribe|subscription|signup|cookies?|consent|gdpr|advert\w*|ads?|adslot|adunit"
    r"|sponsor\w*|breadcrumbs?|popup|modal|outbrain|taboola|footer|masthead)(?![a-z])"
)
"""Class/id words of blocks that are never article text."""
_SOFT_JUNK = re.compile(
    r"(?<![a-z])(?:related|recommend(?:ed|ations?)?|more-stories|promo\w*|header)(?![a-z])"
)
"""Class/id words of blocks that are not the article's text but may list other articles."""
_WEAK_JUNK = re.compile(
    r"(?<![a-z])(?:nav|navbar|navigation|menu|sidebar|side-bar|widgets?|toolbar|pagination"
    r"|pager|topbar|skip-link|tags|tag-list|rail|banner|utility|print-only)(?![a-z])"
)
"""Class/id words of blocks that are usually not article text."""
_POSITIVE = re.compile(
    r"(?<![a-z])(?:article|articlebody|body|content|entry|main|story|text|prose)(?![a-z])"
)
"""Class/id words that save a block from a weak word ("main-content with-sidebar")."""
_IN_JUNK_ANCESTOR = re.compile(
    r"(?<![a-z])(?:comments?|related|recommend\w*|more-stories|sidebar|promo\w*)(?![a-z])"
)
_BYLINE_CLASS = re.compile(r"(?<![a-z])(?:byline|author|authors|writer|contributor)")
_IN_CONTENT_JUNK = re.compile(
    r"(?<![a-z])(?:byline|author|authors|timestamp|entry-meta|post-meta|article-meta|meta"
    r"|credit|read-more|readmore|also-read|see-also)(?![a-z])"
)
"""Inside the chosen content: blocks that the metadata fields already carry."""
_STATE_TOKEN = re.compile(r"(?:has|with|no|is|show|hide|enable|disable)-")
"""Class tokens that describe a state ("has-comments"), not the block."""
_JUNK_ROLES: Final = frozenset(
    {"navigation", "menu", "menubar", "banner", "contentinfo", "complementary", "search",
     "dialog", "alertdialog", "toolbar", "tablist"}
)  # fmt: skip
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_CAMEL = re.compile(r"([a-z0-9])([A-Z])")
_BYLINE_RAW = re.compile(r"author|byline|writer|contributor", re.IGNORECASE)
_VERDICT_ATTRIBUTES: Final = frozenset({"class", "id", "role", "style", "hidden", "aria-hidden"})

BLOCK_TAGS: Final = frozenset(
    {"p", "div", "section", "article", "main", "header", "footer", "aside", "nav",
     "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "blockquote",
     "pre", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "figure",
     "figcaption", "address", "center", "details", "summary", "hgroup", "hr", "form",
     "fieldset", "body", "html", "menu", "dialog"}
)  # fmt: skip
PARAGRAPH_TAGS: Final = frozenset({"p", "pre"})
"""Always paragraphs; the blocks in :data:`LEAF_CONTAINERS` count as one when they hold no block."""
LEAF_CONTAINERS: Final = frozenset({"div", "section", "td", "blockquote", "article", "dd"})
HEADINGS: Final = frozenset({"h1", "h2", "h3", "h4"})
MIN_PARAGRAPH: Final = 25
"""Characters a paragraph needs to count in text-density scoring."""
MIN_CONTENT: Final = 200
"""Paragraph characters a preferred container (``<article>``, ``<main>``) needs."""
MIN_ARTICLE_WORDS: Final = 40
"""Below this the JSON-LD ``articleBody``, when longer, replaces the page text."""
MAX_NESTING: Final = 40
"""Kept structure (lists, quotes, tables) nested deeper than this is flattened."""
MAX_JSON_LD: Final = 1_000_000
MAX_NAME: Final = 80
DECODE_SNIFF: Final = 16384
"""Bytes searched for a ``<meta charset>``."""

_LATIN1_CODECS: Final = frozenset({"cp1252"})
_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,512}?charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)""", re.IGNORECASE
)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9_.\-]+)""")
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*>")
_TITLE_SEPARATOR = r"\s+(?:\||-|–|—|·|•|»|::|/)\s+"
_SPACE = re.compile(r"\s+")
_EMPTY_BLOCK = re.compile(r"<(p|h2|h3|h4|li|blockquote|figcaption|figure|ul|ol)>(?:\s|<br>)*</\1>")
_BY_PREFIX = re.compile(
    r"^(?:(?:written|posted|reported|words|story|text|photos?)\s+)?by\b\s*:?\s*", re.IGNORECASE
)
_NAME_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b|\|)\s*")
_WORD = re.compile(r"\w+")
_URLISH = re.compile(r"(?:[a-z][a-z0-9+.-]*:)?//|www\.", re.IGNORECASE)
_JSON_WRAPPER = re.compile(
    r"^\s*(?:<!--|//\s*<!\[CDATA\[|<!\[CDATA\[)|(?:-->|//\s*\]\]>|\]\]>)\s*$"
)
_LANGUAGE = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*")

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


@dataclass
class PageArticle:
    """What :func:`extract_page` found on one page. Empty strings and None mean "not found"."""

    title: str = ""
    published: datetime | None = None
    """Timezone-aware (a time without a zone is taken as UTC)."""
    updated: datetime | None = None
    authors: list[str] = field(default_factory=list)
    summary: str = ""
    """Plain text: the page's description, else the first paragraph."""
    html: str = ""
    """The main content, sanitized (:func:`aggregator.toolkit.render.sanitize_html`)."""
    text: str = ""
    """Plain text of ``html``: paragraphs separated by a blank line, list items by a newline."""
    language: str | None = None
    canonical_url: str | None = None
    site_name: str | None = None
    image_url: str | None = None


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
            self._content = _choose_content(self)
            self._content_chosen = True
        return self._content


PageInput = bytes | str | ParsedPage
"""A page as bytes (decoded by :func:`decode_html`), text, or already parsed."""


# ---------------------------------------------------------------------------
# Public API


def decode_html(content: bytes, encoding: str | None = None) -> str:
    """Decode an HTML page's bytes, then normalise it (:func:`~aggregator.toolkit.text.normalise`).

    A byte-order mark decides first; then the transport's charset
    (``encoding``), the ``<meta charset>`` (or ``http-equiv``) and the XML
    declaration, each tried strictly; then UTF-8; then cp1252, replacing what
    it cannot map. As in browsers, ``iso-8859-1`` and ``us-ascii`` mean
    cp1252, and a ``<meta>`` claiming UTF-16 in an ASCII-compatible page means
    UTF-8. When the transport says latin-1 (a common server default) and the
    page declares another charset, the page's declaration is tried first.
    """
    for bom, codec in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if content.startswith(bom):
            return normalise(content.decode(codec, errors="replace"))
    head = content[:DECODE_SNIFF]
    labels = [m.group(1) for m in _XML_ENCODING.finditer(head)]
    labels += [m.group(1) for m in _META_CHARSET.finditer(head)]
    declared = [_codec(label.decode("ascii"), in_page=True) for label in labels]
    transport = _codec(encoding, in_page=False)
    candidates: list[str | None] = [transport, *declared]
    if transport in _LATIN1_CODECS and any(c and c != transport for c in declared):
        candidates = [*declared, transport]
    for candidate in [*candidates, "utf-8"]:
        if candidate is None:
            continue
        try:
            return normalise(content.decode(candidate))
        except (UnicodeDecodeError, LookupError):
            continue
    return normalise(content.decode("cp1252", errors="replace"))


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
    _remove_boilerplate(root, primary)
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
    )


def extract_page(html: PageInput, url: str, *, encoding: str | None = None) -> PageArticle:
    """The article on a page: its metadata, its main content as sanitized HTML, and as text."""
    page = parse_page(html, url, encoding=encoding)
    ld = _article_node(page.json_ld)
    site_name = _first_meta(page, "og:site_name") or (
        _ld_name(page.json_ld, ld.get("publisher")) if ld else ""
    )
    title = _title(page, ld, site_name)
    content = page.content()
    body_html = (
        _content_html(content, page.base, {title, page.headline}) if content is not None else ""
    )
    body_text = html_text(body_html)
    article_body = _ld_text(ld, "articleBody") if ld else ""
    words = len(body_text.split())
    if words < MIN_ARTICLE_WORDS and len(article_body.split()) > words:
        paragraphs = [_squash(p) for p in article_body.split("\n") if p.strip()]
        body_html = sanitize_html("".join(f"<p>{htmllib.escape(p)}</p>" for p in paragraphs))
        body_text = "\n\n".join(paragraphs)
    published, updated = _dates(page, ld)
    return PageArticle(
        title=title,
        published=published,
        updated=updated,
        authors=_authors(page, ld),
        summary=_summary(page, ld, body_text),
        html=body_html,
        text=body_text,
        language=_language(page, ld),
        canonical_url=page.canonical or _absolute(_first_meta(page, "og:url"), page.base),
        site_name=site_name or None,
        image_url=_image(page, ld),
    )


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


def html_text(markup: str) -> str:
    """Plain text of HTML: paragraphs separated by a blank line, lines by a newline.

    Paragraphs, headings, block quotes, lists, tables and figures end a
    paragraph; list items, table rows and ``<br>`` end a line; cells are
    separated by a space. Whitespace is collapsed except inside ``<pre>``.
    """
    if not markup.strip():
        return ""
    root = _parse_tree(f"<html><body><div>{markup}</div></body></html>")
    out: list[str] = []
    pending = 0  # the strongest break waiting for the next text: 1 line, 2 paragraph
    pre = 0

    def add(text: str | None) -> None:
        nonlocal pending
        if not text:
            return
        piece = text if pre else _SPACE.sub(" ", text)
        if not piece.strip() and not pre:
            if out and not pending and not out[-1].endswith((" ", "\n")):
                out.append(" ")
            return
        if pending and out:
            out.append("\n" * pending)
        pending = 0
        out.append(piece)

    for event, el in lxml.etree.iterwalk(root, events=("start", "end")):
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in _TEXT_PARAGRAPHS:
            pending = 2
        elif tag in _TEXT_LINES or (tag == "br" and event == "start"):
            pending = max(pending, 1)
        if event == "start":
            if tag in ("td", "th"):
                add(" ")
            pre += tag == "pre"
            add(el.text)
        else:
            pre -= tag == "pre"
            if el is not root:
                add(el.tail)
    paragraphs = []
    for paragraph in "".join(out).split("\n\n"):
        lines = [line.strip() for line in paragraph.split("\n")]
        if any(lines):
            paragraphs.append("\n".join(line for line in lines if line))
    return "\n\n".join(paragraphs)


_TEXT_PARAGRAPHS: Final = frozenset(
    {"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "ul", "ol", "table",
     "figure", "figcaption", "div"}
)  # fmt: skip
_TEXT_LINES: Final = frozenset({"li", "tr"})


# ---------------------------------------------------------------------------
# Decoding and parsing


def _codec(label: str | None, *, in_page: bool) -> str | None:
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().strip("\"'")).name
    except LookupError:
        return None
    if name in ("latin-1", "iso8859-1", "ascii"):
        return "cp1252"
    if in_page and name.startswith(("utf-16", "utf-32")):
        return "utf-8"
    return name


def _parser() -> Any:
    # A parser per call: lxml parsers must not be shared between threads.
    return lxml.etree.HTMLParser(
        remove_comments=True, remove_pis=True, huge_tree=True, no_network=True
    )


def _parse_tree(text: str) -> Element:
    text = _XML_DECL.sub("", text, count=1)  # lxml refuses str input with an encoding declaration
    if text.strip():
        try:
            root = lxml.etree.fromstring(text, parser=_parser())
        except (lxml.etree.LxmlError, ValueError):
            root = None
        if root is not None:
            return root
    return lxml.etree.fromstring("<html><body></body></html>", parser=_parser())


def _strip_tags(root: Element, tags: Iterable[str]) -> None:
    lxml.etree.strip_elements(root, *tags, with_tail=False)  # keeps their tail text


def _drop(el: Element) -> None:
    """Remove an element and what it holds, keeping the text that follows it."""
    parent = el.getparent()
    if parent is None:
        return
    if el.tail:
        previous = el.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    parent.remove(el)


def _text(el: Element) -> str:
    """The text of an element and everything inside it (not the text after it)."""
    return "".join(el.itertext())


# ---------------------------------------------------------------------------
# Small helpers


def _squash(text: str | None) -> str:
    return " ".join(text.split()) if text else ""


def _tokens(value: str | None) -> list[str]:
    return value.lower().split() if value else []


def _media_type(value: str | None) -> str:
    return value.split(";", 1)[0].strip().lower() if value else ""


def _absolute(href: str | None, base: str) -> str | None:
    """``href`` resolved against ``base``, if that gives an http(s) URL."""
    if not href:
        return None
    href = re.sub(r"[\t\n\r]", "", href).strip()
    if not href or href.startswith("#"):
        return None
    try:
        resolved = urljoin(base, href)
        parts = urlsplit(resolved)
        host = parts.hostname
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not host:
        return None
    return resolved


def _base_url(root: Element, url: str) -> str:
    for base in root.iter("base"):
        href = base.get("href")
        if href:
            return _absolute(href, url) or url
    return url


def _host(url: str) -> str:
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return ""
    return host.removeprefix("www.")


def _class_words(el: Element) -> str:
    """An element's class and id, camelCase split, lower-cased, without state tokens."""
    return f"{_words(el.get('class'))} {_words(el.get('id'))}".strip()


@functools.lru_cache(maxsize=4096)
def _words(raw: str | None) -> str:
    if not raw:
        return ""
    words = _CAMEL.sub(r"\1-\2", raw).lower().split()
    return " ".join(word for word in words if not _STATE_TOKEN.match(word))


@functools.lru_cache(maxsize=4096)
def _word_kinds(words: str) -> tuple[bool, bool, bool, bool]:
    """Whether class words say (hard junk, soft junk, weak junk, content)."""
    return (
        _HARD_JUNK.search(words) is not None,
        _SOFT_JUNK.search(words) is not None,
        _WEAK_JUNK.search(words) is not None,
        _POSITIVE.search(words) is not None,
    )


def _parse_datetime(value: str | None) -> datetime | None:
    """An ISO 8601 or news-style date string as an aware datetime (naive means UTC)."""
    if not value:
        return None
    value = value.strip()
    if not value or len(value) > 100:
        return None
    parsed: datetime | None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        parsed = parse_date(value)
    if parsed is None or not 1900 <= parsed.year <= 2100:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _looks_like_url(text: str) -> bool:
    return bool(_URLISH.match(text)) or ("/" in text and " " not in text)


def _clean_names(texts: Iterable[str]) -> list[str]:
    """Person names from author fields and bylines ("By A, B and C" gives A, B, C)."""
    names: list[str] = []
    seen: set[str] = set()
    for raw in texts:
        text = _BY_PREFIX.sub("", _squash(raw))
        if not text or len(text) > 200 or _looks_like_url(text):
            continue
        for part in _NAME_SPLIT.split(text):
            name = part.strip(" .:-–—|")
            if not name or len(name) > MAX_NAME or "@" in name or _looks_like_url(name):
                continue
            if len(name.split()) > 6 or not any(ch.isalpha() for ch in name):
                continue
            if name.isupper() and len(name) > 5:
                name = name.title()
            if name.lower() not in seen:
                seen.add(name.lower())
                names.append(name)
    return names


def _site_key(text: str) -> str:
    """Words only, lower-cased: for comparing titles and site names."""
    return " ".join(_WORD.findall(text.lower()))


# ---------------------------------------------------------------------------
# Metadata


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


def _ld_resolve(nodes: list[dict[str, Any]], value: Any) -> Any:
    """Follow a ``{"@id": ...}`` reference to the node of the page with that id."""
    if isinstance(value, dict) and "@id" in value and set(value) <= {"@id", "@type"}:
        for node in nodes:
            if node.get("@id") == value["@id"] and node is not value and len(node) > 2:
                return node
    return value


def _ld_text(node: dict[str, Any], key: str) -> str:
    value = node.get(key)
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, str)), None)
    return normalise(htmllib.unescape(value)).strip() if isinstance(value, str) else ""


def _ld_name(nodes: list[dict[str, Any]], value: Any) -> str:
    value = _ld_resolve(nodes, value)
    if isinstance(value, list):
        value = _ld_resolve(nodes, value[0]) if value else None
    if isinstance(value, dict):
        value = value.get("name")
    return _squash(value) if isinstance(value, str) else ""


def _ld_authors(nodes: list[dict[str, Any]], node: dict[str, Any]) -> list[str]:
    value = node.get("author") or node.get("creator")
    names = []
    for entry in value if isinstance(value, list) else [value]:
        entry = _ld_resolve(nodes, entry)
        name = entry.get("name") if isinstance(entry, dict) else entry
        if isinstance(name, str):
            names.append(name)
    return _clean_names(names)


def _ld_image(nodes: list[dict[str, Any]], node: dict[str, Any]) -> str | None:
    value = _ld_resolve(nodes, node.get("image") or node.get("thumbnailUrl"))
    if isinstance(value, list):
        value = _ld_resolve(nodes, value[0]) if value else None
    if isinstance(value, dict):
        value = value.get("url") or value.get("contentUrl")
    return value if isinstance(value, str) else None


def _title(page: ParsedPage, ld: dict[str, Any] | None, site_name: str) -> str:
    site = _site_key(site_name)
    for candidate in (
        _first_meta(page, "og:title"),
        _first_meta(page, "twitter:title"),
        _squash(_ld_text(ld, "headline")) if ld else "",
    ):
        if candidate and _site_key(candidate) != site:  # some sites put their name everywhere
            return _strip_site_name(candidate, site_name, guess=False)
    if page.headline:
        return page.headline
    return _strip_site_name(page.title_tag, site_name, guess=True)


def _strip_site_name(title: str, site_name: str, *, guess: bool) -> str:
    """Remove the site's name from a page title: "Headline | Site", "Site - Headline".

    With ``guess``, a short last part (four words at most) after a longer
    first part is taken for the site's name even when the name is unknown.
    """
    pieces = re.split(f"({_TITLE_SEPARATOR})", title)
    parts = pieces[0::2]
    if len(parts) < 2:
        return title
    start, end = 0, len(parts)
    site = _site_key(site_name)
    if site:
        names = {site, site.removeprefix("the ")}
        while end - start > 1 and _site_key(parts[end - 1]) in names:
            end -= 1
        while end - start > 1 and _site_key(parts[start]) in names:
            start += 1
    if guess:
        while end - start > 1:
            last = len(parts[end - 1].split())
            rest = len(" ".join(parts[start : end - 1]).split())
            if last > 4 or rest < max(3, last):
                break
            end -= 1
    return "".join(pieces[start * 2 : end * 2 - 1]).strip()


def _dates(page: ParsedPage, ld: dict[str, Any] | None) -> tuple[datetime | None, datetime | None]:
    published = updated = None
    if ld:
        published = _parse_datetime(_ld_text(ld, "datePublished") or _ld_text(ld, "dateCreated"))
        updated = _parse_datetime(_ld_text(ld, "dateModified"))
    published = published or _meta_date(page, PUBLISHED_META) or page.time_published
    updated = updated or _meta_date(page, UPDATED_META) or page.time_updated
    return published, updated


def _meta_date(page: ParsedPage, keys: Iterable[str]) -> datetime | None:
    for key in keys:
        for value in page.meta.get(key, ()):
            if parsed := _parse_datetime(value):
                return parsed
    return None


def _authors(page: ParsedPage, ld: dict[str, Any] | None) -> list[str]:
    if ld and (names := _ld_authors(page.json_ld, ld)):
        return names
    for key in AUTHOR_META:
        if names := _clean_names(page.meta.get(key, ())):
            return names
    return page.rel_authors or page.byline


def _summary(page: ParsedPage, ld: dict[str, Any] | None, text: str) -> str:
    found = _first_meta(page, "description", "og:description", "twitter:description")
    if not found and ld:
        found = _squash(_ld_text(ld, "description"))
    if found:
        return found
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    lead = next((p for p in paragraphs if len(p.split()) >= 8), paragraphs[0] if paragraphs else "")
    return _squash(lead)


def _language(page: ParsedPage, ld: dict[str, Any] | None) -> str | None:
    candidates = [page.html_lang]
    if ld:
        value = ld.get("inLanguage")
        if isinstance(value, dict):
            value = value.get("alternateName") or value.get("name")
        candidates.append(value if isinstance(value, str) else None)
    candidates.append(_first_meta(page, "content-language", "language", "dc.language"))
    candidates.append(_first_meta(page, "og:locale"))
    for value in candidates:
        if value and _LANGUAGE.fullmatch(value.strip()):
            return value.strip().replace("_", "-")
    return None


def _image(page: ParsedPage, ld: dict[str, Any] | None) -> str | None:
    for value in (
        _first_meta(page, "og:image:secure_url", "og:image:url", "og:image"),
        _first_meta(page, "twitter:image", "twitter:image:src"),
        _ld_image(page.json_ld, ld) if ld else None,
    ):
        if value and (found := _absolute(value, page.base)):
            return found
    return None


# ---------------------------------------------------------------------------
# Text statistics: one linear pass, children before parents


class _Stats:
    """Per element: visible characters, characters in links, paragraph characters.

    ``para`` counts the text outside links of the paragraphs in a subtree
    (``<p>``, ``<pre>``, and blocks of :data:`LEAF_CONTAINERS` that hold no
    block); ``paragraphs`` lists those of :data:`MIN_PARAGRAPH` characters
    or more. Blocks marked :data:`SOFT` and what they hold count for nothing.
    """

    def __init__(self, root: Element) -> None:
        self.total: dict[Element, int] = {}
        self.links: dict[Element, int] = {}
        self.para: dict[Element, int] = {}
        self.paragraphs: list[Element] = []
        soft = set(root.xpath(f"descendant-or-self::*[@{SOFT}]/descendant-or-self::*"))
        # The list keeps the lxml proxies alive, so that they stay valid dict keys.
        self._elements = list(root.iter(lxml.etree.Element))
        has_block: set[Element] = set()
        total, links, para = self.total, self.links, self.para
        for el in reversed(self._elements):  # reversed document order: children first
            if soft and el in soft:
                continue
            own = total.get(el, 0)
            if text := el.text:
                own += len(text.strip())
            total[el] = own
            tag = el.tag
            link = links.get(el, 0)
            if tag == "a":
                link = links[el] = own
            if tag in PARAGRAPH_TAGS or (tag in LEAF_CONTAINERS and el not in has_block):
                para[el] = own - link
                if own >= MIN_PARAGRAPH:
                    self.paragraphs.append(el)
            parent = el.getparent()
            if parent is None:
                continue
            if tail := el.tail:
                own += len(tail.strip())
            total[parent] = total.get(parent, 0) + own
            if link:
                links[parent] = links.get(parent, 0) + link
            if text_in_paragraphs := para.get(el):
                para[parent] = para.get(parent, 0) + text_in_paragraphs
            if tag in BLOCK_TAGS:
                has_block.add(parent)
        self.paragraphs.reverse()

    def link_density(self, el: Element) -> float:
        total = self.total.get(el, 0)
        return self.links.get(el, 0) / total if total else 0.0


# ---------------------------------------------------------------------------
# Reading the article's region before the boilerplate goes


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
    """Characters in the paragraphs inside an element (a quick measure, before cleaning)."""
    return sum(len(_text(p).strip()) for p in el.iter("p", "pre"))


def _is_article_body(el: Element) -> bool:
    return "articlebody" in _tokens(el.get("itemprop"))


def _main_element(root: Element) -> Element | None:
    main = next(root.iter("main"), None)
    if main is not None:
        return main
    return next((el for el in root.xpath("descendant::*[@role]") if el.get("role") == "main"), None)


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


# ---------------------------------------------------------------------------
# Boilerplate removal and the choice of the main content


def _remove_boilerplate(root: Element, primary: Element | None) -> None:
    """Drop blocks that are not article text, or mark them :data:`SOFT`.

    Decided by tag (nav, header, footer, aside, form...), role, hidden state,
    and the words of the class and id. Never the primary article nor its
    ancestors; a block holding half the page's paragraphs only for a hard
    word (comments, share, ads...) without a word that says "content".
    """
    protected: set[Element] = set()
    if primary is not None:
        protected = {primary, *primary.iterancestors()}
    body = next(root.iter("body"), root)
    page_paragraphs = body.xpath("count(descendant::p)")
    verdicts = []
    for el in body.iter(lxml.etree.Element):
        if el.tag not in JUNK_TAGS:
            attributes = el.attrib
            if not attributes or _VERDICT_ATTRIBUTES.isdisjoint(attributes.keys()):
                continue
        if el in protected or el is body:
            continue

        def large(el: Element = el) -> bool:
            return bool(page_paragraphs and el.xpath("count(descendant::p)") * 2 >= page_paragraphs)

        if verdict := _junk_verdict(el, large):
            verdicts.append((el, verdict))
    for el, verdict in verdicts:
        if verdict == "soft":
            el.set(SOFT, "1")
        else:
            _drop(el)


def _junk_verdict(el: Element, large: Callable[[], bool]) -> str | None:
    """ "hard" (drop), "soft" (leave out of the text, keep for links) or None (keep).

    ``large()`` tells whether the block holds half the page's paragraphs.
    """
    tag = el.tag
    if tag in JUNK_TAGS:
        if tag == "header" and next(el.iterancestors("article"), None) is not None:
            return "soft"  # the head of an <article> card: its headline link is wanted
        if tag not in ("form", "header", "dialog") or not large():
            return "hard"
    if el.get("hidden") is not None or _HIDDEN_STYLE.search(el.get("style") or ""):
        return "hard"
    role = (el.get("role") or "").lower() in _JUNK_ROLES
    aria_hidden = (el.get("aria-hidden") or "").lower() == "true"
    if (role or aria_hidden) and not large():
        return "hard"
    words = _class_words(el)
    if not words:
        return None
    hard, soft, weak, positive = _word_kinds(words)
    if hard and not (positive and large()):
        return "hard"
    if soft and not (positive and large()):
        return "soft"
    if weak and not (positive or large()):
        return "hard"
    return None


def _choose_content(page: ParsedPage) -> Element | None:
    root, stats = page.root, page.stats
    scope = next(root.iter("body"), root)
    for preferred in (page.primary, _main_element(root)):
        if preferred is not None and stats.para.get(preferred, 0) >= MIN_CONTENT:
            scope = preferred
            break
    winner = _best_candidate(scope, stats)
    if winner is None:
        return scope if stats.para.get(scope, 0) else None
    # Climb while the winner holds under two thirds of its scope's text (a body in
    # sections), but never out of an <article>: one is a whole by definition.
    while (
        winner is not scope
        and winner.tag not in ("article", "main")
        and stats.para.get(winner, 0) * 3 < stats.para.get(scope, 0) * 2
    ):
        parent = winner.getparent()
        if parent is None or stats.link_density(parent) > 0.3:
            break
        winner = parent
    return winner


def _best_candidate(scope: Element, stats: _Stats) -> Element | None:
    """Text-density scoring: a paragraph credits its parent fully and its grandparent half.

    A paragraph scores 1, plus one per comma, plus one per 100 characters
    (up to three); a candidate's class words add or take 25; the total is
    scaled by the share of its text outside links.
    """
    body = scope.getroottree().getroot().find("body")
    inside = None if scope is body else set(scope.iter(lxml.etree.Element))
    scores: dict[Element, float] = {}
    for paragraph in stats.paragraphs:
        if inside is not None and paragraph not in inside:
            continue
        text = _text(paragraph)
        score = 1 + text.count(",") + min(len(text) // 100, 3)
        parent = paragraph.getparent()
        for share in (1.0, 0.5):
            if parent is None or (inside is not None and parent not in inside):
                break
            if parent not in scores:
                scores[parent] = _class_weight(parent)
            scores[parent] += score * share
            parent = parent.getparent()
    if not scores:
        return None
    return max(scores, key=lambda el: scores[el] * (1 - stats.link_density(el)))


def _class_weight(el: Element) -> float:
    hard, soft, weak, positive = _word_kinds(_class_words(el))
    weight = 0.0
    if positive:
        weight += 25
    if hard or soft or weak:
        weight -= 25
    if el.tag in ("article", "main"):
        weight += 10
    return weight


# ---------------------------------------------------------------------------
# Writing the main content as simple HTML


_STRUCTURE: Final = {
    "p": "p", "h1": "h2", "h2": "h2", "h3": "h3", "h4": "h4", "h5": "h4", "h6": "h4",
    "ul": "ul", "ol": "ol", "li": "li", "blockquote": "blockquote", "pre": "pre",
    "figure": "figure", "figcaption": "figcaption", "dt": "p", "dd": "p", "table": "table",
    "thead": "thead", "tbody": "tbody", "tfoot": "tbody", "tr": "tr", "td": "td", "th": "th",
}  # fmt: skip
"""Blocks written out (as what); other blocks are unwrapped."""
_INLINE: Final = {
    "b": "b", "strong": "strong", "i": "i", "em": "em", "u": "u", "s": "s", "strike": "s",
    "del": "s", "sub": "sub", "sup": "sup", "code": "code", "q": "q", "cite": "cite",
    "abbr": "abbr", "small": "small", "kbd": "code", "samp": "code", "tt": "code",
    "ins": "u", "mark": "em",
}  # fmt: skip
"""Inline elements written out (as what); other inline elements are unwrapped."""
_NO_TEXT: Final = frozenset({"ul", "ol", "table", "thead", "tbody", "tr"})
"""Output contexts where loose text and inline elements have no place."""
_FLOW: Final = frozenset({"", "blockquote", "figure"})
"""Output contexts where loose text gets a paragraph of its own."""
_PARENTS: Final = {
    "li": frozenset({"ul", "ol"}),
    "thead": frozenset({"table"}),
    "tbody": frozenset({"table"}),
    "tr": frozenset({"table", "thead", "tbody"}),
    "td": frozenset({"tr"}),
    "th": frozenset({"tr"}),
    "figcaption": frozenset({"figure"}),
}
_BLOCK_PARENTS: Final = frozenset({"", "blockquote", "li", "td", "th", "figure"})
_LAYOUT_TABLE = "boolean(.//table|.//p|.//div|.//ul|.//ol|.//h1|.//h2|.//h3|.//blockquote)"


def _content_html(content: Element, base: str, titles: set[str]) -> str:
    """The main content as simple, sanitized HTML (written from a cleaned copy)."""
    tree = copy.deepcopy(content)
    tree.tail = None
    for el in tree.xpath(f"descendant-or-self::*[@{SOFT}]"):
        if el is not tree:
            _drop(el)
    _clean_content(tree, {_site_key(t) for t in titles if t})
    return sanitize_html(_Writer(base).write(tree))


def _clean_content(tree: Element, titles: set[str]) -> None:
    """Inside the chosen content, drop the headline, bylines and link lists."""
    stats = _Stats(tree)
    h1s = list(tree.iter("h1"))
    doomed = []
    for el in tree.iter(lxml.etree.Element):
        if el is tree or not isinstance(el.tag, str):
            continue
        tag = el.tag
        total = stats.total.get(el, 0)
        headline = tag in HEADINGS and (_site_key(_text(el)) in titles or h1s == [el])
        metadata = total < 300 and _IN_CONTENT_JUNK.search(_class_words(el)) is not None
        link_list = (
            tag in ("div", "section", "ul", "ol", "table", "dl")
            and stats.link_density(el) > 0.5
            and stats.para.get(el, 0) < 200
        )
        if headline or metadata or link_list:
            doomed.append(el)
    for el in doomed:
        _drop(el)


class _Writer:
    """Writes an element's content as flat HTML: known structure kept, other blocks unwrapped.

    Loose text gets a paragraph of its own, two ``<br>`` in a row end one, a
    table holding blocks is taken for layout and unwrapped, and structure is
    only opened where it is valid, so that the sanitizer has nothing to
    repair. One pass over start and end events, no recursion.
    """

    def __init__(self, base: str) -> None:
        self.base = base
        self.out: list[str] = []
        self.stack: list[str] = []
        """Open output tags; ``"p*"`` is a paragraph opened for loose text."""

    @property
    def top(self) -> str:
        return self.stack[-1] if self.stack else ""

    def write(self, root: Element) -> str:
        frames: list[str | None] = []
        for event, el in lxml.etree.iterwalk(root, events=("start", "end")):
            tag = el.tag if isinstance(el.tag, str) else ""
            if event == "start":
                frames.append(self.start(el, tag) if el is not root else None)
                self.text(el.text)
                continue
            opened = frames.pop()
            if opened is not None:
                self.close(opened)
            elif tag in BLOCK_TAGS:
                self.boundary()
            if el is not root:
                self.text(el.tail)
        while self.stack:
            self.close(self.stack[-1])
        markup = "".join(self.out)
        for _ in range(3):
            markup = _EMPTY_BLOCK.sub("", markup)
        return markup

    def start(self, el: Element, tag: str) -> str | None:
        if tag == "br":
            self.line_break()
            return None
        if tag == "a" or tag in _INLINE:
            href = _absolute(el.get("href"), self.base) if tag == "a" else None
            if self.top in _NO_TEXT or (tag == "a" and href is None):
                return None
            self.inline_context()
            inline = "a" if href else _INLINE[tag]
            self.out.append(f'<a href="{htmllib.escape(href)}">' if href else f"<{inline}>")
            self.stack.append(inline)
            return inline
        name: str | None = _STRUCTURE.get(tag)
        if name == "table" and el.xpath(_LAYOUT_TABLE):
            name = None  # a layout table: its cells are just blocks
        if name is None or len(self.stack) >= MAX_NESTING or not self.can_open(name):
            if tag in BLOCK_TAGS:
                self.boundary()
            return None
        if self.top == "p*":
            self.close("p*")
        self.out.append(f"<{name}>")
        self.stack.append(name)
        return name

    def line_break(self) -> None:
        if self.top in _FLOW or self.top in _NO_TEXT:
            return
        last = next((token for token in reversed(self.out) if token != " "), "")
        if self.top == "p*" and last == "<br>":
            while self.out[-1] != "<br>":
                self.out.pop()
            self.out.pop()
            self.close("p*")
        else:
            self.out.append("<br>")

    def can_open(self, name: str) -> bool:
        top = "" if self.top == "p*" else self.top
        allowed = _PARENTS.get(name)
        return top in allowed if allowed is not None else top in _BLOCK_PARENTS

    def boundary(self) -> None:
        if self.top == "p*":
            self.close("p*")
        elif self.top and self.top not in _FLOW and self.top not in _NO_TEXT:
            self.out.append(" ")

    def inline_context(self) -> None:
        if self.top in _FLOW:
            self.out.append("<p>")
            self.stack.append("p*")

    def text(self, text: str | None) -> None:
        if not text or self.top in _NO_TEXT:
            return
        if not text.strip():
            if self.top not in _FLOW:
                self.out.append(" ")
            return
        self.inline_context()
        if "pre" not in self.stack:
            text = _SPACE.sub(" ", text)
        self.out.append(htmllib.escape(text, quote=False))

    def close(self, name: str) -> None:
        while self.stack:
            top = self.stack.pop()
            self.out.append("</p>" if top == "p*" else f"</{top}>")
            if top == name:
                return


# ---------------------------------------------------------------------------
# Links on listing pages


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


def _link_candidates(
    page: ParsedPage, *, same_host: bool, headlines_only: bool = False
) -> Iterator[_Link]:
    own = {urldefrag(u)[0] for u in (page.url, page.canonical) if u}
    host = _host(page.url)
    for el in page.root.iter("a"):
        in_headline = _in_headline(el)
        if headlines_only and not in_headline:
            continue
        if set(_tokens(el.get("rel"))) & _EXCLUDED_LINK_REL:
            continue
        url = _absolute(el.get("href"), page.base)
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
    for depth, ancestor in enumerate(el.iterancestors()):
        if depth >= 6:
            break
        if ancestor.tag in HEADINGS or ancestor.tag == "article":
            return True
    return False


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
