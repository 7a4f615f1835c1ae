"""``aggregator init DIR``: a new project that checks, runs, and documents every key."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from lxml import etree

from aggregator import init_command  # importing it registers `init` on the cli group
from aggregator.app import load_app
from aggregator.cli import cli
from aggregator.config import (
    FEED_SCHEMA,
    HTTP_SCHEMA,
    PLUGINS_SCHEMA,
    SCHEDULE_SCHEMA,
    SOURCE_COMMON_SCHEMA,
    STORE_SCHEMA,
    TOP_LEVEL,
    WORKERS_SCHEMA,
)
from aggregator.init_command import GITIGNORE_LINES, scaffold_files
from aggregator.schema import Option
from aggregator.testing import ATOM

SCAFFOLD = ["feeds.toml", "articles/example.txt", "plugins/example.py", ".gitignore"]
CORE_SCHEMAS: dict[str, dict[str, Option]] = {
    "feed": dict(FEED_SCHEMA),
    "store": dict(STORE_SCHEMA),
    "schedule": dict(SCHEDULE_SCHEMA),
    "http": dict(HTTP_SCHEMA),
    "workers": dict(WORKERS_SCHEMA),
    "plugins": dict(PLUGINS_SCHEMA),
}
# A commented key: "# key = value"; a commented table header: "# [table]" or "# [[table]]".
COMMENTED = re.compile(r'^# ((?:[A-Za-z0-9_-]+|"[^"]+") = .*|\[\[?[A-Za-z0-9_."-]+\]\]?.*)$')


def invoke(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def init(directory: Path, *args: str) -> Result:
    return invoke("init", str(directory), *args)


def uncomment(text: str) -> str:
    """The template with every commented key and table header made live."""
    return "\n".join(
        match.group(1) if (match := COMMENTED.match(line)) else line for line in text.splitlines()
    )


def atom_categories(project: Path) -> list[list[str]]:
    tree = etree.parse(str(project / "public" / "feed.atom"))
    return [
        [str(category.get("term")) for category in entry.iterfind(f"{ATOM}category")]
        for entry in tree.iterfind(f"{ATOM}entry")
    ]


def test_init_writes_a_project_that_checks_and_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # run from outside the project: paths are relative to feeds.toml
    result = init(Path("new/my-feed"))
    assert result.exit_code == 0, result.output
    project = tmp_path / "new" / "my-feed"
    assert sorted(p.relative_to(project).as_posix() for p in project.rglob("*")) == sorted(
        [*SCAFFOLD, "articles", "plugins"]
    )
    assert (project / ".gitignore").read_text() == ".aggregator/\npublic/\n"
    for name in SCAFFOLD:
        assert name in result.output
    assert "Next steps:" in result.output
    assert "cd new/my-feed" in result.output
    assert "aggregator run --once" in result.output
    config = str(project / "feeds.toml")

    checked = invoke("check", "-c", config)
    assert checked.exit_code == 0, checked.output
    assert "feeds.toml: OK" in checked.output
    assert "source articles: files" in checked.output
    assert "example" in checked.output.split("plugins: ", 1)[1].split(", ")

    ran = invoke("run", "--once", "-c", config)
    assert ran.exit_code == 0, ran.output
    for name in ("feed.atom", "feed.rss", "feed.json", "index.html"):
        assert (project / "public" / name).is_file(), name
    assert not (project / "public" / "sources.opml").exists()  # no network source to list
    assert (project / ".aggregator" / "state.db").is_file()
    [categories] = atom_categories(project)
    assert "long-read" in categories  # the example plugin's topic
    assert {"trade", "energy"} <= set(categories)  # and the template's taxonomy
    page = (project / "public" / "index.html").read_text(encoding="utf-8")
    assert 'href="#topic-long-read"' in page
    assert "Northland and Southland sign energy and trade pact" in page

    items = invoke("items", "-c", config, "--status", "kept")
    assert items.exit_code == 0 and "articles/example.txt" in items.output
    plugins = invoke("plugins", "-c", config)
    assert "example local" in plugins.output and "aggregator_tag_item" in plugins.output


def test_the_example_plugin_reads_its_own_table(tmp_path: Path) -> None:
    project = tmp_path / "feed"
    assert init(project).exit_code == 0
    config = project / "feeds.toml"
    template = config.read_text(encoding="utf-8")
    assert 'topic = "long-read"\nmin_words = 200 ' in template

    config.write_text(template.replace("min_words = 200 ", "min_words = 5000 "))
    assert invoke("run", "--once", "-c", str(config)).exit_code == 0
    assert "long-read" not in atom_categories(project)[0]

    config.write_text(template.replace('topic = "long-read"', 'topic = "deep dive"'))
    assert invoke("run", "--once", "-c", str(config)).exit_code == 0  # settings changed: re-run
    assert "deep dive" in atom_categories(project)[0]

    config.write_text(template.replace("min_words = 200 ", 'min_words = "many" '))
    result = invoke("check", "-c", str(config))
    assert result.exit_code == 2
    assert "plugins.example.min_words: expected an integer" in result.output


def test_a_non_empty_directory_is_refused_without_force(tmp_path: Path) -> None:
    project = tmp_path / "existing"
    project.mkdir()
    (project / "notes.md").write_text("mine\n")
    result = init(project)
    assert result.exit_code == 2
    assert "is not empty" in result.output and "--force" in result.output
    assert sorted(p.name for p in project.iterdir()) == ["notes.md"]


def test_force_writes_into_a_non_empty_directory(tmp_path: Path) -> None:
    project = tmp_path / "existing"
    project.mkdir()
    (project / "notes.md").write_text("mine\n")
    (project / ".gitignore").write_text("*.pyc\npublic/")
    (project / "feeds.toml").write_text("# old\n")
    result = init(project, "--force")
    assert result.exit_code == 0, result.output
    assert (project / "notes.md").read_text() == "mine\n"  # other files are left alone
    assert (project / ".gitignore").read_text() == "*.pyc\npublic/\n.aggregator/\n"
    assert (project / "feeds.toml").read_text().startswith("# feeds.toml: one feed project")
    assert "feeds.toml" in result.output and "(replaced)" in result.output
    assert "(updated)" in result.output
    assert invoke("check", "-c", str(project / "feeds.toml")).exit_code == 0


def test_a_file_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "a-file"
    target.write_text("x")
    result = init(target, "--force")
    assert result.exit_code == 2
    assert "is not a directory" in result.output


def test_init_in_the_current_empty_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = invoke("init", ".")
    assert result.exit_code == 0, result.output
    assert "\n  cd " not in result.output  # already there
    assert (tmp_path / "feeds.toml").is_file()
    assert invoke("init", ".", "-q").exit_code == 2  # no longer empty
    quiet = invoke("init", ".", "-q", "--force")
    assert quiet.exit_code == 0 and quiet.output == ""


def test_the_scaffold_is_the_packaged_templates() -> None:
    files = {scaffold.path: scaffold.text for scaffold in scaffold_files()}
    assert list(files) == SCAFFOLD
    templates = Path(init_command.__file__).parent / "templates"
    assert files["feeds.toml"] == (templates / "feeds.toml").read_text(encoding="utf-8")
    assert files["plugins/example.py"] == (templates / "example_plugin.py").read_text(
        encoding="utf-8"
    )
    assert files[".gitignore"].splitlines() == list(GITIGNORE_LINES)
    tomllib.loads(files["feeds.toml"])


def test_the_template_documents_every_table_and_key(tmp_path: Path) -> None:
    """Uncomment every commented key: the file still validates, and holds every known key.

    Keys left as comments must show their default, as the template says.
    """
    project = tmp_path / "feed"
    assert init(project).exit_code == 0
    template = (project / "feeds.toml").read_text(encoding="utf-8")
    live = tomllib.loads(template)
    full_text = uncomment(template)
    full = tomllib.loads(full_text)
    (project / "feeds.toml").write_text(full_text, encoding="utf-8")
    checked = invoke("check", "-c", str(project / "feeds.toml"))
    assert checked.exit_code == 0, checked.output
    app = load_app(project / "feeds.toml")

    missing: list[str] = []
    not_default: list[str] = []

    def compare(where: str, table: dict[str, Any], live_table: dict[str, Any], schema: Any) -> None:
        for key, option in schema.items():
            if key not in table:
                missing.append(f"{where}.{key}")
            elif key not in live_table and table[key] != option.default:
                not_default.append(f"{where}.{key} = {table[key]!r} (default {option.default!r})")

    assert set(full) == set(TOP_LEVEL)
    for name, schema in CORE_SCHEMAS.items():
        compare(name, full[name], live.get(name, {}), schema)
    for name, plugin in app.pm.list_name_plugin():
        plugin_schema = getattr(plugin, "SCHEMA", None)
        if plugin_schema:
            compare(
                f"plugins.{name}",
                full["plugins"].get(name, {}),
                live["plugins"].get(name, {}),
                plugin_schema,
            )
    # one [[sources]] example per source type, each with every key of its type
    sources = {source["type"]: source for source in full["sources"]}
    assert set(sources) == set(app.source_types)
    for type_name, source_type in app.source_types.items():
        keys = set(SOURCE_COMMON_SCHEMA) - {"enabled", "outlet"} | set(source_type.options)
        missing += [f"sources[{type_name}].{key}" for key in sorted(keys - set(sources[type_name]))]
    [first] = live["sources"]  # the files source is live; its commented keys are defaults
    compare("sources[files]", sources["files"], first, SOURCE_COMMON_SCHEMA)
    compare("sources[files]", sources["files"], first, app.source_types["files"].options)
    assert not missing, f"feeds.toml template lacks: {missing}"
    assert not not_default, f"commented keys that are not the default: {not_default}"
