"""SIGKILL of the embedded runner at the two points around the last batch's commit.

A run stores its items batch by batch and the sources' fetch states (a feed's
validators and body hash, a page's, an OPML member's) at the end. Killed with
the last batch's items not yet committed, it must leave the states as they
were, or the next run finds every source unchanged and those items are never
stored; killed after that commit but before the states are saved, the next
run fetches again and stores nothing twice. Each case runs ``aggregator run``
in a subprocess that kills itself at that point, then a normal run.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from loopback import Server, rss_feed, serve, static

from aggregator.manager import DISABLE_ENTRY_POINTS_ENV
from aggregator.store import Store
from aggregator.testing import FeedProject

DRIVER = """
import os, signal, sys
from aggregator.cli import cli
from aggregator.manager import DISABLE_ENTRY_POINTS_ENV
from aggregator.store import Store

if os.environ.get("DIE_AT") == "states":
    def die(*_args, **_kwargs):
        os.kill(os.getpid(), signal.SIGKILL)
    Store.save_source_state = die
cli(["run", "--once", "-c", sys.argv[1]], prog_name="aggregator")
"""

DIE_IN_LAST_BATCH = """
import os, signal
from aggregator import hookimpl

@hookimpl
def aggregator_cluster(items, store, config):
    if os.environ.get("DIE_AT") == "items":
        os.kill(os.getpid(), signal.SIGKILL)
"""

FEED_ENTRIES = {
    "wire": [
        ("Harbour cranes arrive at the northern quay", "Three electric gantry cranes arrived."),
        ("Winter storm closes three ports", "A winter storm closed three ports on Tuesday."),
    ],
    "member": [
        ("Island orchard plants apple trees", "Growers planted four hundred apple trees."),
        ("Old lighthouse reopens", "The lighthouse on Gull Point has reopened."),
    ],
}
PAGE_TITLE = "Rail loan talks open between the two capitals"
PAGE_TEXT = [
    "Officials from both capitals opened talks on Wednesday on a loan for the high-speed"
    " rail line, which would link the two largest ports on the coast by 2031.",
    "The loan would cover the first section of track and eight stations, and both sides"
    " said they hoped to sign an agreement before the end of the summer.",
    "Engineers have already surveyed the route, and construction of the first viaduct"
    " could start next spring if the financing is settled in time, officials said.",
]
FILE_TITLE = "Ferry timetable changes for the spring"
RSS_TYPE = "application/rss+xml"
EXPECTED = sorted(
    [title for entries in FEED_ENTRIES.values() for title, _ in entries] + [PAGE_TITLE, FILE_TITLE]
)


def page() -> bytes:
    paragraphs = "".join(f"<p>{text}</p>" for text in PAGE_TEXT)
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f'<title>{PAGE_TITLE}</title><meta property="og:type" content="article"></head>'
        f"<body><main><article><h1>{PAGE_TITLE}</h1>"
        '<p class="byline">By Mira Aalto · <time datetime="2026-03-04T09:00:00+00:00">'
        f"2026-03-04</time></p>{paragraphs}</article></main></body></html>"
    ).encode()


def opml(server: Server) -> bytes:
    return (
        '<?xml version="1.0"?><opml version="2.0"><head><title>t</title></head><body>'
        f'<outline text="Member" xmlUrl="{server.url("/member.xml")}"/></body></opml>'
    ).encode()


@pytest.fixture
def server() -> Iterator[Server]:
    with serve({}) as server:
        server.routes.update(
            {
                "/wire.xml": static(rss_feed("wire", FEED_ENTRIES["wire"]), "application/rss+xml"),
                "/member.xml": static(
                    rss_feed("member", FEED_ENTRIES["member"]), "application/rss+xml"
                ),
                "/list.opml": static(opml(server), "text/x-opml"),
                "/rail.html": static(page(), "text/html; charset=utf-8"),
            }
        )
        yield server


def make_project(root: Path, server: Server) -> FeedProject:
    project = FeedProject(root)
    project.config["http"] = {"allow_private": True}
    project.config["sources"] = [
        {"name": "wire", "type": "feed", "url": server.url("/wire.xml")},
        {"name": "list", "type": "opml", "url": server.url("/list.opml")},
        {"name": "rail", "type": "page", "url": server.url("/rail.html")},
        {"name": "articles", "type": "files", "paths": ["articles/*.txt"]},
    ]
    project.add_article("ferry.txt", f"{FILE_TITLE}\n\nThe ferry leaves an hour earlier.")
    project.add_plugin("die_in_last_batch.py", DIE_IN_LAST_BATCH)
    project.write_config()
    return project


def run(project: FeedProject, die_at: str | None) -> int:
    env = {key: value for key, value in os.environ.items() if key != "DIE_AT"}
    if die_at:
        env["DIE_AT"] = die_at
    env[DISABLE_ENTRY_POINTS_ENV] = "1"
    done = subprocess.run(
        [sys.executable, "-c", DRIVER, str(project.config_path)],
        env=env,
        cwd=project.root,
        capture_output=True,
        timeout=120,
    )
    return done.returncode


def stored(project: FeedProject) -> tuple[list[str], dict[str, dict[str, object]]]:
    store = Store.open(project.root / "state" / "state.db")
    try:
        titles = sorted(item.title for item in store.iter_items())
        return titles, store.all_source_states()
    finally:
        store.close()


@pytest.mark.parametrize("die_at", ["items", "states"])
def test_a_run_killed_around_its_last_commit_loses_and_doubles_nothing(
    tmp_path: Path, server: Server, die_at: str
) -> None:
    project = make_project(tmp_path / "project", server)
    assert run(project, die_at) == -signal.SIGKILL
    titles, states = stored(project)
    assert states == {}
    assert titles == ([] if die_at == "items" else EXPECTED)

    assert run(project, None) == 0
    titles, states = stored(project)
    assert titles == EXPECTED
    assert Counter(titles).most_common(1)[0][1] == 1
    assert set(states) == {"wire", "list", "rail"}
    assert all(server.hits[path] == 2 for path in ("/wire.xml", "/member.xml", "/rail.html"))


FAIL_ON_STORM = """
from pathlib import Path
from aggregator import hookimpl

