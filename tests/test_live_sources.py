"""Live sources end to end, against servers on 127.0.0.1: every format, conditional GET,
and every kind of bad server or hostile feed costing only its own source."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from loopback import gzip_bomb, redirect, serve, static, status, trickle

from aggregator.testing import FeedProject

RSS2 = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Harbour Herald</title><link>http://example.org/</link>
<description>Ports news</description>
<item><title>Harbour authority opens a new quay</title><link>/news/quay</link>
<guid isPermaLink="false">herald-1</guid><pubDate>Mon, 02 Mar 2026 09:00:00 +0000</pubDate>
<description>&lt;p&gt;The new quay can berth two container ships at once.&lt;/p&gt;
</description></item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Rail Review</title>
<id>urn:rail-review</id><updated>2026-03-03T10:00:00Z</updated>
<link href="http://rail.example/"/>
<entry><title>Signalling upgrade finished on the coastal line</title>
<id>urn:rail-review:1</id><updated>2026-03-03T10:00:00Z</updated>
<link href="http://rail.example/signals"/>
<content type="html">&lt;p&gt;Engineers finished the signalling upgrade a week early.&lt;/p&gt;
</content>
</entry></feed>"""

RDF = b"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
<channel rdf:about="http://old.example/"><title>Old Format Weekly</title>
<link>http://old.example/</link><description>d</description></channel>
<item rdf:about="http://old.example/1"><title>Library opens a reading room for sailors</title>
<link>http://old.example/1</link><description>A quiet room near the docks.</description></item>
</rdf:RDF>"""

JSON_FEED = json.dumps(
    {
        "version": "https://jsonfeed.org/version/1.1",
        "title": "Space Notes",
        "home_page_url": "http://space.example/",
        "items": [
            {
                "id": "space-1",
                "url": "http://space.example/rover",
                "title": "Lunar rover passes its final vibration test",
                "content_html": "<p>The rover survived the launch vibration test.</p>",
                "date_published": "2026-03-04T08:00:00Z",
            }
        ],
    }
).encode()

ENTITY_BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<rss version="2.0"><channel><title>&lol3;</title>
<item><title>&lol3;</title></item></channel></rss>"""

