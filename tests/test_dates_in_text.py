"""Dates written day-first in numbers, and dates found inside a longer line."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from aggregator.toolkit.dates import parse_date, search_dates

REFERENCE = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)


def at(
    year: int, month: int, day: int, hour: int = 0, minute: int = 0, offset: float = 0
) -> datetime:
    zone = timezone(timedelta(hours=offset)) if offset else UTC
    return datetime(year, month, day, hour, minute, tzinfo=zone)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("14/03/2025", at(2025, 3, 14)),
        ("02/06/2025", at(2025, 6, 2)),
        ("11.06.2025", at(2025, 6, 11)),
        ("05-05-2025", at(2025, 5, 5)),
        ("12/25/2025", at(2025, 12, 25)),
        ("03/10/2026 | 02:18am EDT", at(2026, 3, 10, 2, 18, offset=-4)),
        ("03/10/2025 | 02:18am IST", at(2025, 10, 3, 2, 18, offset=5.5)),
        ("14/03/2025 10:05 IST", at(2025, 3, 14, 10, 5, offset=5.5)),
        ("16 DEC 2025 7:45PM", at(2025, 12, 16, 19, 45)),
        ("Monday, 3 November 2025", at(2025, 11, 3)),
    ],
)
def test_day_first_and_capitals(text: str, expected: datetime) -> None:
    assert parse_date(text, reference=REFERENCE) == expected


@pytest.mark.parametrize("text", ["31/02/2025", "13/13/2025", "1.2.3", "2025/31/01"])
def test_impossible_numbers_are_not_dates(text: str) -> None:
    assert parse_date(text, reference=REFERENCE) is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Posted On: 16 DEC 2025 7:45PM by the press office", at(2025, 12, 16, 19, 45)),
        ("via Some Wire · 19 Jun 2025, 6:30 PM", at(2025, 6, 19, 18, 30)),
        ("Harbour City | Tue 21 Jan 2025 | 11:05 IST", at(2025, 1, 21, 11, 5, offset=5.5)),
        ("WIRE 0917 IST 09/01/2025", at(2025, 1, 9, 9, 17, offset=5.5)),
        ("Broadcast Sunday 9 March 2025 at 7:05pm", at(2025, 3, 9, 19, 5)),
        ("17:40 JST, February 24, 2026", at(2026, 2, 24, 17, 40, offset=9)),
        ("Commentary | 03.02.2025", at(2025, 2, 3)),
    ],
)
def test_the_first_date_inside_a_line(line: str, expected: datetime) -> None:
    found = search_dates(line, reference=REFERENCE)
    assert found
    assert found[0][1].value == expected


def test_every_date_of_a_line_in_order_with_its_label() -> None:
    line = "First published: 27 Mar 2025, 6:12 PM IST | Last Updated: 28th March 2025"
    found = search_dates(line, reference=REFERENCE)
    assert [(match.value.date().isoformat(), match.label) for _, match in found] == [
        ("2025-03-27", "published"),
        ("2025-03-28", "updated"),
    ]


def test_numbers_inside_words_and_figures_are_not_dates() -> None:
    assert search_dates("Sensex 77,606.43 up 0.41% and 12.5.2 release", reference=REFERENCE) == []
