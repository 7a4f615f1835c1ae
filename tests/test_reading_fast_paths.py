"""The cheap tests that spare the reader a pattern answer as the pattern would.

Each speed-up of the reading stages skips a regular expression when a cheaper test shows
it cannot match; these pin the cases at the edge of each shortcut.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest

from aggregator.toolkit.article_dates import DateReader
from aggregator.toolkit.boilerplate_cleaner import _WRAPPED
from aggregator.toolkit.datelines import match_dateline
from aggregator.toolkit.header_lines import header_field
from aggregator.toolkit.header_zone import _WRAPPED_PROSE, is_body_prose
from aggregator.toolkit.text import normalise

READER = DateReader("", datetime(2026, 6, 1, tzinfo=UTC))
CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


@pytest.mark.parametrize(
    "text",
    [
        "Bell\x07 and\x00 escape\x1b gone\x7f",
        "tab\tand\nnewline and form\x0cfeed\x0b",
        "plain words only",
        "C1 controls \x85 and \x9f go too, with an accent: e\u0301",
    ],
)
def test_normalise_drops_the_same_controls_from_ascii_and_other_text(text: str) -> None:
    expected = CONTROLS.sub("", text.replace("\r\n", "\n"))
    if not expected.isascii():
        expected = expected.replace("e\u0301", "\u00e9")
    assert normalise(text) == expected
    assert "\t" in normalise("a\tb") and "\n" in normalise("a\r\nb")


@pytest.mark.parametrize(
    ("line", "wrapped"),
    [
        ("the ferry left late. Passengers waited", True),
        ("the ferry left at 5 p.m. Passengers waited", False),
        ("met Dr. Rao there", False),
        ("ends mid-sentence,", True),
        ("ends mid-sentence,\n", True),
        ("a stop. then lower case", False),
        ("abc.  Two spaces", False),
        ("xyz. Y", True),
    ],
)
def test_wrapped_prose_is_found_from_each_stop(line: str, wrapped: bool) -> None:
    assert (_WRAPPED_PROSE.search(line) is not None) is wrapped
    assert (_WRAPPED.search(line) is not None) is (wrapped and not line.rstrip().endswith(","))


def test_a_long_line_wrapped_at_a_width_is_body_prose() -> None:
    line = "the harbour board met on the pier for an hour. Then the two delegations parted"
    assert is_body_prose(line)
    assert not is_body_prose(line.replace("hour. Then", "hour then"))


@pytest.mark.parametrize(
    ("line", "label"),
    [
        ("Headline: Ferry talks resume", "headline"),
        ("Date:   14 May 2026", "date"),
        ("A line without any colon at all", None),
        ("Ratio 3:2 in the final", None),
    ],
)
def test_header_field_reads_only_lines_with_a_colon(line: str, label: str | None) -> None:
    found = header_field(line)
    assert (found.label if found else None) == label


@pytest.mark.parametrize(
    ("line", "place", "agency"),
    [
        ("PORT MARA (PTI) - The ferry resumed service.", "Port Mara", "PTI"),
        ("Port Mara  (Reuters) The ferry resumed service.", "Port Mara", "Reuters"),
        ("PORT MARA — The ferry resumed service.", "Port Mara", None),
        ("PORT MARA\t– The ferry resumed service.", "Port Mara", None),
        ("Port Mara, May 14 - The ferry resumed service.", "Port Mara", None),
    ],
)
def test_datelines_are_still_read(line: str, place: str, agency: str | None) -> None:
    dateline = match_dateline(line, READER)
    assert dateline is not None
    assert (dateline.place, dateline.agency) == (place, agency)


@pytest.mark.parametrize(
    "line",
    ["Port Mara welcomed the ferry.", "Port Mara - the ferry resumed", "PORT MARA"],
)
def test_prose_and_lone_places_are_no_datelines(line: str) -> None:
    assert match_dateline(line, READER) is None
