from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from aggregator import Document, DocumentError, Item, SkipDocument, SourceConfig, stable_id
from aggregator.plugins import page_parser
from aggregator.plugins.page_parser import aggregator_parse, is_html

FETCHED = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
JST = timezone(timedelta(hours=9))
URL = "https://news.example.jp/politics/2026/03/09/india-japan-defence-dialogue/"

ARTICLE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>India, Japan hold defence dialogue in Tokyo – Pacific Ledger</title>
<meta property="og:site_name" content="Pacific Ledger">
<meta property="og:type" content="article">
<meta property="og:image" content="https://cdn.example.jp/photos/dialogue.jpg">
<meta property="article:published_time" content="2026-03-09T18:20:00+09:00">
<meta property="article:modified_time" content="2026-03-09T21:00:00+09:00">
<meta name="description" content="Officials discussed joint exercises and equipment transfers.">
<link rel="canonical" href="https://news.example.jp/politics/india-japan-defence-dialogue/">
</head>
<body>
<div class="skip-link"><a href="#content">Skip to content</a></div>
<header id="masthead"><nav class="primary-menu"><a href="/">Top</a> <a href="/politics">Politics</a>
<a href="/economy">Economy</a> <a href="/login">Log in</a></nav></header>
<div id="content" class="site-content with-sidebar">
<div class="entry">
<h1 class="entry-title">India, Japan hold defence dialogue in Tokyo</h1>
<div class="entry-meta">Posted on <time datetime="2026-03-09T18:20:00+09:00">March 9</time> by
<span class="author">Hana Mori</span></div>
<div class="entry-content">
<p>Senior defence officials from India and Japan met in Tokyo on Monday for their annual
dialogue, agreeing to expand joint exercises and to study the transfer of equipment.</p>
<p>The two delegations also discussed maritime security in the Indian Ocean, supply chains for
defence manufacturing, and cooperation on space situational awareness, according to a joint
statement released after the meeting.</p>
<div class="sharedaddy sd-sharing-enabled"><h3>Share this:</h3><ul><li><a href="?share=x">X</a>
</li><li><a href="?share=facebook">Facebook</a></li></ul></div>
<p>A follow-up meeting is planned in New Delhi later this year.</p>
</div>
</div>
<div id="comments" class="comments-area"><h2>One thought on this story</h2>
<p>Good to see the two navies working together more closely these days.</p></div>
</div>
<div id="secondary" class="widget-area sidebar"><section class="widget"><h2>Archives</h2>
<ul><li><a href="/2026/02/">February 2026</a></li></ul></section></div>
<footer id="colophon"><p>Pacific Ledger, Tokyo. Proudly powered by a content system.</p></footer>
</body>
</html>
"""

LISTING = """<!DOCTYPE html>
<html><head><title>Politics – Pacific Ledger</title></head>
<body><nav><a href="/">Top</a> <a href="/politics">Politics</a></nav>
<main><h1>Politics</h1>
<article><h2><a href="/politics/india-japan-defence-dialogue/">India, Japan hold defence
dialogue in Tokyo</a></h2><p>Officials discussed exercises.</p></article>
<article><h2><a href="/politics/diet-passes-budget-bill/">Diet passes the budget bill</a></h2>
<p>The lower house voted on Friday.</p></article>
<article><h2><a href="/politics/governors-meet-on-disaster-plans/">Governors meet on disaster
plans</a></h2><p>Regional leaders met in Sendai.</p></article>
<article><h2><a href="/politics/new-envoy-named-for-asean/">New envoy named for ASEAN</a></h2>
<p>A career diplomat takes the post.</p></article>
<article><h2><a href="/politics/party-leadership-race-opens/">Party leadership race opens</a>
</h2><p>Three candidates have declared.</p></article>
<article><h2><a href="/politics/tax-panel-report-released/">Tax panel report released</a></h2>
<p>The panel recommends simpler rules.</p></article>
</main></body></html>
"""


def source(outlet: str = "") -> SourceConfig:
    return SourceConfig(
        name="ledger", type="web", options={}, base_dir=Path("."), outlet=outlet, network=True
    )


def document(
    content: str | bytes,
    media_type: str = "text/html",
    uri: str = URL,
    encoding: str | None = None,
) -> Document:
    return Document(
        source="ledger",
        uri=uri,
        content=content.encode("utf-8") if isinstance(content, str) else content,
        media_type=media_type,
        fetched_at=FETCHED,
        encoding=encoding,
    )


def parse(doc: Document, src: SourceConfig | None = None) -> list[Item]:
    items = aggregator_parse(doc, src or source())
    assert items is not None
    return items


def test_article_page_becomes_one_item() -> None:
    [item] = parse(document(ARTICLE))
    canonical = "https://news.example.jp/politics/india-japan-defence-dialogue/"
    assert item.id == stable_id("ledger", canonical)
    assert item.link == canonical
    assert item.uri == URL
    assert item.source == "ledger"
    assert item.title == "India, Japan hold defence dialogue in Tokyo"
    assert item.summary == "Officials discussed joint exercises and equipment transfers."
    assert item.published == datetime(2026, 3, 9, 18, 20, tzinfo=JST)
    assert item.updated == datetime(2026, 3, 9, 21, 0, tzinfo=JST)
    assert item.authors == ["Hana Mori"]
    assert item.outlet == "Pacific Ledger"
    assert item.language == "en"
    assert item.extras == {"page_image": "https://cdn.example.jp/photos/dialogue.jpg"}
    paragraphs = item.text.split("\n\n")
    assert len(paragraphs) == 3
    assert paragraphs[0].startswith("Senior defence officials from India and Japan met")
    assert paragraphs[2] == "A follow-up meeting is planned in New Delhi later this year."
    for junk in ("Skip", "Log in", "Posted on", "Share", "thought", "Archives", "powered"):
        assert junk not in item.text
    assert item.html.startswith("<p>Senior defence officials")
    assert "<script" not in item.html


def test_configured_outlet_wins_and_id_is_stable() -> None:
    [first] = parse(document(ARTICLE), source("Ledger Online"))
    [again] = parse(document(ARTICLE, uri=URL + "?utm_source=feed"), source("Ledger Online"))
    assert first.outlet == "Ledger Online"
    assert first.id == again.id


def test_without_canonical_the_document_uri_is_the_link() -> None:
    page = ARTICLE.replace('<link rel="canonical"', '<link rel="preload"')
    [item] = parse(document(page))
    assert item.link == URL
    assert item.id == stable_id("ledger", URL)


def test_a_page_without_article_text_gives_no_item() -> None:
    page = "<html><head><title>Subscribe | Pacific Ledger</title></head><body><p>Sign up.</p>"
    assert parse(document(page)) == []


def test_untitled_page_gets_a_derived_title() -> None:
    text = " ".join(["The harbour authority published its annual report on cargo volumes."] * 6)
    [item] = parse(document(f"<html><body><p>{text}</p></body></html>", uri="https://a.example/x"))
    assert item.title == "The harbour authority published its annual report on cargo volumes"
    assert item.extras["title_derived"] is True


def test_listing_page_is_skipped() -> None:
    with pytest.raises(SkipDocument, match="listing page"):
        aggregator_parse(document(LISTING, uri="https://news.example.jp/politics/"), source())


def test_cp1252_page_declared_in_meta() -> None:
    text = (
        "<html><head><meta charset='windows-1252'><title>Café diplomacy – “a new chapter”"
        "</title></head><body><article>"
        + "<p>The envoys met over café au lait, and the talks — by all accounts — went well.</p>"
        * 6
        + "</article></body></html>"
    )
    [item] = parse(document(text.encode("cp1252")))
    assert item.title == "Café diplomacy – “a new chapter”"
    assert "café au lait, and the talks — by all accounts" in item.text


def test_transport_encoding_is_used() -> None:
    text = "<p>" + "Zürich und München verhandeln über Handelsfragen mit Japan. " * 8 + "</p>"
    [item] = parse(document(text.encode("iso-8859-1"), encoding="iso-8859-1"))
    assert "München" in item.text


@pytest.mark.parametrize(
    ("media_type", "content", "expected"),
    [
        ("text/html", "anything", True),
        ("text/html; charset=utf-8", "anything", True),
        ("application/xhtml+xml", "anything", True),
        ("TEXT/HTML", "anything", True),
        ("application/octet-stream", "  <!DOCTYPE html><html></html>", True),
        ("", "<html lang='en'><body></body></html>", True),
        ("", "\ufeff<!-- saved page --><!doctype HTML><p>x</p>", True),
        ("application/octet-stream", "<?xml version='1.0'?><html></html>", True),
        ("application/octet-stream", "<?xml version='1.0'?><rss></rss>", False),
        ("application/octet-stream", "plain words", False),
        ("text/plain", "<!doctype html><html></html>", False),
        ("application/rss+xml", "<html></html>", False),
        ("application/json", "{}", False),
        ("text/html", "<?xml version='1.0'?>\n<rss version='2.0'><channel/></rss>", False),
        ("text/html", "<?xml-stylesheet href='s.xsl'?><feed xmlns='x'></feed>", False),
    ],
)
def test_media_type_and_sniffing(media_type: str, content: str, expected: bool) -> None:
    assert is_html(document(content, media_type=media_type)) is expected


def test_other_media_types_are_not_ours() -> None:
    assert aggregator_parse(document("hello", media_type="text/plain"), source()) is None
    assert aggregator_parse(document("<rss/>", media_type="application/rss+xml"), source()) is None


def test_empty_and_binary_pages() -> None:
    with pytest.raises(SkipDocument):
        aggregator_parse(document(b"  \n"), source())
    with pytest.raises(DocumentError):
        aggregator_parse(document(b"\x89PNG\r\n\x1a\n\x00\x00binary"), source())


def test_utf16_page_is_not_taken_for_binary() -> None:
    text = "<p>" + "Osaka port traffic rose for the third month in a row. " * 8 + "</p>"
    [item] = parse(document(text.encode("utf-16")))
    assert item.text.startswith("Osaka port traffic rose")


def test_xss_does_not_survive() -> None:
    body = "<p>Officials met again today to talk about trade, ports and shipping lanes.</p>" * 5
    page = f"""<html><body><article>{body}
    <p><a href="javascript:alert(1)" onclick="x()">click</a><img src=x onerror=alert(2)>
    <script>alert(3)</script><iframe src="https://evil.example/"></iframe></p>
    </article></body></html>"""
    [item] = parse(document(page))
    for bad in ("javascript", "onclick", "onerror", "<img", "<script", "<iframe", "alert"):
        assert bad not in item.html


def test_dispatch_beside_the_text_parser() -> None:
    from aggregator.manager import new_plugin_manager
    from aggregator.plugins import text_parser

    pm = new_plugin_manager()
    pm.register(text_parser, name="text_parser")
    pm.register(page_parser, name=page_parser.NAME)
    pm.check_pending()
    [item] = pm.hook.aggregator_parse(document=document(ARTICLE), source=source(), config=None)
    assert item.title == "India, Japan hold defence dialogue in Tokyo"
    plain = document("Tokyo\n\nA plain text article about ports.", media_type="text/plain")
    [item] = pm.hook.aggregator_parse(document=plain, source=source(), config=None)
    assert "A plain text article about ports." in item.text
    assert item.html == ""
    assert (
        pm.hook.aggregator_parse(
            document=document("{}", "application/json"), source=source(), config=None
        )
        is None
    )
