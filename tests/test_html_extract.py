from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from aggregator.toolkit.pages.decoding import decode_html
from aggregator.toolkit.pages.discovery import find_article_links, find_feed_links
from aggregator.toolkit.pages.extraction import PageArticle, extract_page, html_text
from aggregator.toolkit.pages.listings import looks_like_listing
from aggregator.toolkit.pages.parsing import parse_page

IST = timezone(timedelta(hours=5, minutes=30))
URL = "https://gazette.example.com/world/asia/tokyo-delhi-rail-financing?ref=home"
CANONICAL = "https://gazette.example.com/world/asia/tokyo-delhi-rail-financing"

BODY = """
<p>India and Japan signed a financing agreement on Wednesday for a second high-speed rail
corridor, officials in both capitals said, extending a partnership that began with the
Mumbai–Ahmedabad line.</p>
<p>The loan, worth about 400 billion yen, carries a 40-year repayment period and an interest
rate of 0.1 percent, according to a statement from the Japanese embassy in New Delhi.</p>
<div class="ad-slot ad-inline">Advertisement</div>
<h2>Why the corridor matters</h2>
<p>Planners say the new line would cut travel time between the two cities to under three
hours, and would be built with Japanese signalling technology and rolling stock.</p>
<ul><li>Construction is due to start in 2027.</li><li>The first trains could run by 2033.</li></ul>
<blockquote><p>“This is a long-term bet on connectivity,” a senior official said.</p></blockquote>
<p>Critics, however, have questioned the cost of land acquisition and the pace of the first
project, which has faced <a href="/world/asia/bullet-train-delay-explained">repeated delays</a>.</p>
"""

NEWS_PAGE = f"""<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>Tokyo and New Delhi agree on rail deal | The Harbour Gazette</title>
<meta name="description" content="The two governments signed a financing agreement for a second
 high-speed line.">
<meta property="og:title" content="Tokyo and New Delhi agree on high-speed rail financing">
<meta property="og:site_name" content="The Harbour Gazette">
<meta property="og:type" content="article">
<meta property="og:image" content="/img/2026/rail-signing.jpg">
<meta name="author" content="https://www.facebook.com/harbourgazette">
<link rel="canonical" href="/world/asia/tokyo-delhi-rail-financing">
<link rel="stylesheet" href="/css/site.css">
<script type="application/ld+json">
{{"@context": "https://schema.org", "@graph": [
  {{"@type": "Organization", "@id": "https://gazette.example.com/#org",
    "name": "The Harbour Gazette"}},
  {{"@type": "WebPage", "@id": "{CANONICAL}#page", "datePublished": "2020-01-01"}},
  {{"@type": "Person", "@id": "https://gazette.example.com/#asha", "name": "Asha Menon"}},
  {{"@type": ["NewsArticle"], "headline": "Rail financing deal agreed",
    "datePublished": "2026-02-18T09:30:00+05:30", "dateModified": "2026-02-18T14:05:00+05:30",
    "author": [{{"@id": "https://gazette.example.com/#asha"}},
               {{"@type": "Person", "name": "Kenji Sato"}}],
    "publisher": {{"@id": "https://gazette.example.com/#org"}},
    "inLanguage": "en-GB"}}
]}}
</script>
<script>window.analytics = {{track: function () {{}}}};</script>
<style>.story-body p {{ line-height: 1.5 }}</style>
</head>
<body class="single-story has-comments">
<div id="cookie-banner" class="cookie-consent">We use cookies to make this site work and to
measure how it is used. <a href="/privacy">Read our cookie policy</a> <button>Accept all</button>
</div>
<header class="site-header">
  <a href="/" class="logo">The Harbour Gazette</a>
  <nav class="main-nav"><ul>
    <li><a href="/world">World</a></li><li><a href="/business">Business</a></li>
    <li><a href="/sport">Sport</a></li><li><a href="/opinion">Opinion and analysis</a></li>
  </ul></nav>
  <div class="mega-menu"><a href="/world/asia">Asia</a> <a href="/world/europe">Europe</a></div>
</header>
<div class="breadcrumbs"><a href="/">Home</a> › <a href="/world">World</a> › Asia</div>
<main id="main">
<article class="story">
  <header class="story-header">
    <h1>Tokyo and New Delhi agree on high-speed rail financing</h1>
    <p class="byline">By <a rel="author" href="/authors/asha-menon">Asha Menon</a>
       and Kenji Sato</p>
    <time datetime="2026-02-18T09:30:00+05:30">18 February 2026, 9:30 IST</time>
  </header>
  <div class="share-bar">
    <a href="https://twitter.com/intent/tweet?url=x">Share on X</a>
    <a href="https://www.facebook.com/sharer/sharer.php?u=x">Share on Facebook</a>
  </div>
  <div class="story-body">{BODY}</div>
  <div class="newsletter-signup"><p>Get the morning briefing delivered to your inbox every
  day, free of charge.</p><form><input type="email"><button>Subscribe</button></form></div>
  <section class="related-stories"><h3>Related stories</h3><ul>
    <li><a href="/world/asia/bullet-train-delay-explained">Why the bullet train is late and
    what it means for the rest of the programme</a></li>
  </ul></section>
</article>
<section id="comments" class="comments">
  <h3>12 comments</h3>
  <div class="comment"><span class="comment-author">By RailFan99</span>
  <p>Great news for both countries, finally some progress on this long-awaited project
  after years of talk, delays and endless studies by consultants.</p></div>
</section>
</main>
<aside class="sidebar"><h3>Most read</h3><ol>
  <li><a href="/world/europe/ports-strike-enters-third-week">Ports strike enters third week as
  talks stall again</a></li></ol></aside>
<footer class="site-footer"><p>© 2026 The Harbour Gazette. All rights reserved. Registered in
England and Wales.</p><a href="/about">About us</a></footer>
</body></html>
"""


