"""A column's or a serial's links to its earlier pieces, each with the day it ran.

Invented texts: a bureau column listing its previous instalments, a serial listing its
parts. Their look-alikes stay: a single headline with its day in brackets, a document's
own date with its year.
"""

from __future__ import annotations

from tests.boilerplate_support import removed

COLUMN = [
    "The harbour board approved a second container berth at Rivermouth on Monday, with a loan",
    "of 21 billion yen from a Japanese development bank that will pay for most of the dredging.",
]


def test_a_run_of_earlier_pieces_with_their_days_goes() -> None:
    links = [
        "Part 1: Why the feeder lines left the river (May 24)",
        "Part 2: In Kochi, a dredger bets on the monsoon (31 May)",
        "A long summer of queues at the old gate (June 2)",
    ]
    gone = removed("\n".join([*COLUMN, "Earlier in this series", *links]))
    assert all(line in gone for line in links)
    assert not any(line in gone for line in COLUMN)


def test_one_dated_headline_and_a_dated_document_stay() -> None:
    for line in ("Outcome of the port users' committee meeting (12 March)",):
        assert line not in removed("\n".join([line, *COLUMN]))
    dated = ["Press Material (19 October 2026)", "Port Notice (20 October 2026)"]
    assert not any(line in removed("\n".join([*dated, *COLUMN])) for line in dated)
