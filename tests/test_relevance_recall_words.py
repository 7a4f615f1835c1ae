"""The shipped relevance vocabulary (feeds.toml) on kinds of words that kept bilateral
reports under the threshold: works named after a hazard ("storm water drains") read as a
disaster, an official's title ("Director") read as a film's, and dealings worded as a route
linking two ports, orders placed by the other side's buyers or a parent's capital infusion;
and regions of a side named without their state or prefecture ("Vidarbha", "Chubu").
Written for these tests; the off-topic and parallel counterparts must stay dropped.
"""

from __future__ import annotations

from pathlib import Path

from relevance_support import gathered, judge_app, judged, kept


def reasons(title: str, text: str) -> str:
    relevance = judged(title, text).relevance
    assert relevance is not None
    return "\n".join(relevance.reasons)


DRAINAGE_LOAN = (
    "Drainage works in the old city get a foreign loan",
    "The city council heard on Monday that the Government of India has signed a loan with"
    " Japan for the Storm Water Drainage and Flood Control Project, which will pay for new"
    " storm water mains under the old city.\n\n"
    "The storm water network will grow by 300 km, and six pumping stations will be built"
    " on the river front.\n\n"
    "Storm water from the eastern wards will be carried to the river by the new mains.\n\n"
    "The council expects the first tenders by the spring.",
)


def test_works_named_after_a_hazard_are_no_disaster() -> None:
    title, text = DRAINAGE_LOAN
    assert "disaster" not in reasons(title, text)
    assert kept(title, text)


def test_a_storm_that_strands_people_on_both_sides_is_still_a_disaster() -> None:
    title = "Storm strands travellers in Japan and India"
    text = (
        "A storm stranded thousands of travellers at airports in Japan on Sunday, and"
        " floods closed roads in India.\n\n"
        "The storm brought heavy rainfall, and more floods are expected in the coming"
        " days.\n\n"
        "Officials in India and Japan said the death toll had not been confirmed."
    )
    assert "disaster story" in reasons(title, text)
    assert not kept(title, text)


def test_a_divisions_director_is_no_film_director() -> None:
    title = "Industry committee hears report on the Odisha memorandum"
    text = (
        "The Director of the Trade Promotion Division reported that the Governor of"
        " Shizuoka had signed a memorandum with the Government of Odisha covering ports and"
        " green hydrogen.\n\n"
        "Q (Member): What did the delegation cost?\n\n"
        "A (Director, Trade Promotion Division): About 12 million yen, of which the"
        " prefecture paid half.\n\n"
        "Q (Member): Will the prefecture open an office in India?\n\n"
        "A (Director, Trade Promotion Division): Not this year; we will use the JETRO office"
        " in New Delhi."
    )
    assert "entertainment" not in reasons(title, text)
    assert kept(title, text)


def test_a_route_linking_a_port_of_each_side_is_a_dealing() -> None:
    title = "New weekly container service for Kobe"
    text = (
        "The first ship of a weekly container service linking Kobe Port with Chennai left"
        " the port on Tuesday with 600 containers of machine parts.\n\n"
        "The service calls at Chennai twelve days later and returns with garments and"
        " chemicals for western Japan.\n\n"
        "Port officials said cargo with India had doubled in five years."
    )
    assert kept(title, text)


def test_orders_placed_by_the_other_sides_buyers_are_a_dealing() -> None:
    title = "Machine tool show closes with strong bookings"
    text = (
        "The machine tool show in Bengaluru closed on Sunday with 60,000 business"
        " visitors, up a tenth on the last edition.\n\n"
        "Makers at the Japan Pavilion reported orders worth about ₹900 crore from Indian"
        " buyers over the five days, mostly grinding machines and welding robots.\n\n"
        "Two of the Japanese makers said they would open service centres in Pune next"
        " year."
    )
    assert kept(title, text)


def test_a_parents_capital_infusion_is_a_dealing() -> None:
    title = "Leasing arm's rating raised after parent's infusion"
    text = (
        "A ratings agency on Monday raised the long-term rating of the Indian arm of a"
        " Tokyo leasing group to AA+.\n\n"
        "It cited the capital infusion of ₹800 crore by the Japanese parent into the Indian"
        " company last month.\n\n"
        "The Indian company leases construction machinery to contractors."
    )
    assert kept(title, text)


def test_an_ignored_phrase_hides_its_subjects_term(tmp_path: Path) -> None:
    app = judge_app(
        tmp_path,
        {
            "sides": {"India": ["India"], "Japan": ["Japan"]},
            "relation_terms": ["loan"],
            "off_topic": {"weather": ["storm"]},
            "off_topic_ignore": ["storm water"],
        },
    )
    works = gathered(app, "Drains", "Japan gave India a loan for storm water drains.")
    assert "weather" not in works.off_topic
    weather = gathered(app, "Storm", "A storm hit India after it hit Japan.")
    assert "weather" in weather.off_topic


def test_a_region_of_japan_the_list_lacked_is_japans() -> None:
    assert kept(
        "Direct flights to India from the spring",
        "An Indian airline said on Monday it will start direct flights between Delhi and"
        " Chubu Centrair International Airport from April, three times a week.\n\n"
        "The mayor said the route would help the engineers who work for parts makers"
        " around the airport, and the Japanese city will hold a welcome event for the first"
        " flight.",
    )


