"""Marks of the article's own sections that an outlet's furniture shares a shape with.

Invented texts: a coast guard's exercise notice numbered "1 Purpose", "2 Period" … as every
notice of its kind is, an essay whose parts a row of stars divides, a council's page whose
one paragraph stands under "Summary of discussion". Their look-alikes go: a count over a
list ("2 Comments") an outlet prints under every post, a divider over a newsletter's
closing note and its footer, a divider under a release's last paragraph, a summary box
over the article that follows it, a label over a page's only paragraph with nothing of
the page's own above it.
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


MINUTES_PAGE = [
    "Agenda",
    "1. Arrivals of foreign students, 2026",
    "2. Scholarships for students from South Asia",
    "Summary of discussion",
    "Members noted that students from India rose by a fifth this year and asked the ministry"
    " to simplify the visa paperwork for those joining Japanese-language schools.",
    "Contact: Student Exchange Division. Tel: 03-0000-0000",
]


def test_a_repeated_heading_over_a_records_only_paragraph_stays() -> None:
    gone = removed("\n".join(MINUTES_PAGE), learned("Summary of discussion"))
    assert "Summary of discussion" not in gone


def test_a_repeated_heading_over_a_summary_the_article_follows_goes() -> None:
    text = "\n".join(
        [
            "Key points",
            "The two navies will hold their first joint drill in the Arabian Sea next month.",
            "The Indian Navy said on Monday that two destroyers from Japan would arrive in Kochi"
            " on 4 September and sail with three Indian ships for five days.",
            "Officials said the drill would focus on anti-submarine warfare and refuelling.",
        ]
    )
    assert "Key points" in removed(text, learned("Key points"))


def test_a_repeated_label_over_a_pages_only_paragraph_with_nothing_above_goes() -> None:
    text = "\n".join(
        [
            "AI summary",
            "Japan and India agreed to study a shared testing centre for power chips, and"
            " officials will report to the next summit on its cost and its site.",
            "Contact: Reader services. Tel: 03-0000-0000",
        ]
    )
    assert "AI summary" in removed(text, learned("AI summary"))
