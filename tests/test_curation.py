"""Tagging and judging: unit behaviour, the seeds, and the labelled development corpus."""

from __future__ import annotations

import functools
import sys
from collections import Counter
from datetime import UTC, datetime
from html import escape
from pathlib import Path

import pytest

from aggregator.app import App, load_app
from aggregator.config import SourceConfig
from aggregator.models import Document, Item
from aggregator.pipeline import run_once
from aggregator.plugins import judge_relevance
from aggregator.plugins.feed_parser import parse_document
from aggregator.store import Store
from aggregator.testing import FeedProject
from aggregator.toolkit.terms import Term, TermMatcher, split_sentences

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

import curation_eval  # noqa: E402

FEED_SOURCE = SourceConfig(name="news", type="feed", options={}, base_dir=Path("."))


@functools.cache
def shipped() -> App:
    """The shipped feeds.toml loaded, so plugin settings are the real curation settings."""
    return load_app(ROOT / "feeds.toml", entry_points=False)


@pytest.fixture
def shipped_app() -> App:
    return shipped()


def judge(text: str, title: str) -> Item:
    item = Item(id="x", source="test", uri="test", title=title, text=text)
    shipped().hooks.judge_item(item)
    return item


def tag(text: str, title: str = "") -> Item:
    item = Item(id="x", source="test", uri="test", title=title, text=text)
    shipped().hooks.tag_item(item)
    return item


class TestTermMatcher:
    def test_inflections_hyphens_and_boundaries(self) -> None:
        matcher = TermMatcher(
            [Term("defence", "d"), Term("coast guard", "m"), Term("invest", "i"), Term("AI", "ai")]
        )
        text = "Coast-Guards drilled; air-defence and defences; investing; offence; Aid; AI."
        found = [(m.term.label, m.surface) for m in matcher.finditer(text)]
        assert found == [
            ("m", "Coast-Guards"),
            ("d", "defence"),
            ("d", "defences"),
            ("i", "investing"),
            ("ai", "AI"),
        ]

    def test_al_adjectives_only_from_stems_that_keep_their_sense(self) -> None:
        """Culture gives cultural and prefecture prefectural; a port does not give the
        visa portal, an intern internal audits, a sign a traffic signal, anime animals."""
        matcher = TermMatcher(
            [Term(word, word) for word in ("port", "intern", "sign", "anime", "culture")]
            + [Term("prefecture", "prefecture")]
        )
        text = (
            "Apply on the portal; internal audit; a signal failed; animal shelters; "
            "a cultural week in the prefectural hall."
        )
        found = [(m.term.label, m.surface) for m in matcher.finditer(text)]
        assert found == [("culture", "cultural"), ("prefecture", "prefectural")]

    def test_longest_term_wins(self) -> None:
        matcher = TermMatcher([Term("Japan", "country"), Term("Japan Coast Guard", "org")])
        assert [m.term.label for m in matcher.finditer("The Japan Coast Guard")] == ["org"]

    def test_a_matcher_made_after_a_text_was_read_still_finds_its_terms(self) -> None:
        """Texts remember which of their words start some matcher's term; a new matcher
        brings new words, and a text read before it must not miss them."""
        text = "Quokkas and wombats met the Numbat Council in Perth."
        assert [m.surface for m in TermMatcher([Term("wombat", "w")]).finditer(text)] == ["wombats"]
        later = TermMatcher([Term("numbat council", "n"), Term("QUOKKAS", "q")])
        assert [m.surface for m in later.finditer(text)] == ["Numbat Council"]
        sensitive = TermMatcher([Term("Perth", "p"), Term("PM", "pm")])
        assert [m.term.label for m in sensitive.finditer(text)] == ["p"]

    def test_a_case_sensitive_term_is_found_only_as_written(self) -> None:
        """Texts skip the case-sensitive reading when no word matches a capitalised term's
        lower-case form; a text read before the term existed must still be read again."""
        text = "The JICA loan was signed; the jica office is in Delhi."
        assert [m.surface for m in TermMatcher([Term("loan", "l")]).finditer(text)] == ["loan"]
        exact = TermMatcher([Term("JICA", "j"), Term("Delhi", "d")])
        assert [(m.surface, m.start) for m in exact.finditer(text)] == [("JICA", 4), ("Delhi", 48)]
        assert [m.surface for m in exact.finditer("the jica office")] == []

    def test_sentences_keep_abbreviations(self) -> None:
        assert split_sentences("Mr. Modi met Ms. Takaichi on Feb. 17. They agreed.") == [
            "Mr. Modi met Ms. Takaichi on Feb. 17.",
            "They agreed.",
        ]


