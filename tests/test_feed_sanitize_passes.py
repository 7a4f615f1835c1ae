"""How often a feed entry's HTML passes the allow-list: once, unless something changed it after."""

from __future__ import annotations

import pytest

from aggregator.toolkit import feed_items
from aggregator.toolkit.html import sanitize_html

BASE = "https://paper.example.net/world/"


@pytest.fixture
def passes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []

    def counting(markup: str) -> str:
        seen.append(markup)
        return sanitize_html(markup)

    monkeypatch.setattr(feed_items, "sanitize_html", counting)
    return seen


def test_plain_paragraphs_with_absolute_links_pass_once(passes: list[str]) -> None:
    markup = (
        '<p>Ports reopen <a href="https://other.example.org/x">after the storm</a>.</p><p>Two.</p>'
    )
    html, text = feed_items.html_and_text(markup, False, [BASE], 10_000)
    assert len(passes) == 1
    assert html == sanitize_html(markup)
    assert text == "Ports reopen after the storm.\n\nTwo."


def test_relative_link_is_judged_again_once_made_absolute(passes: list[str]) -> None:
    markup = '<p>See <a href="report.html">the report</a>.</p>'
    html, _ = feed_items.html_and_text(markup, False, [BASE], 10_000)
    assert len(passes) == 2
    assert 'href="https://paper.example.net/world/report.html"' in html
    assert html == sanitize_html(passes[1])


def test_unwrapped_block_is_judged_again_without_its_mark(passes: list[str]) -> None:
    markup = "<div>First block</div><div>Second block</div>"
    html, text = feed_items.html_and_text(markup, False, [BASE], 10_000)
    assert len(passes) == 2
    assert feed_items.BLOCK not in html
    assert html == sanitize_html(markup)
    assert text == "First block\n\nSecond block"


def test_hostile_markup_is_still_cleaned(passes: list[str]) -> None:
    markup = (
        '<p onclick="steal()">Hi<script>alert(1)</script> <a href="javascript:x()">there</a></p>'
    )
    html, _ = feed_items.html_and_text(markup, False, [BASE], 10_000)
    assert "script" not in html and "onclick" not in html and "javascript" not in html
    assert html == sanitize_html(markup)
