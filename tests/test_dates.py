from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from aggregator.toolkit.dates import (
    FUTURE_TOLERANCE,
    US_GENERIC_ZONES,
    ZONES,
    find_date_prefix,
    parse_date,
    parse_date_line,
)

REFERENCE = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)


def tz(hours: float) -> timezone:
    return timezone(timedelta(hours=hours))


def at(
    year: int, month: int, day: int, hour: int = 0, minute: int = 0, *, offset: float = 0
) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=tz(offset) if offset else UTC)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("March 6, 2026", at(2026, 3, 6)),
        ("Mar 6, 2026", at(2026, 3, 6)),
        ("Mar. 6, 2026", at(2026, 3, 6)),
        ("March 6 2026", at(2026, 3, 6)),
        ("March 6th, 2026", at(2026, 3, 6)),
        ("Sept. 5, 2025", at(2025, 9, 5)),
        ("6 March 2026", at(2026, 3, 6)),
        ("06 Mar 2026", at(2026, 3, 6)),
        ("6th of March, 2026", at(2026, 3, 6)),
        ("Friday, March 6, 2026", at(2026, 3, 6)),
        ("Fri. Mar 6, 2026", at(2026, 3, 6)),
        ("Mar 6, 2026 10:32 AM IST", at(2026, 3, 6, 10, 32, offset=5.5)),
        ("18 Feb 2026, 05:12 PM IST", at(2026, 2, 18, 17, 12, offset=5.5)),
        ("February 18, 2026 14:05 JST", at(2026, 2, 18, 14, 5, offset=9)),
        ("2026-02-18 09:30 UTC", at(2026, 2, 18, 9, 30)),
        ("Feb 18, 2026 | 9:12 pm ET", at(2026, 2, 18, 21, 12, offset=-5)),
        ("Feb. 18, 2026, 9:12 p.m. ET", at(2026, 2, 18, 21, 12, offset=-5)),
        ("Feb 18, 2026 at 12:05 am GMT", at(2026, 2, 18, 0, 5)),
        ("Feb 18, 2026 12:30 PM", at(2026, 2, 18, 12, 30)),
        ("Feb 18, 2026 14:05 hrs (IST)", at(2026, 2, 18, 14, 5, offset=5.5)),
        ("2026-02-18", at(2026, 2, 18)),
        ("2026/02/18", at(2026, 2, 18)),
        ("2026-02-18T09:30:00+05:30", at(2026, 2, 18, 9, 30, offset=5.5)),
        ("2026-02-18T04:00:00Z", at(2026, 2, 18, 4)),
        ("2026-02-18T04:00:00.123Z", at(2026, 2, 18, 4)),
        ("2026-02-18T09:30:00-0500", at(2026, 2, 18, 9, 30, offset=-5)),
        ("Fri, 06 Mar 2026 10:00:00 +0000", at(2026, 3, 6, 10)),
        ("Fri, 06 Mar 2026 10:00:00 GMT", at(2026, 3, 6, 10)),
        ("Feb 18, 2026 10:00 GMT+5:30", at(2026, 2, 18, 10, offset=5.5)),
        ("Feb 18, 2026 10:00 UTC+09:00", at(2026, 2, 18, 10, offset=9)),
        ("Tue 10 Mar 2026 17.45 GMT", at(2026, 3, 10, 17, 45)),
        ("10 March 2026 9.05 am", at(2026, 3, 10, 9, 5)),
    ],
)
def test_formats(text: str, expected: datetime) -> None:
    result = parse_date(text, reference=REFERENCE)
    assert result == expected
    assert result is not None and result.utcoffset() == expected.utcoffset()


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Updated: Mar 6, 2026", "updated"),
        ("Last Updated: Mar 6, 2026", "updated"),
        ("Published: Mar 6, 2026", "published"),
        ("Published on Mar 6, 2026", "published"),
        ("Posted on Mar 6, 2026", "published"),
        ("First published: Mar 6, 2026", "published"),
        ("Mar 6, 2026", None),
    ],
)
def test_labels_are_stripped_and_reported(text: str, label: str | None) -> None:
    assert parse_date(text) == at(2026, 3, 6)
    found = find_date_prefix(text)
    assert found is not None
    assert found.label == label
    assert found.text == "Mar 6, 2026"