XSS = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Bad Actor</title><link>http://bad.example/</link>
<description>x</description>
<item><title>Ferry timetable &lt;script&gt;alert(1)&lt;/script&gt; changes</title>
<link>javascript:alert(2)</link><guid>bad-1</guid>
<description>&lt;p onclick="steal()"&gt;New ferry times start on Monday.&lt;/p&gt;
&lt;img src="x" onerror="alert(3)"&gt;&lt;a href="javascript:alert(4)"&gt;click&lt;/a&gt;
&lt;iframe src="http://evil.example/"&gt;&lt;/iframe&gt;
&lt;form action="/x"&gt;&lt;input&gt;&lt;/form&gt;
&lt;a href="data:text/html;base64,PHNjcmlwdD4="&gt;data&lt;/a&gt;</description></item>
</channel></rss>"""

PAGE_WITH_FEED = b"""<!doctype html><html><head><title>Harbour Herald</title>
<link rel="alternate" type="application/rss+xml" href="/rss.xml"></head>
<body><p>Welcome.</p></body></html>"""


def configure(project: FeedProject, sources: list[dict[str, object]], **http: object) -> None:
    project.config["sources"] = sources
    project.config["http"] = {"allow_private": True, "total_timeout": 2.0, **http}


def feed_source(name: str, url: str) -> dict[str, object]:
    return {"name": name, "type": "feed", "url": url}


@pytest.fixture
def good_routes() -> dict[str, object]:
    return {
        "/rss.xml": static(RSS2, "application/rss+xml"),
        "/atom.xml": static(ATOM, "application/atom+xml"),
        "/rdf.xml": static(RDF, "application/rdf+xml"),
        "/feed.json": static(JSON_FEED, "application/feed+json"),
        "/home": static(PAGE_WITH_FEED, "text/html; charset=utf-8"),
    }


def test_every_format_and_conditional_get(feed_project: FeedProject, good_routes: dict) -> None:
    with serve(good_routes) as server:
        configure(
            feed_project,
            [
                feed_source("rss", server.url("/rss.xml")),
                feed_source("atom", server.url("/atom.xml")),
                feed_source("rdf", server.url("/rdf.xml")),
                feed_source("json", server.url("/feed.json")),
                feed_source("discovered", server.url("/home")),
            ],
        )
        report = feed_project.run(now=datetime(2026, 3, 10, tzinfo=UTC))
        assert report.ok, report.errors
        titles = {entry["title"] for entry in feed_project.atom_entries()}
        assert titles == {
            "Harbour authority opens a new quay",
            "Signalling upgrade finished on the coastal line",
            "Library opens a reading room for sailors",
            "Lunar rover passes its final vibration test",
        }
        items = {item.title: item for item in feed_project.items()}
        assert items["Harbour authority opens a new quay"].link == "http://example.org/news/quay"
        second = feed_project.run(now=datetime(2026, 3, 10, 1, tzinfo=UTC))
        assert second.ok and second.documents == 0 and second.items == 0
        assert second.documents_unchanged == 5
        result = feed_project.cli("sources")
        assert "discovered (feed" in result.output
        assert "feed found at: " + server.url("/rss.xml") in result.output


def test_bad_servers_cost_only_their_source(feed_project: FeedProject, good_routes: dict) -> None:
    routes = {
        **good_routes,
        "/slow": trickle(RSS2, 0.2),
        "/bomb": gzip_bomb(50),
        "/loop-a": redirect("/loop-b"),
        "/loop-b": redirect("/loop-a"),
        "/gone": status(410),
        "/busy": status(429, {"Retry-After": "120"}),
        "/broken": status(500),
        "/entities": static(ENTITY_BOMB, "application/rss+xml"),
    }
    with serve(routes) as server:
        configure(
            feed_project,
            [
                feed_source("good", server.url("/rss.xml")),
                feed_source("slow", server.url("/slow")),
                feed_source("bomb", server.url("/bomb")),
                feed_source("loop", server.url("/loop-a")),
                feed_source("missing", server.url("/nothing-here")),
                feed_source("gone", server.url("/gone")),
                feed_source("busy", server.url("/busy")),
                feed_source("broken", server.url("/broken")),
                feed_source("entities", server.url("/entities")),
            ],
            max_bytes=1024 * 1024,
            total_timeout=1.5,
        )
        report = feed_project.run(now=datetime(2026, 3, 10, tzinfo=UTC))
    reasons = {problem.source: problem.message for problem in report.errors}
    assert set(reasons) == {"slow", "bomb", "loop", "missing", "gone", "busy", "broken", "entities"}
    assert "deadline" in reasons["slow"] or "gave up" in reasons["slow"]
    assert "exceeds" in reasons["bomb"] or "too large" in reasons["bomb"]
    assert "redirect loop" in reasons["loop"]
    assert "404" in reasons["missing"]
    assert "410" in reasons["gone"] or "Gone" in reasons["gone"]
    assert "429" in reasons["busy"]
    assert "500" in reasons["broken"]
    assert "DTD" in reasons["entities"] or "ENTITY" in reasons["entities"]
    titles = [e["title"] for e in feed_project.atom_entries()]
    assert titles == ["Harbour authority opens a new quay"]
    states = json.loads(feed_project.cli("sources", "--json").output)
    by_name = {row["name"]: row for row in states}
    assert by_name["gone"]["status"] == "retired"
    assert by_name["busy"]["next_attempt"].startswith("2026-03-10T00:02:00")
    assert by_name["broken"]["failures"] == 1 and by_name["broken"]["next_attempt"]


def test_retired_and_waiting_sources_are_not_fetched_again(
    feed_project: FeedProject,
) -> None:
    with serve({"/gone": status(410), "/busy": status(429, {"Retry-After": "3600"})}) as server:
        configure(
            feed_project,
            [feed_source("gone", server.url("/gone")), feed_source("busy", server.url("/busy"))],
        )
        feed_project.run(now=datetime(2026, 3, 10, tzinfo=UTC))
        report = feed_project.run(now=datetime(2026, 3, 10, 0, 30, tzinfo=UTC))
        assert server.hits == {"/gone": 1, "/busy": 1}
    assert report.ok
    assert any("retired" in line for line in report.skipped)
    assert any("waiting until" in line for line in report.skipped)


def test_private_addresses_are_refused_with_the_guard_on(feed_project: FeedProject) -> None:
    feed_project.add_article("local.txt", "A local story\n\nMarch 6, 2026\n\nText here.\n")
    with serve({"/rss.xml": static(RSS2, "application/rss+xml")}) as server:
        configure(
            feed_project,
            [
                {"name": "articles", "type": "files", "paths": ["articles/*.txt"]},
                feed_source("internal", server.url("/rss.xml")),
            ],
            allow_private=False,
        )
        report = feed_project.run()
        assert server.hits == {}
    [problem] = report.errors
    assert problem.source == "internal"
    assert ("127.0.0.1" in problem.message and "private" in problem.message.lower()) or (
        "loopback" in problem.message.lower()
    )
    assert [e["title"] for e in feed_project.atom_entries()] == ["A local story"]


def test_hostile_html_never_reaches_an_output(feed_project: FeedProject) -> None:
    with serve({"/xss.xml": static(XSS, "application/rss+xml")}) as server:
        configure(feed_project, [feed_source("bad", server.url("/xss.xml"))])
        report = feed_project.run(now=datetime(2026, 3, 10, tzinfo=UTC))
    assert report.ok, report.errors
    for path in feed_project.output_dir.rglob("*"):
        if path.is_file():
            text = path.read_text(encoding="utf-8").lower()
            for bad in (
                "<script",
                "onclick",
                "onerror",
                "javascript:",
                "<iframe",
                "<form",
                "data:text",
            ):
                assert bad not in text, (path.name, bad)
    [item] = feed_project.items()
    assert "New ferry times start on Monday." in item.text
    assert item.link is None or item.link.startswith("http")


def test_opml_source_and_commands(
    feed_project: FeedProject, good_routes: dict, tmp_path: Path
) -> None:
    with serve(good_routes) as server:
        opml = tmp_path / "list.opml"
        opml.write_text(
            '<?xml version="1.0"?><opml version="2.0"><head><title>t</title></head><body>'
            f'<outline text="Ports">'
            f'<outline text="Harbour Herald" xmlUrl="{server.url("/rss.xml")}"/>'
            f'<outline text="Rail Review" xmlUrl="{server.url("/atom.xml")}"/></outline>'
            f'<outline text="Dead" xmlUrl="{server.url("/dead.xml")}"/>'
            "</body></opml>"
        )
        configure(feed_project, [{"name": "list", "type": "opml", "path": str(opml)}])
        report = feed_project.run(now=datetime(2026, 3, 10, tzinfo=UTC))
        assert [problem.message for problem in report.errors] == [
            f"{server.url('/dead.xml')}: server answered 404 Not Found"
        ] or len(report.errors) == 1
        assert len(feed_project.atom_entries()) == 2
        configure(feed_project, [feed_source("rss", server.url("/rss.xml"))])
        result = feed_project.cli("import-opml", str(opml))
        assert result.exit_code == 0, result.output
        text = feed_project.config_path.read_text()
        assert text.count("[[sources]]") == 3
        assert 'name = "rail-review"' in text and 'outlet = "Rail Review"' in text
        exported = feed_project.cli("export-opml", write_config=False).output
        assert server.url("/atom.xml") in exported and server.url("/dead.xml") in exported