@pytest.fixture(scope="module")
def news() -> PageArticle:
    return extract_page(NEWS_PAGE.encode("utf-8"), URL)


class TestNewsArticle:
    def test_title_prefers_og_title(self, news: PageArticle) -> None:
        assert news.title == "Tokyo and New Delhi agree on high-speed rail financing"

    def test_dates_from_json_ld_in_graph(self, news: PageArticle) -> None:
        assert news.published == datetime(2026, 2, 18, 9, 30, tzinfo=IST)
        assert news.updated == datetime(2026, 2, 18, 14, 5, tzinfo=IST)
        assert news.published is not None and news.published.tzinfo is not None

    def test_authors_from_json_ld_references(self, news: PageArticle) -> None:
        assert news.authors == ["Asha Menon", "Kenji Sato"]

    def test_page_metadata(self, news: PageArticle) -> None:
        assert news.canonical_url == CANONICAL
        assert news.site_name == "The Harbour Gazette"
        assert news.image_url == "https://gazette.example.com/img/2026/rail-signing.jpg"
        assert news.language == "en-GB"
        assert news.summary == (
            "The two governments signed a financing agreement for a second high-speed line."
        )

    def test_text_is_the_article_only(self, news: PageArticle) -> None:
        paragraphs = news.text.split("\n\n")
        assert paragraphs[0].startswith("India and Japan signed a financing agreement")
        assert paragraphs[0].endswith("Mumbai–Ahmedabad line.")
        assert paragraphs[-1].endswith("which has faced repeated delays.")
        assert "Why the corridor matters" in paragraphs
        assert (
            "Construction is due to start in 2027.\nThe first trains could run by 2033."
            in paragraphs
        )
        for junk in (
            "cookies", "World", "Share on", "Advertisement", "morning briefing", "Related",
            "RailFan99", "Most read", "All rights reserved", "Home", "By Asha", "18 February",
            "Tokyo and New Delhi agree",
        ):  # fmt: skip
            assert junk not in news.text, junk

    def test_html_is_sanitized_structure(self, news: PageArticle) -> None:
        assert news.html.startswith("<p>India and Japan signed")
        assert "<h2>Why the corridor matters</h2>" in news.html
        assert "<ul><li>Construction is due to start in 2027.</li>" in news.html
        assert "<blockquote><p>“This is a long-term bet" in news.html
        assert 'href="https://gazette.example.com/world/asia/bullet-train-delay-explained"' in (
            news.html
        )
        for tag in ("<div", "<article", "<header", "<script", "<style", "class=", "<h1"):
            assert tag not in news.html

    def test_not_a_listing(self) -> None:
        assert not looks_like_listing(NEWS_PAGE, URL)

    def test_parsed_page_is_reused(self) -> None:
        page = parse_page(NEWS_PAGE, URL)
        first = extract_page(page, URL)
        assert not looks_like_listing(page, URL)
        assert extract_page(page, URL) == first
        assert find_feed_links(page, URL) == []


