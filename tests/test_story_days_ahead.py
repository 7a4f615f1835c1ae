"""An announcement and the reports of the event it announces (story_days).

A protocol office's itinerary goes out days before a visit, its headline naming the visit's
days; the reports of the visit come out on those days, further from the itinerary's date
than ``max_gap_days``. The day the headline names ahead is what their dates are weighed
against; a day named only in a text, weeks ahead, or days from the other report is not.
Invented texts throughout.
"""

from __future__ import annotations

from datetime import UTC, datetime

from story_support import placed

from aggregator.plugins.cluster_stories import Settings, similarity
from aggregator.toolkit.story_days import days_ahead, gap_ahead, headline_days

SENT = datetime(2026, 6, 12, 11, 30, tzinfo=UTC)
THRESHOLD = Settings().match_threshold

ITINERARY = placed(
    "Itinerary - Visit of the Fisheries Minister of Chile to Norway, 16-18 June 2026",
    "The Fisheries Minister of Chile will visit Norway from 16 to 18 June 2026 for talks"
    " with the Minister of Fisheries and Ocean Policy of Norway, at which an agreement on"
    " salmon disease monitoring is expected to be signed in Bergen.\n\n"
    "Day 1 - Tuesday, 16 June 2026\n1640 hrs Arrival at Oslo Gardermoen\n\n"
    "Day 2 - Wednesday, 17 June 2026\n1000 hrs Talks and signing, Bergen\n\n"
    "Day 3 - Thursday, 18 June 2026\n0900 hrs Visit to a hatchery at Hardanger",
    "itinerary",
    SENT,
)[0]


def test_an_itinerary_weighs_the_visit_s_report_by_the_days_it_names() -> None:
    """Five days after the itinerary was sent, the report of the signing it announced: not
    passed over by their dates, and weighed as a report of the next day."""
    report = placed(
        "Chile and Norway agree to watch salmon disease together",
        "Chile's Fisheries Minister and Norway's Minister of Fisheries and Ocean Policy signed"
        " an agreement in Bergen on Wednesday to share salmon disease monitoring data, on the"
        " second day of a three-day visit that ends at a Hardanger hatchery.",
        "report",
        datetime(2026, 6, 17, 15, tzinfo=UTC),
    )[0]
    score, reason = similarity(report, ITINERARY)
    assert not reason.startswith("dated")
    assert score >= THRESHOLD


def test_another_event_of_the_minister_on_a_day_the_itinerary_names_stays_apart() -> None:
    """Norway's fisheries minister settling cod quotas with Iceland in Reykjavik on the
    visit's second day: near the itinerary's day, and the minister is named in both, but the
    other names and words tell another event."""
    quotas = placed(
        "Norway and Iceland settle cod quotas for 2027",
        "Norway's Minister of Fisheries and Ocean Policy and Iceland's Minister of Fisheries"
        " signed an agreement in Reykjavik on Wednesday setting each country's share of"
        " Barents Sea cod for 2027, ending three years of talks.",
        "quotas",
        datetime(2026, 6, 17, 15, tzinfo=UTC),
    )[0]
    score, reason = similarity(quotas, ITINERARY)
    assert not reason.startswith("dated")
    assert score < THRESHOLD


def test_only_the_headline_s_days_ahead_and_near_the_other_report_count() -> None:
    june = ("visit", "16", "18", "june", "2026")
    # a day named only in the text: the day of a later event an earlier one mentions
    assert headline_days(["6-18", "6-16", "6-30", "50billion"], june) == ("6-18", "6-16")
    assert headline_days(["6-18"], ("memorandum", "signed", "18")) == ()
    visit = [datetime(2026, 6, day, 11, 30, tzinfo=UTC) for day in (18, 16)]
    assert days_ahead(SENT, ["6-18", "6-16"]) == visit
    # weeks ahead: a route's first flight in the notice that opens its sales
    assert days_ahead(SENT, ["6-28"]) == []
    # the day itself and days before it are the report's own or past
    assert days_ahead(SENT, ["6-12", "6-10"]) == []
    # a year's last days ahead of a year's first
    december = datetime(2026, 12, 29, tzinfo=UTC)
    assert days_ahead(december, ["1-2"]) == [datetime(2027, 1, 2, tzinfo=UTC)]
    # a deadline four days before the meeting's outcome: no nearer than the dates
    outcome = datetime(2026, 6, 22, tzinfo=UTC)
    assert gap_ahead((SENT, ["6-18"]), (outcome, ())) is None
    assert gap_ahead((outcome, ()), (SENT, ["6-18"])) is None
    day_after = datetime(2026, 6, 19, 11, 30, tzinfo=UTC)
    assert gap_ahead((day_after, ()), (SENT, ["6-18"])) == 1.0
    assert ITINERARY.headline_days == ("6-18",)
