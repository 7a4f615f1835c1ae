"""The sketch of a report's rare words and what the clusterer makes of it."""

from __future__ import annotations

import sqlite3
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zlib import crc32

import numpy as np
import pytest
import story_support

from aggregator.plugins import cluster_stories
from aggregator.plugins.cluster_stories import Index, Placement, Report, _add, rare_measure
from aggregator.plugins.cluster_stories import similarity as plugin_similarity
from aggregator.stories import new_story_id
from aggregator.testing import FeedProject
from aggregator.toolkit.rare_words import (
    MIN_REPORTS,
    SKETCH_WORDS,
    SLOT_MASK,
    WORDS_KEY,
    ContentWords,
    FoldConflict,
    RareOverlap,
    WordFrequency,
    WordsRow,
    content_words,
    fold_frequency,
    load_frequency,
)
from aggregator.toolkit.story_evidence import WORD
from aggregator.toolkit.story_match import RARE_BAR, similarity

sys.path.insert(0, str(Path(__file__).resolve().parent))

DAY = datetime(2026, 3, 10, 9, tzinfo=UTC)


def hashes_of(*words: str) -> list[int]:
    return [crc32(f"r:{word}".encode()) for word in words]


SENTENCE = "the tugs and the tug’s tugs pushed a barge past 12 silt banks of covid19 o'silt"


def test_content_words_put_the_repeated_ones_first() -> None:
    found = content_words(WORD.findall(SENTENCE))
    repeated = sorted(hashes_of("tugs", "silt"))
    once = sorted(hashes_of("pushed", "barge", "past", "banks", "tug"))
    assert found == ContentWords(np.array(repeated + once, dtype=np.uint32).tobytes(), 2)


def test_the_sketch_keeps_the_rarest_repeated_words_before_any_other() -> None:
    frequency = WordFrequency()
    for words in (["harbour", "work"], ["harbour"], ["harbour"]):
        frequency.add(content_words(words))
    report = content_words(["harbour", "harbour", "dredging", "dredging", "work", "work", "silt"])
    sketch = np.frombuffer(frequency.sketch(report), dtype=np.uint32).tolist()
    # the repeated words, rarest first, then the word used once
    assert sketch == hashes_of("dredging", "work", "harbour", "silt")
    many = content_words([f"word{chr(97 + i)}{chr(97 + j)}" for i in range(8) for j in range(8)])
    assert len(frequency.sketch(many)) == 4 * SKETCH_WORDS


def test_overlap_weighs_the_earlier_sketch_held_and_the_sketches_shared() -> None:
    frequency = WordFrequency(reports=MIN_REPORTS)
    old_sketch = frequency.sketch(content_words(["dredging", "silt", "tugs"]))
    new_words = content_words(["dredging", "silt", "barge"])
    new_sketch = np.array(hashes_of("dredging"), np.uint32).tobytes()
    overlap = frequency.measure(new_sketch, new_words)
    assert overlap(old_sketch) == pytest.approx(RareOverlap(held=2 / 3, shared=1 / 3))
    assert overlap(b"") is None
    young = WordFrequency(reports=MIN_REPORTS - 1)
    assert young.measure(new_sketch, new_words)(old_sketch) is None


HARBOUR = (
    "Dredging of the harbour channel resumed on Monday after silt from the monsoon floods"
    " blocked the berths. Four tugs and two hopper barges will work through the night, and"
    " the dredging should clear the silt from the approach before the next cargo ships are"
    " due. The hopper barges dump the silt at sea, where the tugs tow them each morning."
)
PORT = (
    "Work to clear silt from the approach channel restarted this week. Hopper barges and"
    " tugs are back on the water, the port office said, and the dredging crews will keep"
    " going around the clock so that berths blocked since the floods can take cargo again."
    " Silt is dumped offshore from the barges."
)
OTHERS = (
    ("Council approves the budget", "The council approved the budget for schools and roads."),
    ("Rail fares rise", "Rail fares will rise next month, the operator said on Monday."),
    ("Rain expected", "Heavy rain is expected across the region this week, forecasters said."),
    ("Hospital opens a ward", "A new ward opened at the hospital on Monday for children."),
)


def indexed(index: Index, title: str, text: str, item_id: str) -> tuple[Report, Placement]:
    """A report placed and given its sketch as the clusterer does (aggregator_cluster)."""
    report, placement = story_support.placed(title, text, item_id, DAY)
    report.rare = index.words.sketch(placement.words)
    return report, placement