class TestMetadataFallbacks:
    def test_page_with_only_a_title(self) -> None:
        page = "<html><head><title>Quiet day at the port | Harbour Gazette</title></head></html>"
        article = extract_page(page, "https://gazette.example.com/quiet")
        assert article.title == "Quiet day at the port"
        assert article.text == ""
        assert article.html == ""
        assert article.summary == ""
        assert article.published is None and article.updated is None
        assert article.authors == []
        assert article.canonical_url is None and article.site_name is None
        assert article.image_url is None and article.language is None

    @pytest.mark.parametrize(
        ("title", "site", "expected"),
        [
            ("Ports reopen after storm - Coastal Times", "", "Ports reopen after storm"),
            (
                "Coastal Times | Ports reopen after storm",
                "Coastal Times",
                "Ports reopen after storm",
            ),
            ("Ports reopen after storm | Business | Coastal Times", "", "Ports reopen after storm"),
            ("Japan - India relations", "", "Japan - India relations"),
            ("Ports reopen after storm", "", "Ports reopen after storm"),
        ],
    )
    def test_title_tag_loses_its_site_name(self, title: str, site: str, expected: str) -> None:
        site_meta = f'<meta property="og:site_name" content="{site}">' if site else ""
        page = f"<html><head><title>{title}</title>{site_meta}</head><body></body></html>"
        assert extract_page(page, "https://example.com/a").title == expected

    def test_og_title_that_is_only_the_site_name_is_ignored(self) -> None:
        page = (
            '<html><head><meta property="og:title" content="Coastal Times">'
            '<meta property="og:site_name" content="Coastal Times"></head><body>'
            "<h1>Storm closes the northern harbour</h1></body></html>"
        )
        assert extract_page(page, "https://example.com/a").title == (
            "Storm closes the northern harbour"
        )

    def test_h1_before_title_tag(self) -> None:
        page = (
            "<html><head><title>Home | Coastal Times</title></head><body>"
            "<h1>Storm closes the northern harbour</h1><p>Short.</p></body></html>"
        )
        assert extract_page(page, "https://example.com/a").title == (
            "Storm closes the northern harbour"
        )

    def test_meta_dates_authors_and_time_element(self) -> None:
        page = """<html><head>
        <meta property="article:published_time" content="2026-03-02T08:00:00Z">
        <meta name="parsely-pub-date" content="2025-01-01T00:00:00Z">
        <meta property="article:author" content="https://example.com/people/ravi">
        <meta name="author" content="Ravi Kumar, Mei Tanaka">
        </head><body><article><p>Body text.</p>
        <time datetime="2026-03-03T10:00:00+09:00" class="updated">3 March</time></article>
        </body></html>"""
        article = extract_page(page, "https://example.com/a")
        assert article.published == datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
        assert article.updated == datetime(2026, 3, 3, 1, 0, tzinfo=UTC)
        assert article.authors == ["Ravi Kumar", "Mei Tanaka"]

    def test_news_style_date_strings_and_time_in_article(self) -> None:
        page = """<html><head><meta name="pubdate" content="Feb 17, 2026 10:32 AM IST">
        </head><body><article><p>Text.</p></article></body></html>"""
        published = extract_page(page, "https://example.com/a").published
        assert published == datetime(2026, 2, 17, 10, 32, tzinfo=IST)
        page = """<html><body><aside><time datetime="2019-01-01">old</time></aside>
        <article><h1>Ferry service resumes</h1><time datetime="2026-01-05">5 Jan</time>
        <p>Text.</p></article></body></html>"""
        assert extract_page(page, "https://example.com/a").published == datetime(
            2026, 1, 5, tzinfo=UTC
        )

    def test_byline_class_and_rel_author(self) -> None:
        page = """<html><body><article><div class="article-byline">By PRIYA NAIR and Tom
        Hughes</div><p>Text of the story that is long enough.</p></article>
        <div class="comments"><span class="author">Troll</span></div></body></html>"""
        assert extract_page(page, "https://example.com/a").authors == ["Priya Nair", "Tom Hughes"]
        page = """<html><body><p>Posted by <a rel="author" href="/u/lee">Lee Min</a></p>
        </body></html>"""
        assert extract_page(page, "https://example.com/a").authors == ["Lee Min"]

    def test_broken_json_ld_is_ignored(self) -> None:
        page = """<html><head><script type="application/ld+json">{"@type": "NewsArticle",
        "headline": }</script><script type="application/ld+json"><!--
        {"@type": "BlogPosting", "headline": "Harbour notes", "author": "Sam Ito"} -->
        </script></head><body></body></html>"""
        article = extract_page(page, "https://example.com/a")
        assert article.title == "Harbour notes"
        assert article.authors == ["Sam Ito"]

    def test_json_ld_article_body_when_the_page_has_no_text(self) -> None:
        body = " ".join(f"Sentence number {n} of the story." for n in range(12))
        page = f"""<html><head><script type="application/ld+json">
        {{"@type": "NewsArticle", "headline": "Rendered by script", "articleBody": "{body}"}}
        </script></head><body><div id="app"></div></body></html>"""
        article = extract_page(page, "https://example.com/a")
        assert article.text == body
        assert article.html == f"<p>{body}</p>"


