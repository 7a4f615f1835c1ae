"""The lead of a plain-text article, read no further than it reaches."""

from __future__ import annotations

import pytest

from aggregator.toolkit import prose
from aggregator.toolkit.lead_paragraph import lead_paragraph
from aggregator.toolkit.prose import iter_joined_paragraphs, joined_paragraphs

LEAD = [
    "The harbour board of Port Mara approved the new ferry berth on",
    "Tuesday after a long debate over its cost and the noise it would",
    "bring to the old quarter, officials said after the vote.",
]
REST = [
    "Work on the quay is to begin next spring, the board's chair said in",
    "a statement, and the first ferries should call there within two years.",
]


def _numbered(lines: list[str]) -> list[tuple[int, str]]:
    return list(enumerate(lines))


def test_the_lead_is_the_first_prose_paragraph_joined() -> None:
    body = _numbered([*LEAD, "", *REST * 3])
    assert lead_paragraph(body, None) == " ".join(LEAD)


def test_the_lead_is_read_without_joining_the_rest_of_the_text(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[str] = []
    continues = prose.continues

    def counting(line: str, following: str, width: int | None) -> bool:
        asked.append(following)
        return continues(line, following, width)

    monkeypatch.setattr(prose, "continues", counting)
    body = _numbered([*LEAD, "", *REST * 200])
    assert lead_paragraph(body, None) == " ".join(LEAD)
    assert len(asked) <= len(LEAD) + 2


def test_a_body_without_prose_leads_with_its_first_line_that_is_no_bullet() -> None:
    body = _numbered(["- berth", "- quay", "Ferry timetable", "- winter"])
    assert lead_paragraph(body, None) == "Ferry timetable"


def test_paragraphs_one_at_a_time_are_the_paragraphs_of_the_list() -> None:
    body = _numbered([*LEAD, "", "Timetable", "- berth", *REST])
    assert list(iter_joined_paragraphs(body)) == joined_paragraphs(body)
    assert [number for number, _ in joined_paragraphs(body)] == [0, 3, 4, 5, 6]
