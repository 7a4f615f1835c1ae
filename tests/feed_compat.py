"""Compare our feed parser with feedparser on real-world feed files.

The files are the test fixtures of five other feed libraries
(``tests/data/feed-fixtures/<library>/``). Each is parsed twice: through the
feed parser plugin's parse path (:func:`parse_document`, as a ``files`` or
``opml`` source would hand it over, media type ``application/xml``) and with
``feedparser.parse`` directly. Per file it counts

- entries lost: feedparser's usable entries (any of title, link, summary,
  content) that we do not give as items, after both sides' duplicates (same
  id) are counted once;
- titles that differ: feedparser's title, read as one line of plain text
  the way ours are, against ours (a title we derived from an untitled
  entry's text is not compared);
- links that differ: feedparser's link made absolute and kept only if
  http(s), as ours are, against ours.

Entries are paired by their identity (guid, else link) when both sides
have one, else in document order. Run it to print the figures:

    python tests/feed_compat.py [--details] [--write-baseline]

``tests/test_feed_compat.py`` checks that no file does worse than the
baseline recorded in ``tests/data/feed_compat_baseline.json``; why the
remaining differences are right is in docs/decisions.md.
"""

from __future__ import annotations

import argparse
import json
import sys
import warnings
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from aggregator import Document, DocumentError, Item, SkipDocument, SourceConfig
from aggregator.plugins.feed_parser import parse_document
from aggregator.toolkit import feed_safety as safety
from aggregator.toolkit.feed_items import GUID_CHARS, TITLE_CHARS, plain_inline
from aggregator.toolkit.text import squash

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "data" / "feed-fixtures"
BASELINE = ROOT / "tests" / "data" / "feed_compat_baseline.json"
FEED_SUFFIXES = (".xml", ".atom", ".rss", ".rdf")
BASE_URL = "http://127.0.0.1:8000/"
NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
SOURCE = SourceConfig(name="compat", type="files", options={}, base_dir=ROOT)


@dataclass
class FileFigures:
    """How our reading of one file differs from feedparser's."""

    ours: int = 0
    theirs: int = 0
    lost: int = 0
    titles: int = 0
    links: int = 0
    refused: str = ""
    """Why we refused the document (a DocumentError or SkipDocument), if we did."""
    examples: list[str] = field(default_factory=list)


def fixture_files(root: Path = FIXTURES) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file() and p.suffix in FEED_SUFFIXES)


def url_of(path: Path, root: Path = FIXTURES) -> str:
    return BASE_URL + path.relative_to(root).as_posix()


def our_items(content: bytes, uri: str) -> tuple[list[Item], str]:
    """Our items of one file, and why the document was refused ("" if it was not)."""
    document = Document(
        source=SOURCE.name,
        uri=uri,
        content=content,
        media_type="application/xml",
        fetched_at=NOW,
    )
    try:
        return parse_document(document, SOURCE) or [], ""
    except (DocumentError, SkipDocument) as refusal:
        return [], f"{type(refusal).__name__}: {refusal}"


def their_entries(content: bytes, uri: str) -> list[dict[str, str]]:
    """feedparser's usable entries, as guid/title/link strings, duplicates left out."""
    import feedparser

    headers = {"content-type": "application/xml", "content-location": uri}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            result = feedparser.parse(content, response_headers=headers, sanitize_html=False)
        except Exception:  # the reference failing counts as: no entries
            return []
    feed_link = str((result.get("feed") or {}).get("link") or "")
    entries, seen = [], set()
    for entry in result.get("entries") or []:
        title, link = str(entry.get("title") or ""), str(entry.get("link") or "")
        body = entry.get("summary") or entry.get("content")
        if not (title.strip() or link.strip() or body):
            continue
        guid = squash(str(entry.get("id") or ""))[:GUID_CHARS]
        absolute = safety.http_url(safety.resolve(link, feed_link, uri)) or ""
        identity = guid or absolute or title
        if identity in seen:
            continue
        seen.add(identity)
        entries.append({"guid": guid, "title": title, "link": absolute})
    return entries


def compare(path: Path, root: Path = FIXTURES) -> FileFigures:
    content, uri = path.read_bytes(), url_of(path, root)
    ours, refused = our_items(content, uri)
    theirs = their_entries(content, uri)
    figures = FileFigures(ours=len(ours), theirs=len(theirs), refused=refused)
    figures.lost = max(0, len(theirs) - len(ours))
    for mine, reference in _pairs(ours, theirs):
        title = plain_inline(reference["title"], TITLE_CHARS)
        if not mine.extras.get("title_derived") and mine.title != title:
            figures.titles += 1
            figures.examples.append(f"title {mine.title!r} != {title!r}")
        if (mine.link or "") != reference["link"]:
            figures.links += 1
            figures.examples.append(f"link {mine.link!r} != {reference['link']!r}")
    return figures


def _pairs(ours: list[Item], theirs: list[dict[str, str]]) -> list[tuple[Item, dict[str, str]]]:
    by_identity = {e["guid"] or e["link"]: e for e in theirs if e["guid"] or e["link"]}
    if len(ours) == len(theirs):
        return list(zip(ours, theirs, strict=True))
    pairs = []
    for item in ours:
        reference = by_identity.get(item.guid or item.link or "")
        if reference is not None:
            pairs.append((item, reference))
    return pairs


def measure(root: Path = FIXTURES) -> dict[str, FileFigures]:
    return {path.relative_to(root).as_posix(): compare(path, root) for path in fixture_files(root)}


def totals(figures: dict[str, FileFigures]) -> dict[str, int]:
    values = figures.values()
    return {
        "files": len(figures),
        "ours": sum(f.ours for f in values),
        "theirs": sum(f.theirs for f in values),
        "lost": sum(f.lost for f in values),
        "files_with_lost": sum(1 for f in values if f.lost),
        "titles": sum(f.titles for f in values),
        "links": sum(f.links for f in values),
        "refused": sum(1 for f in values if f.refused),
    }


def baseline_of(figures: dict[str, FileFigures]) -> dict[str, dict[str, int]]:
    """The per-file figures worth recording: the files where we differ at all."""
    return {
        name: {"lost": f.lost, "titles": f.titles, "links": f.links}
        for name, f in sorted(figures.items())
        if f.lost or f.titles or f.links
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--details", action="store_true", help="list every differing file")
    parser.add_argument("--write-baseline", action="store_true", help=f"write {BASELINE.name}")
    args = parser.parse_args(argv)
    if not FIXTURES.is_dir():
        print(f"no fixtures in {FIXTURES}", file=sys.stderr)
        return 2
    figures = measure()
    if args.details:
        for name, f in sorted(figures.items()):
            if f.lost or f.titles or f.links or f.refused:
                print(f"{name}: ours {f.ours}, feedparser {f.theirs}, lost {f.lost},"
                      f" titles {f.titles}, links {f.links} {f.refused}")  # fmt: skip
                for example in f.examples[:3]:
                    print(f"    {example}")
    print(json.dumps(totals(figures)))
    if args.write_baseline:
        BASELINE.write_text(json.dumps(baseline_of(figures), indent=1) + "\n", encoding="utf-8")
        print(f"wrote {BASELINE}")
    return 0


def as_json(figures: dict[str, FileFigures]) -> dict[str, Any]:
    return {name: asdict(f) for name, f in figures.items()}


if __name__ == "__main__":
    sys.exit(main())
