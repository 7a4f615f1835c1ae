"""Furniture of intranets, chat channels, notification logs, teleprinters and event sites,
told wherever it stands: reaction counters, standing notices, an address bar, sponsor
credits, agency sign-offs, lists of other items and a thread of named comments. The
examples are invented for these tests."""

from __future__ import annotations

import pytest
from boilerplate_support import cleaned, judge

FURNITURE = [
    ("❤️ 57   🔥 12  · Seen by 930", "counter"),
    ("🚲 (4)  ⭐ (11)", "counter"),
    ("🎾 (2)", "counter"),
    ("HBX mt/ok 091530 GMT JUN 26", "wire transmission"),
    ("ADDS comment from the port authority in paragraph 5", "wire version note"),
    ("Machine-made captions; check quotes against the recording before use.", "notice"),
    ("Auto-generated transcript. Please check against delivery.", "notice"),
    ("STAFF ONLY — for employees only. Do not forward.", "notice"),
    (
        "Consulate of Lowland, 12 Harbour Road, Marina Bay, Port City 400017 | "
        "Visa hours: 9:30–12:00",
        "postal address",
    ),
    (
        "Ferry Board  7-2 Quay Street, Dock Ward, Port City 400-0017  |  Privacy  |  Accessibility",
        "postal address",
    ),
    ("Partners: Port City Council · Lowland Ferry Board · Quay Arts Trust", "sponsor credit"),
    ("Related guides", "related stories"),
    ("Earlier Harbour News", "related stories"),
    ("Other alerts from Ferry Times (4)", "related stories"),
]


@pytest.mark.parametrize(("line", "rule"), FURNITURE)
def test_furniture_wherever_it_stands(line: str, rule: str) -> None:
    assert judge(line) == rule


ARTICLE = [
    "The ferry board said it would check the figures against the recording of the meeting.",
    "Prices rose (2) in the first quarter and fell in the second.",
    "(1)   (2)   (3)   (4)",
    "Supported by: the Harbour Trust and the Lowland Ferry Board",
    "Partners: the two yards will share the cost of the new slipway.",
    "UPDATES to the timetable will be posted at every pier from Monday.",
    "The consulate at 12 Harbour Road will close for the holiday on Friday.",
]


@pytest.mark.parametrize("line", ARTICLE)
def test_article_lines_that_look_alike_stay(line: str) -> None:
    assert judge(line) is None


def test_named_comments_under_a_comments_heading_go_with_the_rest() -> None:
    text = "\n".join(
        [
            "The ferry board will add a night crossing to the island from the first of June, "
            "its chair told staff at the quarterly meeting on Tuesday.",
            "",
            "Comments (2)",
            "Mei Tan (Ticketing): Will the night crossing need extra crew?",
            "Staff Communications: Yes, the roster goes out next week.",
            "Canteen today: noodle soup, rice, fruit",
        ]
    )
    assert cleaned(text).split("\n") == [
        "The ferry board will add a night crossing to the island from the first of June, "
        "its chair told staff at the quarterly meeting on Tuesday."
    ]


def test_a_list_of_other_items_under_its_heading_goes() -> None:
    text = "\n".join(
        [
            "The ferry board will add a night crossing to the island from the first of June, "
            "its chair said on Tuesday.",
            "",
            "Earlier Harbour News",
            "2026.05.20 Quay market reopens after repairs",
            "2026.05.18 New pontoon for the island ferry",
        ]
    )
    assert cleaned(text).split("\n") == [
        "The ferry board will add a night crossing to the island from the first of June, "
        "its chair said on Tuesday."
    ]


POST = (
    "The island ferry will run a night crossing from the first of June, the ferry board "
    "said on Tuesday, after two years of requests from workers on the island."
)


def test_replies_under_a_channels_post_go_as_a_thread() -> None:
    text = "\n".join(
        [
            POST,
            "",
            "[02-Jun-26 08:40 AM] mira.k: finally, the last boat was always full",
            "[02-Jun-26 09:15 AM] tomo_in_port: does it stop at the north pier?",
            "Exported 3 message(s)",
        ]
    )
    assert cleaned(text).split("\n") == [POST]


def test_a_chat_that_is_the_text_stays() -> None:
    chat = [
        "[02/06/26, 9:41:07 AM] Mira K: Anyone has the ferry board's new timetable?",
        "[02/06/26, 9:43:55 AM] Tomo R: I have it. The night boat leaves at 23:10 from pier 2.",
        "[02/06/26, 9:44:20 AM] Mira K: Thanks, sending it to the desk",
    ]
    assert cleaned("\n".join(chat)).split("\n") == chat


def test_one_message_under_a_post_is_no_thread() -> None:
    line = "[02-Jun-26 08:40 AM] mira.k: finally, the last boat was always full"
    assert cleaned("\n".join([POST, "", line])).split("\n") == [POST, "", line]
