"""A fact sheet's "Label: value" rows are the article's, not its header's nor furniture.

Invented pages: a donor's project sheet under its headline, a loan note's terms, and,
against them, a monitoring service's header block and a consultation page's fields, which
stay metadata. The sheet's rows must stay in the body (the parser read them as header
fields) and stay through cleaning when the outlet prints a row's label in every document
with its own figures, or prints two dates as one bar of fields.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from aggregator.plugins import clean_boilerplate as cb
from aggregator.toolkit.fact_blocks import fact_rows
from aggregator.toolkit.plaintext import extract_article
from tests.boilerplate_support import judge, learned, removed

REFERENCE = datetime(2026, 6, 30, tzinfo=UTC)

GRANT_PAGE = "\n".join(
    [
        "CONSULATE OF RIVERLAND",
        "Home | Visas | Cooperation | Culture",
        "Riverland funds a water tank for a hill school in Almora",
        "",
        "Project summary",
        "Project name: Rainwater Storage for the Devidhura Middle School",
        "Partner organisation: Kumaon Jal Sewa Trust",
        "Region: Almora District, Uttarakhand",
        "Grant: 6,400,000 riverland marks (about 3.1 million rupees)",
        "Signed on: 3 June 2026",
        "",
        "The consul signed a grant with the Kumaon Jal Sewa Trust for a rainwater tank that"
        " will serve the Devidhura school and two hamlets through the dry months.",
        "",
        "The trust will build the tank before the monsoon and train pupils to keep it clean.",
    ]
)


def test_a_project_sheet_under_the_headline_stays_in_the_body() -> None:
    article = extract_article(GRANT_PAGE, reference=REFERENCE)
    assert article.title == "Riverland funds a water tank for a hill school in Almora"
    for row in (
        "Project name: Rainwater Storage for the Devidhura Middle School",
        "Partner organisation: Kumaon Jal Sewa Trust",
        "Region: Almora District, Uttarakhand",
    ):
        assert row in article.body


def test_a_loan_notes_terms_are_facts_though_their_labels_are_a_headers() -> None:
    lines = [
        "HARBOUR FINANCE LIMITED – OFFERING CIRCULAR",
        "Principal amount: ₹750 crore",
        "Coupon: 7.85% per annum",
        "Issue date: 4 July 2026",
        "Term: 36 months",
        "Rating: AA/Stable",
        "The notes fund the company's lending to small ports on the east coast, it said.",
    ]
    assert fact_rows(lines) == {1, 2, 3, 4, 5}


def test_a_monitoring_header_block_is_no_fact_sheet() -> None:
    lines = [
        "CLIPWATCH MEDIA MONITORING — Broadcast Transcript",
        "Client: Tarang Solar (liaison office)",
        "Channel: Coastal News 24x7",
        "Programme: Market Hour",
        "Date: 12/06/2026",
        "Duration: 00:03:10",
        "Language: English",
        "ANCHOR: Tarang Solar will build a panel plant near Chennai with a Japanese partner,"
        " our correspondent reports from the Coastal News desk.",
    ]
    assert fact_rows(lines) == set()


def test_a_notices_schedule_of_dates_is_no_fact_sheet() -> None:
    lines = [
        "Quotations invited: Supply of office furniture",
        "Closing date: 20.06.2026 (15:00 IST)",
        "Opening of bids: 21.06.2026",
        "Delivery: within 30 days of the order",
        "The consulate invites quotations for desks and chairs for its visa office, with"
        " delivery and assembly included.",
    ]
    assert fact_rows(lines) == set()


SHEET_TEXT = "\n\n".join(
    [
        "The port trust signed a loan with a Japanese bank for two new tugs and a pilot"
        " boat, to be delivered to Paradip by the end of next year.",
        "Lender: Hoshi Bank of Osaka",
        "Amount: ¥3,200,000,000 (about 1.8 billion rupees)",
        "Term: 15 years",
        "Drawdown opens: 1 July 2026 | Drawdown closes: 30 June 2027",
        "The tugs will be built at a yard in Goa under the loan's terms.",
    ]
)


def test_a_repeated_label_with_its_own_amount_stays_inside_a_sheet() -> None:
    stats = learned("Amount: ¥1,100,000,000 (about 0.6 billion rupees)")
    assert removed(SHEET_TEXT, stats) == []


def test_a_bar_of_two_dates_stays_inside_a_sheet() -> None:
    assert "Drawdown opens: 1 July 2026 | Drawdown closes: 30 June 2027" not in removed(SHEET_TEXT)


def test_a_repeated_label_with_its_amount_stays_furniture_outside_a_sheet() -> None:
    text = "\n\n".join(
        [
            "The port trust signed a loan with a Japanese bank for two new tugs.",
            "Amount: ¥3,200,000,000 (about 1.8 billion rupees)",
            "The tugs will be built at a yard in Goa under the loan's terms.",
        ]
    )
    stats = learned("Amount: ¥1,100,000,000 (about 0.6 billion rupees)")
    assert removed(text, stats) == ["Amount: ¥3,200,000,000 (about 1.8 billion rupees)"]


FIGURES_BARS = [
    "Lots offered: 12,400 kg | Sold: 78% | Average: ₹512.60",
    "Vessels: 6 | Berths used: 4 | Cargo: 82,000 tonnes",
    "Firms: 9 | Offers: 41 | Median pay: ¥3.8 million a year",
]
FIELD_BARS = [
    "Stand: B2-14 | Hall: West 1 (Craft Street)",
    "Office hours: 09:00–17:00 (Mon–Fri) | Visa counter: 09:30–12:00",
    "Views: 1,204 | Comments: 3",
    "Opens: 4 June | Closes: 9 June",
    "Ad value: ₹2.1 lakh | Tone: Neutral",
]


@pytest.mark.parametrize("line", FIGURES_BARS)
def test_a_bar_of_the_reports_figures_is_no_field_bar(line: str) -> None:
    assert judge(line) is None


@pytest.mark.parametrize("line", FIELD_BARS)
def test_a_bar_of_fields_times_dates_or_reader_counts_is_still_furniture(line: str) -> None:
    assert judge(line) == "field bar"


def _market_report(week: int, sections: list[tuple[str, str]]) -> str:
    lines = [
        "HARBOUR GRAIN BROKERS",
        "Weekly market report",
        f"Week {week}: buyers from Osaka return to the coastal auctions in numbers",
        f"Summary: Trading in week {week} was brisk as exporters covered their autumn orders"
        " and two Japanese mills bought for the first time this season.",
    ]
    for heading, bar in sections:
        lines += [heading, bar]
    lines.append("Figures are provisional until the exchange confirms them.")
    return "\n".join(lines)


REPORTS = [
    _market_report(
        12,
        [
            ("WHEAT", "Lots offered: 12,400 kg | Sold: 78% | Average: ₹512.60"),
            ("BASMATI RICE", "Lots offered: 8,100 kg | Sold: 91% | Average: ₹744.10"),
        ],
    ),
    _market_report(13, [("WHEAT", "Lots offered: 10,900 kg | Sold: 83% | Average: ₹498.25")]),
    _market_report(
        14,
        [
            ("WHEAT", "Lots offered: 11,750 kg | Sold: 88% | Average: ₹505.00"),
            ("PULSES", "Lots offered: 3,300 kg | Sold: 69% | Average: ₹421.40"),
        ],
    ),
]


def _cleaned_reports(reports: list[str]) -> list[list[str]]:
    learner = cb.Learner(cb.Settings())
    for report in reports:
        learner.observe_lines("broker", report.split("\n"))
    stats = learner.stats("broker")
    return [removed(report, stats) for report in reports]


def test_a_reports_bars_of_its_own_figures_and_their_headings_stay_at_its_foot() -> None:
    for report, gone in zip(REPORTS, _cleaned_reports(REPORTS), strict=True):
        assert "Figures are provisional until the exchange confirms them." in gone
        sections = report.split("\n")[4:-1]
        assert not set(sections) & set(gone), gone


def test_a_bar_of_the_same_figures_in_every_document_is_the_outlets() -> None:
    helpline = "Control room: 1070 | District helpline: 1077"
    reports = [report.replace("WHEAT\n", f"{helpline}\nWHEAT\n") for report in REPORTS]
    for gone in _cleaned_reports(reports):
        assert helpline in gone
