"""The boilerplate cleaner: rules both ways, blocks, learning, persistence, the corpus."""

from __future__ import annotations

import functools
import html
import json
import re
import shutil
import sqlite3
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from boilerplate_support import judge

import aggregator.app
from aggregator import ConfigError, Document, Item
from aggregator.manager import DEFAULT_PLUGINS, build_plugin_manager
from aggregator.plugins import clean_boilerplate as cb
from aggregator.testing import FeedProject
from aggregator.toolkit import boilerplate_learning as learning
from aggregator.toolkit import lines as linetext
from aggregator.toolkit.boilerplate_cleaner import Cleaner
from aggregator.toolkit.dates import find_date_prefix, parse_date_line
from aggregator.toolkit.text import decode_text

ROOT = Path(__file__).resolve().parents[1]
CURATION = ROOT / "tests" / "data" / "curation"
SHARED_SEEDS = ROOT.parent / "shared" / "seeds"
SEEDS = SHARED_SEEDS if SHARED_SEEDS.is_dir() else ROOT / "seeds"
MINE = ("aggregator.plugins.clean_html", "aggregator.plugins.clean_boilerplate")
NOW = datetime(2026, 3, 10, tzinfo=UTC)


@pytest.fixture
def with_cleaners(monkeypatch: pytest.MonkeyPatch) -> None:
    """Load the cleaners as built-ins for ``feed_project`` runs (whatever DEFAULT_PLUGINS holds)."""
    builtins = (*DEFAULT_PLUGINS, *(name for name in MINE if name not in DEFAULT_PLUGINS))
    monkeypatch.setattr(
        aggregator.app,
        "build_plugin_manager",
        functools.partial(build_plugin_manager, builtins=builtins),
    )


def clean(
    text: str, learner: cb.Learner | None = None, *, source: str = "s", summary: str = ""
) -> Item:
    item = Item(id="x", source=source, uri="u", title="T", text=text, summary=summary)
    cb.clean_item(item, learner or cb.Learner(cb.Settings(learn=False)))
    return item


# ---------------------------------------------------------------------------
# single lines, both directions

BOILERPLATE = [
    # share prompts
    ("Share this article:", "share prompt"),
    ("Share on WhatsApp | Facebook | X", "share prompt"),
    ("SHARE", "share prompt"),
    ("Share this story", "share prompt"),
    ("Share via Email", "share prompt"),
    ("  Share :  Facebook, Twitter ", "share prompt"),
    ("Facebook Twitter WhatsApp Email", "share prompt"),
    ("Facebook | X | LinkedIn | Telegram", "share prompt"),
    ("Tweet this", "share prompt"),
    ("Share\u00a0this\u200b article:", "share prompt"),
    # follow prompts
    ("Follow us on Google News", "follow prompt"),
    ("Follow Delhi Dispatch on Google News", "follow prompt"),
    ("Follow us on Instagram for more", "follow prompt"),
    ("FOLLOW US ON X", "follow prompt"),
    ("Follow us:", "follow prompt"),
    ("Join our WhatsApp channel", "follow prompt"),
    ("Join us on Telegram", "follow prompt"),
    ("East Post is on WhatsApp — join our channel for the day's top stories.", "follow prompt"),
    ("East Post is on WhatsApp – join our channel for the day’s top stories.", "follow prompt"),
    # comment forms
    ("Leave a Comment", "comment form"),
    ("Leave a Reply", "comment form"),
    ("Minimum 50 characters 0/50", "comment form"),
    ("Your email address will not be published.", "comment form"),
    ("Your email address will not be published. Required fields are marked *", "comment form"),
    (
        "We welcome thoughtful discussions from our readers. Please keep comments respectful"
        " and on-topic.",
        "comment form",
    ),
    ("Comments are closed.", "comment form"),
    ("Be the first to comment", "comment form"),
    ("Post Comment", "comment form"),
    # related-story links
    ("Also Read: Goyal leads business delegation to Oman", "related link"),
    ("ALSO READ | Japan's exports rise for a third month", "related link"),
    ("Read more: JAXA sets out revised H3 launch schedule for 2026", "related link"),
    ("READ | G7 leaders agree on critical minerals action plan", "related link"),
    ("READ — Japan, India hold talks on rare earths", "related link"),
    ("Related: India, Japan sign pact on semiconductors", "related link"),
    ("Watch: PM Modi arrives in Tokyo", "related link"),
    (
        "Read more: Kerala nurses and overseas recruitment scams: what to check before you apply",
        "related link",
    ),
    # advertisement markers
    ("Advertisement", "advertisement"),
    ("ADVERTISEMENT", "advertisement"),
    ("- Advertisement -", "advertisement"),
    ("— ADVERTISEMENT —", "advertisement"),
    ("[Advertisement]", "advertisement"),
    ("ＡＤＶＥＲＴＩＳＥＭＥＮＴ", "advertisement"),
    ("Story continues below this ad", "advertisement"),
    ("Story continues below", "advertisement"),
    ("Article continues after advertisement", "advertisement"),
    ("Advertisement - Scroll to continue", "advertisement"),
    ("Sponsored", "advertisement"),
    ("SPONSORED CONTENT", "advertisement"),
    # newsletters, apps, news prompts
    ("Sign up for the World Brief morning newsletter", "newsletter prompt"),
    ("Sign up for our Education newsletter", "newsletter prompt"),
    ("Subscribe to our daily newsletter", "newsletter prompt"),
    ("Get a daily email with more World News stories", "newsletter prompt"),
    ("Get a daily email with more Indo-Pacific stories", "newsletter prompt"),
    ("Download the Tokyo Ledger app for breaking news", "app prompt"),
    ("Download the X app", "app prompt"),
    ("Download our hanami map", "app prompt"),
    ("Track Sensex, Nifty and Nikkei live on the Market Monitor app", "app prompt"),
    ("Catch all the latest national and world news on Delhi Dispatch.", "news prompt"),
    # source summaries
    ("Summary based on 11 sources", "source summary"),
    # photo credits
    ("Photo: Reuters/File", "photo credit"),
    ("(Image credit: Indian Air Force)", "photo credit"),
    ("(Image credit: Otaku Collective Mumbai)", "photo credit"),
    ("File photo", "photo credit"),
    ("File Photo.", "photo credit"),
    ("Representational image", "photo credit"),
    ("(Representational image)", "photo credit"),
    ("Image for representation purposes only", "photo credit"),
    ("Photo: JMSDF", "photo credit"),
    ("Photo: Tokyo Ledger/File", "photo credit"),
    ("Image: PTI", "photo credit"),
    ("(Photo by Kenji Sato/Tokyo Ledger)", "photo credit"),
    ("Courtesy: Ministry of External Affairs", "photo credit"),
    # reading time and live labels
    ("2 min read", "reading time"),
    ("3 MIN READ", "reading time"),
    ("5-minute read", "reading time"),
    ("Reading time: 4 minutes", "reading time"),
    ("Listen to this article", "reading time"),
    ("LIVE UPDATES", "live label"),
    ("BREAKING", "live label"),
    # cookie and paywall nags
    ("We use cookies to improve your experience. Accept | Manage preferences", "cookie notice"),
    ("This website uses cookies.", "cookie notice"),
    ("By continuing to use this site, you agree to our use of cookies.", "cookie notice"),
    ("Accept all cookies", "cookie notice"),
    ("Accept | Reject", "cookie notice"),
    ("Cookie Policy", "cookie notice"),
    ("Privacy Policy | Terms of Use | Contact Us", "site footer"),
    ("Subscribe to East Post Premium for ad-free reading", "paywall"),
    ("Tokyo Ledger journalism is supported by readers. Subscribe from ¥980 a month.", "paywall"),
    ("Already a subscriber? Sign in", "paywall"),
    ("This article is for subscribers only.", "paywall"),
    ("You have reached your limit of free articles.", "paywall"),
    ("Subscribe now", "paywall"),
    ("Support independent journalism", "paywall"),
    ("Sign in to continue reading", "paywall"),
    # copyright, disclaimers, trailers
    ("© 2026 East Post Media. All rights reserved.", "copyright footer"),
    ("Copyright © 2026 Delhi Dispatch Pvt Ltd", "copyright footer"),
    ("(c) 2025 Tokyo Ledger", "copyright footer"),
    ("COPYRIGHT 2026 WORLD BRIEF", "copyright footer"),
    ("All rights reserved.", "copyright footer"),
    ("World Brief Ltd. All rights reserved.", "copyright footer"),
    (
        "Disclaimer: This report is for information purposes only and does not constitute"
        " investment advice.",
        "disclaimer",
    ),
    ("(Disclaimer: The views expressed are the author's own.)", "disclaimer"),
    (
        "This story has not been edited by Delhi Dispatch staff and is auto-generated from a"
        " syndicated feed.",
        "disclaimer",
    ),
    ("Report an issue with this summary", "feedback prompt"),
    ("Have a tip? Write to the World Brief desk.", "feedback prompt"),
    ("Spotted an error? Let us know.", "feedback prompt"),
    ("Sources By Agencies", "agency trailer"),
    ("Source: Agencies", "agency trailer"),
    ("(With inputs from agencies)", "agency trailer"),
    ("Tags: India, Japan, Defence", "tags"),
    ("Click here to join our WhatsApp channel", "link prompt"),
    # captions that end in their credit, desk initials, Hindi "also read"
    ("Fishing boats tied up at the Kasimedu harbour, Chennai. Photo: Port Desk", "photo caption"),
    ("Ministers at the talks in Tokyo on Friday. [Photo/Asia Wire]", "photo caption"),
    ("The new berth at dawn (Photo: Embassy of India, Tokyo)", "photo caption"),
    ("KLM/RS 1815", "wire transmission"),
    ("यह भी पढ़ें: चेन्नई मेट्रो का दूसरा चरण", "related link"),
    ("(ADDS quotes from the coach in paras 4-5)", "wire version note"),
    ("#hockey", "tag line"),
    ("Shoppers look at rice in a Tokyo supermarket. (Yuki Iwamura/AP)", "photo caption"),
    ("A trainset at the depot before its first run. (Asha Rao for Coast Radio)", "photo caption"),
    ("Explore more on these topics", "related stories"),
    ("Also worth reading", "related stories"),
    ("More articles by Vikram Sen", "related stories"),
    ("More Episodes", "related stories"),
    ("Links mentioned", "related stories"),
    ("Bookmark", "share prompt"),
    ("Weavers at work in a Mysuru silk unit. Credit: DM Photo", "photo caption"),
    ("Coast Mail News Service, Kochi", "agency credit"),
    ("Duration 04:05 | 3.2K views | 3 days ago", "video details"),
]

