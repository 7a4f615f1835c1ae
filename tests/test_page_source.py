"""The ``page`` source end to end: web pages on 127.0.0.1 become items and feed entries.

A small site is served from a thread: one article read directly, and a
section page whose article links are followed. Each page carries the
furniture of a real news site (navigation, share bar, cookie notice,
related links, footer), which must not reach the stored text. Every page has
an ETag, so a second run is answered 304 and stores nothing new.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, cast

import pytest

from aggregator.testing import FeedProject

FURNITURE_TOP = """
<header class="site-header">
  <a href="/">The Coastal Ledger</a>
  <nav><ul>
    <li><a href="/world/">World</a></li><li><a href="/business/">Business</a></li>
    <li><a href="/sport/">Sport</a></li><li><a href="/subscribe">Subscribe today</a></li>
  </ul></nav>
</header>
<div class="cookie-banner">We use cookies to remember your reading preferences. Accept all</div>
"""
FURNITURE_BOTTOM = """
<aside class="related"><h3>Related stories</h3><ul>
  <li><a href="/world/2026/01/02/ferry-timetable-changes-for-winter">Ferry timetable
  changes for winter</a></li>
</ul></aside>
<footer class="site-footer">
  <p>© 2026 The Coastal Ledger. All rights reserved.</p>
  <p><a href="/privacy">Privacy policy</a> · <a href="/contact">Contact us</a></p>
</footer>
"""
SHARE_BAR = """<div class="share-bar">Share this article: <a href="#">Facebook</a>
<a href="#">X</a> <a href="#">Email</a></div>"""


def article_page(title: str, published: str, paragraphs: list[str]) -> str:
    body = "\n".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title} | The Coastal Ledger</title>
<meta property="og:type" content="article"></head>
<body>{FURNITURE_TOP}
<main><article>
  <h1>{title}</h1>
  <p class="byline">By Mira Aalto · <time datetime="{published}">{published[:10]}</time></p>
  {SHARE_BAR}
  {body}
</article>
{FURNITURE_BOTTOM}</main>
</body></html>"""


CRANES = (
    "/business/2026/03/06/harbour-cranes-arrive-at-the-northern-quay",
    "Harbour cranes arrive at the northern quay",
    "2026-03-06T08:30:00+00:00",
    [
        "Three electric gantry cranes were lifted onto the northern quay on Thursday after a"
        " nine-day voyage by barge, the port authority said.",
        "Each crane can move forty containers an hour, and together they are expected to"
        " halve the time a large vessel spends at berth.",
        "Dock workers will train on the new machines for six weeks before the first ship is"
        " handled in April, a spokesperson for the operators said.",
    ],
)
LIGHTHOUSE = (
    "/world/2026/03/07/old-lighthouse-reopens-as-a-weather-station",
    "Old lighthouse reopens as a weather station",
    "2026-03-07T10:00:00+00:00",
    [
        "The lighthouse on Gull Point, dark since 1989, has reopened as an automatic weather"
        " station that reports wind and wave height every ten minutes.",
        "Volunteers repainted the tower over the winter, and the keeper's cottage now holds"
        " a small exhibition about the families who lived there.",
    ],
)
ORCHARD = (
    "/world/2026/03/08/island-orchard-plants-four-hundred-apple-trees",
    "Island orchard plants four hundred apple trees",
    "2026-03-08T07:15:00+00:00",
    [
        "Growers on Tarn Island planted four hundred young apple trees this week, choosing"
        " old varieties that cope with salt wind.",
        "The first harvest is expected in three years, and the growers hope to press cider"
        " on the island again for the first time in half a century.",
    ],
)
NOT_FOLLOWED = [
    "/world/2026/03/09/library-extends-its-winter-opening-hours",
    "/world/2026/03/09/new-footbridge-links-the-two-beaches",
    "/world/2026/03/10/school-choir-wins-the-regional-contest",
]


