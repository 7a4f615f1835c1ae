"""Marks of the article's own sections that an outlet's furniture shares a shape with.

Invented texts: a coast guard's exercise notice numbered "1 Purpose", "2 Period" … as every
notice of its kind is, and an essay whose parts a row of stars divides. Their look-alikes
go: a count over a list ("2 Comments") an outlet prints under every post, a divider over a
newsletter's closing note and its footer, a divider under a release's last paragraph.
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


ESSAY = [
    "The weavers of Kanchipuram first saw a Japanese loom at a fair in 1962, and few of",
    "them thought it would matter. The loom was slow, and it needed a kind of thread that",
    "nobody in the town could buy. Two families bought one anyway, for their sons to study.",
    "The sons went to Kyoto the next spring and stayed for three years in a dyer's house.",
    "* * *",
    "When they came back, they brought a way of fixing colours that the town still uses, and",
    "a habit of writing down every recipe, which their fathers had kept in their heads only.",
    "Their notebooks are now in the town's museum, opened at the page for indigo.",
]


def test_a_divider_amid_the_essays_paragraphs_stays() -> None:
    lines = [" ".join(ESSAY[0:3]), ESSAY[3], ESSAY[4], " ".join(ESSAY[5:7]), ESSAY[7]]
    assert "* * *" not in removed("\n".join(lines))


def test_a_divider_over_a_closing_note_and_its_footer_goes() -> None:
    text = "\n".join(
        [
            "The two agencies will publish a joint guide on digital payments for tourists.",
            "Applications for the autumn batch of the exchange programme close on 31 July.",
            "--------------------------------------------------",
            "Editor's note: Thank you for reading. Please tell us what you would like to read.",
            "Unsubscribe or change your address: https://mail.example.go.jp/en",
        ]
    )
    assert "--------------------------------------------------" in removed(text)


def test_a_divider_under_a_releases_last_paragraph_goes() -> None:
    text = "\n".join(
        [
            "The Chief Minister said the state would allot land for the plant within sixty days.",
            "The Consul General of Japan in Mumbai was also present at the signing ceremony.",
            "* * *",
            "Sachin Jadhav",
            "Public Relations Officer",
        ]
    )
    assert "* * *" in removed(text)
