"""The relevance judge on shapes that dev22 (and the halves beside it) showed it misreading,
each in texts written for these tests: a sum in one side's currency put to work at the other
side's places, with no actor of either named in the sentence; partner places named together
by their kind ("the two cities")."""

from __future__ import annotations

from relevance_support import gathered, kept, shipped

from aggregator.toolkit.joint_references import joint_references


def amount_dealings(text: str, title: str = "Company news") -> list[str]:
    return gathered(shipped(), title, text).amount_dealings


def test_a_sum_of_one_side_spent_at_the_others_places_is_a_dealing() -> None:
    sentence = (
        "The venture will invest about 12 billion yen over five years, starting with"
        " warehouses in Nashik and Surat."
    )
    assert amount_dealings(sentence) == [sentence]
    rupees = "The new company will invest ₹600 crore in two bakeries near Nagoya and Sendai."
    assert amount_dealings(rupees) == [rupees]


def test_a_sum_in_the_places_own_currency_or_with_a_third_party_is_none() -> None:
    assert amount_dealings("The city will invest ₹40 crore in new roads in Pune and Nashik.") == []
    assert amount_dealings("The fund will invest 5 billion yen in Pune and in Singapore.") == []
    assert amount_dealings("Weather delayed the ₹30 crore flyover in Surat by a month.") == []


def test_a_profile_of_an_unnamed_firm_investing_in_the_other_side_is_kept() -> None:
    title = "Hoshi Bakeries' Ishida takes melon bread to India's malls"
    text = (
        "Kaori Ishida signed a franchise agreement last month with Sundaram Retail, a mall"
        " operator from Chennai, to open 40 bakeries in India by 2029.\n\n"
        "The company will invest about 3 billion yen in the first three years, beginning"
        " with kitchens in Chennai and Coimbatore.\n\n"
        '"People queue for fresh bread everywhere," Ishida said. The firm, which runs 300'
        " shops across Japan, had looked at India twice before."
    )
    assert kept(title, text)


def test_a_domestic_budget_in_its_own_currency_stays_out() -> None:
    title = "Pune civic body passes ₹9,000 crore budget"
    text = (
        "The Pune Municipal Corporation on Tuesday passed a budget of ₹9,000 crore, with"
        " ₹1,200 crore set aside for new roads in Pune and Hadapsar.\n\n"
        "The budget also funds a Japanese garden in Kothrud, which a councillor said would"
        " be the city's largest park. Opposition members walked out over water charges."
    )
    assert not kept(title, text)


def test_a_headline_sum_of_one_side_put_into_the_others_places_is_a_headline_dealing() -> None:
    title = "Kurokawa Seiki to build 41 billion yen gear plant in Gujarat"
    text = (
        "Kurokawa Seiki said on Monday it would build its first overseas gear plant at"
        " Sanand, with production from 2028.\n\n"
        "The plant will make 600,000 gear sets a year for carmakers in India, the"
        " Nagoya-based company said. It will hire about 900 people."
    )
    assert gathered(shipped(), title, text).headline_dealing
    assert kept(title, text)


def test_a_headline_sum_in_its_own_places_currency_is_no_headline_dealing() -> None:
    title = "Gujarat approves ₹4,100 crore plan for gear makers in Sanand"
    text = (
        "The state cabinet on Monday approved a plan to help gear makers at Sanand, with"
        " land and power at lower rates.\n\n"
        "A Japanese visitor at the park said the roads were good. The plan runs to 2030."
    )
    assert not gathered(shipped(), title, text).headline_dealing
    assert not kept(title, text)


def test_partner_places_by_their_kind_are_a_joint_reference() -> None:
    for text in (
        "Under the pact, the two cities will swap engineers.",
        "Both ports will share data on berths from May.",
        "Students of the two prefectures met in August.",
    ):
        assert [reciprocal for _, reciprocal in joint_references(text)] == [False]


def test_minutes_of_a_partner_city_council_that_name_the_two_cities_are_kept() -> None:
    title = "Minutes of the Sendai–Indore Partner City Council, 3 May"
    text = (
        "Venue: Council Hall, Indore Municipal Corporation\n\n"
        "1. Water supply\n\n"
        "Sendai will receive six engineers of IMC for a two-week course on leak detection"
        " from 1 September.\n\n"
        "2. School exchange\n\n"
        "Exchange of teachers between the two cities to begin next year; the Sendai Board of"
        " Education and the District Education Officer, Indore, to name schools.\n\n"
        "Next meeting: Sendai, 2027."
    )
    assert kept(title, text)
