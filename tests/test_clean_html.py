"""The allow-list every HTML field passes, plain text read from HTML, and the plugin that
gives an item whose parser wrote only (sanitized) HTML its text."""

from __future__ import annotations

import functools
from typing import Any

import pytest

import aggregator.app
from aggregator import Item
from aggregator.manager import DEFAULT_PLUGINS, build_plugin_manager, new_plugin_manager
from aggregator.plugins import clean_boilerplate, clean_html
from aggregator.testing import FeedProject
from aggregator.toolkit import html as toolkit_html
from aggregator.toolkit.html import html_to_text, sanitize_html


def cleaned(html: str, text: str = "") -> Item:
    """An item as a parser makes it (HTML sanitized where it enters), then cleaned."""
    item = Item(id="x", source="s", uri="u", title="T", text=text, html=sanitize_html(html))
    clean_html.aggregator_clean_item(item)
    return item


@pytest.mark.parametrize(
    ("markup", "gone"),
    [
        ("<p>Talks<script>alert(1)</script> ended.</p>", ["script", "alert"]),
        ('<p onclick="steal()" onmouseover="x()">Talks ended.</p>', ["onclick", "onmouseover"]),
        ('<a href="javascript:alert(1)">link</a>', ["javascript:"]),
        ('<a href="JaVaScRiPt:alert(1)">link</a>', ["alert"]),
        ('<a href="data:text/html;base64,PHNjcmlwdD4=">link</a>', ["data:"]),
        ('<img src="data:image/png;base64,AAAA" onerror="x()">', ["data:", "onerror", "<img"]),
        ('<iframe src="https://evil.example/"></iframe><p>Body</p>', ["<iframe", "evil"]),
        (
            '<form action="https://evil.example/"><input name="q"><button>Go</button></form>',
            ["<form", "<input", "<button", "evil"],
        ),
        ('<style>p { color: red }</style><p style="color:red">Body</p>', ["style", "color"]),
        ('<object data="x.swf"></object><embed src="x.swf">', ["<object", "<embed", "swf"]),
        ('<svg onload="x()"><script>1</script></svg>', ["svg", "onload", "script"]),
        ('<p><a href="https://example.org/" target="_blank">ok</a></p>', ["target"]),
    ],
)
def test_dangerous_markup_is_removed(markup: str, gone: list[str]) -> None:
    item = cleaned(markup)
    for needle in gone:
        assert needle.lower() not in item.html.lower(), item.html


def test_the_plugin_does_not_sanitize_again(monkeypatch: pytest.MonkeyPatch) -> None:
    """Item.html is sanitized by the parser, where it enters; cleaning only reads it."""
    item = Item(
        id="x", source="s", uri="u", title="T", text="", html="<p>India <b>and</b> Japan</p>"
    )

    def refuse(markup: str, **options: Any) -> str:
        raise AssertionError("sanitized again")

    monkeypatch.setattr(toolkit_html.nh3, "clean", refuse)
    clean_html.aggregator_clean_item(item)
    assert (item.html, item.text) == ("<p>India <b>and</b> Japan</p>", "India and Japan")


def test_safe_markup_and_links_are_kept() -> None:
    item = cleaned('<h2>Talks</h2><p>Read <a href="https://example.org/a">the statement</a>.</p>')
    assert item.html == (
        '<h2>Talks</h2><p>Read <a href="https://example.org/a"'
        ' rel="noopener noreferrer nofollow">the statement</a>.</p>'
    )


def test_text_of_untrusted_html_leaves_out_what_is_no_content() -> None:
    markup = """<html><head><title>Page</title><script>var x = '<p>no</p>';</script>
      <style>.a { }</style></head><body>
      <nav><a href="/">Home</a> <a href="/world">World</a></nav>
      <h1>India and Japan sign a pact</h1>
      <div class="lead">The two   governments signed
        it on <b>Friday</b> &amp; said more would follow.</div>
      <p>First point.<br>Second point.</p>
      <ul><li>Semiconductors</li><li>Rare earths &ndash; and batteries</li></ul>
      <table><tr><th>Year</th><th>Trade</th></tr><tr><td>2025</td><td>$22bn</td></tr></table>
      <form><label>Email</label><input type="email"><button>Sign up</button></form>
      <iframe src="https://x.example/">frame text</iframe>
      <noscript>Enable JavaScript</noscript>
      <!-- a comment -->
      <pre>  kept   as   written  </pre>
      </body></html>"""
    assert html_to_text(markup) == (
        "India and Japan sign a pact\n\n"
        "The two governments signed it on Friday & said more would follow.\n\n"
        "First point.\nSecond point.\n\n"
        "Semiconductors\nRare earths \u2013 and batteries\n\n"
        "Year Trade\n2025 $22bn\n\n"
        "Email\n\n"
        "kept as written"
    )


