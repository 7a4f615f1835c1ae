"""The run lifecycle: isolation of bad input, incremental runs, determinism, the lock."""

from __future__ import annotations

import gc
import os
import sys
from datetime import UTC, datetime

import pytest

from aggregator.collection import GC_THRESHOLDS
from aggregator.lock import LockBusy, run_lock
from aggregator.pipeline import lock_path, run_once
from aggregator.testing import FeedProject

DATED = "India and Japan hold talks\n\nMarch 6, 2026\n\nOfficials met in Tokyo on Friday.\n"
UNDATED = (
    "Ministers review the rail project\n\n"
    "The high-speed rail line is on schedule, officials said.\n"
)


def test_binary_empty_and_huge_files_do_not_stop_the_others(feed_project: FeedProject) -> None:
    feed_project.add_article("good.txt", DATED)
    feed_project.add_article("binary.txt", bytes(range(256)) * 40)
    feed_project.add_article("empty.txt", "")
    big = feed_project.articles / "huge.txt"
    with big.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    report = feed_project.run()
    problems = {problem.where: problem.message for problem in report.errors}
    assert sorted(problems) == ["articles/binary.txt", "articles/huge.txt"]
    assert "binary file" in problems["articles/binary.txt"]
    assert problems["articles/huge.txt"].startswith("file is 50.0 MB, over the 5.0 MB limit")
    assert report.skipped == ["articles/empty.txt: empty file"]
    assert [entry["title"] for entry in feed_project.atom_entries()] == [
        "India and Japan hold talks"
    ]


def test_second_run_is_byte_identical_and_parses_nothing(feed_project: FeedProject) -> None:
    feed_project.add_article("a.txt", DATED)
    feed_project.add_article("b.txt", UNDATED)
    first = feed_project.run(now=datetime(2026, 3, 10, 12, tzinfo=UTC))
    atom = (feed_project.output_dir / "feed.atom").read_bytes()
    rss = (feed_project.output_dir / "feed.rss").read_bytes()
    assert first.documents == 2
    second = feed_project.run(now=datetime(2026, 3, 11, 12, tzinfo=UTC))
    assert second.documents == 0 and second.documents_unchanged == 2
    assert (feed_project.output_dir / "feed.atom").read_bytes() == atom
    assert (feed_project.output_dir / "feed.rss").read_bytes() == rss


def test_touched_but_unchanged_file_is_not_parsed(feed_project: FeedProject) -> None:
    path = feed_project.add_article("a.txt", DATED)
    feed_project.run()
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10**9))
    report = feed_project.run()
    assert report.documents == 0 and report.documents_unchanged == 1


def test_undated_item_keeps_first_seen_date(feed_project: FeedProject) -> None:
    feed_project.add_article("b.txt", UNDATED)
    feed_project.run(now=datetime(2026, 3, 10, 12, tzinfo=UTC))
    [entry] = feed_project.atom_entries()
    assert entry["published"] == ""  # no invented publication date
    assert entry["updated"].startswith("2026-03-10T12:00:00")
    feed_project.run(now=datetime(2026, 4, 1, tzinfo=UTC), reprocess=True)
    [entry] = feed_project.atom_entries()
    assert entry["updated"].startswith("2026-03-10T12:00:00")
    [item] = feed_project.items()
    assert item.published is None
    assert item.first_seen == datetime(2026, 3, 10, 12, tzinfo=UTC)


def test_new_file_only_is_processed(feed_project: FeedProject) -> None:
    feed_project.add_article("a.txt", DATED)
    feed_project.run()
    feed_project.add_article("b.txt", UNDATED)
    report = feed_project.run()
    assert report.documents == 1 and report.documents_unchanged == 1
    assert report.items_new == 1
    assert len(feed_project.atom_entries()) == 2


def test_changed_file_updates_item_and_keeps_id(feed_project: FeedProject) -> None:
    path = feed_project.add_article("a.txt", DATED)
    feed_project.run()
    [before] = feed_project.atom_entries()
    path.write_text(DATED.replace("Friday", "Friday evening"))
    report = feed_project.run()
    assert report.items_updated == 1
    [after] = feed_project.atom_entries()
    assert after["id"] == before["id"]
    assert "Friday evening" in after["content"]