@pytest.mark.parametrize(
    ("zone", "offset"),
    [
        ("IST", 5.5),
        ("JST", 9),
        ("UTC", 0),
        ("GMT", 0),
        ("EST", -5),
        ("EDT", -4),
        ("PST", -8),
        ("PDT", -7),
        ("CET", 1),
        ("CEST", 2),
        ("BST", 1),
        ("SGT", 8),
        ("AEST", 10),
    ],
)
def test_zone_abbreviations(zone: str, offset: float) -> None:
    assert ZONES[zone] == timedelta(hours=offset)
    result = parse_date(f"Feb 18, 2026 10:00 {zone}")
    assert result is not None
    assert result.utcoffset() == timedelta(hours=offset)
    assert result.hour == 10


@pytest.mark.parametrize(
    ("text", "offset"),
    [
        ("Jan 15, 2026 9:00 am ET", -5),
        ("Jul 15, 2025 9:00 am ET", -4),
        ("Jan 15, 2026 9:00 am PT", -8),
        ("Jul 15, 2025 9:00 am PT", -7),
        ("Mar 8, 2026 1:59 am ET", -5),
        ("Mar 8, 2026 3:00 am ET", -4),
        ("Nov 1, 2025 3:00 am ET", -4),
        ("Nov 2, 2025 3:00 am ET", -5),
    ],
)
def test_generic_us_zones_follow_daylight_saving(text: str, offset: float) -> None:
    assert "ET" in US_GENERIC_ZONES
    result = parse_date(text)
    assert result is not None
    assert result.utcoffset() == timedelta(hours=offset)


def test_date_without_time_is_midnight_utc() -> None:
    assert parse_date("6 March 2026") == datetime(2026, 3, 6, tzinfo=UTC)


def test_time_without_zone_is_utc() -> None:
    result = parse_date("6 March 2026 18:45")
    assert result == datetime(2026, 3, 6, 18, 45, tzinfo=UTC)
    assert result is not None and result.tzinfo is UTC


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "2 min read",
        "Summary based on 11 sources",
        "On February 8, Prime Minister Narendra Modi congratulated his counterpart.",
        "March 6, 2026 was a busy day in Tokyo",
        "The meeting is in March",
        "Tokyo, Feb 17",
        "Feb 30, 2026",
        "2026-13-01",
        "Mar 6, 2026 25:00",
        "Mar 6, 2026 13:00 pm",
        "Mar 6, 1850",
        "Mar 6, 2026 17.45",
        "6 Mar",
        "x" * 5000,
    ],
)
def test_rejects_non_dates(text: str) -> None:
    assert parse_date(text) is None


def test_unknown_zone_word_makes_the_line_prose() -> None:
    assert parse_date("Mar 6, 2026 10:32 AM in Tokyo") is None
    found = find_date_prefix("Mar 6, 2026 10:32 AM in Tokyo")
    assert found is not None
    assert found.text == "Mar 6, 2026 10:32 AM"


def test_future_dates_are_rejected() -> None:
    assert parse_date("March 6, 2027", reference=REFERENCE) is None
    assert parse_date("2026-03-20", reference=REFERENCE) is None
    assert parse_date("March 6, 2027") == at(2027, 3, 6)


def test_future_tolerance_allows_time_zone_skew() -> None:
    assert timedelta(days=2) == FUTURE_TOLERANCE
    assert parse_date("2026-03-12", reference=REFERENCE) == at(2026, 3, 12)
    assert parse_date("2026-03-13", reference=REFERENCE) is None


