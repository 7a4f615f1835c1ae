"""The built-in subcommands: run, check, items, plugins."""

from __future__ import annotations

import json
import logging
import shutil
import sqlite3
import sys
import time
from datetime import timedelta
from pathlib import Path

import click

from .app import App
from .cli import (
    EXIT_BUSY,
    EXIT_CONFIG,
    EXIT_FAILED,
    EXIT_INTERRUPTED,
    EXIT_STORE,
    ProjectOptions,
    cli,
    common_options,
    fail,
    open_store,
)
from .lock import LockBusy
from .manager import plugin_version
from .models import Item
from .output import clean_stale_temp_files
from .progress import ProgressLine
from .run import Problem, RunReport
from .store import StoreError, damaged_message, is_damaged

log = logging.getLogger("aggregator")


def print_summary(report: RunReport) -> None:
    for line in report.summary_lines():
        click.echo(line, err=True)


def run_and_report(
    app: App,
    *,
    reprocess: bool,
    quiet: bool,
    as_json: bool,
    fresh_for: timedelta = timedelta(0),
) -> RunReport:
    """Run once and print the summary. ``fresh_for``: with a broker, sources finished
    that recently (by any scheduler) are not sent again; scheduled runs pass most of
    one interval, so two schedulers never fetch a source twice in one interval."""
    from .pipeline import run_once  # not imported by commands that do not run the pipeline

    clean_stale_temp_files(app.config.output_dir, older_than=time.time())
    progress = ProgressLine()
    report = RunReport()
    try:
        if app.config.broker:
            from .distributed.coordinator import run_distributed

            run_distributed(app, reprocess=reprocess, report=report, fresh_for=fresh_for)
        else:
            run_once(app, reprocess=reprocess, progress=None if quiet else progress, report=report)
    except KeyboardInterrupt:
        progress.clear()
        click.echo(
            f"aggregator: interrupted. {report.items_stored} items of this run were stored"
            " (whole batches, with their stories and the state of their inputs); the outputs"
            " were not rewritten. The next run resumes where this one stopped.",
            err=True,
        )
        raise SystemExit(EXIT_INTERRUPTED) from None
    except LockBusy as exc:
        fail(str(exc), EXIT_BUSY)
        raise
    except StoreError as exc:
        fail(str(exc), EXIT_STORE)
        raise
    except sqlite3.DatabaseError as exc:
        if is_damaged(exc):
            fail(damaged_message(app.config.store_path, exc), EXIT_STORE)
        raise
    finally:
        progress.clear()
    report.errors[:0] = [
        Problem("load", reason, plugin=name) for name, reason in app.load_report.failures
    ]
    if as_json:
        click.echo(json.dumps(report.to_dict(), indent=2))
    if not quiet:
        print_summary(report)
    elif report.errors:
        for problem in report.errors:
            click.echo(f"error: {problem.line()}", err=True)
    return report


@cli.command()
@click.option("--once", is_flag=True, help="Run the pipeline once and exit (no schedule).")
@click.option(
    "--reprocess",
    is_flag=True,
    help="Process every input again, even unchanged ones (after changing a plugin).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the run report as JSON on stdout.")
@common_options
def run(
    once: bool,
    reprocess: bool,
    as_json: bool,
    project: ProjectOptions,
) -> None:
    """Fetch every source, curate, cluster and publish the feeds.

    With --once, run the pipeline one time: read the sources in feeds.toml,
    clean, tag and judge each new item, group reports into stories, and
    write the outputs (public/feed.atom, public/feed.rss, ...). A summary
    goes to stderr. Without --once, keep running on the [schedule] from
    feeds.toml until stopped with Ctrl-C or SIGTERM.

    \b
    Examples:
      aggregator run --once
      aggregator run --once -v          show each stage and plugin
      aggregator run --once --json      machine-readable report
      aggregator run                    run on the schedule
    """
    app = project.open_app()
    failures = bool(app.load_report.failures)
    if once:
        report = run_and_report(app, reprocess=reprocess, quiet=project.quiet, as_json=as_json)
        if report.errors or failures:
            raise SystemExit(EXIT_FAILED)
        return
    from .scheduler import freshness, run_on_schedule

    code = run_on_schedule(
        lambda: project.open_app(),
        lambda loaded: run_and_report(
            loaded,
            reprocess=False,
            quiet=project.quiet,
            as_json=False,
            fresh_for=freshness(loaded.config),
        ),
    )
    raise SystemExit(code)


