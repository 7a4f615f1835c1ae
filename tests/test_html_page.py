"""The HTML page: stories, anchors, no-JS topic filters, the SVG timeline, autodiscovery, safety."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

import lxml.html

from aggregator import Item, Story
from aggregator.testing import FeedProject
from aggregator.toolkit import timeline_svg
from aggregator.toolkit.topics import topic_slugs

TAGGER = """
import re
from aggregator import hookimpl

TOPICS = {"nav(?:y|ies|al)": "maritime security", "trade": "trade", "rail": "rail & metro"}

@hookimpl
def aggregator_tag_item(item):
    text = item.title + " " + item.text
    for word, topic in TOPICS.items():
        if re.search(rf"\\b{word}\\b", text, re.I) and topic not in item.topics:
            item.topics.append(topic)
"""

ARTICLES = {
    "navy.txt": "India and Japan navies hold drills\n\nJanuary 12, 2026\n\n"
    "Ships of the two navies exercised in the Bay of Bengal on Monday.\n",
    "ports.txt": "Naval officers tour new port\n\nJanuary 20, 2026\n\n"
    "Naval officers of both countries visited the port on Tuesday.\n",
    "trade.txt": "Trade talks resume in Tokyo\n\nFebruary 3, 2026\n\n"
    "Negotiators met to discuss tariffs and trade on Tuesday.\n",
    "festival.txt": "Dance festival opens in Kyoto\n\nApril 2, 2026\n\n"
    "Dancers from Kerala performed at the opening on Thursday.\n",
}
WIRE = (
    "Japan lends for Chennai metro rail and trade hub\n\nMarch 3, 2026\n\n"
    "CHENNAI, March 3 (PTI) The Japan International Cooperation Agency signed a loan of 54.3"
    " billion yen for the second phase of the Chennai metro rail on Tuesday, officials said."
    " The corridor will link the airport with the city centre and carry 300,000 riders a day when"
    " it opens in 2028. The loan carries an interest rate of 1.3 per cent.\n"
)
COPY = WIRE.replace(
    "Japan lends for Chennai metro rail and trade hub", "JICA loan boosts Chennai metro"
).replace("officials said", "an official said")


def build(project: FeedProject, *, topic_feeds: bool = False) -> lxml.html.HtmlElement:
    project.config["sources"] = [
        {"name": "wire", "type": "files", "paths": ["articles/wire/*.txt"], "outlet": "PTI Wire"},
        {"name": "daily", "type": "files", "paths": ["articles/daily/*.txt"], "outlet": "Daily"},
    ]
    for name, text in ARTICLES.items():
        project.add_article(f"wire/{name}", text)
    project.add_article("wire/metro.txt", WIRE)
    project.add_article("daily/metro.txt", COPY)
    project.add_plugin("tagger.py", TAGGER)
    if topic_feeds:
        project.plugin_config("topic_feeds", enabled=True)
    report = project.run(now=datetime(2026, 4, 10, tzinfo=UTC))
    assert report.ok, report.errors
    return page(project)


def page(project: FeedProject) -> lxml.html.HtmlElement:
    root: lxml.html.HtmlElement = lxml.html.parse(str(project.output_dir / "index.html")).getroot()
    return root


def stories(root: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    found: list[lxml.html.HtmlElement] = root.xpath('//article[@class="story"]')
    return found


def test_every_story_with_its_anchor_date_outlet_and_topics(feed_project: FeedProject) -> None:
    root = build(feed_project)
    articles = stories(root)
    titles = [" ".join(a.xpath('string(.//*[@class="story-title"])').split()) for a in articles]
    metro = {"Japan lends for Chennai metro rail and trade hub", "JICA loan boosts Chennai metro"}
    assert titles[1] in metro  # one story, either report may represent it
    titles[1] = "(metro)"
    assert titles == [
        "Dance festival opens in Kyoto",
        "(metro)",
        "Trade talks resume in Tokyo",
        "Naval officers tour new port",
        "India and Japan navies hold drills",
    ]  # newest first
    published = [a.get("data-published") for a in articles]
    assert published == sorted(published, reverse=True)
    # the feeds link stories without a link of their own to these anchors
    for entry in feed_project.atom_entries():
        fragment = urlsplit(entry["links"][0]).fragment
        [article] = root.xpath(f'//*[@id="{fragment}"]')
        assert article.tag == "article"
        assert (
            " ".join(article.xpath('string(.//*[@class="story-title"])').split())
            == (entry["title"])
        )
    navy = articles[-1]
    assert navy.get("id") == "story-" + navy.get("data-story-id")
    assert navy.xpath("string(.//time/@datetime)").startswith("2026-01-12")
    assert navy.xpath("string(.//time)") == "12 January 2026"
    assert navy.xpath('string(.//*[@class="outlet"])') == "PTI Wire"
    assert "Bay of Bengal" in navy.xpath('string(.//*[@class="summary"])')
    assert [tag.text for tag in navy.xpath('.//a[@class="tag"]')] == ["maritime security"]
    assert navy.xpath('.//a[@class="tag"]/@href') == ["#topic-maritime-security"]


def test_also_reported_by(feed_project: FeedProject) -> None:
    root = build(feed_project)
    metro = stories(root)[1]
    also = metro.xpath('.//section[@class="also"]')[0]
    assert also.xpath("string(.//h3)") == "Also reported by"
    [report] = also.xpath(".//li")
    shown = {
        "representative": (
            metro.xpath('string(.//*[@class="outlet"])'),
            " ".join(metro.xpath('string(.//*[@class="story-title"])').split()),
        ),
        "also": report.text_content(),
    }
    reports = {
        "PTI Wire": "Japan lends for Chennai metro rail and trade hub",
        "Daily": "JICA loan boosts Chennai metro",
    }
    outlet, title = shown["representative"]
    assert reports[outlet] == title
    [(other, other_title)] = [(k, v) for k, v in reports.items() if k != outlet]
    # the other outlet and its title; no link, and its file path is not published
    assert shown["also"] == f"{other}: {other_title}"
    assert not stories(root)[0].xpath('.//section[@class="also"]')


def test_topic_filters_work_without_javascript(feed_project: FeedProject) -> None:
    root = build(feed_project)
    assert not root.xpath("//script") and not root.xpath("//*[@src]")
    style = root.xpath("string(//style)")
    slugs = {
        "maritime security": "maritime-security",
        "trade": "trade",
        "rail & metro": "rail-metro",
    }
    chips = root.xpath('//nav[@id="filters"]//a[@data-topic]')
    assert {chip.get("data-topic") for chip in chips} == set(slugs.values())
    assert root.xpath('//nav[@id="filters"]//a[@href="#stories"]')  # "All stories"
    for slug in slugs.values():
        [chip] = root.xpath(f'//nav[@id="filters"]//a[@data-topic="{slug}"]')
        assert chip.get("href") == f"#topic-{slug}"
        [anchor] = root.xpath(f'//*[@id="topic-{slug}"]')
        # the anchor precedes the stories as a sibling, so "~ main" reaches them
        assert anchor.getparent() is root.find("body")
        assert anchor.getparent().index(anchor) < anchor.getparent().index(root.find(".//main"))
        rule = f'#topic-{slug}:target ~ main .story:not([data-topics~="{slug}"])'
        assert rule in style
        count = int(chip.xpath('string(.//*[@class="count"])'))
        tagged = root.xpath(f'//article[contains(concat(" ", @data-topics, " "), " {slug} ")]')
        assert len(tagged) == count
    assert set(stories(root)[1].get("data-topics").split()) == {"trade", "rail-metro"}
    assert stories(root)[0].get("data-topics") == ""


def test_timeline_svg_has_a_mark_per_month_and_topic(feed_project: FeedProject) -> None:
    root = build(feed_project)
    [svg] = root.xpath('//svg[@id="timeline"]')
    assert svg.xpath("string(./title)") == "Stories per month, by topic"
    assert "January 2026 to April 2026" in svg.xpath("string(./desc)")
    expected = {
        ("2026-01", "maritime-security"): 2,
        ("2026-02", "trade"): 1,
        ("2026-03", "trade"): 1,
        ("2026-03", "rail-metro"): 1,
        ("2026-04", ""): 1,  # the story without a topic
    }
    marks = svg.xpath('.//rect[contains(concat(" ", @class, " "), " seg ")]')
    found = {(m.get("data-month"), m.get("data-topic")): int(m.get("data-count")) for m in marks}
    assert found == expected
    assert len(marks) == len(expected)
    for mark in marks:
        assert mark.xpath("string(./title)")  # a tooltip and text for each bar
        assert float(mark.get("height")) > 0
    # taller bars for more stories, on one scale
    heights = {(m.get("data-month"), m.get("data-topic")): float(m.get("height")) for m in marks}
    assert heights[("2026-01", "maritime-security")] == 2 * heights[("2026-02", "trade")]
    months = svg.xpath('.//g[@class="month"]/@data-month')
    assert months == ["2026-01", "2026-02", "2026-03", "2026-04"]
    legend = svg.xpath('.//g[@id="timeline-legend"]')[0].xpath("string(.)")
    for label in ("maritime security (2)", "trade (2)", "rail & metro (1)", "no topic (1)"):
        assert label in legend
    axis = svg.xpath('string(.//g[@class="axis"])')
    assert "Jan" in axis and "Apr" in axis and "2026" in axis
    # March's one story has two topics: its bar stacks to 2, so the y axis must not say "stories"
    assert sum(count for (month, _), count in found.items() if month == "2026-03") == 2
    assert "1 story" in svg.xpath('string(.//g[@data-month="2026-03"]/title)')
    assert svg.xpath('string(.//*[@class="axis-title"])') == "stories per topic"
    table = root.xpath('//table[@class="timeline-table"]')[0]
    assert [row.get("data-month") for row in table.xpath(".//tbody/tr")] == months


def test_autodiscovery_links_for_every_feed(feed_project: FeedProject) -> None:
    root = build(feed_project)
    links = {
        (link.get("type"), link.get("href")) for link in root.xpath('//head/link[@rel="alternate"]')
    }
    assert links == {
        ("application/atom+xml", "feed.atom"),
        ("application/rss+xml", "feed.rss"),
        ("application/feed+json", "feed.json"),
    }
    for _, href in links:
        assert (feed_project.output_dir / href).is_file()
    assert not (feed_project.output_dir / "topics").exists()


def test_autodiscovery_includes_topic_feeds_when_enabled(feed_project: FeedProject) -> None:
    root = build(feed_project, topic_feeds=True)
    hrefs = root.xpath('//head/link[@rel="alternate"]/@href')
    for slug in ("maritime-security", "trade", "rail-metro"):
        assert f"topics/{slug}.atom" in hrefs and f"topics/{slug}.rss" in hrefs
    assert len(hrefs) == 3 + 2 * 3
    for href in hrefs:
        assert (feed_project.output_dir / href).is_file(), href
    titles = root.xpath('//head/link[@href="topics/trade.atom"]/@title')
    assert titles == ["Test feed: trade (Atom)"]
    status = root.xpath('//*[@class="filter-status"][@data-topic="trade"]//a/@href')
    assert "topics/trade.atom" in status


def test_a_disabled_publisher_is_never_linked(feed_project: FeedProject) -> None:
    feed_project.config["plugins"]["disable"] = ["jsonfeed_publisher"]
    feed_project.plugin_config("feed_publisher", atom_file="news.atom")
    root = build(feed_project)
    hrefs = root.xpath('//head/link[@rel="alternate"]/@href')
    assert hrefs == ["news.atom", "feed.rss"]
    assert "feed.json" not in root.xpath("//a/@href")
    assert not (feed_project.output_dir / "feed.json").exists()


def test_page_is_self_contained_and_byte_stable(feed_project: FeedProject) -> None:
    root = build(feed_project)
    path = feed_project.output_dir / "index.html"
    first = path.read_bytes()
    assert first.startswith(b"<!DOCTYPE html>")
    assert root.get("lang") == "en"
    assert root.xpath('//meta[@name="viewport"]') and root.xpath("//meta[@charset]")
    style = root.xpath("string(//style)")
    assert "prefers-color-scheme: dark" in style
    assert "@import" not in style and "url(" not in style
    assert not root.xpath('//link[@rel="stylesheet"]') and not root.xpath("//img")
    for href in root.xpath("//@href"):
        assert not href.startswith("javascript:")
    feed_project.run(now=datetime(2026, 5, 1, tzinfo=UTC))
    assert path.read_bytes() == first


HOSTILE = """
from aggregator import hookimpl