def test_naive_reference_is_taken_as_utc() -> None:
    assert parse_date("Feb 17", reference=datetime(2026, 3, 10)) == at(2026, 2, 17)


class TestYearInference:
    def test_needs_a_hint_or_reference(self) -> None:
        assert parse_date("Feb 17") is None

    def test_from_reference(self) -> None:
        assert parse_date("Feb 17", reference=REFERENCE) == at(2026, 2, 17)

    def test_from_reference_goes_back_a_year(self) -> None:
        assert parse_date("Dec 30", reference=REFERENCE) == at(2025, 12, 30)

    def test_from_reference_within_tolerance(self) -> None:
        reference = datetime(2025, 12, 31, 20, tzinfo=UTC)
        assert parse_date("Jan 1", reference=reference) == at(2026, 1, 1)

    def test_leap_day_picks_a_leap_year(self) -> None:
        assert parse_date("Feb 29", reference=REFERENCE) == at(2024, 2, 29)

    def test_hint_wins_over_reference(self) -> None:
        assert parse_date("Feb 17", reference=REFERENCE, year_hint=2024) == at(2024, 2, 17)

    def test_hint_without_reference(self) -> None:
        assert parse_date("17 Feb", year_hint=2019) == at(2019, 2, 17)

    def test_future_hint_is_skipped(self) -> None:
        hints = [2026, 2024]
        assert parse_date("Dec 20", reference=REFERENCE, year_hint=hints) == at(2024, 12, 20)

    def test_future_hint_falls_back_to_reference(self) -> None:
        assert parse_date("Dec 20", reference=REFERENCE, year_hint=2026) == at(2025, 12, 20)

    def test_with_time_and_zone(self) -> None:
        expected = at(2026, 2, 17, 9, 15, offset=9)
        assert parse_date("Feb 17, 9:15 am JST", reference=REFERENCE) == expected


class TestFindDatePrefix:
    def test_dateline_date_followed_by_agency(self) -> None:
        found = find_date_prefix("Feb 17 (PTI) — India and Japan", reference=REFERENCE)
        assert found is not None
        assert found.value == at(2026, 2, 17)
        assert found.text == "Feb 17"
        assert found.end == 6

    def test_date_followed_by_colon(self) -> None:
        found = find_date_prefix("March 3: India and Japan", reference=REFERENCE)
        assert found is not None
        assert (found.value, found.text) == (at(2026, 3, 3), "March 3")

    def test_keeps_the_weekday_in_text(self) -> None:
        found = find_date_prefix("Published: Friday, March 6, 2026 | Tokyo")
        assert found is not None
        assert found.text == "Friday, March 6, 2026"

    def test_no_date(self) -> None:
        assert find_date_prefix("India and Japan, March 3") is None

    def test_does_not_read_a_count_as_a_time(self) -> None:
        found = find_date_prefix("March 3, 2026 - 10 people were hurt")
        assert found is not None
        assert found.text == "March 3, 2026"


class TestParseDateLine:
    def test_single_date(self) -> None:
        found = parse_date_line("  Updated: 18 Feb 2026, 05:12 PM IST  ")
        assert found is not None
        assert found.value == at(2026, 2, 18, 17, 12, offset=5.5)
        assert found.label == "updated"

    def test_prefers_published_over_updated(self) -> None:
        line = "Updated: Feb 19, 2026 10:00 IST | Published: Feb 18, 2026 9:00 IST"
        found = parse_date_line(line)
        assert found is not None
        assert found.value == at(2026, 2, 18, 9, offset=5.5)
        assert found.label == "published"
        assert found.text == "Feb 18, 2026 9:00 IST"

    def test_every_part_must_be_a_date(self) -> None:
        assert parse_date_line("Published: Feb 18, 2026 | Updated: yesterday") is None

    def test_prose_is_not_a_date_line(self) -> None:
        assert parse_date_line("It was published on Feb 18, 2026 and updated later.") is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "17:40 JST, August 6, 2025",
            datetime(2025, 8, 6, 17, 40, tzinfo=timezone(timedelta(hours=9))),
        ),
        (
            "9:05 pm IST | 3 March 2025",
            datetime(2025, 3, 3, 21, 5, tzinfo=timezone(timedelta(hours=5.5))),
        ),
        (
            "Mar 3, 2025 09:20 (GMT+5:30)",
            datetime(2025, 3, 3, 9, 20, tzinfo=timezone(timedelta(hours=5.5))),
        ),
        (
            "Updated: 17:40 JST, March 4, 2025 | Published: 17:40 JST, March 3, 2025",
            datetime(2025, 3, 3, 17, 40, tzinfo=timezone(timedelta(hours=9))),
        ),
    ],
)
def test_a_time_before_its_date_and_a_zone_in_parentheses(line: str, expected: datetime) -> None:
    found = parse_date_line(line, reference=datetime(2026, 3, 1, tzinfo=UTC))
    assert found is not None and found.value == expected


