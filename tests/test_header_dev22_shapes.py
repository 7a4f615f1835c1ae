"""Header shapes first met in dev22, on invented texts (docs/headline_repairs.md)."""

from __future__ import annotations

from datetime import UTC, datetime

from aggregator.toolkit.header_lines import strip_kicker
from aggregator.toolkit.plaintext import extract_article

REFERENCE = datetime(2026, 9, 1, tzinfo=UTC)


def test_a_wire_slug_with_its_take_number_is_no_part_of_the_headline() -> None:
    assert strip_kicker("ROUNDUP 3-Ferry strike ends after river board raises pay") == (
        "Ferry strike ends after river board raises pay"
    )
    assert strip_kicker("WRAPUP 1-Harbour cranes idle for a second day") == (
        "Harbour cranes idle for a second day"
    )


def test_a_reaction_slug_is_no_part_of_the_headline() -> None:
    text = (
        "VNS | MARKETS | 12-08-2026 18:02\n"
        "REACTION-Traders, millers greet the early wheat harvest\n"
        "RIVERTON, Aug 12 (VNS)\n"
        "The first wheat reached the river mills on Wednesday, two weeks early. Following "
        "are reactions:\n"
    )
    assert extract_article(text, reference=REFERENCE).title == (
        "Traders, millers greet the early wheat harvest"
    )


def test_words_in_capitals_joined_to_the_headline_stay() -> None:
    for headline in (
        "NASSCOM-Backed startups raise record funds",
        "ASEAN-India summit opens in Hanoi",
        "NIFTY 50-stock index ends flat",
    ):
        assert strip_kicker(headline) == headline


NEWSLETTER = (
    "RIVERSIDE BOAT SHOW 2026 | August 24-27 | Harbour Hall\n"
    "{issue}\n"
    "Countdown: 40 days\n"
    "MARINA BERTHS ALL TAKEN\n"
    "Every berth at the show's marina has been booked by 212 exhibitors from nine countries, "
    "the organiser said on Monday.\n"
    "Exhibitor portal: boats.example | Unsubscribe\n"
)


def test_a_dated_issue_line_is_no_headline_and_dates_the_issue() -> None:
    for issue in (
        "Exhibitor Bulletin No. 4 — Monday, August 10, 2026",
        "Show News Vol. 3 (10 August 2026)",
    ):
        article = extract_article(NEWSLETTER.format(issue=issue), reference=REFERENCE)
        assert article.title == "MARINA BERTHS ALL TAKEN"
        assert article.published is not None and article.published.date().isoformat() == (
            "2026-08-10"
        )


def test_a_period_within_one_month_does_not_date_the_page() -> None:
    text = (
        "Harbour Food Week 2026 | August 24-28 | Pier 4\n"
        "Stalls open for bookings as the harbour food week returns\n"
        "Bulletin 3 | 2 August 2026 | Pier office\n"
        "Bookings for the forty stalls of the harbour food week opened on Sunday.\n"
    )
    article = extract_article(text, reference=REFERENCE)
    assert article.published is not None and article.published.date().isoformat() == "2026-08-02"


def test_a_day_and_its_hours_stay_the_day_of_the_page() -> None:
    text = (
        "Press Conference by the Harbour Minister\n"
        "Wednesday, August 12, 2026, 9:12-9:31 a.m.\n"
        "Press room, harbour office\n"
        "The minister opened with a statement on the new ferry landings.\n"
    )
    article = extract_article(text, reference=REFERENCE)
    assert article.published is not None and article.published.date().isoformat() == "2026-08-12"


def project_newsletter(heading: str) -> str:
    return (
        "TIDEWATCH — Estuary Monitoring for Small Ports\n"
        "Bulletin 6 · June 2026 · 12.06.2026\n"
        "This project is funded by the Coastal Research Council under its small ports "
        "programme.\n"
        "==========================================\n"
        f"{heading}\n"
        "Our sensors at the three river ports have now sent a full season of readings, and "
        "the first tide tables built from them were handed to the harbour masters.\n"
        "2. NEW PARTNER PORT JOINS\n"
        "The port of Kellan joined the project in May.\n"
    )


def test_a_heading_under_a_rule_below_a_funders_note_is_the_headline() -> None:
    for heading in (
        "FIRST TIDE TABLES HANDED TO HARBOUR MASTERS",
        "1. FIRST TIDE TABLES HANDED TO HARBOUR MASTERS",
        "LEAD: FIRST TIDE TABLES HANDED TO HARBOUR MASTERS",
    ):
        article = extract_article(project_newsletter(heading), reference=REFERENCE)
        assert article.title == "FIRST TIDE TABLES HANDED TO HARBOUR MASTERS"


