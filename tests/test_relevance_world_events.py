"""A world event's name ("the World Cosplay Summit in Nagoya", "the Hockey World Cup") or an
international court's ("the International Military Tribunal for the Far East") is a
setting of many countries (``aggregator.toolkit.world_events``): one side's person placing
at it in the other's city is no dealing, while the two sides dealing, with the event after a
comma, still are. Stories written for these tests."""

from __future__ import annotations

import pytest
from relevance_support import gathered, kept, shipped

from aggregator.toolkit.world_events import world_events


def test_world_event_names() -> None:
    assert [name for _, name in world_events("at the World Cosplay Summit in Nagoya")] == [
        "World Cosplay Summit"
    ]
    assert [name for _, name in world_events("before the Hockey World Cup in July")] == [
        "Hockey World Cup"
    ]
    assert list(world_events("The World Bank lent the state money.")) == []
    assert list(world_events("the world cup of tea")) == []
    assert list(world_events("judges of the International Court of Justice")) == []
    assert list(world_events("at the Kobe International Conference Center")) == []
    assert list(world_events("lawyers at the Madras International Court complex")) == []
    assert list(world_events("Leaders Tell World At Annual Summit: Seas Must Stay Open")) == []
    assert list(world_events("Two Nations Assure World At Osaka Summit Of Closer Ties")) == []
    assert list(world_events("the two will co-host the World Hydrogen Summit")) == []
    assert list(world_events("a pact signed at the World Expo in Osaka")) == []


def test_a_contestant_placing_at_a_world_event_in_the_other_country_stays_out() -> None:
    title = "Pune cosplayer wins silver at World Cosplay Summit in Nagoya"
    text = (
        "India's Meera Kulkarni won silver in the solo category at the World Cosplay Summit"
        " finals in Nagoya on Saturday, the best result yet by a contestant from the"
        " country.\n\n"
        "She spent four months building her armour from foam and resin in her flat in"
        " Pune.\n\n"
        "Brazil won the team title and Italy finished second."
    )
    assert not kept(title, text)


def test_two_sides_signing_before_a_world_event_still_deal() -> None:
    title = "India and Japan sign a hockey exchange pact"
    text = (
        "India and Japan signed a pact on Monday to exchange hockey coaches and umpires for"
        " three years, ahead of the Hockey World Cup in Bhubaneswar.\n\n"
        "Japanese coaches will train India's junior teams in Odisha, and Indian umpires will"
        " officiate at Japan's national league, the two federations said."
    )
    assert kept(title, text)


def test_a_judges_memoir_of_an_international_tribunal_stays_out() -> None:
    title = "A Kolkata judge's notebooks from the Tokyo trial go on show"
    text = (
        "Notebooks kept by an Indian judge who sat on the International Military Tribunal"
        " for the Far East, with notes on the Japanese defendants he met, go on show at"
        " the Victoria Memorial in Kolkata from Monday.\n\n"
        "The museum said the six notebooks had been given by his grandson last year and"
        " restored over eight months.\n\n"
        "Entry to the gallery is free for students."
    )
    assert not kept(title, text)


def test_two_sides_signing_a_treaty_after_a_court_ruling_still_deal() -> None:
    title = "India and Japan sign legal assistance treaty"
    text = (
        "India and Japan signed a treaty on mutual legal assistance in criminal matters in"
        " Tokyo on Tuesday, a month after a ruling of the International Court of Justice on"
        " a third country's case.\n\n"
        "Under the treaty, Indian and Japanese prosecutors will share evidence and serve"
        " summonses for each other, the two law ministries said."
    )
    assert kept(title, text)


@pytest.mark.parametrize(
    "title",
    [
        "India, Japan Tell World At Annual Summit: Sea Lanes Must Stay Open",
        "Modi, Kishida Assure World At Tokyo Summit Of Closer Defence Ties",
    ],
)
def test_a_title_case_headline_telling_the_world_at_their_summit_states_a_dealing(
    title: str,
) -> None:
    text = "The two prime ministers spoke in Tokyo on Friday.\n\nSea lanes must stay open."
    assert gathered(shipped(), title, text).headline_dealing


def test_the_two_sides_co_hosting_a_world_summit_are_kept() -> None:
    title = "Japan and India to co-host World Hydrogen Summit in 2027"
    text = (
        "Japan and India will co-host the World Hydrogen Summit in 2027, the two"
        " governments said on Monday.\n\n"
        "The summit will be held in New Delhi and draw ministers from 40 countries."
    )
    assert kept(title, text)


def test_the_two_sides_signing_a_pact_at_an_expo_are_kept() -> None:
    title = "India and Japan sign tourism pact at World Expo in Osaka"
    text = (
        "India and Japan signed a pact on tourism at the World Expo in Osaka on Tuesday.\n\n"
        "The pact will ease visas for tour groups."
    )
    assert kept(title, text)


def test_the_two_sides_filing_jointly_at_the_world_court_are_kept() -> None:
    title = "India, Japan file joint brief at International Court of Justice"
    text = (
        "India and Japan filed a joint brief at the International Court of Justice on"
        " Monday in a case on the freedom of navigation.\n\n"
        "The brief was drafted by lawyers of both foreign ministries."
    )
    assert kept(title, text)
