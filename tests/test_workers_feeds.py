"""Feeds parsed by worker processes, their entries counted by the run's process: the same
rows as one process, and nothing lost when a worker dies."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime
from html import escape
from pathlib import Path

import pytest
from loopback import Server, serve, static

from aggregator import input_order
from aggregator.testing import FeedProject

NOW = datetime(2026, 3, 10, 12, tzinfo=UTC)
LATER = datetime(2026, 3, 10, 18, tzinfo=UTC)
OUTLETS = 8
MASTHEAD = "The Tokyo Ledger — English Edition"
FOLLOW = "Kanto Desk Weekly Roundup Edition"
RECORDER = """
import os
from pathlib import Path
from aggregator import hookimpl

LOG = Path(__file__).with_name("stages.txt")

@hookimpl(wrapper=True)
def aggregator_parse(document, source):
    items = yield
    with LOG.open("a") as out:
        out.write(f"parse {os.getpid()}\\n")
    return items

@hookimpl
def aggregator_clean_item(item):
    with LOG.open("a") as out:
        out.write(f"clean {os.getpid()}\\n")
"""
FAILING_TAGGER = """
from aggregator import hookimpl

@hookimpl
def aggregator_tag_item(item):
    if "cursed" in item.text:
        raise ValueError("this tagger cannot read " + item.uri)