@cli.command()
@click.option(
    "--concurrency", default=8, show_default=True, help="Sources processed at once (threads)."
)
@common_options
def worker(concurrency: int, project: ProjectOptions) -> None:
    """Process the sources `aggregator run` sends through [workers] broker.

    Starts a Celery worker (a threads pool) for this project. Start one or
    more on any machine that reaches the broker and the PostgreSQL store;
    each task names the project's feeds.toml, which must be at the same
    path on every machine.
    """
    app = project.open_app()
    if not app.config.broker:
        fail(f"{app.config.path}: set [workers] broker to start a worker", EXIT_CONFIG)
    from .distributed.celery_app import run_worker

    run_worker(app.config, concurrency=concurrency)


@cli.command()
@common_options
def check(
    project: ProjectOptions,
) -> None:
    """Validate feeds.toml and load every plugin, without running anything.

    Prints what would run: each source with its type, and the plugins.
    Exits 2 with one line naming the file, the key and the fix when the
    configuration is wrong, and 1 when a plugin failed to load.
    """
    app = project.open_app()
    if not project.quiet:
        config = app.config
        click.echo(f"{config.path}: OK")
        click.echo(f"feed: {config.feed.title} -> {config.output_dir}")
        for source in config.sources:
            state = "" if source.enabled else " (disabled)"
            click.echo(f"source {source.name}: {source.type}{state}")
        click.echo("plugins: " + ", ".join(sorted(app.load_report.origins)))
    if app.load_report.failures:
        raise SystemExit(EXIT_FAILED)


def item_line(item: Item) -> str:
    status = "dropped" if item.dropped else "kept"
    date = item.date.date().isoformat() if item.date else "----------"
    return f"{item.id}  {status:7}  {date}  {item.uri}  {item.title}"


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Every field of every item, as JSON.")
@click.option(
    "--status",
    type=click.Choice(["kept", "dropped"]),
    help="Only items that were kept, or only dropped ones.",
)
@click.option("--limit", type=int, default=0, help="At most this many items (0: all).")
@common_options
def items(
    as_json: bool,
    status: str | None,
    limit: int,
    project: ProjectOptions,
) -> None:
    """List what the state store holds, newest first.

    One line per item: id, kept or dropped, date, source path or URL, title.
    On a terminal the list is paged (with $PAGER, or less), as `git log`
    does; piped or redirected, it is printed whole. With --json, every
    field of every item, including what later stages added (topics,
    entities, relevance and its reasons, story id, what cleaning removed,
    the drop reason).
    """
    app = project.open_app()
    store = open_store(app)
    try:
        selected = []
        for item in store.iter_items(status=status):
            selected.append(item)
            if limit and len(selected) >= limit:
                break
    finally:
        store.close()
    if as_json:
        rows = [
            {**item.to_dict(), "status": "dropped" if item.dropped else "kept"} for item in selected
        ]
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    lines = [item_line(item) + "\n" for item in selected]
    if len(lines) > shutil.get_terminal_size().lines and sys.stdout.isatty():
        click.echo_via_pager(lines)
    else:
        click.echo("".join(lines), nl=False)


@cli.command(name="plugins")
@click.option("--json", "as_json", is_flag=True, help="As JSON.")
@common_options
def plugins_command(
    as_json: bool,
    project: ProjectOptions,
) -> None:
    """List the loaded plugins: name, version, where it came from, hooks it implements."""
    app = project.open_app()
    rows = []
    for name, plugin in sorted(app.pm.list_name_plugin()):
        hooks = sorted(caller.name for caller in app.pm.get_hookcallers(plugin) or [])
        rows.append(
            {
                "name": name,
                "version": plugin_version(plugin),
                "origin": app.load_report.origins.get(name, ""),
                "hooks": hooks,
            }
        )
    if as_json:
        click.echo(json.dumps(rows, indent=2))
    else:
        for row in rows:
            click.echo(f"{row['name']} {row['version']} ({row['origin']})")
            for hook in row["hooks"]:
                click.echo(f"    {hook}")
    for name, reason in app.load_report.failures:
        click.echo(f"not loaded: {name}: {reason}", err=True)
    if app.load_report.failures:
        raise SystemExit(EXIT_FAILED)


