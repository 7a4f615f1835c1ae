"""Per-topic Atom and RSS feeds: only when enabled, one pair per topic, the right entries."""

from __future__ import annotations

from datetime import UTC, datetime

from lxml import etree

from aggregator.plugins.topic_feeds import topic_feed_files
from aggregator.testing import ATOM, FeedProject
from aggregator.toolkit.topics import topic_slug, topic_slugs

TAGGER = """
import re
from aggregator import hookimpl

TOPICS = {"nav(?:y|ies|al)": "Maritime Security", "trade": "trade", "rail": "rail & metro"}

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
    "trade.txt": "Trade talks resume in Tokyo\n\nFebruary 3, 2026\n\n"
    "Negotiators met to discuss tariffs on Tuesday.\n",
    "metro.txt": "Loan for metro rail and a trade hub\n\nMarch 3, 2026\n\n"
    "A loan was signed for the second phase of the metro on Tuesday.\n",
    "festival.txt": "Dance festival opens in Kyoto\n\nApril 2, 2026\n\n"
    "Dancers from Kerala performed at the opening on Thursday.\n",
}


def setup(project: FeedProject, *, enabled: bool | None) -> None:
    for name, text in ARTICLES.items():
        project.add_article(name, text)
    project.add_plugin("tagger.py", TAGGER)
    if enabled is not None:
        project.plugin_config("topic_feeds", enabled=enabled)
    report = project.run(now=datetime(2026, 4, 10, tzinfo=UTC))
    assert report.ok, report.errors


def rss_items(project: FeedProject, name: str) -> list[dict[str, str]]:
    tree = etree.parse(str(project.output_dir / name))
    return [
        {"title": item.findtext("title"), "guid": item.findtext("guid")}
        for item in tree.iterfind("channel/item")
    ]


def test_off_by_default(feed_project: FeedProject) -> None:
    setup(feed_project, enabled=None)
    assert not (feed_project.output_dir / "topics").exists()
    assert (feed_project.output_dir / "feed.atom").exists()


def test_off_when_disabled_explicitly(feed_project: FeedProject) -> None:
    setup(feed_project, enabled=False)
    assert not (feed_project.output_dir / "topics").exists()


def test_one_atom_and_one_rss_per_topic_with_that_topics_entries(
    feed_project: FeedProject,
) -> None:
    setup(feed_project, enabled=True)
    written = sorted(path.name for path in (feed_project.output_dir / "topics").iterdir())
    assert written == [
        "maritime-security.atom",
        "maritime-security.rss",
        "rail-metro.atom",
        "rail-metro.rss",
        "trade.atom",
        "trade.rss",
    ]
    main = {entry["title"]: entry for entry in feed_project.atom_entries()}
    expected = {
        "maritime-security": ["India and Japan navies hold drills"],
        "trade": ["Loan for metro rail and a trade hub", "Trade talks resume in Tokyo"],
        "rail-metro": ["Loan for metro rail and a trade hub"],
    }
    for slug, titles in expected.items():
        atom_name, rss_name = topic_feed_files(slug)
        entries = feed_project.atom_entries(atom_name)
        # the main feed's order, and the very same entries (ids, links, dates)
        assert [entry["title"] for entry in entries] == titles
        for entry in entries:
            assert entry == main[entry["title"]]
        assert [item["title"] for item in rss_items(feed_project, rss_name)] == titles
        assert [item["guid"] for item in rss_items(feed_project, rss_name)] == [
            main[title]["id"] for title in titles
        ]


def test_topic_feed_head(feed_project: FeedProject) -> None:
    setup(feed_project, enabled=True)
    main = etree.parse(str(feed_project.output_dir / "feed.atom")).getroot()
    trade = etree.parse(str(feed_project.output_dir / "topics/trade.atom")).getroot()
    assert trade.findtext(f"{ATOM}title") == "Test feed: trade"
    assert trade.findtext(f"{ATOM}id") not in {main.findtext(f"{ATOM}id"), ""}
    links = {link.get("rel"): link.get("href") for link in trade.iterfind(f"{ATOM}link")}
    assert links["self"] == "http://127.0.0.1:8080/topics/trade.atom"
    # updated: the topic's newest story, not the whole feed's
    assert trade.findtext(f"{ATOM}updated").startswith("2026-03-03")
    assert main.findtext(f"{ATOM}updated").startswith("2026-04-02")
    rss = etree.parse(str(feed_project.output_dir / "topics/trade.rss")).getroot()
    assert rss.findtext("channel/title") == "Test feed: trade"
    atom_self = "{http://www.w3.org/2005/Atom}link"
    assert rss.find(f"channel/{atom_self}[@rel='self']").get("href").endswith("topics/trade.rss")


def test_byte_identical_on_rerun(feed_project: FeedProject) -> None:
    setup(feed_project, enabled=True)
    folder = feed_project.output_dir / "topics"
    before = {path.name: path.read_bytes() for path in folder.iterdir()}
    report = feed_project.run(now=datetime(2026, 5, 1, tzinfo=UTC))
    assert report.ok
    assert {path.name: path.read_bytes() for path in folder.iterdir()} == before


def test_slugs() -> None:
    assert topic_slug("Maritime Security") == "maritime-security"
    assert topic_slug("AI") == "ai"
    assert topic_slug("rail & metro") == "rail-metro"
    assert topic_slug("  2+2 dialogue ") == "2-2-dialogue"
    assert topic_slug("Énergie / Climat") == "energie-climat"
    cjk = topic_slug("日本")
    assert cjk.startswith("topic-") and cjk == topic_slug("日本") != topic_slug("印度")
    assert topic_slugs(["ai", "AI", "A.I.", "trade"]) == {
        "A.I.": "a-i",
        "AI": "ai",
        "ai": "ai-2",
        "trade": "trade",
    }
    for slug in topic_slugs(["x y", "日本", "Ça va"]).values():
        assert slug.isascii() and slug == slug.lower() and " " not in slug


ENTRY_MARKER = """
from aggregator import hookimpl

@hookimpl
def aggregator_feed_entry(entry, story):
    entry.category(term="marked-by-plugin")
"""


def test_entry_hook_reaches_topic_feeds_without_the_main_feed_publisher(
    feed_project: FeedProject,
) -> None:
    """The topic feeds call aggregator_feed_entry themselves, not through feed_publisher."""
    feed_project.config["plugins"]["disable"] = ["feed_publisher"]
    feed_project.add_plugin("marker.py", ENTRY_MARKER)
    setup(feed_project, enabled=True)
    assert not (feed_project.output_dir / "feed.atom").exists()
    tree = etree.parse(str(feed_project.output_dir / "topics/trade.atom"))
    terms = {category.get("term") for category in tree.iterfind(f".//{ATOM}category")}
    assert "marked-by-plugin" in terms
