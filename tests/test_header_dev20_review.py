"""Second review of dev20's header rules after their mends: a capitals credit row names
someone (a row that says something in small words is the headline's), a headline row that
cannot end where it stops goes on whatever the next row is, and a magazine's article page
over its issue's contents is that article."""

from __future__ import annotations

import pytest
from header_support import LEAD, SECOND, read

from aggregator.toolkit.header_capitals import is_capitals_credit

BODY = (
    "Officials said on Thursday that the change would take effect from the first of next "
    "month after the cabinet cleared the proposal at its weekly meeting in the capital.\n"
    "The opposition said it would raise the matter when the house meets again next week.\n"
)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("SENSEX FALLS SHARPLY", "BY A FIFTH IN A MONTH"),
        ("FARMERS TO GET CHEAPER LOANS", "WITH LOWER INPUT COSTS"),
        ("STATES ASKED TO FILL VACANCIES IN", "POLICE AND INVESTIGATION AGENCIES"),
        ("OPPOSITION WALKS OUT OVER MISUSE OF", "CENTRAL AGENCIES"),
    ],
)
def test_a_capitals_row_that_says_something_stays_in_the_headline(first: str, second: str) -> None:
    article = read(f"THE RIVERSIDE HERALD\nNEWS\n{first}\n{second}\nNEW DELHI, FEB 6\n{BODY}")
    assert article.title == f"{first} {second}"
    assert second not in article.body


@pytest.mark.parametrize(
    "credit",
    ["BY ANIL KUMAR", "WITH INPUTS FROM PTI", "FROM OUR STAFF REPORTER", "BY OUR CORRESPONDENT"],
)
def test_a_capitals_credit_row_still_names_someone(credit: str) -> None:
    assert is_capitals_credit(credit)
    article = read(f"THE RIVERSIDE HERALD\nBUSINESS\nRBI HOLDS RATES STEADY\n{credit}\n{BODY}")
    assert article.title == "RBI HOLDS RATES STEADY"


def test_a_magazine_article_over_its_issues_contents_keeps_its_headline_and_body() -> None:
    article = read(
        "Valley Cyclist\nNo. 41 | Spring 2026\n"
        "Ten quiet lanes to try before the summer crowds\nBy Jenny Marsh\n"
        "In this issue\n1. Riders win fight for a safe crossing on the A49\n"
        "2. Ten quiet lanes to try before the summer crowds\n"
        "3. Club notices and the spring ride calendar\n"
        f"{LEAD}\n{SECOND}\n"
        "More from this issue\n1. Riders win fight for a safe crossing on the A49\n"
        "2. Club notices and the spring ride calendar\n"
    )
    assert article.title == "Ten quiet lanes to try before the summer crowds"
    assert SECOND in article.body