class TestMainContent:
    def test_text_density_without_article_markup(self) -> None:
        paragraphs = "".join(
            f"<p>Paragraph {n} of the report, with a clause, and another one, to read.</p>"
            for n in range(6)
        )
        links = "".join(f'<li><a href="/s/{n}">Section {n}</a></li>' for n in range(30))
        page = f"""<html><body>
        <div id="top"><ul>{links}</ul></div>
        <div id="wrap"><div class="col-a"><div class="txt">{paragraphs}</div></div>
        <div class="col-b"><p>Short promo text here.</p><ul>{links}</ul></div></div>
        </body></html>"""
        article = extract_page(page, "https://example.com/a")
        assert article.text.split("\n\n") == [
            f"Paragraph {n} of the report, with a clause, and another one, to read."
            for n in range(6)
        ]

    def test_body_split_across_sections_is_kept_whole(self) -> None:
        part = "<p>A paragraph long enough to count as running text, with commas, here.</p>"
        page = f"""<html><body><div class="post"><div class="part">{part * 3}</div>
        <div class="inline-promo">Promoted content</div>
        <div class="part">{part * 3}</div></div></body></html>"""
        article = extract_page(page, "https://example.com/a")
        assert len(article.text.split("\n\n")) == 6

    def test_comments_marked_up_as_articles_stay_out(self) -> None:
        text = "<p>The harbour board, meeting on Tuesday, approved the new berth plan.</p>"
        page = f"""<html><body><article><h1>Harbour board approves berth plan</h1>{text * 4}
        </article><section><h2>Readers respond</h2>
        <article><p>{"I have lived by this harbour for years, and it needs work. " * 4}</p>
        </article><article><p>{"The plan is too expensive, in my view, by far. " * 4}</p>
        </article></section></body></html>"""
        article = extract_page(page, "https://example.com/a")
        assert (
            article.text.split("\n\n")
            == ["The harbour board, meeting on Tuesday, approved the new berth plan."] * 4
        )

    def test_loose_text_and_line_breaks_become_paragraphs(self) -> None:
        page = """<html><body><div class="content">First paragraph of loose text that sits
        in a div, long enough to count.<br><br>Second paragraph after a double break, also
        long enough.<br>With a line break.<div>A nested block with more text in it, which
        should end up in a paragraph of its own.</div></div></body></html>"""
        article = extract_page(page, "https://example.com/a")
        assert article.html.startswith("<p>First paragraph of loose text")
        assert article.text.split("\n\n") == [
            "First paragraph of loose text that sits in a div, long enough to count.",
            "Second paragraph after a double break, also long enough.\nWith a line break.",
            "A nested block with more text in it, which should end up in a paragraph of its own.",
        ]

    def test_asp_net_form_wrapping_the_page_is_not_removed(self) -> None:
        text = "<p>The council approved the harbour budget, after a long debate, today.</p>" * 5
        page = f"""<html><body><form id="aspnetForm"><div class="menu"><a href="/">Home</a>
        </div><div id="story">{text}</div></form></body></html>"""
        article = extract_page(page, "https://example.com/a")
        assert article.text.count("harbour budget") == 5
        assert "Home" not in article.text

    def test_data_table_kept_layout_table_unwrapped(self) -> None:
        page = """<html><body><table><tr><td><p>Layout tables used to hold whole pages, with
        paragraphs, like this one.</p><table><tr><th>Year</th><th>Trade</th></tr>
        <tr><td>2025</td><td>22.8</td></tr></table></td></tr></table></body></html>"""
        article = extract_page(page, "https://example.com/a")
        assert article.html.startswith("<p>Layout tables")
        assert "<table><tbody><tr><th>Year</th><th>Trade</th></tr><tr><td>2025</td>" in article.html
        assert article.text.endswith("Year Trade\n2025 22.8")

    def test_xss_is_removed(self) -> None:
        page = """<html><body><article>
        <p>The minister spoke <script>alert('x')</script>at length about trade, ports and
        shipping <img src="x" onerror="alert(1)"> for an hour.</p>
        <p onclick="steal()">Read <a href="javascript:alert(1)">the statement</a> or
        <a href="JaVaScRiPt:alert(2)">the annex</a> or <a href="data:text/html,hi">this</a>
        or <a href="/docs/statement">the full text</a>.</p>
        <iframe src="https://evil.example/"></iframe>
        <p style="color:red" class="x"><svg onload="alert(3)"></svg>More text follows here,
        safely, <object data="x.swf"></object>with <b onmouseover="x()">bold</b> words.</p>
        </article></body></html>"""
        article = extract_page(page, "https://gazette.example.com/a/b")
        lowered = article.html.lower()
        for bad in ("script", "alert", "onerror", "onclick", "javascript", "iframe", "svg",
                    "object", "style", "data:", "onmouseover", "<img", "class="):  # fmt: skip
            assert bad not in lowered, bad
        assert '<a href="https://gazette.example.com/docs/statement"' in article.html
        assert "<b>bold</b>" in article.html
        assert "Read the statement or the annex or this or the full text." in article.text

    def test_deeply_nested_page(self) -> None:
        depth = 1500
        page = (
            "<html><body>" + "<div>" * depth
            + "<p>Deep paragraph text that still counts as running text, with commas.</p>" * 3
            + "</div>" * depth + "</body></html>"
        )  # fmt: skip
        article = extract_page(page, "https://example.com/a")
        assert article.text.count("Deep paragraph") == 3

    def test_large_page_is_linear(self) -> None:
        # About 2 MB: an inline script, a sidebar of 4,000 links, 4,000 paragraphs of
        # article and 8,000 teaser links. Every pass is linear, so this takes well under
        # a second (not timed here: timing tests are flaky).
        script = "<script>var data = [" + "[1, 2, 3], " * 70_000 + "0];</script>"
        links = "".join(f'<li><a href="/x/{n}">Link {n}</a></li>' for n in range(4000))
        body = "".join(
            f"<p>Paragraph {n} tells of ships, ports and trade, with numbers like {n * 7}.</p>"
            for n in range(4000)
        )
        teasers = "".join(
            f"<div class='teaser'><a href='/world/story-{n}'>{'word ' * 8}</a></div>"
            for n in range(8000)
        )
        page = (
            f"<html><head>{script}</head><body><div class='sidebar'><ul>{links}</ul></div>"
            f"<div class='body'>{body}</div>{teasers}</body></html>"
        )
        assert len(page) > 1_900_000
        parsed = parse_page(page.encode(), "https://example.com/a")
        assert not looks_like_listing(parsed, "https://example.com/a")
        article = extract_page(parsed, "https://example.com/a")
        assert article.text.count("\n\n") == 3999
        assert "word" not in article.text and "Link" not in article.text


