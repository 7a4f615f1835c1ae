"""A label of two words and a colon that heads a section of the report's own, though
every report of the source prints it.

Invented texts: a pool report's "Pool notes:" over the reporter's notes, and a channel's
"Transmission:" over a broadcast slot, a one-word field label that still goes.
"""

from __future__ import annotations

from tests.boilerplate_support import learned, removed


def test_a_repeated_label_over_the_reports_own_notes_stays() -> None:
    text = "\n".join(
        [
            "Motorcade reached the harbour at 10:05. The minister walked the new berth with the",
            "port chairman and was shown the plans for the second phase of the terminal.",
            "At the signing the two sides exchanged folders and the chairman spoke for a minute.",
            "Pool notes:",
            "The handout says the second phase will add two berths and a rail siding by 2029.",
            "A port official told pool that a Japanese line had asked for a long-term lease.",
        ]
    )
    assert "Pool notes:" not in removed(text, learned("Pool notes:"))


def test_a_repeated_one_word_field_label_still_goes() -> None:
    text = "\n".join(
        [
            "The channel will air a new cookery series from the autumn, made with a Tokyo studio.",
            "It follows a cook from Pune who opens a lunch counter in a busy office district.",
            "Filming took place over six weeks in both cities, with a mixed cast.",
            "Transmission:",
            "From Monday 2 November, 9 pm, Monday to Thursday, on the main channel.",
        ]
    )
    assert "Transmission:" in removed(text, learned("Transmission:"))