def test_existing_text_is_left_alone() -> None:
    item = cleaned("<p>From the HTML.</p>", text="From the feed summary.")
    assert item.text == "From the feed summary."
    assert item.html == "<p>From the HTML.</p>"


def test_items_without_html_are_untouched() -> None:
    item = cleaned("", text="Plain text.")
    assert (item.text, item.html) == ("Plain text.", "")


def test_entities_and_nested_blocks() -> None:
    markup = "<div><div><p>caf&eacute; &lt;tag&gt; &#8220;q&#8221;</p></div></div><div>Next</div>"
    assert html_to_text(markup) == "caf\u00e9 <tag> \u201cq\u201d\n\nNext"


def test_pathological_markup_is_handled_in_linear_time() -> None:
    assert html_to_text("<div>" * 5000 + "deep" + "</div>" * 5000) == "deep"
    assert html_to_text("<b>" * 5000 + "bold" + "</b>" * 5000) == "bold"
    assert html_to_text("<label>" * 20000 + "x") == "x"


def test_runs_before_the_boilerplate_cleaner_which_cleans_the_derived_text(
    feed_project: FeedProject,
) -> None:
    config = feed_project.load().config
    pm = new_plugin_manager()
    pm.register(clean_html, name="clean_html")  # registered first, called first: tryfirst
    pm.register(clean_boilerplate, name="clean_boilerplate")
    item = Item(
        id="x",
        source="s",
        uri="u",
        title="T",
        text="",
        html="<p>The talks ended.</p><p>ADVERTISEMENT</p><p>Share this article:</p>"
        "<p>They resume in May.</p>",
    )
    pm.hook.aggregator_clean_item(item=item, config=config)
    assert item.text == "The talks ended.\n\nThey resume in May."
    assert item.html == "<p>The talks ended.</p><p>They resume in May.</p>"
    assert [removal.rule for removal in item.removed] == ["advertisement", "share prompt"]


def test_registered_order_is_tryfirst() -> None:
    impls = [impl.plugin_name for impl in _clean_impls()]
    assert impls[-1] == "clean_html"  # pluggy calls the last in this list first


def _clean_impls() -> list[Any]:
    pm = new_plugin_manager()
    pm.register(clean_html, name="clean_html")
    pm.register(clean_boilerplate, name="clean_boilerplate")
    return list(pm.hook.aggregator_clean_item.get_hookimpls())


def test_pipeline_with_an_html_item(
    feed_project: FeedProject, monkeypatch: pytest.MonkeyPatch
) -> None:
    mine = ("aggregator.plugins.clean_html", "aggregator.plugins.clean_boilerplate")
    builtins = (*DEFAULT_PLUGINS, *(name for name in mine if name not in DEFAULT_PLUGINS))
    monkeypatch.setattr(
        aggregator.app,
        "build_plugin_manager",
        functools.partial(build_plugin_manager, builtins=builtins),
    )
    feed_project.add_plugin(
        "html_items.py",
        """
        from aggregator import Item, hookimpl, stable_id
        from aggregator.toolkit.html import sanitize_html

        @hookimpl(tryfirst=True)
        def aggregator_parse(document, source):
            return [Item(id=stable_id(source.name, document.uri), source=source.name,
                         uri=document.uri, title="India and Japan sign a pact", text="",
                         html=sanitize_html(document.content.decode()))]
        """,
    )
    feed_project.add_article(
        "a.txt",
        '<p onclick="x()">The two governments signed a pact on Friday.</p>'
        "<script>steal()</script><p>Advertisement</p><p>It covers rare earths.</p>",
    )
    report = feed_project.run()
    assert report.ok, report.errors
    [item] = feed_project.items()
    assert item.text == "The two governments signed a pact on Friday.\n\nIt covers rare earths."
    assert "onclick" not in item.html and "steal" not in item.html
    assert "Advertisement" not in item.html
    [entry] = feed_project.atom_entries()
    assert "steal" not in entry["content"] and "Advertisement" not in entry["content"]
