"""A registration page and the report of the event it announces (story_days).

A page that asks readers to register for an event prints the event's particulars on one
line ("Date: … | Time: … | Venue: …") and is dated the day it was posted, a week or more
before the event. The day on that line, not the page's date, is what the report of the
event is weighed against. Invented texts throughout.
"""

from __future__ import annotations

from datetime import UTC, datetime

from story_support import placed

from aggregator.plugins.cluster_stories import Settings, similarity
from aggregator.toolkit.story_days import days_ahead, particulars_days

POSTED = datetime(2026, 9, 2, 9, tzinfo=UTC)
THRESHOLD = Settings().match_threshold
PARTICULARS = (
    "Date: Friday, 11 September 2026 | Time: 18:00-20:00 | Venue: Tagore Hall, Kobe and online"
)
INVITATION = (
    "The final of the Kobe-Kolkata Student Quiz 2026, organised by the Consulate of Ruritania"
    " and the Kobe Municipal Board of Education, will be held at Tagore Hall with both"
    " schools connected online. Pupils from Hooghly Model School, Kolkata, and Rokko Gakuen,"
    " Kobe, will answer questions on the rivers and ports of the two cities."
)
REPORT = placed(
    "Hooghly Model School wins the Kobe-Kolkata Student Quiz final",
    "Pupils from Hooghly Model School, Kolkata, beat Rokko Gakuen, Kobe, by four points in"
    " the final of the Kobe-Kolkata Student Quiz 2026 at Tagore Hall on Friday. The last"
    " round, on the rivers and ports of the two cities, was settled by a question on the"
    " Hooghly's tides.",
    "report",
    datetime(2026, 9, 11, 21, tzinfo=UTC),
)[0]


def test_a_line_that_names_a_venue_gives_the_event_s_days() -> None:
    assert particulars_days(f"{PARTICULARS}\n{INVITATION}") == ("9-11@",)
    assert particulars_days(f"Friday, 11 September 2026, Tagore Hall\n{INVITATION}") == ()
    two = f"{PARTICULARS}\nDate: 12 September 2026 | Venue: Port Museum, Kobe\n{INVITATION}"
    assert particulars_days(two) == ()


def test_a_particulars_day_counts_weeks_ahead_a_headline_s_day_one() -> None:
    assert days_ahead(POSTED, ("9-20@",)) == [POSTED.replace(day=20)]
    assert days_ahead(POSTED, ("9-20",)) == []
    assert days_ahead(POSTED, ("9-30@",)) == []


def test_a_registration_page_meets_the_report_of_its_event() -> None:
    """Posted nine days before the quiz, further than ``max_gap_days`` from the report of
    it: weighed by the day its particulars name."""
    page = placed(
        "Register to watch: Kobe-Kolkata Student Quiz 2026, Final",
        f"{PARTICULARS}\n\n{INVITATION}",
        "page",
        POSTED,
    )[0]
    score, reason = similarity(REPORT, page)
    assert not reason.startswith("dated")
    assert score >= THRESHOLD


def test_the_same_invitation_without_its_particulars_line_is_passed_over_by_date() -> None:
    page = placed(
        "Register to watch: Kobe-Kolkata Student Quiz 2026, Final",
        f"The final is on 11 September.\n\n{INVITATION}",
        "page",
        POSTED,
    )[0]
    assert similarity(REPORT, page)[1].startswith("dated")
