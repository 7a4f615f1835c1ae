"""A world event's name ("the World Cosplay Summit in Nagoya", "the Hockey World Cup") or an
international court's ("the International Military Tribunal for the Far East") is a
setting of many countries (``aggregator.toolkit.world_events``): one side's person placing
at it in the other's city is no dealing, while the two sides dealing, with the event after a
comma, still are. Stories written for these tests."""

from __future__ import annotations

from relevance_support import kept

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
    assert [name for _, name in world_events("judges of the International Court of Justice")] == [
        "International Court"
    ]
    assert list(world_events("at the Kobe International Conference Center")) == []


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
