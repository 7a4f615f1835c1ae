"""Marks of the article's own sections that an outlet's furniture shares a shape with.

Invented texts: a coast guard's exercise notice numbered "1 Purpose", "2 Period" … as every
notice of its kind is. Its look-alike goes: a count over a list ("2 Comments") an outlet
prints under every post.
"""

from __future__ import annotations

from tests.boilerplate_support import learned, removed

NOTICE = [
    "Coast Guard Notice",
    "Joint search and rescue drill off Chennai",
    "The Coast Guard will hold a search and rescue drill with a Japanese patrol vessel.",
    "1 Purpose",
    "To practise joint search procedures and communications between the two services.",
    "2 Period",
    "From Tuesday, 11 August to Thursday, 13 August 2026",
    "3 Participants",
    "ICGS Vaibhav and the Japanese patrol vessel Akitsushima, with one helicopter each",
    "4 Remarks",
    "The vessels will be open to visitors at Chennai Port on 14 August from 10:00.",
]


def test_numbered_sections_every_notice_repeats_stay() -> None:
    stats = learned("1 Purpose", "2 Period", "3 Participants", "4 Remarks", "Coast Guard Notice")
    gone = removed("\n".join(NOTICE), stats)
    assert "Coast Guard Notice" in gone
    assert not {"1 Purpose", "2 Period", "3 Participants", "4 Remarks"} & set(gone)


def test_a_count_over_a_list_is_no_numbered_section() -> None:
    text = "\n".join(
        [
            "The port trust said the drill would not affect cargo handling at the terminal.",
            "Officials from both services will brief reporters after the last day of the drill.",
            "2 Comments",
            "Good to see this. - Ravi",
            "Hope they practise at night too. - Meena",
        ]
    )
    assert "2 Comments" in removed(text, learned("2 Comments"))
