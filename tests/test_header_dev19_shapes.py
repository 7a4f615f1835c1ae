"""Headlines and dates of shapes first met in dev19, read by a line's role.

Each case is an invented page in its own words; beside each rule stands an ordinary story
the rule could misjudge, which must keep its headline.
"""

from __future__ import annotations

from datetime import UTC, datetime

from header_support import LEAD, SECOND, read

from aggregator.toolkit.header_lines import furniture_kind, is_cut_title, strip_kicker
from aggregator.toolkit.header_names import is_affiliation
from aggregator.toolkit.header_repair import repaired_line
from aggregator.toolkit.header_shapes import is_salutation
from aggregator.toolkit.issue_lines import is_issue_line
from aggregator.toolkit.subject_lines import LETTER_SUBJECT_RULE


def test_a_wire_desk_slug_joined_to_the_headline_is_removed() -> None:
    article = read(
        "HARBOUR WIRE SERVICE\nPORTS\nSHIPPING STOCKS-Port operators rally as berth doubles"
        f" capacity\n09:40 IST, Tuesday 2 June 2026\n{LEAD}\n{SECOND}\n"
    )
    assert article.title == "Port operators rally as berth doubles capacity"
    assert strip_kicker("PROFILE-Harbour master who rebuilt the river berth retires") == (
        "Harbour master who rebuilt the river berth retires"
    )


def test_two_parties_joined_by_a_hyphen_open_a_headline_whole() -> None:
    for headline in (
        "ASEAN-India summit opens with a port deal",
        "UK-Japan trade pact signed in London",
        "INDIA-JAPAN TIES DEEPEN AFTER PORT TALKS",
        "COVID-19 cases climb in the harbour district",
    ):
        assert strip_kicker(headline) == headline


def test_a_circulars_sub_field_heads_numbered_paragraphs_under_no_headline() -> None:
    article = read(
        "RIVERSIDE HARBOUR BOARD\nCIRCULAR\nRef: RHB/OPS/2026/12 | Date: 02-Jun-2026\n"
        "To: All Shipping Agents\nSub: Opening of the second container berth\n"
        f"1. {LEAD}\n2. {SECOND}\nKindly acknowledge receipt.\n"
    )
    assert article.title == "Opening of the second container berth"
    assert article.title_from is not None
    assert article.title_from[1] == LETTER_SUBJECT_RULE


def test_a_stories_headline_stays_over_a_sub_editors_credit() -> None:
    article = read(
        f"Harbour board opens second container berth\nSub: Priya Nair, night desk\n{LEAD}\n"
    )
    assert article.title == "Harbour board opens second container berth"


def test_a_newsletters_piece_in_capitals_wins_over_its_association_and_issue_lines() -> None:
    article = read(
        "RIVERSIDE ROWING FEDERATION (Regd.)\nAffiliated to the National Rowing Board of India\n"
        "Bulletin - Vol. 4, Issue 2\nDt. 02/06/2026\nSECOND BERTH OPENS BESIDE OUR BOATHOUSE\n"
        f"{LEAD}\n{SECOND}\n"
    )
    assert article.title == "SECOND BERTH OPENS BESIDE OUR BOATHOUSE"
    assert is_affiliation("Affiliated to the National Rowing Board of India")


def test_a_title_case_headline_over_its_byline_stays_under_a_masthead() -> None:
    article = read(
        "The Riverside Courier\nHarbour Board Opens Second Container Berth\n"
        f"By Asha Menon | 2 June 2026\n{LEAD}\n{SECOND}\n"
    )
    assert article.title == "Harbour Board Opens Second Container Berth"


def test_a_founders_letters_greeting_and_issue_give_way_to_its_first_section() -> None:
    article = read(
        "HARBOUR LABS | Pune x Osaka\nBuilders' Letter #7 - June 2026\n"
        "View this email in your browser\nHello again, builders!\n"
        f"1. NEWS: Second berth opens for our cargo start-ups\n{LEAD}\n"
        "Sent 2 June 2026\nUnsubscribe | Harbour Labs, Pune\n"
    )
    assert article.title == "Second berth opens for our cargo start-ups"
    assert is_issue_line("Builders' Letter #7 - June 2026")
    assert is_salutation("Good morning, everyone!")


