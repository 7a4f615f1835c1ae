"""A paged document's running heads and feet, found by their repetition in one text.

Invented texts: a think tank's slide deck whose every slide ends on the same foot with
its number, an annual report's feet, a tribunal order's case number beside "Page n of
m". Beside them, the look-alikes that stay: a table's rows that share a label, numbers
that do not rise, a sentence that names a page.
"""

from __future__ import annotations

from tests.boilerplate_support import removed

DECK = """Monsoon freight outlook
Coastal shipping volumes rose sharply in the first quarter as new berths opened.
Harbour Studies Group | For discussion only | 1
Two new terminals at the southern ports are expected to double container capacity soon.
Harbour Studies Group | For discussion only | 2
Officials said tariffs would be reviewed after the first full season.
Harbour Studies Group | For discussion only | 3"""


def test_a_foot_repeated_with_a_rising_page_number_goes() -> None:
    assert removed(DECK) == [
        "Harbour Studies Group | For discussion only | 1",
        "Harbour Studies Group | For discussion only | 2",
        "Harbour Studies Group | For discussion only | 3",
    ]


def test_an_annual_reports_numbered_foot_goes() -> None:
    text = (
        "The board met six times during the year and approved the new plant at Hosur.\n"
        "Yearbook 2025-26 | 41\n"
        "Sales to overseas buyers grew by a fifth, led by orders from two carmakers.\n"
        "Yearbook 2025-26 | 42"
    )
    assert removed(text) == ["Yearbook 2025-26 | 41", "Yearbook 2025-26 | 42"]


def test_a_case_number_beside_page_n_of_m_goes_even_once() -> None:
    text = (
        "The tribunal heard both parties on the question of the delayed shipments.\n"
        "Appeal 77/2025 Page 4 of 19\n"
        "It found that the notice of termination had been served out of time."
    )
    assert removed(text) == ["Appeal 77/2025 Page 4 of 19"]


def test_table_rows_that_share_a_label_stay() -> None:
    text = (
        "Arrivals by port in the quarter were uneven across the coast this year.\n"
        "Chennai port | 14\n"
        "Kochi port | 9\n"
        "Chennai port | 11"
    )
    assert removed(text) == []


def test_a_sentence_that_names_a_page_stays() -> None:
    text = (
        "The ministry published its figures in a long annual report this week.\n"
        "The full table is on page 3 of 12\n"
        "Officials expect the numbers to be revised next month."
    )
    assert removed(text) == []


def test_a_magazines_folio_goes_once() -> None:
    text = "\n".join(
        [
            "Ports of the Bay",
            "Japan's loans have rebuilt two berths at Paradip and a third is on the way, the",
            "port trust's chairman said on a tour of the harbour with visiting engineers.",
            "27 | BAY OF BENGAL REVIEW | SEPTEMBER 2026",
            "9 COASTAL TRADE MONTHLY MAY 2026",
            "EASTERN PORTS ANNUAL REPORT 2026 | 12",
        ]
    )
    gone = removed(text)
    assert "27 | BAY OF BENGAL REVIEW | SEPTEMBER 2026" in gone
    assert "9 COASTAL TRADE MONTHLY MAY 2026" in gone
    assert "EASTERN PORTS ANNUAL REPORT 2026 | 12" in gone


def test_a_headline_or_a_row_in_capitals_is_no_folio() -> None:
    text = "\n".join(
        [
            "5 KILLED AS FERRY CAPSIZES OFF SAGAR ISLAND",
            "The ferry was carrying pilgrims to the fair when it overturned in high winds.",
            "12 | NEW DELHI | TOKYO",
        ]
    )
    gone = removed(text)
    assert "5 KILLED AS FERRY CAPSIZES OFF SAGAR ISLAND" not in gone
    assert "12 | NEW DELHI | TOKYO" not in gone