TITLE_DERIVED = "title_derived"
"""``item.extras[TITLE_DERIVED] = True``: a parser made the title from the lead."""
TITLE_FROM = "title_from"
"""``item.extras[TITLE_FROM] = {"line": str, "rule": str}``: the line a parser read the
title from and the rule that chose it."""
DATE_FROM = "date_from"
"""``item.extras[DATE_FROM] = {"line": str, "rule": str}``: the same for ``published``."""
STORY_REASON = "cluster"
"""``item.extras[STORY_REASON] = str``: why a clusterer joined the item to an earlier story
(the same copy, the evidence two reports shared, a fitted model's second look)."""
TOPIC_EVIDENCE = "topic_evidence"
"""``item.extras[TOPIC_EVIDENCE] = {topic: {"score": float, "terms": {term: count}}}``:
why a tagger gave (or nearly gave) each topic. Both keys are a documented convention
(docs/writing_plugins.md, "What explain shows"), open to any plugin; a learned
``probability`` and the ``words`` that weighed for it (``{word: weight}``) are shown
when present."""


def _topic_evidence_lines(item: Item) -> list[str]:
    lines = []
    for topic, entry in item.extras.get(TOPIC_EVIDENCE, {}).items():
        mark = "*" if topic in item.topics else " "
        terms = ", ".join(f"{term} ×{count}" for term, count in entry.get("terms", {}).items())
        line = f"  {mark} {topic}: score {entry.get('score', '-')} ({terms})"
        if "probability" in entry:
            line += f", probability {entry['probability']}"
        if entry.get("words"):
            line += ", words: " + ", ".join(
                f"{word} {weight:+}" for word, weight in entry["words"].items()
            )
        lines.append(line)
    return lines


def _origin(item: Item, key: str) -> list[str]:
    origin = item.extras.get(key)
    if not isinstance(origin, dict):
        return []
    return [f"              from {origin.get('line', '')!r} ({origin.get('rule', '')})"]


def explain_lines(item: Item, members: list[Item]) -> list[str]:
    """A person-readable account of what the pipeline did with one item."""
    lines = [
        f"item {item.id}",
        f"  source:     {item.source} ({item.uri})",
        f"  link:       {item.link or '-'}",
        f"  title:      {item.title}"
        + ("  (derived from the lead)" if item.extras.get(TITLE_DERIVED) else ""),
        *_origin(item, TITLE_FROM),
        f"  published:  {item.published.isoformat() if item.published else 'unknown'}",
        *_origin(item, DATE_FROM),
        f"  first seen: {item.first_seen.isoformat() if item.first_seen else '-'}",
        f"  dateline:   {item.dateline or '-'}",
        f"  authors:    {', '.join(item.authors) or '-'}",
        f"  outlet:     {item.outlet or '-'}",
        f"  summary:    {item.summary[:300]}",
        f"  text:       {len(item.text.split())} words",
        "",
        f"cleaning removed {len(item.removed)} lines:",
    ]
    lines += [f"  [{removal.rule}] {removal.text}" for removal in item.removed]
    lines += ["", "topics: " + (", ".join(item.topics) or "none")]
    lines += _topic_evidence_lines(item)
    lines += ["", f"entities: {len(item.entities)}"]
    for entity in item.entities:
        source = "gazetteer" if entity.known else "detected"
        lines.append(
            f"  {entity.kind:12} {entity.name} ×{entity.count} ({source}; as "
            + ", ".join(f"“{mention}”" for mention in entity.mentions)
            + ")"
        )
    lines.append("")
    if item.relevance is not None:
        relevance = item.relevance
        lines.append(f"relevance: score {relevance.score:g}, threshold {relevance.threshold:g}")
        lines += [f"  {reason}" for reason in item.relevance.reasons]
    else:
        lines.append("relevance: not judged")
    lines.append("")
    lines.append(f"decision: dropped — {item.dropped}" if item.dropped else "decision: kept")
    if item.story_id:
        lines.append(f"story: {item.story_id} ({len(members)} reports)")
        if item.extras.get(STORY_REASON):
            lines.append(f"  joined: {item.extras[STORY_REASON]}")
        lines += [f"  {m.outlet or m.source}: {m.title} ({m.link or m.uri})" for m in members]
    return lines