@hookimpl(trylast=True)
def aggregator_clean_item(item):
    item.title = 'Talks <script>alert(1)</script> & "more"'
    item.html = '<p onclick="steal()">Body <b>bold</b><script>bad()</script></p>'
    item.link = "javascript:alert(2)"
    item.topics.append('<img src=x onerror=alert(3)>')
"""


def test_text_is_escaped_and_item_html_sanitized(feed_project: FeedProject) -> None:
    feed_project.add_article("a.txt", ARTICLES["trade.txt"])
    feed_project.add_plugin("hostile.py", HOSTILE)
    report = feed_project.run()
    assert report.ok, report.errors
    root = page(feed_project)
    assert not root.xpath("//script") and not root.xpath("//img")
    assert not root.xpath("//@onclick") and not root.xpath("//@onerror")
    assert not [href for href in root.xpath("//@href") if "javascript" in href]
    [article] = stories(root)
    title = " ".join(article.xpath('string(.//*[@class="story-title"])').split())
    assert title == 'Talks <script>alert(1)</script> & "more"'
    assert article.xpath('string(.//a[@class="tag"])') == "<img src=x onerror=alert(3)>"
    html = (feed_project.output_dir / "index.html").read_text()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script" not in html.lower()


def test_without_stories_the_page_is_still_complete(feed_project: FeedProject) -> None:
    report = feed_project.run()
    assert report.ok, report.errors
    root = page(feed_project)
    assert root.xpath("string(//h1)") == "Test feed"
    assert "No stories yet." in root.xpath("string(//main)")
    assert not stories(root)


def item(name: str, published: datetime, topics: list[str]) -> Item:
    return Item(
        id=name, source="s", uri=name, title=name, text="t", published=published, topics=topics
    )


def test_timeline_fills_gaps_and_keeps_the_newest_months() -> None:
    dates = [datetime(2024, 11, 5, tzinfo=UTC), datetime(2025, 2, 1, tzinfo=UTC)]
    dates.append(datetime(2025, 2, 20, tzinfo=UTC))
    chosen = [
        Story(id=f"s{n}", representative=item(f"i{n}", d, ["a", "b"])) for n, d in enumerate(dates)
    ]
    topics = timeline_svg.topic_order(chosen)
    assert topics == ["a", "b"]
    full = timeline_svg.build_timeline(chosen, topics)
    assert [timeline_svg.month_key(m) for m in full.months] == [
        "2024-11", "2024-12", "2025-01", "2025-02",
    ]  # fmt: skip
    assert full.counts[((2025, 2), "a")] == 2 and full.stories[(2025, 2)] == 2
    short = timeline_svg.build_timeline(chosen, topics, max_months=2)
    assert short.months == [(2025, 1), (2025, 2)] and short.omitted_stories == 1
    slugs = topic_slugs(topics)
    svg = timeline_svg.render_svg(short, slugs, timeline_svg.topic_colors(topics), title="T <&>")
    root = lxml.html.fragment_fromstring(svg)
    assert root.get("id") == "timeline"
    assert root.xpath("string(./title)") == "T <&>"
    assert "1 story from earlier months are not shown" in root.xpath("string(./desc)")
    assert len(root.xpath(".//rect[@data-topic]")) == 2
    assert re.search(r'viewBox="0 0 [\d.]+ \d+"', svg)


def test_page_renders_outside_a_run(tmp_path: Path) -> None:
    from aggregator import FeedInfo, Output
    from aggregator.toolkit.story_page import render_page

    feed = FeedInfo(title="F", link="https://example.org/", description="D", id="x")
    story = Story(id="s1", representative=item("a", datetime(2026, 1, 1, tzinfo=UTC), ["x"]))
    outputs = [
        Output("feed.atom", "application/atom+xml", "F", "Atom"),
        Output("index.html", "text/html", "F", "Page", kind="page"),
        Output("x.json", "application/feed+json", "F", "JSON Feed"),
        Output("list.opml", "text/x-opml", "F", "Sources (OPML)", kind="subscriptions"),
    ]
    markup = render_page(feed, [story], outputs=outputs)
    root = lxml.html.document_fromstring(markup)
    assert root.xpath('//head/link[@rel="alternate"]/@href') == ["feed.atom", "x.json"]
    assert root.xpath("//footer//a/@href")[:3] == ["feed.atom", "x.json", "list.opml"]
    assert root.xpath('//article[@id="story-s1"]')