ARTICLE = [
    "Sources said the first trial run on the 50-km Surat-Bilimora stretch could take place.",
    "The ministry shared a statement saying the first batch would fly out in October.",
    "Follow-up loan tranches for the project are expected over the next three years.",
    "The advertisement campaign for the exchange year will appear on Delhi Metro trains.",
    "Comments by the minister at the launch focused on young people.",
    'Jaishankar described the meeting as "substantive and forward-looking" in a post on X.',
    'Modi said in a post on X: "Excellent meeting with PM Takaichi."',
    "Read together, the two statements suggest a shift in Tokyo's position.",
    "Share of Japanese firms reporting operating profits in India rose to 78 per cent.",
    "Share prices of Indian defence companies rose on Tuesday.",
    "The company said the app had been downloaded 10 million times.",
    "Photographs of the ceremony were released by the embassy.",
    "Photo opportunities were few during the closed-door talks.",
    "Image-conscious politicians avoided the cameras.",
    "File transfers between the agencies will be encrypted.",
    "Credit Suisse's former Asia chief joined the Japanese bank.",
    "Subscribers to the service rose 12 per cent in the quarter.",
    "Copyright law in both countries is being revised.",
    "Related talks will continue in Tokyo next month.",
    "Readers of the newspaper were asked to comment on the proposal.",
    "Advertising revenue at Japanese broadcasters fell 3 per cent.",
    "The minister said comments on the draft rules would be accepted until March.",
    "No comments were made by the Japanese side.",
    "There are no comments from the ministry yet, the report said.",
    "Comments are closed on the matter, the spokesman said.",
    "Live coverage of the summit was carried by Doordarshan and NHK.",
    "Live updates from the summit were posted by the ministry on its website.",
    "Breaking with tradition, the two leaders met without aides.",
    "Sponsored by the Japan Foundation, the festival will run for a week in Kolkata.",
    "Download speeds in rural India remain far below those in Japan.",
    "Watch parties were organised in Mumbai for the match against Japan.",
    "Follow the money, the minister told reporters, and you will see who benefits.",
    "Follow the rules on email marketing, regulators said.",
    "Cookies and sweets from Kyoto were served at the reception.",
    "Cookie policy changes were announced by the regulator on Monday.",
    "Trending topics on Japanese social media included the visit.",
    "More from the talks will follow.",
    "Most read newspapers in India are in Hindi.",
    "Top stories in Japanese newspapers focused on the visit.",
    "Join the discussion on India's role, the minister urged students.",
    "Get the latest figures from the ministry website, officials advised.",
    "For the latest updates on the monsoon, residents should check IMD bulletins.",
    "Sign up for the programme closes on Friday.",
    "Tags on the luggage were checked at Narita.",
    "X, formerly Twitter, said it would comply with Indian rules.",
    "Email correspondence between the ministries was released.",
    "Print media in Japan is in decline.",
    "Line 3 of the Mumbai Metro was built with Japanese loans.",
    "Google and Sony announced a partnership in India.",
    "Facebook and WhatsApp are widely used in India.",
    "Copy of the agreement was shared with reporters.",
    "Summary of the talks was released by both sides.",
    "Sources close to the negotiations said a deal was near.",
    "Disclaimer clauses in the contract were disputed by the two firms.",
    "The views expressed by the Japanese side were noted by India.",
    "Reading time for children in Japanese schools has increased.",
    "Listen to the people, the minister said.",
    "We welcome the decision, the ambassador said.",
    "Please keep your distance from the lava, officials warned.",
    "Already a member of the Quad, India is seeking a larger role.",
    "Become a partner in growth, the minister told Japanese investors.",
    "Report an error in the data to the ministry, officials said.",
    "Found an error in the code, engineers fixed it within a day.",
    "Share tips on saving energy, the ministry urged households.",
    "Scammers told victims to join our Telegram group, police said.",
    "The company said all rights reserved under the treaty would remain.",
    "Have a look at the numbers, the economist said.",
    "Key Points: India and Japan Strengthen Strategic Partnership Across Sectors",
    "Tokyo, Feb 17",
    "- IANS",
    "Also, the two sides read out a joint statement.",
    "Watch out for the monsoon, the IMD warned on Tuesday.",
    "Related agencies will meet in Delhi.",
    "The ministry released one photo: the two leaders shaking hands in the garden.",
    "He took the picture: a rusting crane over the empty dock, with Tokyo beyond.",
    "AB/CD testing began in 2024.",
    "(Adds two new ferry routes this year, officials said.)",
    "#1 in the rankings again: the Kochi port.",
    "The minister spoke at length (Hiroshi Tanaka/Reuters).",
    "Talks resumed on Monday (John Smith reports)",
    "Other people said the talks went well.",
    "Links between the two ports were cut.",
    "The video, 04:05 long, had 3,200 views by noon on Friday, the police said.",
    "The news service in Kochi reopened on Monday.",
    "Subscribe",
]


@pytest.mark.parametrize(("line", "rule"), BOILERPLATE)
def test_boilerplate_line_is_removed_by_its_rule(line: str, rule: str) -> None:
    assert judge(line) == rule


@pytest.mark.parametrize("line", ARTICLE[:-1])
def test_article_line_is_kept(line: str) -> None:
    assert judge(line) is None


def test_a_lone_subscribe_button_is_boilerplate() -> None:
    assert judge(ARTICLE[-1]) == "paywall"


def test_article_sentences_survive_whole_item_cleaning() -> None:
    text = "\n\n".join(ARTICLE[:-1])
    item = clean(text)
    assert item.text == linetext.normalise_text(text)
    assert item.removed == []


# ---------------------------------------------------------------------------
# blocks

