"""Shapes of reference the relevance judge misread: "each other" after a distance, which
sets things of one side near one another rather than two parties dealing; letters of
intent, a dealing of their parties that the words of interaction lacked; a multilateral
setting named after a complete dealing, which frames it as a third party would (not a
route after it, nor the two joining others there); an instrument signed "with" one side in
the passive, which the writer signed when a letterhead makes the other side the writer (no
one else's report); a place's business or trade mission, which acts for the place as its
delegation does; India's trade and export bodies by their initials (DGFT, APEDA, MPEDA), as
dev18 added its other national bodies. Households named by their country name its side,
and the other side's unrelated news under a project's headline is no lead dealing: two
rules tried for dev19 and withdrawn after review. Each shape has an ordinary story that
must stay out and a bilateral one that must come in, written for these tests.
"""

from __future__ import annotations

from relevance_support import judged, kept

from aggregator.toolkit.joint_references import joint_references
from aggregator.toolkit.lead_dealings import INSTRUMENT_WITH, issuer_side


def reasons(title: str, text: str) -> str:
    relevance = judged(title, text).relevance
    assert relevance is not None
    return "\n".join(relevance.reasons)


def test_each_other_after_a_distance_is_no_joint_reference() -> None:
    assert list(joint_references("Three shops stand within 200 metres of each other.")) == []
    assert list(joint_references("The stalls were set up next to each other.")) == []
    assert list(joint_references("The two navies trained with each other.")) == [
        (0, False),
        (28, True),
    ]


def test_one_sides_shops_near_each_other_are_no_dealing() -> None:
    title = "A bakery row in Koregaon Park"
    text = (
        "Three Japanese bakeries have opened within 200 metres of each other in Pune's"
        " Koregaon Park, and students from the colleges nearby queue for their melon"
        " bread every afternoon.\n\n"
        "The owners trained in Osaka and Nagoya before moving to the city, and one of them"
        " still imports her flour.\n\n"
        "Rents on the lane have risen by a third since the first of them opened."
    )
    assert "act together" not in reasons(title, text)
    assert not kept(title, text)


def test_two_sides_helping_each_other_still_deal() -> None:
    title = "Coast guards agree on joint search drills"
    text = (
        "India and Japan agreed on Tuesday to help each other in search and rescue off"
        " their coasts, and the two coast guards will hold a drill near Chennai in"
        " January.\n\n"
        "Officials said the ships would stay within sight of each other during the drill."
    )
    assert kept(title, text)


def test_households_named_by_their_country_name_that_side() -> None:
    title = "JICA loan to light up two million Indian households"
    text = (
        "Japan's aid agency JICA will lend 30 billion yen to connect two million Indian"
        " households in five eastern states to the grid, the agency said on Tuesday.\n\n"
        "The loan carries an interest rate of 0.3% and is repayable over 40 years."
    )
    assert "India appears nowhere" not in reasons(title, text)
    assert kept(title, text)


def test_a_loan_that_reaches_households_still_deals() -> None:
    title = "Japan loan to bring piped water to Rajasthan villages"
    text = (
        "JICA signed a loan with the Government of Rajasthan on Monday to bring piped water"
        " to 40,000 Indian households in three desert districts.\n\n"
        "The households now fetch water from tankers, and the state will lay 900 km of"
        " mains by 2029 with the money from Japan."
    )
    assert kept(title, text)


def test_letters_of_intent_from_the_other_sides_firms_are_a_dealing() -> None:
    title = "Minister back from Nagoya roadshow"
    text = (
        "Gujarat's industries minister returned from Nagoya on Thursday with seven letters"
        " of intent from Aichi companies, the department said.\n\n"
        "Most are for machine tools and moulds; officials expect two of them to break ground"
        " near Ahmedabad next year.\n\n"
        "The minister also toured a robotics plant during the four-day trip."
    )
    assert kept(title, text)


