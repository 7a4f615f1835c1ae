"""Class words that name a site's template rather than its furniture: the article survives them.

Pages written for these tests; each isolates a cause found on the development set
of real pages (``benchmarks/pages_bench.py --set wcxb``): a page builder or an editor
that wraps every block of the article, its paragraphs too, in a "widget", and an
article whose every wrapper carries a word that usually marks furniture.
"""

from __future__ import annotations

from aggregator.toolkit.pages.extraction import extract_page
from aggregator.toolkit.pages.parsing import LENIENT_BELOW, parse_page

URL = "https://harbour.example.org/2026/04/02/ferry-timetable-changes-explained/"

SECTIONS = [
    ("Mornings", "Crossings start half an hour earlier, so that shift workers reach the mainland"),
    ("Evenings", "The last return of the evening leaves at eleven, after the late shift ends"),
    ("Fares", "Fares stay as they are until the spring, when the board reviews them again"),
    ("Sundays", "Island councils asked for more sailings on Sundays, when visitors come"),
    ("Freight", "Lorries keep their early slot, and the board adds a freight run on Fridays"),
]

MENU = "".join(
    f'<div class="menu-item"><a href="/section/{n}">Section {n} of the harbour news site '
    f"with its own long description for readers</a></div>"
    for n in range(40)
)


def _widget(title: str, sentence: str) -> str:
    return (
        f'<div class="elementor-widget elementor-widget-text-editor"><h2>{title}</h2>'
        f"<p>{sentence}, the harbour board said on Tuesday in its statement about the summer "
        f"timetable, which follows months of talks with island communities.</p></div>"
    )


PAGE_BUILDER = f"""<!DOCTYPE html><html lang="en"><head><title>Ferry timetable</title></head>
<body><div class="site-menu">{MENU}</div>
<div class="elementor"><h1>Ferry timetable changes explained</h1>
{"".join(_widget(title, sentence) for title, sentence in SECTIONS)}</div>
<div class="sidebar"><p>Subscribe to the harbour newsletter for weekly news of the ferries.</p>
</div></body></html>"""


def test_a_layout_word_on_every_block_of_the_article_does_not_remove_it() -> None:
    text = extract_page(PAGE_BUILDER, URL).text
    for _, sentence in SECTIONS:
        assert sentence in text
    assert "Subscribe to the harbour newsletter" not in text


def test_a_layout_word_on_a_few_blocks_still_removes_them() -> None:
    page = PAGE_BUILDER.replace(
        '<div class="sidebar">',
        '<div class="widget-area">'
        + "".join(_widget(f"Ad {n}", "Buy boats") for n in range(1))
        + '</div><div class="sidebar">',
    ).replace('class="elementor-widget elementor-widget-text-editor"', 'class="block"')
    text = extract_page(page, URL).text
    assert SECTIONS[0][1] in text
    assert "Buy boats" not in text


SPONSORED = f"""<!DOCTYPE html><html lang="en"><head><title>Ferry timetable</title></head>
<body><div class="site-menu">{MENU}</div>
<div class="sponsor-post"><h1>Ferry timetable changes explained</h1>
{"".join(f"<p>{sentence}, the board said.</p>" for _, sentence in SECTIONS)}</div>
<div class="share-bar"><p>Share this story with your friends on every network you use.</p></div>
</body></html>"""


def test_a_page_whose_class_words_leave_no_article_is_read_again_without_them() -> None:
    page = parse_page(SPONSORED, URL)
    assert not page.class_words
    text = extract_page(page, URL).text
    for _, sentence in SECTIONS:
        assert sentence in text
    assert "Share this story" not in text  # not chosen: the article block has the paragraphs


def test_a_reading_without_class_words_is_kept_only_when_it_finds_more() -> None:
    page = parse_page(SPONSORED.replace('class="sponsor-post"', 'class="post"'), URL)
    assert page.class_words
    content = page.content()
    assert content is not None and page.stats.para[content] < LENIENT_BELOW  # nothing to gain
    text = extract_page(page, URL).text
    assert SECTIONS[4][1] in text
    assert "Share this story" not in text


CODE_POST = f"""<!DOCTYPE html><html lang="en"><head><title>A brief intro to git</title></head>
<body><div class="site-menu">{MENU}</div><main><article><h1>A brief intro to git</h1>
<p>Version control is a critical part of a developer's toolkit, whatever the size of the team,
and git is the one most teams use today, for its flexibility and its many commands.</p>
<pre><code class="language-bash"><span class="hljs-comment"># initialise a repository</span>
git init
<span class="hljs-comment"># stage every modified file</span>
git add -A
<span class="hljs-meta">$</span> git status</code></pre>
<div class="comments"><p>Great post, thanks for sharing these commands with us all!</p></div>
</article></main></body></html>"""


def test_a_syntax_highlighters_classes_do_not_remove_code() -> None:
    text = extract_page(CODE_POST, URL).text
    assert "# initialise a repository" in text
    assert "# stage every modified file" in text
    assert "$ git status" in text
    assert "Great post" not in text  # the page's own comments still go