SEED_COMMENTS = """\
"A strong India-Japan partnership is vital for a better planet," PM Modi had posted on X.

Share this article:

Reader Comments

S
Sarah B
As someone working in the tech sector, I'm particularly excited about "innovation".
R
Rohit P
Strong ties with Japan are a strategic necessity. Good to see continuous engagement.

We welcome thoughtful discussions from our readers. Please keep comments respectful and on-topic.

Leave a Comment

Minimum 50 characters 0/50"""


def test_reader_comment_block_goes_to_the_end_and_each_line_is_recorded() -> None:
    item = clean(SEED_COMMENTS)
    assert item.text == (
        '"A strong India-Japan partnership is vital for a better planet," PM Modi had posted on X.'
    )
    removed = {removal.text: removal.rule for removal in item.removed}
    assert removed["Share this article:"] == "share prompt"
    assert removed["Reader Comments"] == "reader comments"
    assert removed["Sarah B"] == "reader comments"
    assert removed["S"] == "reader comments"
    assert removed["Leave a Comment"] == "comment form"
    assert removed["Minimum 50 characters 0/50"] == "comment form"
    assert all(removal.plugin == "clean_boilerplate" for removal in item.removed)
    assert len(item.removed) == 11


@pytest.mark.parametrize("heading", ["Comments (12)", "12 comments", "3 Comments", "COMMENTS"])
def test_comment_headings_with_names_and_texts(heading: str) -> None:
    text = f"The drill ends on Friday.\n\n{heading}\n\nKavya R\nProud of the effort.\nLeave a Reply"
    assert clean(text).text == "The drill ends on Friday."


def test_comment_count_above_the_article_removes_only_itself() -> None:
    text = "12 comments\n\nThe two navies began their drills off Visakhapatnam on Wednesday."
    item = clean(text)
    assert item.text == "The two navies began their drills off Visakhapatnam on Wednesday."
    assert [removal.text for removal in item.removed] == ["12 comments"]


def test_comment_form_at_the_end_takes_its_labels_along() -> None:
    text = "The talks end today.\n\nLeave a Reply\nName *\nEmail *\nWebsite\nPost Comment"
    assert clean(text).text == "The talks end today."


def test_comment_form_line_before_more_article_keeps_the_article() -> None:
    text = "Leave a comment\n\nThe two ministers will meet again in Tokyo in May to sign the pact."
    assert clean(text).text == (
        "The two ministers will meet again in Tokyo in May to sign the pact."
    )


def test_related_stories_list_ends_at_the_next_sentence() -> None:
    text = (
        "Officials expect four rounds of talks this year.\n\nRelated stories\n"
        "- Japan, EU agree to review digital trade chapter of their partnership\n"
        "- Goyal says India seeks quicker market access for generic drugs\n\n"
        "Trade between the two countries reached $22 billion last year."
    )
    item = clean(text)
    assert item.text == (
        "Officials expect four rounds of talks this year.\n\n"
        "Trade between the two countries reached $22 billion last year."
    )
    assert {removal.rule for removal in item.removed} == {"related stories"}


def test_a_pull_quote_repeating_the_article_goes_but_a_quote_said_once_stays() -> None:
    text = (
        "The pilots' union said the new landings changed their working day.\n"
        '"We now cross twice as often and wait half as long," its secretary said.\n'
        '"We now cross twice as often and wait half as long."\n'
        '"Nobody expected the boats to fill up before seven in the morning."\n'
    )
    item = clean(text)
    assert item.text.split("\n") == [
        "The pilots' union said the new landings changed their working day.",
        '"We now cross twice as often and wait half as long," its secretary said.',
        '"Nobody expected the boats to fill up before seven in the morning."',
    ]
    assert [removal.rule for removal in item.removed] == ["pull quote"]


def test_the_author_s_bio_at_the_end_goes_by_the_byline_s_name() -> None:
    item = Item(
        id="x",
        source="s",
        uri="u",
        title="T",
        authors=["Tova Lind"],
        text=(
            "Tova Lind said in 2019 that the landings would come.\n"
            "The landings opened on Monday.\n"
            "Tova Lind covers rivers and ports for the Delta Courier.\n"
        ),
    )
    cb.clean_item(item, cb.Learner(cb.Settings(learn=False)))
    assert item.text.split("\n") == [
        "Tova Lind said in 2019 that the landings would come.",
        "The landings opened on Monday.",
    ]
    assert [removal.rule for removal in item.removed] == ["author bio"]


@pytest.mark.parametrize(
    "bio",
    [
        "Mira Sen is a Pune-based writer on cities and their rivers.",
        "Kenji Ota is the Harbour Times' South Asia correspondent, based in Delhi.",
        "Anil Varma covers shipping and ports for the Coast Ledger.",
        "Leela Nair is professor emeritus of hydrology at a university in Kochi.",
        "Tomas Ferreira, a former harbour pilot, is a senior fellow at the Delta Institute.",
        "Omar Haddad is Director of the River Cities Programme at the Coastal Institute.",
        'Ruth Okafor is a former ferry captain and the author of "Night Crossings".',
    ],
)
def test_a_writer_s_bio_at_the_end_goes_without_a_byline(bio: str) -> None:
    text = "The landings opened on Monday.\nFerries will run every hour.\n" + bio
    item = clean(text)
    assert item.text.split("\n") == [
        "The landings opened on Monday.",
        "Ferries will run every hour.",
    ]
    assert [removal.rule for removal in item.removed] == ["author bio"]


@pytest.mark.parametrize(
    "ending",
    [
        "Maruti Suzuki is the largest carmaker in India by sales.",
        "Hiroshi Tanaka is the port's harbour master.",
        "Kenji Ota said the ferries would run every hour.",
        "The editor of the Coast Ledger is Anil Varma.",
        "Leela Nair, who heads the ferry union, said the fares would stay.",
        "Tomas Ferreira is director of operations at the ferry company.",
    ],
)
def test_a_last_line_about_a_person_or_firm_that_is_no_writer_s_bio_stays(ending: str) -> None:
    text = "The landings opened on Monday.\n" + ending
    assert clean(text).text.split("\n") == ["The landings opened on Monday.", ending]


def test_a_gallery_s_captions_are_its_text() -> None:
    captions = [
        f"Dancers from {town} open the festival on the riverbank. (Photo: Festival Office)"
        for town in ("Kochi", "Kyoto", "Osaka", "Pune")
    ]
    text = "\n\n".join(["Scenes from the first day of the festival.", *captions])
    assert clean(text).text == text
    single = "\n\n".join(["The festival opened on the riverbank.", captions[0], "It ends Sunday."])
    assert captions[0] not in clean(single).text


def test_an_episode_s_chapter_list_goes_from_its_first_time_code() -> None:
    text = (
        "This week we ride the new ferries.\n00:00 Intro\n04:10 The eastern landing\n"
        "12:30 What the pilots say\nTranscript\n"
        "Welcome back. Today we are on the first boat out of the new eastern landing.\n"
    )
    assert clean(text).text.split("\n") == [
        "This week we ride the new ferries.",
        "Welcome back. Today we are on the first boat out of the new eastern landing.",
    ]


def test_a_forum_s_related_questions_go_with_their_heading() -> None:
    text = (
        "The ferries stop at nine because the pilots' shift ends then.\n"
        "Related questions\nWhy are ferry fares higher on weekends?\n"
        "How long is the crossing from the eastern landing to the old town?\n"
    )
    assert clean(text).text == "The ferries stop at nine because the pilots' shift ends then."


def test_a_numbered_contents_list_ends_where_its_numbering_ends() -> None:
    text = (
        "In this issue\n1. Ferry landings open\n2. Library hours extended\n"
        "Ferry landings open\n"
        "Two ferry landings opened on the eastern bank on Monday, cutting the crossing time.\n"
    )
    item = clean(text)
    assert item.text == (
        "Ferry landings open\n"
        "Two ferry landings opened on the eastern bank on Monday, cutting the crossing time."
    )


def test_a_heading_over_a_paragraph_is_not_a_related_story() -> None:
    text = (
        "The landings were built on floating pontoons.\n\nRead more\n\n"
        "Library hours extended\n\n"
        "The city library will stay open until nine on weekdays from next month, the council\n\n"
        "said, after a petition signed by more than two thousand readers.\n"
    )
    item = clean(text)
    assert "Library hours extended" in item.text
    assert "The city library will stay open until nine" in item.text
    assert "Read more" not in item.text


