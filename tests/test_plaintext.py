from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from aggregator.toolkit.plaintext import ExtractedArticle, derive_title, extract_article

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
REFERENCE = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
IST = timezone(timedelta(hours=5, minutes=30))
EST = timezone(timedelta(hours=-5))

LEAD = (
    "Japan's parliament approved a record defence budget on Friday after weeks of debate, "
    "giving the government room to buy new radar systems."
)
LEAD_TITLE = "Japan's parliament approved a record defence budget on Friday after weeks of debate"
SECOND = "Opposition lawmakers said the spending would strain public finances for years."


def extract(text: str, reference: datetime = REFERENCE) -> ExtractedArticle:
    return extract_article(text, reference=reference)


def paragraphs(article: ExtractedArticle) -> list[str]:
    return article.body.split("\n\n")


def seed(prefix: str) -> ExtractedArticle:
    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    return extract(path.read_text(encoding="utf-8"))


needs_seeds = pytest.mark.skipif(not SEEDS.is_dir(), reason="seed articles not available")


@needs_seeds
class TestSeeds:
    def test_000_blurb_header(self) -> None:
        article = seed("000")
        assert article.title == "India and Japan reaffirm strong ties"
        assert article.title_derived
        assert article.published == datetime(2026, 2, 18, tzinfo=UTC)
        assert article.date_text == "2026-02-18"
        assert article.dateline == "Tokyo"
        assert article.summary.startswith("India and Japan reaffirm strong ties, expanding")
        assert article.summary.endswith("across the Indo-Pacific region")
        assert article.body.startswith("India and Japan have reaffirmed their growing partnership")
        assert "Blurb" not in article.body
        assert "Tokyo\n" not in article.body

    def test_001_headline_and_yearless_dateline(self) -> None:
        article = seed("001")
        assert article.title == (
            "India-Japan Ties Deepen: Ambassadors, Ministers, and PMs Forge Stronger Bonds"
        )
        assert not article.title_derived
        assert article.published == datetime(2026, 2, 17, tzinfo=UTC)
        assert article.date_text == "Feb 17"
        assert article.dateline == "Tokyo"
        assert article.agency == "IANS"
        assert article.highlights == []
        body = paragraphs(article)
        assert "Tokyo, Feb 17" not in body
        assert "- IANS" not in body
        assert "• Ambassador meets Japanese Internal Affairs Minister" in body
        assert "2 min read" in body
        assert "Reader Comments" in body
        assert article.summary.startswith("India's Ambassador-designate to Japan met")

    def test_002_highlights_and_no_date(self) -> None:
        article = seed("002")
        assert article.title == (
            "India and Japan are pushing for faster progress in key areas of technology, "
            "defence, and economic cooperation"
        )
        assert article.title_derived
        assert article.published is None
        assert len(article.highlights) == 3
        assert article.summary == " ".join(article.highlights)
        assert article.body.startswith("India and Japan are pushing for faster progress")
        assert "Also Read: South Korea Seeks Chip Tariff Cooperation With Taiwan: Minister" in (
            paragraphs(article)
        )

    def test_003_no_headline_and_agencies(self) -> None:
        article = seed("003")
        assert article.title.startswith("India and Japan")
        assert article.title == "India and Japan engaged in discussions on Thursday"
        assert article.published is None
        assert article.agency == "Agencies"
        assert not article.body.endswith("Sources By Agencies")

    def test_004_headline_and_date_line(self) -> None:
        article = seed("004")
        assert article.title == (
            "India and Japan Strengthen Ties with New Defence Tech and Economic Security "
            "Initiatives"
        )
        assert article.published == datetime(2026, 3, 6, tzinfo=UTC)
        assert article.date_text == "March 6, 2026"
        body = paragraphs(article)
        assert body[0].startswith("Private-sector-led cooperation was stressed")
        assert "Summary based on 11 sources" in body
        assert "Sources" in body

    @pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
    def test_no_article_line_is_altered(self, prefix: str) -> None:
        text = next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")
        body = paragraphs(extract(text))
        original = [line.strip() for line in text.split("\n") if line.strip()]
        assert all(paragraph in original for paragraph in body)
        assert body == [line for line in original if line in body]


