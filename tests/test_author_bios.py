"""A writer's bio and the notes on a piece's authorship, at an article's foot.

Invented think-tank pieces: the writer is named in a name line at the head ("Dr Asha
Rao, Fellow, Ports Programme") instead of a byline, and the closing line that opens with
that name and says what the writer does is the bio; the notes that the views are the
author's own and how to cite the piece are furniture; a closing line on someone the
head does not name stays.
"""

from __future__ import annotations

from aggregator.toolkit.boilerplate import classify
from aggregator.toolkit.boilerplate_bios import bio_lines, head_names
from aggregator.toolkit.boilerplate_cleaner import Cleaner
from aggregator.toolkit.boilerplate_learning import Settings

HEAD = "Dr Asha Rao, Fellow, Ports Programme"
BODY = [
    "The port authority approved a second container terminal on Tuesday after two years of talks.",
    "The terminal will double the harbour's capacity, but dredging the channel remains unfunded.",
]


def clean(lines: list[str]) -> list[str]:
    _, removed = Cleaner(Settings(), None).clean("\n\n".join(lines))
    return [line for line, _ in removed]


def test_a_name_line_at_the_head_stands_for_a_byline() -> None:
    assert head_names([HEAD, *BODY]) == ("Asha Rao",)
    assert head_names(["Cdr (retd) Ravi Menon, Senior Fellow, Maritime Programme"]) == (
        "Ravi Menon",
    )
    assert head_names([*BODY, *BODY, HEAD]) == ()  # past the first three lines


def test_the_bio_of_the_writer_the_head_names_goes() -> None:
    bio = "Asha Rao served ten years at the shipping ministry before joining the institute."
    assert clean([HEAD, *BODY, bio]) == [bio]


def test_a_closing_line_on_someone_else_stays() -> None:
    closing = "Vikram Shah was not available for comment on the dredging plan."
    assert clean([HEAD, *BODY, closing]) == []
    lines = [HEAD, *BODY, closing]
    assert bio_lines(lines, set(), ()) == []


def test_the_authors_own_views_and_the_citation_are_notes() -> None:
    views = "Views expressed are the author's own and do not represent the Institute."
    cite = "Cite as: Rao, A. (2026), 'A second terminal', Ports Brief No. 12."
    assert classify(views) is not None
    assert classify(cite) is not None
    assert classify("The author's own view, she said, is that dredging comes first.") is None


def test_back_matter_heading_behind_a_mark() -> None:
    rule = classify("■ About Harbour Cranes Corporation")
    assert rule is not None and rule.name == "about the company"
    assert classify("■ Revised forecasts") is None


def test_an_obituary_s_line_on_the_books_of_the_dead_stays() -> None:
    lines = [
        "Kamala Rao, whose novels followed three generations of a boat-building family, died on "
        "Sunday in Kochi. She was 88.",
        "Rao began writing late, after thirty years as a schoolteacher in Alappuzha.",
        "Kamala Rao was the author of eleven novels and two books of essays on the backwaters.",
    ]
    assert clean(lines) == []


def test_a_closing_line_on_an_expert_quoted_earlier_stays() -> None:
    lines = [
        *BODY,
        "Anita Desai said the port could not carry both terminals without public money.",
        "Anita Desai is a professor of economics at Harbour University and a former adviser to "
        "the ministry.",
    ]
    assert clean(lines) == []
