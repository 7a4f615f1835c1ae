"""Parse HTML pages (``text/html``, ``application/xhtml+xml``): one article per page.

The page's metadata (title, dates, authors, canonical URL, site name, image)
and its main text without navigation, comments or related stories come from
:mod:`aggregator.toolkit.pages`. A document of a generic media type
(``application/octet-stream``, none at all) is taken when its first bytes
look like HTML.

The item's id derives from the source and the page's canonical URL (else the
document's URI), so the same article keeps its id whatever tracking
parameters the URL it was fetched from carried. A page with too little
article text (under :data:`MIN_WORDS` words, Chinese and Japanese counted by
characters) gives no item; a listing page
(front page, section) is skipped with a reason, since the fetcher, not the
parser, follows a listing's links to its articles.
"""

from __future__ import annotations

import codecs
from typing import Final

from aggregator import (
    Document,
    DocumentError,
    Item,
    SkipDocument,
    SourceConfig,
    hookimpl,
    stable_id,
)
from aggregator.toolkit.pages.decoding import is_html_page
from aggregator.toolkit.plaintext import derive_title
from aggregator.toolkit.text import looks_binary

NAME = "page_parser"
MIN_WORDS: Final = 40


@hookimpl(trylast=True)
def aggregator_parse(document: Document, source: SourceConfig) -> list[Item] | None:
    if not is_html(document):
        return None
    if not document.content.strip():
        raise SkipDocument("empty page")
    utf16 = document.content.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    if not utf16 and (reason := looks_binary(document.content)):
        raise DocumentError(reason)
    # not at start-up:
    from aggregator.toolkit.pages.extraction import count_words, extract_page
    from aggregator.toolkit.pages.listings import looks_like_listing
    from aggregator.toolkit.pages.parsing import parse_page

    url = document.uri  # the final URL, after redirects: relative links resolve against it
    page = parse_page(document.content, url, encoding=document.encoding)
    if looks_like_listing(page, url):
        raise SkipDocument(f"listing page: {url} links to articles rather than being one")
    article = extract_page(page, url)
    if count_words(article.text) < MIN_WORDS:
        return []
    link = article.canonical_url or document.uri
    title = article.title
    item = Item(
        id=stable_id(source.name, link),
        source=source.name,
        uri=document.uri,
        link=link if link.startswith(("http://", "https://")) else None,
        title=title or derive_title(article.summary or article.text),
        text=article.text,
        summary=article.summary,
        html=article.html,
        published=article.published,
        updated=article.updated,
        authors=list(article.authors),
        outlet=source.outlet or article.site_name,
        language=article.language,
    )
    if article.image_url:
        item.extras["page_image"] = article.image_url
    if not title:
        item.extras["title_derived"] = True
    return [item]


def is_html(document: Document) -> bool:
    """Whether the document is an HTML page (:func:`is_html_page`)."""
    return is_html_page(document.media_type, document.content)