def test_a_region_of_india_named_without_its_state_is_indias() -> None:
    assert kept(
        "Water tanks handed over at desert schools",
        "On Saturday the Honorary Consul attended the handover of rainwater tanks at nine"
        " government schools in Vidarbha, built by a Japanese charity with a local"
        " partner.\n\n"
        "The project was funded by a grant of ¥9 million from the Government of Japan and"
        " by donors in Japan.\n\n"
        "The District Collector thanked the donors at the ceremony.",
    )


def test_a_sides_visa_status_marks_that_side() -> None:
    assert kept(
        "Caregiver skills test to be held in India",
        "The Specified Skilled Worker test for nursing care will be held in India from"
        " next spring, in cooperation with the Government of the Republic of India under"
        " the memorandum signed in 2021.\n\n"
        "Test venues will be New Delhi, Chennai and Pune, with tests every two months.\n\n"
        "Applicants must also pass a test of basic Japanese.",
    )


def test_a_sides_payment_system_marks_that_side() -> None:
    assert kept(
        "Tourists can pay by QR code at 10,000 shops in Japan",
        "A Tokyo payments start-up said on Tuesday that its shop terminals now accept UPI"
        " through a deal with NPCI International.\n\n"
        "Tourists scan the start-up's code with any UPI app and pay from their bank"
        " account, and the shop is paid in yen the next day.\n\n"
        "About 10,000 shops in Japan take part at launch.",
    )


def test_a_ship_named_by_its_services_prefix_is_its_sides() -> None:
    assert kept(
        "Coast guard ship in Nagasaki for joint drill",
        "ICGS Varuna arrived at Nagasaki on Monday for a search-and-rescue exercise with"
        " the Japan Coast Guard, the first such drill in Japanese waters since 2019.\n\n"
        "Crews practised towing a disabled fishing boat and searching for a man overboard"
        " at night.",
    )


def test_a_round_of_funding_from_the_other_side_is_a_dealing() -> None:
    assert kept(
        "Farm robotics start-up raises $9 million",
        "Bengaluru-based Krishiyantra has raised $9 million in a Series A round led by"
        " Tokyo's Sakuragi Capital.\n\n"
        "The Indian company makes weeding robots for vegetable farms and will use the money"
        " to build 400 machines next year.\n\n"
        "One of the Japanese fund's directors will sit on its board.",
    )


def test_the_first_flight_landing_from_the_other_side_opens_a_route() -> None:
    assert kept(
        "A shorter way home",
        "This morning the first direct flight from Delhi is landing at the airport outside"
        " Nagoya, ending a day-long detour for the Indian engineers who work in the region.\n\n"
        "Until now they had to change planes in Bangkok or take the train to Tokyo for a"
        " night flight home, and many went back only once in two years.",
    )


def test_a_flight_that_lands_on_its_own_side_opens_no_route() -> None:
    title = "Delegation lands in Osaka"
    text = (
        "A delegation from Tokyo landed at Osaka this morning on the first flight of the"
        " day, and went on to the trade fair.\n\n"
        "The fair has stands from India and forty other countries this year."
    )
    assert not kept(title, text)


def test_a_joint_work_written_with_co_is_a_dealing() -> None:
    assert kept(
        "Monsoon Letters gets a spring slot",
        "The television series Monsoon Letters, co-produced by Mumbai's Lantern Studios and"
        " Tokyo's Hoshizora Pictures, will air in spring.\n\n"
        "Its 26 episodes follow a Kolkata postman and a Sapporo schoolteacher who write"
        " letters for thirty years.\n\n"
        "Writers from the two studios met for three weeks in Goa to finish the scripts.",
    )


def test_the_two_sides_exercise_by_name_is_a_dealing() -> None:
    assert kept(
        "Indian Navy frigate and tanker arrive in Sasebo for JIMEX",
        "The ships berthed at Sasebo on Sunday for the harbour phase, with deck visits and"
        " planning talks.\n\n"
        "The sea phase runs for three days in the East China Sea, with anti-submarine and"
        " air defence serials.",
    )


def test_a_region_shared_with_a_third_country_names_no_side() -> None:
    assert not kept(
        "Japanese firm to build power plant at desert coalfield",
        "A Japanese engineering firm will build a power plant at the Thar coalfield in"
        " Sindh, Pakistan, the provincial government said on Monday.\n\n"
        "Japan's JBIC will fund part of the plant, which is due to open in 2029.",
    )


def test_an_event_organised_by_one_side_is_no_joint_event() -> None:
    assert not kept(
        "Robotics expo opens in Tokyo",
        "Companies from India and Japan are taking part in the robotics expo in Tokyo,"
        " organised by the Tokyo Metropolitan Government.\n\n"
        "About 400 exhibitors show warehouse robots and drones over three days.",
    )


def test_a_series_in_sport_is_no_round_of_funding() -> None:
    assert not kept(
        "Hosts level the series",
        "India levelled the series a day after Japan's team arrived in Delhi for the"
        " tour.\n\n"
        "The third match is on Sunday.",
    )


def test_a_wire_credit_is_no_payment_system() -> None:
    relevance = judged(
        "Japan holds largest quake drill",
        "TOKYO (UPI) -- Japan held its largest earthquake drill in a decade on Sunday,"
        " with 1.2 million people taking part.\n\n"
        "Trains stopped for a minute at noon.",
    ).relevance
    assert relevance is not None
    assert "India side: none" in relevance.reasons
