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


SEND_OFF_SPEECH = (
    "Address by the Minister at the send-off of nurses",
    "Today forty nurses leave for hospitals in Japan, the first group to go under"
    " the arrangement that our two governments signed last year.\n\n"
    "You passed the language test and the nursing test here, at centres that opened only"
    " last spring.\n\n"
    "The hospitals have promised you the same wages as their own nurses. Please write.",
)


def test_our_two_governments_in_a_speech_under_one_sides_letterhead() -> None:
    title, text = SEND_OFF_SPEECH
    letterhead = "Government of India\nMinistry of Health and Family Welfare\n\n"
    assert "act together" in reasons(title, letterhead + text)
    assert kept(title, letterhead + text)


def test_our_two_governments_without_a_letterhead_names_no_side() -> None:
    title, text = SEND_OFF_SPEECH
    assert "act together" not in reasons(title, text)
    assert not kept(title, text)


def test_our_two_countries_once_both_are_named_in_a_report() -> None:
    title = "Tokyo visit ends with a pledge on skills"
    text = (
        "The Indian minister met Japan's labour minister in Tokyo on Friday.\n\n"
        '"Our two countries have agreed to double the number of nurses trained each'
        ' year," she told reporters after the meeting.\n\n'
        "The first group will leave in April."
    )
    assert kept(title, text)


def test_each_side_owning_its_own_figures_in_a_markets_outlook_stays_out() -> None:
    title = "Week ahead: two data releases test Asia's calm"
    text = (
        "Japan's quarterly business survey and India's purchasing managers' indexes are the"
        " main tests next week for Asian markets.\n\n"
        "Economists expect the survey's index for large manufacturers to slip a point.\n\n"
        "The rupee has held in a narrow range for six weeks, and traders see little reason"
        " for that to change."
    )
    assert "act together" not in reasons(title, text)
    assert not kept(title, text)


def test_a_central_banks_meeting_beside_the_others_trade_figures_is_no_dealing() -> None:
    title = "Markets brace for a busy week"
    text = (
        "The minutes of the Bank of Japan's April meeting and India's March trade figures"
        " will set the tone for Asian stocks next week.\n\n"
        "Traders expect few surprises from either release.\n\n"
        "The Nikkei and the Sensex both closed higher on Friday."
    )
    assert "act together" not in reasons(title, text)


def test_two_sides_agencies_owned_by_possessives_still_act_together() -> None:
    title = "Cyber agencies rehearse a ransomware attack"
    text = (
        "India's computer emergency team and Japan's coordination centre held their first"
        " joint tabletop exercise on Thursday, simulating an attack on a supplier.\n\n"
        "The exercise will be repeated every year, officials said.\n\n"
        "Both agencies will share indicators of compromise through a new channel."
    )
    assert "act together" in reasons(title, text)
    assert kept(title, text)


def test_two_firms_owned_by_possessives_that_sign_a_pact_still_deal() -> None:
    title = "India's Vayu Motors and Japan's Hoshino sign pact to build scooters"
    text = (
        "India's Vayu Motors and Japan's Hoshino Industries sign pact to build electric"
        " scooters at a new plant near Pune, the companies said on Monday.\n\n"
        "The plant will make 200,000 scooters a year from 2028.\n\n"
        "Hoshino will supply motors and batteries for the first three years."
    )
    assert "act together" in reasons(title, text)
    assert kept(title, text)


def test_an_order_for_shinkansen_trains_deals_with_the_side_that_builds_them() -> None:
    title = "Rail corporation orders bullet trains"
    text = (
        "A day after India placed its order for 24 Shinkansen trainsets, the head of the"
        " national rail corporation said the first would arrive for trials in 2028.\n\n"
        "The order covers maintenance for fifteen years and the training of drivers.\n\n"
        "Seats and lighting will be made by suppliers around Chennai; the car bodies will"
        " come from Kobe."
    )
    assert kept(title, text)


def test_tourists_riding_the_shinkansen_stay_out() -> None:
    title = "Ten days in spring"
    text = (
        "Indian tourists in Japan this spring rode the Shinkansen from Tokyo to Kyoto to see"
        " the cherry blossoms, a travel agency in Mumbai said.\n\n"
        "The agency sold 400 packages, twice as many as last year.\n\n"
        "Hotels in Kyoto were full for most of April."
    )
    assert not kept(title, text)


def test_applications_received_from_the_other_side_answer_its_call() -> None:
    title = "Research scholarships: shortlist announced"
    text = (
        "The Embassy of Japan has published the shortlist for its government's research"
        " scholarship for 2027. Some 380 applications were received from India this year,"
        " up from 300; 58 candidates will be interviewed in July.\n\n"
        "Interviews will be held at the Embassy in New Delhi and the Consulate in Mumbai;"
        " successful candidates will begin their studies in Japan in April."
    )
    assert kept(title, text)


def test_patients_received_from_the_other_side_are_no_dealing() -> None:
    title = "A hospital's busy year"
    text = (
        "A private hospital in Osaka said it treated more foreign patients than ever last"
        " year, and 120 patients were received from India alone.\n\n"
        "Most came for heart surgery and stayed about three weeks.\n\n"
        "The hospital plans to hire more interpreters."
    )
    assert "act together" not in reasons(title, text)
    assert not kept(title, text)


def test_the_two_governments_once_one_side_is_named_by_its_places() -> None:
    title = "Care workers for Japan"
    text = (
        "Japan will take 200 care workers from Bihar and Jharkhand each year from April."
        " The two governments signed the plan in Patna on Monday, officials said.\n\n"
        "The workers will study the language for a year before they leave.\n\n"
        "Recruitment will open in the summer."
    )
    assert "act together" in reasons(title, text)
    assert kept(title, text)


def test_the_two_with_one_side_named_only_as_a_place_and_no_link_stays_out() -> None:
    title = "Spring in two places"
    text = (
        "Cherry trees bloomed early across Japan this year, and mango orchards in Gujarat"
        " flowered a month late.\n\n"
        "The two regions had very different winters, growers said.\n\n"
        "Prices for both fruits are expected to rise."
    )
    assert "act together" not in reasons(title, text)
    assert not kept(title, text)