def test_reworded_reports_sharing_only_unusual_words_join() -> None:
    """Two reports of one dredging job share no name and little wording, but their rare
    ordinary words (dredging, silt, tugs, hopper barges): the rules alone reject them."""
    index = Index()
    for number, (title, text) in enumerate(OTHERS * 3):
        _add(index, *indexed(index, title, text, f"other{number}"))
    old = indexed(index, "Harbour dredging resumes", HARBOUR, "old")
    _add(index, *old)
    new, placement = indexed(index, "Channel work restarts", PORT, "new")
    without, reason = plugin_similarity(new, old[0], index)
    assert without < 0.35, reason
    rare = rare_measure(index, new, placement)
    score, reason = plugin_similarity(new, old[0], index, rare=rare)
    assert score >= 0.35, reason
    assert "rare words" in reason


LOAN = (
    "Japan will lend India 71.2 billion yen for the Mumbai Metro Line 3, the Japan International"
    " Cooperation Agency said on Tuesday. The metro will carry 1.7 million passengers a day."
)
REWORDED = (
    "The Japan International Cooperation Agency has agreed a loan of 71.2 billion yen to"
    " India for the Mumbai Metro Line 3, which is expected to move 1.7 million riders daily."
)


def test_pairs_whose_rare_words_differ_need_more_evidence() -> None:
    first = story_support.placed("Japan lends India 71.2 billion yen", LOAN, "a", DAY)[0]
    second = story_support.placed("JICA loan for Mumbai metro", REWORDED, "b", DAY)[0]
    plain, reason = similarity(second, first)
    assert plain > 0, reason
    nothing, _ = similarity(second, first, rare=lambda old: RareOverlap(0.0, 0.0))
    assert nothing == pytest.approx(plain - RARE_BAR)
    unknown, _ = similarity(second, first, rare=lambda old: None)
    assert unknown == plain


def test_sketches_and_word_counts_are_stored_for_the_next_run(tmp_path: Path) -> None:
    project = FeedProject(tmp_path / "project")
    project.add_article("harbour.txt", f"Harbour dredging resumes\n\nMarch 10, 2026\n\n{HARBOUR}\n")
    project.run(now=DAY)
    project.add_article("port.txt", f"Channel work restarts\n\nMarch 10, 2026\n\n{PORT}\n")
    project.run(now=DAY + timedelta(hours=3))
    with sqlite3.connect(project.root / "state" / "state.db") as db:
        sketches = [len(rare) for (rare,) in db.execute("SELECT rare FROM cluster_index")]
        [(reports,)] = db.execute("SELECT reports FROM cluster_words")
    assert len(sketches) == 2 and all(0 < size <= 4 * SKETCH_WORDS for size in sketches)
    assert reports == 2


class MemoryTable:
    """A stored table as a dict, deleting only what is still there (as a second
    transaction's DELETE finds rows another one already removed)."""

    def __init__(self) -> None:
        self.rows: dict[str, WordsRow] = {}

    def get(self, key: str) -> WordsRow | None:
        return self.rows.get(key)

    def select(self) -> list[WordsRow]:
        return list(self.rows.values())

    def upsert(self, rows: list[WordsRow]) -> None:
        self.rows.update((row.key, row) for row in rows)

    def delete_where(self, condition: tuple[str, str, list[str]]) -> int:
        gone = [key for key in condition[2] if self.rows.pop(key, None) is not None]
        return len(gone)


def counted(table: MemoryTable, *reports: list[str]) -> WordFrequency:
    frequency = load_frequency(table)  # type: ignore[arg-type]
    for words in reports:
        frequency.add(content_words(words))
    return frequency


def test_each_batch_stores_what_it_added_and_the_end_folds_them() -> None:
    table = MemoryTable()
    frequency = counted(table, ["dredging", "silt"], ["dredging", "tugs"])
    table.upsert([row for row in [frequency.added("batch 1")] if row])
    assert frequency.added("nothing new") is None
    frequency.add(content_words(["silt", "barges"]))
    table.upsert([row for row in [frequency.added("batch 2")] if row])
    assert set(table.rows) == {"batch 1", "batch 2"}
    reloaded = load_frequency(table)  # type: ignore[arg-type]
    assert reloaded.reports == 3
    assert np.array_equal(reloaded.counts, frequency.counts)
    fold_frequency(table)  # type: ignore[arg-type]
    assert set(table.rows) == {WORDS_KEY}
    folded = load_frequency(table)  # type: ignore[arg-type]
    assert folded.reports == 3 and np.array_equal(folded.counts, frequency.counts)
    [slot] = np.array(hashes_of("dredging"), dtype=np.uint32) & SLOT_MASK
    assert folded.counts[slot] == 2


