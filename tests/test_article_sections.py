"""Sections a study handout or a field report repeats in every issue: the article's own.

Invented texts of an invented coaching desk and an invented charity. Each issue of such a
source opens its story under the same question ("What happened?"), explains a term under
"About <term>", closes on a practice question under the same heading and sums its project
up in a box of figures under the same title. The learner counts those headings like a
masthead, and a release's "About <Company>" rule reads "About <term>" as back matter; what
tells them from furniture is that each heads text that differs from issue to issue.
"""

from __future__ import annotations

from boilerplate_support import learned, removed

from aggregator.toolkit.boilerplate_sections import is_heading

FOOTER = "Printed for our students only. Copyright Lantern Study Circle, Pune."
BANNER = "LANTERN STUDY CIRCLE | Daily Handout"


HANDOUT = "\n".join(
    [
        BANNER,
        "",
        "What happened?",
        "The port authority of a coastal state has signed an agreement with a shipyard",
        "group to build four electric harbour tugs, the first of their kind in the",
        "region, at a cost of about 300 crore rupees over three years.",
        "Key facts",
        "• The tugs will be charged from solar panels on the breakwater and will replace",
        "diesel boats that now burn about two tonnes of fuel every working day.",
        "About the Harbour Craft Fund",
        "• The fund pays a third of the cost of any harbour craft that runs on batte-",
        "ries, and six ports have applied for support since it opened last spring.",
        "Concerns",
        "• Battery prices remain high, and the yards have little experience of the",
        "new designs, so delivery may slip into the following financial year.",
        "Practice question",
        "Examine how electric tugs could cut the emissions of ship-",
        "ping, and what holds them back. (150 words)",
        "",
        FOOTER,
    ]
)


def test_a_question_heads_a_section_like_any_heading() -> None:
    assert is_heading("What happened?")
    assert not is_heading("HOST: Who wins?")
    assert not is_heading("Is this the end of the line for the old diesel tugs?")


def test_a_repeated_question_over_the_opening_prose_stays() -> None:
    stats = learned(BANNER, "What happened?", "Practice question", FOOTER)
    gone = removed(HANDOUT, stats)
    assert "What happened?" not in gone
    assert BANNER in gone


def test_about_a_term_followed_by_more_sections_is_no_back_matter() -> None:
    gone = removed(HANDOUT)
    assert "About the Harbour Craft Fund" not in gone
    assert not any(line.startswith("• The fund pays") for line in gone)
    assert "Concerns" not in gone


def test_a_companys_about_section_still_closes_a_release() -> None:
    release = "\n\n".join(
        [
            "The harbour tug maker Seabird Marine said on Monday that it had won an order "
            "for four electric tugs from a coastal port authority.",
            "About Seabird Marine",
            "Seabird Marine builds workboats and tugs at two yards on the west coast.",
            "Media contact",
            "press@seabird.example",
        ]
    )
    assert removed(release) == [
        "About Seabird Marine",
        "Seabird Marine builds workboats and tugs at two yards on the west coast.",
        "Media contact",
        "press@seabird.example",
    ]


def test_a_repeated_heading_over_a_wrapped_question_at_the_foot_stays() -> None:
    stats = learned(BANNER, "What happened?", "Practice question", FOOTER)
    gone = removed(HANDOUT, stats)
    assert "Practice question" not in gone
    assert not any(line.startswith(("Examine how", "ping, and")) for line in gone)
    assert FOOTER in gone


REPORT = "\n\n".join(
    [
        "Our partner in the hills has finished the tenth of twelve rainwater ponds above the "
        "village, and the households below it now draw water for two more months a year.",
        "The ponds were dug by the villagers themselves, who also planted the saplings that "
        "will hold the slope together when the monsoon comes.",
        "Project in figures",
        "Rainwater ponds: 10 of 12 finished",
        "Households served: about 450",
        "Saplings planted: 3,000",
        "Give a pond to a village: a monthly gift keeps our field teams in the hills.",
    ]
)


def test_a_repeated_heading_over_the_reports_own_figures_stays() -> None:
    stats = learned(
        "Project in figures",
        "Give a pond to a village: a monthly gift keeps our field teams in the hills.",
        documents=3,
    )
    gone = removed(REPORT, stats)
    assert "Project in figures" not in gone
    assert "Households served: about 450" not in gone


def test_a_repeated_heading_over_a_bulleted_reading_list_still_goes() -> None:
    stats = learned("More from the desk", documents=3)
    text = "\n\n".join(
        [
            REPORT.split("\n\n")[0],
            REPORT.split("\n\n")[1],
            "More from the desk",
            "• Ponds: how villages in the hills store the monsoon",
            "• Saplings: which trees hold a slope best",
        ]
    )
    assert "More from the desk" in removed(text, stats)


def test_a_repeated_heading_takes_a_dated_marked_list_at_the_foot() -> None:
    closing = "The Harbour Office does not sell ferry tickets; please buy them at the pier."
    stats = learned("Also in this issue", closing, documents=3)
    text = "\n".join(
        [
            "The night crossing to the island starts on the first of June, and the harbour "
            "office will stay open late on the first two Fridays to answer questions.",
            "",
            "Also in this issue",
            "– Lantern walk along the old quay for families and visitors, 14 June",
            "– A reminder about the new parking rules near the ferry terminal",
            "– Quay market, 21 June",
            closing,
        ]
    )
    gone = removed(text, stats)
    assert "Also in this issue" in gone
    assert "– Lantern walk along the old quay for families and visitors, 14 June" in gone
    assert "– A reminder about the new parking rules near the ferry terminal" in gone
    assert "– Quay market, 21 June" in gone