@pytest.mark.parametrize(
    "heading", ["More from Delhi Dispatch", "Trending", "Trending Now", "You may also like"]
)
def test_related_headings_take_their_headline_lists(heading: str) -> None:
    text = f"The talks end today.\n\n{heading}\nJapan Post to cut deliveries\nYen hits 158\n"
    assert clean(text).text == "The talks end today."


def test_source_summary_removes_the_source_list_to_the_end() -> None:
    text = (
        "Battery supply chain cooperation was highlighted.\n"
        "Summary based on 11 sources\n"
        "Get a daily email with more World News stories\n"
        "Sources\n\n"
        "Ministry of Foreign Affairs of Japan\n"
        "Working Dinner between State Minister for Foreign Affairs KUNIMITSU and H.E."
        " Shekerinska, NATO Deputy Secretary General\n"
        "The Capital Ledger\n"
        "Quad ministers meet in Washington amid tariff tensions"
    )
    item = clean(text)
    assert item.text == "Battery supply chain cooperation was highlighted."
    rules_used = [removal.rule for removal in item.removed]
    assert rules_used[:3] == ["source summary", "newsletter prompt", "source list"]
    assert len(rules_used) == 7


def test_a_sources_heading_alone_takes_its_list_but_not_the_prose_after_it() -> None:
    text = (
        "Sources\nPress Information Bureau\nThe Coastal Chronicle\n"
        "Officials said the first meeting of the working group will be held in Tokyo."
    )
    assert clean(text).text == (
        "Officials said the first meeting of the working group will be held in Tokyo."
    )


def test_summary_made_of_boilerplate_is_emptied() -> None:
    item = clean("The talks ended.", summary="We use cookies to improve your experience.")
    assert item.summary == ""
    assert item.removed[0].rule == "cookie notice"


def test_boilerplate_title_is_replaced_by_the_headline_below_it() -> None:
    item = Item(
        id="x",
        source="s",
        uri="u",
        title="We use cookies to improve your experience. Accept | Manage preferences",
        text="Japanese Investment in India on Track for 10-Trillion-Yen Goal\n\n"
        "Japanese companies have announced investments worth 2.4 trillion yen.",
    )
    cb.clean_item(item, cb.Learner(cb.Settings(learn=False)))
    assert item.title == "Japanese Investment in India on Track for 10-Trillion-Yen Goal"
    assert item.text == "Japanese companies have announced investments worth 2.4 trillion yen."


@pytest.mark.parametrize(
    "labels",
    [
        ["World"],
        ["SPORTS"],
        ["News", "Asia Pacific"],
        ["Home", "Archives", "Travel", "Asia"],
        ["Good morning. Here is what you need to know today."],
        ["Issue No. 25 · 5 January 2026"],
    ],
)
def test_a_headline_below_section_labels_replaces_a_boilerplate_title(labels: list[str]) -> None:
    headline = "Chennai metro gets second Japanese loan"
    lead = "Japan agreed on Tuesday to lend another 54 billion yen for the metro's second phase."
    text = "\n\n".join([*labels, headline, lead])
    item = Item(id="x", source="s", uri="u", title="Skip to main content", text=text)
    cb.clean_item(item, cb.Learner(cb.Settings(learn=False)))
    assert (item.title, item.text) == (headline, lead)
    above = [r.text for r in item.removed if r.rule in ("section label", "greeting", "issue line")]
    assert above == labels


def test_five_short_lines_above_a_headline_are_no_section_labels() -> None:
    text = (
        "World\n\nAsia\n\nIndia\n\nTamil Nadu\n\nChennai\n\nChennai metro gets a loan\n\nThe loan."
    )
    item = Item(id="x", source="s", uri="u", title="Skip to main content", text=text)
    cb.clean_item(item, cb.Learner(cb.Settings(learn=False)))
    assert item.extras.get("title_derived") and item.text.startswith("World")


def test_an_issue_line_is_no_headline_for_a_boilerplate_title() -> None:
    text = "Issue No. 26 · 2 February 2026\n\nThis bulletin brings the month's news every month."
    item = Item(id="x", source="s", uri="u", title="Skip to main content", text=text)
    cb.clean_item(item, cb.Learner(cb.Settings(learn=False)))
    assert item.extras.get("title_derived") and not item.title.startswith("Issue No.")


def test_boilerplate_title_without_a_headline_is_derived_from_the_lead() -> None:
    item = Item(
        id="x",
        source="s",
        uri="u",
        title="Advertisement",
        text="Japan and India signed a pact on Friday. It covers rare earths.",
    )
    cb.clean_item(item, cb.Learner(cb.Settings(learn=False)))
    assert item.title == "Japan and India signed a pact on Friday"
    assert item.extras["title_derived"] is True


@pytest.mark.parametrize("title", ["Watch: Modi arrives in Tokyo", "Photo: Cherry blossoms"])
def test_headline_shaped_titles_stay(title: str) -> None:
    item = Item(id="x", source="s", uri="u", title=title, text="Body text of the story.")
    cb.clean_item(item, cb.Learner(cb.Settings(learn=False)))
    assert item.title == title


def test_extra_patterns_remove_matching_lines() -> None:
    settings = cb.Settings(learn=False, extra_patterns=(re.compile(r"^ET Bureau$", re.I),))
    item = clean("The talks ended.\n\net bureau", cb.Learner(settings))
    assert item.text == "The talks ended."
    assert item.removed[0].rule == "extra pattern: ^ET Bureau$"


def test_html_blocks_of_removed_lines_are_dropped_from_the_item_html() -> None:
    item = Item(
        id="x",
        source="s",
        uri="u",
        title="T",
        text="The talks ended.\n\nAdvertisement\n\nThey resume in May.",
        html="<p>The talks ended.</p><p>Advertisement</p><p>They resume in May.</p>",
    )
    cb.clean_item(item, cb.Learner(cb.Settings(learn=False)))
    assert item.html == "<p>The talks ended.</p><p>They resume in May.</p>"


# ---------------------------------------------------------------------------
# normalisation


def test_whitespace_and_unicode_are_normalised() -> None:
    text = (
        "\n\n  First\u00a0\u00a0line\twith\u2003tabs  \r\n\r\n\r\n\r\n"
        "Cafe\u0301 \u201cquoted\u201d zero\u200bwidth soft\u00adhyphen\u2028next\n\n\n"
        "\u0915\u094d\u200d\u0937 stays joined  \n"
    )
    item = clean(text)
    assert item.text == (
        "First line with tabs\n\n"
        "Caf\u00e9 \u201cquoted\u201d zerowidth softhyphen\nnext\n\n"
        "\u0915\u094d\u200d\u0937 stays joined"
    )


def test_title_whitespace_is_collapsed() -> None:
    item = Item(id="x", source="s", uri="u", title=" India\u00a0and  Japan\n", text="Body.")
    cb.clean_item(item, cb.Learner(cb.Settings(learn=False)))
    assert item.title == "India and Japan"


# ---------------------------------------------------------------------------
# learning


def _doc(source: str, uri: str, text: str, media_type: str = "text/plain") -> Document:
    return Document(
        source=source, uri=uri, content=text.encode(), media_type=media_type, fetched_at=NOW
    )


NAMES = ["Kochi", "Sasebo", "Goa", "Kure", "Vizag", "Maizuru", "Karwar", "Yokosuka"]


def _page(number: int, masthead: str = "The Tokyo Ledger — English Edition") -> str:
    """A page of one outlet: masthead, headline, a paragraph and a short line of its own."""
    port = NAMES[number]
    return (
        f"{masthead}\nNavies meet off {port}\n\n"
        f"The two navies began their exercise off {port} on Wednesday, officials said,"
        f" with ships from both sides taking part in the drills near {port} this time.\n\n"
        f"Short line about {port}\n"
    )


def test_a_line_repeated_in_min_documents_of_a_source_is_learned() -> None:
    learner = cb.Learner(cb.Settings())
    for number in range(3):
        learner.observe_document("tl", _doc("tl", f"{number}.txt", _page(number)))
    item = clean(_page(3), learner, source="tl")
    assert "English Edition" not in item.text
    assert "Short line about Kure" in item.text
    [removal] = [r for r in item.removed if "English Edition" in r.text]
    assert removal.rule == "learned: repeats in 4 documents of source tl"