def test_a_lead_label_before_a_headline_is_taken_off() -> None:
    assert strip_kicker("LEAD: Harbour masters get their first tide tables") == (
        "Harbour masters get their first tide tables"
    )


def directory_page(search: str, listed: str) -> str:
    return (
        "TradeHarbour | The Supplier Directory\n"
        f"{search}\n"
        "Suppliers › Netherlands › Marine › Rope and Cordage\n"
        "Kellan Ropeworks Co., Ltd.\n"
        f"{listed}"
        "Premium Member · Kellan, Zeeland, Netherlands\n"
        "Founded: 1921 · Staff: 40 · Main markets: Europe 80%, Asia 20%\n"
        "Company profile\n"
        "Kellan Ropeworks makes mooring lines for river barges and small ferries, and ships "
        "them to owners in twelve countries.\n"
    )


def test_a_directory_page_is_titled_by_the_name_under_its_trail() -> None:
    article = extract_article(
        directory_page("Find suppliers · Trade shows · Sign in", ""), reference=REFERENCE
    )
    assert article.title == "Kellan Ropeworks Co., Ltd."


def test_a_search_box_is_no_headline() -> None:
    page = directory_page("Search products or suppliers…  [Search]", "Listed on 3 August 2026\n")
    article = extract_article(page, reference=REFERENCE)
    assert article.title == "Kellan Ropeworks Co., Ltd."
    assert article.published is not None and article.published.date().isoformat() == "2026-08-03"


def test_a_statement_is_dated_by_the_last_day_of_its_meeting() -> None:
    text = (
        "RIVER BASINS INSTITUTE\n"
        "Co-Chairs' Statement: Third Delta Cities Water Dialogue\n"
        "Rotterdam, 11-13 August 2026\n"
        "Held by the River Basins Institute and the Delta Cities Network.\n"
        "1. Planners from nine delta cities compared their flood barriers and pumping plans.\n"
        "2. The fourth round will be held in Dhaka in 2027.\n"
    )
    article = extract_article(text, reference=REFERENCE)
    assert article.published is not None and article.published.date().isoformat() == "2026-08-13"


def test_a_programme_is_not_dated_by_its_meeting() -> None:
    text = (
        "International Conference on Delta Cities\n"
        "11–13 August 2026, Harbour Hall, Rotterdam\n"
        "Provisional Programme\n"
        "Tuesday, 11 August\n"
        "10.00   Opening session\n"
        "11.30   Session I: Flood barriers\n"
    )
    assert extract_article(text, reference=REFERENCE).published is None


def test_a_menu_of_drop_downs_is_no_headline() -> None:
    text = (
        "Kellan Ropeworks\n"
        "Products ▾ Industries ▾ Case Studies Support Company\n"
        "Case study\n"
        "Mooring a river fleet with half the rope\n"
        "A barge operator on the Rhine cut its rope bill by half in two years after moving "
        "its whole fleet to our braided lines.\n"
    )
    assert extract_article(text, reference=REFERENCE).title == (
        "Mooring a river fleet with half the rope"
    )


def test_a_jump_line_and_a_teaser_rail_are_no_headlines() -> None:
    lead = (
        "The river board said on Tuesday that the new landings would open before the "
        "monsoon, a month ahead of the plan.\n"
    )
    inside = "THE VALLEY POST | KELLAN | TUESDAY, AUGUST 11, 2026 | 7\nCITY\nFrom Page 1\n"
    front = "The Valley Post\nINSIDE ▸ Ferry fares: board meets today 3 ▸ Weather 2\n"
    headline = "Ferry landings to open before the monsoon\n"
    for header in (inside, front):
        article = extract_article(header + headline + lead, reference=REFERENCE)
        assert article.title == "Ferry landings to open before the monsoon"


def test_a_tour_under_its_trail_is_the_title_over_its_price() -> None:
    text = (
        "Kellan Holidays | Since 1988\n"
        "Home · Europe Tours · Group Departures · Contact\n"
        "Europe › Low Countries › Netherlands\n"
        "Dutch Waterways by Barge — 6 Days / 5 Nights\n"
        "Posted 2 August 2026 · Autumn departures\n"
        "From Rs 1,85,000 per person (twin sharing, ex-Delhi)\n"
        "Highlights\n"
        "Six days on a barge through the canals of Holland, with a day in Amsterdam and a "
        "night in Delft.\n"
    )
    assert extract_article(text, reference=REFERENCE).title == (
        "Dutch Waterways by Barge — 6 Days / 5 Nights"
    )