class TestDecoding:
    def test_cp1252_declared_by_meta(self) -> None:
        text = (
            "<html><head><meta http-equiv='Content-Type' content='text/html; charset=windows-1252'>"
            "<title>Café talks – “progress”</title></head><body><p>Naïve résumé — €5 fee.</p>"
            "</body></html>"
        )
        article = extract_page(text.encode("cp1252"), "https://example.com/a")
        assert article.title == "Café talks – “progress”"
        assert article.text == "Naïve résumé — €5 fee."

    def test_latin1_label_means_cp1252(self) -> None:
        content = "<meta charset=iso-8859-1><p>“Quoted” – dash</p>".encode("cp1252")
        assert "“Quoted” – dash" in decode_html(content)

    def test_bom_and_transport_hint(self) -> None:
        assert decode_html("<p>Ünïcode</p>".encode("utf-8-sig")) == "<p>Ünïcode</p>"
        assert decode_html("<p>Ünïcode</p>".encode("utf-16")) == "<p>Ünïcode</p>"
        assert decode_html("<p>Čeština</p>".encode("iso-8859-2"), "iso-8859-2") == (
            "<p>Čeština</p>"
        )

    def test_wrong_declaration_falls_back(self) -> None:
        content = "<meta charset='utf-8'><p>Ol\u00e1 – ok</p>".encode("cp1252")
        assert "Olá – ok" in decode_html(content)
        content = "<meta charset='no-such-codec'><p>Olá</p>".encode()
        assert "Olá" in decode_html(content, "also-unknown")

    def test_transport_latin1_yields_to_page_declaration(self) -> None:
        content = "<meta charset='utf-8'><p>Olá</p>".encode()
        assert "Olá" in decode_html(content, "ISO-8859-1")

    def test_xml_declaration_and_empty_input(self) -> None:
        page = '<?xml version="1.0" encoding="utf-8"?><html><body><p>Olá</p></body></html>'
        assert extract_page(page, "https://example.com/").text == "Olá"
        assert extract_page(page.encode(), "https://example.com/").text == "Olá"
        assert extract_page(b"", "https://example.com/") == PageArticle()
        assert extract_page("   ", "https://example.com/") == PageArticle()