def test_a_letter_of_intent_between_firms_of_one_side_is_no_dealing() -> None:
    title = "Tyre maker lines up new orders"
    text = (
        "A Chennai tyre maker has received letters of intent from three domestic carmakers"
        " for its new radial line, its chairman told shareholders on Friday.\n\n"
        "He said rubber prices had risen since the spring, as Japanese buyers stocked up"
        " ahead of the monsoon.\n\n"
        "The company expects the line to run at full capacity by December."
    )
    assert "act together" not in reasons(title, text)
    assert not kept(title, text)


def test_a_multilateral_setting_after_a_complete_dealing_frames_it() -> None:
    title = "Japan and India: a history in ten lectures"
    text = (
        "Enrolment is open for the spring term.\n\n"
        "This lecture series, taught jointly by historians in Delhi and Tokyo with support"
        " from the Japan Foundation, traces relations between the two countries from the"
        " first Buddhist scholars to today's metro loans and Quad diplomacy.\n\n"
        "Each lecture ends with a reading list and a short quiz."
    )
    assert "multilateral" not in reasons(title, text)
    assert kept(title, text)


def test_a_multilateral_setting_before_the_dealing_still_sets_the_story() -> None:
    title = "Quad ministers back a shipping fund"
    text = (
        "At the Quad meeting in Manila on Friday, the foreign ministers of India, Japan,"
        " Australia and the United States agreed to set up a fund for port security.\n\n"
        "In the G20, the four will push for the same rules, and the fund will take its first"
        " applications in the autumn.\n\n"
        "The ministers will meet again in the new year."
    )
    assert not kept(title, text)


def test_an_instrument_signed_with_one_side_binds_the_writers_side() -> None:
    title = "Monthly report of the Ministry of Textiles to the Cabinet, April"
    text = (
        "Government of India\nMinistry of Textiles\n\n"
        "1. Exports of cotton yarn in April were 98,000 tonnes.\n\n"
        "2. International cooperation\n\n"
        "(a) A Memorandum of Cooperation with Japan's Ministry of Economy, Trade and"
        " Industry on technical textiles was signed on 14 April. Testing equipment will be"
        " installed at the institute in Coimbatore with experts from Japan.\n\n"
        "3. The handloom census of Assam was completed."
    )
    assert kept(title, text)


def test_an_instrument_signed_where_a_third_party_stands_before_is_not_the_two() -> None:
    title = "Port authority plans crane upgrade"
    text = (
        "Sri Lanka's port authority wants four new cranes at its southern terminal by"
        " March. An agreement with Japan's JICA was signed on Monday to pay for them.\n\n"
        "Shipping lines from India, which send feeder vessels to the terminal, have asked"
        " for longer berthing windows while the work is done.\n\n"
        "The authority said the terminal would stay open throughout."
    )
    assert not kept(title, text)


def test_a_protocol_agreed_with_one_side_binds_the_writers_side() -> None:
    title = "Export of pomegranates to Japan: registration of farms for 2027"
    text = (
        "Government of India / Department of Commerce\n\n"
        "1. Under the protocol agreed with the Ministry of Agriculture, Forestry and"
        " Fisheries of Japan, pomegranates for Japan must be fumigated at a facility"
        " approved by both countries before shipment.\n\n"
        "2. Farms in Maharashtra and Karnataka wishing to export shall register on the"
        " portal by 31 July. Facilities at Nashik and Bengaluru have been approved."
    )
    assert kept(title, text)


def test_a_contract_signed_with_a_firm_of_one_side_alone_is_no_dealing() -> None:
    title = "Bridge contractor starts work on the river crossing"
    text = (
        "Under the contract signed with the Osaka city government, a Kobe builder began"
        " work on Monday on the new river bridge, which will open in 2028.\n\n"
        "Traffic will be diverted for six months. A curry shop by the bridge, run by a"
        " family from Kerala for twenty years, will stay open during the work."
    )
    assert not kept(title, text)