def test_learning_is_per_source_and_needs_min_documents() -> None:
    learner = cb.Learner(cb.Settings(min_documents=4))
    for number in range(2):
        learner.observe_document("tl", _doc("tl", f"{number}.txt", _page(number)))
        learner.observe_document("other", _doc("other", f"{number}.txt", _page(number + 4)))
    item = clean(_page(3), learner, source="tl")
    assert "English Edition" in item.text  # 3 documents of "tl" only


def test_long_lines_and_sentences_are_never_learned() -> None:
    sentence = "The ministry said the talks would resume in Tokyo next month."
    tagline = "Market Monitor | Money. Markets. Asia."
    long_line = "one two three four five six seven eight nine ten eleven twelve thirteen"
    learner = cb.Learner(cb.Settings())
    for number in range(5):
        text = f"{sentence}\n{tagline}\n{long_line}\n{_page(number)}"
        learner.observe_document("mm", _doc("mm", f"{number}.txt", text))
    item = clean(
        f"{sentence}\n{tagline}\n{long_line}\nBody text of the story.", learner, source="mm"
    )
    assert item.text.split("\n") == [sentence, long_line, "Body text of the story."]


def test_date_lines_are_not_learned() -> None:
    learner = cb.Learner(cb.Settings())
    for number in range(4):
        text = f"Feb 9, 2026\nBody of story number {number}."
        learner.observe_document("dd", _doc("dd", f"{number}.txt", text))
    assert learner.stats("dd").count(linetext.line_key("Feb 9, 2026")) == 4
    assert clean("Feb 9, 2026\n\nBody.", learner, source="dd").text == "Feb 9, 2026\n\nBody."


def test_a_word_alone_is_not_learned_but_a_signature_mark_is() -> None:
    learner = cb.Learner(cb.Settings())
    for number in range(4):
        text = f"QUESTION\nWhat will the ferry cost, number {number}?\nANSWER\nSd/-\nIt is free."
        learner.observe_document("qa", _doc("qa", f"{number}.txt", text))
    item = clean("QUESTION\nWho runs it?\nANSWER\nSd/-\nThe city does.", learner, source="qa")
    assert item.text.split("\n") == ["QUESTION", "Who runs it?", "ANSWER", "The city does."]


def test_a_numbered_section_heading_is_not_learned() -> None:
    learner = cb.Learner(cb.Settings())
    for number in range(4):
        text = f"2. Recommendations\nBuild {number} more landings before the rains.\n"
        learner.observe_document("pb", _doc("pb", f"{number}.txt", text))
    item = clean("2. Recommendations\nBuild more landings.", learner, source="pb")
    assert item.text.split("\n") == ["2. Recommendations", "Build more landings."]


def test_a_notes_heading_over_the_article_s_own_notes_stays() -> None:
    notes = "• The next session of the ferry pilots' course will open in the first week of July."
    text = f"The course runs twice a year.\nNotes\n{notes}\n"
    assert clean(text).text.split("\n") == ["The course runs twice a year.", "Notes", notes]


def test_wire_copy_filed_three_times_counts_once() -> None:
    wire = (
        "Headline\n\nTOKYO — The two sides agreed on a framework for cooperation on batteries"
        " and critical minerals, officials said on Friday after the meeting.\n\n"
        "Talks resume in May\n"
    )
    learner = cb.Learner(cb.Settings())
    for number in range(3):
        learner.observe_document("wire", _doc("wire", f"copy{number}.txt", wire))
    assert learner.stats("wire").count(linetext.line_key("Talks resume in May")) == 1
    assert "Talks resume in May" in clean(wire, learner, source="wire").text


def test_reading_the_same_document_again_does_not_inflate_counts() -> None:
    learner = cb.Learner(cb.Settings())
    for _ in range(3):
        learner.counted.clear()  # a new run (reprocess) delivers it again
        learner.observe_document("tl", _doc("tl", "0.txt", _page(0)))
    assert learner.stats("tl").count(linetext.line_key("The Tokyo Ledger — English Edition")) == 1


def test_markup_and_binary_media_types_are_not_counted() -> None:
    learner = cb.Learner(cb.Settings())
    learner.observe_document("s", _doc("s", "a.html", "<p>x</p>", "text/html; charset=utf-8"))
    learner.observe_document("s", _doc("s", "a.rss", "<rss/>", "application/rss+xml"))
    learner.observe_document("s", _doc("s", "b.txt", "Masthead", "text/plain; charset=utf-8"))
    assert learner.stats("s").documents == 1


def test_lossy_counting_keeps_memory_bounded() -> None:
    stats = cb.SourceStats("big")
    for number in range(learning.BUCKET_DOCUMENTS * 5):
        keys = {f"unique line {number} {k}" for k in range(5)} | {"masthead"}
        stats.observe(keys, number, 8)
    assert len(stats.entries) < learning.BUCKET_DOCUMENTS * 5  # at most one bucket's new lines
    assert stats.count("masthead") == learning.BUCKET_DOCUMENTS * 5


def test_a_long_foot_line_waits_for_a_second_document_before_it_is_counted() -> None:
    stats = cb.SourceStats("port")
    key = learning.learning_key(FOOT_LICENCE, 12)
    stats.observe({key}, 1, 8)
    stats.observe({key}, 1, 8)  # the same document again
    assert key not in stats.entries and stats.count(key) == 0
    stats.observe({key}, 2, 8)
    assert stats.count(key) == 2 and key not in stats.pending
    stats.observe({learning.learning_key(FOOT_PITCH, 12)}, 3, 8)
    stats.prune(1)
    assert not stats.pending and stats.count(key) == 2


def test_item_lines_are_counted_when_the_document_was_not() -> None:
    learner = cb.Learner(cb.Settings())
    for number in range(3):
        item = Item(id=str(number), source="feed", uri=f"https://x/{number}", title="T", text="")
        item.text = f"Story {number} with enough words to be the body of an article here.\n"
        item.text += "Reuters Breakingviews column"
        cb.clean_item(item, learner)
    assert "Breakingviews" not in item.text


FOOT_PITCH = (
    "Start your morning with the five stories our editors think matter most, delivered"
    " before breakfast: sign up for the Early Tide briefing today."
)
FOOT_LICENCE = (
    "All material on this site is protected; no part of it may be copied, republished or"
    " broadcast without the written permission of the publisher."
)
HARBOURS = ["Kakinada", "Haldia", "Tuticorin", "Paradip"]


def _closing(number: int, ending: str = f"{FOOT_PITCH}\n{FOOT_LICENCE}") -> str:
    """One outlet's story: its own paragraphs, then the outlet's closing lines."""
    harbour = HARBOURS[number]
    return (
        f"Dredging at {harbour} resumed on Monday after a pause of six weeks, the port"
        f" trust said, with the channel to be deepened by two metres.\n\n"
        f"Shipping lines that call at {harbour} had asked for the work to finish before"
        f" the monsoon, when silt returns and berths close for days at a time.\n\n"
        f"The contractor at {harbour} has two dredgers on site and a third on the way from"
        f" the south, and it expects to move more than a million cubic metres of mud.\n\n"
        f"Fishermen in {harbour} asked that the spoil be dumped far from their grounds, and"
        f" the trust promised to publish where each load goes, week by week, until June.\n\n"
        f"{ending}\n"
    )


def _learned(texts: list[str], settings: cb.Settings | None = None) -> cb.Learner:
    learner = cb.Learner(settings or cb.Settings())
    for number, text in enumerate(texts):
        learner.observe_document("port", _doc("port", f"{number}.txt", text))
    return learner


def test_closing_paragraphs_two_documents_share_are_the_outlet_s_furniture() -> None:
    learner = _learned([_closing(0), _closing(1)])
    item = clean(_closing(0), learner, source="port")
    assert FOOT_PITCH not in item.text and FOOT_LICENCE not in item.text
    assert "Dredging at Kakinada resumed" in item.text and "before the monsoon" in item.text
    rules = {r.rule for r in item.removed}
    assert rules == {"learned foot: repeats in 2 documents of source port"}