class TestHeadlineAndDateLine:
    def test_headline_date_byline(self) -> None:
        article = extract(
            f"Japan Passes Record Defence Budget\nMar 6, 2026 10:32 AM IST\n"
            f"By Aiko Tanaka and Ravi Menon\n\n{LEAD}\n\n{SECOND}\n"
        )
        assert article.title == "Japan Passes Record Defence Budget"
        assert not article.title_derived
        assert article.published == datetime(2026, 3, 6, 10, 32, tzinfo=IST)
        assert article.date_text == "Mar 6, 2026 10:32 AM IST"
        assert article.byline == ["Aiko Tanaka", "Ravi Menon"]
        assert article.body == f"{LEAD}\n\n{SECOND}"
        assert article.summary == LEAD

    def test_published_preferred_over_updated(self) -> None:
        article = extract(
            "Rail Link Opens Between Two Cities\n"
            "Updated: 18 Feb 2026, 05:12 PM IST\n"
            "Published: 17 Feb 2026, 09:00 AM IST\n\n"
            f"{LEAD}"
        )
        assert article.published == datetime(2026, 2, 17, 9, 0, tzinfo=IST)
        assert article.body == LEAD

    def test_updated_only(self) -> None:
        article = extract(f"Rail Link Opens Between Two Cities\nUpdated: Feb 18, 2026\n\n{LEAD}")
        assert article.published == datetime(2026, 2, 18, tzinfo=UTC)

    def test_iso_date_and_pipe_separated_time(self) -> None:
        article = extract(f"Port Strike Ends After Talks\nFeb 18, 2026 | 9:12 pm ET\n{LEAD}")
        assert article.published == datetime(2026, 2, 18, 21, 12, tzinfo=EST)

    def test_byline_with_agency_and_date(self) -> None:
        article = extract(
            "Port Strike Ends After Talks\n"
            f"By Ken Sato, Reuters | 2026-02-18T09:30:00+05:30\n\n{LEAD}"
        )
        assert article.byline == ["Ken Sato"]
        assert article.agency == "Reuters"
        assert article.published == datetime(2026, 2, 18, 9, 30, tzinfo=IST)
        assert article.body == LEAD

    def test_written_by(self) -> None:
        article = extract(f"Port Strike Ends After Talks\nWritten by Maria de Souza\n\n{LEAD}")
        assert article.byline == ["Maria de Souza"]

    def test_prose_starting_with_by_is_not_a_byline(self) -> None:
        text = "Port Strike Ends After Talks\n\nBy the end of the week, dock workers returned."
        article = extract(text)
        assert article.byline == []
        assert article.body == "By the end of the week, dock workers returned."

    def test_future_date_line_is_rejected(self) -> None:
        article = extract(f"Festival Dates Announced\nAugust 1, 2026\n\n{LEAD}")
        assert article.published is None
        assert article.date_text is None

    def test_headline_after_date_line(self) -> None:
        article = extract(f"March 6, 2026\nQuake Hits Japan\n\n{LEAD}")
        assert article.title == "Quake Hits Japan"
        assert article.dateline is None
        assert article.body == LEAD

    def test_place_line_after_headline(self) -> None:
        article = extract(f"Quake Hits Northern Japan\n\nSendai\n\n{LEAD}")
        assert article.dateline == "Sendai"
        assert article.body == LEAD

    def test_a_heading_that_asks_over_the_lead_is_no_place_line(self) -> None:
        article = extract(f"Defence Budget Passes\n\nWHAT HAPPENED\n\n{LEAD}")
        assert article.dateline is None
        assert paragraphs(article) == ["WHAT HAPPENED", LEAD]
        article = extract(f"Defence Budget Passes\n\nWHITBY\n\n{LEAD}")
        assert article.dateline == "Whitby"

    def test_the_dated_rows_of_a_schedule_are_its_entries_not_its_date(self) -> None:
        rows = [
            "Mon. 15 June | 09:00 | Cabinet meeting",
            "Tue. 16 June | 14:00 | Talks with the visiting trade minister",
            "Wed. 17 June | 10:00 | Press conference",
        ]
        text = "\n".join(["Minister's Week, 15-19 June 2026", *rows, "Updated: 12 June 2026"])
        article = extract(text, datetime(2026, 7, 1, tzinfo=UTC))
        assert paragraphs(article)[-3:] == rows
        assert article.published == datetime(2026, 6, 12, tzinfo=UTC)

    def test_a_page_s_two_stamps_in_cells_still_give_its_date(self) -> None:
        stamps = "18 June 2026 | 09:20 IST\n19 June 2026 | 10:05 IST | Updated"
        article = extract(
            f"Budget Passes in Tokyo\n{stamps}\n{LEAD}", datetime(2026, 7, 1, tzinfo=UTC)
        )
        assert article.published == datetime(2026, 6, 18, 9, 20, tzinfo=IST)

    def test_headline_question(self) -> None:
        article = extract(f"Will the Bank of Japan Raise Rates Again?\n\n{LEAD}")
        assert article.title == "Will the Bank of Japan Raise Rates Again?"

    def test_headline_only_article(self) -> None:
        article = extract("Quake Rattles Northern Japan\nMarch 6, 2026")
        assert article.title == "Quake Rattles Northern Japan"
        assert not article.title_derived
        assert article.published == datetime(2026, 3, 6, tzinfo=UTC)
        assert article.body == ""
        assert article.summary == ""

    def test_date_in_the_first_sentence_is_the_last_resort(self) -> None:
        article = extract(
            "Budget Talks Resume\n\n"
            "On February 8, 2026, the finance minister met union leaders to discuss wages."
        )
        assert article.published == datetime(2026, 2, 8, tzinfo=UTC)
        assert (
            article.date_from is not None and article.date_from[1] == "date in the first sentence"
        )

    def test_a_later_sentence_gives_no_date(self) -> None:
        article = extract(
            "Budget Talks Resume\n\n"
            "The finance minister met union leaders to discuss wages. "
            "They last met on February 8, 2026."
        )
        assert article.published is None

    def test_date_line_closing_the_article_is_the_date_when_the_header_has_none(self) -> None:
        article = extract("Budget Talks Resume\n\n" + "\n".join([LEAD] * 6) + "\nMarch 1, 2026")
        assert article.published == datetime(2026, 3, 1, tzinfo=UTC)
        assert article.body.endswith(f"{LEAD}\n\nMarch 1, 2026")

    def test_date_line_in_the_middle_of_the_body_is_not_the_date(self) -> None:
        text = "Budget Talks Resume\n\n" + "\n".join([LEAD] * 3 + ["March 1, 2026"] + [LEAD] * 4)
        assert extract(text).published is None

    def test_date_line_after_a_standfirst(self) -> None:
        article = extract(f"Budget Talks Resume\n\nUnions want more.\n\nMarch 1, 2026\n\n{LEAD}")
        assert article.published == datetime(2026, 3, 1, tzinfo=UTC)
        assert paragraphs(article) == ["Unions want more.", LEAD]