def test_item_ids_are_stable(feed_project: FeedProject) -> None:
    feed_project.add_article("a.txt", DATED)
    feed_project.run()
    first = [item.id for item in feed_project.items()]
    feed_project.run(reprocess=True)
    assert [item.id for item in feed_project.items()] == first


def test_run_lock_refuses_a_second_run(feed_project: FeedProject) -> None:
    feed_project.add_article("a.txt", DATED)
    app = feed_project.load()
    with run_lock(lock_path(app.config.store_path)):
        with pytest.raises(LockBusy, match="another run holds"):
            run_once(app)
        result = feed_project.cli("run", "--once")
        assert result.exit_code == 3


def test_config_change_reprocesses_unchanged_inputs(feed_project: FeedProject) -> None:
    feed_project.add_article("a.txt", DATED)
    feed_project.run()
    feed_project.plugin_config("feed_publisher", atom_file="other.atom")
    report = feed_project.run()
    assert report.documents == 1
    assert (feed_project.output_dir / "other.atom").exists()


def test_items_command_lists_and_dumps_json(feed_project: FeedProject) -> None:
    feed_project.add_article("a.txt", DATED)
    feed_project.run()
    result = feed_project.cli("items")
    assert result.exit_code == 0
    assert "articles/a.txt" in result.output and "2026-03-06" in result.output
    result = feed_project.cli("items", "--json")
    import json

    [row] = json.loads(result.output)
    assert row["uri"] == "articles/a.txt"
    assert row["status"] == "kept"
    assert row["story_id"]
    assert row["published"].startswith("2026-03-06")


def test_summary_and_exit_code(feed_project: FeedProject) -> None:
    feed_project.add_article("a.txt", DATED)
    feed_project.add_article("bin.txt", b"\x00\x01\x02" * 100)
    result = feed_project.cli("run", "--once")
    assert result.exit_code == 1
    assert "errors: 1" in result.output
    assert "binary file" in result.output
    assert "Traceback" not in result.output


def test_reprocessing_unchanged_input_changes_no_output(feed_project: FeedProject) -> None:
    feed_project.add_article("a.txt", DATED)
    feed_project.add_article("b.txt", UNDATED)
    feed_project.run(now=datetime(2026, 3, 10, 12, tzinfo=UTC))
    before = {
        name: (feed_project.output_dir / name).read_bytes() for name in ("feed.atom", "feed.rss")
    }
    report = feed_project.run(now=datetime(2026, 4, 1, tzinfo=UTC), reprocess=True)
    assert report.items == 2 and report.stories_updated == 0
    for name, data in before.items():
        assert (feed_project.output_dir / name).read_bytes() == data, name


def test_rss_channel_link_is_the_home_page_and_self_links_point_at_each_feed(
    feed_project: FeedProject,
) -> None:
    feed_project.add_article("a.txt", DATED)
    feed_project.run()
    from lxml import etree

    rss = etree.parse(str(feed_project.output_dir / "feed.rss"))
    assert rss.findtext("channel/link") == "http://127.0.0.1:8080/"
    self_link = rss.find("channel/{http://www.w3.org/2005/Atom}link")
    assert self_link is not None and self_link.get("href") == "http://127.0.0.1:8080/feed.rss"
    atom = etree.parse(str(feed_project.output_dir / "feed.atom"))
    links = {
        link.get("rel"): link.get("href")
        for link in atom.getroot().iterfind("{http://www.w3.org/2005/Atom}link")
    }
    assert links == {
        "self": "http://127.0.0.1:8080/feed.atom",
        "alternate": "http://127.0.0.1:8080/",
    }


