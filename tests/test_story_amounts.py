"""Stories: the amount two reports lead with finds the pair as a candidate and counts as
evidence of one event, however reworded the rest (aggregator/toolkit/story_figures.py,
``LEAD_FIGURE_WEIGHT`` in aggregator/toolkit/story_match.py)."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import pytest
from story_support import placed

from aggregator.plugins.cluster_stories import (
    INDEX,
    KEYS,
    NAME,
    WORDS,
    Index,
    _add,
    _load,
    _stored,
    candidates,
    similarity,
)
from aggregator.store import Store
from aggregator.toolkit.story_evidence import LEAD_WORDS
from aggregator.toolkit.story_figures import (
    CROWDED_AMOUNT,
    AmountIndex,
    is_stated_amount,
    stated_amounts,
)
from aggregator.toolkit.story_match import LEAD_FIGURE_WEIGHT

DAY = datetime(2026, 7, 8, 9, tzinfo=UTC)

GRANT = (
    "Tokyo extends 18.4 billion yen for Kanpur sewers",
    "The Japanese government will lend 18.4 billion yen to rebuild the sewer network of"
    " Kanpur, the overseas aid agency said on Tuesday.\n\nWork on the trunk mains starts"
    " next spring and should take four years.",
)
FEATURE = (
    "A river town waits for its drains",
    "Residents of the old tanneries quarter have waited two decades for sewers. A loan of"
    " 18.4 billion yen agreed this week should pay for them.\n\nEngineers from Osaka will"
    " advise the municipal works department.",
)


def test_only_distinctive_amounts_of_the_lead_are_keys() -> None:
    assert is_stated_amount("18.4billion")
    assert is_stated_amount("14000")
    assert is_stated_amount("2.5%")
    assert not is_stated_amount("150")
    assert not is_stated_amount("7-14")
    keys = stated_amounts(["18.4billion", "150", "18.4billion"])
    assert keys == stated_amounts(["18.4billion"])
    assert len(keys) == 1


def test_reports_leading_with_one_amount_are_candidates() -> None:
    """A reworded feature and a wire report of one loan share no name but the city's: the
    amount they both lead with makes them candidates."""
    index = Index()
    wire = placed(*GRANT, "wire", DAY)
    _add(index, *wire)
    report, placement = placed(*FEATURE, "feature", DAY)
    by_bands = index.text.query(report.text_sig)
    index.terms.query(placement.terms, by_bands)
    index.names.query(placement.names, by_bands)
    assert candidates(index, report, placement)[0] == by_bands[0] + 1
    amounts_only = AmountIndex()
    amounts_only.add(0, stated_amounts(wire[0].lead_figures))
    found = amounts_only.query(stated_amounts(report.lead_figures), Counter())
    assert found == Counter({0: 1})


def test_an_amount_many_reports_lead_with_finds_none_of_them() -> None:
    index = AmountIndex()
    key = stated_amounts(["10%"])
    for ordinal in range(CROWDED_AMOUNT + 1):
        index.add(ordinal, key)
    assert index.query(key, Counter()) == Counter()
    assert index.query(stated_amounts(["11%"]), Counter()) == Counter()


def test_a_figure_both_reports_lead_with_adds_to_their_evidence() -> None:
    """The same two reports, once with the feature's sum moved out of its lead (a second
    paragraph's background figure): leading with it adds ``LEAD_FIGURE_WEIGHT``."""
    wire = placed(*GRANT, "wire", DAY)[0]
    leading = placed(*FEATURE, "feature", DAY)[0]
    title, text = FEATURE
    lead, rest = text.split("\n\n")
    trailing = placed(title, f"{rest}\n\n{lead}", "feature", DAY)[0]
    assert set(leading.figures) == set(trailing.figures)
    with_lead, reason = similarity(leading, wire)
    without_lead, other_reason = similarity(trailing, wire)
    assert "a lead figure in common" in reason
    assert "lead figure" not in other_reason
    assert with_lead - without_lead == pytest.approx(LEAD_FIGURE_WEIGHT)


FILLER = (
    "The harbour board met on a wet morning by the old customs house and heard the"
    " engineers describe at length the silting of the northern channel the state of the"
    " cranes the crowding of the yards the queues of lorries on the coast road and the"
    " long delays ships have faced all through the monsoon season after a debate that"
    " ran past noon and into the evening before it voted unanimously in the end to spend"
    " a sum of"
)


def test_a_reloaded_report_leads_with_the_figures_it_led_with_when_built(
    tmp_path: Path,
) -> None:
    """The lead's last word is a number whose unit is the next word: the lead gives the
    bare "1500", the whole text "1500crore"; the index row keeps both, so the report the
    next run loads from the store leads with what the live one did."""
    assert len(FILLER.split()) == LEAD_WORDS - 1
    text = f"{FILLER} 1500 crore on a new berth.\n\nWork starts in May."
    report, placement = placed("Harbour board votes for a new berth", text, "berth", DAY)
    assert "1500" in report.lead_figures and "1500crore" in report.figures
    store = Store.open(tmp_path / "state.db")
    store.plugin_tables(NAME, INDEX, KEYS, WORDS)
    row = _stored(report, placement)
    store.table(INDEX).upsert([row._replace(story_id="s", seen=DAY.isoformat())])
    reloaded = _load(store, DAY, index_days=10).reports["berth"]
    store.close()
    assert set(reloaded.lead_figures) == set(report.lead_figures)
    assert set(reloaded.figures) == set(report.figures)


def test_a_bare_count_both_reports_lead_with_adds_no_lead_bonus() -> None:
    """ "150" students and "150" firms: a bare count of three digits is no amount
    (``MIN_BARE_DIGITS``), so leading with it is no evidence of one event."""
    students = placed(
        "Pune students leave for Osaka on Hanamura scholarships",
        "150 students from Pune colleges leave for Osaka this week on an exchange funded by"
        " the Hanamura Foundation, the Maharashtra education department said.",
        "students",
        DAY,
    )[0]
    firms = placed(
        "Japanese firms at Pune trade fair",
        "150 Japanese firms from Osaka show machinery at a trade fair in Pune backed by the"
        " Hanamura Foundation and the Maharashtra industries department.",
        "firms",
        DAY,
    )[0]
    assert "150" in set(students.lead_figures) & set(firms.lead_figures)
    _, reason = similarity(students, firms)
    assert "terms" in reason
    assert "lead figure" not in reason


def test_a_count_both_headlines_give_adds_the_lead_bonus() -> None:
    """A recruitment deal's reports all head with the count of workers it sends: a bare
    count, and still the event's."""
    notice = placed(
        "Recruitment of care workers to Japan: Hanamura Kaigo (500 vacancies)",
        "The Kerala manpower agency has agreed with Hanamura Kaigo of Kagawa to recruit 500"
        " care workers for its nursing homes in three batches.",
        "notice",
        DAY,
    )[0]
    report = placed(
        "Kagawa care group to hire 500 from Kerala",
        "Hanamura Kaigo, which runs nursing homes in Kagawa, will recruit 500 care workers"
        " from Kerala under an agreement with the state's manpower agency.",
        "report",
        DAY,
    )[0]
    _, reason = similarity(notice, report)
    assert "a lead figure in common" in reason
