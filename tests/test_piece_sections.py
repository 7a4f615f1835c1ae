"""An issue of headed sections is a digest of several stories, kept out of each one's story;
numbered paragraphs and unmarked sub-heads of one report are not.

Invented texts: a plain-text newsletter of ferry and rail items, a memorandum's sections.
"""

from __future__ import annotations

from aggregator.toolkit.piece_kind import DIGEST, commentary_label
from aggregator.toolkit.piece_sections import is_headed_issue, is_section_heading

ISSUE = """** The Harbour Letter
Issue 12 | Monday, 2 March 2026

** Ferries and trains
A busy week for links between Norway and Chile.
** 1. A weekly ferry to Valparaiso
Norway and Chile agreed a weekly ferry from June, with 400 berths.
** 2. Rail study in Bergen
The two railways will study a freight link, reporting by autumn.
** 3. In brief
- A port fee falls on Friday.
"""

MEMO = """Ferry agreement signed
1. Background
The two ministries have talked about a ferry since 2021.
2. Terms
Norway lends 210 million kroner for the Valparaiso terminal.
3. Next steps
The first sailing is planned for June.
"""


def lines_of(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines()]


def test_marked_numbered_headings_make_a_digest() -> None:
    assert is_headed_issue(lines_of(ISSUE))
    assert commentary_label(lines_of(ISSUE)) == DIGEST


def test_a_release_with_unmarked_numbered_subheads_stays_a_report() -> None:
    assert not is_headed_issue(lines_of(MEMO))
    assert commentary_label(lines_of(MEMO)) is None


def test_a_numbered_paragraph_behind_a_mark_is_no_heading() -> None:
    assert is_section_heading("## 2. Port news")
    assert not is_section_heading(
        "** 1. The two sides agreed that the ferry will sail weekly from June onwards."
    )
    assert not is_section_heading("** Ferries and trains")


def test_one_heading_is_not_an_issue() -> None:
    assert not is_headed_issue(["** 1. A weekly ferry", "Norway and Chile agreed a ferry."])