class TestBlurbHeader:
    def test_header_and_place_line(self) -> None:
        article = extract(
            " date 2026-01-12 Blurb: Japan and India sign a new rail deal, paving the way "
            "for faster freight corridors across three states and two ports\n\n"
            f"New Delhi\n\n{LEAD}"
        )
        assert article.published == datetime(2026, 1, 12, tzinfo=UTC)
        assert article.title == "Japan and India sign a new rail deal"
        assert article.title_derived
        assert article.summary.startswith("Japan and India sign a new rail deal, paving")
        assert article.dateline == "New Delhi"
        assert article.body == LEAD

    def test_place_line_needs_prose_after_it(self) -> None:
        article = extract(" date 2026-01-12 Blurb: Short blurb here\n\nNew Delhi\n\nShort note")
        assert article.dateline is None
        assert "New Delhi" in paragraphs(article)


class TestDatelines:
    def test_inline_caps_dateline_with_date_and_agency(self) -> None:
        lead = f"NEW DELHI, Feb 17 (PTI) — {LEAD}"
        article = extract(f"{lead}\n\n{SECOND}")
        assert article.dateline == "New Delhi"
        assert article.agency == "PTI"
        assert article.published == datetime(2026, 2, 17, tzinfo=UTC)
        assert paragraphs(article)[0] == lead
        assert article.summary == LEAD
        assert article.title.startswith("Japan's parliament approved a record defence budget")

    def test_inline_dateline_with_agency_only(self) -> None:
        lead = f"TOKYO (Reuters) - {LEAD}"
        article = extract(f"Japan Boosts Defence Spending\n\n{lead}")
        assert article.dateline == "Tokyo"
        assert article.agency == "Reuters"
        assert article.published is None
        assert article.body == lead

    def test_caps_place_with_dash(self) -> None:
        article = extract(f"OSAKA — {LEAD}")
        assert article.dateline == "Osaka"
        assert article.body == f"OSAKA — {LEAD}"

    def test_inline_dateline_with_colon_and_year_from_text(self) -> None:
        lead = "New Delhi, March 3: The two sides agreed to review the 2025 accord in 2025 again."
        article = extract(lead, reference=datetime(2026, 6, 1, tzinfo=UTC))
        assert article.dateline == "New Delhi"
        assert article.published == datetime(2025, 3, 3, tzinfo=UTC)
        assert article.date_text == "March 3"
        assert article.body == lead

    def test_an_old_year_in_the_text_is_history_not_the_date(self) -> None:
        lead = (
            "HYDERABAD, Mar 2 (PTI) The lab follows a first exchange held in 2023, officials said."
        )
        article = extract(lead, reference=datetime(2026, 11, 22, tzinfo=UTC))
        assert article.published == datetime(2026, 3, 2, tzinfo=UTC)

    def test_date_beside_a_section_label(self) -> None:
        article = extract(f"Chandrayaan-5 takes shape\n\nSpace | 05 Feb 2026, 20:10 IST\n\n{LEAD}")
        assert article.published == datetime(2026, 2, 5, 14, 40, tzinfo=UTC)
        article = extract(f"Ministers meet in Tokyo\n\nFeb 19, 2026 | 3 min read\n\n{LEAD}")
        assert article.published == datetime(2026, 2, 19, tzinfo=UTC)

    def test_standalone_dateline_with_year_from_text(self) -> None:
        article = extract(
            "Summit Ends With Joint Statement\n\n"
            "Leaders met at the Asia Forum 2025 and the Asia Forum 2025 closing session, "
            "ahead of the 2026 summit.\n\n"
            f"Seoul, Nov 20\n\n{LEAD}"
        )
        assert article.dateline == "Seoul"
        assert article.published == datetime(2025, 11, 20, tzinfo=UTC)
        assert "Seoul, Nov 20" not in paragraphs(article)

    def test_year_from_text_that_would_be_future_is_skipped(self) -> None:
        article = extract(f"Seoul, Dec 20 (Yonhap) — {LEAD} The 2026 plan is ready.")
        assert article.published == datetime(2025, 12, 20, tzinfo=UTC)
        assert article.agency == "Yonhap"

    def test_year_from_reference(self) -> None:
        article = extract(f"Talks Continue\n\nTokyo, Jan 5\n\n{LEAD}")
        assert article.published == datetime(2026, 1, 5, tzinfo=UTC)
        article = extract(
            f"Talks Continue\n\nTokyo, Jan 5\n\n{LEAD}", datetime(2026, 1, 2, tzinfo=UTC)
        )
        assert article.published == datetime(2025, 1, 5, tzinfo=UTC)

    def test_dateline_after_long_paragraphs_is_ignored(self) -> None:
        long = LEAD + " " + SECOND * 2
        article = extract(f"{long}\n{long}\nTOKYO, Feb 17 (Kyodo) — {LEAD}")
        assert article.dateline is None
        assert article.published is None

    def test_comma_list_is_not_a_dateline(self) -> None:
        article = extract("India, Japan discuss growing cooperation\n\n" + LEAD)
        assert article.dateline is None
        assert article.title == "India, Japan discuss growing cooperation"


