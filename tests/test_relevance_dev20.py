"""The relevance judge on shapes that dev20 showed it misjudging, each in texts written for
these tests: foreign direct investment named by its initials, kitchens named by their
cuisine, "our two governments" in a speech of one side's government, each side owning its
own measure in a markets outlook. Each shape has a bilateral report that must be kept and
an ordinary story naming both sides that must stay dropped.
"""

from __future__ import annotations

from relevance_support import judged, kept


def reasons(title: str, text: str) -> str:
    relevance = judged(title, text).relevance
    assert relevance is not None
    return "\n".join(relevance.reasons)


def test_fdi_is_investment_between_the_two() -> None:
    title = "Investment from Tokyo keeps climbing"
    text = (
        "Japan has become India's second-largest source of FDI, figures released on"
        " Tuesday show.\n\n"
        "Inflows reached $7 billion in the year to March, most of it in carmaking,"
        " chemicals and warehousing.\n\n"
        "Officials expect the pace to hold through the next year."
    )
    assert kept(title, text)


def test_fdi_of_each_side_reported_apart_stays_out() -> None:
    title = "Markets wrap: rupee steadies, Nikkei slips"
    text = (
        "India's FDI inflows fell for a second quarter, the ministry said, and the rupee"
        " closed lower against the dollar.\n\n"
        "In Tokyo, the Nikkei lost 1.2 points in a quiet session as traders waited for"
        " the central bank.\n\n"
        "Bond yields were little changed across the region."
    )
    assert not kept(title, text)


def test_kitchens_named_by_their_cuisine_are_no_side() -> None:
    title = "Where to eat in Tokyo this summer"
    text = (
        "From the old curry houses of Ginza to the newer South Indian canteens near the"
        " river, the Indian restaurants of Tokyo have never been busier.\n\n"
        "Our critic spent a month eating her way through twelve of them, and a Japanese"
        " restaurant that serves dosa on Sundays came out on top.\n\n"
        "Prices range from 900 yen for a thali to 6,000 yen for a tasting menu."
    )
    assert "Indian ×" not in reasons(title, text)
    assert not kept(title, text)


def test_a_bilateral_report_that_names_a_restaurant_stays_kept() -> None:
    title = "India and Japan sign food safety pact"
    text = (
        "India and Japan signed an agreement on food safety standards in New Delhi on"
        " Monday, which will let Indian mango and shrimp exporters ship to Japan with one"
        " certificate.\n\n"
        "The pact was signed by the two ministers after talks on farm trade.\n\n"
        "A Japanese restaurant chain that imports Indian shrimp welcomed the agreement."
    )
    assert kept(title, text)