def test_a_headline_that_hails_a_place_or_numbers_a_list_is_kept() -> None:
    assert not is_salutation("Well played, India!")
    assert not is_issue_line("Berth No. 2 opens to feeder ships in July")
    article = read(f"HARBOUR BOARD\n1. Second container berth opens to feeder ships\n{LEAD}\n")
    assert article.title.startswith("1. ")


def test_a_sections_or_episodes_number_is_no_part_of_its_title() -> None:
    report = read(
        "Riverside Ports Sustainability Report 2026\nContents | Environment | Social\n"
        f"4.2 Greening our river berths\nReleased 2 June 2026\n{LEAD}\n"
    )
    assert report.title == "Greening our river berths"
    episode = read(
        "THE HARBOUR HOUR with Asha Menon\nVideos | Scripts | About\n"
        f"Ep. 41 - Why the second berth matters\nPublished 2 June 2026 · 12 min watch\n{LEAD}\n"
    )
    assert episode.title == "Why the second berth matters"


def test_a_figure_opening_a_headline_is_kept() -> None:
    for headline in (
        "6.4 Magnitude Quake Hits Coast Near Riverside",
        "2.5 million visitors crossed the new berth bridge",
    ):
        assert read(f"{headline}\nBy Asha Menon | 2 June 2026\n{LEAD}\n").title == headline
    issue = "Vol. 4 - Issue 9 - Week ending 2 June 2026"
    assert repaired_line([issue], 0) == (issue, None)


def test_an_agency_that_names_itself_before_the_place_dates_the_story() -> None:
    article = read(
        "RIVA - Rete Italiana Agenzia\nRIVA English > Economy\n"
        "Harbour board opens second container berth\n"
        f"lunedì 1 giugno 2026 - 11:20\n(RIVA) - GENOA, JUN 1 - {LEAD}\n{SECOND}\n"
    )
    assert article.published == datetime(2026, 6, 1, tzinfo=UTC)
    assert article.agency == "RIVA"
    assert article.dateline == "Genoa"


def test_a_lead_opening_on_a_bracketed_aside_is_no_dateline() -> None:
    article = read(
        "Harbour board opens second container berth\n"
        f"(BRIEF) - Riverside port users will see longer hours. {LEAD}\n"
    )
    assert article.dateline is None
    assert article.published is None


def test_the_day_a_course_starts_is_not_the_pages_date() -> None:
    article = read(
        "Learnhub | Courses | Degrees | Log in\nRunning a River Port: An Introduction\n"
        f"Offered by Riverside Maritime College\nEnroll for free | Starts Jul 1\n{LEAD}\n"
        f"{SECOND}\nCourse page updated 2 June 2026\n© 2026 Learnhub\n"
    )
    assert article.published == datetime(2026, 6, 2, tzinfo=UTC)


def test_a_posted_day_beside_an_events_start_time_still_dates_the_story() -> None:
    article = read(
        "Harbour board opens second container berth\n"
        f"Posted 2 June 2026 | Ceremony starts at 10:00\n{LEAD}\n{SECOND}\n"
    )
    assert article.published is not None
    assert article.published.date() == datetime(2026, 6, 2).date()


_WEEK_PAGE = (
    "Riverside Harbour Board\nEnglish | Hindi | Sitemap\nHome > About > Chairman > Schedule\n"
    "Chairman's Schedule (June 1 - June 5, 2026)\n"
    "Mon. June 1 | 10:00 | Board meeting (Harbour House)\n"
    "Tue. June 2 | 11:00 | Opening of the second container berth\n"
    "Thu. June 4 | 15:00 | Meeting with shipping agents\n"
    "* The schedule is subject to change.\nUpdated: May 29, 2026\nPage top\n"
)


def test_a_week_page_is_headlined_by_its_name_and_dated_by_its_update() -> None:
    article = read(_WEEK_PAGE)
    assert article.title == "Chairman's Schedule (June 1 - June 5, 2026)"
    assert article.published == datetime(2026, 5, 29, tzinfo=UTC)
    assert furniture_kind("Chairman's Schedule (June 1 - June 5, 2026)") is None


def test_a_ticker_of_figures_and_a_dated_story_stay_as_they_were() -> None:
    assert furniture_kind("Berth 2 (2026) 41 ships, 12 (2025)") == "figures"
    article = read(
        f"Harbour board opens second container berth\nTue. June 2 | 11:00 IST\n{LEAD}\n{SECOND}\n"
    )
    assert article.published is not None
    assert article.published.date() == datetime(2026, 6, 2).date()


