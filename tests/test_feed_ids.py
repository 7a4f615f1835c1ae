"""How feed item ids are formed: per source for a ``feed`` source, per source and
feed URL for the feeds of an ``opml`` list (whose feeds share one source name), per
source and feed (site link and title) for feed files of a ``files`` source."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from loopback import serve, static

from aggregator import Document, SourceConfig, stable_id
from aggregator.plugins.feed_parser import parse_document
from aggregator.testing import FeedProject
from aggregator.toolkit.feed_items import FEED_URL_META

NOW = datetime(2026, 3, 10, tzinfo=UTC)


def rss(title: str, host: str, story: str) -> bytes:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>{title}</title><link>http://{host}/</link>
<description>d</description>
<item><title>{story}</title><link>http://{host}/posts/1</link>
<guid isPermaLink="false">1</guid><pubDate>Mon, 02 Mar 2026 09:00:00 +0000</pubDate>
<description>&lt;p&gt;{story}, the whole of the first post of {title}.&lt;/p&gt;</description>
</item></channel></rss>""".encode()


HARBOUR = rss("Harbour Herald", "harbour.example", "The harbour opens a second ferry terminal")
RAIL = rss("Rail Review", "rail.example", "Night trains return to the coastal line")


def test_two_feeds_of_one_opml_list_with_the_same_guid_keep_both_items(
    feed_project: FeedProject, tmp_path: Path
) -> None:
    routes = {
        "/harbour.xml": static(HARBOUR, "application/rss+xml"),
        "/rail.xml": static(RAIL, "application/rss+xml"),
    }
    with serve(routes) as server:
        opml = tmp_path / "list.opml"
        opml.write_text(
            '<?xml version="1.0"?><opml version="2.0"><head><title>t</title></head><body>'
            f'<outline text="Harbour Herald" xmlUrl="{server.url("/harbour.xml")}"/>'
            f'<outline text="Rail Review" xmlUrl="{server.url("/rail.xml")}"/>'
            "</body></opml>"
        )
        feed_project.config["sources"] = [{"name": "list", "type": "opml", "path": str(opml)}]
        feed_project.config["http"] = {"allow_private": True, "total_timeout": 2.0}
        report = feed_project.run(now=NOW)
    assert report.ok, report.errors
    stored = feed_project.items()
    assert sorted(item.title for item in stored) == [
        "Night trains return to the coastal line",
        "The harbour opens a second ferry terminal",
    ]
    assert {item.id for item in stored} == {
        stable_id("list", server.url("/harbour.xml"), "1"),
        stable_id("list", server.url("/rail.xml"), "1"),
    }
    published = {entry["title"] for entry in feed_project.atom_entries()}
    assert published == {item.title for item in stored}


def test_a_feed_source_keeps_ids_from_its_name_and_the_guid_alone() -> None:
    source = SourceConfig(name="herald", type="feed", options={}, base_dir=Path("."))
    document = Document(
        source="herald",
        uri="http://harbour.example/feed.xml",
        content=HARBOUR,
        media_type="application/rss+xml",
        fetched_at=NOW,
        meta={"url": "http://harbour.example/feed.xml"},
    )
    items = parse_document(document, source)
    assert items is not None
    assert [item.id for item in items] == [stable_id("herald", "1")]


def test_a_document_that_names_its_feed_gets_ids_scoped_by_that_feed() -> None:
    source = SourceConfig(name="list", type="opml", options={}, base_dir=Path("."))
    document = Document(
        source="list",
        uri="http://harbour.example/feed.xml?redirected",
        content=HARBOUR,
        media_type="application/rss+xml",
        fetched_at=NOW,
        meta={FEED_URL_META: "http://harbour.example/feed.xml"},
    )
    items = parse_document(document, source)
    assert items is not None
    assert [item.id for item in items] == [
        stable_id("list", "http://harbour.example/feed.xml", "1")
    ]


def test_items_whose_id_changed_join_the_story_they_already_belong_to(
    feed_project: FeedProject, tmp_path: Path
) -> None:
    """What subscribers see when the ids of a list's items change once (as on the
    upgrade that scoped them by feed URL): the same stories, none twice."""
    with serve({"/harbour.xml": static(HARBOUR, "application/rss+xml")}) as server:
        feed_project.config["http"] = {"allow_private": True, "total_timeout": 2.0}
        feed_project.config["sources"] = [
            {"name": "list", "type": "feed", "url": server.url("/harbour.xml")}
        ]
        assert feed_project.run(now=NOW).ok
        opml = tmp_path / "list.opml"
        opml.write_text(
            '<?xml version="1.0"?><opml version="2.0"><body>'
            f'<outline text="Harbour Herald" xmlUrl="{server.url("/harbour.xml")}"/>'
            "</body></opml>"
        )
        feed_project.config["sources"] = [{"name": "list", "type": "opml", "path": str(opml)}]
        assert feed_project.run(now=NOW, reprocess=True).ok  # as when the feed next changes
    stored = feed_project.items()
    assert len({item.id for item in stored}) == 2
    assert len({item.story_id for item in stored}) == 1
    assert len(feed_project.atom_entries()) == 1


def _files_source(tmp_path: Path, files: dict[str, bytes]) -> list[str]:
    for name, content in files.items():
        (tmp_path / name).write_bytes(content)
    return [str(tmp_path / name) for name in files]


def test_feed_files_of_two_feeds_with_the_same_guid_keep_both_items(
    feed_project: FeedProject, tmp_path: Path
) -> None:
    paths = _files_source(tmp_path, {"harbour.xml": HARBOUR, "rail.xml": RAIL})
    feed_project.config["sources"] = [{"name": "saved", "type": "files", "paths": paths}]
    assert feed_project.run(now=NOW).ok
    assert sorted(item.title for item in feed_project.items()) == [
        "Night trains return to the coastal line",
        "The harbour opens a second ferry terminal",
    ]


def test_two_saved_copies_of_one_feed_share_their_entries(
    feed_project: FeedProject, tmp_path: Path
) -> None:
    paths = _files_source(tmp_path, {"monday.xml": HARBOUR, "tuesday.xml": HARBOUR})
    feed_project.config["sources"] = [{"name": "saved", "type": "files", "paths": paths}]
    assert feed_project.run(now=NOW).ok
    assert [item.title for item in feed_project.items()] == [
        "The harbour opens a second ferry terminal"
    ]