def test_the_other_sides_unrelated_news_under_a_projects_headline_is_no_lead_dealing() -> None:
    title = "Pune Metro Line 3 - Monthly Progress Report"
    text = (
        "Report No. 12 | Issued 6 March 2027\n\n"
        "Viaduct works on the western section reached 52% and the depot at Hinjewadi is 40%"
        " complete. A Japanese bank launched a new savings account for pensioners on Friday."
        " A Japanese carmaker launched a new hybrid model on Thursday.\n\n"
        "Prepared by: Project Management Consultant"
    )
    assert "the lead states a dealing" not in reasons(title, text)
    assert not kept(title, text)


def test_the_other_sides_notice_to_its_own_people_under_a_citys_headline_stays_out() -> None:
    title = "Chennai schools shut as rain continues"
    text = (
        "Schools across the city will stay shut on Thursday as heavy rain continued for a"
        " third day and several roads remained under water. The Consulate-General of"
        " Japan said it would help its nationals who need to leave the city and asked"
        " them to keep in touch by phone.\n\n"
        "The corporation said pumps were working in the worst-hit areas."
    )
    assert not kept(title, text)


def test_a_places_business_mission_to_the_other_side_is_a_dealing() -> None:
    title = "Programme - Tamil Nadu trade mission to Aichi and Gifu, 9-12 March"
    text = (
        "Please find the programme of the state's trade mission to Aichi Prefecture, which"
        " will sign a memorandum on machine tools with the prefecture on 10 March and"
        " visit tool makers in Gifu.\n\n"
        "Day 1 - Monday, 9 March\n\n"
        "1400 hrs Arrive Chubu Centrair; bus to Nagoya\n\n"
        "Please carry your passports at all times."
    )
    assert "the headline states a dealing" in reasons(title, text)
    assert kept(title, text)


def test_a_places_trade_mission_to_a_third_country_stays_out() -> None:
    title = "Kerala trade mission leaves for Nairobi"
    text = (
        "A Kerala trade mission of 30 spice and coir exporters left for Nairobi on Sunday"
        " to meet buyers at the East Africa food fair.\n\n"
        "The exporters said orders from Japan had slowed since the spring, and they hope"
        " African buyers will make up the gap.\n\n"
        "The mission returns on Friday."
    )
    assert not kept(title, text)


def test_indias_trade_bodies_by_their_initials_name_india() -> None:
    title = "DGFT sets 31 July deadline for Japan-bound grape registrations"
    text = (
        "A trade notice of 2 July requires vineyards shipping grapes to Japan next season"
        " to register on the APEDA portal by 31 July. Japan will also accept two new"
        " varieties this year.\n\n"
        "WHY IT MATTERS\n\n"
        "India shipped about 900 tonnes of grapes to Japan last season."
    )
    assert kept(title, text)


def test_a_trade_bodys_domestic_notice_that_names_the_other_side_in_passing_stays_out() -> None:
    title = "DGFT extends deadline for export incentive claims"
    text = (
        "The DGFT has extended the deadline for filing claims under the export incentive"
        " scheme to 30 September, a trade notice issued on Monday said.\n\n"
        "Exporters had asked for more time after the portal went down in August. APEDA"
        " said farm exporters, including those who ship to Japan, should file early.\n\n"
        "Claims filed after the deadline will attract a late fee."
    )
    assert not kept(title, text)


def test_the_issuer_is_the_state_a_letterhead_or_signature_names() -> None:
    sides = ("India", "Japan")
    assert issuer_side(["भारत सरकार / Government of India"], "", sides) == "India"
    assert issuer_side([], "Embassy of Japan, New Delhi\n\nNotice", sides) == "Japan"
    assert issuer_side(["Under Secretary to the Government of India"], "", sides) == "India"
    assert issuer_side(["Government of India", "Embassy of Japan"], "", sides) is None
    assert issuer_side(["Government of Kerala"], "The Government of India said so.", sides) is None


def test_a_party_name_after_with_is_capitalised() -> None:
    assert INSTRUMENT_WITH.search("A contract with a local builder to restore the old ") is None
    assert INSTRUMENT_WITH.search("A contract with the Osaka Garden Society of ") is not None


