"""A damaged state file and the leftovers of a killed write: one line and a way out."""

from __future__ import annotations

import fcntl
import os
import time
from pathlib import Path

import pytest

from aggregator.output import clean_stale_temp_files, write_atomic
from aggregator.testing import FeedProject

ARTICLE = (
    "India and Japan sign a semiconductor pact\n\nMarch 2, 2026\n\n"
    "TOKYO — India and Japan signed an agreement on semiconductor supply chains on Monday.\n"
)
PAGE = 4096


@pytest.fixture
def published(feed_project: FeedProject) -> FeedProject:
    for number in range(30):
        feed_project.add_article(f"a{number}.txt", ARTICLE.replace("Monday", f"day {number}"))
    result = feed_project.cli("run", "--once", "-q")
    assert result.exit_code == 0, result.output
    return feed_project


def state_file(project: FeedProject) -> Path:
    path = project.root / project.config["store"]["path"]
    assert not Path(f"{path}-wal").exists()  # checkpointed when the run closed it
    return path


def overwrite_pages_after_the_first(path: Path) -> None:
    """Garbage over every page but the header and schema page: the middle of the file."""
    with path.open("r+b") as handle:
        pages = path.stat().st_size // PAGE
        assert pages > 2
        for page in range(1, pages):
            handle.seek(page * PAGE)
            handle.write(bytes((page * 7 + i) % 251 for i in range(PAGE)))


def assert_damage_line(output: str, path: Path) -> None:
    lines = output.strip().splitlines()
    assert len(lines) == 1, output
    assert "Traceback" not in output
    assert str(path) in lines[0] and "damaged" in lines[0]
    assert "restore it from a backup" in lines[0] and "move it aside" in lines[0]


@pytest.mark.parametrize("command", [("run", "--once"), ("run", "--once", "--reprocess")])
def test_run_over_a_damaged_state_file_is_one_line_and_exit_4(
    published: FeedProject, command: tuple[str, ...]
) -> None:
    path = state_file(published)
    overwrite_pages_after_the_first(path)
    result = published.cli(*command)
    assert result.exit_code == 4, result.output
    assert isinstance(result.exception, SystemExit)
    assert_damage_line(result.output, path)


def test_items_over_a_damaged_state_file_is_one_line_and_exit_4(published: FeedProject) -> None:
    path = state_file(published)
    overwrite_pages_after_the_first(path)
    result = published.cli("items")
    assert result.exit_code == 4, result.output
    assert_damage_line(result.output, path)


def test_a_file_that_is_no_database_is_one_line_and_exit_4(published: FeedProject) -> None:
    path = state_file(published)
    path.write_bytes(b"not a database at all\n" * 400)
    result = published.cli("run", "--once", "-q")
    assert result.exit_code == 4, result.output
    assert_damage_line(result.output, path)


def test_moving_the_damaged_file_aside_lets_the_next_run_rebuild(published: FeedProject) -> None:
    path = state_file(published)
    overwrite_pages_after_the_first(path)
    path.rename(path.with_name("state.db.damaged"))
    result = published.cli("run", "--once", "-q")
    assert result.exit_code == 0, result.output
    assert (published.output_dir / "feed.atom").exists()


# temporary files of interrupted writes ----------------------------------------


def make_temp(directory: Path, name: str, age: float) -> Path:
    path = directory / name
    path.write_bytes(b"half a feed")
    past = time.time() - age
    os.utime(path, (past, past))
    return path


def test_stale_temp_files_of_our_pattern_are_removed(tmp_path: Path) -> None:
    stale = make_temp(tmp_path, ".feed.atom.k3j_4h5g.tmp", age=3600)
    fresh = make_temp(tmp_path, ".feed.rss.a1b2c3d4.tmp", age=-5)  # written after the start
    other = make_temp(tmp_path, ".feed.atom.tmp", age=3600)  # not our pattern
    hidden = make_temp(tmp_path, ".hidden", age=3600)
    held = make_temp(tmp_path, ".feed.json.zzzzzzzz.tmp", age=3600)
    with held.open("rb") as writer:
        fcntl.flock(writer.fileno(), fcntl.LOCK_EX)
        removed = clean_stale_temp_files(tmp_path, older_than=time.time())
    assert removed == [stale]
    assert not stale.exists()
    assert fresh.exists() and other.exists() and hidden.exists() and held.exists()


def test_write_atomic_leaves_no_temp_file_and_a_run_cleans_a_killed_one(
    published: FeedProject,
) -> None:
    public = published.output_dir
    write_atomic(public / "extra.txt", b"x")
    assert sorted(p.name for p in public.iterdir() if p.name.endswith(".tmp")) == []
    left = make_temp(public, ".feed.atom.Ab3_x9Qz.tmp", age=60)
    published.add_article("new.txt", ARTICLE.replace("Monday", "Friday"))
    result = published.cli("run", "--once", "-q")
    assert result.exit_code == 0, result.output
    assert not left.exists()
