"""sources.opml: an OPML 2.0 list of the network sources, and none when there are none."""

from __future__ import annotations

from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

from lxml import etree

from aggregator import FeedInfo, Item, SourceConfig, Story
from aggregator.testing import FeedProject
from aggregator.toolkit.opml import build_opml, network_sources, written_by_build_opml

# A network source type of the test's own, so that the test does not depend
# on which fetching plugins are built in; it fetches nothing.
TEST_SOURCE = """
from aggregator import Option, SourceType, hookimpl

@hookimpl
def aggregator_register_source_types(register):
    register(SourceType(
        name="test_remote",
        description="a remote feed that a test never fetches",
        options={"url": Option(str, help="its URL")},
        network=True,
    ))

@hookimpl
def aggregator_fetch(source, run):
    return [] if source.type == "test_remote" else None
"""

ARTICLE = "India and Japan hold talks\n\nMarch 6, 2026\n\nOfficials met in Tokyo on Friday.\n"
FEED = FeedInfo(
    title="India & Japan <news>",
    link="https://example.org/",
    description="d",
    id="https://example.org/",
    author="Desk",
)


def source(name: str, type_: str, url: str = "", **kwargs: Any) -> SourceConfig:
    options = {"url": url} if url else {"paths": ["x/*.txt"]}
    return SourceConfig(name=name, type=type_, options=options, base_dir=Path("."), **kwargs)


def story(day: int, updated_day: int) -> Story:
    item = Item(
        id=f"i{day}",
        source="s",
        uri=f"a{day}.txt",
        title="t",
        text="x",
        published=datetime(2026, 3, day, tzinfo=UTC),
    )
    return Story(
        id=f"s{day}", representative=item, updated=datetime(2026, 3, updated_day, 8, tzinfo=UTC)
    )


def test_builder_lists_network_sources_by_kind() -> None:
    sources = [
        source("nhk", "feed", "https://nhk.example/rss.xml", network=True, outlet="NHK World"),
        source("seeds", "files"),
        source("mea", "page", "https://mea.example/press", network=True),
        source("old", "feed", "https://old.example/feed", network=True, enabled=False),
        source("blogroll", "opml", "https://list.example/feeds.opml", network=True),
        source("local-opml", "opml", network=True),  # a file, not a URL: left out
    ]
    assert [s.name for s in network_sources(sources)] == ["nhk", "mea", "blogroll"]
    data = build_opml(FEED, sources, [story(5, 6), story(2, 9), story(4, 4)])
    assert data.startswith(b"<?xml version='1.0' encoding='UTF-8'?>")
    root = etree.fromstring(data)
    assert root.tag == "opml" and root.get("version") == "2.0"
    assert root.findtext("head/title") == "India & Japan <news>"
    assert root.findtext("head/ownerName") == "Desk"
    created = parsedate_to_datetime(root.findtext("head/dateCreated"))
    assert created == datetime(2026, 3, 9, 8, tzinfo=UTC)  # the newest story's update
    outlines = [dict(outline.attrib) for outline in root.iterfind("body/outline")]
    assert outlines == [
        {
            "text": "nhk",
            "title": "NHK World",
            "type": "rss",
            "xmlUrl": "https://nhk.example/rss.xml",
            "category": "/feed",
        },
        {"text": "mea", "type": "link", "url": "https://mea.example/press", "category": "/page"},
        {
            "text": "blogroll",
            "type": "include",
            "url": "https://list.example/feeds.opml",
            "category": "/opml",
        },
    ]
    assert build_opml(FEED, sources, [story(5, 6), story(2, 9)]) == data