def test_an_instrument_signed_with_one_side_in_another_countrys_story_is_no_dealing() -> None:
    title = "Britain seals trade deal after three years of talks"
    text = (
        "The free trade agreement with India was signed on Thursday after three years of"
        " talks, and duties on Scotch whisky will be halved at once and cut further over ten"
        " years.\n\n"
        "Distillers expect exports to double by 2030. Japanese whisky makers, which have"
        " sold well in recent years, may lose ground in Indian bars as imported brands get"
        " cheaper.\n\n"
        "The deal still needs the approval of Parliament."
    )
    assert not kept(title, text)


def test_an_instrument_signed_with_one_side_by_a_firm_or_a_union_is_no_dealing() -> None:
    stories = [
        (
            "Drugmaker wins large vaccine order",
            "A supply agreement with the Government of India was signed on Monday for 10"
            " million doses of a vaccine against childhood pneumonia, the company said.\n\n"
            "The company also makes a vaccine against Japanese encephalitis, which it sells"
            " in South-East Asia.\n\nIts shares rose 4% on the news.",
        ),
        (
            "Carmaker's union settles pay talks",
            "A wage agreement with Japan's largest carmaker was signed on Wednesday, giving"
            " assembly workers a raise of 5.6%, the biggest in three decades.\n\n"
            "The carmaker, which also builds cars in India and Thailand, said higher pay"
            " would help it keep young workers.\n\nOther unions settle next week.",
        ),
        (
            "Bridge works begin",
            "The contract with the Osaka city government was signed last week, and work on"
            " the new river bridge began on Monday.\n\n"
            "Traffic will be diverted for six months. A curry shop by the bridge, run by a"
            " family from Kerala for twenty years, will stay open during the work.",
        ),
        (
            "Solar park to supply power from March",
            "The 300 MW solar park reached financial close on Friday, eight months after the"
            " power purchase agreement signed with the Uttar Pradesh government, its"
            " developer said.\n\n"
            "The panels come from a Japanese supplier and the inverters from a Pune firm.\n\n"
            "The park will supply power from March.",
        ),
        (
            "Ceasefire talks resume in Dimapur",
            "The framework agreement with the Government of India was signed in August 2015,"
            " and the group's leaders say its terms are still unmet.\n\n"
            "Talks resumed on Monday. The group's founders fought in the 1944 battle of"
            " Kohima, where Japanese forces were held back.\n\nNo date was set.",
        ),
    ]
    for title, text in stories:
        assert not kept(title, text), title


def test_a_contract_with_a_lower_case_party_in_a_states_notice_is_no_dealing() -> None:
    title = "Old garden to be restored"
    text = (
        "Government of India\n\n"
        "A contract with a local builder to restore the old Japanese garden in the city's"
        " central park was signed on Monday, the ministry said.\n\n"
        "The garden, one of India's oldest public parks, has been closed since the floods"
        " of 2019.\n\nWork will take 18 months."
    )
    assert not kept(title, text)


def test_two_sides_joining_many_at_a_summit_are_multilateral() -> None:
    title = "Two nations sign methane pledge"
    text = (
        "India and Japan signed the methane pledge on Tuesday, joining 40 other nations at"
        " the climate summit in Baku.\n\n"
        "The pledge asks signatories to cut methane emissions by a third by 2030. Delegates"
        " said the summit would run late into the week."
    )
    assert "multilateral" in reasons(title, text)
    assert not kept(title, text)


def test_a_route_after_a_multilateral_setting_is_not_framed_by_it() -> None:
    title = "Ministers back green shipping corridors"
    text = (
        "At the G20 meeting in Rio on Friday, transport ministers backed a plan for green"
        " shipping corridors, and a direct container service between Chennai and Yokohama"
        " will open in May.\n\n"
        "India's shipping ministry said the service would cut transit times by a week."
        " Japan's ports have been upgrading their berths for larger ships.\n\n"
        "The ministers will meet again next year."
    )
    assert not kept(title, text)
