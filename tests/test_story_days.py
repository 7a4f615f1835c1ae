"""Days in the story clusterer's evidence.

A day named by its month ("on 15 May") is no figure: two reports of one hearing that name
the hearing's day and the day they were read or posted do not contradict each other, as
two loans of 71.2 and 41.2 billion yen do. The day is a term both reports share, and
counts as a figure both give when it is not a report's own publication day (the day an
order takes effect).
"""

from __future__ import annotations

from datetime import UTC, datetime

from story_support import placed

from aggregator import Item
from aggregator.plugins.cluster_stories import similarity
from aggregator.toolkit.story_evidence import (
    contradicting_unit,
    days_named,
    figures_of,
    figures_of_terms,
    is_identifying,
    lead_figures,
)
from aggregator.toolkit.story_match import shared_figures

HEARING = datetime(2026, 6, 9, 11, tzinfo=UTC)


def identifying(text: str) -> set[str]:
    return {figure for figure in figures_of(text) if is_identifying(figure)}


def test_a_day_and_its_month_are_no_figure() -> None:
    assert identifying("The bench sat on 15 May and again on 22 March.") == set()
    assert identifying("Lotus Pumps raised $18M on 12 May, its 12 MW plant 18 months on.") == {
        "18m",
        "12mw",
    }
    assert identifying("A 250 m bridge and a 40 km road") == {"250m", "40km"}


def test_reports_naming_other_days_of_one_event_do_not_contradict() -> None:
    """The leads of a live thread and of a clipping read the next evening name the hearing's
    day and their own: days, not two amounts in one unit."""
    live = "On 15 May the High Court let Kanto Boilers enforce its award against Surya Grid."
    clipped = "The High Court's order of 16 May lets Kanto Boilers enforce its award."
    first, second = figures_of(live), figures_of(clipped)
    assert contradicting_unit(first, first, second, second) is None


def test_days_are_named_in_either_order() -> None:
    text = (
        "DATELINE 9 JUNE: the order of June 8th takes effect from the 1st of July; "
        "comments by Sept. 4. The May Day fair may 20 visitors attend."
    )
    assert days_named(text) == {"6-9", "6-8", "7-1", "9-4"}


def test_a_date_stamp_line_names_no_day_of_the_event() -> None:
    """Each report of one event is stamped with its own day; a sentence names the event's."""
    text = (
        "Harbour deal signed\nWednesday, 4 Mar 2026 - 9:10 AM\nMARCH 5, 2026\n\n"
        "The port authority said the berth opens on 30 April."
    )
    assert days_named(text) == {"4-30"}


def test_a_day_other_than_the_publication_day_is_a_figure() -> None:
    item = Item(
        id="a",
        source="s",
        uri="a",
        title="Tariff cut on Kerala cashew takes effect on 1 July",
        text="Colombo, 9 June: The cut announced on 9 June applies from 1 July.",
        published=HEARING,
    )
    terms = ["c:kerala cashew", "d:6-9", "d:7-1", "n:250crore"]
    assert figures_of_terms(terms, item.published) == ["7-1", "250crore"]
    assert figures_of_terms(terms, None) == ["6-9", "7-1", "250crore"]
    assert "7-1" not in lead_figures(item)


def test_two_reports_of_one_hearing_dated_a_day_apart_join() -> None:
    """A live thread names the hearing's day in its lead; the clipping of the next day's
    paper names its own day: both tell one judgment."""
    live = placed(
        "High Court allows Kanto Boilers to enforce Tokyo award against Surya Grid",
        "On 15 May Justice Meera Kulkarni of the Delhi High Court allowed Kanto Boilers to"
        " enforce its arbitral award of 2.6 billion yen against Surya Grid Projects, rejecting"
        " the argument that the Tokyo tribunal had ignored Indian public policy.",
        "live",
        datetime(2026, 5, 15, 9, tzinfo=UTC),
    )[0]
    clipping = placed(
        "Kanto Boilers can enforce Tokyo award, rules Delhi High Court",
        "Delhi, 16 May: Surya Grid Projects must pay Kanto Boilers the 2.6 billion yen a Tokyo"
        " tribunal awarded, Justice Meera Kulkarni of the Delhi High Court held, finding no"
        " breach of Indian public policy in the award.",
        "clipping",
        datetime(2026, 5, 16, 7, tzinfo=UTC),
    )[0]
    score, reason = similarity(clipping, live)
    assert not reason.startswith("different")
    assert score > 0.0


NOTICE_DAY = datetime(2026, 9, 18, 6, tzinfo=UTC)


def test_a_shared_day_counts_only_beside_a_shared_amount() -> None:
    """Two bodies' notices of closing for one holiday share its day and nothing else of an
    event; two reports of one rule that takes effect on a day share the day and its rate."""
    chamber = placed(
        "Secretariat closed on 21 September",
        "The Kansai Business Circle's Pune office closes on 21 September for the holiday.",
        "chamber",
        NOTICE_DAY,
    )[0]
    consulate = placed(
        "Consulate closed on September 21",
        "The Consulate-General of Japan in Kolkata is closed on September 21 for the holiday.",
        "consulate",
        NOTICE_DAY,
    )[0]
    assert shared_figures(chamber, consulate) == []
    rule = placed(
        "Tokyo ends extra checks on Andhra prawns",
        "From 10 February only 4.5% of Andhra prawn lots will be tested at the border.",
        "rule",
        NOTICE_DAY,
    )[0]
    trade = placed(
        "Prawn exporters welcome end of Japanese checks",
        "Exporters said the 4.5% sampling rate from 10 February would cut costs.",
        "trade",
        NOTICE_DAY,
    )[0]
    assert sorted(shared_figures(rule, trade)) == ["2-10", "4.5%"]


def test_a_text_of_one_long_line_naming_many_days_is_read_in_linear_time() -> None:
    """Each day named once read the whole of its line to see whether it was a stamp: a
    100,000-character line naming 4,000 days took about 16 seconds."""
    text = "5 May said the minister. " * 4_000
    assert days_named(text) == {"5-5"}
