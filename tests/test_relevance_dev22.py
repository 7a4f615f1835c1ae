"""The relevance judge on shapes that dev22 showed it misreading, each in texts written for
these tests: a sum in one side's currency put to work at the other side's places, with no
actor of either named in the sentence."""

from __future__ import annotations

from relevance_support import gathered, kept, shipped


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
