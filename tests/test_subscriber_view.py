"""What a subscriber sees, through the command line: no internals, whole stories, honest dates.

A project is run with ``aggregator run --once`` and its published files are
read as a feed reader or a mail gateway would (feedparser, lxml): a source's
configured name and a local file path never reach them; the Atom entry gives
rss2email's default reading the whole story; RSS items name an author; an
article without a date of its own carries no invented publication date.
"""

from __future__ import annotations

import json
import re
from typing import Any

import feedparser
import lxml.html
from lxml import etree

from aggregator.testing import FeedProject

ATOM = "{http://www.w3.org/2005/Atom}"
DC_CREATOR = "{http://purl.org/dc/elements/1.1/}creator"
OUTPUTS = ("feed.atom", "feed.rss", "feed.json", "index.html")

# Two reports of one event (no agency credit, byline or masthead: no outlet), one undated.
METRO = (
    "Japan lends for Chennai metro rail\n\nMarch 3, 2026\n\n"
    "The Japan International Cooperation Agency signed a loan of 54.3 billion yen for the"
    " second phase of the Chennai metro rail on Tuesday, officials said. The corridor will link"
    " the airport with the city centre and carry 300,000 riders a day when it opens in 2028.\n\n"
    "The loan carries an interest rate of 1.3 per cent and runs for forty years, with a grace"
    " period of ten years before the first repayment falls due.\n\n"
    "Japan has financed metro lines in Delhi, Mumbai and Bengaluru since 1997, the last"
    " paragraph of this report.\n"
)
METRO_COPY = METRO.replace(
    "Japan lends for Chennai metro rail", "JICA loan boosts Chennai metro"
).replace("officials said", "an official said")
UNDATED = (
    "Kyoto hosts a dance festival\n\n"
    "Dancers from Kerala performed at the opening of the festival, organisers said.\n"
)
MARKUP = (
    "Tariff talks resume in Tokyo\n\nFebruary 3, 2026\n\n"
    'Negotiators wrote <b>AT&T</b> & <script>alert("x")</script> on the board in Tokyo.\n'
)


def run_cli(project: FeedProject) -> None:
    result = project.cli("run", "--once")
    assert result.exit_code == 0, result.output


def project_without_outlets(project: FeedProject) -> None:
    project.config["sources"] = [
        {"name": "seeds", "type": "files", "paths": ["articles/*.txt"]},
    ]
    project.add_article("metro-wire.txt", METRO)
    project.add_article("metro-copy.txt", METRO_COPY)
    project.add_article("dance-festival.txt", UNDATED)
    project.add_article("tariff-markup.txt", MARKUP)


def published_text(project: FeedProject, name: str) -> str:
    return (project.output_dir / name).read_text(encoding="utf-8")


def test_no_source_name_and_no_file_path_reaches_any_output(feed_project: FeedProject) -> None:
    project_without_outlets(feed_project)
    run_cli(feed_project)
    for name in OUTPUTS:
        text = published_text(feed_project, name)
        assert not re.search(r"\bseeds\b", text, re.I), f"the source's name in {name}"
        for leak in (
            "metro-wire",
            "metro-copy",
            "dance-festival",
            "articles/",
            str(feed_project.root),
        ):
            assert leak not in text, f"{leak!r} in {name}"


def test_a_report_without_link_or_outlet_is_named_by_its_headline(
    feed_project: FeedProject,
) -> None:
    project_without_outlets(feed_project)
    run_cli(feed_project)
    page = lxml.html.fromstring(published_text(feed_project, "index.html"))
    also = [
        " ".join(li.text_content().split()) for li in page.xpath("//section[@class='also']//li")
    ]
    assert len(also) == 1
    assert also[0] in ("JICA loan boosts Chennai metro", "Japan lends for Chennai metro rail")
    feed = json.loads(published_text(feed_project, "feed.json"))
    members = [m for item in feed["items"] for m in item["_aggregator"]["members"]]
    assert all(set(member) == {"title"} for member in members), members
    for item in feed["items"]:
        assert "authors" not in item


