"""The relevance judge on shapes that dev21 showed it keeping wrongly, each in texts written
for these tests: a report's dateline read as a party to what the report says. Each shape has
an ordinary story that must stay dropped and a bilateral report that must stay kept.
"""

from __future__ import annotations

from relevance_support import gathered, judged, kept, shipped

from aggregator.toolkit.relevance_clocks import without_clocks
from aggregator.toolkit.relevance_datelines import without_datelines
from aggregator.toolkit.relevance_digests import first_story


def reasons(title: str, text: str) -> str:
    relevance = judged(title, text).relevance
    assert relevance is not None
    return "\n".join(relevance.reasons)


def test_a_dateline_place_is_blanked_and_offsets_kept() -> None:
    text = "OSAKA/PUNE, March 3 (Wirex) - Two lenders are moving apart.\nThe rest stays."
    blanked, places = without_datelines(text)
    assert len(blanked) == len(text)
    assert blanked.startswith(" " * len("OSAKA/PUNE") + ", March 3 (Wirex) - Two lenders")
    assert places == ["OSAKA/PUNE"]
    release = "Kolkata, 4 May 2026: The company said it had opened a store."
    assert without_datelines(release)[1] == ["Kolkata"]
    filed = "CHENNAI, India, May 4, 2026 -- The maker said it had opened a store."
    assert without_datelines(filed)[1] == ["CHENNAI, India"]


def test_a_label_or_a_sentence_is_no_dateline() -> None:
    for text in (
        "JAPAN: the cabinet approved a loan to India for a metro line.",
        "Japan and India (the two largest buyers) - a note on rice.",
        "India's exports to Japan rose in May, the ministry said.",
    ):
        assert without_datelines(text) == (text, [])


def test_a_report_filed_from_one_side_about_the_other_alone_stays_out() -> None:
    title = "Carmaker bets its small car on an Indian plant"
    text = (
        "TOKYO, March 3 (Wirex) - Kamome Motors' new plan for electric cars depends on a"
        " plant most of its investors have never seen: the one it has run in Gujarat, India,"
        " since 2015.\n\n"
        "The Japanese carmaker kept its target for 2030 but cut the one for next year,"
        " saying demand in Europe had slowed.\n\n"
        "Its shares fell 2.1% on the news, and analysts asked how it would earn money on a"
        " car that cheap."
    )
    assert not kept(title, text)
    assert "both act together" not in reasons(title, text)


def test_a_report_filed_from_two_cities_is_no_dealing_of_theirs() -> None:
    title = "Bond buyers torn between two rate paths"
    text = (
        "MUMBAI/TOKYO, March 3 (Wirex) - Asia's two largest democracies are pulling bond"
        " investors in opposite directions this spring, and the funds that hold both must"
        " choose.\n\n"
        "In India, ten-year yields fell below 6.3% as inflation eased and the Reserve Bank"
        " of India held rates. In Japan, the ten-year yield rose to its highest in a decade"
        " as Japanese banks sold.\n\n"
        "Traders in both cities expect the gap to narrow only slowly."
    )
    assert not kept(title, text)


def test_a_bilateral_report_with_a_dateline_stays_kept() -> None:
    title = "Japan lends India 150 billion yen for a metro line"
    text = (
        "NEW DELHI, March 3 (Wirex) - Japan signed a loan agreement with India on Tuesday"
        " for 150 billion yen to build the second phase of a metro line in Pune.\n\n"
        "The loan, from the Japan International Cooperation Agency, runs for 30 years at"
        " a low rate of interest.\n\n"
        "Officials of the two governments said the line would open in 2030."
    )
    assert kept(title, text)


def test_a_dateline_still_tells_where_its_side_is() -> None:
    title = "Consortium wins signalling order for freight corridor"
    text = (
        "Kolkata, 4 May 2026: Dinmani Rail said its consortium with Kawabe Signal of Japan"
        " has won an order from the freight corridor's operator for signalling on a 300 km"
        " section.\n\n"
        "The work is to be completed in 36 months."
    )
    evidence = gathered(shipped(), title, text)
    assert evidence.place_mentions["India"] == 1
    assert "Kolkata" not in "".join(evidence.bilateral_sentences[:1])


def test_a_collectors_purchases_a_century_ago_are_no_link_today() -> None:
    title = "Painted Cloth: Indian Chintz from the Hayakawa Bequest"
    text = (
        "Kenzo Hayakawa, a silk trader from Kobe, bought Indian chintz from dealers in"
        " Madras in the 1890s and shipped it home to Japan.\n\n"
        "Forty of his pieces are now on show in the east gallery, with the pattern books"
        " his clerks kept.\n\n"
        "Admission is free on the first Sunday of every month."
    )
    assert "cross to the other's territory" not in reasons(title, text)
    assert not kept(title, text)