@pytest.mark.usefixtures("shipped_app")
class TestJudge:
    def test_bilateral_story_is_kept_with_reasons(self) -> None:
        item = judge(
            "Prime Minister Narendra Modi and his Japanese counterpart held talks in Tokyo on"
            " Saturday. The two leaders agreed to expand defence cooperation and signed a pact"
            " on semiconductors. Japan will invest more in Indian manufacturing, officials said.",
            "Modi and Takaichi agree to deepen defence and chip cooperation",
        )
        assert item.relevance is not None and item.relevance.kept
        reasons = "\n".join(item.relevance.reasons)
        assert "India side:" in reasons and "Modi" in reasons
        assert "Japan side:" in reasons
        assert "both act together" in reasons
        assert "the headline names both sides" in reasons

    def test_third_country_story_is_dropped(self) -> None:
        item = judge(
            "India and China agreed to expand border patrolling at talks in Beijing. Chinese"
            " officials said China wants stable ties. Beijing and New Delhi will meet again."
            " China also hosted officials from Pakistan. Analysts said Japan was watching.",
            "India, China agree on border patrolling",
        )
        assert item.relevance is not None and not item.relevance.kept
        assert any("third party dominates: China" in r for r in item.relevance.reasons)

    def test_sport_between_the_two_is_dropped(self) -> None:
        item = judge(
            "India beat Japan 3-1 in the hockey semi-final. The match turned in the second half."
            " India's coach praised the defence after the final whistle. Japan's striker scored"
            " the only goal for the visitors. India meet Korea in the final on Sunday.",
            "India beat Japan to reach hockey final",
        )
        assert item.relevance is not None and not item.relevance.kept
        assert any("sport story" in r for r in item.relevance.reasons)

    def test_multilateral_bystanders_are_dropped(self) -> None:
        item = judge(
            "Quad foreign ministers from India, Japan, Australia and the United States issued a"
            " statement on undersea cables. The Quad ministers also discussed Myanmar. The G20"
            " and the UN were mentioned as partners. Australia will host the next meeting.",
            "Quad ministers issue statement on undersea cables",
        )
        assert item.relevance is not None and not item.relevance.kept

    def test_passing_mention_is_dropped(self) -> None:
        item = judge(
            "Monsoon rains lashed Mumbai on Tuesday, flooding roads and delaying trains. The"
            " weather office warned of more heavy rainfall. Schools were shut in several"
            " districts. A Japanese tourist was among those stranded at the airport.",
            "Heavy rain floods Mumbai",
        )
        assert item.relevance is not None and not item.relevance.kept

    def test_a_feed_entry_whose_summary_is_its_body_scores_as_its_text(self) -> None:
        """A description-only RSS entry gets its body as summary too; read as the lead,
        that summary named both sides wherever the article did, and scored the same
        article a point higher from such a feed than from a file."""
        paragraphs = [
            "Tokyo's shipyards reported record orders this quarter, the industry body said.",
            "Executives said demand for bulk carriers had doubled since the spring.",
            "Indian and Japanese officials later discussed a joint shipbuilding fund.",
            "The two governments agreed to study the proposal before the annual summit.",
        ]
        title = "Shipyards report record orders"
        description = "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)
        rss = (
            '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            "<title>Harbour Times</title><link>https://harbour.example/</link>"
            f"<item><title>{title}</title><link>https://harbour.example/a</link>"
            f"<description>{escape(description)}</description></item></channel></rss>"
        )
        [entry] = parse_document(
            Document(
                source="news",
                uri="https://harbour.example/feed",
                content=rss.encode(),
                media_type="application/rss+xml",
                fetched_at=datetime.now(UTC),
            ),
            FEED_SOURCE,
        ) or [None]
        assert entry is not None and not entry.summary and entry.text == "\n\n".join(paragraphs)
        shipped().hooks.judge_item(entry)
        from_file = judge("\n\n".join(paragraphs), title)
        assert entry.relevance is not None and from_file.relevance is not None
        assert entry.relevance.score == from_file.relevance.score
        assert "the lead names both sides" not in entry.relevance.reasons

    def test_a_summary_written_apart_from_the_text_is_the_lead(self) -> None:
        text = (
            "Tokyo's shipyards reported record orders this quarter.\n\n"
            "Indian and Japanese officials later discussed a joint shipbuilding fund."
        )
        summary = "India and Japan weigh a joint shipbuilding fund."
        item = Item(id="x", source="test", uri="test", title="Orders", text=text, summary=summary)
        shipped().hooks.judge_item(item)
        assert item.relevance is not None
        assert "the lead names both sides" in item.relevance.reasons


