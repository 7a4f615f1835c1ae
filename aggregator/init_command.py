"""``aggregator init DIR``: a new feed project, ready to run and to edit.

It writes ``DIR/feeds.toml`` (every table and key, commented, from
``aggregator/templates/feeds.toml``), one example article in
``DIR/articles/``, an example plugin in ``DIR/plugins/example.py`` (from
``aggregator/templates/example_plugin.py``) and ``DIR/.gitignore``. The result
passes ``aggregator check`` and ``aggregator run --once`` as it is.
"""

from __future__ import annotations

import shlex
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import click

from .cli import EXIT_CONFIG, EXIT_FAILED, cli, fail

GITIGNORE_LINES = (".aggregator/", "public/")

EXAMPLE_ARTICLE = """\
Northland and Southland sign energy and trade pact at annual summit

March 3, 2026

PORT AUSTRAL, March 3 - Northland and Southland signed an agreement on Tuesday to \
build a gas pipeline and a shared electricity grid between the two countries, and to \
cut tariffs on most of each other's exports, at their annual summit in Port Austral.

Prime Minister Anna Berg of Northland and President Tomas Sol of Southland said the \
deal would double trade between the two countries within five years. The pipeline, \
which will carry gas from Northland's offshore fields to Port Austral, is due to open \
in 2029, and the grid link will let Southland sell solar and wind power to Northland \
on winter evenings, when demand in the north is highest.

"Our two countries have talked about this pipeline for twenty years. Today we signed \
it," Berg told reporters after the talks. Sol said the agreement was "the start of a \
partnership between equals" and announced that Southland would open a trade office in \
Nordby, the Northland capital, later this year.

Under the trade agreement, customs duties on machinery, fruit and fish will fall to \
zero over three years, and both countries will recognise each other's product \
standards. Business groups on both sides welcomed the deal, though Southland's farmers \
asked for quotas on Northland dairy imports.

The two leaders also agreed to expand a student exchange programme and to hold joint \
exercises of their coast guards in the strait between the two countries. The next \
summit will be held in Nordby in the spring of next year.
"""


class InitError(Exception):
    """The directory cannot take a new project (a file, or not empty without --force)."""


@dataclass(frozen=True)
class ScaffoldFile:
    """One file ``aggregator init`` writes, and what it is for."""

    path: str
    purpose: str
    text: str


def _template(name: str) -> str:
    return (resources.files("aggregator") / "templates" / name).read_text(encoding="utf-8")


def scaffold_files() -> list[ScaffoldFile]:
    """The files of a new project, relative to its directory."""
    return [
        ScaffoldFile(
            "feeds.toml",
            "the configuration: every table and key, with their defaults",
            _template("feeds.toml"),
        ),
        ScaffoldFile(
            "articles/example.txt",
            "an example article, read by the 'articles' source",
            EXAMPLE_ARTICLE,
        ),
        ScaffoldFile(
            "plugins/example.py",
            'an example plugin: a "long-read" topic, set in [plugins.example]',
            _template("example_plugin.py"),
        ),
        ScaffoldFile(
            ".gitignore",
            "keeps the state (.aggregator/) and the outputs (public/) out of git",
            "".join(f"{line}\n" for line in GITIGNORE_LINES),
        ),
    ]


def _merge_gitignore(path: Path) -> str:
    """An existing .gitignore with the scaffold's lines added, when missing."""
    existing = path.read_text(encoding="utf-8")
    present = {line.strip() for line in existing.splitlines()}
    missing = [line for line in GITIGNORE_LINES if line not in present]
    if not missing:
        return existing
    if existing and not existing.endswith("\n"):
        existing += "\n"
    return existing + "".join(f"{line}\n" for line in missing)


def write_project(directory: Path, *, force: bool = False) -> list[tuple[ScaffoldFile, str]]:
    """Write the scaffold into ``directory``; return each file with "created" or "replaced".

    Raises :class:`InitError` when ``directory`` is a file, or is not
    empty and ``force`` is false. With ``force``, files of the same names are
    replaced, except ``.gitignore``, which only gets the missing lines.
    """
    if directory.exists() and not directory.is_dir():
        raise InitError(f"{directory} exists and is not a directory")
    if directory.is_dir() and any(directory.iterdir()) and not force:
        raise InitError(
            f"{directory} is not empty; choose a new directory, or add --force to write"
            " the project's files into it (files of the same names are replaced)"
        )
    written: list[tuple[ScaffoldFile, str]] = []
    for scaffold in scaffold_files():
        target = directory / scaffold.path
        target.parent.mkdir(parents=True, exist_ok=True)
        text = scaffold.text
        state = "created"
        if target.exists():
            state = "replaced"
            if scaffold.path == ".gitignore" and target.is_file():
                text = _merge_gitignore(target)
                state = "updated"
        target.write_bytes(text.encode("utf-8"))
        written.append((scaffold, state))
    return written


@cli.command()
@click.argument("directory", metavar="DIR", type=click.Path(path_type=Path))
@click.option(
    "--force",
    is_flag=True,
    help="Write into DIR even if it is not empty, replacing files of the same names.",
)
@click.option("-q", "--quiet", is_flag=True, help="Print only errors.")
def init(directory: Path, force: bool, quiet: bool) -> None:
    """Create a new feed project in DIR, ready to run and to edit.

    \b
    DIR/feeds.toml            every table and key, commented, with defaults
    DIR/articles/example.txt  an example article
    DIR/plugins/example.py    an example plugin, configured in [plugins.example]
    DIR/.gitignore            .aggregator/ and public/

    DIR is created if needed. A DIR that is not empty is refused (exit code
    2) unless --force is given. The new project passes `aggregator check`
    and `aggregator run --once` as it is; then make it yours: the [feed]
    title, the topics in [plugins.tag_topics.taxonomy] and the two sides in
    [plugins.judge_relevance.sides].

    \b
    Examples:
      aggregator init my-feed
      aggregator init . --force      write into the current directory
    """
    try:
        written = write_project(directory, force=force)
    except InitError as exc:
        fail(str(exc), EXIT_CONFIG)
        raise
    except OSError as exc:
        fail(f"cannot write the project in {directory}: {exc}", EXIT_FAILED)
        raise
    if quiet:
        return
    width = max(len(scaffold.path) for scaffold, _ in written)
    click.echo(f"Created a feed project in {directory}:")
    for scaffold, state in written:
        note = "" if state == "created" else f" ({state})"
        click.echo(f"  {scaffold.path:<{width}}  {scaffold.purpose}{note}")
    click.echo("")
    click.echo("Next steps:")
    if directory.resolve() != Path.cwd().resolve():
        click.echo(f"  cd {shlex.quote(str(directory))}")
    for command, what in (
        ("aggregator check", "validate feeds.toml and the plugins"),
        ("aggregator run --once", "publish public/feed.atom, feed.rss, feed.json, index.html"),
        ("aggregator serve", "subscribe at http://127.0.0.1:8080/feed.atom"),
    ):
        click.echo(f"  {command:<23} {what}")
    click.echo(
        "Then edit feeds.toml for your own topic: the [feed] title, the taxonomy in"
        " [plugins.tag_topics.taxonomy] and the two sides in [plugins.judge_relevance.sides];"
        " put your articles in articles/ or add live sources."
    )
