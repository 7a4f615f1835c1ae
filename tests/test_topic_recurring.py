"""A topic the article returns to is given though each of its matches counts little (in a
list, a weak term): three matches with 0.4 of the best topic's score need only the best
topic's bar; a passing mention, or a recurring topic dwarfed by the subject, does not."""

from __future__ import annotations

from pathlib import Path

from aggregator.models import Item
from aggregator.plugins import tag_topics
from aggregator.testing import FeedProject

TAXONOMY = {
    "farming": ["orchard", "growers", "harvest"],
    "schools": ["students", "classroom", "teachers"],
    "shipping": ["harbour", "freighter"],
}


def tag(tmp_path: Path, title: str, text: str) -> Item:
    project = FeedProject(tmp_path / "project")
    project.plugin_config(
        "tag_topics",
        taxonomy=TAXONOMY,
        min_score=2.5,
        first_min_score=1.5,
        relative_score=0.25,
    )
    config = project.load().config
    item = Item(id="x", source="s", uri="u", title=title, text=text)
    tag_topics.aggregator_tag_item(item=item, config=config)
    return item


LEAD = (
    "The hill growers' cooperative opened a shared cold store on Monday, so that the"
    " valley's apples can wait for a better price after the harvest."
)


def test_a_topic_met_three_times_in_lists_is_given(tmp_path: Path) -> None:
    text = (
        LEAD + "\n\nThe store will also hold a weekly market for students, parents and"
        " neighbours. Its open days are for students, pensioners and visitors, and the"
        " cooperative has invited the students to its first tasting."
    )
    item = tag(tmp_path, "A cold store opens in the valley", text)
    evidence = item.extras["topic_evidence"]
    assert evidence["schools"]["score"] == 2.0
    assert evidence["schools"]["matches"] == 3
    assert item.topics == ["farming", "schools"]


def test_a_topic_met_twice_in_lists_is_not(tmp_path: Path) -> None:
    text = (
        LEAD + "\n\nThe store will also hold a weekly market for students, parents and"
        " neighbours, and its open days are for students, pensioners and visitors."
    )
    item = tag(tmp_path, "A cold store opens in the valley", text)
    assert item.topics == ["farming"]


def test_a_recurring_topic_dwarfed_by_the_subject_is_not(tmp_path: Path) -> None:
    text = (
        LEAD + "\n\nThe orchard growers said the harvest was the best in ten years. The"
        " growers will sell the harvest of every orchard together, and the orchard owners"
        " will share the cost.\n\nThe store is open to students, parents and neighbours,"
        " to students, pensioners and visitors, and to students, cooks and shopkeepers."
    )
    item = tag(tmp_path, "Orchard growers open a cold store after the harvest", text)
    assert item.topics == ["farming"]


WEIGHTED = {
    "farming": ["orchard", "growers", "harvest"],
    "shipping": ["harbour", "freighter"],
    "transport": [{"term": "road", "weight": 0.5}, "highway"],
}
STORE_LEAD = (
    "The hill growers' cooperative opened a shared cold store on Monday, so that the"
    " valley's apples can wait for a better price."
)
ONE_WEAK_WORD = (
    "Lorries reach the store by the old road from the ridge. The council will light the road"
    " this winter, and a bus stop is planned where the road meets the square."
)
TWO_TERMS = (
    "Lorries reach the store by the old road from the ridge. The council will light the road"
    " this winter, and the new highway will pass a mile to the east."
)


def tag_weighted(tmp_path: Path, lead: str, body: str) -> Item:
    project = FeedProject(tmp_path / "project")
    project.plugin_config(
        "tag_topics", taxonomy=WEIGHTED, min_score=2.5, first_min_score=1.5, relative_score=0.25
    )
    config = project.load().config
    item = Item(id="x", source="s", uri="u", title="A cold store opens", text=f"{lead}\n\n{body}")
    tag_topics.aggregator_tag_item(item=item, config=config)
    return item


def test_one_weak_term_repeated_is_no_recurring_topic(tmp_path: Path) -> None:
    item = tag_weighted(tmp_path, STORE_LEAD, ONE_WEAK_WORD)
    evidence = item.extras["topic_evidence"]["transport"]
    assert (evidence["score"], evidence["matches"]) == (1.5, 3)
    assert item.topics == ["farming"]


def test_a_recurring_topic_of_two_terms_is_given(tmp_path: Path) -> None:
    item = tag_weighted(tmp_path, STORE_LEAD, TWO_TERMS)
    assert item.extras["topic_evidence"]["transport"]["score"] == 2.0
    assert item.topics == ["farming", "transport"]


def test_no_recurring_topic_is_given_below_one_left_out(tmp_path: Path) -> None:
    lead = STORE_LEAD.replace("cold store", "cold store by the harbour")
    item = tag_weighted(tmp_path, lead, TWO_TERMS)
    evidence = item.extras["topic_evidence"]
    assert [evidence[t]["score"] for t in ("farming", "shipping", "transport")] == [2.0] * 3
    assert item.topics == ["farming"]