class TestUrls:
    PAGE = """<html><head><base href="https://cdn.example.net/news/2026/">
    <meta property="og:url" content="story.html?x=1">
    <meta property="og:image" content="javascript:alert(1)">
    <meta name="twitter:image" content="//img.example.net/a.png">
    </head><body><article>
    <p>Relative links resolve against the base: <a href="story-two.html">two</a>,
    <a href="../archive/three.html">three</a>, <a href="/root/four">four</a>,
    <a href="mailto:desk@example.com">mail</a>, <a href="ftp://example.com/f">ftp</a>,
    <a href="#note">note</a>.</p></article></body></html>"""

    def test_relative_links_resolve_against_base(self) -> None:
        article = extract_page(self.PAGE, "https://example.com/somewhere/page")
        assert article.canonical_url == "https://cdn.example.net/news/2026/story.html?x=1"
        assert article.image_url == "https://img.example.net/a.png"
        hrefs = [
            "https://cdn.example.net/news/2026/story-two.html",
            "https://cdn.example.net/news/archive/three.html",
            "https://cdn.example.net/root/four",
        ]
        for href in hrefs:
            assert f'<a href="{href}"' in article.html
        assert article.html.count("<a ") == 3
        assert "mail, ftp, note." in article.text

    def test_without_base_the_page_url_is_used(self) -> None:
        page = self.PAGE.replace('<base href="https://cdn.example.net/news/2026/">', "")
        article = extract_page(page, "https://example.com/somewhere/page")
        assert '<a href="https://example.com/somewhere/story-two.html"' in article.html
        assert article.canonical_url == "https://example.com/somewhere/story.html?x=1"


