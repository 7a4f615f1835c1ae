"""With workers, the run's process asks the store about a chunk's items at once, and
answers each document as the store would when its turn comes."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from aggregator import input_order, pipeline
from aggregator.store import Store
from aggregator.testing import FeedProject

NOW = datetime(2026, 4, 2, 9, tzinfo=UTC)
ID_BY_TEXT = """
from aggregator import hookimpl
from aggregator.models import stable_id
from aggregator.workers import SHIPPERS


class ParseHereFirstCopies:
    \"\"\"Lets the workers parse every document but the first copy of a report, which the
    run's process parses (as it does any document a plugin cannot ship).\"\"\"

    def ship(self, source, document, config):
        return None if document.uri.endswith("a.txt") else {}

    def receive(self, source, document, config, payload):
        pass


@hookimpl
def aggregator_configure(config):
    shippers = config.stash.get(SHIPPERS, {})
    config.stash[SHIPPERS] = {**shippers, "id_by_text": ParseHereFirstCopies()}


@hookimpl(wrapper=True)
def aggregator_parse(document, source):
    items = yield
    for item in items or []:
        item.id = stable_id(item.title, item.text)
    return items
"""
"""Items identified by their words: a file and its copy under another name are one item,
as an entry listed by two documents of a source is. The first copy of each report is
parsed in the run's process, the second by a worker."""


def write_reports(project: FeedProject, count: int) -> None:
    """Short reports; every fourth is copied right before itself under another name."""
    for number in range(count):
        text = (
            f"Delhi and Tokyo agree port upgrade {number}\n\n"
            f"Ministers from India and Japan signed plans for berth {number} at a Gujarat"
            " harbour on Tuesday, with Japanese lenders paying for the cranes.\n"
        )
        if number % 4 == 0:
            project.add_article(f"r{number:03}a.txt", text)
        project.add_article(f"r{number:03}b.txt", text)


def run(root: Path, processes: int) -> tuple[list[dict[str, object]], dict[str, Any]]:
    project = FeedProject(root)
    project.config["workers"] = {"processes": processes}
    project.add_plugin("id_by_text.py", ID_BY_TEXT)
    write_reports(project, 20)
    report = project.run(now=NOW)
    items = sorted((item.to_dict() for item in project.items()), key=lambda item: item["id"])
    counts = {"new": report.items_new, "stored": report.items_stored, "kept": report.kept}
    return items, counts


def count_first_seen(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The number of ids of each question :meth:`Store.first_seen` is asked."""
    asked: list[int] = []
    original = Store.first_seen

    def first_seen(self: Store, item_ids: Any) -> Any:
        asked.append(len(item_ids))
        return original(self, item_ids)

    monkeypatch.setattr(Store, "first_seen", first_seen)
    return asked


def test_a_chunk_back_from_the_workers_is_one_question_to_the_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(input_order, "PARALLEL_AFTER_DOCUMENTS", 2)
    monkeypatch.setattr(input_order, "CHUNK_ITEMS", 8)
    asked = count_first_seen(monkeypatch)
    items, counts = run(tmp_path, 2)
    assert counts["new"] == 25  # a copy in the batch its original is in is new too
    assert len(items) == 20
    # one question for each document parsed here (the five first copies and those
    # before the workers started), one for each chunk of the others
    assert len(asked) < 12
    assert sum(asked) == 25


def test_an_item_stored_while_its_copy_was_out_is_not_new_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A first copy parsed here is stored between the question about its second copy
    (back from a worker) and the second copy's turn: the second is then the stored item
    unchanged, as in one process."""
    monkeypatch.setattr(input_order, "PARALLEL_AFTER_DOCUMENTS", 2)
    monkeypatch.setattr(input_order, "CHUNK_ITEMS", 8)
    monkeypatch.setattr(pipeline, "BATCH_ITEMS", 1)
    alone = run(tmp_path / "one", 1)
    together = run(tmp_path / "two", 2)
    assert together == alone
    assert alone[1]["new"] == 20
