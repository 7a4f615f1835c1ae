"""A weekly's recap and the reports of the day it looks back on (story_recaps)."""

from __future__ import annotations

from datetime import UTC, datetime

from story_support import placed

from aggregator.plugins.cluster_stories import similarity
from aggregator.toolkit.story_days import days_ahead
from aggregator.toolkit.story_match import event_gap
from aggregator.toolkit.story_recaps import days_behind, lead_days_behind

OPENING = datetime(2026, 3, 5, 10, tzinfo=UTC)
"""A Thursday."""
WEEKLY = datetime(2026, 3, 11, 6, tzinfo=UTC)
"""The Wednesday after it."""

RELEASE = (
    "Pune, 5 March 2026 - The Osaka Marine Robotics Laboratory and the College of Engineering"
    " Pune today opened the Joint Underwater Drone Workshop at the college's Shivajinagar"
    " campus. Eight engineers from each side will build drones that inspect dam walls and"
    " intake towers, and a test tank of 40 cubic metres is being filled."
)
RECAP = (
    "PUNE: The College of Engineering Pune and a Japanese robotics laboratory from Osaka\n\n"
    "opened a joint workshop at the Shivajinagar campus last Thursday, to build underwater\n\n"
    "drones for the inspection of dam walls and intake towers. Sixteen engineers will work in\n\n"
    "the Joint Underwater Drone Workshop, whose test tank holds 40 cubic metres of water."
)


def test_last_and_a_day_of_the_week_name_the_day_before_the_reports_own() -> None:
    assert lead_days_behind("It opened last Thursday.", WEEKLY) == ("3-5<",)
    assert lead_days_behind("It opened last\n\nWednesday.", WEEKLY) == ("3-4<",)
    # The report's own day of the week, said with "last", is a week back.
    assert lead_days_behind("It opened last Wednesday.", WEEKLY) == ("3-4<",)
    assert lead_days_behind("It opened on Thursday, and will close next Friday.", WEEKLY) == ()
    assert lead_days_behind("It opened last Thursday.", None) == ()
    assert lead_days_behind("A blast Thursday shut the yard.", WEEKLY) == ()


def test_only_the_lead_names_the_recaps_day() -> None:
    later = " ".join(["word"] * 100) + " The first trial ran last Thursday."
    assert lead_days_behind(later, WEEKLY) == ()


def test_a_day_behind_is_no_day_ahead_and_the_reverse() -> None:
    assert days_ahead(WEEKLY, ("3-5<",)) == []
    assert days_behind(WEEKLY, ("3-5<",)) == [datetime(2026, 3, 5, 6, tzinfo=UTC)]
    assert days_behind(WEEKLY, ("3-13", "3-13@")) == []


def test_a_recap_is_near_the_reports_of_the_day_its_lead_names() -> None:
    release = placed(
        "Osaka lab and Pune college open underwater drone workshop", RELEASE, "a", OPENING
    )
    recap = placed("Japanese lab, COEP build drones to inspect dams", RECAP, "b", WEEKLY)
    assert recap[0].headline_days == ("3-5<",)
    assert event_gap(recap[0], release[0]) < 1
    score, reason = similarity(recap[0], release[0])
    assert "apart" not in reason
    assert score > 0


def test_a_report_that_names_no_day_behind_stays_a_week_apart() -> None:
    release = placed(
        "Osaka lab and Pune college open underwater drone workshop", RELEASE, "a", OPENING
    )
    text = RECAP.replace("last Thursday", "this spring")
    other = placed("Japanese lab, COEP build drones to inspect dams", text, "b", WEEKLY)
    assert event_gap(other[0], release[0]) > 5
    assert similarity(other[0], release[0]) == (0.0, "dated 6 days apart")
