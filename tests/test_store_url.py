"""``[store] url``: which URLs are accepted, and what a wrong one says."""

from __future__ import annotations

import importlib.util

import pytest

from aggregator import store_engine
from aggregator.testing import FeedProject


@pytest.mark.parametrize(
    ("url", "says"),
    [
        ("mysql://db/feeds", "'mysql' is not supported"),
        ("postgresql://db/feeds", "write postgresql+psycopg://"),
        ("not a url", "is not a database URL"),
        ("sqlite://", "needs a file"),
    ],
)
def test_an_unsupported_url_is_one_line_and_exit_2(
    feed_project: FeedProject, url: str, says: str
) -> None:
    feed_project.config["store"]["url"] = url
    result = feed_project.cli("run", "--once", "-q")
    assert result.exit_code == 2, result.output
    assert len(result.output.strip().splitlines()) == 1, result.output
    assert "store.url" in result.output and says in result.output


def test_a_missing_driver_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    real = importlib.util.find_spec
    monkeypatch.setattr(
        store_engine.importlib.util,
        "find_spec",
        lambda name, *args: None if name == "psycopg" else real(name, *args),
    )
    problem = store_engine.url_problem("postgresql+psycopg://db/feeds")
    assert problem is not None and "aggregator-feeds[distributed]" in problem


def test_a_sqlite_url_names_the_state_file(feed_project: FeedProject) -> None:
    feed_project.config["store"]["url"] = "sqlite:///elsewhere/state.db"
    feed_project.add_article("a.txt", "A title for the article\n\nMarch 2, 2026\n\nSome text.\n")
    result = feed_project.cli("run", "--once", "-q")
    assert result.exit_code == 0, result.output
    assert (feed_project.root / "elsewhere" / "state.db").is_file()
    assert not (feed_project.root / "state" / "state.db").exists()
