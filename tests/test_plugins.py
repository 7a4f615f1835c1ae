"""Plugin discovery, validation, isolation and the `plugins` command."""

from __future__ import annotations

import importlib.metadata
from pathlib import Path
from typing import Any

import pytest

from aggregator.manager import DEFAULT_PLUGINS, PluginLoadError, build_plugin_manager
from aggregator.testing import FeedProject

ARTICLE = "India and Japan sign a pact\n\nMarch 6, 2026\n\nThe two governments signed it today.\n"

CATEGORY_PLUGIN = """
from aggregator import hookimpl

@hookimpl
def aggregator_tag_item(item):
    item.topics.append("from-local-plugin")
"""

MISSPELT_PLUGIN = """
from aggregator import hookimpl

@hookimpl
def aggregator_clean_iten(item):
    item.title = "changed"
"""

FAILING_PLUGIN = """
from aggregator import hookimpl

@hookimpl
def aggregator_clean_item(item):
    if "explode" in item.text:
        raise RuntimeError("cannot clean this one")
"""


def test_local_plugin_directory_changes_output(feed_project: FeedProject) -> None:
    feed_project.add_article("a.txt", ARTICLE)
    feed_project.add_plugin("categories.py", CATEGORY_PLUGIN)
    report = feed_project.run()
    assert report.ok, report.errors
    assert feed_project.atom_entries()[0]["categories"] == ["from-local-plugin"]
    assert "from-local-plugin" in (feed_project.output_dir / "feed.rss").read_text()


def test_plugin_given_on_command_line(feed_project: FeedProject, tmp_path: Path) -> None:
    feed_project.add_article("a.txt", ARTICLE)
    plugin = tmp_path / "extra.py"
    plugin.write_text(CATEGORY_PLUGIN)
    result = feed_project.cli("run", "--once", "--plugin", str(plugin))
    assert result.exit_code == 0, result.output
    assert feed_project.atom_entries()[0]["categories"] == ["from-local-plugin"]


def test_misspelt_hook_is_refused_with_clear_message(feed_project: FeedProject) -> None:
    feed_project.add_article("a.txt", ARTICLE)
    feed_project.add_plugin("typo.py", MISSPELT_PLUGIN)
    app = feed_project.load()
    assert "typo" not in dict(app.pm.list_name_plugin())
    [(name, reason)] = app.load_report.failures
    assert name == "typo"
    assert "aggregator_clean_iten" in reason
    assert "did you mean aggregator_clean_item?" in reason
    result = feed_project.cli("run", "--once")
    assert result.exit_code == 1
    assert "plugin 'typo' not loaded" in result.output
    assert feed_project.atom_entries()[0]["title"] == "India and Japan sign a pact"


def test_misspelt_hook_is_fatal_with_strict(feed_project: FeedProject) -> None:
    feed_project.add_plugin("typo.py", MISSPELT_PLUGIN)
    with pytest.raises(PluginLoadError, match="aggregator_clean_iten"):
        feed_project.load(strict=True)
    result = feed_project.cli("check", "--strict")
    assert result.exit_code == 2


def test_plugin_that_fails_to_import_is_reported(feed_project: FeedProject) -> None:
    feed_project.add_plugin("broken.py", "import no_such_module_here\n")
    app = feed_project.load()
    [(name, reason)] = app.load_report.failures
    assert name == "broken" and "no_such_module_here" in reason


def test_wrong_hook_arguments_are_refused(feed_project: FeedProject) -> None:
    feed_project.add_plugin(
        "badargs.py",
        "from aggregator import hookimpl\n\n@hookimpl\ndef aggregator_tag_item(itm):\n    pass\n",
    )
    [(name, reason)] = feed_project.load().load_report.failures
    assert name == "badargs" and "itm" in reason


