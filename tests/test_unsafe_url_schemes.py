"""Issue 17, point 1: a control character inside a URL scheme must not smuggle it past
the sanitizer, whichever stage sees the HTML later and whatever it strips."""

from __future__ import annotations

import html
import re
from datetime import UTC, datetime

import pytest

from aggregator.testing import FeedProject
from aggregator.toolkit.render import sanitize_html

SCHEMES = ("javascript", "vbscript", "data")
CONTROLS = [chr(code) for code in range(0x20)] + ["\x7f"]
UNSAFE_URL = re.compile(r"\b(?:javascript|vbscript|data)\s*:", re.IGNORECASE)
NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)


def split_scheme(scheme: str, control: str, *, encoded: bool) -> str:
    """``scheme:`` with ``control`` in the middle of the scheme, raw or as a character reference."""
    middle = len(scheme) // 2
    inserted = f"&#{ord(control)};" if encoded else control
    return f"{scheme[:middle]}{inserted}{scheme[middle:]}:alert(1)"


VARIANTS = [
    (scheme, control, encoded)
    for scheme in SCHEMES
    for control in CONTROLS
    for encoded in (True, False)
]


def markup_with(url: str, words: str = "text") -> str:
    return f'<p><a href="{url}">link</a> and <img src="{url}"> {words}</p>'


@pytest.mark.parametrize(("scheme", "control", "encoded"), VARIANTS)
def test_no_split_scheme_survives_the_sanitizer(scheme: str, control: str, encoded: bool) -> None:
    safe = sanitize_html(markup_with(split_scheme(scheme, control, encoded=encoded)))
    assert not UNSAFE_URL.search(safe), safe
    assert sanitize_html(safe) == safe


def feed_of(variants: list[tuple[str, str, bool]]) -> str:
    entries = []
    for scheme, control, encoded in variants:
        label = f"{scheme} {ord(control)} {'encoded' if encoded else 'raw'}"
        body = markup_with(split_scheme(scheme, control, encoded=encoded), f"{label} text")
        entries.append(
            f"<item><title>India and Japan talk: {label}</title>"
            f"<link>https://gazette.example/{label.replace(' ', '-')}</link>"
            "<pubDate>Mon, 09 Mar 2026 08:00:00 +0000</pubDate>"
            f"<description>{html.escape(body)}</description></item>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        "<title>Gazette</title><link>https://gazette.example/</link><description>d</description>"
        + "".join(entries)
        + "</channel></rss>"
    )


def test_no_split_scheme_survives_a_run_into_any_output(feed_project: FeedProject) -> None:
    """Raw control characters make the feed ill-formed XML (the tolerant parser reads it);
    a NUL byte would make the file binary, so that one is only sent as a reference."""
    encoded = [variant for variant in VARIANTS if variant[2]]
    raw = [variant for variant in VARIANTS if not variant[2] and variant[1] != "\x00"]
    feed_project.add_article("encoded.xml", feed_of(encoded))
    feed_project.add_article("raw.xml", feed_of(raw))
    feed_project.config["sources"][0]["paths"] = ["articles/*.xml"]
    feed_project.config["feed"]["max_stories"] = len(VARIANTS)
    report = feed_project.run(now=NOW)
    assert report.ok, report.errors
    items = feed_project.items()
    assert len(items) == len(encoded) + len(raw)
    for item in items:
        assert not UNSAFE_URL.search(item.html), item.html
    for name in ("feed.atom", "feed.rss", "feed.json", "index.html"):
        published = (feed_project.output_dir / name).read_text(encoding="utf-8")
        assert published.count("India and Japan talk") >= len(items), name
        assert not UNSAFE_URL.search(html.unescape(published)), name
