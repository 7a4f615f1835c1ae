"""Paragraphs wrapped over several lines of which a rule knows one line.

Invented texts: an episode page whose "Also in this episode:" runs on over its paragraph,
a call transcript whose cautionary note and a reply whose appeal notice are wrapped at a
width. Each has its look-alike beside it: a link to another episode on a line of its own,
a mail's quoted reply, a report that someone will appeal.
"""

from __future__ import annotations

from tests.boilerplate_support import judge, removed

WRAPPED = [
    "The harbour board met on Monday and approved the dredging of the inner channel to a",
    "depth of fourteen metres, which will let larger container ships call at the port.",
    "The work is to start after the monsoon and take about eighteen months to finish.",
    "Officials said the cost would be shared by the board and the state government.",
    "A tender is to be floated in September, with bids due by the end of October.",
]


def test_a_promotion_that_runs_on_into_its_paragraph_stays() -> None:
    text = "\n".join(
        [
            *WRAPPED,
            "Also in this episode: the weather office says the rains are running well behind in",
            "the north-west, though the south has had more than its usual share this month.",
            "Hosts: Meera Pillai and Arun Das.",
        ]
    )
    assert not any(line.startswith("Also in") for line in removed(text))


def test_a_promotion_on_a_line_of_its_own_still_goes() -> None:
    text = "\n".join([*WRAPPED, "Also in this episode: the weather office on the late rains"])
    assert "Also in this episode: the weather office on the late rains" in removed(text)


def test_a_quoted_reply_of_a_mail_still_goes() -> None:
    text = "\n".join(
        [
            *WRAPPED,
            "> On Tue, 3 Mar 2026 at 10:12, Ravi Menon wrote:",
            "> Can you send the dredging figures before the board meets on Monday? The",
            "> chairman wants them in the note.",
        ]
    )
    gone = removed(text)
    assert "> Can you send the dredging figures before the board meets on Monday? The" in gone
    assert "> chairman wants them in the note." in gone


def test_the_rest_of_a_wrapped_notice_goes_with_its_first_line() -> None:
    text = "\n".join(
        [
            *WRAPPED,
            "Cautionary statement: The outlook in this transcript rests on the management's view",
            "and carries risks that may make the results differ.",
        ]
    )
    gone = removed(text)
    assert "and carries risks that may make the results differ." in gone
    assert WRAPPED[-1] not in gone


def test_an_appeal_notice_and_its_wrapped_tail_go() -> None:
    text = "\n".join(
        [
            *WRAPPED,
            "If you are not satisfied with this reply, you may prefer an appeal within 30 days",
            "to the First Appellate Authority, Chief Engineer (Ports), at the address above.",
        ]
    )
    gone = removed(text)
    assert (
        "If you are not satisfied with this reply, you may prefer an appeal within 30 days" in gone
    )
    assert "to the First Appellate Authority, Chief Engineer (Ports), at the address above." in gone


def test_an_appeal_in_a_report_stays() -> None:
    assert judge("The port board said it would appeal against the tribunal's order.") is None
