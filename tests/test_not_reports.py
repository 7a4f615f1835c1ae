"""Kinds of documents that are no report (``not_reports``): a job posting or an invitation
that names both sides, and deals between them, is still no news of their relations.

The made-up pair of sides (Norway and Chile) keeps the tests off the shipped vocabulary.
"""

from __future__ import annotations

import pytest
from relevance_support import judge, judge_app

from aggregator.app import App

SETTINGS = {
    "sides": {"Norway": ["Norway", "Norwegian", "Oslo"], "Chile": ["Chile", "Chilean"]},
    "relation_terms": ["signed", "agreement", "talks", "cooperate", "invest"],
    "not_reports": {
        "job posting": ["Apply now", "Responsibilities", "Qualifications", "Closing date"],
        "invitation": ["RSVP", "Meeting ID", "confirm attendance"],
    },
}
POSTING = """Closing date: 30 June

The Norwegian-Chilean Chamber, founded when Norway and Chile signed their first
fisheries agreement, helps Norwegian firms invest in Chile and Chilean firms in Norway.

Responsibilities
Prepare briefings on the talks between Norwegian and Chilean officials on salmon trade.

Qualifications
Five years of work on trade between Norway and Chile, and fluent Spanish.

Apply now"""
REPORT = """Norway and Chile signed an agreement in Oslo on Monday to cooperate on salmon
farming research, officials of both governments said after two days of talks.

The plan, the officials said, also covers training: a programme of the Norwegian-Chilean
Chamber, whose call for applicants ends with "Apply now", will place twenty students."""


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> App:
    return judge_app(tmp_path_factory.mktemp("not_reports"), SETTINGS)


def test_a_job_posting_about_both_sides_is_no_report(app: App) -> None:
    reason, item = judge(app, "Trade analyst, Norway–Chile desk", POSTING)
    assert reason == "not a report (job posting)"
    assert item.relevance is not None and not item.relevance.kept
    assert "“responsibilities”" in item.relevance.reasons[0]


def test_an_invitation_marked_in_its_headline_and_text_is_no_report(app: App) -> None:
    reason, _ = judge(
        app,
        "RSVP: briefing on the Norway–Chile agreement",
        "Norway and Chile signed an agreement in Oslo; the embassy will brief on the talks.\n"
        "Meeting ID: 845 2231 9902\nPlease confirm attendance by Friday.",
    )
    assert reason == "not a report (invitation)"


def test_a_report_that_quotes_one_mark_is_judged_as_a_report(app: App) -> None:
    reason, item = judge(app, "Norway and Chile sign salmon research agreement", REPORT)
    assert reason is None
    assert item.relevance is not None and item.relevance.kept


def test_marks_of_two_kinds_do_not_add_up(app: App) -> None:
    reason, _ = judge(
        app,
        "Norway and Chile sign salmon research agreement",
        REPORT + "\nRSVP to the press office. Responsibilities of the new centre follow.",
    )
    assert reason is None