class TestAgencyTrailers:
    @pytest.mark.parametrize(
        ("trailer", "agency"),
        [
            ("- IANS", "IANS"),
            ("— PTI", "PTI"),
            ("– Reuters", "Reuters"),
            ("(PTI)", "PTI"),
            ("(With inputs from PTI)", "PTI"),
            ("(With inputs from agencies)", "Agencies"),
            ("With inputs from agencies", "Agencies"),
            ("With inputs from Reuters and AFP.", "Reuters, AFP"),
            ("Sources By Agencies", "Agencies"),
            ("Source: ANI", "ANI"),
        ],
    )
    def test_trailer(self, trailer: str, agency: str) -> None:
        article = extract(f"Trade Deal Signed\n\n{LEAD}\n\n{trailer}\n\nShare this article:")
        assert article.agency == agency
        assert article.body == f"{LEAD}\n\nShare this article:"

    @pytest.mark.parametrize(
        "line", ["- The ministers also met students.", "Sources", "(see page 4)", "- Tokyo"]
    )
    def test_not_a_trailer(self, line: str) -> None:
        article = extract(f"Trade Deal Signed\n\n{LEAD}\n\n{line}")
        assert article.agency is None
        assert paragraphs(article)[-1] == line


class TestHighlights:
    def test_bullets_at_top(self) -> None:
        article = extract(
            "• Budget rises for the fourth year.\n"
            "• New radar systems will be bought.\n"
            f"{LEAD}\n{SECOND}\n"
            "Key points:\n- first later bullet\n- second later bullet"
        )
        assert article.highlights == [
            "Budget rises for the fourth year.",
            "New radar systems will be bought.",
        ]
        assert article.summary == (
            "Budget rises for the fourth year. New radar systems will be bought."
        )
        assert article.title == LEAD_TITLE
        assert paragraphs(article) == [
            LEAD,
            SECOND,
            "Key points:",
            "- first later bullet",
            "- second later bullet",
        ]

    def test_single_bullet_is_not_highlights(self) -> None:
        article = extract(f"* Only one point.\n{LEAD}")
        assert article.highlights == []
        assert paragraphs(article) == ["* Only one point.", LEAD]


