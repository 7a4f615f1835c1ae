"""The dev20 relevance rules on the ordinary news a review found them misjudging (texts
written for these tests, in the review's shapes): a firm of one side named with its trade
("a Japanese restaurant chain"), entries to one side's race "received from" the other,
"the two countries" after two sides named only by their places, a comparison with the
Shinkansen, and a joint venture owned by two coordinated possessives. Each rule was narrowed
to the shape it was meant for, or taken out (the Shinkansen as a mark of Japan).
"""

from __future__ import annotations

from relevance_support import judged, kept


def reasons(title: str, text: str) -> str:
    relevance = judged(title, text).relevance
    assert relevance is not None
    return "\n".join(relevance.reasons)


def test_a_named_restaurant_chain_of_one_side_dealing_in_the_other_is_kept() -> None:
    title = "Noodle house chain plans India launch"
    text = (
        "Japanese restaurant chain Menya Hoshi signed a franchise agreement with an Indian"
        " hospitality firm on Thursday to open fifteen outlets in Bengaluru and Chennai.\n\n"
        "The chain, known for its pork broth, will add a vegetable broth to its menu.\n\n"
        "The first outlet is due to open in Indiranagar in June."
    )
    assert kept(title, text)


def test_a_restaurant_chains_joint_venture_with_the_other_sides_firm_is_kept() -> None:
    title = "Sushi chain opens in Mumbai"
    text = (
        "A Japanese restaurant chain opened its first outlet in India on Friday, in a joint"
        " venture with a Mumbai catering company.\n\n"
        "The chain plans thirty outlets in western India by 2029.\n\n"
        "Its founder said Indian customers had written to ask for the brand for years."
    )
    assert kept(title, text)


def test_restaurants_of_one_cuisine_in_the_other_sides_city_stay_no_side() -> None:
    title = "A food critic's month in Osaka"
    text = (
        "The Indian restaurants of Osaka have never been busier, from old curry houses"
        " near the station to new South Indian canteens by the river.\n\n"
        "Our critic tried ten of them and liked the dosa best.\n\n"
        "Prices run from 1,000 yen for a thali to 5,000 yen for a set menu."
    )
    assert "Indian ×" not in reasons(title, text)
    assert not kept(title, text)


def test_entries_to_one_sides_race_received_from_the_other_stay_out() -> None:
    title = "Osaka Marathon field fills up"
    text = (
        "Organisers of the Osaka Marathon said on Friday that 1,800 entries were received"
        " from India for the February race, more than from any other country abroad.\n\n"
        "Most of the Indian runners are amateurs who travel with clubs from Pune and"
        " Hyderabad.\n\n"
        "The race will cap the field at 32,000 runners."
    )
    assert "act together" not in reasons(title, text)
    assert not kept(title, text)


def test_offers_received_from_a_side_for_a_player_stay_out() -> None:
    title = "Japanese striker weighs offers"
    text = (
        "The Japanese striker released by his club in May said he had offers received from"
        " India and Indonesia, and would choose by the weekend.\n\n"
        "The 27-year-old scored eleven goals last season.\n\n"
        "His agent said India was the likeliest move."
    )
    assert not kept(title, text)


def test_two_sides_named_only_by_places_are_not_the_two_countries_acting() -> None:
    title = "Holiday season crowds"
    text = (
        "Hotels in Varanasi were full for Diwali, and in Hokkaido the autumn colours drew record"
        " visitors.\n\n"
        "The two countries have each signed deals with airlines to add flights from Europe"
        " next year.\n\n"
        "Travel agents say fares will rise."
    )
    assert "act together" not in reasons(title, text)
    assert not kept(title, text)


def test_disasters_in_two_sides_places_asking_third_parties_for_aid_stay_out() -> None:
    title = "Floods and a storm"
    text = (
        "Floods swept through villages in Bihar on Tuesday, while a typhoon struck"
        " Kagoshima with winds of 170 km an hour.\n\n"
        "The two countries have asked for international help to rebuild bridges.\n\n"
        "More rain is forecast across the region."
    )
    assert "act together" not in reasons(title, text)
    assert not kept(title, text)


def test_sales_in_two_sides_places_and_both_courting_third_parties_stay_out() -> None:
    title = "Two car markets part ways"
    text = (
        "Car sales in Tamil Nadu rose 9 percent in November, while dealers in Kanagawa"
        " reported a 4 percent fall.\n\n"
        "The two countries have both asked carmakers to invest more in battery plants, offering"
        " tax breaks to those that do.\n\n"
        "Analysts expect demand to recover in the new year."
    )
    assert "act together" not in reasons(title, text)
    assert not kept(title, text)


def test_a_shinkansen_style_train_at_home_is_no_dealing_with_japan() -> None:
    title = "High-speed hopes"
    text = (
        "Passengers in India will one day ride a Shinkansen-style train between Mumbai and"
        " Ahmedabad, but the corridor is years behind.\n\n"
        "Meanwhile, many Indian tourists in Japan ride the Shinkansen every month, agents"
        " say.\n\n"
        "The two countries are favourites with travel bloggers, who film trains from the"
        " platform."
    )
    assert "act together" not in reasons(title, text)
    assert not kept(title, text)


def test_a_train_called_the_answer_to_the_shinkansen_is_no_crossing() -> None:
    title = "New sleeper train ends trials"
    text = (
        "India's new sleeper train, which ministers like to call the country's answer to the"
        " Shinkansen, finished its last trial run between Delhi and Kolkata on Saturday.\n\n"
        "The train touched 160 km an hour on a straight stretch through Bihar.\n\n"
        "Passenger services are due to begin next month."
    )
    assert "cross to the other" not in reasons(title, text)
    assert not kept(title, text)


def test_a_joint_venture_owned_by_two_coordinated_possessives_is_a_dealing() -> None:
    title = "Aluminium venture to build a second smelter"
    text = (
        "India's Hindalco and Japan's Sumitomo joint venture will build a second smelter in"
        " Odisha, the companies said on Wednesday.\n\n"
        "The smelter will make a million tonnes a year for carmakers from 2030.\n\n"
        "Work is due to begin in the autumn."
    )
    assert "act together" in reasons(title, text)
    assert kept(title, text)


def test_two_possessives_each_owning_its_own_figures_stay_apart() -> None:
    title = "Week ahead"
    text = (
        "Japan's Tankan survey and India's May trade figures are the week's main tests for"
        " markets.\n\n"
        "Traders will also watch oil prices and the dollar.\n\n"
        "Bond markets are closed on Monday for a holiday in London."
    )
    assert "act together" not in reasons(title, text)
