"""Furniture of discussion boards, reader apps, video pages and wire desks, by shape.

Invented lines: a board's comment headers (a handle and how long ago) open the thread
that follows, when there are two of them; a reader app's "Open original at …", a
video's reaction bar and the channel's handles, a desk's slug of initials, a
footnote's terms and a letter's sign-off are furniture.
Lines that only resemble them stay.
"""

from __future__ import annotations

import pytest

from aggregator.toolkit.boilerplate import classify
from aggregator.toolkit.boilerplate_cleaner import Cleaner
from aggregator.toolkit.boilerplate_learning import Settings

POST = [
    "The city council approved the night-ferry pilot on Tuesday after a two-hour debate.",
    "Has anyone here taken the trial boat yet? I want to know how late it runs on weekends.",
]


def clean(lines: list[str]) -> list[str]:
    _, removed = Cleaner(Settings(), None).clean("\n".join(lines))
    return [line for line, _ in removed]


def test_a_thread_of_comments_under_a_post_goes() -> None:
    thread = [
        "u/harbour_rat · 3 hr. ago",
        "Took it on Saturday. Last boat was at 1 a.m. and it was packed.",
        "Reply",
        "ferryfan_22 2 hours ago | next [–]",
        "Same here, though the pier lights were off on the way back.",
        "reply",
    ]
    assert clean([*POST, *thread]) == thread


def test_one_comment_header_alone_opens_no_thread() -> None:
    line = "u/harbour_rat · 3 hr. ago"
    assert clean([*POST, line, "Took it on Saturday and it was packed, as I expected."]) == [line]


@pytest.mark.parametrize(
    "line",
    [
        "Posted 3 days ago",
        "164 points by harbour_rat 1 day ago | hide | past | 203 comments",
        "5 hours ago",
    ],
)
def test_lines_that_only_resemble_a_comment_header(line: str) -> None:
    rule = classify(line)
    assert rule is None or rule.name != "comment header"


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Open original at harbourpost.example/city/night-ferry", "source link"),
        ("👍 12K 👎 Share Save", "button bar"),
        ("👍 1.2K 👎 Share Download Clip Save", "button bar"),
        ("Instagram: @harbour_tv | Telegram: t.me/harbour_tv", "follow prompt"),
        ("Join this channel to get access to perks", "follow prompt"),
        ("Website: harbourtv.example", "web address"),
        ("408K subscribers", "counter"),
        ("HNA jkl/mr", "desk slug"),
        ("*Fares include taxes. Terms and conditions apply.", "notice"),
        ("In solidarity,", "sign-off"),
        ("H Harbour Board new | past | comments | ask | show | jobs", "menu"),
        ("Interested? Reply with your CV or book a call: cal.ferry.example", "call to action"),
        ("Ferry Desk, 4 Pier Road, Kochi 682001", "postal address"),
        ("9 Dock Street, Kochi 682001", "postal address"),
        ("Harbour House, Chennai – 600 001", "postal address"),
        ("3-2-1 Minatomachi, Naka-ku, Yokohama 231-0001, Japan", "postal address"),
        ("Plot 7, Marine Drive, Kochi 682031, Kerala, India", "postal address"),
    ],
)
def test_furniture_by_shape(line: str, name: str) -> None:
    rule = classify(line)
    assert rule is not None and rule.name == name


@pytest.mark.parametrize(
    "line",
    [
        "Open the original plans and you will see the pier was never meant for ferries.",
        "🚢 Harbour 2 City 1",
        "X: 45%",
        "Website traffic doubled after the pilot was announced.",
        "HNA said the pilot would run until June.",
        "Interested? The board says fares will rise in May.",
        "Venue: Town Hall, 4 Pier Road, Kochi 682001",
        "4. Address of registered office: 9 Dock Street, Fort Kochi, Kochi 682001",
    ],
)
def test_article_lines_that_resemble_them(line: str) -> None:
    assert classify(line) is None


def test_a_channels_name_over_its_subscribers_and_its_closing_line_go() -> None:
    lines = [
        "Harbour TV",
        "408K subscribers",
        "The night ferry ran for the first time on Saturday, and the pier was full by ten.",
        "We rode it from the city to the island and back with the first passengers.",
        "Harbour TV covers the port, its ferries and the people who work on them.",
    ]
    assert clean(lines) == ["Harbour TV", "408K subscribers", lines[-1]]
