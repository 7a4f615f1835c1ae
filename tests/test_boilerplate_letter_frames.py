"""The frame of an official letter or document: a bare salutation over a reply, the office
under a signature mark, the issuer's name at the head and foot, the message a reply
quotes under it.

Invented texts: replies to a citizen that open with "Madam,", a harbour board's press note
signed under "Sd/-" and named at its head and foot, an MP's reply that quotes the
question it answers. Each has its look-alike beside it,
which stays: a letters page's "Sir," under each letter's heading, a release's headline
under a filing's signature, a contents entry its section heading repeats, a statement
forwarded whole under a note.
"""

from __future__ import annotations

from tests.boilerplate_support import removed

WRAPPED = [
    "The harbour board met on Monday and approved the dredging of the inner channel to a",
    "depth of fourteen metres, which will let larger container ships call at the port.",
    "The work is to start after the monsoon and take about eighteen months to finish.",
    "Officials said the cost would be shared by the board and the state government.",
    "A tender is to be floated in September, with bids due by the end of October.",
]


def test_a_bare_salutation_that_opens_a_reply_goes() -> None:
    text = "\n".join(
        [
            "Madam,",
            "Please refer to your application of 2 March on the dredging of the inner channel.",
            *WRAPPED,
        ]
    )
    assert "Madam," in removed(text)


def test_a_salutation_under_a_letter_heading_on_a_letters_page_stays() -> None:
    text = "\n".join(
        [
            "Dredge the channel first",
            "Sir,",
            "Your report on the harbour (March 3) did not ask why the channel was left to silt up.",
            "Kavita Shenoy",
            "Kochi",
            "A port for whom?",
            "Sir,",
            "The board plans for ships, not for the fishing families who live beside the port.",
        ]
    )
    assert "Sir," not in removed(text)


def test_the_office_and_body_under_a_signature_mark_go() -> None:
    text = "\n".join(
        [
            *WRAPPED,
            "Sd/-",
            "(R. K. Menon)",
            "Deputy Traffic Manager",
            "Kollam Harbour Board",
        ]
    )
    gone = removed(text)
    assert "Deputy Traffic Manager" in gone
    assert "Kollam Harbour Board" in gone


def test_a_headline_under_a_filings_signature_stays() -> None:
    headline = "Kollam Harbour Board wins dredging award"
    text = "\n".join(
        [
            "Sd/-",
            "Company Secretary",
            headline,
            "Kollam, 4 March 2026: The board has been awarded the contract to dredge the inner",
            "channel of the harbour, which will let larger ships call at the port, it said.",
        ]
    )
    assert headline not in removed(text)


def test_an_issuers_name_at_head_and_foot_goes_at_both() -> None:
    text = "\n".join(
        ["KOLLAM HARBOUR BOARD", "Press note", *WRAPPED, *WRAPPED, "Kollam Harbour Board"]
    )
    gone = removed(text)
    assert "KOLLAM HARBOUR BOARD" in gone
    assert "Kollam Harbour Board" in gone


def test_a_numbered_entry_its_heading_repeats_is_no_frame() -> None:
    text = "\n".join(
        ["1. Dredging the inner channel", *WRAPPED, *WRAPPED, "1. DREDGING THE INNER CHANNEL"]
    )
    assert "1. DREDGING THE INNER CHANNEL" not in removed(text)


REPLY = [
    "Dear Ms. Iyer,",
    "My office has written to the harbour board about the dredging of the inner channel,",
    "and the board has replied that the work will start after the monsoon this year.",
    "With regards,",
    "Anil Menon, MP",
    "----- Original message -----",
    "From: Kavya Iyer <kavya.iyer@mail.example>",
    "Sent: 3 March 2026 09:12",
]


def test_a_short_message_quoted_under_a_reply_goes() -> None:
    question = "Sir, when will the channel be dredged? The boats cannot enter at low tide."
    assert question in removed("\n".join([*REPLY, question]))


def test_a_statement_forwarded_whole_under_a_note_stays() -> None:
    statement = [
        "Kollam, 4 March 2026: The harbour board has awarded the contract to dredge the inner",
        "channel to a joint venture of an Indian and a Japanese dredging company.",
        "The work will take eighteen months and cost about Rs 240 crore, the board said.",
    ]
    gone = removed("\n".join([*REPLY, *statement]))
    assert not any(line in gone for line in statement)


def test_a_memorandums_addressees_go() -> None:
    text = "\n".join(
        [
            "The undersigned is directed to state that ministries may send proposals for"
            " Japanese loans for the coming year by 31st August, 2026.",
            "(R. K. Menon)",
            "Under Secretary to the Government of India",
            "To:",
            "1. Secretaries of all Ministries/Departments of the Government of India",
            "2. Chief Secretaries of all States/UTs",
        ]
    )
    gone = removed(text)
    assert "To:" in gone
    assert "2. Chief Secretaries of all States/UTs" in gone


def test_an_addressee_line_goes() -> None:
    line = "To: All Port Authorities / Directorate General of Shipping (as per list)"
    assert line in removed(line)