@hookimpl
def aggregator_tag_item(item):
    if "storm" in item.title and (Path(__file__).parent / "fail").exists():
        raise RuntimeError("a tagger's bug")
"""


def test_a_feed_with_an_unfinished_item_is_fetched_and_processed_again(
    tmp_path: Path, server: Server
) -> None:
    """The feed's new body hash is not saved while one of its items failed: saved, the
    next run would find the feed unchanged and never store that item."""
    project = FeedProject(tmp_path / "project")
    project.config["http"] = {"allow_private": True}
    project.config["sources"] = [{"name": "wire", "type": "feed", "url": server.url("/wire.xml")}]
    project.add_plugin("fail_on_storm.py", FAIL_ON_STORM)
    (project.plugins / "fail").touch()
    report = project.run()
    assert len(report.errors) == 1
    assert [item.title for item in project.items()] == [FEED_ENTRIES["wire"][0][0]]
    (project.plugins / "fail").unlink()
    assert project.run().ok
    assert sorted(item.title for item in project.items()) == sorted(
        title for title, _ in FEED_ENTRIES["wire"]
    )
    assert server.hits["/wire.xml"] == 2


FAIL_PARSE = """
from pathlib import Path
from aggregator import hookimpl

@hookimpl
def aggregator_parse(document):
    if (Path(__file__).parent / "fail").exists():
        raise RuntimeError("a parser's bug")
"""


def test_a_feed_whose_parse_failed_is_fetched_and_parsed_again(
    tmp_path: Path, server: Server
) -> None:
    """A failed parse leaves the feed's state as it was: saved, the next run would be
    answered 304 Not Modified and the feed's items would wait for its next change."""
    project = FeedProject(tmp_path / "project")
    project.config["http"] = {"allow_private": True}
    project.config["sources"] = [{"name": "wire", "type": "feed", "url": server.url("/wire.xml")}]
    project.add_plugin("fail_parse.py", FAIL_PARSE)
    (project.plugins / "fail").touch()
    report = project.run()
    assert [problem.stage for problem in report.errors] == ["parse"]
    assert project.items() == []
    (project.plugins / "fail").unlink()
    assert project.run().ok
    assert sorted(item.title for item in project.items()) == sorted(
        title for title, _ in FEED_ENTRIES["wire"]
    )
