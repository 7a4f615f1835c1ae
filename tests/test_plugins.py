"""Plugin discovery, validation, isolation and the `plugins` command."""

from __future__ import annotations

import importlib.metadata
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from aggregator.manager import (
    DEFAULT_PLUGINS,
    DISABLE_ENTRY_POINTS_ENV,
    ENTRY_POINT_GROUP,
    PluginLoadError,
    build_plugin_manager,
)
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


INSTALLED_PLUGIN = """
from aggregator import hookimpl

@hookimpl
def aggregator_tag_item(item):
    item.topics.append("from-installed-plugin")
"""


@pytest.fixture
def installed_plugin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A third-party plugin distribution, installed as far as importlib.metadata can tell.

    Its module and a ``*.dist-info`` directory with an entry point in the group
    ``aggregator`` sit on a ``sys.path`` entry of their own for this test only (a real
    ``pip install`` would be slow and outlive the test). Yields the plugin's name.
    """
    site = tmp_path / "site-packages"
    dist_info = site / "aggregator_tagger-1.0.dist-info"
    dist_info.mkdir(parents=True)
    (dist_info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: aggregator-tagger\nVersion: 1.0\n"
    )
    (dist_info / "entry_points.txt").write_text("[aggregator]\ntagger = aggregator_tagger\n")
    (dist_info / "RECORD").write_text(
        "aggregator_tagger.py,,\naggregator_tagger-1.0.dist-info/METADATA,,\n"
    )
    (site / "aggregator_tagger.py").write_text(INSTALLED_PLUGIN)
    monkeypatch.syspath_prepend(str(site))
    yield "tagger"
    sys.modules.pop("aggregator_tagger", None)


def other_installed_plugins(wanted: str) -> list[str]:
    """The entry-point plugins of this environment but ``wanted``, for a test that asks
    for installed plugins to disable, so that its result depends on ``wanted`` alone."""
    installed = importlib.metadata.entry_points(group=ENTRY_POINT_GROUP)
    return sorted({entry_point.name for entry_point in installed} - {wanted})


def test_discovery_order_builtins_entry_points_local(
    feed_project: FeedProject, installed_plugin: str
) -> None:
    local = feed_project.add_plugin("local_one.py", CATEGORY_PLUGIN)
    others = other_installed_plugins(installed_plugin)
    _pm, report = build_plugin_manager(local_paths=[local], disabled=others, entry_points=True)
    names = list(report.origins)
    builtin_names = [name.rsplit(".", 1)[-1] for name in DEFAULT_PLUGINS]
    assert names == [*builtin_names, installed_plugin, "local_one"]
    assert report.origins[installed_plugin] == "entry point aggregator_tagger"


def test_a_project_under_test_leaves_installed_plugins_out(
    feed_project: FeedProject, installed_plugin: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without the suite's environment variable, only feed_project's own default keeps
    the installed plugin out, in the pipeline and on the command line."""
    monkeypatch.delenv(DISABLE_ENTRY_POINTS_ENV)
    _pm, report = build_plugin_manager()
    assert installed_plugin in report.origins, "the fake distribution is not visible"
    feed_project.add_article("a.txt", ARTICLE)
    assert feed_project.run().ok
    assert feed_project.atom_entries()[0]["categories"] == []
    assert installed_plugin not in feed_project.load().load_report.origins
    result = feed_project.cli("plugins")
    assert result.exit_code == 0, result.output
    assert installed_plugin not in result.output
    result = feed_project.cli("run", "--once", "--reprocess")
    assert result.exit_code == 0, result.output
    assert feed_project.atom_entries()[0]["categories"] == []


def test_a_test_that_asks_for_installed_plugins_gets_them(
    feed_project: FeedProject, installed_plugin: str
) -> None:
    feed_project.entry_points = True
    feed_project.config["plugins"]["disable"] = other_installed_plugins(installed_plugin)
    feed_project.add_article("a.txt", ARTICLE)
    assert feed_project.run().ok
    assert feed_project.atom_entries()[0]["categories"] == ["from-installed-plugin"]
    result = feed_project.cli("plugins")
    assert result.exit_code == 0, result.output
    assert f"{installed_plugin} 1.0 (entry point aggregator_tagger)" in result.output


def test_the_environment_variable_keeps_installed_plugins_out_unless_asked(
    installed_plugin: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(DISABLE_ENTRY_POINTS_ENV, "1")
    assert installed_plugin not in build_plugin_manager()[1].origins
    assert installed_plugin in build_plugin_manager(entry_points=True)[1].origins
    monkeypatch.setenv(DISABLE_ENTRY_POINTS_ENV, "")
    assert installed_plugin in build_plugin_manager()[1].origins


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
    monkeypatch.delenv("AGGREGATOR_DISABLE_ENTRY_POINTS", raising=False)
    feed_project.entry_points = True
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
