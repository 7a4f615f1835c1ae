"""A page whose article is split into sibling ``<article>`` sections (tabs, chapters): all of it
is the content, while sibling stories (a next article loaded below) stay apart.

Written for these tests after a cause found on the development set of real pages
(``benchmarks/pages_bench.py --set wcxb``): a guide whose eight chapters a page
builder marks up as eight ``<article>`` tabs.
"""

from __future__ import annotations

from aggregator.toolkit.pages.extraction import extract_page

URL = "https://harbour.example.org/guides/ferry-travel-explained/"

CHAPTERS = [
    (
        "Timetables",
        "Crossings start half an hour earlier, so that shift workers reach the mainland",
    ),
    ("Fares", "Fares stay as they are until the spring, when the board reviews them again"),
    ("Freight", "Lorries keep their early slot, and the board adds a freight run on Fridays"),
    ("Sundays", "Island councils asked for more sailings on Sundays, when visitors come"),
]


def _chapter(n: int, title: str, sentence: str, heading: str) -> str:
    paragraphs = "".join(
        f"<p>{sentence}, the harbour board said in part {part} of its guide, which follows "
        "months of talks with island communities about the summer timetable.</p>"
        for part in range(3 if n == 0 else 2)
    )
    return f'<article class="tab" id="tab{n}"><{heading}>{title}</{heading}>{paragraphs}</article>'


def _page(heading: str) -> str:
    chapters = "".join(
        _chapter(n, title, sentence, heading) for n, (title, sentence) in enumerate(CHAPTERS)
    )
    return f"""<!DOCTYPE html><html lang="en"><head><title>Ferry travel explained</title></head>
<body><nav><a href="/">Home</a></nav><div class="guide"><h1>Ferry travel explained</h1>
<div class="intro"><p>Everything a traveller needs to know about the island ferries, in four
chapters, from the timetable to the Sunday sailings.</p></div>
<div class="chapters">{chapters}</div></div></body></html>"""


def test_sibling_article_sections_are_one_article() -> None:
    text = extract_page(_page("h2"), URL).text
    for _, sentence in CHAPTERS:
        assert sentence in text


def test_sibling_stories_with_their_own_headlines_stay_apart() -> None:
    text = extract_page(_page("h1"), URL).text
    assert CHAPTERS[0][1] in text
    assert not any(sentence in text for _, sentence in CHAPTERS[1:])
