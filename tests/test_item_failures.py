"""A plugin that fails on an item: the stage it is reported under, and the retry next run."""

from __future__ import annotations

import pytest

from aggregator.pipeline import run_once
from aggregator.testing import FeedProject

GOOD = "India and Japan sign a pact\n\nMarch 6, 2026\n\nThe two governments signed it.\n"
BAD = "Explosive news\n\nMarch 7, 2026\n\nThe plugin cannot take this one.\n"
OTHER = "Rail line on schedule\n\nMarch 8, 2026\n\nThe high-speed line opens next year.\n"

FAILING = """
from pathlib import Path

from aggregator import hookimpl

SWITCHES = Path(__file__).resolve().parent.parent
STAGES = []


def explode(stage, item):
    if item.title.startswith("Explosive") and (SWITCHES / f"fail-{stage}").exists():
        raise RuntimeError(f"cannot {stage} this one")


@hookimpl
def aggregator_clean_item(item):
    explode("clean", item)


@hookimpl
def aggregator_tag_item(item):
    explode("tag", item)
    label = SWITCHES / "label"
    if label.exists():
        item.topics.append(label.read_text())


@hookimpl
def aggregator_judge_item(item):
    explode("judge", item)


@hookimpl
def aggregator_cluster(items, store):
    if (SWITCHES / "fail-cluster").exists():
        raise RuntimeError("cannot cluster this batch")


@hookimpl
def aggregator_error(stage, error, source, item):
    STAGES.append((stage, item.title if item else None))
"""


def fail(project: FeedProject, stage: str, on: bool = True) -> None:
    switch = project.root / f"fail-{stage}"
    if on:
        switch.touch()
    else:
        switch.unlink()


def label(project: FeedProject, text: str) -> None:
    (project.root / "label").write_text(text)


def topics(project: FeedProject) -> dict[str, list[str]]:
    return {item.title: item.topics for item in project.items()}


@pytest.fixture
def project(feed_project: FeedProject) -> FeedProject:
    feed_project.add_article("a.txt", GOOD)
    feed_project.add_article("b.txt", BAD)
    feed_project.add_article("c.txt", OTHER)
    feed_project.add_plugin("failing.py", FAILING)
    return feed_project


@pytest.mark.parametrize("stage", ["clean", "tag", "judge"])
def test_a_failing_item_plugin_is_reported_under_its_stage(
    project: FeedProject, stage: str, caplog: pytest.LogCaptureFixture
) -> None:
    fail(project, stage)
    app = project.load()
    report = run_once(app)
    received = app.pm.get_plugin("failing").STAGES
    assert received == [(stage, "Explosive news")]
    assert [problem.stage for problem in report.errors] == [stage]
    [logged] = [record.getMessage() for record in caplog.records if record.levelname == "ERROR"]
    assert logged.startswith(f"{stage} · source 'articles' · articles/b.txt · plugin 'failing'")


def test_a_failing_cluster_plugin_is_reported_under_cluster(project: FeedProject) -> None:
    fail(project, "cluster")
    app = project.load()
    report = run_once(app)
    received = app.pm.get_plugin("failing").STAGES
    assert received == [("cluster", None)]
    assert [problem.stage for problem in report.errors] == ["cluster"]