@cli.command()
@click.argument("needle", metavar="ID|PATH")
@click.option("--json", "as_json", is_flag=True, help="Every field of the item, as JSON.")
@common_options
def explain(
    needle: str,
    as_json: bool,
    project: ProjectOptions,
) -> None:
    """Explain what happened to one item, and why.

    ID|PATH is an item id (or its first characters, as `aggregator items`
    prints them), a source file path, or a URL. Prints the extracted fields,
    each line cleaning removed and the rule that removed it, topics and
    entities with their evidence, the relevance score with its reasons, the
    decision, and the story the item belongs to.

    \b
    Examples:
      aggregator explain seeds/001_d3720e514fc50b12.txt
      aggregator explain 3f2a9c
    """
    app = project.open_app()
    store = open_store(app)
    try:
        candidate = Path(needle)
        if candidate.exists():
            try:
                needle = candidate.resolve().relative_to(app.config.base_dir).as_posix()
            except ValueError:
                needle = candidate.resolve().as_posix()
        found = store.find_items(needle)
        if len(found) != 1:
            store.close()
            if not found:
                fail(f"no item matches {needle!r}; 'aggregator items' lists them", EXIT_FAILED)
            click.echo(f"{len(found)} items match {needle!r}; give more of the id:", err=True)
            for item in found:
                click.echo(item_line(item), err=True)
            raise SystemExit(EXIT_FAILED)
        [item] = found
        members = []
        if item.story_id:
            members = list(store.get_items(store.story_member_ids(item.story_id)).values())
    finally:
        store.close()
    if as_json:
        payload = {**item.to_dict(), "status": "dropped" if item.dropped else "kept"}
        payload["story_members"] = [member.id for member in members]
        click.echo(json.dumps(payload, indent=2, ensure_ascii=False))
        return
    for line in explain_lines(item, members):
        click.echo(line)


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="As JSON.")
@common_options
def sources(
    as_json: bool,
    project: ProjectOptions,
) -> None:
    """Show each source's status: last success, next attempt, last error.

    Network sources remember what their servers said: validators for
    conditional requests, failures in a row and when the next attempt is
    due (exponential backoff, or the server's Retry-After), permanent
    redirects, and whether a source is retired (410 Gone).
    """
    app = project.open_app()
    store = open_store(app)
    try:
        states = store.all_source_states()
        documents = {
            source.name: len(store.document_states(source.name)) for source in app.config.sources
        }
    finally:
        store.close()
    rows = []
    for source in app.config.sources:
        state = states.get(source.name, {})
        rows.append(
            {
                "name": source.name,
                "type": source.type,
                "enabled": source.enabled,
                "url": source.get("url") or "",
                "status": state.get("status") or ("known" if documents[source.name] else "new"),
                "documents": documents[source.name],
                "last_success": state.get("last_success"),
                "next_attempt": state.get("next_attempt"),
                "failures": state.get("failures", 0),
                "last_error": state.get("last_error"),
                "permanent_url": state.get("permanent_url"),
                "feed_url": state.get("feed_url"),
            }
        )
    if as_json:
        click.echo(json.dumps(rows, indent=2))
        return
    for row in rows:
        where = f" {row['url']}" if row["url"] else ""
        click.echo(
            f"{row['name']} ({row['type']}{where}): {row['status']}"
            + ("" if row["enabled"] else " [disabled]")
        )
        click.echo(
            f"    documents known: {row['documents']}; last success: {row['last_success'] or '-'}"
        )
        if row["failures"]:
            click.echo(
                f"    failures in a row: {row['failures']}; next attempt: {row['next_attempt']}"
            )
        if row["last_error"]:
            click.echo(f"    last error: {row['last_error']}")
        if row["permanent_url"]:
            click.echo(f"    moved permanently to: {row['permanent_url']}")
        if row["feed_url"] and row["feed_url"] != row["url"]:
            click.echo(f"    feed found at: {row['feed_url']}")
