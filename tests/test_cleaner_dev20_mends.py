"""Article lines the dev20 rules took for a page's furniture, written in our own words.

A ranking the article discusses under "Index", a timeline whose years stand on lines of
their own, a numbered list in a paged report whose prose names "CO2", a headline or a
subheading that begins "For the …", a table's label with a note's star, a voter's
checklist with empty boxes, a link to a recording with a language in brackets: each is
the article's own and stays. Beside each, the furniture of the same rule that still goes,
and the cost of the footnote search on a long paged text.
"""

from __future__ import annotations

import pytest
from boilerplate_support import judge, removed

from aggregator.toolkit import boilerplate_running as running

RANKING = [
    "The country fell four places in this year's world ranking of press freedom, the group said.",
    "Its researchers graded 176 countries on the safety of journalists and on media ownership.",
    "Index",
    "1. Iceland",
    "2. Ireland",
    "3. Estonia",
    "4. Portugal",
    "5. Denmark",
    "The country now stands at 151, behind three of its neighbours, the report added.",
]


def test_a_ranking_under_index_stays() -> None:
    assert removed("\n".join(RANKING)) == []
    readings = [
        "Smog thickened over the city on Tuesday as the wind fell, the monitoring agency said.",
        "INDEX:",
        "1 Okhla 451",
        "2 Rohini 440",
        "3 Bawana 431",
        "Primary schools will teach online until the readings fall below 300.",
    ]
    assert removed("\n".join(readings)) == []


def test_a_digests_index_whose_entries_recur_as_headings_still_goes() -> None:
    entries = ["1. Ferry fares frozen for a year", "2. A new berth for cruise ships"]
    body = [
        "[1] Ferry fares frozen for a year",
        "The port board froze ferry fares on Tuesday after a month of protests by islanders.",
        "[2] A new berth for cruise ships",
        "A berth for cruise ships will open at the north quay in October, the board said.",
    ]
    assert removed("\n".join(["INDEX", *entries, *body]))[:3] == ["INDEX", *entries]


TIMELINE = [
    "The women's hockey side has reached the Asian final four times since the first games.",
    "1982",
    "Gold",
    "The side beat its neighbours on a wet pitch in front of a full stadium in the capital.",
    "1998",
    "Silver",
    "A late goal in Bangkok settled the final against the host side after extra time.",
    "2014",
    "Gold",
    "Penalties decided the final in Incheon, the goalkeeper saving three of them.",
    "2022",
    "Silver",
    "The side lost narrowly in Hangzhou after leading at half-time.",
]


def test_labels_beside_the_years_of_a_timeline_stay() -> None:
    assert removed("\n".join(TIMELINE)) == []


REPORT = [
    "Emissions of CO2 from the harbour's cranes fell by a fifth once they ran on grid power.",
    "1 Move every crane at the harbour to grid power by 2028.",
    "2 Plant mangroves along the southern breakwater before the monsoon.",
    "HARBOUR CLIMATE PLAN",
    "9",
    "The plan's second part looks at the fishing villages north of the harbour.",
    "HARBOUR CLIMATE PLAN",
    "10",
]


def test_a_numbered_list_under_prose_naming_co2_stays() -> None:
    taken = removed("\n".join(REPORT))
    assert REPORT[1] not in taken and REPORT[2] not in taken
    for token in ("G20", "FY25", "Q1", "PM2.5", "H1", "km2"):
        text = "\n".join(REPORT).replace("CO2", token)
        assert REPORT[2] not in removed(text), token


def test_a_footnote_marked_after_a_word_or_a_year_still_goes() -> None:
    for marked in ("by a fifth in 2025,2", "by a fifth that decade.2", "by a fifth2"):
        text = "\n".join(REPORT).replace("by a fifth", marked, 1)
        assert REPORT[2] in removed(text), marked
    text = "\n".join(REPORT).replace("grid power.", "grid power.2")
    assert removed(text)[:3] == [REPORT[2], "HARBOUR CLIMATE PLAN", "9"]


