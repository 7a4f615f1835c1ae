"""Source type ``feed``: an RSS, Atom or JSON feed, fetched over HTTP.

The URL may also be a web page that announces its feed with
``<link rel="alternate" type="application/rss+xml" href="...">``: the feed
is found and remembered (autodiscovery). Every fetch is conditional and
polite (see :mod:`aggregator.toolkit.web`); an unchanged feed (304, or the
same bytes) yields no document, so nothing is parsed.
"""

from __future__ import annotations

from collections.abc import Callable

from aggregator import Document, Option, Run, SourceConfig, SourceError, SourceType, hookimpl
from aggregator.toolkit import web
from aggregator.toolkit.pages.decoding import is_html_page

FEED = SourceType(
    name="feed",
    description="an RSS, Atom or JSON feed (or a page that links to one), fetched over HTTP",
    options={"url": Option(str, help="the feed's URL, or a page that links to its feed")},
    network=True,
    check=web.check_http_url,
)


@hookimpl
def aggregator_register_source_types(register: Callable[[SourceType], None]) -> None:
    register(FEED)


@hookimpl(trylast=True)
def aggregator_fetch(source: SourceConfig, run: Run) -> list[Document] | None:
    if source.type != FEED.name:
        return None
    state = run.source_state(source.name)
    url = state.get("feed_url") or source.get("url")
    result = web.fetch_tracked(run, url, state)
    if result.not_modified:
        run.note_unchanged(url)
        return []
    if is_html_page(result.media_type, result.content):
        # only for pages, not at start-up
        from aggregator.toolkit.pages.discovery import find_feed_links

        links = find_feed_links(result.content, result.final_url, encoding=result.charset)
        if not links:
            raise SourceError(
                f'{url}: this is a web page with no feed link (<link rel="alternate">);'
                ' use type = "page" for pages'
            )
        state["feed_url"] = links[0]
        for key in ("etag", "last_modified", "body_hash"):
            state.pop(key, None)
        result = web.fetch_tracked(run, links[0], state)
        if result.not_modified:
            run.note_unchanged(links[0])
            return []
    return [web.to_document(source, run, url, result)]


@hookimpl
def aggregator_run_finish(run: Run) -> None:
    web.close(run)
