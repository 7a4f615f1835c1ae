"""Every hookspec is documented under its exact signature, and every hook is exercised."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import click

from aggregator import hookspecs
from aggregator.pipeline import run_once
from aggregator.testing import FeedProject

DOCS = Path(__file__).resolve().parents[1] / "docs" / "plugin_hooks.md"
HOOK_NAMES = sorted(name for name in dir(hookspecs) if name.startswith("aggregator_"))


def signature_text(function: object) -> str:
    signature = inspect.signature(function)  # type: ignore[arg-type]
    params = ", ".join(f"{p.name}: {p.annotation}" for p in signature.parameters.values())
    return f"{function.__name__}({params}) -> {signature.return_annotation}"  # type: ignore[attr-defined]


def test_every_hookspec_is_documented_under_its_exact_signature() -> None:
    headings = re.findall(r"^### `(.+)`$", DOCS.read_text(), flags=re.MULTILINE)
    expected = [signature_text(getattr(hookspecs, name)) for name in HOOK_NAMES]
    assert sorted(headings) == sorted(expected)


def test_every_hookspec_has_a_docstring_saying_how_results_combine() -> None:
    for name in HOOK_NAMES:
        doc = getattr(hookspecs, name).__doc__ or ""
        assert re.search(
            r"firstresult|[Ee]very implementation|sums|[Hh]istoric|Notification", doc
        ), name


RECORDER = """
import click
from aggregator import hookimpl, SourceType, Document, Item, stable_id

CALLED = set()
TYPE = SourceType(name="recorded", description="a source made by the recorder")

@hookimpl
def aggregator_configure(config):
    CALLED.add("aggregator_configure")

@hookimpl
def aggregator_register_source_types(register):
    CALLED.add("aggregator_register_source_types")
    register(TYPE)

@hookimpl
def aggregator_register_commands(cli):
    CALLED.add("aggregator_register_commands")

@hookimpl
def aggregator_fetch(source, run):
    CALLED.add("aggregator_fetch")
    if source.type != "recorded":
        return None
    return [Document(source=source.name, uri="recorded:1", content=b"x",
                     media_type="application/x-recorded", fetched_at=run.now)]

@hookimpl
def aggregator_parse(document, source):
    CALLED.add("aggregator_parse")
    if document.media_type != "application/x-recorded":
        return None
    return [Item(id=stable_id("r", str(n)), source=source.name, uri=f"recorded:{n}",
                 title=f"Recorded {n}", text=f"text {n}") for n in range(3)]

@hookimpl
def aggregator_clean_item(item):
    CALLED.add("aggregator_clean_item")

@hookimpl
def aggregator_tag_item(item):
    CALLED.add("aggregator_tag_item")
    if item.title == "Recorded 2":
        raise ValueError("tagger fails on purpose")

@hookimpl
def aggregator_judge_item(item):
    CALLED.add("aggregator_judge_item")
    return "dropped on purpose" if item.title == "Recorded 1" else None

@hookimpl
def aggregator_item_dropped(item, reason):
    CALLED.add("aggregator_item_dropped")

@hookimpl
def aggregator_cluster(items, store):
    CALLED.add("aggregator_cluster")

@hookimpl
def aggregator_score_story(story):
    CALLED.add("aggregator_score_story")
    return 1.0

@hookimpl
def aggregator_publish(feed, stories, out_dir):
    CALLED.add("aggregator_publish")
    return []

@hookimpl
def aggregator_outputs(feed, stories, config):
    CALLED.add("aggregator_outputs")
    return []

@hookimpl
def aggregator_feed_entry(entry, story):
    CALLED.add("aggregator_feed_entry")

@hookimpl
def aggregator_run_start(run):
    CALLED.add("aggregator_run_start")

@hookimpl
def aggregator_run_finish(run, report):
    CALLED.add("aggregator_run_finish")

@hookimpl
def aggregator_error(stage, error, source, item):
    CALLED.add("aggregator_error")
"""


def test_every_hook_is_called_in_a_run(feed_project: FeedProject) -> None:
    feed_project.add_plugin("recorder.py", RECORDER)
    feed_project.config["sources"] = [{"name": "rec", "type": "recorded"}]
    app = feed_project.load()
    report = run_once(app)
    assert [problem.stage for problem in report.errors] == ["tag"]
    app.hooks.register_commands(click.Group())
    assert sorted(app.pm.get_plugin("recorder").CALLED) == HOOK_NAMES
