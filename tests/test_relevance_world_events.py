"""A world event's name ("the World Cosplay Summit in Nagoya", "the Hockey World Cup") is a
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
