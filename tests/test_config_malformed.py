"""What a careless operator writes in feeds.toml: every value must be refused with one
line naming the file and the key (exit 2), never accepted only to crash a run later."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from aggregator.testing import FeedProject

INF, NAN = float("inf"), float("nan")

# (table path, key, value); the table path "sources.0" is the first [[sources]] entry.
MALFORMED: list[tuple[str, str, Any]] = [
    ("feed", "max_age_days", 1_000_000_000_000),
    ("feed", "max_stories", 100_000_000_000_000_000_000),
    ("feed", "max_stories", -5),
    ("feed", "max_stories", 50.0),
    ("feed", "title", ""),
    ("feed", "title", "   "),
    ("feed", "link", "localhost:8080"),
    ("feed", "link", ""),
    ("feed", "base_url", "public/"),
    ("feed", "base_url", "ftp://example.com/feeds/"),
    ("feed", "id", "my feed"),
    ("feed", "language", "English please"),
    ("feed", "language", ""),
    ("feed", "output_dir", ""),
    ("feed", "output_dir", "feeds.toml"),
    ("store", "path", ""),
    ("store", "path", "."),
    ("store", "path", "feeds.toml/state.db"),
    ("store", "lock_timeout", NAN),
    ("store", "lock_timeout", 1e300),
    ("schedule", "interval_minutes", 1e308),
    ("schedule", "interval_minutes", NAN),
    ("schedule", "interval_minutes", -INF),
    ("schedule", "misfire_grace_seconds", 10**15),
    ("schedule", "jitter_seconds", -1),
    ("schedule", "cron", "*/30 * * * * *"),
    ("schedule", "cron", "0 9 * * mon-fry"),
    ("http", "total_timeout", INF),
    ("http", "connect_timeout", NAN),
    ("http", "max_bytes", 2**62),
    ("http", "max_redirects", 1_000_000),
    ("http", "max_workers", 100_000),
    ("http", "per_host", 0),
    ("http", "user_agent", "bot\r\nX-Injected: 1"),
    ("plugins", "disable", [""]),
    ("plugins", "paths", [" "]),
    ("plugins.tag_topics", "min_score", NAN),
    ("plugins.tag_topics", "max_topics", 10**30),
    ("sources.0", "name", ""),
    ("sources.0", "name", "a/b"),
    ("sources.0", "max_bytes", 10**20),
    ("sources.0", "paths", ["nowhere/*.txt"]),
    ("sources.0", "enabled", "yes"),
]


def key_path(table: str, key: str) -> str:
    return table.replace("sources.0", "sources[0]") + "." + key


def set_value(config: dict[str, Any], table: str, key: str, value: Any) -> None:
    target: Any = config
    for part in table.split("."):
        target = target[int(part)] if part.isdigit() else target.setdefault(part, {})
    target[key] = value


@pytest.fixture
def project(feed_project: FeedProject) -> FeedProject:
    feed_project.add_article("a.txt", "India and Japan\n\nTOKYO — India and Japan met.\n")
    feed_project.plugins.mkdir(parents=True, exist_ok=True)
    return feed_project


def assert_one_line_about(output: str, key: str, config_path: Path) -> None:
    lines = output.strip().splitlines()
    assert len(lines) == 1, output
    assert "Traceback" not in output
    assert str(config_path) in lines[0] and key in lines[0], lines[0]


@pytest.mark.parametrize(("table", "key", "value"), MALFORMED)
def test_check_refuses_malformed_value(
    project: FeedProject, table: str, key: str, value: Any
) -> None:
    set_value(project.config, table, key, value)
    result = project.cli("check")
    assert result.exit_code == 2, result.output
    assert isinstance(result.exception, SystemExit)
    assert_one_line_about(result.output, key_path(table, key), project.config_path)


def test_source_names_differing_only_in_case_are_duplicates(project: FeedProject) -> None:
    project.config["sources"].append({"name": "ARTICLES", "type": "files", "paths": ["articles"]})
    result = project.cli("check")
    assert result.exit_code == 2
    assert_one_line_about(result.output, "sources[1].name", project.config_path)
    assert "differ only in case" in result.output


def test_feed_url_without_scheme(project: FeedProject) -> None:
    project.config["sources"].append({"name": "wire", "type": "feed", "url": "example.com/rss"})
    result = project.cli("check")
    assert result.exit_code == 2
    assert_one_line_about(result.output, "sources[1].url", project.config_path)


@pytest.mark.parametrize(
    ("table", "key", "value"),
    [
        ("feed", "max_age_days", 1_000_000_000_000),
        ("feed", "max_stories", 100_000_000_000_000_000_000),
        ("http", "total_timeout", INF),
        ("feed", "max_stories", NAN),
    ],
)
def test_run_refuses_values_that_crashed_at_run_time(
    project: FeedProject, table: str, key: str, value: Any
) -> None:
    set_value(project.config, table, key, value)
    result = project.cli("run", "--once", "-q")
    assert result.exit_code == 2, result.output
    assert_one_line_about(result.output, key_path(table, key), project.config_path)


def test_unusable_store_location_is_one_line_and_exit_4(project: FeedProject) -> None:
    project.config["store"]["path"] = "/proc/nope/state.db"
    result = project.cli("run", "--once", "-q")
    assert result.exit_code == 4, result.output
    assert isinstance(result.exception, SystemExit)
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "/proc/nope/state.db" in lines[0], result.output
    assert "[store] path" in lines[0]
