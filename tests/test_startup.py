"""Start-up stays cheap: what a command does not use, it does not import."""

from __future__ import annotations

import importlib
import subprocess
import sys
from pathlib import Path

from aggregator import http_files, serve_command
from aggregator.manager import COMMAND_PLUGINS, DEFAULT_PLUGINS

FILES_PROJECT = """\
[feed]
title = "T"
link = "http://127.0.0.1:8080/"

[[sources]]
name = "notes"
type = "files"
paths = ["notes/*.txt"]
"""


def _modules_after(code: str, cwd: Path) -> set[str]:
    """The modules a fresh interpreter has imported after running *code*."""
    script = f"{code}\nimport sys\nprint('\\n'.join(sorted(sys.modules)))"
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=cwd, capture_output=True, text=True, check=True
    )
    return set(result.stdout.split())


def test_command_plugins_are_the_builtins_that_add_commands() -> None:
    adding = {
        name
        for name in DEFAULT_PLUGINS
        if hasattr(importlib.import_module(name), "aggregator_register_commands")
    }
    assert adding == set(COMMAND_PLUGINS)


def test_serve_default_max_age_is_the_servers() -> None:
    assert serve_command.DEFAULT_MAX_AGE == http_files.DEFAULT_MAX_AGE


def test_command_line_imports_no_heavy_library(tmp_path: Path) -> None:
    code = (
        "import contextlib, io\n"
        "from aggregator.cli import cli\n"
        "with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):\n"
        "    cli(['--help'], prog_name='aggregator')"
    )
    loaded = _modules_after(code, tmp_path)
    assert "aggregator.plugins.opml_source" in loaded  # it adds the OPML commands
    for heavy in (
        "numpy",
        "bs4",
        "feedparser",
        "fastfeedparser",
        "feedgen",
        "requests",
        "urllib3",
        "apscheduler",
        "aggregator.server",
        "aggregator.scheduler",
        "aggregator.pipeline",
    ):
        assert heavy not in loaded, heavy


def test_loading_a_files_project_does_not_import_requests(tmp_path: Path) -> None:
    (tmp_path / "notes").mkdir()
    (tmp_path / "feeds.toml").write_text(FILES_PROJECT, encoding="utf-8")
    code = (
        "from pathlib import Path\n"
        "from aggregator.app import load_app\n"
        "import aggregator.pipeline, aggregator.commands\n"
        "load_app(Path('feeds.toml'), entry_points=False)"
    )
    loaded = _modules_after(code, tmp_path)
    assert "aggregator.plugins.feed_source" in loaded
    assert "aggregator.plugins.cluster_stories" in loaded
    heavy_libraries = (
        "requests", "urllib3", "apscheduler", "feedgen", "aggregator.server", "numpy", "bs4",
        "feedparser", "fastfeedparser",
    )  # fmt: skip
    for heavy in heavy_libraries:
        assert heavy not in loaded, heavy