class TestFeedLinks:
    def test_autodiscovery(self) -> None:
        page = """<html><head>
        <link rel="alternate" type="application/rss+xml" title="RSS" href="/feed.rss">
        <link rel="stylesheet" type="text/css" href="/site.css">
        <link rel="alternate" hreflang="ja" type="text/html" href="/ja/">
        <link rel="Alternate" type="application/atom+xml; charset=utf-8" href="atom.xml">
        <link rel="alternate" type="application/rss+xml" href="https://example.com/feed.rss">
        <link rel="alternate" type="application/feed+json" href="//feeds.example.com/j.json">
        <link rel="alternate" type="application/json" href="/wp-json/wp/v2/posts/12">
        <link rel="alternate" type="application/rss+xml" href="javascript:void(0)">
        <link rel="alternate" type="application/rss+xml">
        <link rel="alternate stylesheet" type="text/css" href="/dark.css">
        <link rel="icon" type="image/png" href="/favicon.png">
        </head><body><a href="/other.rss" type="application/rss+xml">rss</a></body></html>"""
        assert find_feed_links(page, "https://example.com/news/") == [
            "https://example.com/feed.rss",
            "https://example.com/news/atom.xml",
            "https://feeds.example.com/j.json",
            "https://example.com/wp-json/wp/v2/posts/12",
        ]

    def test_no_feeds(self) -> None:
        assert find_feed_links("<p>nothing</p>", "https://example.com/") == []


LISTING_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Asia | The Harbour Gazette</title>
<meta property="og:type" content="website">
</head>
<body>
<header class="site-header"><nav>
  <a href="/">Home</a> <a href="/world/asia">Asia</a>
  <a href="/world/asia/nav-feature-about-the-region-today">Nav feature about the region</a>
</nav></header>
<div class="cookie-notice">We use cookies. <a href="/cookie-policy">Cookie policy</a></div>
<main>
<h1>Asia</h1>
<section class="lead">
  <article class="card card--lead"><header><h2>
    <a href="/world/asia/tokyo-delhi-rail-financing">Tokyo and New Delhi agree on rail financing</a>
  </h2></header>
  <p>The two governments signed a financing agreement for a second high-speed line.</p>
  <footer><a href="/authors/asha-menon" rel="author">Asha Menon</a>
  <a href="/tag/rail">rail</a></footer></article>
</section>
<section class="grid">
  <article class="card"><h3><a href="/2026/02/17/quad-ministers-meet-in-manila">Quad
  ministers meet in Manila</a></h3><p>Talks focused on maritime security.</p></article>
  <article class="card"><h3><a href="/world/asia/semiconductor-pact-signed">Chip pact
  signed</a></h3><p>A new supply chain agreement.</p></article>
  <article class="card"><h3><a href="/news/article/4417821">Yen slides</a></h3>
  <p>Currency markets were volatile.</p></article>
  <div class="promo-block"><h3><a href="/world/asia/monsoon-forecast-revised-upward">Monsoon
  forecast revised upward</a></h3></div>
  <article class="card"><h3><a href="/world/asia/exchange-programme-expands#comments">Student
  exchange programme expands</a></h3>
  <a href="/world/asia/exchange-programme-expands">Read more</a>
  <a href="/world/asia/exchange-programme-expands?share=twitter">Share</a></article>
  <article class="card"><h3><a href="https://partner.example.org/asia/partner-story-on-trade">
  Partner story on trade</a></h3></article>
  <article class="card"><h3><a href="https://gazette.example.com/world/asia/pm-visit-ends">
  Prime minister's visit ends in Osaka</a></h3></article>