def listing_page() -> str:
    """The World section: five headline links, since a page needs five to read as a listing;
    the source follows the first two (``max_links = 2``)."""
    cards = [
        (LIGHTHOUSE[0], LIGHTHOUSE[1], "A dark tower finds a new use."),
        (ORCHARD[0], ORCHARD[1], "Old varieties return to the island."),
        (NOT_FOLLOWED[0], "Library extends its winter opening hours", "Open until nine."),
        (NOT_FOLLOWED[1], "New footbridge links the two beaches", "A shorter walk."),
        (NOT_FOLLOWED[2], "School choir wins the regional contest", "Applause in the hall."),
    ]
    items = "\n".join(
        f'<article class="card"><h2><a href="{path}">{title}</a></h2><p>{teaser}</p></article>'
        for path, title, teaser in cards
    )
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>World | The Coastal Ledger</title></head>
<body>{FURNITURE_TOP}<main><h1>World</h1>{items}</main>{FURNITURE_BOTTOM}</body></html>"""


class Site(ThreadingHTTPServer):
    """Fixed pages with ETags; remembers every request's path and the status it got."""

    daemon_threads = True

    def __init__(self, pages: dict[str, str]) -> None:
        super().__init__(("127.0.0.1", 0), SiteHandler)
        self.pages = {path: html.encode("utf-8") for path, html in pages.items()}
        self.requests: list[tuple[str, int]] = []
        self.lock = threading.Lock()

    def url(self, path: str) -> str:
        host, port = self.server_address[:2]
        return f"http://{host!s}:{port}{path}"

    def log(self, path: str, status: int) -> None:
        with self.lock:
            self.requests.append((path, status))

    def take_requests(self) -> list[tuple[str, int]]:
        with self.lock:
            taken, self.requests = self.requests, []
        return sorted(taken)


class SiteHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        site = cast(Site, self.server)
        body = site.pages.get(self.path)
        if body is None:
            self.reply(404, b"not here", {})
            return
        etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
        if self.headers.get("If-None-Match") == etag:
            self.reply(304, b"", {"ETag": etag})
            return
        self.reply(200, body, {"ETag": etag, "Content-Type": "text/html; charset=utf-8"})

    def reply(self, status: int, body: bytes, headers: dict[str, str]) -> None:
        cast(Site, self.server).log(self.path, status)
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def site() -> Iterator[Site]:
    pages = {
        path: article_page(title, published, paragraphs)
        for path, title, published, paragraphs in (CRANES, LIGHTHOUSE, ORCHARD)
    }
    server = Site({**pages, "/world/": listing_page()})
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
    thread.join()


@pytest.fixture
def web_project(feed_project: FeedProject, site: Site) -> FeedProject:
    feed_project.config["http"] = {"allow_private": True}
    feed_project.config["sources"] = [
        {"name": "cranes", "type": "page", "url": site.url(CRANES[0]), "follow_links": False},
        {"name": "world", "type": "page", "url": site.url("/world/"), "max_links": 2},
    ]
    return feed_project


ARTICLES = {
    path: (title, paragraphs) for path, title, _, paragraphs in (CRANES, LIGHTHOUSE, ORCHARD)
}
FURNITURE_WORDS = (
    "Coastal Ledger", "Subscribe", "cookies", "Share this article", "Facebook",
    "Related stories", "Ferry timetable", "All rights reserved", "Privacy policy", "Mira Aalto",
)  # fmt: skip


def test_pages_become_items_without_their_furniture(web_project: FeedProject, site: Site) -> None:
    result = web_project.cli("run", "--once")
    assert result.exit_code == 0, result.output
    assert site.take_requests() == sorted(
        [(CRANES[0], 200), ("/world/", 200), (LIGHTHOUSE[0], 200), (ORCHARD[0], 200)]
    )
    items = {item.link: item for item in web_project.items()}
    assert set(items) == {site.url(path) for path in ARTICLES}
    for path, (title, paragraphs) in ARTICLES.items():
        item = items[site.url(path)]
        assert item.title == title
        assert item.text == "\n\n".join(paragraphs)
        for furniture in FURNITURE_WORDS:
            assert furniture not in item.text, (furniture, path)
        assert item.relevance is None or item.relevance.kept
    assert items[site.url(CRANES[0])].source == "cranes"
    assert {items[site.url(path)].source for path in (LIGHTHOUSE[0], ORCHARD[0])} == {"world"}
    published = items[site.url(ORCHARD[0])].published
    assert published is not None and published.isoformat() == ORCHARD[2]

    entries = {entry["title"]: entry for entry in web_project.atom_entries()}
    assert set(entries) == {title for title, _ in ARTICLES.values()}
    for path, (title, _) in ARTICLES.items():
        assert site.url(path) in entries[title]["links"]


def test_a_second_run_is_answered_304_and_stores_nothing_new(
    web_project: FeedProject, site: Site
) -> None:
    assert web_project.cli("run", "--once").exit_code == 0
    site.take_requests()
    stored = {item.id: item.to_dict() for item in web_project.items()}
    atom = (web_project.output_dir / "feed.atom").read_bytes()

    report = web_project.run()

    assert report.ok, report.errors
    assert site.take_requests() == sorted([(CRANES[0], 304), ("/world/", 304)])
    assert report.documents_unchanged == 2
    assert report.items_new == 0 and report.items_updated == 0 and report.stories_new == 0
    assert {item.id: item.to_dict() for item in web_project.items()} == stored
    assert (web_project.output_dir / "feed.atom").read_bytes() == atom