class TestDerivedTitle:
    def test_short_first_sentence(self) -> None:
        assert derive_title("The port reopened today. Ships queued.") == "The port reopened today"

    def test_abbreviations_do_not_end_the_sentence(self) -> None:
        text = "Mr. Sato met S. Jaishankar in Tokyo. They spoke."
        assert derive_title(text) == "Mr. Sato met S. Jaishankar in Tokyo"

    @pytest.mark.parametrize(
        ("text", "title"),
        [
            (
                "Minato Homes signs with Kaveri Estates Co., Ltd.",
                "Minato Homes signs with Kaveri Estates Co., Ltd.",
            ),
            ("Talks resume in the U.S.", "Talks resume in the U.S."),
            ("Tokyo says no.", "Tokyo says no"),
            ("The port reopened.", "The port reopened"),
        ],
    )
    def test_a_name_keeps_the_full_stop_of_its_abbreviation(self, text: str, title: str) -> None:
        assert derive_title(text) == title

    def test_intro_phrase_dropped_and_cut_before_participle(self) -> None:
        text = (
            "On Thursday, the central bank of Japan raised its benchmark interest rate for the "
            "second time this year, signalling confidence that inflation will stay near target."
        )
        assert derive_title(text) == (
            "The central bank of Japan raised its benchmark interest rate for the second time "
            "this year"
        )

    def test_cut_before_amid(self) -> None:
        text = (
            "Shipping firms in the region are rerouting dozens of their container vessels "
            "away from the strait amid growing security fears and rising insurance costs for "
            "every crossing."
        )
        assert derive_title(text) == (
            "Shipping firms in the region are rerouting dozens of their container vessels "
            "away from the strait"
        )

    def test_fallback_cuts_at_a_word_with_ellipsis(self) -> None:
        text = " ".join(["alpha beta gamma delta"] * 20) + "."
        title = derive_title(text)
        assert title.endswith("…")
        assert len(title) <= 111
        assert text.startswith(title[:-1])
        assert title[-2] != " "
        assert title[:-1].split()[-1] in {"alpha", "beta", "gamma", "delta"}

    def test_dangling_words_are_stripped(self) -> None:
        text = (
            "Officials from both countries will discuss trade and the new visa rules for "
            "students and the, which they hope to finalise soon before the end of the year."
        )
        assert derive_title(text) == (
            "Officials from both countries will discuss trade and the new visa rules for students"
        )

    def test_empty(self) -> None:
        assert derive_title("") == ""