def test_headings_that_begin_for_the_stay() -> None:
    prose = "The central bank left its rate unchanged on Thursday and kept its stance neutral."
    for heading in (
        "For the Bank of Korea, the Waiting Goes On",
        "For the Reserve Bank of India",
        "For the World Bank, Water Comes First",
    ):
        assert removed("\n".join([prose, heading, prose])) == []
    named = ["For the Ministry of Home Affairs", "Flood Relief Chief Named", prose]
    assert removed("\n".join([prose, *named])) == []


def test_a_signature_block_at_the_end_goes_with_its_name_and_office() -> None:
    prose = "Both sides agreed to meet again in Delhi in the spring of next year."
    block = ["For the Government of India", "Meera Nair", "Ambassador of India to Japan"]
    assert removed("\n".join([prose, *block])) == block
    two = [
        "For the Ministry of Ports, Shipping and Inland Waterways, Government of India",
        "Joint Secretary",
        "For the Port Authority of Yokohama",
        "Director-General",
    ]
    assert removed("\n".join([prose, *two])) == two
    bodies = [two[0], two[2]]
    annexed = [prose, *bodies, "Annex I and II: not reproduced."]
    assert removed("\n".join(annexed)) == bodies


def test_a_tables_label_with_a_notes_star_stays() -> None:
    for line in (
        "Cases by district*: Wayanad 33, Idukki 12, Kollam 6",
        "Vote share by state*: Assam 58%, Goa 49%, Punjab 61%",
        "Median age*",
        "Rank by age*: 1 Meera 2 Arjun",
    ):
        assert judge(line) is None, line
    assert judge("Email address*") == "form field"
    assert judge("Passport number*") == "form field"
    assert judge("Time slot*: ( ) Morning ( ) Evening") == "form field"


def test_a_checklist_the_article_gives_stays() -> None:
    prose = "Voters in the district go to the polls on Friday, and officials have a few tips."
    checklist = [
        "[ ] Look up your polling station on the commission's website.",
        "[ ] Take your voter slip and one photo identity document.",
    ]
    assert removed("\n".join([prose, *checklist, prose])) == []
    assert judge("[ ] I agree to the terms of the festival pass.") == "form field"


def test_a_recording_link_needs_its_running_time() -> None:
    for line in (
        "Watch the bridge give way (video)",
        "Watch the minister's answer (Tamil)",
        "Listen to the speech (in full)",
    ):
        assert judge(line) is None, line
    assert judge("Watch the hearing (2 h 10 min)") == "recording link"
    assert judge("Watch the launch (48 min)") == "recording link"


def _mark_tests(pages: int, monkeypatch: pytest.MonkeyPatch) -> int:
    """How many lines the footnote search reads for marks on a text of ``pages`` pages,
    each a sentence with its mark, its footnote, the running head and the page's number."""
    lines: list[str] = []
    for page in range(1, pages + 1):
        lines += [
            f"The board met for meeting {page} and raised the levy again.1",
            "1 Minutes of the board, item four.",
            "THE HARBOUR REPORT",
            str(page),
        ]
    calls = 0
    mark = running._MARK

    class Counted:
        def finditer(self, line: str, pos: int = 0):  # type: ignore[no-untyped-def]
            nonlocal calls
            calls += 1
            return mark.finditer(line, pos)

    monkeypatch.setattr(running, "_MARK", Counted())
    _, notes = running.page_heads(lines)
    monkeypatch.undo()
    assert len(notes) == pages
    return calls


def test_the_footnote_search_grows_linearly(monkeypatch: pytest.MonkeyPatch) -> None:
    small = _mark_tests(100, monkeypatch)
    large = _mark_tests(400, monkeypatch)
    assert large <= 4.5 * small  # four times the pages; their square would be sixteen
