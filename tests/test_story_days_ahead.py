"""An announcement and the reports of the event it announces (story_days).

A protocol office's itinerary goes out days before a visit, its headline naming the visit's
days; the reports of the visit come out on those days, further from the itinerary's date
than ``max_gap_days``. The day the headline names ahead is what their dates are weighed
against; a day named only in a text, weeks ahead, or days from the other report is not.
Invented texts throughout.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from story_support import placed

from aggregator.plugins.cluster_stories import Settings, _stored, similarity
from aggregator.toolkit.story_days import days_ahead, gap_ahead, headline_days, headline_places

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
        "Iceland's Minister of Fisheries and Norway's Minister of Fisheries and Ocean Policy"
        " signed an agreement in Reykjavik on Wednesday setting each country's share of"
        " Barents Sea cod for 2027, ending three years of talks.",
        "quotas",
        datetime(2026, 6, 17, 15, tzinfo=UTC),
    )[0]
    score, reason = similarity(quotas, ITINERARY)
    assert not reason.startswith("dated")
    assert score < THRESHOLD


def test_only_the_headline_s_days_ahead_and_near_the_other_report_count() -> None:
    june = "Visit 16-18 June 2026"
    # a day named only in the text: the day of a later event an earlier one mentions
    assert headline_days(["6-18", "6-16", "6-30", "50billion"], june) == ("6-18", "6-16")
    assert headline_days(["6-18"], "Memorandum signed on 18th") == ()
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


def test_a_month_s_word_counts_only_next_to_a_day_number() -> None:
    """A modal "may" or a verb "march" is no month: a headline with a number elsewhere
    names no day."""
    assert headline_days(["5-12"], "Japan may buy 12 more patrol aircraft") == ()
    assert headline_days(["3-40"], "Farmers march 40 km to the port") == ()
    assert headline_days(["5-12"], "Japan may sign the pact on 12 May") == ("5-12",)
    assert headline_days(["5-12"], "Pact to be signed May 12") == ("5-12",)


def test_a_week_ahead_list_names_no_event_s_day() -> None:
    """A preview of several events' days is no announcement of one of them."""
    assert (
        headline_days(
            ["11-16", "11-19"],
            "Week ahead: Norwegian trade mission in Santiago on 16 November, central bank"
            " decision on 19 November",
        )
        == ()
    )
    assert headline_days(["11-16"], "Diary: trade mission in Santiago on 16 November") == ()
    assert headline_days(["11-16"], "Trade mission in Santiago on 16 November") == ("11-16",)


def test_an_office_holder_s_weekly_schedule_names_no_event_s_day() -> None:
    """A ministry's page of its minister's week lists several engagements; a visit on its
    last day, reported elsewhere, is no event the page announces."""
    assert (
        headline_days(
            ["11-9", "11-13"],
            "Schedule of the Deputy Minister for Fisheries (November 9 - 13, 2026)",
        )
        == ()
    )
    assert headline_days(["11-16"], "Visit of the Fisheries Minister, 16-18 November") == ("11-16",)


WEEK_AHEAD = placed(
    "Week ahead: Norwegian trade mission in Santiago on 16 November, Chile's central bank"
    " decision on 19 November",
    "A Norwegian trade mission of 40 salmon and shipping firms meets Chilean buyers in"
    " Santiago on Monday. On Thursday the Central Bank of Chile announces its rate decision;"
    " economists expect a cut of a quarter point.",
    "ahead",
    datetime(2026, 11, 12, 8, tzinfo=UTC),
)[0]


def test_a_week_ahead_preview_joins_neither_event_s_report() -> None:
    """Reports of the two events the preview lists, each dated on its day: further from the
    preview than the clusterer's days, and their dates are what counts."""
    rates = placed(
        "Central Bank of Chile cuts its rate by a quarter point",
        "The Central Bank of Chile cut its policy rate by a quarter point to 4.5% on Thursday,"
        " saying inflation had eased; economists had expected the move.",
        "rates",
        datetime(2026, 11, 19, 18, tzinfo=UTC),
    )[0]
    mission = placed(
        "Norwegian salmon firms court Chilean buyers in Santiago",
        "Forty Norwegian salmon and shipping firms met Chilean buyers in Santiago on Monday,"
        " on a trade mission led by Norway's trade minister.",
        "mission",
        datetime(2026, 11, 16, 15, tzinfo=UTC),
    )[0]
    assert WEEK_AHEAD.headline_days == ()
    for report in (rates, mission):
        assert similarity(report, WEEK_AHEAD)[1].startswith("dated")


def test_an_announcement_and_another_event_elsewhere_that_day_stay_apart() -> None:
    """A notice of a coast guard ship's visit to one port, and a pact the two coast guards
    sign in the capital during it: the report names the subject, not the visit's place."""
    notice = placed(
        "Chilean Navy training ship to visit Bergen on 14-16 January",
        "The Chilean Navy's training ship Esmeralda will call at Bergen from 14 to 16 January"
        " with 300 cadets, the Chilean embassy in Oslo said. The public may board the ship"
        " on the second day.",
        "notice",
        datetime(2026, 1, 9, 10, tzinfo=UTC),
    )[0]
    pact = placed(
        "Chilean and Norwegian navies sign search-and-rescue pact in Oslo",
        "The Chilean Navy and the Royal Norwegian Navy signed a search-and-rescue pact in Oslo"
        " on Thursday, during the Chilean Navy training ship's visit to Norway.",
        "pact",
        datetime(2026, 1, 15, 12, tzinfo=UTC),
    )[0]
    assert notice.headline_days == ("1-16",) and notice.headline_places == ("bergen",)
    assert similarity(pact, notice)[1].startswith("dated")


def test_a_headline_s_place_is_its_capitalised_words_after_in_to_or_visit() -> None:
    assert headline_places("Ministers to hold dialogue in New Delhi on 20 August") == ("delhi",)
    assert headline_places("Itinerary - Visit of the Minister of Chile to Norway") == ("norway",)
    assert headline_places("Ministers to hold dialogue on 20 August") == ()


def test_a_headline_s_days_and_place_are_stored_in_one_order() -> None:
    """The index row is the same bytes whatever order a process's string hashing gave the
    report's word sets: runs with one and with several workers store the same rows."""
    stored = _stored(
        replace(ITINERARY, headline_days=("6-18", "6-16"), headline_places=("oslo", "bergen")),
        placed("Visit to Norway, 16-18 June", "Talks in Bergen.", "itinerary", SENT)[1],
    )
    assert stored.headline_days == "6-16 6-18"
    assert stored.headline_places == "bergen oslo"
