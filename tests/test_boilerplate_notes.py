"""Furniture of documents that carry a story without being one, judged line by line.

Invented lines: a bounced press release's delivery report, a video agency's shotlist, a
paper's revision log, a statistics office's next-release line, an answer engine's cited
sites and follow-up questions, a school's reply slip, a copy desk's caption label, an
agency's correction note, a fund's market-risk warnings, a filing's conformed signature
and safe-harbour note, an agency's topic codes, a serial's note on its parts, a writer's
follow prompt with a handle, a page's poll and its readers' signed comments, a filing's
exhibit label, a rundown's soundbite cue and a press office's attribution note. Each kind has
its article look-alike beside it, which no rule takes.
"""

from __future__ import annotations

import pytest

from tests.boilerplate_support import judge, removed


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("Reporting-MTA: dns; relay3.harbourpress.example", "delivery status"),
        ("Remote-MTA: dns; mx1.coastwatch.example", "delivery status"),
        (
            "Your message wasn't delivered to desk@coastwatch.example because the mailbox is full.",
            "delivery failure",
        ),
        ("DNS Error: Domain name not found", "delivery failure"),
        ("4. Crane lifting the first girder into place (00:31)", "shotlist entry"),
        (
            '6. SOUNDBITE (English) Site engineer: "We finish before the rains." (00:52)',
            "shotlist entry",
        ),
        ("▼ 16:20 — Added the minister's comments at the site.", "revision log"),
        ("Revision history", "revision log"),
        ("Next release: 14 August 2026 — Port throughput, July 2026", "release calendar"),
        ("Next issue: November 2026", "release calendar"),
        ("portnews.example · shipdata.example · +4 sources", "citation strip"),
        ("Name of the pupil: __________ Roll number: ______", "form field"),
        ("- - - - - - - - - - (tear here) - - - - - - - - - -", "divider"),
        ("PHOTO CAPTION: Dock workers unload the first cargo. — Staff photo", "photo caption"),
        ("(Corrects tonnage in paragraph 2 to 40,000 from 4,000)", "wire version note"),
        (
            "Investments in the scheme are subject to market risks, read the offer document.",
            "disclaimer",
        ),
        ("Past performance may or may not be sustained in future.", "disclaimer"),
        (
            "Riskometer: Moderate — Investors understand that their principal will be at"
            " moderate risk.",
            "disclaimer",
        ),
        ("By: /s/ Meera Pillai", "signatory"),
        ("/s/ Kenta Aoki", "signatory"),
        ("More coverage: [PORTS/] [JAPAN-SHIPPING/]", "topic codes"),
        ("[KOCHI/PORTS] [LNG/]", "topic codes"),
        (
            "This story is the third part of a four-part series. The last part appears on Friday.",
            "series note",
        ),
        ("This report is part 2 of our monsoon series.", "series note"),
        (
            "Forward-looking statements: This release contains statements about future plans.",
            "disclaimer",
        ),
        (
            "Forward-looking statements in this notice rest on current plans and involve risks.",
            "disclaimer",
        ),
        ("Follow me on Instagram: @ferry_captain_kochi", "follow prompt"),
        ("Should the ferry run at night? Yes / No", "reader poll"),
        ("Would you use a water taxi? Yes | No | Not sure", "reader poll"),
        ("Kavya S. · 4 days ago: The night ferry saves me an hour.", "reader comments"),
        ("Ravi · 2 hours ago: Finally!", "reader comments"),
        ("Exhibit 99.2 Investor presentation dated 4 May 2026", "filing label"),
        ('IN: "The first boat..." OUT: "...by the monsoon." DUR 0:14', "time code"),
        ("Answers may be attributed to: a spokesperson of the Ferry Board", "attribution note"),
        ("Comments may be attributed to a senior official of the Ferry Board", "attribution note"),
    ],
)
def test_such_furniture_is_removed(line: str, rule: str) -> None:
    assert judge(line) == rule


@pytest.mark.parametrize(
    "line",
    [
        "Status: the port said the berth would reopen in June after repairs to the quay.",
        "4. The port will dredge the channel to 14 metres (phase two).",
        "The new terminal will handle 3 million containers (2027).",
        "Next, the board will take up the tariff revision in its July meeting.",
        "Past performance of the port has been strong, the minister told reporters.",
        "(The port handled 40,000 tonnes in paragraph-length shipments, officials said.)",
        "The fund's investments are subject to review by the board every quarter.",
        "Investors understand that the fund's principal risk lies in the yen, the manager said.",
        "The filing was signed by the chief financial officer on Monday.",
        "The port code [KOCHI/PORTS] appears in the agency's index, the editor said.",
        "This story is part of a push by the ferry board to win back commuters.",
        "Forward-looking statements are a worry for investors, the analyst said.",
        "Should the ferry run at night? The board says yes, the unions say no.",
        "Kavya, who took the ferry four days ago, said it saved her an hour.",
        "Exhibit 4 was a letter from the minister to the port trust.",
        "The delays may be attributed to the monsoon, the board said.",
        "The report is part of a series of audits the CAG has conducted on state finances since"
        " 2019.",
        "The comments may be attributed to a misunderstanding of the rules, the minister told"
        " reporters on Wednesday.",
        "Exports rose to 1,234 tonnes from 102345",
    ],
)
def test_article_lines_of_the_same_look_stay(line: str) -> None:
    assert judge(line) is None