def test_two_clusterers_sharing_a_store_lose_no_count() -> None:
    table = MemoryTable()
    first = counted(table, ["harbour", "dredging"])
    second = counted(table, ["harbour", "metro"])
    table.upsert([row for row in [first.added("first")] if row])
    table.upsert([row for row in [second.added("second")] if row])
    fold_frequency(table)  # type: ignore[arg-type]
    fold_frequency(table)  # type: ignore[arg-type]
    folded = load_frequency(table)  # type: ignore[arg-type]
    [harbour] = np.array(hashes_of("harbour"), dtype=np.uint32) & SLOT_MASK
    assert folded.reports == 2 and folded.counts[harbour] == 2


def test_a_fold_whose_rows_another_took_first_gives_way() -> None:
    table = MemoryTable()
    frequency = counted(table, ["harbour", "dredging"])
    table.upsert([row for row in [frequency.added("batch")] if row])

    class Raced(MemoryTable):
        def delete_where(self, condition: tuple[str, str, list[str]]) -> int:
            return super().delete_where(condition) - 1

    raced = Raced()
    raced.rows = dict(table.rows)
    with pytest.raises(FoldConflict):
        fold_frequency(raced)  # type: ignore[arg-type]
    assert WORDS_KEY not in raced.rows


def test_a_run_that_ends_before_folding_keeps_its_counts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = FeedProject(tmp_path / "project")
    project.add_article("harbour.txt", f"Harbour dredging resumes\n\nMarch 10, 2026\n\n{HARBOUR}\n")
    with monkeypatch.context() as patched:
        patched.setattr(cluster_stories, "fold_frequency", lambda table: None)
        project.run(now=DAY)
    with sqlite3.connect(project.root / "state" / "state.db") as db:
        [(key, reports)] = db.execute("SELECT key, reports FROM cluster_words")
    assert key.startswith("added ") and reports == 1
    project.add_article("port.txt", f"Channel work restarts\n\nMarch 10, 2026\n\n{PORT}\n")
    project.run(now=DAY + timedelta(hours=3))
    with sqlite3.connect(project.root / "state" / "state.db") as db:
        assert list(db.execute("SELECT key, reports FROM cluster_words")) == [(WORDS_KEY, 2)]


FAILS_WITH_HARBOUR = """
from aggregator import hookimpl


@hookimpl(trylast=True)  # after the clusterer has indexed and counted the batch
def aggregator_cluster(items, store):
    if any(item.title.startswith("Harbour") for item in items):
        raise RuntimeError("the batch with the harbour report cannot be stored")
"""


def test_a_batch_that_rolls_back_leaves_no_report_for_later_batches_to_join(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = FeedProject(tmp_path / "project")
    project.add_article("a.txt", f"Harbour dredging resumes\n\nMarch 10, 2026\n\n{HARBOUR}\n")
    project.add_article("b.txt", f"Harbour dredging resumes\n\nMarch 10, 2026\n\n{HARBOUR}\n\n")
    project.add_article("c.txt", f"Channel dredging restarts\n\nMarch 10, 2026\n\n{HARBOUR}\n")
    project.add_plugin("fails.py", FAILS_WITH_HARBOUR)
    monkeypatch.setattr("aggregator.pipeline.BATCH_ITEMS", 1)
    report = project.run(now=DAY)
    assert report.items_stored == 1
    with sqlite3.connect(project.root / "state" / "state.db") as db:
        indexed = [item_id for (item_id,) in db.execute("SELECT item_id FROM cluster_index")]
        [(reports,)] = db.execute("SELECT sum(reports) FROM cluster_words")
    assert len(indexed) == 1 and reports == 1
    [stored] = project.items()
    assert stored.title == "Channel dredging restarts"
    assert stored.story_id == new_story_id(stored), "joined a story that was never stored"