def test_a_digest_items_bold_title_is_read_without_its_source_and_time() -> None:
    article = read(
        "#harbour-desk\nHarbourBot  APP  8:01 AM\nMorning digest · Tuesday, June 2\n"
        "1. *Second container berth opens at the river mouth* - Harbour Wire, 7:15 AM\n"
        f"{LEAD}\n2. *Dredging resumes in the channel* - Port Desk, 6:50 AM\n"
    )
    assert article.title == "Second container berth opens at the river mouth"


def test_a_bold_headline_with_a_dash_but_no_time_is_kept_whole() -> None:
    line = "_Port strike ends_ - dockers return to work after talks"
    assert repaired_line([line], 0) == (line, None)


def test_a_title_wrapped_after_its_colon_goes_on_in_lower_case() -> None:
    article = read(
        "THE RIVERSIDE TIMES\nPhoto > Photo Essay\nPHOTO ESSAY\nBerth Road, Riverside:\n"
        f"where the crane crews eat\nText and photos by Asha Menon | 2026.06.02 09:00\n{LEAD}\n"
    )
    assert article.title == "Berth Road, Riverside: where the crane crews eat"


def test_a_headline_ending_on_a_colon_over_a_byline_is_not_joined_to_it() -> None:
    article = read(
        "Harbour board opens second container berth\nWhat the board said:\n"
        f"By Asha Menon | 2 June 2026\n{LEAD}\n"
    )
    assert article.title == "Harbour board opens second container berth"


def test_a_pdf_title_cut_on_a_minor_word_goes_on_in_the_line_below() -> None:
    article = read(
        "Fifth Riverside Conference on\nHarbour Engineering: Abstracts\n"
        "Riverside, 24-26 June 2026 | Compiled 2 June 2026\nRCHE-5 Abstracts | Riverside 2026\n"
        "22\nSession 3: Berths\n3-02 Pile corrosion in two river berths compared\n"
        "K. Menon1, H. Aoki2\nCores from both berths show similar chloride profiles in the\n"
        "outer piles, though the older berth has thinner cover.\n"
    )
    assert article.title == "Fifth Riverside Conference on Harbour Engineering: Abstracts"


def test_a_headline_ending_on_a_capitalised_minor_word_or_links_stay_apart() -> None:
    assert not is_cut_title("Berth Strike Ends, Two Years On")
    assert not is_cut_title("Subscribe  Sign in")
    article = read(
        f"The Riverside Letter\nSubscribe  Sign in\nAre berths the new bridges?\n{LEAD}\n"
    )
    assert article.title == "Are berths the new bridges?"


def test_a_place_in_capitals_before_a_sentence_is_still_a_dateline() -> None:
    article = read(f"Harbour board opens second container berth\nGENOA - {LEAD}\n{SECOND}\n")
    assert article.dateline == "Genoa"


def test_a_reports_section_named_from_its_menu_gives_way_to_the_headline() -> None:
    article = read(
        "Riverside Ports Sustainability Data Book 2026\n"
        "Contents | Environment | Social | Governance | Data\nSocial: Community ties\n"
        f"Training river pilots the Rotterdam way\nPublished June 2, 2026\n{LEAD}\n"
    )
    assert article.title == "Training river pilots the Rotterdam way"


def test_a_chapters_titled_topic_under_its_path_stays_the_headline() -> None:
    article = read(
        "Riverside Ports Annual Review 2026\nReview › Chapter 9 › Trade\n"
        f"Trade: Open Berths, Fair Fees\nPublished June 2, 2026\n{LEAD}\n"
    )
    assert article.title == "Trade: Open Berths, Fair Fees"


def test_a_book_of_abstracts_is_dated_by_its_compilation_not_its_event() -> None:
    article = read(
        "Riverside Harbour Engineering Workshop: Book of Abstracts\n"
        "Harbour College, Riverside | 25 June 2026 | Compiled 2 June 2026\n"
        f"Workshop 2026 | Abstracts\n{LEAD}\n{SECOND}\n"
    )
    assert article.published == datetime(2026, 6, 2, tzinfo=UTC)


def test_a_story_compiled_from_reports_keeps_its_own_date() -> None:
    article = read(
        "Harbour board opens second container berth\nTuesday, 2 June 2026\n"
        f"Compiled from agency reports\n{LEAD}\n{SECOND}\n"
    )
    assert article.published == datetime(2026, 6, 2, tzinfo=UTC)
