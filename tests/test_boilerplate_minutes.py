"""The attendance of minutes: who was present, not what was said.

Invented texts: a harbour committee's minutes with their attendance over several lines and
on one, a committee record's "Members present". Their look-alikes stay: a report's count
of participants, the agenda items under the attendance.
"""

from __future__ import annotations

from tests.boilerplate_support import removed

AGENDA = [
    "1. Dredging of the inner channel",
    "The board noted that the tender for the dredging will be floated in September, and",
    "asked the Chief Engineer to report on the cost at the next meeting in November.",
    "2. Any other business",
    "The chairman thanked the members from Kobe for joining the meeting by video.",
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