def rss2email_default_content(entry: Any) -> dict[str, Any]:
    """The part rss2email mails by default (html-mail = False): the first text/plain, else HTML.

    rss2email's ``Feed._get_entry_content``: the entry's contents, then its
    summary; the first of type text/plain, else the first text/html.
    """
    contents = list(entry.get("content", []))
    if entry.get("summary_detail"):
        contents.append(entry["summary_detail"])
    for content_type in ("text/plain", "text/html"):
        for content in contents:
            if content["type"] == content_type:
                return dict(content)
    raise AssertionError("the entry has no content and no summary")


def test_rss2email_mails_the_whole_story_from_the_atom_feed(feed_project: FeedProject) -> None:
    project_without_outlets(feed_project)
    run_cli(feed_project)
    parsed = feedparser.parse((feed_project.output_dir / "feed.atom").read_bytes())
    entry = next(e for e in parsed.entries if "metro" in e.title.lower())
    mailed = rss2email_default_content(entry)
    assert "the last paragraph of this report" in mailed["value"]
    assert "forty years" in mailed["value"]


def test_rss_items_name_their_outlet_as_creator_and_escape_the_description(
    feed_project: FeedProject,
) -> None:
    feed_project.config["sources"] = [
        {"name": "wire", "type": "files", "paths": ["articles/*.txt"], "outlet": "PTI Wire"},
    ]
    feed_project.add_article("tariff-markup.txt", MARKUP)
    run_cli(feed_project)
    tree = etree.parse(str(feed_project.output_dir / "feed.rss"))
    (item,) = tree.iterfind("channel/item")
    assert [creator.text for creator in item.iterfind(DC_CREATOR)] == ["PTI Wire"]
    description = item.findtext("description") or ""
    assert "<b>" not in description and "<script>" not in description
    shown = lxml.html.fromstring(f"<div>{description}</div>").text_content()
    assert '<b>AT&T</b> & <script>alert("x")</script>' in shown
    parsed = feedparser.parse((feed_project.output_dir / "feed.rss").read_bytes())
    assert parsed.entries[0].author == "PTI Wire"


def entries_by_title(project: FeedProject) -> dict[str, Any]:
    tree = etree.parse(str(project.output_dir / "feed.atom"))
    return {entry.findtext(f"{ATOM}title"): entry for entry in tree.iterfind(f"{ATOM}entry")}


def test_an_undated_article_carries_no_invented_publication_date(
    feed_project: FeedProject,
) -> None:
    project_without_outlets(feed_project)
    run_cli(feed_project)
    atom = entries_by_title(feed_project)
    assert atom["Kyoto hosts a dance festival"].find(f"{ATOM}published") is None
    assert atom["Kyoto hosts a dance festival"].findtext(f"{ATOM}updated")
    assert (
        atom["Tariff talks resume in Tokyo"]
        .findtext(f"{ATOM}published", "")
        .startswith("2026-02-03")
    )
    rss = etree.parse(str(feed_project.output_dir / "feed.rss"))
    pub_dates = {item.findtext("title"): item.findtext("pubDate") for item in rss.iter("item")}
    assert pub_dates["Kyoto hosts a dance festival"] is None
    assert "03 Feb 2026" in (pub_dates["Tariff talks resume in Tokyo"] or "")
    feed = json.loads(published_text(feed_project, "feed.json"))
    items = {item["title"]: item for item in feed["items"]}
    assert "date_published" not in items["Kyoto hosts a dance festival"]
    assert items["Kyoto hosts a dance festival"]["date_modified"]
    assert items["Tariff talks resume in Tokyo"]["date_published"].startswith("2026-02-03")


def test_the_page_says_an_undated_story_was_first_seen(feed_project: FeedProject) -> None:
    project_without_outlets(feed_project)
    run_cli(feed_project)
    page = lxml.html.fromstring(published_text(feed_project, "index.html"))
    bylines = {
        " ".join(article.xpath("string(.//h3)").split()): " ".join(
            article.xpath("string(.//p[@class='byline'])").split()
        )
        for article in page.xpath("//article[@class='story']")
    }
    assert bylines["Kyoto hosts a dance festival"].startswith("first seen ")
    assert bylines["Tariff talks resume in Tokyo"].startswith("3 February 2026")
    assert "first seen" not in bylines["Tariff talks resume in Tokyo"]