def test_no_network_sources_means_nothing_to_list() -> None:
    assert network_sources([source("seeds", "files")]) == []
    data = build_opml(FEED, [source("r", "feed", "https://r.example/f.xml")], [])
    root = etree.fromstring(data)
    assert root.find("head/dateCreated") is None  # no story, no date (and no clock)
    assert root.findtext("head/title") == "India & Japan <news>"
    assert written_by_build_opml(data, FEED)
    other = FeedInfo(title="Another feed", link="https://o.example/", description="", id="o")
    assert not written_by_build_opml(data, other)
    assert not written_by_build_opml(b"<opml version='2.0'><body/></opml>", FEED)
    assert not written_by_build_opml(b"not xml at all", FEED)


def test_published_with_the_configured_sources(feed_project: FeedProject) -> None:
    feed_project.add_article("a.txt", ARTICLE)
    feed_project.add_plugin("test_source.py", TEST_SOURCE)
    feed_project.config["sources"].append(
        {"name": "remote", "type": "test_remote", "url": "https://remote.example/feed.xml"}
    )
    report = feed_project.run(now=datetime(2026, 3, 10, tzinfo=UTC))
    assert report.ok, report.errors
    path = feed_project.output_dir / "sources.opml"
    root = etree.parse(str(path)).getroot()
    assert root.findtext("head/title") == "Test feed"
    assert root.findtext("head/dateCreated") == "Fri, 06 Mar 2026 00:00:00 GMT"
    [outline] = root.iterfind("body/outline")
    assert outline.get("text") == "remote"
    assert outline.get("type") == "rss"
    assert outline.get("xmlUrl") == "https://remote.example/feed.xml"
    first = path.read_bytes()
    feed_project.run(now=datetime(2026, 3, 11, tzinfo=UTC))
    assert path.read_bytes() == first


def test_files_only_project_writes_and_links_no_list(feed_project: FeedProject) -> None:
    """OPML 2.0 forbids an empty body: no network source, no sources.opml and no link to it."""
    feed_project.add_article("a.txt", ARTICLE)
    report = feed_project.run()
    assert report.ok, report.errors
    assert not (feed_project.output_dir / "sources.opml").exists()
    page = (feed_project.output_dir / "index.html").read_text()
    assert "sources.opml" not in page and "text/x-opml" not in page


def test_a_list_of_ours_left_by_an_earlier_run_is_removed(feed_project: FeedProject) -> None:
    feed_project.add_article("a.txt", ARTICLE)
    feed_project.add_plugin("test_source.py", TEST_SOURCE)
    remote = {"name": "remote", "type": "test_remote", "url": "https://remote.example/feed.xml"}
    feed_project.config["sources"].append(remote)
    assert feed_project.run(now=datetime(2026, 3, 10, tzinfo=UTC)).ok
    path = feed_project.output_dir / "sources.opml"
    assert path.is_file()
    feed_project.config["sources"].remove(remote)
    assert feed_project.run(now=datetime(2026, 3, 11, tzinfo=UTC)).ok
    assert not path.exists()


def test_a_file_that_is_not_ours_is_kept(feed_project: FeedProject) -> None:
    feed_project.add_article("a.txt", ARTICLE)
    feed_project.output_dir.mkdir(parents=True)
    path = feed_project.output_dir / "sources.opml"
    theirs = b'<?xml version="1.0"?><opml version="2.0"><head><title>Mine</title></head></opml>'
    path.write_bytes(theirs)
    elsewhere = feed_project.root / "elsewhere.opml"
    elsewhere.write_bytes(build_opml(FeedInfo("Test feed", "l", "d", "i"), [], []))
    feed_project.plugin_config("opml_publisher", file="../elsewhere.opml")
    assert feed_project.run().ok
    assert elsewhere.exists()
    feed_project.config["plugins"].pop("opml_publisher")
    assert feed_project.run().ok
    assert path.read_bytes() == theirs


def test_export_with_no_network_source_fails_instead_of_an_empty_list(
    feed_project: FeedProject,
) -> None:
    result = feed_project.cli("export-opml")
    assert result.exit_code == 1
    assert "no network source" in result.output
    assert "<opml" not in result.output
