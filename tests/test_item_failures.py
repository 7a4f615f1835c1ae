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


def test_an_item_a_plugin_failed_on_is_processed_again_next_run(project: FeedProject) -> None:
    fail(project, "tag")
    result = project.cli("run", "--once")
    assert result.exit_code == 1
    assert "tag · source 'articles' · articles/b.txt · plugin 'failing'" in result.output
    assert sorted(topics(project)) == ["India and Japan sign a pact", "Rail line on schedule"]
    fail(project, "tag", on=False)
    report = project.run()
    assert report.ok
    assert (report.documents, report.documents_unchanged) == (1, 2)
    assert "Explosive news" in topics(project)
    assert "Explosive news" in [entry["title"] for entry in project.atom_entries()]
    assert project.run().documents == 0


def test_a_failed_item_keeps_its_stored_version_and_gets_the_new_settings_next_run(
    project: FeedProject,
) -> None:
    label(project, "first")
    project.run()
    label(project, "second")
    fail(project, "judge")
    assert not project.run(reprocess=True).ok
    assert topics(project) == {
        "India and Japan sign a pact": ["second"],
        "Explosive news": ["first"],
        "Rail line on schedule": ["second"],
    }
    fail(project, "judge", on=False)
    report = project.run()
    assert report.ok and report.documents == 1
    assert topics(project)["Explosive news"] == ["second"]


def test_a_batch_that_failed_to_cluster_is_processed_again_next_run(
    project: FeedProject,
) -> None:
    fail(project, "cluster")
    assert not project.run().ok
    assert project.items() == []
    fail(project, "cluster", on=False)
    report = project.run()
    assert report.ok and report.documents == 3
    assert len(project.items()) == 3
    assert len(project.atom_entries()) == 3


def test_a_reprocessed_batch_that_failed_to_cluster_is_processed_again_next_run(
    project: FeedProject,
) -> None:
    label(project, "first")
    project.run()
    label(project, "second")
    fail(project, "cluster")
    assert not project.run(reprocess=True).ok
    assert set(map(tuple, topics(project).values())) == {("first",)}
    fail(project, "cluster", on=False)
    report = project.run()
    assert report.ok and report.documents == 3
    assert set(map(tuple, topics(project).values())) == {("second",)}
