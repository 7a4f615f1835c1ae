"""The shipped relevance vocabulary (feeds.toml) on two shapes: a side's national body
named only by its initials or its Hindi name, or a region of a side named without its
state ("IIT Kanpur", "the SDRF", "MAFF", "the Dooars"), which makes that side present and
acting; and stories that name both sides over a subject that is not their relations (a
fraud the police bust, a firm taken into insolvency, a film's weekend takings). Written
for these tests; the bilateral counterparts of the off-topic stories must stay.
"""

from __future__ import annotations

from relevance_support import judged, kept


def test_an_institute_of_technology_known_by_its_initials_is_indian() -> None:
    assert kept(
        "30 students leave for Japan on research exchange",
        "Thirty students of IIT Kanpur leave on Monday for eight-week internships at"
        " laboratories in Japan, under a JICA programme with the institute.\n\n"
        "They will work at universities in Sendai and Fukuoka, and four of last year's"
        " interns have since been hired by Japanese makers.",
    )


def test_a_state_disaster_force_known_by_its_initials_is_indian() -> None:
    assert kept(
        "Rescuers finish course with Japanese instructors",
        "Forty SDRF personnel completed a two-week course in collapsed-building rescue on"
        " Friday, taught by instructors from Japan's fire agency under a JICA project.\n\n"
        "The force will train 200 more rescuers with the Japanese team next year.",
    )


def test_a_japanese_ministry_known_by_its_initials_is_japanese() -> None:
    assert kept(
        "Heat-treatment plant cleared for mango exports",
        "MAFF has approved a vapour heat treatment facility in Ratnagiri, India, after its"
        " inspectors visited the plant with Indian quarantine officials in April.\n\n"
        "Mangoes treated there may now be shipped to importers in Osaka, the ministry said"
        " in a notice.",
    )


def test_buyers_touring_gardens_in_a_region_of_india_deal_with_india() -> None:
    assert kept(
        "Tea buyers from Japan tour Dooars gardens",
        "Nine buyers from Japan visited gardens in the Dooars this week under the new tea"
        " agreement, and several placed orders for orthodox teas.\n\n"
        "The delegation will return for the autumn flush, brokers said.",
    )


def test_a_fraud_on_the_others_people_busted_by_police_is_a_crime_story() -> None:
    item = judged(
        "Police arrest nine over fraud on Japanese pensioners",
        "Police in Noida arrested nine people on Tuesday who ran a scam call centre that"
        " cheated elderly people in Japan of about 20 million yen.\n\n"
        "The raid followed a complaint passed on by the Japanese police, officers said.\n\n"
        "The accused posed as bank staff and asked for gift cards.",
    )
    assert item.relevance is not None
    assert any("crime story" in line for line in item.relevance.reasons)
    assert not item.relevance.kept


def test_the_two_police_forces_signing_a_pact_still_deal() -> None:
    assert kept(
        "India and Japan sign cybercrime pact",
        "India and Japan signed a memorandum on Monday to share information on cybercrime,"
        " after Indian police and Japan's National Police Agency held talks in Tokyo.\n\n"
        "The two governments agreed to train investigators together from next year.",
    )


def test_a_firm_taken_into_insolvency_on_a_japanese_lenders_plea_is_no_dealing() -> None:
    item = judged(
        "Nashik gear maker admitted into insolvency",
        "A Nashik gear maker was admitted into insolvency on Monday on the plea of the"
        " Indian branch of a Japanese bank, which says it is owed 90 crore rupees.\n\n"
        "The resolution professional has invited creditors to file claims by the end of"
        " the month.\n\nThe company's 400 workers have not been paid since April.",
    )
    assert item.relevance is not None
    assert any("insolvency story" in line for line in item.relevance.reasons)
    assert not item.relevance.kept


def test_charting_a_roadmap_is_no_box_office_chart() -> None:
    item = judged(
        "India and Japan chart a roadmap for defence manufacturing",
        "India and Japan on Tuesday charted a five-year roadmap for joint defence"
        " manufacturing, as the two defence ministers met in New Delhi.\n\n"
        "The ministers agreed to chart new areas of cooperation, including unmanned"
        " surface vessels, and to hold the next dialogue in Tokyo.",
    )
    assert item.relevance is not None
    assert item.relevance.kept
    assert not any("entertainment" in line for line in item.relevance.reasons)
