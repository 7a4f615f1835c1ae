"""The name a mail's note is signed with, under its sign-off, over the release it carries.

Invented texts: an agency's pitch signed "Kind regards," / "Meera Iyer" over its release, a
colleague's "Thanks," / "Ravi" over a forwarded statement. Their look-alikes stay: the
release's heading in capitals right under a sign-off, a sentence under one.
"""

from __future__ import annotations

from tests.boilerplate_support import removed

RELEASE = [
    "Rivermouth Port opens tender for a second container berth",
    "The harbour board approved a second container berth at Rivermouth on Monday, with a loan",
    "of 21 billion yen from a Japanese development bank that will pay for most of the dredging.",
    "The berth is expected to open in 2029 and to double the port's feeder traffic by 2032.",
]


def test_the_name_under_a_notes_sign_off_goes_and_the_release_stays() -> None:
    for sign_off, name in (("Kind regards,", "Meera Iyer"), ("Thanks,", "Ravi")):
        note = "Please find below a release from Rivermouth Port on its second berth."
        gone = removed("\n".join(["Dear editor,", note, sign_off, name, *RELEASE]))
        assert sign_off in gone
        assert name in gone
        assert not any(line in gone for line in RELEASE)


def test_a_heading_or_a_sentence_under_a_sign_off_stays() -> None:
    note = ["Dear editor,", "A note on the berth.", "Best,"]
    for under in ("SECOND BERTH FOR RIVERMOUTH", "The board will meet in May to open the bids."):
        gone = removed("\n".join([*note, under, *RELEASE]))
        assert under not in gone


def test_a_sign_off_with_the_senders_name_on_its_line_goes() -> None:
    for line in ("Regards, Meera Iyer, Secretary to the Board", "Warm regards, Ravi"):
        gone = removed("\n".join(["Dear members,", line, *RELEASE]))
        assert line in gone
        assert not any(kept in gone for kept in RELEASE)


def test_a_thank_you_that_goes_on_stays() -> None:
    for line in ("Thanks, Mr Iyer, for the loan.", "Best regards, the board said, would follow."):
        assert line not in removed("\n".join([*RELEASE, line]))
