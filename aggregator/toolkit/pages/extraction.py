"""The article on a page: metadata, main content as sanitized HTML, and plain text.

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
* **main content**: the page without its boilerplate (see
  :mod:`~aggregator.toolkit.pages.parsing`); within what is left,
  ``[itemprop=articleBody]``, the ``<article>``, ``<main>``, or the block with
  the most paragraph text and the fewest links (text-density scoring, see
  :mod:`~aggregator.toolkit.pages.scoring`). Paragraphs, headings, lists, block
  quotes, data tables and links (absolute http(s) only) are kept, other
  blocks unwrapped; images are not kept, nor their captions (``<figcaption>``,
  where photo credits sit); the result passes :func:`aggregator.toolkit.render.sanitize_html`.
"""

from __future__ import annotations

import html as htmllib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Final

import lxml.etree

from aggregator.toolkit.render import sanitize_html
from aggregator.toolkit.text import normalise

from .dom import _SPACE, _absolute, _clean_names, _parse_datetime, _parse_tree, _site_key, _squash
from .parsing import PageInput, ParsedPage, _article_node, _first_meta, parse_page
from .writing import _content_html

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


MIN_ARTICLE_WORDS: Final = 40
"""Below this the JSON-LD ``articleBody``, when longer, replaces the page text."""


CJK_CHARACTERS_PER_WORD: Final = 2
"""Chinese and Japanese are written without spaces; a word averages about two characters."""


_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f]+")
"""Kana and Han ideographs (not Hangul: Korean separates its words with spaces)."""


_TITLE_SEPARATOR = r"\s+(?:\||-|–|—|·|•|»|::|/)\s+"


_LANGUAGE = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*")


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
    words = count_words(body_text)
    if words < MIN_ARTICLE_WORDS and count_words(article_body) > words:
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


def count_words(text: str) -> int:
    """Words in a text of any script: whitespace-separated words, and for Chinese and Japanese
    (written without spaces) one word per :data:`CJK_CHARACTERS_PER_WORD` characters."""
    cjk = sum(len(run) for run in _CJK.findall(text))
    rest = _CJK.sub(" ", text) if cjk else text
    return len(rest.split()) + -(-cjk // CJK_CHARACTERS_PER_WORD)


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