def test_plugin_raising_on_one_item_costs_only_that_item(feed_project: FeedProject) -> None:
    feed_project.add_article("a.txt", ARTICLE)
    feed_project.add_article("b.txt", "Second story\n\nThis one will explode in the cleaner.\n")
    feed_project.add_article("c.txt", "Third story\n\nMarch 7, 2026\n\nAnother fine article.\n")
    feed_project.add_plugin("failing.py", FAILING_PLUGIN)
    report = feed_project.run()
    [problem] = report.errors
    assert problem.stage == "clean"
    assert problem.plugin == "failing"
    assert problem.where == "articles/b.txt"
    assert "cannot clean this one" in problem.message
    titles = sorted(entry["title"] for entry in feed_project.atom_entries())
    assert titles == ["India and Japan sign a pact", "Third story"]
    result = feed_project.cli("run", "--once", "--reprocess")
    assert result.exit_code == 1
    assert "plugin 'failing'" in result.output


def test_disable_blocks_a_builtin(feed_project: FeedProject) -> None:
    feed_project.config["plugins"]["disable"] = ["feed_publisher"]
    feed_project.add_article("a.txt", ARTICLE)
    report = feed_project.run()
    assert report.ok
    assert not (feed_project.output_dir / "feed.atom").exists()


def test_discovery_order_builtins_entry_points_local(
    feed_project: FeedProject, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    module = tmp_path / "third_party_plugin.py"
    module.write_text(CATEGORY_PLUGIN)
    monkeypatch.syspath_prepend(str(tmp_path))
    entry_point = importlib.metadata.EntryPoint(
        name="third_party", value="third_party_plugin", group="aggregator"
    )
    real = importlib.metadata.entry_points

    def fake_entry_points(**kwargs: Any) -> Any:
        if kwargs.get("group") == "aggregator":
            return [entry_point]
        return real(**kwargs)

    monkeypatch.setattr(importlib.metadata, "entry_points", fake_entry_points)
    local = feed_project.add_plugin("local_one.py", CATEGORY_PLUGIN)
    _pm, report = build_plugin_manager(local_paths=[local])
    names = list(report.origins)
    builtin_names = [name.rsplit(".", 1)[-1] for name in DEFAULT_PLUGINS]
    assert names == [*builtin_names, "third_party", "local_one"]
    assert report.origins["third_party"].startswith("entry point")


def test_plugins_command_lists_versions_and_hooks(feed_project: FeedProject) -> None:
    feed_project.add_plugin("categories.py", CATEGORY_PLUGIN)
    result = feed_project.cli("plugins")
    assert result.exit_code == 0, result.output
    assert "files_source 0.1.0 (built-in)" in result.output
    assert "aggregator_fetch" in result.output
    assert "categories local (local file" in result.output
    assert "aggregator_tag_item" in result.output


def test_a_plugin_found_twice_is_loaded_once_with_a_warning(
    feed_project: FeedProject, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """An installed plugin package and the same module given as a local file (as a
    plugin's own tests do with --plugin) load once, and the warning names both places."""
    package = tmp_path / "site"
    package.mkdir()
    module = package / "rail_plugin.py"
    module.write_text(CATEGORY_PLUGIN)
    monkeypatch.syspath_prepend(str(package))
    entry_point = importlib.metadata.EntryPoint(
        name="rail", value="rail_plugin", group="aggregator"
    )
    real = importlib.metadata.entry_points

    def fake_entry_points(**kwargs: Any) -> Any:
        if kwargs.get("group") == "aggregator":
            return [entry_point]
        return real(**kwargs)

    monkeypatch.setattr(importlib.metadata, "entry_points", fake_entry_points)
    feed_project.add_article("pact.txt", ARTICLE)
    result = feed_project.cli("run", "--once", "--plugin", str(module))
    assert result.exit_code == 0, result.output
    assert "plugin 'rail_plugin' (local file" in result.output
    assert "already loaded as 'rail' (entry point rail_plugin)" in result.output
    entry = feed_project.atom_entries()[0]
    assert entry["categories"].count("from-local-plugin") == 1


def test_a_plugin_that_fails_to_load_counts_as_an_error_of_the_run(
    feed_project: FeedProject,
) -> None:
    feed_project.add_article("pact.txt", ARTICLE)
    feed_project.add_plugin("broken.py", "raise RuntimeError('broken on import')\n")
    result = feed_project.cli("run", "--once")
    assert result.exit_code == 1
    assert "errors: 1" in result.output
    assert "broken on import" in result.output