def test_an_impossible_time_is_not_read_as_a_time() -> None:
    found = find_date_prefix("24 Feb 2025 25:99 hrs", reference=datetime(2026, 3, 1, tzinfo=UTC))
    assert found is not None and found.value == datetime(2025, 2, 24, tzinfo=UTC)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("9:12 PM · Feb 5, 2026", datetime(2026, 2, 5, 21, 12, tzinfo=UTC)),
        ("Answered March 7, 2026", datetime(2026, 3, 7, tzinfo=UTC)),
        ("Aired: 3 March 2026", datetime(2026, 3, 3, tzinfo=UTC)),
        ("Issued on 2 March 2026", datetime(2026, 3, 2, tzinfo=UTC)),
    ],
)
def test_time_first_in_capitals_and_more_labels(line: str, expected: datetime) -> None:
    found = parse_date_line(line, reference=REFERENCE)
    assert found is not None and found.value == expected


def test_a_date_in_japanese_script_is_japan_s_local_day() -> None:
    found = parse_date_line("2025年11月26日 6時00分", reference=REFERENCE)
    assert found is not None
    assert found.value == datetime(2025, 11, 26, 6, 0, tzinfo=tz(9))


def test_a_yearless_date_more_than_a_day_ahead_is_last_year_s() -> None:
    reference = datetime(2026, 12, 6, 4, 0, tzinfo=UTC)
    found = parse_date_line("Dec. 8", reference=reference, year_hint=[2026, 2025])
    assert found is not None and found.value == datetime(2025, 12, 8, tzinfo=UTC)
    found = parse_date_line("Dec. 6", reference=reference, year_hint=[2026, 2025])
    assert found is not None and found.value == datetime(2026, 12, 6, tzinfo=UTC)
    just_after_midnight = datetime(2026, 12, 7, 0, 10, tzinfo=UTC)
    found = parse_date_line("Dec. 8", reference=just_after_midnight, year_hint=[2026, 2025])
    assert found is not None and found.value == datetime(2025, 12, 8, tzinfo=UTC)
    day_begun_in_kiribati = datetime(2026, 12, 7, 10, 0, tzinfo=UTC)
    found = parse_date_line("Dec. 8", reference=day_begun_in_kiribati, year_hint=[2026, 2025])
    assert found is not None and found.value == datetime(2026, 12, 8, tzinfo=UTC)


@pytest.mark.parametrize("line", ["3-Feb-26", "03-FEB-2026", "3-feb-2026"])
def test_a_hyphenated_day_month_and_year(line: str) -> None:
    found = parse_date_line(line, reference=REFERENCE)
    assert found is not None and found.value == datetime(2026, 2, 3, tzinfo=UTC)


def test_a_day_s_name_in_parentheses_after_a_date_is_no_date_line() -> None:
    """A list of holidays ("Tuesday, 29 April 2025 (Showa Day)") is text, not a date line."""
    assert parse_date_line("Tuesday, 29 April 2025 (Showa Day)") is None