def test_a_link_that_runs_from_long_ago_to_now_still_counts() -> None:
    for since in ("since 1948", "since the 1930s"):
        text = (
            f"Nurses from India have been arriving in Japan {since}, the immigration agency"
            " said.\n\nMost of them now work in hospitals in Aichi and Shizuoka."
        )
        evidence = gathered(shipped(), "Nurses keep coming", text)
        assert evidence.cross_border_sentences


def test_a_clock_named_after_a_country_is_no_party() -> None:
    title = "Your daughter is safe, says the MP's office"
    text = (
        "Dear Mrs. Rao,\n\n"
        "My office called the Embassy of India in Tokyo this morning about your daughter,"
        " who studies in Sendai and could not be reached after the earthquake.\n\n"
        "The Embassy has told us she is safe in her dormitory. The Embassy officer spoke to her by"
        " telephone at 7 pm Japan time, and she will call you tonight.\n\n"
        "Please write to my office again if she needs any help."
    )
    assert "both act together" not in reasons(title, text)
    assert not kept(title, text)


def test_clocks_are_blanked_and_names_of_papers_kept() -> None:
    assert without_clocks("at 7 pm Japan time.") == "at 7 pm       time."
    assert without_clocks("on 9 May (Indian time)") == "on 9 May (       time)"
    assert without_clocks("6:15pm (India Standard Time)").endswith("Time)")
    assert "India" not in without_clocks("6:15pm (India Standard Time)")
    for text in (
        "the Japan Times reported",
        "India's time has come",
        "Japan timed it well",
        "Updated 10 March 2026\nReading time: 4 minutes",
    ):
        assert without_clocks(text) == text


DIGEST = (
    "1. Rain delays the harvest in Punjab\n\n"
    "Wheat farmers across the state said late rain had pushed the harvest back by two weeks,"
    " and mandi arrivals fell by a third.\n\n"
    "2. Hamada Cables picks Chennai for its first plant abroad\n\n"
    "Japan's Hamada Cables signed an agreement with the Tamil Nadu government on Tuesday to"
    " build a fibre-optic cable plant near Chennai, investing 20 billion yen.\n\n"
    "3. Seoul's chip exports climb again\n\n"
    "South Korea's semiconductor exports rose 11% in March from a year earlier, customs data"
    " showed, led by memory chips for data centres.\n"
)


def test_a_digest_is_read_by_its_first_story() -> None:
    assert not kept("Rain delays the harvest; a Japanese cable plant; Seoul's chips", DIGEST)


def test_a_digest_that_leads_with_a_dealing_stays_kept() -> None:
    pieces = DIGEST.split("\n\n")
    swapped = "\n\n".join(
        ["1." + pieces[2][2:], pieces[3], "2." + pieces[0][2:], pieces[1], *pieces[4:]]
    )
    assert swapped.startswith("1. Hamada Cables picks Chennai")
    assert kept("Hamada Cables picks Chennai for its first plant abroad", swapped)


def test_numbered_sections_of_one_subject_are_no_digest() -> None:
    text = (
        "Hamada Cables Co., Ltd. (the Company) announces that its Board of Directors has"
        " resolved to build a plant in India with Kaveri Fibre Limited.\n\n"
        "1. Purpose of the new plant\n\n"
        "The Company expects demand for fibre-optic cable in India to double, and Kaveri"
        " Fibre Limited will supply the glass preforms.\n\n"
        "2. Outline of the plant to be built\n\n"
        "The plant of Hamada Cables and Kaveri Fibre Limited near Chennai will start"
        " production in 2028 with 300 employees.\n\n"
        "3. Impact on the Company's results\n\n"
        "The impact on the Company's consolidated results for this fiscal year is minor.\n"
    )
    assert first_story(text) == text


def test_a_contents_list_is_no_story() -> None:
    text = (
        "2. Port fees rise in Kandla\n\n"
        "3. New members\n\n"
        "The council cut the rate on industrial chillers from 28% to 18%, and members"
        " should revise their price lists before the change.\n\n"
        "2. PORT FEES RISE IN KANDLA\n\n"
        "The port authority raised berth hire charges by 6% from 1 August for all vessels"
        " calling at the cargo jetty.\n\n"
        "3. NEW MEMBERS\n\n"
        "We welcome two members this week: Hamada Cables India, Chennai, and Ranade Tools,"
        " Pune, a maker of cutting tools.\n"
    )
    read = first_story(text)
    assert "industrial chillers" in read
    assert "berth hire" not in read and "Hamada" not in read
    assert len(read) == len(text)
