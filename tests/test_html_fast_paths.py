"""Plain paragraphs as the sanitizer writes them are read, pruned and kept as strings.

:func:`aggregator.toolkit.html.sanitized_as_is` recognises markup the allow-list gives
back unchanged; the sanitizer gives it back without calling nh3, and the readers that take
the shortcut (the text of sanitized HTML, the pruning of removed blocks) must answer what
the tree they skip answers.
"""

from __future__ import annotations

import pytest

from aggregator.toolkit import html as htmlmod
from aggregator.toolkit.boilerplate_html import _prune_paragraphs, _prune_tree, prune_html
from aggregator.toolkit.feed_items import html_and_text
from aggregator.toolkit.html import sanitize_html, sanitized_as_is, text_of_sanitized

PLAIN = [
    "",
    "<p></p>",
    "<p> </p><p>x</p>",
    "<p>Fish &amp; chips &lt;b&gt; at 5&nbsp;pm</p><p>Second\tline\nwith a break</p>",
    "<p>“Quoted” and 'single' \" marks, é, e\u0301, 日本, \u2028 \x85 \ufeff 😀</p>",
    "<p>Advertisement</p><p>The story itself.</p><p>Share this article:</p>",
    "<p>\ue000marked\ue000</p><p>&amp;amp; stays one reference deep</p>",
]
NOT_PLAIN = [
    "<p>a > b</p>",  # the sanitizer writes &gt;
    "<p>no-break\xa0space</p>",  # the sanitizer writes &nbsp;
    "<p>&#39;numeric&#39; and &quot;named&quot;</p>",
    "<p>carriage\rreturn</p>",
    "<p>control\x0bcharacter</p>",
    "<p>a</p> <p>b</p>",
    "<p>a</p>\n<p>b</p>",
    "text<p>a</p>",
    '<p class="x">a</p>',
    "<p>a <b>bold</b> word</p>",
    "<li>a</li>",
    "<p>unclosed",
]


@pytest.mark.parametrize("markup", PLAIN)
def test_plain_paragraphs_are_their_own_sanitized_form(markup: str) -> None:
    assert sanitized_as_is(markup)
    assert htmlmod._allow_list(markup) == markup  # what sanitize_html no longer asks
    assert sanitize_html(markup) == markup


@pytest.mark.parametrize("markup", NOT_PLAIN)
def test_other_markup_is_not_taken_for_plain_paragraphs(markup: str) -> None:
    assert not sanitized_as_is(markup)


@pytest.mark.parametrize("markup", PLAIN)
def test_the_text_of_plain_paragraphs_is_the_trees(
    markup: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    fast = text_of_sanitized(markup)
    monkeypatch.setattr(htmlmod, "sanitized_as_is", lambda markup: False)
    assert fast == text_of_sanitized(markup)


@pytest.mark.parametrize("markup", PLAIN)
@pytest.mark.parametrize(
    "lines",
    [
        set(),
        {"advertisement", "Share  this article:"},
        {"The story itself."},
        {"x", "Fish & chips <b> at 5\xa0pm", "second line with a break"},
        {"“quoted” and 'single' \" marks, é, e\u0301, 日本, \u2028 \x85 \ufeff 😀"},
        {"\ue000marked\ue000", "&amp; stays one reference deep"},
    ],
)
def test_plain_paragraphs_are_pruned_as_the_tree_prunes_them(markup: str, lines: set[str]) -> None:
    wanted = {" ".join(line.split()).casefold() for line in lines}
    assert _prune_paragraphs(markup, wanted) == _prune_tree(markup, wanted)
    assert prune_html(markup, lines) == _prune_tree(markup, wanted)


def test_a_removed_paragraph_leaves_the_others_as_they_were() -> None:
    markup = "<p>Advertisement</p><p>Tom &amp; Jerry&nbsp;met.</p><p>Share this article:</p>"
    pruned = prune_html(markup, {"Advertisement", "Share this article:"})
    assert pruned == "<p>Tom &amp; Jerry&nbsp;met.</p>"
    assert prune_html(markup, {"tom & jerry met."}) == markup.replace(
        "<p>Tom &amp; Jerry&nbsp;met.</p>", ""
    )


@pytest.mark.parametrize(
    "markup",
    [
        "<p>One &amp; two</p><p>three</p>",
        '<p>Write href="x" as text</p><p>a&lt;div&gt;b</p>',
        "<p>Fish &amp; chips at 5&nbsp;pm</p>" * 150,
        "<div>Block</div><p>para</p>",
        "<p>a <a href='/x'>link</a></p>",
        "<table><caption>cap</caption><tr><td>1</td></tr></table>",
        "Plain words\n\nin two paragraphs",
    ],
)
def test_a_feed_entrys_html_is_the_twice_sanitized_one(
    markup: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    for is_text in (False, True):
        fast = html_and_text(markup, is_text, ["https://example.com/a/"], 4000)
        with monkeypatch.context() as patch:
            patch.setattr(htmlmod, "sanitized_as_is", lambda markup: False)
            patch.setattr("aggregator.toolkit.feed_items.sanitized_as_is", lambda markup: False)
            assert fast == html_and_text(markup, is_text, ["https://example.com/a/"], 4000)
