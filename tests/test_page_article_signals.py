"""Article pages that were refused, cut short or mis-read: each cause on a small page of its own.

The pages are written for these tests; each isolates one cause found on real
article pages (links in running prose taken for teaser links, body text split
by ``<br>`` rather than ``<p>``, a class word on the block that holds the
article, word counts of Japanese and Chinese text).
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from aggregator import Document, SourceConfig
from aggregator.plugins.page_parser import aggregator_parse
from aggregator.toolkit.pages.extraction import count_words, extract_page
from aggregator.toolkit.pages.listings import looks_like_listing

URL = "https://harbour.example.org/2026/04/02/ferry-timetable-changes-explained/"
SAVED = "pages/ferry-timetable.html"
"""A saved page's path: relative links do not resolve against it."""

PROSE_LINKS = [
    ("/2026/03/28/ferry-operator-reports-record-winter", "a record winter"),
    ("https://other.example.net/2026/03/30/port-authority-budget-approved", "its budget"),
    ("/2026/03/12/new-terminal-opens-on-the-east-quay", "the new terminal"),
    ("/2026/02/20/crew-shortage-hits-island-routes", "shortage of crews"),
    ("https://third.example.com/2026/01/15/regional-transport-plan-published", "regional plan"),
    ("/2026/01/03/winter-storms-cancel-crossings", "storms in January"),
    ("/2025/12/09/fares-to-rise-next-spring", "fares would rise"),
    ("/2025/11/21/island-councils-ask-for-more-sailings", "asked for more sailings"),
    ("/2025/10/30/older-ferries-to-be-retired-early", "retired early"),
]


def _prose_paragraphs() -> str:
    sentences = []
    for href, words in PROSE_LINKS:
        sentences.append(
            "<p>The harbour board said on Tuesday that the summer timetable would change, "
            f'a decision that follows <a href="{href}">{words}</a> and months of talks with '
            "island communities, who had asked for earlier morning crossings and later "
            "evening returns so that workers could commute.</p>"
        )
    return "\n".join(sentences)


def _page(head: str, body: str) -> str:
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Ferry timetable changes explained - Harbour News</title>{head}</head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>{body}
<footer><a href="/about">About us</a></footer></body></html>"""


ARTICLE_WITH_PROSE_LINKS = _page(
    "",
    f"""<div class="layout"><article class="story">
<h1>Ferry timetable changes explained</h1>
<div class="story-body"><div class="story-text">{_prose_paragraphs()}</div></div>
</article></div>""",
)


TEASERS = "\n".join(
    f'<article class="card"><h3><a href="/2026/04/0{n}/harbour-story-number-{n}-headline">'
    f"Harbour story number {n} has a headline</a></h3><p>A short teaser of the story.</p>"
    "</article>"
    for n in range(1, 10)
)
LISTING = _page("", f'<main><h1>Latest harbour news</h1><div class="cards">{TEASERS}</div></main>')


@pytest.mark.parametrize("url", [URL, SAVED])
def test_links_in_running_prose_do_not_make_an_article_a_listing(url: str) -> None:
    assert not looks_like_listing(ARTICLE_WITH_PROSE_LINKS, url)


@pytest.mark.parametrize("url", [URL, SAVED])
def test_a_page_of_teaser_cards_is_still_a_listing(url: str) -> None:
    assert looks_like_listing(LISTING, url)


TEASER_ROWS = "\n".join(
    f'<div class="row"><h3><a href="/2026/04/0{n}/harbour-story-number-{n}-headline">'
    f"Harbour story number {n} has a headline</a></h3><p>Teaser {n}.</p></div>"
    for n in range(1, 10)
)
DECLARED_ARTICLE = _page(
    '<meta property="og:type" content="article">',
    f"""<div class="main"><h1>Ferry timetable changes explained</h1>
<div class="text"><p>The harbour board changed the summer timetable after months of talks with
island communities, who had asked for earlier crossings in the morning and later returns in the
evening so that workers and pupils could travel every day of the week.</p>
<p>Some sailings move by a quarter of an hour; two new ones are added on Fridays.</p></div>
<div class="more">{TEASER_ROWS}</div></div>""",
)


@pytest.mark.parametrize("url", [URL, SAVED])
def test_a_declared_article_is_not_refused_for_its_teaser_links(url: str) -> None:
    assert not looks_like_listing(DECLARED_ARTICLE, url)


BR_BODY = (
    "The harbour board said on Tuesday that the summer timetable would change, "
    "after months of talks with island communities.<br><br>"
    "Crossings will start half an hour earlier in the morning, and the last return of the "
    "evening will leave at eleven, so that shift workers can get home.<br><br>"
    "<center><em>The east quay at dawn</em></center><br>"
    "Fares stay as they are until the spring, when the board will review them again, "
    "it said in a statement.<br><br>"
    "Island councils welcomed the change, although some asked for more sailings on Sundays, "
    "when visitors come for the day."
)
BR_ARTICLE = _page(
    '<meta property="og:type" content="article">',
    f"""<div class="page"><div class="article"><h1>Ferry timetable changes explained</h1>
