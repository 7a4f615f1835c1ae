"""A piece whose headline asks a question (a debate, a column, a reader's query) is about an
event, not a report of it: the clusterer keeps it a story of its own, as it keeps a piece
that says it is commentary, so that it neither joins the event's story nor draws later
reports of the event into its own."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from aggregator.testing import FeedProject
from aggregator.toolkit.piece_kind import QUESTION, headline_kind


def test_a_headline_that_asks_is_a_piece_about_an_event() -> None:
    assert headline_kind("Is Goa giving its coast away too cheaply?") == QUESTION
    assert headline_kind("SHOULD PUNE COPY OSAKA'S FLOOD TUNNELS? ") == QUESTION
    assert headline_kind("Goa leases coast land to Osaka resort firm") is None


REPORT = """Goa leases 120 acres of coast to Osaka resort firm Umikaze Hotels

July 2, 2026

PANAJI, July 2: The Goa government leased 120 acres at Morjim beach to the Osaka resort
company Umikaze Hotels for 60 years, Tourism Minister Rohan Khaunte said, for a resort of
400 rooms to open in 2029.
"""
DEBATE = """{headline}

July 3, 2026

The Goa government's lease of 120 acres at Morjim beach to the Osaka resort company
Umikaze Hotels for 60 years led the evening's panel. Tourism Minister Rohan Khaunte's
resort of 400 rooms was called a gift by the opposition, and a fair lease by the hoteliers.
"""


def _stories(tmp_path: Path, headline: str) -> tuple[str | None, str | None]:
    project = FeedProject(tmp_path)
    project.add_article("report.txt", REPORT)
    project.add_article("debate.txt", DEBATE.format(headline=headline))
    project.run(now=datetime(2026, 7, 4, tzinfo=UTC))
    story = {item.uri.rsplit("/", 1)[-1]: item.story_id for item in project.items()}
    return story["report.txt"], story["debate.txt"]


def test_a_debate_under_a_question_stays_a_story_of_its_own(tmp_path: Path) -> None:
    stated = _stories(tmp_path / "stated", "Panel weighs Goa's coast lease to Umikaze Hotels")
    assert stated[0] == stated[1]
    asked = _stories(tmp_path / "asked", "Is Goa giving its coast to Umikaze Hotels too cheaply?")
    assert asked[0] != asked[1]
