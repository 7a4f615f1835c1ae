"""The shipped relevance vocabulary (feeds.toml) on reports that name India and Japan
without being about their relations: a multilateral body written out in full, a cricket
score, a channel's rights to a baseball league, an invitation to a briefing, a recruiter's
mail, a side's language ("a Japanese translation"); and two that are: a yard winning an
order from the other side's owner, a rule letting the other side's nurses in. Written for
these tests; the near-misses' bilateral counterparts must stay.
"""

from __future__ import annotations

from relevance_support import kept, shipped

from aggregator.models import Item


def test_a_forecast_by_the_international_monetary_fund_is_no_dealing() -> None:
    assert not kept(
        "IMF lifts India outlook, trims Japan",
        "The International Monetary Fund raised its growth forecast for India and trimmed its"
        " outlook for Japan on Tuesday, citing strong consumption and weak car exports.\n\n"
        "India's economy will expand 6.4% next year, the fund said, while Japan's will grow"
        " 0.6%.",
    )


def test_india_and_japan_agreeing_beside_the_fund_still_deal() -> None:
    assert kept(
        "India and Japan agree to widen currency swap",
        "India and Japan agreed on Tuesday to widen their bilateral currency swap line to"
        " $75 billion, finance ministry officials said.\n\nThe International Monetary Fund"
        " welcomed the arrangement, which both governments signed in Tokyo.",
    )


def test_a_cricket_score_between_the_two_is_no_dealing() -> None:
    assert not kept(
        "Sharma's 88 guides India past Japan",
        "Sharma hit 88 off 70 balls as India beat Japan by 90 runs in the group stage on"
        " Sunday.\n\nJapan, bowled out in 41 overs, lost three wickets for nine runs against"
        " the Indian spinners.",
    )


def test_an_invitation_to_a_briefing_on_a_visit_is_no_report() -> None:
    title = "Press briefing on the Indian minister's visit to Japan"
    text = (
        "Accept Tentative Decline\n\n"
        "The High Commission will hold a briefing for the press on the Indian foreign"
        " minister's visit to Japan for talks with his Japanese counterpart next week.\n\n"
        "Seating is limited. Please confirm attendance by replying to this invitation before"
        " noon on Friday."
    )
    item = Item(id="x", source="test", uri="test", title=title, text=text)
    assert shipped().hooks.judge_item(item) == "not a report (invitation)"


def test_a_yard_winning_an_order_from_the_others_owner_deals() -> None:
    assert kept(
        "Gujarat yard wins tanker order",
        "A shipyard in Gujarat said on Friday it had won an order to build two chemical"
        " tankers for a Japanese shipping line, its first from an owner in Japan.\n\n"
        "The tankers will be delivered in 2030, the yard said in a filing.",
    )


def test_a_form_with_a_japanese_translation_names_no_japanese_actor() -> None:
    assert not kept(
        "Help desk for refunds and visas",
        "Volunteers can help members claim tax refunds for dependants in India, with a"
        " Japanese translation of the relationship certificate.\n\n"
        "The desk opens at ten in the hall on Sunday and closes at four in the afternoon.",
    )


def test_a_prefecture_named_by_its_role_acts_for_japan() -> None:
    assert kept(
        "Prefecture to train Assam tea growers",
        "The prefecture signed a memorandum of cooperation with the Government of Assam on"
        " Monday to train tea growers of the state.\n\nOver four years the prefecture will"
        " host 60 growers from India on its farms, the agriculture division said.",
    )


def test_a_fair_in_the_prefecture_is_no_dealing_of_it() -> None:
    assert not kept(
        "Noodle fair draws 9,000 visitors",
        "A noodle fair was held in the prefecture on Sunday, with 40 stalls from inside and"
        " outside the prefecture, from Japanese soba to Indian noodles sold by restaurants in"
        " the prefecture.\n\nVisitors paid 800 yen for three tastes, organisers said.",
    )


def test_rights_to_show_a_baseball_league_are_a_sport_story() -> None:
    """A channel buying the rights to the other side's league deals over a sport, which
    the sport vocabulary must know by the names of its games."""
    item = Item(
        id="x",
        source="test",
        uri="test",
        title="Kheldesh TV wins Indian rights to Japan's baseball league",
        text="• Four live games a week\n\n• Highlights show on Sundays\n\n"
        "Kheldesh TV said on Monday it had acquired the rights in India to show Japan's"
        " top baseball league for two seasons.\n\n"
        "Baseball is a small sport in India, but Japanese baseball draws big crowds, the"
        " channel's head said.\n\nTerms were not disclosed. Kheldesh TV already shows"
        " volleyball and kabaddi tournaments.",
    )
    shipped().hooks.judge_item(item)
    assert item.relevance is not None
    assert any("sport story" in line and "baseball ×" in line for line in item.relevance.reasons)
    assert not item.relevance.kept


def test_a_recruiters_mail_about_a_japanese_employer_is_no_report() -> None:
    title = "Plant Controller – Japanese auto parts maker – Sanand – 20-28 LPA"
    text = (
        "Came across your profile and wanted to share a senior role at the Gujarat plant of"
        " a Japanese auto parts maker that works closely with its Indian suppliers.\n\n"
        "CTC: Rs 20-28 LPA plus housing\n\n"
        "You will report to the plant head and to the finance team in Japan, which visits"
        " twice a year.\n\n• Experience of a Japanese plant is a plus"
    )
    item = Item(id="x", source="test", uri="test", title=title, text=text)
    assert shipped().hooks.judge_item(item) == "not a report (job posting)"


def test_one_side_letting_the_others_people_in_deals_with_it() -> None:
    """A side's rule that admits the other's people is a dealing of the two, though it
    names no talks or agreement."""
    text = (
        "A speaker explained that a draft rule would let Indian nurses take Japan's national"
        " nursing examination after a one-year bridging course.\n\n"
        "Until now, nurses from Kerala have worked in Japan only as caregivers, she said."
    )
    item = Item(id="x", source="test", uri="test", title="Nurses' briefing", text=text)
    shipped().hooks.judge_item(item)
    assert item.relevance is not None
    assert any(line.startswith("both act together in 1 of") for line in item.relevance.reasons)
