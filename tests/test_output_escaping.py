"""Text stays text in every output; HTML reaching an output passes the allow-list once more."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import lxml.html
from lxml import etree

from aggregator.testing import ATOM, FeedProject

MARKUP_AS_TEXT = "<img src=x onerror=alert(5)> Tokyo & Delhi agree"
ARTICLE = f"Ministers meet in Tokyo\n\nMarch 6, 2026\n\n{MARKUP_AS_TEXT}.\n"

ENTRY_WITH_SCRIPT = """
from aggregator import hookimpl

@hookimpl
def aggregator_feed_entry(entry, story):
    entry.content("<p>kept</p><script>alert(1)</script>", type="html")
"""


def published(project: FeedProject) -> None:
    project.add_article("a.txt", ARTICLE)
    report = project.run(now=datetime(2026, 3, 10, tzinfo=UTC))
    assert report.ok, report.errors


def test_rss_description_is_html_that_shows_the_text(feed_project: FeedProject) -> None:
    published(feed_project)
    rss = etree.parse(str(feed_project.output_dir / "feed.rss"))
    description = rss.findtext("channel/item/description")
    fragment = lxml.html.fragment_fromstring(description, create_parent="div")
    assert not fragment.xpath("//img")
    assert fragment.text_content() == MARKUP_AS_TEXT + "."


def test_atom_summary_is_html_that_shows_the_text_and_json_summary_is_text(
    feed_project: FeedProject,
) -> None:
    published(feed_project)
    atom = etree.parse(str(feed_project.output_dir / "feed.atom"))
    summary = atom.find(f"{ATOM}entry/{ATOM}summary")
    # HTML like the content, so that a client preferring plain text mails the whole story
    assert summary is not None and summary.get("type") == "html"
    fragment = lxml.html.fragment_fromstring(summary.text, create_parent="div")
    assert not fragment.xpath("//img")
    assert fragment.text_content() == MARKUP_AS_TEXT + "."
    document = json.loads((feed_project.output_dir / "feed.json").read_text())
    assert document["items"][0]["summary"] == MARKUP_AS_TEXT + "."


def test_the_page_shows_the_text(feed_project: FeedProject) -> None:
    published(feed_project)
    root = lxml.html.parse(str(feed_project.output_dir / "index.html")).getroot()
    assert not root.xpath("//main//img")
    assert root.xpath('string(//p[@class="summary"])') == MARKUP_AS_TEXT + "."


def test_html_from_entry_hooks_is_sanitized_at_the_boundary(feed_project: FeedProject) -> None:
    feed_project.add_plugin("scripted.py", ENTRY_WITH_SCRIPT)
    published(feed_project)
    atom = etree.parse(str(feed_project.output_dir / "feed.atom"))
    content = atom.findtext(f"{ATOM}entry/{ATOM}content")
    assert content == "<p>kept</p>"
    rss = etree.parse(str(feed_project.output_dir / "feed.rss"))
    encoded = rss.findtext("channel/item/{http://purl.org/rss/1.0/modules/content/}encoded")
    assert encoded == "<p>kept</p>"