def test_a_changing_list_under_the_outlet_s_closing_lines_goes_with_them() -> None:
    def ending(trending: list[str]) -> str:
        return "\n".join([FOOT_PITCH, "Trending now", *trending, FOOT_LICENCE])

    learner = _learned([_closing(0, ending(["Gold Rate Today"])), _closing(1, ending(["Sensex"]))])
    text = _closing(0, ending(["Gold Rate Today", "Rupee Outlook"]))
    item = clean(text, learner, source="port")
    assert "Gold Rate Today" not in item.text and "Rupee Outlook" not in item.text
    assert item.text.endswith("week by week, until June.")


def test_a_numbered_most_read_list_under_the_closing_lines_goes() -> None:
    def ending(first: str) -> str:
        return "\n".join(
            [FOOT_PITCH, "Our picks", f"1. {first}", "2. Rupee at a record low", FOOT_LICENCE]
        )

    learner = _learned([_closing(0, ending("Gold rises")), _closing(1, ending("Rain in Kochi"))])
    item = clean(_closing(0, ending("Gold rises")), learner, source="port")
    assert "Gold rises" not in item.text and "Rupee at a record low" not in item.text


def test_short_last_lines_of_the_article_stay_without_shared_lines_above() -> None:
    learner = _learned([_closing(0), _closing(1)])
    text = _closing(2, ending=f"Kakinada port trust\nHarbour desk\n{FOOT_LICENCE}")
    cleaned = clean(text, learner, source="port").text
    assert cleaned.endswith("Kakinada port trust\nHarbour desk")


def test_rows_of_figures_at_the_end_are_the_article_s_own() -> None:
    def ending(jobs: str, land: str) -> str:
        return (
            f"Investment: Rs 6,200 crore\nEmployment: {jobs} direct\nLand: {land}\n{FOOT_LICENCE}"
        )

    learner = _learned(
        [_closing(0, ending("4,800", "60 acres")), _closing(1, ending("1,150", "35 acres"))]
    )
    text = clean(_closing(0, ending("4,800", "60 acres")), learner, source="port").text
    assert text.endswith("Employment: 4,800 direct\nLand: 60 acres") and FOOT_LICENCE not in text


def test_a_long_closing_paragraph_of_one_document_stays() -> None:
    learner = _learned([_closing(0), _closing(1, ending="Copyright 2026 Port Wire")])
    assert FOOT_PITCH in clean(_closing(0), learner, source="port").text


def test_a_long_line_shared_above_the_foot_stays() -> None:
    shared = FOOT_PITCH
    texts = [f"{shared}\n\n{_closing(n, ending='Harbour notes')}" for n in range(2)]
    item = clean(texts[0], _learned(texts), source="port")
    assert shared in item.text
    assert "Harbour notes" not in item.text  # short, shared and last: the foot


def test_a_shared_closing_paragraph_about_the_story_stays() -> None:
    background = (
        "Port trust officials said the channel at the harbour had silted up after the"
        " monsoon, and the dredging would deepen it before ships return."
    )
    learner = _learned([_closing(n, ending=background) for n in range(2)])
    assert background in clean(_closing(0, ending=background), learner, source="port").text


@pytest.mark.parametrize(
    "closing",
    [
        "7. This order is without prejudice to any other obligation the parties may have.",
        "Dated: 02.03.2026",
    ],
)
def test_numbered_clauses_and_dates_end_the_foot(closing: str) -> None:
    ending = f"{closing}\n{FOOT_LICENCE}"
    learner = _learned([_closing(n, ending=ending) for n in range(2)])
    text = clean(_closing(0, ending=ending), learner, source="port").text
    assert FOOT_LICENCE not in text
    assert closing in text


def test_a_foot_needs_one_document_fewer_than_min_documents() -> None:
    settings = cb.Settings(min_documents=4)
    learner = _learned([_closing(n) for n in range(2)], settings)
    assert FOOT_LICENCE in clean(_closing(0), learner, source="port").text
    learner = _learned([_closing(n) for n in range(3)], settings)
    assert FOOT_LICENCE not in clean(_closing(0), learner, source="port").text


def test_texts_that_differ_only_in_figures_are_no_foot() -> None:
    bulletin = "The rupee closed at {} against the dollar on Monday, dealers in Mumbai said."
    texts = [
        f"Currency markets were {mood}.\n\n{bulletin.format(rate)}"
        for mood, rate in (("quiet", "83.12"), ("busy", "83.40"))
    ]
    learner = _learned(texts)
    cleaner = Cleaner(learner.settings, learner.stats("port"))
    assert cleaner.clean(texts[0]) == (texts[0], [])


def test_a_text_another_document_repeats_whole_is_not_emptied() -> None:
    text = _closing(0)
    learner = cb.Learner(cb.Settings())
    learner.observe_document("port", _doc("port", "0.txt", text))
    update = (
        "Update: the port trust now says that the dredging will take three weeks longer than"
        " planned, because a second dredger has been sent to another harbour on the coast.\n\n"
    )
    learner.observe_document("port", _doc("port", "1.txt", update + text))
    cleaner = Cleaner(learner.settings, learner.stats("port"))
    assert cleaner.clean(text) == (text, [])


def test_two_versions_of_one_report_keep_the_paragraphs_they_share() -> None:
    rest = _closing(0, ending="").split("\n\n", 1)[1]
    first = (
        "Kakinada's port reopened its outer channel on Monday after six weeks of dredging, and"
        " the first ship to use it, a bulk carrier loaded with rice for West Africa, left on"
        " the evening tide.\n\n"
    )
    second = (
        "Work on the outer channel of Kakinada's port ended on Monday, the port trust said,"
        " and a bulk carrier loaded with rice for West Africa was the first to sail out"
        " through it later that evening.\n\n"
    )
    learner = _learned([first + rest, second + rest])
    cleaner = Cleaner(learner.settings, learner.stats("port"))
    assert cleaner.clean(first + rest) == (first + rest, [])


def test_a_long_foot_line_seen_once_is_not_stored(
    feed_project: FeedProject, with_cleaners: None
) -> None:
    feed_project.add_article("0.txt", _closing(0))
    feed_project.add_article("1.txt", _closing(1, ending=f"{FOOT_LICENCE}\nPort Wire"))
    assert feed_project.run(now=NOW).ok
    db = sqlite3.connect(feed_project.root / "state" / "state.db")
    lines = [row[0] for row in db.execute("SELECT line FROM clean_boilerplate_lines")]
    db.close()
    long_lines = [line for line in lines if learning.is_long_key(line)]
    assert long_lines == [learning.learning_key(FOOT_LICENCE, 12)]
    assert "port wire" in lines  # short lines are stored from their first document


def test_read_ahead_counts_before_delivering_and_keeps_order() -> None:
    learner = cb.Learner(cb.Settings())
    documents = [_doc("tl", f"{n}.txt", _page(n)) for n in range(5)]
    iterator = cb.read_ahead(documents, "tl", learner)
    first = next(iterator)
    assert first.uri == "0.txt"
    assert learner.stats("tl").documents == 5  # all five counted before the first was parsed
    assert [d.uri for d in iterator] == ["1.txt", "2.txt", "3.txt", "4.txt"]


def test_read_ahead_delivers_what_it_read_before_a_failure() -> None:
    def failing() -> Iterator[Document]:
        yield _doc("s", "a.txt", "A")
        yield _doc("s", "b.txt", "B")
        raise OSError("disk gone")

    delivered = []
    with pytest.raises(OSError, match="disk gone"):
        for document in cb.read_ahead(failing(), "s", cb.Learner(cb.Settings())):
            delivered.append(document.uri)
    assert delivered == ["a.txt", "b.txt"]


def test_read_ahead_is_bounded() -> None:
    learner = cb.Learner(cb.Settings())
    pulled = []

    def endless() -> Iterator[Document]:
        number = 0
        while True:
            pulled.append(number)
            yield _doc("s", f"{number}.txt", "line")
            number += 1

    next(cb.read_ahead(endless(), "s", learner))
    assert len(pulled) == cb.LOOKAHEAD_DOCUMENTS


# ---------------------------------------------------------------------------
# through the pipeline: wrapper, store, configuration


def _outlet_page(number: int, *, masthead_at_foot: bool = True) -> str:
    masthead = "The Tokyo Ledger — English Edition\n"
    return (
        f"Ministers meet for talks round {number}\nMarch {number + 1}, 2026\n\n"
        f"The ministers of the two countries met for round {number} of their talks on"
        f" Tuesday and agreed to expand cooperation, officials said.\n\n"
        f"{'' if masthead_at_foot else masthead}Advertisement\n\n"
        f"A second paragraph of round {number} describes what comes next in detail, with"
        " more officials quoted.\n"
        f"{masthead if masthead_at_foot else ''}"
    )


