"""Lines that a whole-line rule takes for furniture, kept by their place in the article.

Invented texts: a table of figures between paragraphs is not a ticker or a menu, a
corrigendum's "Read:" is not a related link, and a heading that every report of an
outlet repeats is not furniture when it stands between paragraphs.
"""

from __future__ import annotations

from boilerplate_support import learned

from aggregator.toolkit.boilerplate_cleaner import Cleaner
from aggregator.toolkit.boilerplate_learning import Settings, SourceStats
from aggregator.toolkit.lines import line_key

FIRST = "The ferry board published its quarterly figures on Monday, and fares rose slightly."
SECOND = "Traffic on the eastern crossing grew fastest, the board said in its statement."
THIRD = "The board expects the new pontoons to carry more passengers by the summer season."


def clean(lines: list[str], stats: SourceStats | None = None) -> tuple[str, list[str]]:
    text, removed = Cleaner(Settings(), stats).clean("\n\n".join(lines))
    return text, [line for line, _ in removed]


def test_rows_of_figures_under_a_lead_in_are_kept() -> None:
    rows = ["Route 1 (north): 12,400, +3.1%", "Route 2 (east): 18,950, +7.4%"]
    _, removed = clean([FIRST, "Trips by crossing:", *rows, SECOND])
    assert removed == []


def test_a_ticker_above_the_article_is_still_removed() -> None:
    rows = ["River Index: 1,204.5, +0.4%", "Port Index: 884.1, -0.2%"]
    _, removed = clean([*rows, FIRST, SECOND])
    assert removed == rows


def test_a_header_row_over_rows_of_figures_is_kept() -> None:
    header = "Crossing | Boats | Trips | Change"
    rows = ["North | 4 | 12,400 | 3.1", "East | 6 | 18,950 | 7.4"]
    _, removed = clean([FIRST, "The figures are set out below.", header, *rows])
    assert removed == []


def test_a_header_row_under_a_paragraph_wrapped_at_a_width_is_kept() -> None:
    wrapped = [
        "Work on the eastern landing reached two thirds of its length in May after the",
        "pontoons arrived from the yard, and the board approved the next payment to the",
        "builders.",
    ]
    table = ["Landing | Length (m) | Progress (%)", "East | 120 | 66.0", "North | 95 | 41.5"]
    _, removed = Cleaner(Settings(), None).clean("\n".join([*wrapped, *table]))
    assert removed == []
    _, removed = Cleaner(Settings(), None).clean("\n".join(["Ferries", "builders.", *table]))
    assert table[0] in [line for line, _ in removed]


def test_a_menu_row_at_the_top_is_still_removed() -> None:
    menu = "Home | Ferries | Timetables | Fares | Contact"
    _, removed = clean([menu, FIRST, SECOND])
    assert removed == [menu]


def test_the_read_line_of_a_corrigendum_is_kept() -> None:
    pair = ["For: 16.03.2026, 15:00 hrs", "Read: 13.04.2026, 15:00 hrs"]
    _, removed = clean([FIRST, *pair, SECOND])
    assert "Read: 13.04.2026, 15:00 hrs" not in removed
    _, removed = clean([FIRST, "Read: Ferry fares to rise again in June", SECOND])
    assert removed == ["Read: Ferry fares to rise again in June"]


def test_a_repeated_heading_between_paragraphs_is_kept() -> None:
    stats = SourceStats("ferry-desk")
    for document in range(4):
        stats.observe([line_key("What we found"), line_key("Share this story")], document, 8)
    _, removed = clean([FIRST, SECOND, "What we found", THIRD, "Share this story"], stats)
    assert removed == ["Share this story"]
    _, removed = clean(["What we found", FIRST, SECOND], stats)
    assert removed == ["What we found"]


def test_a_contents_list_goes_and_the_first_heading_under_it_stays() -> None:
    lines = ["Contents", "1 History", "2 Routes", "3 References", "History[edit]", FIRST, SECOND]
    _, removed = clean(lines)
    assert removed == ["Contents", "1 History", "2 Routes", "3 References"]


def test_a_wiki_reference_is_an_endnote() -> None:
    reference = '^ a b Quell, M. (2024). "Ferry fares rise". The Valley Courier.'
    _, removed = clean([FIRST, SECOND, "References[edit]", reference])
    assert reference in removed


MARKET_LEAD = "Shares in Lowland fell on Tuesday after the river port closed for a week of repairs."
MARKET_MORE = "Exporters led the losses, and the currency slipped against the dollar in late trade."
PRICES = ["Harbour Index 12,408.50 -1.84%", "Delta 40 3,201.10 -0.95%", "Ferrylines (4410) +2.2%"]
TRAILER = "(Reporting by Lena Fox; Editing by Omar Haddad)"


def _market_desk(*lines: str) -> SourceStats:
    stats = SourceStats("market-desk")
    for document in range(4):
        stats.observe([line_key(line) for line in lines], document, 8)
    return stats


def test_a_market_report_that_closes_on_its_table_of_prices_keeps_it() -> None:
    _, removed = clean([MARKET_LEAD, MARKET_MORE, *PRICES, TRAILER])
    assert removed == [TRAILER]


def test_a_repeated_heading_over_the_prices_under_the_article_is_kept() -> None:
    stats = _market_desk("Market movers")
    _, removed = clean([MARKET_LEAD, MARKET_MORE, "Market movers", *PRICES], stats)
    assert removed == []


def test_a_stock_snapshot_under_the_agency_trailer_still_goes() -> None:
    stats = _market_desk("Stock snapshot")
    lines = [MARKET_LEAD, MARKET_MORE, TRAILER, "Stock snapshot", *PRICES[:2]]
    _, removed = clean(lines, stats)
    assert removed == [TRAILER, "Stock snapshot", *PRICES[:2]]


def test_a_sentence_with_a_percentage_is_no_row_of_prices() -> None:
    line = "Ferrylines rose 2.2% to 4,410 yen."
    _, removed = clean([MARKET_LEAD, line, MARKET_MORE])
    assert removed == []


def test_the_rates_under_a_table_of_prices_stay_though_other_reports_print_them() -> None:
    footer = "For live prices see the desk's markets page."
    stats = learned("Dollar/Lowland 151.20", "Euro/Lowland 163.40", TRAILER, footer, documents=3)
    rates = ["Dollar/Lowland 152.85", "Euro/Lowland 164.10"]
    _, removed = clean([MARKET_LEAD, MARKET_MORE, *PRICES, *rates, TRAILER, footer], stats)
    assert removed == [TRAILER, footer]
    _, removed = clean([MARKET_LEAD, MARKET_MORE, *rates, TRAILER, footer], stats)
    assert rates[0] in removed


def test_one_row_of_prices_under_a_repeated_heading_under_the_article_is_kept() -> None:
    stats = _market_desk("Market movers")
    _, removed = clean([MARKET_LEAD, MARKET_MORE, "Market movers", PRICES[0]], stats)
    assert removed == []
    _, removed = clean([MARKET_LEAD, MARKET_MORE, PRICES[0]], stats)
    assert removed == [PRICES[0]]