"""


def entry_text(outlet: int, number: int) -> str:
    if (outlet + number) % 3:
        topic = f"India and Japan sign accord {number} on the rail line of outlet {outlet}"
    else:
        topic = f"A local bakery {number} opens its doors in the town of outlet {outlet}"
    body = f"{topic}. Officials met in Tokyo on day {number} to discuss the shinkansen line."
    if outlet == 2 and number == 1:
        body += " A cursed paragraph."
    return body


def feed(outlet: int, entries: int, generation: int) -> bytes:
    """An RSS feed whose entries share the outlet's masthead and footer; outlet 4 has a
    single entry (counted when it is cleaned), the others ``entries``."""
    items = []
    for number in range(1 if outlet == 4 else entries):
        body = entry_text(outlet, number + generation)
        description = "".join(f"<p>{escape(line)}</p>" for line in (MASTHEAD, body, FOLLOW))
        items.append(
            f"<item><title>Report {number + generation} of outlet {outlet}</title>"
            f"<link>http://outlet{outlet}.example/{number + generation}</link>"
            f"<guid isPermaLink='false'>o{outlet}-{number + generation}</guid>"
            f"<pubDate>Mon, 02 Mar 2026 0{number}:00:00 +0000</pubDate>"
            f"<description>{escape(description)}</description></item>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Outlet {outlet}</title><link>http://outlet{outlet}.example/</link>"
        f"<description>d</description>{''.join(items)}</channel></rss>"
    ).encode()


@pytest.fixture
def server() -> Iterator[Server]:
    with serve({}) as server:
        publish(server, generation=0)
        yield server


def publish(server: Server, generation: int) -> None:
    """Serve every outlet's feed; a later generation adds entries and keeps most of the
    earlier ones."""
    for outlet in range(OUTLETS):
        body = feed(outlet, 5, generation)
        server.routes[f"/outlet{outlet}.xml"] = static(body, "application/rss+xml")


def project_for(root: Path, server: Server, processes: int, layout: str = "feed") -> FeedProject:
    """A project reading every outlet: one ``feed`` source each, or one ``opml`` source
    listing them all (whose feeds share one source name, and so the learner's counts)."""
    project = FeedProject(root)
    project.config["workers"] = {"processes": processes}
    project.config["http"] = {"allow_private": True}
    urls = [server.url(f"/outlet{outlet}.xml") for outlet in range(OUTLETS)]
    project.config["sources"] = [
        {"name": f"outlet{outlet}", "type": "feed", "url": url} for outlet, url in enumerate(urls)
    ]
    if layout == "opml":
        outlines = "".join(f'<outline text="o" xmlUrl="{url}"/>' for url in urls)
        (root / "list.opml").write_text(
            f'<?xml version="1.0"?><opml version="2.0"><body>{outlines}</body></opml>'
        )
        project.config["sources"] = [{"name": "list", "type": "opml", "path": "list.opml"}]
    project.add_plugin("failing_tagger.py", FAILING_TAGGER)
    project.add_plugin("recorder.py", RECORDER)
    return project


def stored(project: FeedProject) -> list[dict[str, object]]:
    return sorted((item.to_dict() for item in project.items()), key=lambda item: item["id"])


def two_runs(root: Path, server: Server, processes: int, layout: str) -> tuple[object, ...]:
    """A first run, then one after every feed changed; what each stored and reported."""
    project = project_for(root, server, processes, layout)
    publish(server, generation=0)
    first = project.run(now=NOW)
    after_first = stored(project)
    publish(server, generation=2)
    second = project.run(now=LATER)
    lines = [[problem.line() for problem in report.errors] for report in (first, second)]
    atom = (project.output_dir / "feed.atom").read_bytes()
    return after_first, stored(project), lines, atom


@pytest.mark.parametrize("layout", ["feed", "opml"])
def test_feeds_parsed_by_workers_store_what_one_process_does(
    tmp_path: Path, server: Server, monkeypatch: pytest.MonkeyPatch, layout: str
) -> None:
    monkeypatch.setattr(input_order, "PARALLEL_AFTER_DOCUMENTS", 2)
    alone = two_runs(tmp_path / "one", server, 1, layout)
    together = two_runs(tmp_path / "two", server, 2, layout)
    assert together == alone
    after_first, items, lines, _ = together
    assert len(items) > len(after_first) > 30
    assert len(lines[0]) == 1
    assert lines[0][0].startswith("tag · source ")
    assert lines[0][0].endswith("ValueError: this tagger cannot read " + server.url("/outlet2.xml"))
    rules = {removal["text"]: removal["rule"] for item in items for removal in item["removed"]}  # type: ignore[attr-defined]
    assert rules[MASTHEAD].startswith("learned: repeats in")
    assert rules[FOLLOW].startswith("learned: repeats in")
    stages = (tmp_path / "two" / "plugins" / "stages.txt").read_text().splitlines()
    for stage in ("parse", "clean"):  # the first feeds here, the others by the workers
        pids = {line.split()[1] for line in stages if line.startswith(stage)}
        assert str(os.getpid()) in pids and len(pids) > 1


WORKER_DEATH = """
import os
from pathlib import Path
from aggregator import hookimpl

MARK = Path(__file__).with_name("died")

@hookimpl(wrapper=True)
def aggregator_parse(document, source):
    items = yield
    if (
        STAGE == "parse" and source.name == "outlet5"
        and os.getpid() != int(os.environ["AGGREGATOR_TEST_RUN_PID"]) and not MARK.exists()
    ):
        MARK.write_text("parse")
        os._exit(3)
    return items

@hookimpl
def aggregator_clean_item(item):
    if (
        STAGE == "clean" and item.source == "outlet6"
        and os.getpid() != int(os.environ["AGGREGATOR_TEST_RUN_PID"]) and not MARK.exists()
    ):
        MARK.write_text("clean")
        os._exit(3)
"""


@pytest.mark.parametrize("stage", ["parse", "clean"])
def test_a_worker_dying_on_a_feed_loses_nothing(
    tmp_path: Path, server: Server, monkeypatch: pytest.MonkeyPatch, stage: str
) -> None:
    """The documents out with the workers are unfinished: their sources keep their state,
    the next run fetches and processes them again, and every item is stored once."""
    monkeypatch.setattr(input_order, "PARALLEL_AFTER_DOCUMENTS", 2)
    monkeypatch.setenv("AGGREGATOR_TEST_RUN_PID", str(os.getpid()))
    reference = project_for(tmp_path / "one", server, 1)
    reference.run(now=NOW)
    project = project_for(tmp_path / "two", server, 2)
    plugin = project.add_plugin("worker_death.py", f"STAGE = {stage!r}\n" + WORKER_DEATH)
    report = project.run(now=NOW)
    assert plugin.with_name("died").read_text() == stage
    assert [problem.stage for problem in report.errors if problem.stage == "workers"] == ["workers"]
    assert len(stored(project)) < len(stored(reference))
    project.run(now=NOW)
    ids = [item["id"] for item in stored(project)]
    assert ids == [item["id"] for item in stored(reference)]


FAIL_PARSE = """
from pathlib import Path
from aggregator import hookimpl

@hookimpl
def aggregator_parse(document):
    if (Path(__file__).parent / "fail").exists():
        raise RuntimeError("a parser's bug")
"""


def test_a_feed_whose_parse_failed_in_a_worker_is_fetched_and_parsed_again(
    tmp_path: Path, server: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A failed parse in a worker leaves the feed's fetch state as it was, as one in the
    run's process does: saved, the next run would be answered 304 Not Modified and the
    feed's entries would wait for its next change after the parser is mended."""
    monkeypatch.setattr(input_order, "PARALLEL_AFTER_DOCUMENTS", 2)
    project = FeedProject(tmp_path / "project")
    project.config["workers"] = {"processes": 2}
    project.config["http"] = {"allow_private": True}
    project.config["sources"] = [
        {"name": f"outlet{outlet}", "type": "feed", "url": server.url(f"/outlet{outlet}.xml")}
        for outlet in range(OUTLETS)
    ]
    project.add_plugin("fail_parse.py", FAIL_PARSE)
    (project.plugins / "fail").touch()
    report = project.run(now=NOW)
    assert [problem.stage for problem in report.errors] == ["parse"] * OUTLETS
    assert project.items() == []
    (project.plugins / "fail").unlink()
    assert project.run(now=NOW).ok
    assert len(project.items()) == sum(1 if outlet == 4 else 5 for outlet in range(OUTLETS))
