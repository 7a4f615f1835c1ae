"""A text's standing note on what it is: whose views it holds, the rule its meeting was
held under, that it is satire.

Invented lines. Their look-alikes stay: a report's sentence that the meeting was held under
the rule and what was said there, a count of the participants beside the rule (the
report's own figure, as a minutes' "Participants: 35" is), a court's words on a film.
"""

from __future__ import annotations

import pytest

from tests.boilerplate_support import judge


@pytest.mark.parametrize(
    "line",
    [
        "This is a work of satire. No minister was harmed in the writing of it.",
        "This is a work of fiction.",
        "This summary reflects the views of the co-chairs, not of their governments.",
        "The workshop was held under the Chatham House Rule. Speakers are not named.",
        "Held under the Chatham House Rule.",
        "The views expressed are the speaker's own and not those of the Institute.",
    ],
)
def test_a_standing_disclaimer_goes(line: str) -> None:
    assert judge(line) == "disclaimer"


@pytest.mark.parametrize(
    "line",
    [
        "The meeting was held under the Chatham House Rule, but officials said India asked "
        "Japan to speed up the chip plant approvals.",
        "Held under the Chatham House Rule; 22 participants from the two coast guards.",
        "This is a work of fiction, the court said, and dismissed the petition against the film.",
    ],
)
def test_a_sentence_about_the_rule_or_a_count_stays(line: str) -> None:
    assert judge(line) is None
