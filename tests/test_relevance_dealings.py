"""The relevance judge reads dealings: an actor of each side linked in one clause.

Examples are written for these tests with a made-up pair of sides (Norway and
Chile), so that they test the rules and not the shipped India–Japan vocabulary.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from relevance_support import judge, judge_app

from aggregator.app import App
from aggregator.models import Item
from aggregator.plugins import judge_relevance
from aggregator.testing import FeedProject

SETTINGS = {
    "sides": {"Norway": ["Norway", "Norwegian", "Oslo"], "Chile": ["Chile", "Chilean"]},
    "relation_terms": ["signed", "agreement", "talks", "cooperate", "fund"],
    "places": {"Chile": ["Antofagasta", "Valparaiso"], "Norway": ["Bergen"]},
    "third_parties": {"Peru": ["Peru", "Peruvian", "Lima"]},
}
BODY = (
    "Officials from both governments spent the week in the capital going through the"
    " details of the plan, which covers research, training and the sharing of data."
)


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> App:
    return judge_app(tmp_path_factory.mktemp("dealings"), SETTINGS)


def reasons(item: Item) -> str:
    assert item.relevance is not None
    return "\n".join(item.relevance.reasons)


def test_a_page_of_furniture_alone_has_no_article_body(app: App) -> None:
    reason, item = judge(
        app,
        "Norway and Chile sign a fisheries agreement",
        "Home | World | Business\nShare\nPrint\nSubscribe to our newsletter\n© Daily Wire",
    )
    assert reason == "no article body"
    assert "words of article prose" in reasons(item)


def test_one_sentence_of_news_is_a_body(app: App) -> None:
    reason, _ = judge(
        app,
        "Norway and Chile sign a fisheries agreement",
        "Norway and Chile signed a fisheries agreement in Oslo on Monday, officials said.",
    )
    assert reason is None


def test_two_sides_reported_in_parallel_are_no_dealing(app: App) -> None:
    reason, item = judge(
        app,
        "Norway, Chile salmon exports diverge",
        "Norway's salmon exports rose 4 percent in May; Chile's fell 2 percent. Norwegian and"
        " Chilean shares in fish farmers closed higher on Friday. Norwegian farms blamed the"
        " weather, Chilean farms the price of feed. Prices in Norway are expected to ease in"
        " June, and Chile expects a better harvest in the autumn.",
    )
    assert reason is not None
    assert "reported in parallel" in reasons(item)
    assert "no clause links an actor of each side" in reasons(item)


def test_a_dealing_in_one_clause_counts(app: App) -> None:
    reason, item = judge(
        app,
        "Fisheries research",
        "Norway and Chile signed a fisheries agreement in Oslo on Monday. " + BODY,
    )
    assert "both act together in 1 of" in reasons(item)
    assert "no clause links" not in reasons(item)
    assert reason is None or "reported in parallel" not in reasons(item)


def test_a_dealing_needs_both_sides_in_the_same_clause(app: App) -> None:
    _, item = judge(
        app,
        "Fisheries research",
        "Norway signed a fisheries agreement on Monday; Chile held an election. " + BODY,
    )
    assert "both act together" not in reasons(item)


def test_a_headline_that_states_a_dealing_counts(app: App) -> None:
    reason, item = judge(
        app,
        "Norway signs fisheries agreement with Chile",
        "The agreement, signed in Oslo on Monday, opens research stations to scientists of"
        " the other country. " + BODY,
    )
    assert "the headline states a dealing between the sides" in reasons(item)
    assert reason is None


def test_a_place_of_one_side_completes_a_dealing_of_the_other(app: App) -> None:
    _, item = judge(
        app,
        "Port works",
        "Norway will fund the new container terminal at Antofagasta, officials said. " + BODY,
    )
    assert "both act together in 1 of" in reasons(item)


def test_two_places_are_no_actors(app: App) -> None:
    _, item = judge(
        app,
        "Port works",
        "Ferries between Bergen and Valparaiso signed up more passengers this year. " + BODY,
    )
    assert "both act together" not in reasons(item)


def test_a_menu_entry_naming_both_is_no_dealing(app: App) -> None:
    _, item = judge(
        app,
        "Consular notice",
        "Home | About | Norway-Chile agreement | Visas | Contact\n"
        "The consulate in Oslo will be closed on Friday for a national holiday, and visa"
        " applications will be accepted again on Monday morning.",
    )
    assert "both act together" not in reasons(item)


def test_between_the_two_sides_links_them(app: App) -> None:
    _, item = judge(
        app,
        "Salmon research",
        "A memorandum between Norway and Chile now covers salmon research stations. " + BODY,
    )
    assert "both act together in 1 of" in reasons(item)


@pytest.mark.parametrize("noun", ["gap", "difference", "match"])
def test_a_comparison_between_the_two_sides_links_nothing(app: App, noun: str) -> None:
    _, item = judge(
        app,
        "Salmon output",
        f"The {noun} between Norway and Chile in farmed salmon widened again last year. " + BODY,
    )
    assert "both act together" not in reasons(item)


def test_naming_both_sides_without_a_word_of_interaction_is_no_dealing(app: App) -> None:
    _, item = judge(
        app,
        "Wine",
        "Norwegian buyers and Chilean growers met nobody's expectations at the fair. Both"
        " sides miss what makes Chilean wine interesting. " + BODY,
    )
    assert "both act together" not in reasons(item)


def test_a_place_table_must_name_a_side(tmp_path: Path) -> None:
    project = FeedProject(tmp_path / "project")
    project.plugin_config("judge_relevance", **{**SETTINGS, "places": {"Peru": ["Cusco"]}})
    with pytest.raises(Exception, match="not a side"):
        project.load()


def test_a_side_present_through_its_places_is_no_passing_mention(app: App) -> None:
    """A loan for a port of one side, which that side's name only once: its places say
    it is there throughout, and the lead names both through one of them."""
    text = (
        "Antofagasta: Norway has signed a fund agreement of 300 million crowns for the"
        " port's new container terminal, the third such agreement.\n\n"
        "The agreement was signed in the Chilean capital on Thursday. Work at Antofagasta"
        " and at the dry dock of Valparaiso will begin in spring, officials said.\n\n"
        "Norwegian engineers will train harbour crews in Valparaiso over two years."
    )
    _, item = judge(app, "Port gets another 300 million crowns from Norway", text)
    assert "appears only once" not in reasons(item)
    assert "the lead names both sides" in reasons(item)


def test_a_side_named_once_as_signing_party_of_the_lead_is_no_passing_mention(
    app: App,
) -> None:
    """A mission's own page on a grant it signed names its country once: the party to a
    signed instrument in the lead is not mentioned in passing."""
    text = (
        "The Ambassador of Norway signed a grant contract with a fishermen's cooperative of"
        " Antofagasta for two refrigerated trucks and a small ice plant.\n\n"
        "The trucks will carry the catch of 300 families to the markets of Valparaiso,"
        " where prices are higher, and the plant will keep it fresh in the hot months."
    )
    _, item = judge(app, "Ice plant and trucks for Antofagasta fishermen", text)
    assert "appears only once" not in reasons(item)
    assert item.relevance is not None and item.relevance.kept


def test_a_side_named_once_in_a_compound_of_the_leads_dealing_is_no_passing_mention(
    app: App,
) -> None:
    text = (
        "The finance ministry has cut duty on salmon feed and nets from Norway, as promised"
        " in the Norway–Chile talks last year.\n\n"
        "Importers said prices of Norwegian nets would fall by a tenth within a month."
    )
    _, item = judge(app, "Zero duty on Norwegian nets from today", text)
    assert "appears only once" not in reasons(item)


def test_a_side_named_once_beside_an_unsigned_dealing_is_a_passing_mention(app: App) -> None:
    text = (
        "Students in Valparaiso will fund a garden of native trees, planted by the method of"
        " a Norwegian botanist, on the old rail yard.\n\n"
        "The garden will open in spring with benches, a pond and paths for the neighbours."
    )
    _, item = judge(app, "A garden for the rail yard", text)
    assert "Norway appears only once" in reasons(item)


def test_places_alone_do_not_make_both_sides(app: App) -> None:
    text = (
        "Antofagasta and Bergen both reported record cargo volumes this year, the port"
        " authorities said in separate statements.\n\nNo agreement links the two ports."
    )
    _, item = judge(app, "Record year for Antofagasta and Bergen ports", text)
    assert "the lead names both sides" not in reasons(item)
    assert "the headline names both sides" not in reasons(item)


def test_a_dealing_wrapped_over_two_lines_is_one_clause(app: App) -> None:
    text = (
        "The fisheries ministry in Oslo said on Monday that Norway had signed a research\n"
        "agreement with Chile covering salmon stations along the southern coast and the\n"
        "training of inspectors, the first such accord between the two governments.\n\n" + BODY
    )
    _, item = judge(app, "Salmon research", text)
    assert "both act together in 1 of" in reasons(item)


def test_a_place_with_an_institution_is_an_actor(app: App) -> None:
    settings = {**SETTINGS, "institutions": ["government", "mayor", "based"]}
    project = FeedProject(Path(app.config.path).parent.parent / "institutions")
    project.plugin_config("judge_relevance", **settings)
    configured = project.load()
    _, item = judge(
        configured,
        "Port twinning",
        "The Mayor of Bergen and the Government of Antofagasta signed a port twinning"
        " agreement on Friday. " + BODY,
    )
    assert "both act together in 1 of" in reasons(item)
    _, bare = judge(
        configured,
        "Port twinning",
        "Ferries between Bergen and Antofagasta signed up more passengers this year. " + BODY,
    )
    assert "both act together" not in reasons(bare)


def test_a_dealing_in_the_lead_counts_whatever_the_headline(app: App) -> None:
    reason, item = judge(
        app,
        "Ref: Notice 42/2025",
        "Norway and Chile signed a fisheries agreement in Oslo on Monday. " + BODY,
    )
    assert "the lead states a dealing between the sides" in reasons(item)
    assert reason is None
    late = judge(
        app,
        "Ref: Notice 42/2025",
        f"{BODY} {BODY} {BODY} Norway and Chile signed a fisheries agreement on Monday.",
    )[1]
    assert "the lead states a dealing" not in reasons(late)


def test_a_third_party_in_the_clause_takes_the_dealing(app: App) -> None:
    _, item = judge(
        app,
        "Trade",
        "Norwegian negotiators signed a trade agreement with Peru, and Chile is watching. " + BODY,
    )
    assert "both act together" not in reasons(item)


def test_private_people_are_no_actors_of_their_side(tmp_path: Path) -> None:
    project = FeedProject(tmp_path / "project")
    project.plugin_config(
        "judge_relevance", **{**SETTINGS, "private_persons": ["tourists", "fans"]}
    )
    configured = project.load()
    _, item = judge(
        configured,
        "Norwegian tourists flock to Chile",
        "Norwegian tourists signed up for Chile tours in record numbers this winter. " + BODY,
    )
    assert "both act together" not in reasons(item)
    assert "the headline names both sides" not in reasons(item)
    _, official = judge(
        configured,
        "Norway and Chile sign a tourism agreement",
        "Norway signed a tourism agreement with Chile on Monday. " + BODY,
    )
    assert "both act together in 1 of" in reasons(official)


def test_label_lines_above_a_report_are_not_its_lead(app: App) -> None:
    text = (
        "Sub: Disclosure under the listing rules of the exchange\n"
        "Ref: Circular of the securities regulator on material events\n"
        "Encl: Press release issued by the company today for the record\n"
        "Norway and Chile signed a fisheries agreement in Oslo on Monday. " + BODY
    )
    _, item = judge(app, "Ref: Notice 42/2025", text)
    assert "the lead states a dealing between the sides" in reasons(item)


def test_the_seat_of_a_mission_is_no_actor(tmp_path: Path) -> None:
    project = FeedProject(tmp_path / "project")
    project.plugin_config("judge_relevance", **{**SETTINGS, "missions": ["Embassy"]})
    configured = project.load()
    _, item = judge(
        configured,
        "National day reception",
        "The Embassy of Chile, Oslo, signed the guest book for its national day reception"
        " on Friday evening. " + BODY,
    )
    assert "both act together" not in reasons(item)
    _, dealing = judge(
        configured,
        "Fisheries",
        "The Embassy of Chile signed a fisheries agreement with Norway on Friday. " + BODY,
    )
    assert "both act together in 1 of" in reasons(dealing)


def test_a_contrast_splits_two_sides_reported_in_parallel(app: App) -> None:
    _, item = judge(
        app,
        "Energy ministers meet",
        "Norway's minister spoke for cooperation on offshore wind, while Chile's minister"
        " argued for more funding of solar farms. " + BODY,
    )
    assert "both act together" not in reasons(item)


def test_a_name_set_beside_a_country_is_a_place_of_that_side(app: App) -> None:
    text = (
        "PUERTO AYSEN, Chile, 3 March\n\n"
        "A Norwegian navy ship delivered fund supplies to Puerto Aysen on Tuesday after the"
        " storm, the first foreign ship to reach the port. " + BODY
    )
    _, item = judge(app, "Aid arrives", text)
    assert "both act together in 1 of" in reasons(item)
    _, listed = judge(
        app,
        "Aid arrives",
        "Ships from Peru, Chile and Norway met off the coast. A Norwegian navy ship delivered"
        " fund supplies to Lima on Tuesday, the first foreign ship to reach the port. " + BODY,
    )
    assert "both act together" not in reasons(listed)


def test_a_compound_of_the_two_names_binds_them(app: App) -> None:
    _, item = judge(
        app,
        "Fishing quotas",
        "Duties on salmon fell to zero on Monday under the Norway-Chile fisheries code. " + BODY,
    )
    assert "both act together in 1 of" in reasons(item)


def test_two_names_listed_side_by_side_are_no_compound(app: App) -> None:
    _, item = judge(
        app,
        "Fishing quotas",
        "Duties on salmon fell to zero on Monday for Norway and Chile alike. " + BODY,
    )
    assert "both act together" not in reasons(item)


def test_a_compound_of_two_cities_is_a_route_not_a_dealing(tmp_path: Path) -> None:
    project = FeedProject(tmp_path / "project")
    sides = {"Norway": ["Norway", "Oslo"], "Chile": ["Chile", "Santiago"]}
    project.plugin_config("judge_relevance", **{**SETTINGS, "sides": sides})
    item = Item(
        id="x",
        source="test",
        uri="test",
        title="Timetable",
        text="The Oslo-Santiago flight now leaves at 19:45 every Monday, the airline said. " + BODY,
    )
    judge_relevance.aggregator_judge_item(item=item, config=project.load().config)
    assert "both act together" not in reasons(item)


def test_each_side_with_its_own_word_of_interaction_is_a_parallel_report(app: App) -> None:
    _, item = judge(
        app,
        "Research budgets",
        "Analysts put it simply: Norway is funding volume, Chile is funding quality. " + BODY,
    )
    assert "both act together" not in reasons(item)
    assert "reported in parallel" in reasons(item)


def test_each_side_funding_the_other_is_a_dealing(app: App) -> None:
    _, item = judge(
        app,
        "Research budgets",
        "Norway will fund a port in Chile, and Chile will fund a school in Norway. " + BODY,
    )
    assert "both act together in 1 of" in reasons(item)


def test_a_legal_sentence_ending_in_colon_and_dash_is_prose_of_the_lead(app: App) -> None:
    _, item = judge(
        app,
        "Notification No. 7",
        "In pursuance of the agreement between Norway and Chile on fisheries, the Ministry"
        " hereby makes the following amendments to the schedule, namely:—\n\n"
        "1. In the table, for the entry against serial number 12, the entry Nil shall be"
        " substituted.",
    )
    assert "the lead states a dealing between the sides" in reasons(item)


def test_two_clauses_led_by_possessives_are_a_parallel_report(app: App) -> None:
    _, item = judge(
        app,
        "Data wrap: Norway's exports slip, Chile's fund shrinks again",
        "Figures for the month came out on Monday morning in both capitals. " + BODY,
    )
    assert "the headline states a dealing" not in reasons(item)


def test_a_possessive_in_apposition_splits_no_clause(app: App) -> None:
    _, item = judge(
        app,
        "Fisheries",
        "Chile and Olsen, Norway's fisheries minister, signed a fund agreement on Monday. " + BODY,
    )
    assert "both act together in 1 of" in reasons(item)


def test_the_second_member_of_a_between_after_an_apposition_opens_no_clause(app: App) -> None:
    _, item = judge(
        app,
        "Fisheries",
        "A research agreement was signed on Monday between a Norwegian consortium, a group"
        " of nine firms of the west coast, and Chilean universities, for salmon studies. " + BODY,
    )
    assert "both act together in 1 of" in reasons(item)


def test_a_third_party_named_after_a_complete_dealing_leaves_it_standing(app: App) -> None:
    _, item = judge(
        app,
        "Fisheries",
        "Norway signed a fisheries agreement with Chile on Monday, after years of pressure"
        " from Peru over the southern stocks. " + BODY,
    )
    assert "both act together in 1 of" in reasons(item)


def test_a_third_party_in_a_clause_that_follows_the_dealing_frames_it(app: App) -> None:
    """A subordinate clause after the dealing ("before the ships leave for Peru") says when
    it happens; the third party there is no party to it, as one after a comma is not."""
    _, item = judge(
        app,
        "Naval visit",
        "Norway and Chile will cooperate in a search-and-rescue drill on Sunday before the"
        " two frigates sail on to Lima for a port call. " + BODY,
    )
    assert "both act together in 1 of" in reasons(item)


def test_a_third_party_named_before_the_dealing_is_complete_takes_it(app: App) -> None:
    for text in (
        "Peru signed fisheries agreements with Norway on Monday and with Chile on Friday.",
        "Norway held fisheries talks with Lima this week, and Chile sent an observer.",
        "Chile will fund research stations in Norway and Peru, the ministry said.",
    ):
        _, item = judge(app, "Fisheries", f"{text} {BODY}")
        assert "both act together" not in reasons(item), text


def test_the_two_countries_after_a_third_partys_dealing_may_be_that_third_party(
    app: App,
) -> None:
    text = (
        "Peru signed a fisheries agreement with Norway on Monday, a week after one with"
        " Chile. The agreement lets scientists of the two countries work at research stations"
        " on each other's coasts. " + BODY
    )
    _, item = judge(app, "Peru signs fisheries agreements with Norway and Chile", text)
    assert "both act together" not in reasons(item)
    own = text.replace(
        "Peru signed a fisheries agreement with Norway on Monday, a week after one with Chile",
        "Norway and Chile renewed their fisheries accord on Monday",
    )
    _, bilateral = judge(app, "Norway and Chile extend fisheries agreement", own)
    assert "both act together in 1 of" in reasons(bilateral)


def test_a_headline_link_the_body_never_makes_is_a_figure_of_speech(app: App) -> None:
    reason, item = judge(
        app,
        "What Chilean vineyards could fund with a Norwegian habit",
        "Norwegian investors are known for patience and plan for decades. Most vineyards in"
        " Chile plan for one harvest at a time, and their owners rarely look past the next"
        " season. A Chilean grower who planned like an investor in Oslo would plant"
        " differently, the author argues.",
    )
    assert "the headline states a dealing between the sides" in reasons(item)
    assert "the body names both and links them nowhere" in reasons(item)
    assert reason is not None
    reason, short = judge(
        app,
        "Norway signs fisheries agreement with Chile",
        "The agreement, signed in Oslo on Monday, opens research stations to visiting"
        " scientists for five years.",
    )
    assert "links them nowhere" not in reasons(short)
    assert reason is None


def test_and_before_a_subject_of_the_other_side_opens_a_clause_of_its_own(app: App) -> None:
    _, item = judge(
        app,
        "Salmon",
        "Norway funds its own research fleet from oil revenue, and most Chilean boats are"
        " paid for by the farms themselves. " + BODY,
    )
    assert "both act together" not in reasons(item)
    _, both = judge(
        app,
        "Salmon",
        "Chile chose Norwegian research ships last year, and Norway will fund the training"
        " of their crews. " + BODY,
    )
    assert "both act together in 1 of" in reasons(both)
    _, same = judge(
        app,
        "Salmon",
        "Norway will fund a research station in Chile, and will send two ships. " + BODY,
    )
    assert "both act together in 1 of" in reasons(same)


def test_naming_both_in_one_clause_weighs_less_than_a_parallel_report(app: App) -> None:
    def score(sentence: str) -> float:
        _, item = judge(app, "Fishing season", f"{sentence} {BODY}")
        assert item.relevance is not None
        return item.relevance.score

    together = score("Fishing crews from Chile arrived in Norway on Monday for the season.")
    side_by_side = score("Fishing crews in Chile rested on Monday; Norway opened its season.")
    listed = score("Norwegian and Chilean fishing crews rested on Monday before the season.")
    assert together > side_by_side
    assert side_by_side == listed


@pytest.mark.parametrize(
    ("sentence", "dealing"),
    [
        ("The airline will launch a nonstop Bergen–Antofagasta service on 25 October.", True),
        ("A new container service from Valparaiso to Bergen made its maiden call on Monday.", True),
        (
            "We are pleased to announce the launch of flights between Oslo (OSL) and Valparaiso.",
            True,
        ),
        ("Your Bergen–Antofagasta flight on 25 October now leaves at 10:05.", False),
        ("The airline will launch a nonstop Bergen–Oslo service on 25 October.", False),
        ("Flights between Oslo and Valparaiso were full all summer, the airline said.", False),
    ],
)
def test_a_new_transport_link_between_the_sides_is_a_dealing_a_schedule_is_not(
    app: App, sentence: str, dealing: bool
) -> None:
    _, item = judge(app, "Schedules", f"{sentence} {BODY}")
    assert ("both act together in 1 of" in reasons(item)) is dealing


@pytest.mark.parametrize(
    ("sentence", "dealing"),
    [
        ("Norway and Chile did not sign the fisheries agreement on Monday.", False),
        ("There will be no talks between Norway and Chile this year.", False),
        ("Norway not only signed a fisheries agreement with Chile but funded it.", True),
        ("Norway and Chile signed a fisheries agreement, not a treaty.", True),
    ],
)
def test_a_denied_dealing_is_none(app: App, sentence: str, dealing: bool) -> None:
    _, item = judge(app, "Fisheries", f"{sentence} {BODY}")
    assert ("both act together in 1 of" in reasons(item)) is dealing
