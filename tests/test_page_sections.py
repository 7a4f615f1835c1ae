"""The structure of an article's content: sections that are one article, teasers that are not.

Pages written for these tests after causes found on the development set of real
pages (``benchmarks/pages_bench.py --set wcxb``): a guide whose eight chapters a
page builder marks up as eight ``<article>`` tabs (all of it is the content, while
sibling stories with headlines of their own stay apart), and a carousel of
"latest posts" teaser cards inside the article's container (left out, while an
article's own sections with linked headings stay).
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


ARTICLE_BODY = "".join(
    f"<p>{sentence}, the harbour board said on Tuesday, after months of talks with island "
    "communities about the summer timetable and the fares.</p>"
    for _, sentence in CHAPTERS
)


def _card(n: int) -> str:
    return (
        f'<div class="slide"><div class="item"><figure><a href="/blog/older-story-{n}">'
        f'<img src="/story-{n}.jpg" alt=""></a></figure><h3 class="item-title">'
        f'<a href="/blog/older-story-{n}">Older harbour story number {n}</a></h3>'
        f'<div class="item-excerpt">An excerpt of older story {n}, cut short after a line or two '
        f"of its text, as teasers are...</div><div>Mar {n}, 2026</div></div></div>"
    )


def test_a_run_of_teaser_cards_inside_the_content_is_left_out() -> None:
    cards = "".join(_card(n) for n in range(1, 6))
    page = f"""<html><body><main><h1>Ferry travel explained</h1>{ARTICLE_BODY}
<h2>Latest posts</h2><div class="carousel">{cards}</div></main></body></html>"""
    text = extract_page(page, URL).text
    assert CHAPTERS[-1][1] in text
    assert "Older harbour story" not in text
    assert "An excerpt of older story" not in text


def test_sections_with_linked_headings_are_article_text() -> None:
    sections = "".join(
        f'<h3><a href="https://shop.example.com/{title.lower()}-guide">The {title} guide</a></h3>'
        f"<p>{sentence}, the harbour board said in its guide.</p>"
        for title, sentence in CHAPTERS
    )
    page = f"""<html><body><main><h1>Ferry travel explained</h1>{ARTICLE_BODY}{sections}
</main></body></html>"""
    text = extract_page(page, URL).text
    assert "The Fares guide" in text
    assert f"{CHAPTERS[2][1]}, the harbour board said in its guide." in text


def test_image_captions_and_credits_are_left_out() -> None:
    figure = (
        '<figure><img src="/quay.jpg" alt="The east quay"><figcaption>The east quay at dawn.'
        "Harbour Board / Photo Agency</figcaption></figure>"
    )
    page = f"""<html><body><main><h1>Ferry travel explained</h1>{ARTICLE_BODY}{figure}
<p>Island councils welcomed the change, although some asked for more sailings.</p>
</main></body></html>"""
    text = extract_page(page, URL).text
    assert "Island councils welcomed the change" in text
    assert "east quay" not in text
    assert "Photo Agency" not in text
