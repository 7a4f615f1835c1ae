"""What goes with a headline and what does not, on invented pages: the issuer under a
wrapped headline, a translation's original and a wire's fields above it, a label naming
two kinds of piece before it, a tabloid's lead-in in capitals that is its own."""

from __future__ import annotations

from datetime import UTC, datetime

from aggregator.toolkit.header_lines import header_field, strip_kicker
from aggregator.toolkit.header_roles import field_block_lines, titles_section
from aggregator.toolkit.plaintext import extract_article

REFERENCE = datetime(2026, 3, 1, tzinfo=UTC)
HEADLINE = "River authority opens two ferry landings for eastern commuters"


def title_of(text: str) -> str:
    return extract_article(text, reference=REFERENCE).title


def test_the_issuer_under_a_headline_cut_at_the_wrap_width_is_not_joined() -> None:
    text = (
        "VALLEY BANK | RESEARCH DESK\n"
        "MARKET NOTE | No. 41 | 2 February 2026\n"
        "Ferries: eastern commuters gain twenty minutes a crossing\n"
        "Transport Research Department, Valley Bank\n"
        "\n"
        "The river authority opened two new ferry landings on Monday, cutting\n"
        "the crossing for commuters from the eastern bank by almost twenty\n"
        "minutes, and the bank expects house prices there to follow the boats.\n"
        "Traffic on the old bridge fell by a tenth in the first week, the\n"
        "authority said, and the buses that fed it will run less often.\n"
    )
    assert title_of(text) == "Ferries: eastern commuters gain twenty minutes a crossing"


def test_a_translations_original_and_a_wires_fields_are_fields() -> None:
    assert header_field("Marathi original: नदी प्राधिकरणाने दोन नवीन घाट उघडले")
    assert header_field("Priority: Routine")
    text = (
        "VALLEY WIRE (Marathi Service translation)\n"
        "Translated from Marathi by the desk. Check names against the original before use.\n"
        "----------\n"
        "Slug: FERRY-LANDINGS\n"
        "Priority: Routine    Words: 210\n"
        "Marathi original: नदी प्राधिकरणाने पूर्वेकडील प्रवाशांसाठी दोन नवीन घाट उघडले\n"
        f"{HEADLINE}\n"
        "Sent: 02.02.2026 | 17:05 IST\n"
        "\n"
        "Riverside, 2 February (VW). The river authority opened two new ferry landings on "
        "Monday, cutting the crossing for commuters from the eastern bank by twenty minutes.\n"
    )
    assert title_of(text) == HEADLINE


def test_a_label_naming_two_kinds_of_piece_is_no_part_of_the_headline() -> None:
    assert strip_kicker(f"Invite + release | {HEADLINE}") == HEADLINE
    assert strip_kicker(f"Photos & captions | {HEADLINE}") == f"Photos & captions | {HEADLINE}"


def test_a_lead_in_of_a_headline_in_capitals_is_its_own() -> None:
    headline = "TASTE TEST: THE RIVERSIDE'S NEW NOODLE BAR"
    assert strip_kicker(headline) == headline
    assert strip_kicker("EXCLUSIVE: THE RIVERSIDE'S NEW NOODLE BAR") == (
        "THE RIVERSIDE'S NEW NOODLE BAR"
    )
    assert strip_kicker(f"FERRIES: {HEADLINE}") == HEADLINE


def test_a_sentence_case_headline_cut_after_a_preposition_goes_on() -> None:
    text = (
        "12 | VALLEY TRANSPORT REVIEW | FEBRUARY 2026\n"
        "NEWS ANALYSIS\n"
        "River authority bets on\n"
        "East Bank ferries for its commuters\n"
        "Two new landings cut the crossing by twenty minutes.\n"
        "BY A REPORTER\n"
        "THE river authority opened two new ferry landings on Monday, cutting the\n"
        "crossing for commuters from the eastern bank by almost twenty minutes.\n"
    )
    assert title_of(text) == "River authority bets on East Bank ferries for its commuters"


def test_a_title_case_line_after_a_preposition_is_a_deck_of_its_own() -> None:
    text = (
        "VALLEY TRANSPORT REVIEW\n"
        "Ferry landings the authority is betting on\n"
        "Eastern Bank Commuters Gain Twenty Minutes\n"
        "\n"
        "The river authority opened two new ferry landings on Monday, cutting the crossing "
        "for commuters from the eastern bank by almost twenty minutes.\n"
    )
    assert title_of(text) == "Ferry landings the authority is betting on"


def test_a_label_over_a_date_alone_keeps_its_label() -> None:
    assert strip_kicker("MEMBER UPDATE | 18 Sep 2026") == "MEMBER UPDATE | 18 Sep 2026"
    assert strip_kicker("COLUMN | 2+2 talks end") == "2+2 talks end"


def test_a_topic_and_subtitle_under_a_breadcrumb_ending_on_the_topic_is_the_headline() -> None:
    """A programme's chapter is titled "Topic: Subtitle" under a path that ends on the
    topic; the line is the chapter's title, not a "Label: value" field."""
    text = (
        "GREEN HILLS PEOPLE'S PARTY\n"
        "VILLAGE PLAN 2030 — A Fair Share for Every Village\n"
        "Section 4 › Rural Transport\n"
        "Rural Transport: Safer Roads, Faster Buses\n"
        "Released in Shillong on 4 June 2026\n\n"
        "Every village will have a bus stop within two kilometres of its centre by 2030.\n"
    )
    assert title_of(text) == "Rural Transport: Safer Roads, Faster Buses"


def test_a_field_whose_label_the_line_above_does_not_end_on_stays_a_field() -> None:
    assert not titles_section(["Section 4 › Rural Transport", "Port Office: Hill Harbour"], 1)
    assert not titles_section(["Home › Transport", "Date: 4 June 2026"], 1)
    assert titles_section(["Section 4 › Rural Transport", "Rural Transport: Safer Roads"], 1)


def test_a_run_of_fields_going_on_past_the_last_headline_shaped_line_is_a_block() -> None:
    """A ruling's fields under its headline run on past the lines shaped like headlines
    (the last ones hold a case number, no headline's shape): still a block of fields."""
    lines = [
        "Tribunal upholds award to harbour dredging contractor",
        "Appellant: Eastern Dredging Works",
        "Respondent: Harbour Board of Kallur",
        "Case number: 412 of 2025",
        "Bench: R. Menon and S. Iyer",
    ]
    assert field_block_lines(lines, [0, 1, 2], (), ()) == {1, 2}
