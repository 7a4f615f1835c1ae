"""Robustness of the feed parser over the shared corpora (feedparser's tests, miniflux's testdata).

Every file is parsed twice: once as ``application/xml`` and once as
``application/octet-stream`` (so the parser has to sniff it). The contract:
a list, ``None`` or a ``DocumentError``/``SkipDocument``, never another
exception; no dangerous HTML in any item, and nothing dangerous in any field
of the items from feedparser's sanitizer cases. ``pytest -s`` shows a summary.
"""

from __future__ import annotations

import re
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import pytest

from aggregator import Document, DocumentError, Item, SkipDocument, SourceConfig
from aggregator.plugins.feed_parser import parse_document

SHARED = Path(__file__).resolve().parents[2] / "shared"
CORPORA = [SHARED / "corpora" / "feedparser-tests", SHARED / "corpora" / "miniflux-testdata"]
SANITIZE_CASES = "sanitize"
URI = "http://127.0.0.1/feed.xml"
SOURCE = SourceConfig(name="corpus", type="http", options={}, base_dir=Path("."))

pytestmark = pytest.mark.skipif(
    not all(path.is_dir() for path in CORPORA), reason="../shared/corpora is not beside the project"
)

SANITIZED_TAG = re.compile(r'<(?:[^>"]|"[^"]*")*>')
"""A tag as the sanitizer writes it; text between tags is escaped, so only tags can harm."""
DANGEROUS_TAG = re.compile(
    r"^<\s*/?\s*(?:script|style|iframe|frame|frameset|object|embed|applet|form|input|button"
    r"|textarea|select|img|svg|math|meta|link|base)\b|\son[a-z]+\s*=|\sstyle\s*="
    r"|(?:href|src|action)\s*=\s*[\"']?\s*(?:javascript|vbscript|data):",
    re.IGNORECASE,
)
TAG_LIKE = re.compile(r"<[^<>]*(?:>|(?=<)|$)")
"""What a careless consumer could take for markup in a plain-text field."""
DANGEROUS_TEXT = re.compile(
    r"^<\s*/?\s*(?:script|style|iframe|frame|object|embed|applet|form|img|svg)\b"
    r"|\son[a-z]+\s*=|javascript:|vbscript:",
    re.IGNORECASE,
)


@dataclass
class Summary:
    media_type: str
    files: int = 0
    gave_items: int = 0
    items: int = 0
    empty: int = 0
    none: int = 0
    refused: Counter[str] = field(default_factory=Counter)
    parsers: Counter[str] = field(default_factory=Counter)
    slowest: tuple[float, str] = (0.0, "")

    def report(self, seconds: float) -> str:
        lines = [
            f"feed corpora as {self.media_type}: {self.files} files in {seconds:.1f} s",
            f"  gave items: {self.gave_items} files ({self.items} items; parsers: "
            + ", ".join(f"{name} {count}" for name, count in self.parsers.most_common())
            + ")",
            f"  valid feed, no usable entry: {self.empty}",
            f"  returned None (not a feed): {self.none}",
            f"  refused: {sum(self.refused.values())}",
            *(f"    {count:4d}  {reason}" for reason, count in self.refused.most_common()),
            f"  slowest: {self.slowest[1]} ({self.slowest[0] * 1000:.0f} ms)",
        ]
        return "\n".join(lines)


def corpus_files() -> list[Path]:
    return sorted(
        path
        for root in CORPORA
        for path in root.rglob("*")
        if path.is_file() and path.name != "LICENSE"
    )


def _reason(error: BaseException) -> str:
    """The reason without the details that differ per file (line numbers)."""
    return re.sub(r"\s*\(line [^)]*\)", "", str(error))


def _dangers(item: Item, *, all_fields: bool) -> list[str]:
    found = [
        f"html: {tag!r}" for tag in SANITIZED_TAG.findall(item.html) if DANGEROUS_TAG.search(tag)
    ]
    if item.link is not None and not item.link.startswith(("http://", "https://")):
        found.append(f"link: {item.link!r}")
    if all_fields:
        values = {
            "title": item.title,
            "summary": item.summary,
            "text": item.text,
            "outlet": item.outlet or "",
            "guid": item.guid or "",
            "authors": " | ".join(item.authors),
            "extras": " | ".join(str(value) for value in item.extras.values()),
        }
        found += [
            f"{name}: {value[:200]!r}"
            for name, value in values.items()
            if any(DANGEROUS_TEXT.search(tag) for tag in TAG_LIKE.findall(value))
        ]
    return found


@pytest.mark.parametrize("media_type", ["application/xml", "application/octet-stream"])
def test_every_corpus_file_parses_within_the_contract(media_type: str) -> None:
    files = corpus_files()
    assert len(files) > 2000, "the corpora look incomplete"
    summary = Summary(media_type=media_type)
    problems: list[str] = []
    started = time.perf_counter()
    for path in files:
        name = str(path.relative_to(SHARED / "corpora"))
        doc = Document(
            source=SOURCE.name,
            uri=URI,
            content=path.read_bytes(),
            media_type=media_type,
            fetched_at=datetime.now(UTC),
            meta={"url": URI},
        )
        summary.files += 1
        began = time.perf_counter()
        try:
            items = parse_document(doc, SOURCE)
        except (DocumentError, SkipDocument) as exc:
            summary.refused[f"{type(exc).__name__}: {_reason(exc)}"] += 1
            continue
        except Exception as exc:  # the contract under test: nothing else may escape
            problems.append(f"{name}: {type(exc).__name__}: {exc}")
            continue
        finally:
            summary.slowest = max(summary.slowest, (time.perf_counter() - began, name))
        if items is None:
            summary.none += 1
            continue
        if not isinstance(items, list) or not all(isinstance(item, Item) for item in items):
            problems.append(f"{name}: returned {type(items).__name__}")
            continue
        if not items:
            summary.empty += 1
            continue
        summary.gave_items += 1
        summary.items += len(items)
        summary.parsers[items[0].extras.get("parser", "?")] += 1
        sanitizer_case = SANITIZE_CASES in path.parts
        for item in items:
            problems += [
                f"{name}: {danger}" for danger in _dangers(item, all_fields=sanitizer_case)
            ]
            if item.published is not None and item.published.tzinfo is None:
                problems.append(f"{name}: naive published date")
    print("\n" + summary.report(time.perf_counter() - started))
    assert not problems, "\n".join(problems[:40])
    assert summary.gave_items > 400
    assert summary.slowest[0] < 5.0, summary.slowest


def test_sanitizer_cases_are_covered() -> None:
    """The sanitizer directories exist and mostly yield items, so the checks above bite."""
    cases = [path for path in corpus_files() if SANITIZE_CASES in path.parts]
    assert len(cases) > 500
    with_items = 0
    for path in cases:
        doc = Document(
            source=SOURCE.name,
            uri=URI,
            content=path.read_bytes(),
            media_type="application/xml",
            fetched_at=datetime.now(UTC),
        )
        try:
            items = parse_document(doc, SOURCE)
        except (DocumentError, SkipDocument):
            continue
        with_items += bool(items)
    assert with_items > 150
