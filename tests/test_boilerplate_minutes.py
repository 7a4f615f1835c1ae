"""The attendance of minutes: who was present, not what was said.

Invented texts: a harbour committee's minutes with their attendance over several lines and
on one, a committee record's "Members present". Their look-alikes stay: a report's count
of participants, the agenda items under the attendance.
"""

from __future__ import annotations

from tests.boilerplate_support import removed

AGENDA = [
    "1. Dredging of the inner channel",
    "The board noted that the tender for the dredging of the inner channel will be floated",
    "in September, and asked the Chief Engineer to report on its cost and on the disposal of",
    "the dredged silt at the next meeting of the committee, to be held in Kollam in November.",
    "2. Any other business",
    "The chairman thanked the members from Kobe for joining the meeting by video, and said",
    "that the board would send two of its engineers to the Port of Kobe for training early",
    "next year, with the support of the city's harbour bureau and of the state government.",
]


def test_an_attendance_over_several_lines_goes_and_the_agenda_stays() -> None:
    attendance = [
        "Present:",
        "Ms. Leela Menon, Chairperson",
        "Mr. Kenji Sato, Mr. Arun Pillai, Ms. Rekha Das (online)",
        "In attendance:",
        "Mr. Joseph Mathew, Secretary",
        "Apologies:",
        "Mr. Ravi Nair",
    ]
    gone = removed("\n".join(["Minutes of the 12th meeting", *attendance, *AGENDA]))
    assert all(line in gone for line in attendance)
    assert not any(line in gone for line in AGENDA)


def test_an_attendance_on_one_wrapped_line_goes() -> None:
    attendance = [
        "Present: Chairperson, Kollam Harbour Board (Chair); Director, Port of Kobe; Chief",
        "Engineer, KHB; and six others (list annexed)",
    ]
    gone = removed("\n".join(["Minutes of the 12th meeting", *attendance, *AGENDA]))
    assert all(line in gone for line in attendance)


def test_a_count_of_participants_stays() -> None:
    text = "\n".join(
        [
            "The round table on port security met in Kochi on Friday under the Chatham House rule.",
            "Participants: 35",
            "Speakers agreed that the two navies should share more data on shipping lanes.",
        ]
    )
    assert "Participants: 35" not in removed(text)


def test_a_calls_management_line_goes_and_the_moderators_turn_stays() -> None:
    turn = "Moderator: Good day and welcome to the first-quarter call of Kollam Marine"
    text = "\n".join(
        [
            "Management: Leela Menon, CEO | Kenji Sato, CFO",
            turn,
            "Services. This call is being recorded.",
            *AGENDA[1:4],
        ]
    )
    gone = removed(text)
    assert "Management: Leela Menon, CEO | Kenji Sato, CFO" in gone
    assert turn not in gone
