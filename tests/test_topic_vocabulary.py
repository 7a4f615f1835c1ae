"""The shipped taxonomy's vocabulary: the words each topic is named by in news, and the
common words that say less (a mission that hosts an event, an idiom of "track", a place
where something happens), read with the shipped feeds.toml's settings."""

from __future__ import annotations

from topic_support import topics


def test_a_takeover_with_a_fresh_infusion_is_investment() -> None:
    got = topics(
        "Kyushu lender completes takeover of Chennai finance house",
        "The Fukuoka-based group said the takeover closed on Friday. It will follow it with an"
        " infusion of 4,000 crore rupees into the Chennai company over three years, which"
        " keeps its name and its 212 branches.",
    )
    assert got == ["investment"]


def test_new_flights_by_an_airline_are_connectivity() -> None:
    got = topics(
        "Airline to fly Fukuoka to Kolkata daily from July",
        "A Japanese airline will start daily flights between Fukuoka and Kolkata in July, the"
        " first scheduled link between the two cities. The flights will use a mid-size jet with"
        " 180 seats, and the airline expects business travellers to fill most of them.",
    )
    assert "connectivity" in got


def test_drinking_water_and_wastewater_works_are_infrastructure() -> None:
    got = topics(
        "Jodhpur to get new drinking water network and wastewater plant",
        "The city will lay 400 km of pipes to bring drinking water to every home in the old"
        " quarter, and build a wastewater treatment works beside the river that will clean"
        " what the homes send back, the municipal commissioner said on Tuesday.",
    )
    assert "infrastructure" in got


def test_grid_equipment_is_energy() -> None:
    got = topics(
        "Osaka maker to build power transformers in Vadodara",
        "The new works will make transformers for the power grid, and the company expects"
        " orders from the state utilities that are adding transmission lines across the"
        " western districts.",
    )
    assert "energy" in got


def test_patents_are_technology() -> None:
    got = topics(
        "Patent offices of India and Japan agree to share examination results",
        "Applicants whose patent has been granted by one office will be able to ask the other"
        " to examine theirs first. The two offices said intellectual property rules would"
        " otherwise stay as they are.",
    )
    assert "technology" in got


def test_an_embassy_hosting_a_festival_is_not_diplomacy() -> None:
    got = topics(
        "Hanami picnic in Lodhi Garden draws 5,000",
        "About 5,000 people came to the cherry blossom festival in Lodhi Garden on Sunday,"
        " organised by the embassy with the city's art school. The embassy said the festival"
        " would return next year with more music and more food stalls.",
    )
    assert got == ["culture"]


def test_an_idiom_of_track_is_no_railway() -> None:
    got = topics(
        "Talks on the investment pact are on track, minister says",
        "Negotiators will meet again next month, and both sides want to fast-track the"
        " remaining chapters of the investment agreement before the summit in the autumn.",
    )
    assert "infrastructure" not in got


def test_interns_are_talent_mobility() -> None:
    got = topics(
        "Nagano hotels to take 60 interns from Kerala",
        "Sixty interns from hotel schools in Kerala will spend a year working in Nagano's"
        " hotels from April, the prefecture said; the interns will live in company housing.",
    )
    assert "talent mobility" in got


def test_a_high_speed_line_and_its_trains_are_connectivity() -> None:
    got = topics(
        "Maker wins order for trains on the Pune high speed line",
        "A Japanese maker will build twelve high-speed trains for the new line between Pune"
        " and Hyderabad, which the operator says will cut the trip to three hours. The first"
        " train is due in 2030, and the high-speed railway will open a year later.",
    )
    assert "connectivity" in got


def test_a_visa_portal_is_no_port() -> None:
    got = topics(
        "Work visa portal opens to applicants",
        "Applicants for work visas can now upload their papers on the consulate's new portal,"
        " which replaces the paper forms. Interns and engineers hired by Japanese firms"
        " apply the same way.",
    )
    assert "connectivity" not in got


def test_a_two_plus_two_meeting_is_diplomacy() -> None:
    got = topics(
        "Ministers open third 2+2 round in Canberra",
        "The foreign and defence ministers of both countries sat down for their 2+2 meeting"
        " on Monday. Officials said the ministers would review joint exercises and a new"
        " logistics pact for their armed forces.",
    )
    assert "diplomacy" in got


def test_a_business_seminar_is_trade_and_investment() -> None:
    got = topics(
        "Osaka chamber holds business seminar on setting up in Tamil Nadu",
        "About ninety small manufacturers from the Kansai region attended the business seminar"
        " on Thursday, where officials from Chennai explained land prices, power tariffs and"
        " the approvals a new factory needs.",
    )
    assert "trade" in got and "investment" in got


def test_a_passing_subsidiary_is_no_investment() -> None:
    got = topics(
        "Taiko drummers fill Bengaluru hall",
        "Eight drummers from Sado island played to a full house on Saturday. The tour is"
        " sponsored by a travel subsidiary of a Japanese railway company and moves to"
        " Hyderabad next week.",
    )
    assert "investment" not in got


