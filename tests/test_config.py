"""feeds.toml validation: one clear line naming the file, the key and the fix; exit code 2."""

from __future__ import annotations

from pathlib import Path

import pytest

from aggregator.app import load_app
from aggregator.config import load_config
from aggregator.schema import ConfigError
from aggregator.testing import FeedProject


def config_error(project: FeedProject) -> ConfigError:
    project.write_config()
    with pytest.raises(ConfigError) as caught:
        load_app(project.config_path)
    return caught.value


def test_shipped_config_is_valid() -> None:
    root = Path(__file__).resolve().parents[1]
    app = load_app(root / "feeds.toml")
    assert [source.name for source in app.config.sources] == ["seeds"]
    assert app.config.output_dir == root / "public"


def test_unknown_key_names_file_key_and_suggests_fix(feed_project: FeedProject) -> None:
    feed_project.config["feed"]["titel"] = "x"
    error = config_error(feed_project)
    assert error.key == "feed.titel"
    assert "unknown key" in error.line()
    assert "did you mean 'title'?" in error.line()
    assert str(feed_project.config_path) in error.line()


def test_wrong_type_is_reported_with_expected_type(feed_project: FeedProject) -> None:
    feed_project.config["feed"]["max_stories"] = "fifty"
    error = config_error(feed_project)
    assert error.key == "feed.max_stories"
    assert "expected an integer" in error.line()


def test_bool_is_not_accepted_as_number(feed_project: FeedProject) -> None:
    feed_project.config["feed"]["max_stories"] = True
    assert config_error(feed_project).key == "feed.max_stories"


def test_value_check(feed_project: FeedProject) -> None:
    feed_project.config["feed"]["max_stories"] = 0
    assert "greater than 0" in config_error(feed_project).line()


def test_missing_required_key(feed_project: FeedProject) -> None:
    del feed_project.config["feed"]["title"]
    error = config_error(feed_project)
    assert error.key == "feed.title"
    assert "missing required key" in error.line()


def test_missing_source_path_names_the_key(feed_project: FeedProject) -> None:
    feed_project.config["sources"][0]["paths"] = ["nowhere/*.txt"]
    error = config_error(feed_project)
    assert error.key == "sources[0].paths[0]"
    assert "does not exist" in error.line()


def test_unknown_source_type_lists_known(feed_project: FeedProject) -> None:
    feed_project.config["sources"][0]["type"] = "filez"
    error = config_error(feed_project)
    assert error.key == "sources[0].type"
    assert "'files'" in error.line()


def test_unknown_source_option(feed_project: FeedProject) -> None:
    feed_project.config["sources"][0]["pathz"] = ["x"]
    error = config_error(feed_project)
    assert error.key == "sources[0].pathz"
    assert "did you mean 'paths'?" in error.line()


def test_duplicate_source_names(feed_project: FeedProject) -> None:
    feed_project.config["sources"].append(dict(feed_project.config["sources"][0]))
    assert "duplicate source name" in config_error(feed_project).line()


def test_plugin_table_for_unknown_plugin(feed_project: FeedProject) -> None:
    feed_project.plugin_config("feed_publishr", atom_file="x.atom")
    error = config_error(feed_project)
    assert error.key == "plugins.feed_publishr"
    assert "feed_publisher" in error.line()


def test_plugin_option_validated_by_plugin(feed_project: FeedProject) -> None:
    feed_project.plugin_config("feed_publisher", atom_file=3)
    assert config_error(feed_project).key == "plugins.feed_publisher.atom_file"


def test_invalid_toml(tmp_path: Path) -> None:
    path = tmp_path / "feeds.toml"
    path.write_text("[feed\ntitle = 'x'\n")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert "not valid TOML" in caught.value.line()


def test_bad_cron(feed_project: FeedProject) -> None:
    feed_project.config["schedule"] = {"cron": "every tuesday"}
    assert config_error(feed_project).key == "schedule.cron"


def test_check_command_exit_code_2_and_one_line(feed_project: FeedProject) -> None:
    feed_project.config["feed"]["titel"] = "x"
    result = feed_project.cli("check")
    assert result.exit_code == 2
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1
    assert "feed.titel" in lines[0] and "feeds.toml" in lines[0]


def test_check_command_ok(feed_project: FeedProject) -> None:
    result = feed_project.cli("check")
    assert result.exit_code == 0, result.output
    assert "source articles: files" in result.output


def test_a_source_is_found_by_name_in_one_lookup(feed_project: FeedProject) -> None:
    """Workers look up the source of every document they are sent: by name, without a
    scan of every source, and still right when the list of sources is changed."""
    first = dict(feed_project.config["sources"][0])
    feed_project.config["sources"] = [{**first, "name": f"outlet-{number}"} for number in range(3)]
    config = load_app(feed_project.write_config()).config
    assert config.source_named("outlet-2") is config.sources[2]
    assert config.source_named("outlet-0") is config.sources[0]
    assert config.source_named("absent") is None
    config.sources.reverse()
    assert config.source_named("outlet-2") is config.sources[0]
    config.sources.pop()
    assert config.source_named("outlet-0") is None
    assert config.source_named("outlet-1") is config.sources[1]