PAIR_SETTINGS = {
    "sides": {"Norway": ["Norway", "Norwegian", "Oslo"], "Chile": ["Chile", "Chilean"]},
    "relation_terms": ["signed", "agreement", "talks", "cooperate"],
    "third_parties": {"Peru": ["Peru", "Peruvian", "Lima"]},
    "off_topic": {"sport": ["football", "match", "coach", "scored", "squad"]},
}
DEALING = (
    "Norway and Chile signed a fisheries agreement in Oslo on Monday. The two governments"
    " will cooperate on salmon research. Chilean officials said talks with Norwegian"
    " scientists would follow."
)


@pytest.fixture(scope="module")
def pair_judge(tmp_path_factory: pytest.TempPathFactory) -> judge_relevance.Settings:
    """The judge's settings for a Norway–Chile feed, read as any project's would be."""
    project = FeedProject(tmp_path_factory.mktemp("pair") / "project")
    project.plugin_config("judge_relevance", **PAIR_SETTINGS)
    settings = project.load().config.stash[judge_relevance.SETTINGS]
    assert settings is not None
    return settings


def rate(settings: judge_relevance.Settings, text: str, title: str) -> tuple[float, str, str]:
    """The judge's score of a hand-written item, with its reasons for and against."""
    item = Item(id="x", source="test", uri="test", title=title, text=text)
    total, pro, con = judge_relevance.score(judge_relevance.gather(item, settings), settings)
    return total, "\n".join(pro), "\n".join(con)


class TestScore:
    """The judge's scoring function on its own, with settings made for the test."""

    def test_the_score_adds_up_the_named_weights(
        self, pair_judge: judge_relevance.Settings
    ) -> None:
        evidence = judge_relevance.Evidence(
            side_terms={"Norway": Counter(Norway=3), "Chile": Counter(Chile=2)},
            sentences=4,
            both_sentences=2,
            bilateral_sentences=["Norway and Chile signed it.", "Both sides agreed."],
            pairs=Counter({"Norway and Chile": 1}),
            title_both=True,
        )
        total, _, con = judge_relevance.score(evidence, pair_judge)
        assert con == []
        assert total == (
            2 * judge_relevance.BILATERAL_SENTENCE_WEIGHT
            + judge_relevance.PAIR_WEIGHT
            + judge_relevance.HEADLINE_WEIGHT
            + 2 * judge_relevance.WEAKER_SIDE_MENTION_WEIGHT
            + judge_relevance.COVERAGE_WEIGHT * 2 / 4
        )

    def test_a_dealing_between_the_two_sides_scores(
        self, pair_judge: judge_relevance.Settings
    ) -> None:
        total, pro, con = rate(pair_judge, DEALING, "Norway and Chile sign a fisheries agreement")
        assert total >= pair_judge.threshold
        assert "both act together in 3 of 3 sentences" in pro
        assert "the headline names both sides" in pro
        assert con == ""

    def test_one_side_mentioned_in_passing_scores_less(
        self, pair_judge: judge_relevance.Settings
    ) -> None:
        dealing, _, _ = rate(pair_judge, DEALING, "Norway and Chile sign a fisheries agreement")
        total, _, con = rate(
            pair_judge,
            "Norway opened a salmon research centre in Tromsø on Monday. Norwegian scientists"
            " signed up to study fish farming there. Its director once worked in Chile.",
            "Norway opens a salmon research centre",
        )
        assert total < pair_judge.threshold < dealing
        assert "Chile appears only once" in con

    def test_a_dominating_third_party_lowers_the_score(
        self, pair_judge: judge_relevance.Settings
    ) -> None:
        title = "Norway and Chile sign a fisheries agreement"
        alone, _, _ = rate(pair_judge, DEALING, title)
        crowded, _, con = rate(
            pair_judge,
            DEALING + " Peru objected to the agreement. Peruvian fishermen protested in Lima,"
            " and Peru recalled its envoy. Peru will raise the matter again.",
            title,
        )
        assert crowded < alone
        assert "a third party dominates: Peru ×5" in con

    def test_an_off_topic_subject_drops_the_story(
        self, pair_judge: judge_relevance.Settings
    ) -> None:
        total, _, con = rate(
            pair_judge,
            "Norway beat Chile 2-1 in a football match in Oslo. The Norwegian coach praised"
            " the squad. Chile scored late. The Chilean coach said the match was hard.",
            "Norway beat Chile at football",
        )
        assert total < pair_judge.threshold
        assert "sport story: sport terms in 100% of sentences" in con


def test_each_project_keeps_its_own_curation_settings(feed_project: FeedProject) -> None:
    """Settings live in each project's config, so loading a second project (as another
    test does) never changes how the first one judges and tags."""
    feed_project.plugin_config("judge_relevance", **PAIR_SETTINGS)
    feed_project.plugin_config("tag_entities", people={"Ola Nordmann": ["Nordmann"]})
    pair = feed_project.load()
    FeedProject(feed_project.root.parent / "other").load()
    shipped()
    item = Item(id="x", source="test", uri="test", title="Nordmann in Chile", text=DEALING)
    pair.hooks.tag_item(item)
    assert pair.hooks.judge_item(item) is None
    assert item.relevance is not None and "Norway side:" in item.relevance.reasons[0]
    assert [e.name for e in item.entities if e.known] == ["Ola Nordmann"]