def test_follow_up_questions_under_their_heading_go_with_it() -> None:
    text = "\n\n".join(
        [
            "Cargo through the new terminal rose by a third in its first year of operation,"
            " the port trust said on Monday.",
            "Ask a follow-up",
            "Which ports handle the most containers?",
            "How deep is the new channel?",
        ]
    )
    assert removed(text) == [
        "Ask a follow-up",
        "Which ports handle the most containers?",
        "How deep is the new channel?",
    ]


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("PORTS AND HARBOURS (P2) DEPARTMENT", "issuer line"),
        ("ABSTRACT", "section label"),
        (
            "1) From the Director of Ports, Letter No. PD/44/2026, dated 03.03.2026.",
            "order reference",
        ),
        ("2) Minutes of the harbour board meeting held on 12.04.2026.", "order reference"),
        ("K. VENU, ADDITIONAL CHIEF SECRETARY TO GOVERNMENT", "signatory"),
        ("To", "addressees"),
        ("Meena Pillai, Joint Secretary", "signatory"),
        ("Assistant Registrar (Appeals)", "signing office"),
        ("Additional Director General", "signing office"),
        ("Joint Secretary to the Government of Kerala", "signatory"),
        ("By order of the Harbour Board", "signatory"),
        ("For and on behalf of Coastal Ferries Ltd.", "signatory"),
        (
            "Copy to: The Port Officer, Kochi / Harbour Master, Vypin – for information.",
            "copy list",
        ),
        ("Copy forwarded to: All ferry operators", "copy list"),
        ("A subsidiary of Harbour Engineering Co., Ltd., Kobe, Japan", "company identity"),
        ("Fri 12 June, 4 pm IST — Shipping careers in Japan", "schedule entry"),
        ("14 Sep (Mon) 18:30 — Hall B, Port Museum", "schedule entry"),
        ("— Live coverage ends.", "live page end"),
        ("RESTRICTIONS: No access India", "video rights"),
        ("Comments: 24 pages, 6 figures", "preprint details"),
        ("Subjects: Oceanography (physics.ao-ph)", "preprint details"),
        ("Notes to editors", "notes to editors"),
    ],
)
def test_letter_and_listing_furniture_is_removed(line: str, rule: str) -> None:
    assert judge(line) == rule


@pytest.mark.parametrize(
    "line",
    [
        "The port is a subsidiary of the state maritime board, the minister said.",
        "Meena Pillai, Joint Secretary in the ministry, said the berth would open in June.",
        "1) The port will dredge the channel before the monsoon.",
        "On 14 September the museum opens a hall on the history of the harbour.",
        "Abstract",
        "To be sure, the berth is late.",
        "The Deputy Registrar adjourned the hearing to Monday.",
        "Director of Ports",
        "By ordering two more ferries, the board doubled its fleet.",
        "Copy to the board's files was lost in the fire, the clerk said.",
    ],
)
def test_article_lines_like_letter_furniture_stay(line: str) -> None:
    assert judge(line) is None


def test_notes_to_editors_take_the_background_under_them() -> None:
    text = "\n\n".join(
        [
            "The harbour board will open a second cruise terminal in Kochi next year, its"
            " chairman told reporters on Friday.",
            "Notes to editors",
            "The harbour board runs four ports on the south-west coast.",
            "Pictures of the terminal are available on request.",
        ]
    )
    assert removed(text) == [
        "Notes to editors",
        "The harbour board runs four ports on the south-west coast.",
        "Pictures of the terminal are available on request.",
    ]


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("Comment [KT2]: Is this the final tonnage? — Kenji T.", "review trail"),
        ("[b]Please confirm the date with the port office — S. Rao", "review trail"),
        ("-------------- next part --------------", "list archive"),
        ("An HTML attachment was scrubbed...", "list archive"),
        ("More information about the coastal-shipping mailing list", "list archive"),
        (
            "CAUTION: This email originated from outside of the organisation. Do not open"
            " attachments from senders you do not know.",
            "mail banner",
        ),
        ("[EXTERNAL] This message came from outside your organization.", "mail banner"),
    ],
)
def test_lines_software_writes_round_a_text_go(line: str, rule: str) -> None:
    assert judge(line) == rule


@pytest.mark.parametrize(
    "line",
    [
        "Comment from the ministry was not available by press time.",
        "[Editor's note: this story has been updated.] The port reopened on Monday.",
        "More information about the scheme is on the ministry's website.",
        "Deleted: the old ferry timetable no longer applies",
        "This email originated from outside the company network, the IT team warned staff.",
    ],
)
def test_look_alikes_of_software_lines_stay(line: str) -> None:
    assert judge(line) is None


@pytest.mark.parametrize(
    "line",
    [
        "A subsidiary of the bank, which said it would add forty branches this year.",
        "a group company of harbour holdings, it said on Monday.",
        "yes/no",
        "his/her",
    ],
)
def test_sentences_and_word_pairs_are_no_company_line_or_initials(line: str) -> None:
    assert judge(line) is None


def test_a_company_line_with_its_legal_form_still_goes() -> None:
    assert judge("A subsidiary of Harbour Holdings Co., Ltd.") == "company identity"


_PARAGRAPH = "The harbour board met on Friday to settle the dredging contract for the channel."


@pytest.mark.parametrize(
    "line", ["Judge", "Member", "Officer", "Principal", "Treasurer", "Managing Director"]
)
def test_a_short_office_outside_a_letter_stays(line: str) -> None:
    text = "\n\n".join([_PARAGRAPH, "Rekha Menon", line, "Q: How did the year go?", _PARAGRAPH])
    assert line not in removed(text)


def test_a_short_office_under_a_signature_goes() -> None:
    text = "\n\n".join([_PARAGRAPH, "Yours faithfully,", "Sd/-", "Registrar", "To", "All members"])
    assert "Registrar" in removed(text)


def test_an_office_to_the_rescue_is_not_an_office_to_the_government() -> None:
    assert judge("Officer to the rescue") is None
    assert judge("Officer to the Rescue Board") == "signing office"