</section>
<div class="pagination"><a href="/world/asia/page/2">Next page</a></div>
<ul class="topic-list"><li><a href="/topics/india-japan">India–Japan</a></li>
<li><a href="/category/asia-pacific-region-news">Asia-Pacific region news</a></li>
<li><a href="/about">About the Harbour Gazette newsroom</a></li>
<li><a href="/world/asia/gallery-photos.jpg">Photos of the week in pictures</a></li></ul>
</main>
<aside class="sidebar"><h3>Most read</h3><ol>
<li><a href="/world/europe/most-read-story-from-europe">Most read story from Europe</a></li>
</ol></aside>
<footer class="site-footer"><a href="/about">About us</a>
<a href="/world/asia/footer-link-to-a-story-page">Footer link to a story page</a>
<a href="/login">Sign in</a></footer>
</body></html>"""
LISTING_URL = "https://www.gazette.example.com/world/asia"
LISTED = [
    "https://www.gazette.example.com/world/asia/tokyo-delhi-rail-financing",
    "https://www.gazette.example.com/2026/02/17/quad-ministers-meet-in-manila",
    "https://www.gazette.example.com/world/asia/semiconductor-pact-signed",
    "https://www.gazette.example.com/news/article/4417821",
    "https://www.gazette.example.com/world/asia/monsoon-forecast-revised-upward",
    "https://www.gazette.example.com/world/asia/exchange-programme-expands",
    "https://gazette.example.com/world/asia/pm-visit-ends",
]


class TestListing:
    def test_listing_is_recognised(self) -> None:
        assert looks_like_listing(LISTING_PAGE, LISTING_URL)
        assert looks_like_listing(LISTING_PAGE.encode(), LISTING_URL)

    def test_article_links_in_page_order(self) -> None:
        assert find_article_links(LISTING_PAGE, LISTING_URL) == LISTED

    def test_limit(self) -> None:
        assert find_article_links(LISTING_PAGE, LISTING_URL, limit=3) == LISTED[:3]
        assert find_article_links(LISTING_PAGE, LISTING_URL, limit=0) == []

    def test_other_hosts_only_on_request(self) -> None:
        links = find_article_links(LISTING_PAGE, LISTING_URL, same_host=False)
        assert links == [*LISTED[:6], "https://partner.example.org/asia/partner-story-on-trade",
                         LISTED[6]]  # fmt: skip

    def test_navigation_and_utility_links_are_skipped(self) -> None:
        links = " ".join(find_article_links(LISTING_PAGE, LISTING_URL, limit=100, same_host=False))
        for skipped in ("nav-feature", "footer-link", "most-read", "/tag/", "/topics/",
                        "/category/", "/authors/", "/about", "/login", "page/2", "cookie",
                        ".jpg", "share=", "#"):  # fmt: skip
            assert skipped not in links, skipped

    def test_an_article_with_related_headlines_is_not_a_listing(self) -> None:
        related = "".join(
            f'<li><h3><a href="/world/asia/related-story-number-{n}">Related story {n}</a></h3>'
            "</li>"
            for n in range(12)
        )
        text = "<p>A long paragraph of running text about the harbour, its trade, and more.</p>"
        page = f"<html><body><div class='txt'>{text * 12}</div><ul>{related}</ul></body></html>"
        assert not looks_like_listing(page, "https://example.com/a")

    def test_a_short_news_brief_is_not_a_listing(self) -> None:
        related = "".join(
            f'<li><h3><a href="/world/asia/related-story-{n}">Related story {n} on trade</a>'
            "</h3></li>"
            for n in range(6)
        )
        page = f"""<html><head><meta property="og:type" content="article"></head><body>
        <article><h1>Port strike ends</h1><p>{"Dock workers returned to work on Monday. " * 7}
        </p></article><ul>{related}</ul></body></html>"""
        assert not looks_like_listing(page, "https://example.com/a")

    def test_a_listing_of_long_teasers(self) -> None:
        cards = "".join(
            f'<h2><a href="/world/story-number-{n}">Story number {n} of the day</a></h2>'
            f"<p>{'A teaser that sums the story up in a sentence or two, as sites do. ' * 5}</p>"
            for n in range(10)
        )
        assert looks_like_listing(f"<div class='list'>{cards}</div>", "https://example.com/")

    def test_a_short_page_without_headlines_is_not_a_listing(self) -> None:
        assert not looks_like_listing("<p>Short note.</p>", "https://example.com/a")


def test_html_text() -> None:
    markup = (
        "<h2>Head</h2><p>One <b>bold</b>\n  word.</p><ul><li>a</li><li>b</li></ul>"
        "<pre>keep   this\n  spacing</pre><p>x<br>y</p>"
    )
    assert html_text(markup) == "Head\n\nOne bold word.\n\na\nb\n\nkeep   this\nspacing\n\nx\ny"
    assert html_text("") == ""
