"""Stories: a body named in full by one report and by its initials by another
(aggregator/toolkit/story_initials.py, counted among the names ``cluster_stories`` compares)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from story_support import placed
from test_story_rare_names import busy_index

from aggregator import Item
from aggregator.plugins.cluster_stories import Settings, _add, _best_match
from aggregator.toolkit.minhash import np, packed, signature
from aggregator.toolkit.story_evidence import name_words
from aggregator.toolkit.story_index import name_permutations
from aggregator.toolkit.story_initials import body_initials
from aggregator.toolkit.story_lists import name_word_hash

DAY = datetime(2026, 8, 11, 8, tzinfo=UTC)

SPELT_OUT = (
    "Tungabhadra water body signs Okayama pact on canal sensors",
    "The Tungabhadra Basin Development Authority signed a memorandum with the Okayama"
    " Prefectural Irrigation Bureau on Monday to fit soil and flow sensors along the"
    " Hosapete canals. Engineers from Okayama will train Hosapete staff for two years.",
)
INITIALS = (
    "Okayama sensors for Hosapete",
    "Specialists of the OPIB are to help the TBDA fit sensors and watch water levels in"
    " Hosapete, the TBDA announced on Monday; the deal, struck in Okayama, runs until 2028.",
)
"""The same pact in other words, naming both bodies by their initials only: without them
the two reports share two name words (under ``MIN_SHARED_NAMES``) and score 0.27."""


def test_a_bodys_full_name_gives_its_initials() -> None:
    text = (
        "The Directorate General of Foreign Trade wrote to the Reserve Bank of India and"
        " Japan's Maritime Self-Defense Force, said Prime Minister Vikram Rao."
    )
    assert body_initials(text) == {"dgft", "rbi", "msdf", "jmsdf"}


def test_and_ends_a_name_and_short_or_unnamed_runs_give_nothing() -> None:
    assert body_initials("the Kaveri Board and the Palar Water Authority met") == {"pwa"}
    assert body_initials("Port Office said so; Sunil Varma Kumar Reddy spoke") == set()


def test_initials_are_compared_but_not_banded() -> None:
    """The report's names hold its bodies' initials; its name bands are of the names it
    gives, so the initials do not move its candidates."""
    report, placement = placed(*SPELT_OUT, "spelt-out", DAY)
    names = set(memoryview(report.names).cast("I").tolist())
    assert {name_word_hash("tbda"), name_word_hash("opib")} <= names
    item = Item(id="x", source="x", uri="x", title=SPELT_OUT[0], text=SPELT_OUT[1])
    given = np.array(sorted({name_word_hash(word) for word in name_words(item)}), np.uint64)
    assert placement.names == packed(signature(given, *name_permutations()))


def test_a_report_giving_only_the_initials_joins_the_report_that_spells_them_out() -> None:
    index = busy_index()
    first, placement = placed(*SPELT_OUT, "spelt-out", DAY)
    first.story_id = "story-of-the-sensors"
    first.rare = index.words.sketch(placement.words)
    _add(index, first, placement)
    second, placement = placed(*INITIALS, "initials", DAY + timedelta(hours=5))
    second.rare = index.words.sketch(placement.words)
    story, reason = _best_match(index, second, placement, Settings())
    assert story == "story-of-the-sensors", reason
