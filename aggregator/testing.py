"""Test helpers for plugin authors, registered as a pytest plugin (entry point ``pytest11``).

The ``feed_project`` fixture gives a throw-away feed project in ``tmp_path``:
add article files and plugin files, run the pipeline, look at what came out::

    def test_my_plugin_adds_a_category(feed_project):
        feed_project.add_article("a.txt", "India and Japan sign a pact\\n\\nText...")
        feed_project.add_plugin("my_plugin.py", PLUGIN_SOURCE)
        report = feed_project.run()
        assert report.ok
        assert "my-category" in feed_project.atom_entries()[0]["categories"]

A project loads the built-ins and its own plugin files, not the plugins of
installed packages (entry points of the group ``aggregator``), so a test's
result does not depend on what else is installed. To test a packaged plugin
through its entry point, set ``feed_project.entry_points = True``.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from lxml import etree

from .app import App, load_app
from .manager import DISABLE_ENTRY_POINTS_ENV
from .models import Item
from .pipeline import run_once
from .run import RunReport
from .store import Store
from .toolkit.toml_writer import dump_toml

ATOM = "{http://www.w3.org/2005/Atom}"


class FeedProject:
    """A feed project in a directory: feeds.toml, ``articles/`` and ``plugins/``."""

    entry_points: bool
    """Whether the project loads installed packages' plugins (entry points); off
    unless a test turns it on, for :meth:`load`, :meth:`run` and :meth:`cli` alike."""

    def __init__(self, root: Path, *, entry_points: bool = False) -> None:
        self.root = root
        self.entry_points = entry_points
        self.articles = root / "articles"
        self.plugins = root / "plugins"
        self.articles.mkdir(parents=True, exist_ok=True)
        self.plugins.mkdir(parents=True, exist_ok=True)
        self.config: dict[str, Any] = {
            "feed": {
                "title": "Test feed",
                "link": "http://127.0.0.1:8080/",
                "description": "A feed made by a test",
                "output_dir": "public",
            },
            "store": {"path": "state/state.db"},
            "sources": [{"name": "articles", "type": "files", "paths": ["articles/*.txt"]}],
            "plugins": {"paths": ["plugins"]},
        }

    @property
    def config_path(self) -> Path:
        return self.root / "feeds.toml"

    @property
    def output_dir(self) -> Path:
        return self.root / str(self.config["feed"].get("output_dir", "public"))

    def write_config(self) -> Path:
        self.config_path.write_text(dump_toml(self.config), encoding="utf-8")
        return self.config_path

    def add_article(self, name: str, text: str | bytes) -> Path:
        path = self.articles / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path

    def add_plugin(self, name: str, source: str) -> Path:
        path = self.plugins / name
        path.write_text(textwrap.dedent(source), encoding="utf-8")
        return path

    def plugin_config(self, name: str, **options: Any) -> None:
        self.config.setdefault("plugins", {}).setdefault(name, {}).update(options)

    def load(self, **kwargs: Any) -> App:
        """Load the project as ``aggregator`` would; keyword arguments go to ``load_app``."""
        self.write_config()
        kwargs.setdefault("entry_points", self.entry_points)
        return load_app(self.config_path, **kwargs)

    def run(
        self, *, now: datetime | None = None, reprocess: bool = False, **kwargs: Any
    ) -> RunReport:
        """Run the pipeline once (like ``aggregator run --once``) and return its report."""
        return run_once(self.load(**kwargs), now=now, reprocess=reprocess)

    def cli(self, *args: str, write_config: bool = True) -> Result:
        """Invoke the command line in this project, with ``-c feeds.toml`` added for you.

        ``write_config=False`` keeps feeds.toml as it is on disk (after a
        command that edited it).
        """
        from .cli import cli

        if write_config:
            self.write_config()
        command, *rest = args
        return CliRunner().invoke(
            cli,
            [command, "-c", str(self.config_path), *rest],
            catch_exceptions=False,
            env={DISABLE_ENTRY_POINTS_ENV: None if self.entry_points else "1"},
        )

    def items(self) -> list[Item]:
        """Every stored item, kept and dropped, newest first."""
        store = Store.open(self.root / self.config["store"]["path"])
        try:
            return list(store.iter_items())
        finally:
            store.close()

    def atom_entries(self, name: str = "feed.atom") -> list[dict[str, Any]]:
        """The entries of the published Atom feed, as plain dicts."""
        tree = etree.parse(str(self.output_dir / name))
        return [_atom_entry(entry) for entry in tree.iterfind(f"{ATOM}entry")]


def _atom_entry(entry: Any) -> dict[str, Any]:
    def text(tag: str) -> str:
        found = entry.find(f"{ATOM}{tag}")
        return "" if found is None or found.text is None else str(found.text)

    return {
        "id": text("id"),
        "title": text("title"),
        "published": text("published"),
        "updated": text("updated"),
        "summary": text("summary"),
        "content": text("content"),
        "categories": [c.get("term") for c in entry.iterfind(f"{ATOM}category")],
        "links": [link.get("href") for link in entry.iterfind(f"{ATOM}link")],
    }


@pytest.fixture
def feed_project(tmp_path: Path) -> Iterator[FeedProject]:
    """A fresh feed project in ``tmp_path`` with one ``files`` source over ``articles/*.txt``."""
    yield FeedProject(tmp_path / "project")
