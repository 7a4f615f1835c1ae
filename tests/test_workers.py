"""Worker processes: a run stores, publishes and reports the same with any number of them."""

from __future__ import annotations

import logging
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from aggregator import input_order
from aggregator.config import MAX_PROCESSES, cores
from aggregator.schema import ConfigError
from aggregator.testing import FeedProject

NOW = datetime(2026, 3, 10, 12, tzinfo=UTC)
FAILING_TAGGER = """
from aggregator import hookimpl

@hookimpl
def aggregator_tag_item(item):
    if "cursed" in item.text:
        raise ValueError("this tagger cannot read " + item.uri)
"""


def write_articles(project: FeedProject) -> None:
    """Articles sharing an outlet's furniture (learned by the boilerplate cleaner), one
    copied under a second name, one that makes a plugin fail, some off topic."""
    for number in range(24):
        topic = "India and Japan sign a rail accord" if number % 3 else "Local bakery opens"
        body = f"Officials met in Tokyo on day {number} to discuss the shinkansen line."
        if number == 7:
            body += " A cursed paragraph."
        text = f"{topic} {number}\n\nThe Tokyo Ledger — English Edition\n\n{body}\n\nShare this\n"
        project.add_article(f"a{number:02}.txt", text)
    project.add_article("copy.txt", (project.articles / "a01.txt").read_text())


def run_project(root: Path, processes: int) -> tuple[list[dict[str, object]], list[str], bytes]:
    project = FeedProject(root)
    project.config["workers"] = {"processes": processes}
    project.add_plugin("failing_tagger.py", FAILING_TAGGER)
    write_articles(project)
    report = project.run(now=NOW)
    items = sorted((item.to_dict() for item in project.items()), key=lambda item: item["id"])
    lines = [problem.line() for problem in report.errors]
    return items, lines, (project.output_dir / "feed.atom").read_bytes()


def test_workers_store_and_report_what_one_process_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(input_order, "PARALLEL_AFTER_DOCUMENTS", 2)
    alone = run_project(tmp_path / "one", 1)
    caplog.set_level(logging.INFO, logger="aggregator.run")
    together = run_project(tmp_path / "three", 3)
    assert "curating in 3 worker processes" in caplog.messages
    assert together == alone
    items, lines, _ = together
    assert len(items) == 24  # the item the tagger failed on is not stored
    assert lines == [
        "tag · source 'articles' · articles/a07.txt · plugin 'failing_tagger':"
        " ValueError: this tagger cannot read articles/a07.txt"
    ]
    removed = {removal["text"] for item in items for removal in item["removed"]}  # type: ignore[attr-defined]
    assert "The Tokyo Ledger — English Edition" in removed


@pytest.mark.parametrize("value", [-1, MAX_PROCESSES + 1, "2"])
def test_processes_is_bounded(tmp_path: Path, value: object) -> None:
    project = FeedProject(tmp_path)
    project.config["workers"] = {"processes": value}
    with pytest.raises(ConfigError, match=r"workers\.processes"):
        project.load()


def test_processes_defaults_to_one_per_core(tmp_path: Path) -> None:
    assert FeedProject(tmp_path).load().config.processes == min(cores(), MAX_PROCESSES)


PID_RECORDER = """
import os
from pathlib import Path
from aggregator import hookimpl

@hookimpl(wrapper=True)
def aggregator_parse(document, source):
    items = yield
    with open(Path(__file__).with_name("parsed-by.txt"), "a") as out:
        out.write(f"{os.getpid()}\\n")
    return items
"""


def test_workers_parse_and_clean_documents_counted_ahead(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Plain-text documents, counted by the learner before they are parsed, are parsed
    and cleaned by the workers, with the counts the run's process had for them."""
    monkeypatch.setattr(input_order, "PARALLEL_AFTER_DOCUMENTS", 2)
    project = FeedProject(tmp_path)
    project.config["workers"] = {"processes": 2}
    recorder = project.add_plugin("pid_recorder.py", PID_RECORDER)
    write_articles(project)
    project.run(now=NOW)
    pids = set(Path(recorder).with_name("parsed-by.txt").read_text().split())
    assert len(pids) == 2  # the run's process parsed the first two, a worker the rest
    removed = {removal.text for item in project.items() for removal in item.removed}
    assert "The Tokyo Ledger — English Edition" in removed


def test_a_worker_loads_the_project_and_curates_without_sqlalchemy(tmp_path: Path) -> None:
    """A worker never opens the store: the project it loads, and the curation and
    clustering signatures it runs, import no SQLAlchemy (about 26 MB of its memory)."""
    project = FeedProject(tmp_path)
    write_articles(project)
    project.write_config()
    script = f"""
import sys
from datetime import UTC, datetime
from pathlib import Path
from aggregator.models import Document
from aggregator.workers import DocumentTask, WorkerSpec, start_worker, tag_and_judge
config = Path({str(project.config_path)!r})
start_worker(WorkerSpec(config, (), False, ""))
path = Path({str(project.articles / "a01.txt")!r})
document = Document("articles", "articles/a01.txt", path.read_bytes(), "text/plain",
                    datetime(2026, 6, 1, tzinfo=UTC))
result = tag_and_judge([DocumentTask(document, "articles", {{"clean_boilerplate": {{}}}}, None)])
assert result.judged[0].judged, result
print(sorted(name for name in sys.modules if name.split(".")[0] == "sqlalchemy"))
"""
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=tmp_path
    )
    assert done.stdout.strip() == "[]"


def test_a_worker_collects_garbage_as_the_run_does(tmp_path: Path) -> None:
    """A worker lives to curate a run's items: once its project is loaded, what it loaded is
    frozen and it collects garbage with the run's thresholds, not Python's (which collected
    every few items and rescanned the whole project now and then)."""
    project = FeedProject(tmp_path)
    write_articles(project)
    project.write_config()
    script = f"""
import gc
from pathlib import Path
from aggregator.collection import GC_THRESHOLDS
from aggregator.workers import WorkerSpec, start_worker
start_worker(WorkerSpec(Path({str(project.config_path)!r}), (), False, ""))
print(gc.get_threshold() == GC_THRESHOLDS, gc.get_freeze_count() > 1000)
"""
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=tmp_path
    )
    assert done.stdout.strip() == "True True"


def test_a_worker_prepares_kept_items_the_run_cleaned_for_clustering(tmp_path: Path) -> None:
    """Items the run's process parsed and cleaned go to a worker alone to be tagged and
    judged; the kept ones come back prepared for clustering, as a document's items do,
    so the run's process does not compute their signatures itself."""
    project = FeedProject(tmp_path)
    write_articles(project)
    project.write_config()
    script = f"""
from datetime import UTC, datetime
from pathlib import Path
from aggregator import workers
from aggregator.models import Document
config = Path({str(project.config_path)!r})
workers.start_worker(workers.WorkerSpec(config, (), False, ""))
app = workers._WORKER.app
source = app.config.sources[0]
items = []
for name in ("a01.txt", "a02.txt"):
    path = Path({str(project.articles)!r}) / name
    document = Document("articles", name, path.read_bytes(), "text/plain",
                        datetime(2026, 6, 1, tzinfo=UTC))
    for item in app.hooks.parse(document, source):
        app.hooks.clean_item(item)
        items.append(item)
for judged in workers.tag_and_judge(items).judged:
    prepared = workers.TRANSIENT + "cluster_stories" in judged.item.extras
    print(judged.reason is None, prepared)
"""
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=tmp_path
    )
    assert done.stdout.split("\n")[:2] == ["True True", "True True"]