SLOW_WIRE_PLUGIN = """
import threading
from aggregator import Document, SourceType, hookimpl

SECOND_CHUNK_FETCHING = threading.Event()
events = []

@hookimpl
def aggregator_register_source_types(register):
    register(SourceType(name="wire", description="a network source made by the test",
                        network=True))

@hookimpl
def aggregator_fetch(source, run):
    if source.type != "wire":
        return None
    number = int(source.name.split("-")[1])
    events.append(("fetch", number))
    if number >= 8:
        SECOND_CHUNK_FETCHING.set()
    text = f"Report {number}\\n\\nIndia and Japan talk, part {number}.\\n"
    return [Document(source=source.name, uri=f"wire://{number}", content=text.encode(),
                     media_type="text/plain", fetched_at=run.now)]

@hookimpl
def aggregator_tag_item(item):
    number = int(item.source.split("-")[1])
    if number == 7:  # the last source of the first chunk waits for the next chunk's fetches
        assert SECOND_CHUNK_FETCHING.wait(20), "the next chunk was not fetched meanwhile"
    events.append(("tag", number))
"""


def test_next_sources_are_fetched_while_the_current_ones_are_curated(
    feed_project: FeedProject,
) -> None:
    """With [http] max_workers = 1, sources go in chunks of 8; while the first chunk's
    items are curated, the second chunk's network sources are already being fetched."""
    feed_project.add_plugin("wire.py", SLOW_WIRE_PLUGIN)
    feed_project.config["http"] = {"max_workers": 1}
    feed_project.config["sources"] = [
        {"name": f"wire-{number}", "type": "wire"} for number in range(16)
    ]
    app = feed_project.load()
    report = run_once(app)
    assert report.ok, report.errors
    wire = dict(app.pm.list_name_plugin())["wire"]
    tagged = [number for kind, number in wire.events if kind == "tag"]
    assert tagged == list(range(16)), "items are curated in source order"
    first_late_fetch = wire.events.index(("fetch", 8))
    assert first_late_fetch < wire.events.index(("tag", 7))


def test_write_ahead_log_is_folded_in_and_removed_after_a_run(feed_project: FeedProject) -> None:
    """Commits checkpoint rarely (WAL_CHECKPOINT_PAGES), so the log must not outlive the run."""
    feed_project.add_article("a.txt", DATED)
    feed_project.run()
    state = feed_project.root / "state" / "state.db"
    assert state.exists()
    assert not state.with_name("state.db-wal").exists()
    assert [item.title for item in feed_project.items()] == ["India and Japan hold talks"]


TAGGER = """
from aggregator import hookimpl


@hookimpl
def aggregator_tag_item(item):
    item.topics.append("rail-watch")
"""


def test_removing_a_plugin_reprocesses_and_takes_its_tags_away(feed_project: FeedProject) -> None:
    feed_project.add_article("a.txt", DATED)
    tagger = feed_project.add_plugin("tagger.py", TAGGER)
    feed_project.run()
    [item] = feed_project.items()
    assert "rail-watch" in item.topics
    assert "rail-watch" in feed_project.atom_entries()[0]["categories"]
    tagger.unlink()
    report = feed_project.run()
    assert report.documents == 1
    [item] = feed_project.items()
    assert "rail-watch" not in item.topics
    assert "rail-watch" not in feed_project.atom_entries()[0]["categories"]


def test_adding_or_editing_a_plugin_reprocesses(feed_project: FeedProject) -> None:
    feed_project.add_article("a.txt", DATED)
    feed_project.run()
    feed_project.add_plugin("tagger.py", TAGGER)
    assert feed_project.run().documents == 1
    assert feed_project.run().documents == 0
    feed_project.add_plugin("tagger.py", TAGGER.replace("rail-watch", "rail-desk"))
    assert feed_project.run().documents == 1
    [item] = feed_project.items()
    assert "rail-desk" in item.topics and "rail-watch" not in item.topics


GC_PROBE = """
import gc
from aggregator import hookimpl

SEEN = []

@hookimpl
def aggregator_run_start(run):
    SEEN.append((gc.get_threshold(), gc.get_freeze_count() > 0))
"""


def test_a_run_collects_garbage_less_often_and_restores_the_collector(
    feed_project: FeedProject,
) -> None:
    feed_project.add_article("a.txt", DATED)
    feed_project.add_plugin("gc_probe.py", GC_PROBE)
    before = gc.get_threshold()
    report = feed_project.run()
    assert report.kept == 1
    probe = next(m for name, m in sys.modules.items() if name.endswith("gc_probe"))
    assert probe.SEEN == [(GC_THRESHOLDS, True)]
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0