class TestEdgeCases:
    def test_empty_string(self) -> None:
        article = extract("")
        assert article.title == ""
        assert article.body == ""
        assert article.summary == ""
        assert article.published is None
        assert article.byline == []
        assert article.highlights == []

    def test_whitespace_only(self) -> None:
        article = extract("\n \n\t\n")
        assert (article.title, article.body) == ("", "")

    def test_one_line_sentence(self) -> None:
        article = extract("Japan's cabinet approved the budget on Friday.")
        assert article.title == "Japan's cabinet approved the budget on Friday"
        assert article.title_derived
        assert article.body == "Japan's cabinet approved the budget on Friday."
        assert article.summary == article.body

    def test_one_line_without_period_is_kept_in_body(self) -> None:
        article = extract("Quake Rattles Northern Japan")
        assert article.title == "Quake Rattles Northern Japan"
        assert article.body == "Quake Rattles Northern Japan"

    def test_no_final_newline_and_indentation(self) -> None:
        article = extract(f"  Port Strike Ends  \n   {LEAD}   \n{SECOND}")
        assert article.title == "Port Strike Ends"
        assert paragraphs(article) == [LEAD, SECOND]

    def test_no_headline_no_date(self) -> None:
        text = f"{LEAD}\n{SECOND}\n"
        article = extract(text)
        assert article.title_derived
        assert article.title == LEAD_TITLE
        assert article.published is None
        assert article.dateline is None
        assert article.body == f"{LEAD}\n\n{SECOND}"

    def test_huge_single_paragraph(self) -> None:
        text = ("word " * 20_000).strip()
        assert len(text) > 99_000
        article = extract(text)
        assert article.body == text
        assert article.title.endswith("…")
        assert article.published is None

    def test_huge_whitespace_run_in_a_header_like_line(self) -> None:
        text = "date " + " " * 100_000 + "x Blurb"
        article = extract(text)
        assert article.published is None
        assert article.body == text

    @pytest.mark.parametrize("run", ["1", "-", ".", "a_"])
    def test_huge_run_of_address_characters_in_a_short_line(self, run: str) -> None:
        """A line of 100,000 characters an e-mail address is made of, with no "@": read
        in linear time (a search for the address from every position took minutes)."""
        text = "Title\n\nPosted On: " + run * (100_000 // len(run)) + " x"
        article = extract(text)
        assert article.published is None

    def test_huge_run_of_spaces_before_a_thread_counter(self) -> None:
        text = "A thread on the visit " + " " * 100_000 + "1/4\n\nThe rest of it."
        assert extract(text).title

    def test_huge_paragraph_of_punctuation_and_digits(self) -> None:
        text = "Tokyo, " + "1:2, " * 20_000 + "(" * 1000
        article = extract(text)
        assert article.body == text.strip()


def test_site_banner_above_headline_is_not_the_title() -> None:
    text = (
        "World Brief — the world in five minutes\n"
        "Veer Guardian 2026: Japanese Fighters Train With IAF in Jodhpur\n"
        "Friday, 27 February 2026\n\n"
        "Fighter jets of the Japan Air Self-Defense Force landed at Jodhpur air base on Friday"
        " for a two-week exercise with the Indian Air Force.\n"
    )
    article = extract_article(text, reference=REFERENCE)
    assert article.title == "Veer Guardian 2026: Japanese Fighters Train With IAF in Jodhpur"
    assert article.published == datetime(2026, 2, 27, tzinfo=UTC)
    assert "World Brief" not in article.body


def test_a_labelled_date_before_a_credit_is_the_date_not_the_headline() -> None:
    text = (
        "Maritime Safety Office\n\nPosted On: 14 SEP 2025 6:40PM by the Press Desk\n\n"
        "Coastal towns test a shared warning network\n\n"
        "Four coastal towns began a month-long trial of a shared alert network on Sunday.\n"
    )
    article = extract_article(text, reference=datetime(2026, 3, 1, tzinfo=UTC))
    assert article.title == "Coastal towns test a shared warning network"
    assert article.published == datetime(2025, 9, 14, 18, 40, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        (
            "THE HARBOUR LEDGER\nFerry fares rise for the first time in a decade\n"
            "Ferry fares across the bay will rise next month, The Harbour Ledger has learnt.\n",
            "The Harbour Ledger",
        ),
        (
            "Ministry of Ports  |  Home  |  Media\nNew berth opens at the northern harbour\n"
            "The new berth at the northern harbour opened to cargo ships on Monday morning.\n",
            "Ministry of Ports",
        ),
        (
            "App Name\nFerry fares rise for the first time in a decade\nvia Bay Wire · 2 hrs ago\n"
            "Ferry fares across the bay will rise next month, operators said on Monday.\n",
            "Bay Wire",
        ),
        (
            "Ferry fares rise for the first time in a decade\nBy Asha Verma (BWS)\n"
            "PORT CITY, March 3 (BWS) - Ferry fares across the bay will rise, operators said.\n"
            "© 2025 Bay Wire Service. All rights reserved.\n",
            "Bay Wire Service",
        ),
        (
            "Ferry fares rise for the first time in a decade\nBy Asha Verma (BWS)\n"
            "PORT CITY, March 3 (BWS) - Ferry fares across the bay will rise, operators said.\n",
            "BWS",
        ),
        (
            "Ministry of Ports\nNew berth opens at the northern harbour\n"
            "Posted On: 14 MAR 2025 4:10PM by PB Office\n"
            "The new berth at the northern harbour opened to cargo ships on Monday morning.\n",
            "PB Office",
        ),
    ],
)
def test_the_outlet_is_read_from_the_article(text: str, outlet: str) -> None:
    article = extract_article(text, reference=datetime(2026, 3, 1, tzinfo=UTC))
    assert article.outlet == outlet


def test_the_summary_of_hard_wrapped_text_is_its_first_paragraph_joined() -> None:
    """Text wrapped at a width (a PDF, an exchange filing): the first line that ends a
    sentence is the tail of one, so the lead is the wrapped paragraph joined."""
    text = (
        "Harbour board awards dredging contract for the north basin\n"
        "The harbour board of Porto Alto has awarded a contract for the dredging of the\n"
        "north basin to a consortium of two engineering firms, the board's chair said in\n"
        "a statement issued after the meeting on Tuesday evening. Work starts in spring.\n"
        "The contract is worth 41 million and the work is to be completed within thirty\n"
        "months. The consortium's leading firm holds a share of sixty per cent in it.\n"
    )
    article = extract(text)
    assert article.title == "Harbour board awards dredging contract for the north basin"
    assert article.summary.startswith("The harbour board of Porto Alto has awarded a contract")
    assert "board's chair said in a statement issued" in article.summary