def test_a_venture_round_is_investment_and_technology() -> None:
    got = topics(
        "Farm-sensor maker closes Series B led by Tokyo firm",
        "The Bengaluru company, whose sensors tell growers when to irrigate, raised 22 million"
        " dollars. A Tokyo firm led the Series B, with two earlier backers joining.",
    )
    assert "investment" in got and "technology" in got


def test_a_drama_series_is_no_funding_round() -> None:
    got = topics(
        "Tokyo broadcaster films drama in Varanasi",
        "A Japanese broadcaster is filming a six-part drama series in Varanasi. The series, a"
        " first for the channel, follows a Kyoto potter who moves to the city; the series as a"
        " whole was written by an Indian and a Japanese writer.",
    )
    assert "investment" not in got and "technology" not in got


def test_port_and_road_projects_are_infrastructure_beside_connectivity() -> None:
    got = topics(
        "Yen loan for Haldia port development and its access road project",
        "The loan will pay for dredging two berths at the port and for the road project that"
        " widens the 14 km that trucks take from the national highway to the port gates.",
    )
    assert "infrastructure" in got and "connectivity" in got


def test_a_warship_port_call_is_no_infrastructure() -> None:
    got = topics(
        "Japanese destroyer makes port call at Kochi",
        "The destroyer arrived on Monday for a three-day port call. Its crew will play a"
        " football match with Indian sailors before the ship joins a naval exercise.",
    )
    assert "infrastructure" not in got


def test_sewage_and_water_treatment_works_are_infrastructure() -> None:
    got = topics(
        "Japan to lend for Varanasi sewage treatment plant",
        "The loan will pay for a sewage treatment plant on the Assi river and a water treatment"
        " plant upstream of the ghats, the city's municipal commissioner said.",
    )
    assert "infrastructure" in got


def test_crafts_and_stage_arts_are_culture() -> None:
    got = topics(
        "Kabuki troupe and Banaras weavers share a Tokyo stage",
        "A kabuki troupe performed beside a display of handloom saris in Tokyo this week."
        " The organisers said the crafts and the theatre were chosen to show two old traditions"
        " side by side.",
    )
    assert got[0] == "culture"


def test_an_operating_theatre_and_an_aircraft_are_no_culture() -> None:
    got = topics(
        "Japanese surgeons train Nagpur hospital staff",
        "Two surgeons from Osaka spent a week in the hospital's new operating theatres, working"
        " with Indian doctors on keyhole surgery. They flew in on a chartered aircraft carrying"
        " donated instruments; the operating theatre staff will visit Osaka next year.",
    )
    assert "culture" not in got


def test_the_japan_foundation_teaching_japanese_is_culture_and_education() -> None:
    got = topics(
        "Japan Foundation opens Japanese language centre in Guwahati",
        "The Japan Foundation will run Japanese language classes for 300 students a year at the"
        " new centre and train teachers from schools in the region.",
    )
    assert "culture" in got and "education" in got


def test_a_food_service_skills_test_is_no_culture() -> None:
    got = topics(
        "Food service skills test for jobs in Japan to be held in Kochi",
        "Candidates who pass the food service test can apply for work visas in Japan's"
        " restaurants and canteens. The test covers hygiene and food preparation, and the"
        " organisers expect 600 candidates.",
    )
    assert "talent mobility" in got and "culture" not in got


def test_technical_standards_are_technology() -> None:
    got = topics(
        "Indian and Japanese standards bodies to align EV charger standards",
        "The two bodies signed a memorandum on standardisation of electric vehicle chargers,"
        " so that a charger certified in one country needs no second test in the other.",
    )
    assert "technology" in got


def test_a_sister_school_pact_is_culture_and_education() -> None:
    got = topics(
        "Kyoto high school signs sister school pact with Pune school",
        "Twenty students from Kyoto spent a week in Pune classrooms before the two principals"
        " signed the sister school agreement, which sends Pune students to Kyoto next spring.",
    )
    assert "culture" in got and "education" in got


def test_joint_research_is_education() -> None:
    got = topics(
        "Pune and Kagawa labs open joint research on paddy drones",
        "The two institutes will share data from drones flown over paddy fields, under a joint"
        " research agreement signed for five years.",
    )
    assert "education" in got


def test_skill_development_for_jobs_abroad_is_talent_mobility() -> None:
    got = topics(
        "Vizag skilling centre to prepare welders for Japanese shipyards",
        "The state's skill development corporation will run the centre, whose first batch of"
        " 120 welders is to leave for Japan next year.",
    )
    assert "talent mobility" in got


def test_a_firms_development_centre_is_investment_and_a_skill_centre_is_not() -> None:
    got = topics(
        "Osaka firm opens software development centre in Pune",
        "The company's first software development centre outside Japan will employ 300"
        " engineers writing software for carmakers.",
    )
    assert "investment" in got
    got = topics(
        "State opens skill development centre for Japan-bound nurses",
        "The skill development centre in Kochi will train 200 nurses a year in Japanese and"
        " caregiving before they leave for jobs in Japan.",
    )
    assert "investment" not in got


