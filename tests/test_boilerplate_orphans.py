"""A section heading whose lines the rules all took.

Invented texts: a council's page with "Materials" over its documents' download links, a
podcast's "Chapters" over time codes. Their look-alikes stay: a heading over one removed
line, and the short line under a name over a footer at the text's end (a letter writer's
town).
"""

from __future__ import annotations

from tests.boilerplate_support import removed

SUMMARY = [
    "Summary of discussion",
    "The secretariat reported that 41,000 workers had come to the prefecture under the",
    "programme by March, and members asked for more Japanese-language teachers in the ports.",
]


def test_a_heading_over_download_links_goes_and_the_summary_stays() -> None:
    links = [
        "Document 1: Arrivals by port, FY2025 (PDF: 890KB)",
        "Document 2: Proposal on language teachers (PDF: 1.2MB)",
    ]
    title = "Harbour Workers Panel (3rd Meeting)"
    gone = removed("\n".join([title, "Materials", *links, *SUMMARY]))
    assert "Materials" in gone
    assert all(line in gone for line in links)
    assert not any(line in gone for line in SUMMARY)


def test_a_heading_at_the_texts_end_over_its_footer_stays() -> None:
    letter = [
        "Sir,",
        "The new berth will help the feeder lines, but the road to it is still a single lane,",
        "and the trucks already queue for a kilometre on market days at the old gate.",
        "Mahesh Iyer",
        "Kochi",
    ]
    footer = [
        "Letters may be edited for length. Write to letters@harbourtimes.example.",
        "© 2026 The Harbour Times",
    ]
    assert "Kochi" not in removed("\n".join([*letter, *footer]))


def test_a_heading_under_the_last_sentence_over_the_footer_goes() -> None:
    footer = ["© 2026 The Harbour Times", "Privacy policy | Terms of use | Contact us"]
    text = "\n".join([*SUMMARY, "Port notes", *footer])
    assert "Port notes" in removed(text)
