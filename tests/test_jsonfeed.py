"""JSON Feed 1.1 output: the spec's rules, the _aggregator extension, stable bytes."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from typing import Any

from aggregator import Entity, FeedInfo, Item, Relevance, Story
from aggregator.plugins.jsonfeed_publisher import build_json_feed, json_feed_bytes, rfc3339
from aggregator.testing import FeedProject
from aggregator.toolkit.render import entry_id

RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$")

TAGGER = """
import re
from aggregator import Entity, Relevance, hookimpl

TOPICS = {"nav(?:y|ies|al)": "maritime security", "trade": "trade", "rail": "rail & metro"}

@hookimpl
def aggregator_tag_item(item):
    text = item.title + " " + item.text
    for word, topic in TOPICS.items():
        if re.search(rf"\\b{word}\\b", text, re.I) and topic not in item.topics:
            item.topics.append(topic)
    if "metro" in text:
        item.entities.append(Entity("Metro Test Entity", "event", ["metro"], text.count("metro")))
    item.relevance = Relevance(5.5, 4.0, ["names both India and Japan"])
"""

NAVY = (
    "India and Japan navies hold drills\n\nJanuary 12, 2026\n\n"
    "Ships of the two navies exercised in the Bay of Bengal on Monday, officials in Tokyo said.\n"
)
TRADE = (
    "Trade talks resume in Tokyo\n\nFebruary 3, 2026\n\n"
    "Negotiators met in Tokyo to discuss tariffs and market access on Tuesday.\n"
)
WIRE = (
    "Japan lends for Chennai metro rail\n\nMarch 3, 2026\n\n"
    "CHENNAI, March 3 (PTI) The Japan International Cooperation Agency (JICA) signed a loan of"
    " 54.3 billion yen for the second phase of the Chennai metro rail on Tuesday, officials said."
    " The corridor will link the airport with the city centre and carry 300,000 riders a day when"
    " it opens in 2028. The loan carries an interest rate of 1.3 per cent.\n"
)
COPY = WIRE.replace("Japan lends for Chennai metro rail", "JICA loan boosts Chennai metro").replace(
    "officials said", "an official said"
)


def two_outlets(project: FeedProject) -> None:
    project.config["sources"] = [
        {"name": "wire", "type": "files", "paths": ["articles/wire/*.txt"], "outlet": "PTI Wire"},
        {"name": "daily", "type": "files", "paths": ["articles/daily/*.txt"], "outlet": "Daily"},
    ]
    project.add_article("wire/navy.txt", NAVY)
    project.add_article("wire/trade.txt", TRADE)
    project.add_article("wire/metro.txt", WIRE)
    project.add_article("daily/metro.txt", COPY)
    project.add_plugin("tagger.py", TAGGER)


def read_feed(project: FeedProject, name: str = "feed.json") -> dict[str, Any]:
    data: dict[str, Any] = json.loads((project.output_dir / name).read_bytes().decode("utf-8"))
    return data


def test_feed_follows_json_feed_1_1(feed_project: FeedProject) -> None:
    two_outlets(feed_project)
    report = feed_project.run(now=datetime(2026, 3, 10, tzinfo=UTC))
    assert report.ok, report.errors
    feed = read_feed(feed_project)
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert feed["title"] == "Test feed"
    assert feed["home_page_url"] == "http://127.0.0.1:8080/"
    assert feed["feed_url"] == "http://127.0.0.1:8080/feed.json"
    assert feed["description"] == "A feed made by a test"
    assert feed["language"] == "en"
    assert all(isinstance(author["name"], str) for author in feed.get("authors", []))
    items = feed["items"]
    assert isinstance(items, list) and len(items) == 3
    ids = [item["id"] for item in items]
    assert len(set(ids)) == len(ids)
    # the same ids and order as the Atom feed
    assert ids == [entry["id"] for entry in feed_project.atom_entries()]
    for item in items:
        assert isinstance(item["id"], str) and item["id"]
        assert isinstance(item["url"], str) and item["url"].startswith("http")
        assert isinstance(item["title"], str) and item["title"]
        assert isinstance(item.get("content_html", item.get("content_text")), str)
        assert isinstance(item["summary"], str)
        for key in ("date_published", "date_modified"):
            assert RFC3339.match(item[key]), item[key]
            datetime.fromisoformat(item[key].replace("Z", "+00:00"))
        assert all(isinstance(tag, str) for tag in item["tags"])
        assert item["authors"] and all(isinstance(a["name"], str) for a in item["authors"])
        assert not [key for key in item if key.startswith("_") and key != "_aggregator"]
    by_title = {item["title"]: item for item in items}
    navy = by_title["India and Japan navies hold drills"]
    assert navy["date_published"] == "2026-01-12T00:00:00Z"
    assert navy["tags"] == ["maritime security"]
    assert navy["authors"] == [{"name": "PTI Wire"}]
    assert "Bay of Bengal" in navy["content_html"]


def test_extension_has_members_topics_entities_relevance(feed_project: FeedProject) -> None:
    two_outlets(feed_project)
    feed_project.run(now=datetime(2026, 3, 10, tzinfo=UTC))
    items = read_feed(feed_project)["items"]
    metro = next(item for item in items if "Chennai" in item["title"])
    extension = metro["_aggregator"]
    assert set(extension) == {"story_id", "members", "topics", "entities", "relevance"}
    stored = {item.uri: item for item in feed_project.items()}
    assert extension["story_id"] == stored["articles/wire/metro.txt"].story_id
    assert len(extension["members"]) == 2
    assert {member["outlet"] for member in extension["members"]} == {"PTI Wire", "Daily"}
    assert extension["members"][0]["title"] == metro["title"]  # the representative first
    # Reports read from local files: no link, and their paths are not published.
    assert all(set(member) == {"outlet", "title"} for member in extension["members"])
    assert extension["topics"] == metro["tags"] == ["rail & metro"]
    # both reports say "metro" twice: counts add up over the story's reports
    assert {"name": "Metro Test Entity", "kind": "event", "count": 4} in extension["entities"]
    counts = [entity["count"] for entity in extension["entities"]]
    assert counts == sorted(counts, reverse=True)
    assert all(set(entity) == {"name", "kind", "count"} for entity in extension["entities"])
    assert extension["relevance"] == {
        "score": 5.5,
        "threshold": 4.0,
        "reasons": ["names both India and Japan"],
    }
    assert "Also reported by" in metro["content_html"]


def test_relevance_is_null_without_a_judge(feed_project: FeedProject) -> None:
    feed_project.add_article("a.txt", NAVY)
    feed_project.run()
    [item] = read_feed(feed_project)["items"]
    assert item["_aggregator"]["relevance"] is None
    assert item["_aggregator"]["topics"] == []
    assert "tags" not in item


def test_same_stories_give_the_same_bytes(feed_project: FeedProject) -> None:
    two_outlets(feed_project)
    feed_project.run(now=datetime(2026, 3, 10, tzinfo=UTC))
    first = (feed_project.output_dir / "feed.json").read_bytes()
    feed_project.run(now=datetime(2026, 3, 11, tzinfo=UTC))
    assert (feed_project.output_dir / "feed.json").read_bytes() == first
    assert first.endswith(b"\n")


def test_file_name_option(feed_project: FeedProject) -> None:
    feed_project.add_article("a.txt", TRADE)
    feed_project.plugin_config("jsonfeed_publisher", file="stories.json")
    report = feed_project.run()
    assert report.ok, report.errors
    assert read_feed(feed_project, "stories.json")["feed_url"].endswith("/stories.json")
    assert not (feed_project.output_dir / "feed.json").exists()


def test_builder_links_unicode_and_dates() -> None:
    feed = FeedInfo(
        title="日印関係 – India & Japan",
        link="https://example.org/",
        description="d",
        id="https://example.org/",
        author="Desk",
    )
    representative = Item(
        id="a",
        source="web",
        uri="https://example.org/a",
        title="Tokyo <talks> résumé",
        text="Body text.",
        link="https://example.org/a",
        published=datetime(2026, 3, 6, 9, 30, tzinfo=UTC),
        outlet="Example",
        authors=["A. Writer"],
        relevance=Relevance(0.123456, 0.1, ["r"]),
        entities=[Entity("India", "place"), Entity("Japan", "place", count=3)],
    )
    story = Story(
        id="s1",
        representative=representative,
        updated=datetime(2026, 3, 7, tzinfo=UTC),
    )
    document = build_json_feed(feed, [story], feed_url="https://example.org/feed.json")
    assert document["authors"] == [{"name": "Desk"}]
    [item] = document["items"]
    assert item["id"] == entry_id(feed, story)
    assert item["url"] == "https://example.org/a"
    assert item["title"] == "Tokyo <talks> résumé"
    assert item["date_published"] == "2026-03-06T09:30:00Z"
    assert item["date_modified"] == "2026-03-07T00:00:00Z"
    assert item["authors"] == [{"name": "A. Writer"}]
    assert item["_aggregator"]["members"] == [
        {"outlet": "Example", "title": "Tokyo <talks> résumé", "link": "https://example.org/a"}
    ]
    assert [e["name"] for e in item["_aggregator"]["entities"]] == ["Japan", "India"]
    assert item["_aggregator"]["relevance"]["score"] == 0.1235
    data = json_feed_bytes(document)
    assert "日印関係".encode() in data  # UTF-8, not \\u escapes
    assert json.loads(data) == document
    assert rfc3339(datetime(2026, 1, 1)) == "2026-01-01T00:00:00Z"