# What the review of the topic words found (2026-12-07): words that named a topic in one
# sense and another topic, or none, in the news that also uses them.


def test_relief_goods_sent_abroad_stay_disaster_management() -> None:
    for title, text in (
        (
            "Delhi sends relief material to quake-struck Ishikawa",
            "An air force transport landed in Komatsu with 15 tonnes of blankets, tents and"
            " water purifiers for the people of the Noto peninsula, the foreign ministry said.",
        ),
        (
            "Tokyo hands relief goods to Odisha villages hit by the cyclone",
            "Japan's consul general handed over tarpaulins, solar lamps and dry rations to the"
            " state's relief commissioner for families whose homes the storm flattened.",
        ),
    ):
        assert "disaster management" in topics(title, text)


def test_an_r_and_d_centre_stays_technology() -> None:
    got = topics(
        "Kyoto electronics maker opens R&D centre in Hyderabad",
        "The centre will employ 300 people and is the company's largest outside Japan, it"
        " said on Monday.",
    )
    assert "technology" in got


def test_theatre_of_war_and_hospital_theatres_are_no_culture() -> None:
    for title, text in (
        (
            "Army chief says integrated theatre commands will be ready next year",
            "The three services will bring their units under joint theatre commands, he told"
            " a defence seminar, citing how Japan's forces plan joint operations.",
        ),
        (
            "Pacific theatre: Tokyo and Delhi send destroyers on joint patrol",
            "Two destroyers of each navy will sail together through the sea lanes for ten"
            " days, the defence ministries said.",
        ),
        (
            "Japan-funded wing adds four operation theatres at Guwahati hospital",
            "The new wing has four operation theatres and a 40-bed intensive care unit, built"
            " with a grant from Japan, the hospital's superintendent said.",
        ),
    ):
        assert "culture" not in topics(title, text), title


def test_standards_of_produce_or_exhaust_are_no_technology() -> None:
    for title, text in (
        (
            "Ratnagiri mangoes cleared for Japan after meeting its quarantine standards",
            "Exporters shipped the first consignment of the season after the fruit passed"
            " vapour heat treatment meeting Japan's quarantine standards.",
        ),
        (
            "Hamamatsu carmaker readies cars for stricter emission standards",
            "Its Indian unit will update engines in three models before the new emission"
            " standards take effect in April.",
        ),
    ):
        assert "technology" not in topics(title, text), title


def test_a_place_called_port_or_a_road_map_is_no_infrastructure() -> None:
    for title, text in (
        (
            "Japan grant for Port Blair hospital equipment",
            "The grant pays for scanners and ventilators at the island's district hospital in"
            " Port Blair, the embassy said.",
        ),
        (
            "India, Japan agree road map for economic security cooperation",
            "Officials of the two countries agreed a road map on supply chains and export"
            " controls at their meeting in Tokyo.",
        ),
        (
            "Bus crash on mountain road kills three Japanese tourists in Himachal",
            "The bus fell into a gorge on a narrow road near Manali, the police said; the"
            " embassy is helping the families.",
        ),
    ):
        assert "infrastructure" not in topics(title, text), title


def test_a_port_project_is_infrastructure() -> None:
    got = topics(
        "Japan loan for deep-sea port project in Tamil Nadu",
        "The loan pays for breakwaters and berths of the port project, which the state"
        " expects to handle container ships from 2030.",
    )
    assert "infrastructure" in got


def test_a_firm_s_subsidiary_recalling_cars_is_no_investment() -> None:
    got = topics(
        "Carmaker's Indian subsidiary recalls 9,000 cars over faulty airbags",
        "The subsidiary said owners would be called to dealers to have a part replaced free"
        " of charge.",
    )
    assert "investment" not in got


def test_a_food_week_is_culture() -> None:
    got = topics(
        "Japanese food week opens in Mumbai",
        "The consulate's food week brings chefs from Osaka to cook dishes of the Kansai region"
        " in the city until Sunday.",
    )
    assert "culture" in got


def test_training_with_foreign_troops_is_no_education() -> None:
    got = topics(
        "Indian Army officers join training programme with Japanese troops at Camp Fuji",
        "Twenty officers will train with the Ground Self-Defense Force for two weeks in"
        " mountain warfare and joint exercises, the army said.",
    )
    assert "education" not in got


def test_an_institute_s_development_centre_is_no_investment() -> None:
    got = topics(
        "University entrepreneurship development centre hosts Japanese startups",
        "Ten founders from Osaka spent a week at the campus centre, meeting students and mentors.",
    )
    assert "investment" not in got


def test_a_stage_art_named_in_passing_is_no_culture() -> None:
    got = topics(
        "Former consul general in Osaka dies at 81",
        "He served in Mumbai in the 1990s and was known among colleagues for his love of Noh"
        " theatre and golf. He later chaired a shipping line's board in Tokyo.",
    )
    assert "culture" not in got