def _item_text(project: FeedProject, name: str) -> str:
    [item] = [item for item in project.items() if item.uri.endswith(name)]
    return item.text


def test_pipeline_learns_first_documents_and_persists_counts(
    feed_project: FeedProject, with_cleaners: None
) -> None:
    for number in range(3):
        feed_project.add_article(f"{number}.txt", _outlet_page(number))
    report = feed_project.run(now=NOW)
    assert report.ok, report.errors
    for number in range(3):  # even the first document, thanks to the look-ahead
        text = _item_text(feed_project, f"{number}.txt")
        assert "English Edition" not in text
        assert "Advertisement" not in text
        assert f"round {number} of their talks" in text
    db = sqlite3.connect(feed_project.root / "state" / "state.db")
    (documents,) = db.execute(
        "SELECT documents FROM clean_boilerplate_lines WHERE source = 'articles'"
        " AND line = 'the tokyo ledger english edition'"
    ).fetchone()
    assert documents == 3
    db.close()


def test_learning_continues_across_runs(feed_project: FeedProject, with_cleaners: None) -> None:
    for number in range(2):
        feed_project.add_article(f"{number}.txt", _outlet_page(number, masthead_at_foot=False))
    assert feed_project.run(now=NOW).ok
    assert "English Edition" in _item_text(feed_project, "0.txt")  # only 2 documents so far
    feed_project.add_article("2.txt", _outlet_page(2, masthead_at_foot=False))
    assert feed_project.run(now=NOW).ok
    assert "English Edition" not in _item_text(feed_project, "2.txt")  # 2 stored + 1 new


def test_learn_false_counts_nothing(feed_project: FeedProject, with_cleaners: None) -> None:
    feed_project.plugin_config("clean_boilerplate", learn=False)
    for number in range(3):
        feed_project.add_article(f"{number}.txt", _outlet_page(number, masthead_at_foot=False))
    assert feed_project.run(now=NOW).ok
    text = _item_text(feed_project, "0.txt")
    assert "English Edition" in text
    assert "Advertisement" not in text
    db = sqlite3.connect(feed_project.root / "state" / "state.db")
    tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
    db.close()
    assert "clean_boilerplate_lines" not in tables


def test_configured_min_documents_and_extra_patterns(
    feed_project: FeedProject, with_cleaners: None
) -> None:
    feed_project.plugin_config(
        "clean_boilerplate", min_documents=5, max_words=8, extra_patterns=["^A second paragraph"]
    )
    for number in range(3):
        feed_project.add_article(f"{number}.txt", _outlet_page(number, masthead_at_foot=False))
    assert feed_project.run(now=NOW).ok
    text = _item_text(feed_project, "0.txt")
    assert "English Edition" in text
    assert "A second paragraph" not in text


def test_invalid_extra_pattern_is_a_config_error_naming_the_key(
    feed_project: FeedProject, with_cleaners: None
) -> None:
    feed_project.plugin_config("clean_boilerplate", extra_patterns=["ok", "(unclosed"])
    with pytest.raises(ConfigError) as caught:
        feed_project.load()
    assert caught.value.key == "plugins.clean_boilerplate.extra_patterns"
    assert "extra_patterns[1]" in str(caught.value)
    assert "(unclosed" in str(caught.value)


@pytest.mark.parametrize(
    ("key", "value"), [("min_documents", 1), ("max_words", 0), ("learn", "yes"), ("typo", 1)]
)
def test_bad_settings_are_config_errors(
    feed_project: FeedProject, with_cleaners: None, key: str, value: object
) -> None:
    feed_project.plugin_config("clean_boilerplate", **{key: value})
    with pytest.raises(ConfigError, match=f"plugins.clean_boilerplate.{key}"):
        feed_project.load()


# ---------------------------------------------------------------------------
# performance


def test_cleaning_is_linear_and_cheap_per_line() -> None:
    paragraph = (
        "The two governments agreed on Tuesday to expand cooperation on semiconductors,"
        " critical minerals and clean energy, officials from both sides said."
    )
    text = "\n\n".join(f"{paragraph} ({n})" for n in range(20000))
    learner = cb.Learner(cb.Settings())
    start = time.process_time()
    item = clean(text, learner)
    elapsed = time.process_time() - start
    assert item.removed == []
    assert elapsed < 5.0, f"{elapsed:.2f} CPU s for 20,000 paragraphs"


# ---------------------------------------------------------------------------
# the labelled curation corpus and the seeds

