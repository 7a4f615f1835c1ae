"""Every file of the shared feed corpora, served over loopback and ingested through
the real fetcher and the `feed` source type (via one OPML list), end to end.

The run must finish with every failure an expected, explained refusal (no
plugin traceback), and no script, event handler or javascript: URL may reach
a stored item or an output. Skipped when ../shared is absent.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from xml.sax.saxutils import quoteattr

import pytest
from conftest import SHARED
from loopback import serve, static

from aggregator.store import Store
from aggregator.testing import FeedProject

CORPORA = [SHARED / "corpora" / "feedparser-tests", SHARED / "corpora" / "miniflux-testdata"]
DANGER = re.compile(r"<script|\son\w+\s*=|javascript:", re.IGNORECASE)

pytestmark = pytest.mark.skipif(not SHARED.exists(), reason="../shared is not beside the project")


def corpus_files() -> list[Path]:
    return sorted(
        path
        for root in CORPORA
        if root.exists()
        for path in root.rglob("*")
        if path.is_file() and path.name != "LICENSE" and not path.name.startswith(".")
    )


def media_type(path: Path) -> str:
    if path.suffix in (".html", ".htm"):
        return "text/html"
    if path.suffix == ".json":
        return "application/json"
    return "application/xml"


def test_every_corpus_file_is_ingested_or_refused_with_a_reason(
    feed_project: FeedProject, tmp_path: Path
) -> None:
    files = corpus_files()
    assert len(files) > 2000
    routes = {
        f"/f/{n}": static(path.read_bytes(), media_type(path)) for n, path in enumerate(files)
    }
    with serve(routes) as server:
        outlines = "".join(
            f"<outline text={quoteattr(path.name)} xmlUrl={quoteattr(server.url(f'/f/{n}'))}/>"
            for n, path in enumerate(files)
        )
        opml = tmp_path / "corpora.opml"
        opml.write_text(f'<?xml version="1.0"?><opml version="2.0"><body>{outlines}</body></opml>')
        feed_project.config["sources"] = [
            {"name": "corpora", "type": "opml", "path": str(opml), "max_feeds": 5000}
        ]
        feed_project.config["http"] = {"allow_private": True, "per_host": 8, "max_workers": 8}
        report = feed_project.run()
    unexpected = [problem.line() for problem in report.errors if problem.plugin]
    assert unexpected == [], unexpected[:20]

    store = Store.open(feed_project.root / "state" / "state.db")
    try:
        documents = store.document_states("corpora")
        items = list(store.iter_items())
    finally:
        store.close()
    gave_items = sum(1 for state in documents.values() if state.item_ids)
    refused = Counter(_reason(problem.message) for problem in report.errors)
    print(
        f"\ncorpus files: {len(files)}; gave items: {gave_items}; parsed, no items:"
        f" {len(documents) - gave_items}; refused: {sum(refused.values())}"
    )
    for reason, count in refused.most_common():
        print(f"  refused {count}: {reason}")
    assert gave_items > 400  # most feedparser cases test one feed-level element, no entries
    for item in items:
        for field in (item.title, item.summary, item.html, item.text, item.link or ""):
            assert not DANGER.search(field), (item.uri, field[:200])
    for path in feed_project.output_dir.rglob("*"):
        if path.is_file():
            assert not DANGER.search(path.read_text(encoding="utf-8")), path.name


def _reason(message: str) -> str:
    """A refusal's reason without the URL, for grouping."""
    return re.sub(r"https?://\S+:?\s*", "", message).strip()[:80]