<div class="content">{BR_BODY}</div></div>
<div class="sidebar"><h4><a href="/2026/04/01/first-related-story-about-ferries">First related
story about ferries</a></h4><h4><a href="/2026/04/01/second-related-story-about-ferries">Second
related story about ferries</a></h4><h4><a href="/2026/04/01/third-related-story-about-boats">
Third related story about boats</a></h4><h4><a href="/2026/04/01/fourth-story-about-harbours">
Fourth story about harbours</a></h4><h4><a href="/2026/04/01/fifth-story-about-island-life">
Fifth story about island life</a></h4><h4><a href="/2026/04/01/sixth-story-about-the-quay">
Sixth story about the quay</a></h4><h4><a href="/2026/04/01/seventh-story-about-fares">
Seventh story about fares</a></h4><h4><a href="/2026/04/01/eighth-story-about-crews">
Eighth story about crews</a></h4><p class="credit">Photos by the harbour board, all rights
reserved, used with permission of the board and its photographers.</p></div></div>""",
)


@pytest.mark.parametrize("url", [URL, SAVED])
def test_body_text_split_by_br_counts_as_paragraphs(url: str) -> None:
    assert not looks_like_listing(BR_ARTICLE, url)
    text = extract_page(BR_ARTICLE, url).text
    assert "Crossings will start half an hour earlier" in text
    assert "Island councils welcomed the change" in text
    assert "related story" not in text


BARE_TEXT_ARTICLE = _page(
    "",
    """<div class="wrap"><h1>Ferry timetable changes explained</h1>
<div itemprop="articleBody">The harbour board said on Tuesday that the summer timetable would
change, after months of talks with island communities who asked for earlier crossings.
<div class="inline-picture"><img src="/quay.jpg" alt=""></div>
Crossings will start half an hour earlier in the morning, and the last return of the evening
will leave at eleven, so that shift workers can get home, the board said in its statement.
</div></div>
<div class="bottom"><p>Harbour News is published by the Harbour News Company.</p>
<p>All rights reserved. No part of this site may be copied without permission.</p>
<p>Write to the editors at the harbour office, any weekday between nine and five.</p></div>""",
)


def test_bare_text_in_the_article_body_is_the_content() -> None:
    text = extract_page(BARE_TEXT_ARTICLE, URL).text
    assert "last return of the evening" in text
    assert "All rights reserved" not in text


WORDPRESS_POST = _page(
    "",
    f"""<div id="primary"><div class="post-7 post type-post category-media-and-advertising-news
hentry"><h1>Ferry timetable changes explained</h1>{_prose_paragraphs()}</div>
<div class="ad-slot">Advertisement</div></div>""",
)

BLOGGER_POST = _page(
    "",
    f"""<div class="main"><div class="widget Blog" id="Blog1"><div class="post">
<h3 class="post-title">Ferry timetable changes explained</h3>
<div class="post-body">{BR_BODY}</div></div></div>
<div class="widget Label"><h2>Labels</h2><ul><li><a href="/search/label/boats">boats</a></li>
</ul></div></div>""",
)


@pytest.mark.parametrize("page", [WORDPRESS_POST, BLOGGER_POST], ids=["advertising", "widget"])
def test_a_class_word_does_not_remove_the_block_holding_the_article(page: str) -> None:
    text = extract_page(page, URL).text
    assert "summer timetable would change" in text
    assert "Advertisement" not in text


JAPANESE = (
    "港湾局は火曜日、夏の時刻表を変更すると発表した。島の住民との数か月にわたる話し合いを受けた"
    "もので、朝の便は三十分早く出発し、夜の最終便は十一時に出る。運賃は春まで据え置かれる。"
)


def test_japanese_text_counts_words_by_characters() -> None:
    assert len(JAPANESE.split()) < 5
    assert count_words(JAPANESE) >= 40
    assert count_words("Ferries leave earlier.") == 3
    assert count_words("2026年4月 ferries") == 4  # "2026", "4", "年月" and "ferries"


def test_a_japanese_article_becomes_an_item() -> None:
    page = _page(
        '<meta property="og:type" content="article">',
        f"<article><h1>時刻表の変更</h1><p>{JAPANESE}</p><p>{JAPANESE[:60]}</p></article>",
    )
    document = Document(
        source="pages",
        uri=URL,
        content=page.encode(),
        media_type="text/html",
        fetched_at=datetime(2026, 4, 2, tzinfo=UTC),
    )
    source = SourceConfig(name="pages", type="files", options={}, base_dir=Path("."))
    items = aggregator_parse(document, source)
    assert items is not None and len(items) == 1