_BYLINE = re.compile(r"^By [A-Z]")
_BULLET = re.compile(r"^[-–—•*·]\s+")
_BLURB = re.compile(r"^date \S+ Blurb:\s*")


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.skipif(not (CURATION / "labels.json").exists(), reason="no curation corpus")
def test_curation_corpus_boilerplate(
    tmp_path: Path, with_cleaners: None, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every outlet is one source; the real pipeline (parser, look-ahead, store) cleans it."""
    labels = json.loads((CURATION / "labels.json").read_text(encoding="utf-8"))["articles"]
    project = FeedProject(tmp_path / "project")
    outlets = sorted({name.split("/")[0] for name in labels})
    project.config["sources"] = []
    for outlet in outlets:
        shutil.copytree(CURATION / outlet, project.articles / outlet)
        project.config["sources"].append(
            {"name": outlet, "type": "files", "paths": [f"articles/{outlet}/*.txt"]}
        )
    report = project.run(now=NOW)
    assert report.ok, report.errors
    items = {item.uri.removeprefix("articles/"): item for item in project.items()}

    labelled = removed = checked = 0
    lost: list[tuple[str, str]] = []
    kept: list[tuple[str, str]] = []
    for name, label in sorted(labels.items()):
        item = items[name]
        after_lines = {
            line.strip() for line in f"{item.title}\n{item.summary}\n{item.text}".split("\n")
        }
        highlights = item.extras.get("highlights", [])
        after_flat = _flat(" ".join([item.title, item.summary, item.text, *highlights]))
        boilerplate = set(label["boilerplate"])
        original = decode_text((CURATION / name).read_bytes())
        for raw in original.split("\n"):
            line = raw.strip()
            if not line:
                continue
            if line in boilerplate:
                labelled += 1
                if line in after_lines:
                    kept.append((name, line))
                else:
                    removed += 1
                continue
            if (
                len(line.split()) < 6
                or line == label["title"]
                or _BYLINE.match(line)
                or parse_date_line(line) is not None
                or (len(line.split()) <= 8 and find_date_prefix(line) is not None)
            ):
                continue
            checked += 1
            if _flat(_BULLET.sub("", line)) not in after_flat:
                lost.append((name, line))
    recall = removed / labelled
    with capsys.disabled():
        print(
            f"\ncuration corpus: {len(labels)} articles, {len(outlets)} outlets;"
            f" boilerplate lines removed {removed}/{labelled} (recall {recall:.3f});"
            f" article lines lost {len(lost)}/{checked}"
        )
    assert recall >= 0.95, kept
    assert lost == []


SEED_BOILERPLATE = {
    "001": [
        "2 min read",
        "Share this article:",
        "Reader Comments",
        "Sarah B",
        "Rohit P",
        "Priyanka N",
        "Vikram M",
        "Karthik V",
        "We welcome thoughtful discussions from our readers. Please keep comments respectful"
        " and on-topic.",
        "Leave a Comment",
        "Minimum 50 characters 0/50",
    ],
    "002": ["Also Read: South Korea Seeks Chip Tariff Cooperation With Taiwan: Minister"],
    "003": ["Sources By Agencies"],
    "004": [
        "Summary based on 11 sources",
        "Get a daily email with more World News stories",
        "Sources",
        "Ministry of Foreign Affairs of Japan",
        "Working Dinner between State Minister for Foreign Affairs KUNIMITSU and H.E."
        " Shekerinska, NATO Deputy Secretary General",
        "Courtesy Call on State Minister KUNIMITSU by the delegation of Members of Indian"
        " Parliament",
    ],
}


def test_seeds_lose_their_boilerplate_and_keep_every_sentence(
    feed_project: FeedProject, with_cleaners: None
) -> None:
    for path in sorted(SEEDS.glob("*.txt")):
        feed_project.add_article(path.name, path.read_bytes())
    report = feed_project.run(now=NOW)
    assert report.ok, report.errors
    items = {Path(item.uri).name[:3]: item for item in feed_project.items()}
    assert sorted(items) == ["000", "001", "002", "003", "004"]
    comment_texts = {
        line.strip()
        for line in (SEEDS / "001_d3720e514fc50b12.txt").read_text(encoding="utf-8").split("\n")
        if line.startswith(
            ("As someone", "Strong ties", "While the", "The G4 meeting", "Japan has")
        )
    }
    assert len(comment_texts) == 5
    for path in sorted(SEEDS.glob("*.txt")):
        item = items[path.name[:3]]
        boilerplate = set(SEED_BOILERPLATE.get(path.name[:3], [])) | comment_texts
        after_lines = {line.strip() for line in f"{item.summary}\n{item.text}".split("\n")}
        after_flat = _flat(f"{item.title} {item.summary} {item.text}")
        for line in boilerplate:
            assert line not in after_lines, (path.name, line)
        for raw in decode_text(path.read_bytes()).split("\n"):
            line = raw.strip()
            line = _BLURB.sub("", line)
            if len(line.split()) >= 8 and line not in boilerplate:
                assert _flat(_BULLET.sub("", line)) in after_flat, (path.name, line)


# ---------------------------------------------------------------------------
# a summary that is the text itself (a feed entry with only a description)

ENTRY_PARAGRAPHS = [
    "Indian and Japanese officials met in Tokyo to discuss a joint shipbuilding fund.",
    "ADVERTISEMENT",
    "Story continues below this ad",
    "The two governments agreed to study the proposal before the annual summit.",
    "Follow Delhi Dispatch on Google News",
]
ENTRY_TEXT = "\n\n".join(ENTRY_PARAGRAPHS)
ENTRY_CLEAN = (
    "Indian and Japanese officials met in Tokyo to discuss a joint shipbuilding fund."
    " The two governments agreed to study the proposal before the annual summit."
)


def test_a_lead_paragraph_summary_is_not_the_text() -> None:
    lead = ENTRY_PARAGRAPHS[0]
    assert clean(ENTRY_TEXT, summary=lead).summary == lead


def test_a_feed_entry_publishes_its_summary_without_boilerplate(
    feed_project: FeedProject, with_cleaners: None
) -> None:
    description = "".join(f"<p>{paragraph}</p>" for paragraph in ENTRY_PARAGRAPHS)
    feed_project.add_article(
        "feed.xml",
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        "<title>Delhi Dispatch</title><link>https://dd.example/</link><description>d</description>"
        "<item><title>India, Japan weigh a shipbuilding fund</title>"
        "<link>https://dd.example/fund</link><pubDate>Mon, 09 Mar 2026 08:00:00 +0000</pubDate>"
        f"<description>{html.escape(description)}</description></item></channel></rss>",
    )
    feed_project.config["sources"][0]["paths"] = ["articles/*.xml"]
    report = feed_project.run(now=NOW)
    assert report.ok, report.errors
    [item] = feed_project.items()
    assert item.summary == "", "a description that is the body is no summary of it"
    assert item.text == ENTRY_CLEAN.replace("fund. The", "fund.\n\nThe")
    published = json.loads((feed_project.output_dir / "feed.json").read_text(encoding="utf-8"))
    summaries = [entry.get("summary", "") for entry in published["items"]]
    assert summaries == [ENTRY_PARAGRAPHS[0]]
    atom = (feed_project.output_dir / "feed.atom").read_text(encoding="utf-8")
    assert "fund." in atom and "ADVERTISEMENT" not in atom


def _feed(entries: list[tuple[str, list[str]]]) -> str:
    items = "".join(
        f"<item><title>{title}</title><link>https://harbour.example/{number}</link>"
        f"<description>{html.escape(''.join(f'<p>{p}</p>' for p in paragraphs))}</description>"
        "</item>"
        for number, (title, paragraphs) in enumerate(entries)
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        "<title>Harbour Times</title><link>https://harbour.example/</link>"
        f"<description>d</description>{items}</channel></rss>"
    )


def test_a_feeds_entries_teach_the_learner_before_the_first_is_cleaned(
    feed_project: FeedProject, with_cleaners: None
) -> None:
    """Each entry counts as a document, and all of a feed's entries are counted
    before its first is cleaned (the entries share the feed's URI: counted under
    it, only the first was, and no outlet line was ever learned from a feed)."""
    masthead = "The Harbour Times — Coastal Edition"
    entries = [
        (
            f"Berth {number} reopens",
            [
                f"Berth {number} reopened on Monday after {number + 2} weeks of repairs.",
                masthead,
            ],
        )
        for number in range(4)
    ]
    feed_project.add_article("feed.xml", _feed(entries))
    feed_project.config["sources"][0]["paths"] = ["articles/*.xml"]
    report = feed_project.run(now=NOW)
    assert report.ok, report.errors
    items = feed_project.items()
    assert len(items) == 4
    for item in items:
        assert masthead not in item.text, item.title
        assert masthead not in item.html
        assert [r.rule for r in item.removed if r.text == masthead] == [
            "learned: repeats in 4 documents of source articles"
        ]


def test_a_headline_shared_by_three_entries_is_never_learned_as_furniture(
    feed_project: FeedProject, with_cleaners: None
) -> None:
    """Issue 17: three entries titled "Jerusalem" made the title furniture, and each
    entry's description became its title. A headline is never a candidate."""
    bodies = [
        "Talks on the status of the old city resumed on Monday after a month of delays.",
        "Pilgrims filled the streets for the festival, the largest crowd in a decade.",
        "The city council approved a new tram line linking the northern suburbs.",
    ]
    feed_project.add_article("feed.xml", _feed([("Jerusalem", [body]) for body in bodies]))
    feed_project.config["sources"][0]["paths"] = ["articles/*.xml"]
    report = feed_project.run(now=NOW)
    assert report.ok, report.errors
    items = feed_project.items()
    assert len(items) == 3
    for item in items:
        assert item.title == "Jerusalem"
        assert item.text in bodies
        assert not item.removed


TAGLINE = "This bulletin brings you the Ferry Board's news and the month's sailings every month."


def _issue(number: int) -> str:
    harbour = HARBOURS[number]
    return (
        f"Ferry Board\n\nIssue No. {number + 20}\n\n{TAGLINE}\n\n"
        f"A new ferry desk opens at {harbour}\n\n"
        f"The desk at {harbour} opened on Monday to sell season tickets and answer questions.\n\n"
        + "\n\n".join(
            f"Sailing {k} from {harbour} leaves at {k + 5} in the morning and is back by noon."
            for k in range(1, 18)
        )
    )


def _bulletin_item(number: int, title: str, text: str) -> Item:
    learner = _learned([_issue(0), _issue(1), _issue(2)])
    item = Item(id="x", source="port", uri=f"{number}.txt", title=title, text=text)
    cb.clean_item(item, learner)
    return item


def test_a_tagline_the_source_s_documents_open_with_is_no_headline() -> None:
    body = "The desk at Haldia opened on Monday to sell season tickets and answer questions."
    item = _bulletin_item(1, TAGLINE, f"A new ferry desk opens at Haldia\n\n{body}")
    assert (item.title, item.text) == ("A new ferry desk opens at Haldia", body)
    assert item.removed[0].rule == "learned head: repeats in 3 documents of source port"


def test_a_tagline_under_a_masthead_title_is_passed_for_the_headline_below() -> None:
    body = "The desk at Kakinada opened on Monday to sell season tickets and answer questions."
    text = f"{TAGLINE}\n\nA new ferry desk opens at Kakinada\n\n{body}"
    item = _bulletin_item(0, "Ferry Board", text)
    assert (item.title, item.text) == ("A new ferry desk opens at Kakinada", body)
    assert [r.text for r in item.removed] == ["Ferry Board", TAGLINE]


def test_a_sentence_title_no_other_document_opens_with_stays() -> None:
    title = "This bulletin brings you the Port Trust's news about the dredging season once."
    item = _bulletin_item(0, title, "The dredgers returned to Kakinada on Monday after a pause.")
    assert item.title == title and not item.removed
