"""Source type ``opml``: every feed in an OPML subscription list; and the
``import-opml`` / ``export-opml`` commands.

Each outline's feed is fetched like a ``feed`` source, concurrently (per-host
limited), with its own remembered state, so one dead feed in a list of a
thousand costs only itself. The commands show how a plugin adds commands
through ``aggregator_register_commands``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from aggregator import (
    Document,
    Option,
    Run,
    SkipDocument,
    SourceConfig,
    SourceError,
    SourceType,
    hookimpl,
)
from aggregator.schema import positive
from aggregator.toolkit import web
from aggregator.toolkit.feed_items import FEED_URL_META
from aggregator.toolkit.opml import OPMLError, Outline, build_opml, network_sources, parse_opml
from aggregator.toolkit.scheduling import run_per_host

if TYPE_CHECKING:
    import click

    from aggregator.commandline import ProjectOptions


def _check(source: SourceConfig) -> None:
    path, url = source.get("path"), source.get("url")
    if bool(path) == bool(url):
        raise source.error("path", "give exactly one of path or url", 'e.g. path = "feeds.opml"')
    if url:
        web.check_http_url(source)
    elif not source.resolve(path).is_file():
        raise source.error("path", f"{path!r} does not exist", "give the path of an OPML file")


OPML = SourceType(
    name="opml",
    description="every feed listed in an OPML file or URL",
    options={
        "path": Option(str, "", help="an OPML file, relative to feeds.toml"),
        "url": Option(str, "", help="or the URL of an OPML file"),
        "max_feeds": Option(int, 1000, help="read at most this many outlines", check=positive),
    },
    network=True,
    check=_check,
)


@hookimpl
def aggregator_register_source_types(register: Callable[[SourceType], None]) -> None:
    register(OPML)


@hookimpl(trylast=True)
def aggregator_fetch(source: SourceConfig, run: Run) -> list[Document] | None:
    if source.type != OPML.name:
        return None
    state = run.source_state(source.name)
    outlines = _outlines(source, run, state)[: source.get("max_feeds")]
    state["outlines"] = len(outlines)
    results = run_per_host(
        [(o.xml_url, partial(_fetch_one, source, run, state, o)) for o in outlines],
        max_workers=int(run.config.http["max_workers"]),
        per_host=int(run.config.http["per_host"]),
    )
    documents: list[Document] = []
    for outline, result in zip(outlines, results, strict=True):
        if isinstance(result, Document):
            documents.append(result)
        elif isinstance(result, SkipDocument):
            run.note_unchanged(outline.xml_url)
        elif isinstance(result, BaseException):
            documents.append(
                web.failed_document(source, run, outline.xml_url, str(result), "application/xml")
            )
    return documents


def _outlines(source: SourceConfig, run: Run, state: dict[str, Any]) -> list[Outline]:
    if source.get("path"):
        path = source.resolve(source.get("path"))
        try:
            content = path.read_bytes()
        except OSError as exc:
            raise SourceError(f"{path}: cannot read: {exc.strerror}") from None
    else:
        result = web.fetch_tracked(run, source.get("url"), web.sub_state(state, "list", "opml"))
        content = result.content
        if result.not_modified and not content:
            raise SourceError(f"{source.get('url')}: the OPML list was not sent")
    try:
        return parse_opml(content)
    except OPMLError as exc:
        raise SourceError(f"{source.get('path') or source.get('url')}: {exc}") from None


def _fetch_one(
    source: SourceConfig, run: Run, state: dict[str, Any], outline: Outline
) -> Document | SkipDocument:
    feed_state = web.sub_state(state, "feeds", outline.xml_url, keep=10_000)
    result = web.fetch_tracked(run, outline.xml_url, feed_state)
    if result.not_modified:
        return SkipDocument(f"{outline.xml_url}: not modified")
    document = web.to_document(source, run, outline.xml_url, result)
    document.meta["outlet"] = outline.title
    document.meta[FEED_URL_META] = outline.xml_url  # item ids derive from the feed too
    return document


# commands ------------------------------------------------------------------


def slug(text: str) -> str:
    words = re.findall(r"[a-z0-9]+", text.lower())
    return "-".join(words)[:40].strip("-") or "feed"


def toml_string(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in escaped) + '"'


def sources_toml(outlines: list[Outline], taken_names: set[str], known_urls: set[str]) -> str:
    """``[[sources]]`` tables for the outlines whose URLs are not configured yet."""
    blocks = []
    for outline in outlines:
        if outline.xml_url in known_urls:
            continue
        known_urls.add(outline.xml_url)
        base = slug(outline.title or outline.xml_url)
        name, number = base, 2
        while name in taken_names:
            name, number = f"{base}-{number}", number + 1
        taken_names.add(name)
        lines = ["[[sources]]", f"name = {toml_string(name)}", 'type = "feed"']
        lines.append(f"url = {toml_string(outline.xml_url)}")
        if outline.title:
            lines.append(f"outlet = {toml_string(outline.title)}")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


@hookimpl
def aggregator_register_commands(cli: click.Group) -> None:
    # Imported here: a worker process loads every plugin but registers no command, and
    # click with the command line's module is about 3.5 MB of its memory.
    import click

    from aggregator.commandline import EXIT_CONFIG, EXIT_FAILED, common_options, fail

    @cli.command(name="import-opml")
    @click.argument("opml_file", type=click.Path(path_type=Path, dir_okay=False, exists=True))
    @click.option("--dry-run", is_flag=True, help="Print the sources instead of adding them.")
    @common_options
    def import_opml(
        opml_file: Path,
        dry_run: bool,
        project: ProjectOptions,
    ) -> None:
        """Add every feed of an OPML file to feeds.toml as a `feed` source.

        Feeds already configured (same URL) are skipped; names come from the
        outline titles. The file is validated after the change and restored
        if it would not load.
        """
        app = project.open_app()
        try:
            outlines = parse_opml(opml_file.read_bytes())
        except OPMLError as exc:
            fail(f"{opml_file}: {exc}", EXIT_CONFIG)
        names = {source.name for source in app.config.sources}
        urls = {str(source.get("url")) for source in app.config.sources if source.get("url")}
        addition = sources_toml(outlines, names, urls)
        added = addition.count("[[sources]]")
        if dry_run or not added:
            if addition:
                click.echo(addition)
            click.echo(
                f"{added} new feeds in {opml_file} ({len(outlines) - added} already present)",
                err=True,
            )
            return
        config_path = project.config_path
        original = config_path.read_text(encoding="utf-8")
        config_path.write_text(original.rstrip("\n") + "\n\n" + addition + "\n", encoding="utf-8")
        try:
            project.open_app(verbose=0)
        except SystemExit:
            config_path.write_text(original, encoding="utf-8")
            raise
        click.echo(f"added {added} feeds to {config_path}", err=True)

    @cli.command(name="export-opml")
    @click.option(
        "-o",
        "--output",
        type=click.Path(path_type=Path, dir_okay=False),
        help="Write to this file instead of standard output.",
    )
    @common_options
    def export_opml(
        output: Path | None,
        project: ProjectOptions,
    ) -> None:
        """Write the configured network sources as an OPML 2.0 subscription list."""
        app = project.open_app()
        if not network_sources(app.config.sources):
            fail("no network source to list (OPML 2.0 needs at least one outline)", EXIT_FAILED)
        document = build_opml(app.config.feed, app.config.sources, [])
        if output is None:
            click.echo(document.decode("utf-8"), nl=False)
        else:
            output.write_bytes(document)
            click.echo(f"wrote {output}", err=True)