@pytest.mark.usefixtures("shipped_app")
class TestTags:
    def test_topics_weigh_substance_over_passing_mention(self) -> None:
        item = tag(
            "The two navies began the JIMEX naval exercise off Visakhapatnam, practising"
            " anti-submarine warfare and maritime security drills. Warships and a submarine"
            " took part. Officials said trade ties were also discussed.",
            "India, Japan navies begin JIMEX exercise",
        )
        assert "defence" in item.topics
        assert "trade" not in item.topics
        assert item.extras["topic_evidence"]["trade"]["score"] < 3

    def test_entities_are_canonical(self) -> None:
        item = tag(
            "PM Modi spoke to Prime Minister Sanae Takaichi. Narendra Modi said Modi's visit"
            " would follow. The Bharat Semiconductor Mission (BSM) signed a pact with JICA."
            " BSM officials and Ambassador Ono Keiichi attended. Tanaka Hiroshi, a director at"
            " the Kansai Shipbuilding Corporation, said Tanaka was pleased.",
        )
        by_name = {entity.name: entity for entity in item.entities}
        assert by_name["Narendra Modi"].kind == "person"
        assert by_name["Narendra Modi"].count == 3
        assert set(by_name["Narendra Modi"].mentions) >= {"PM Modi", "Narendra Modi"}
        mission = by_name["Bharat Semiconductor Mission"]
        assert mission.kind == "organisation" and not mission.known
        assert set(mission.mentions) == {"Bharat Semiconductor Mission", "BSM"}
        assert "BSM" not in by_name
        assert by_name["Japan International Cooperation Agency"].mentions == ["JICA"]
        assert by_name["Kansai Shipbuilding Corporation"].kind == "organisation"
        assert not by_name["Kansai Shipbuilding Corporation"].known
        assert by_name["Tanaka Hiroshi"].count == 2


def test_seeds_are_all_kept(tmp_path: Path) -> None:
    config = (ROOT / "feeds.toml").read_text(encoding="utf-8")
    config = config.replace('paths = ["seeds/*.txt"]', f'paths = ["{ROOT}/seeds/*.txt"]')
    config = config.replace('path = ".aggregator/state.db"', f'path = "{tmp_path}/state.db"')
    config = config.replace('output_dir = "public"', f'output_dir = "{tmp_path}/public"')
    (tmp_path / "feeds.toml").write_text(config, encoding="utf-8")
    report = run_once(load_app(tmp_path / "feeds.toml", entry_points=False))
    assert report.ok and report.kept == 5 and not report.dropped
    store = Store.open(tmp_path / "state.db")
    items = list(store.iter_items())
    store.close()
    for item in items:
        assert item.topics, item.uri
        assert item.relevance is not None and item.relevance.kept


@pytest.fixture(scope="module")
def figures() -> curation_eval.Figures:
    return curation_eval.evaluate()


def test_dev_corpus_relevance(figures: curation_eval.Figures) -> None:
    assert figures.precision >= 0.95, figures.mistakes
    assert figures.recall >= 0.95, figures.mistakes


def test_dev_corpus_topics(figures: curation_eval.Figures) -> None:
    assert figures.topic_f1 >= 0.7, figures.topic_misses


def test_dev_corpus_keeps_every_article_line(figures: curation_eval.Figures) -> None:
    assert figures.article_lines_lost == []


def test_dev_corpus_boilerplate_is_removed(figures: curation_eval.Figures) -> None:
    assert figures.boilerplate_recall >= 0.95, figures.boilerplate_left


def test_explain_shows_fields_reasons_and_decision(feed_project: FeedProject) -> None:
    feed_project.add_article(
        "a.txt",
        "India and Japan sign a chip pact\n\nMarch 6, 2026\n\n"
        "India and Japan signed a semiconductor agreement on Friday. The two countries will"
        " cooperate on chip design.\n",
    )
    feed_project.config["plugins"]["judge_relevance"] = {
        "sides": {"India": ["India"], "Japan": ["Japan"]},
        "relation_terms": ["signed", "agreement", "cooperate"],
        "threshold": 2.0,
    }
    feed_project.run()
    result = feed_project.cli("explain", "articles/a.txt")
    assert result.exit_code == 0, result.output
    for expected in ("published:  2026-03-06", "relevance: score", "India side:", "decision: kept"):
        assert expected in result.output
    result = feed_project.cli("explain", "nothing-like-this")
    assert result.exit_code == 1
    assert "no item matches" in result.output
