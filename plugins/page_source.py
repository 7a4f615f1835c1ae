"""Source type ``page``: a web page, or a listing page whose article links are followed.

An article page becomes one document for the page parser. A listing page
(many headline links, little running text) is expanded: up to ``max_links``
article links on the same host are fetched, each with its own remembered
validators, so an unchanged article is not fetched in full again. An
unchanged listing is not expanded at all.
"""

from __future__ import annotations

from collections.abc import Callable

from aggregator import (
    Document,
    Option,
    Run,
    SkipDocument,
    SourceConfig,
    SourceError,
    SourceType,
    hookimpl,
)
from aggregator.schema import positive
from aggregator.toolkit import web

PAGE = SourceType(
    name="page",
    description="an HTML article page, or a listing page whose article links are followed",
    options={
        "url": Option(str, help="the page's URL"),
        "follow_links": Option(bool, True, help="expand a listing page into its articles"),
        "max_links": Option(
            int, 20, help="at most this many articles from a listing", check=positive
        ),
        "same_host": Option(bool, True, help="follow only links on the listing's own host"),
    },
    network=True,
    check=web.check_http_url,
)


@hookimpl
def aggregator_register_source_types(register: Callable[[SourceType], None]) -> None:
    register(PAGE)


@hookimpl(trylast=True)
def aggregator_fetch(source: SourceConfig, run: Run) -> list[Document] | None:
    if source.type != PAGE.name:
        return None
    url: str = source.get("url")
    state = run.source_state(source.name)
    result = web.fetch_tracked(run, url, state)
    if result.not_modified:
        run.note_unchanged(url)
        return []
    if not source.get("follow_links"):
        return [web.to_document(source, run, url, result)]
    # not at start-up:
    from aggregator.toolkit.pages.discovery import find_article_links
    from aggregator.toolkit.pages.listings import looks_like_listing
    from aggregator.toolkit.pages.parsing import parse_page

    page = parse_page(result.content, result.final_url, encoding=result.charset)
    if not looks_like_listing(page, result.final_url):
        return [web.to_document(source, run, url, result)]
    links = find_article_links(
        page, result.final_url, limit=source.get("max_links"), same_host=source.get("same_host")
    )
    if not links:
        raise SourceError(f"{url}: a listing page with no article links")
    documents = []
    for link in links:
        try:
            article = web.fetch_tracked(run, link, web.sub_state(state, "articles", link))
        except (SourceError, SkipDocument) as problem:
            documents.append(web.failed_document(source, run, link, str(problem), "text/html"))
            continue
        if article.not_modified:
            run.note_unchanged(link)
            continue
        documents.append(web.to_document(source, run, link, article))
    return documents
