"""A source's furniture taken for two reports' own evidence: a banner or a programme's name
given to each report as its headline is not a headline the two share, and the names every
report of one source holds are no sign that one report holds the other's."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from story_support import placed

from aggregator.plugins.cluster_stories import Index, Settings, similarity

DAY = datetime(2026, 5, 4, 8, tzinfo=UTC)
BANNER = "Links posted by the feed bot from our partner sites, please discuss elsewhere"
BUSES = (
    "Pune Mahanagar Parivahan opened its Hadapsar depot on Monday with sixty electric buses"
    " built by Tsubame Motors of Nagoya, the first Japanese buses in the city's fleet. The"
    " depot charges forty buses at once and the transport body of Pune plans three more."
    " Ambassador Keiichi Ono of the Embassy of Japan in New Delhi cut the ribbon."
)
CHOIR = (
    "A choir of forty pupils from Sakuragaoka High School in Kobe sang at the Music Academy"
    " in Chennai on Wednesday, ending a week of concerts in Tamil Nadu. The pupils learned"
    " two Carnatic songs from teachers of the Kalakshetra Foundation before the trip."
    " Ambassador Keiichi Ono of the Embassy of Japan in New Delhi was in the audience."
)


def test_one_banner_as_two_headlines_is_no_shared_headline() -> None:
    """Two reports of different events that a channel's export gives one banner line as
    headline share no headline: without their texts or names in common they stay apart."""
    buses = placed(BANNER, BUSES, "buses", DAY)[0]
    choir = placed(BANNER, CHOIR, "choir", DAY + timedelta(days=2))[0]
    score, reason = similarity(choir, buses)
    assert score < Settings().match_threshold, reason
    assert "headline 0.00" in reason, reason


def test_one_headline_over_repeated_copy_still_counts() -> None:
    """A report told again under its headline, its first sentence repeated and the rest
    new, keeps the headline as evidence: only a headline over texts that share under a
    fifth of their shingles is taken for furniture."""
    headline = "Electric buses from Nagoya join the Pune fleet"
    first = placed(headline, BUSES, "first", DAY)[0]
    retold = (
        "Pune Mahanagar Parivahan opened its Hadapsar depot on Monday with sixty electric buses"
        " built by Tsubame Motors of Nagoya. A second batch of forty is due in August, a director"
        " of the maker told reporters at the depot, and drivers are being trained in Japan this"
        " month; fares stay as they are on the routes the new buses take over from diesel ones."
    )
    update = placed(headline, retold, "update", DAY + timedelta(hours=6))[0]
    score, reason = similarity(update, first)
    assert "headline 1.00" in reason, reason
    assert score >= Settings().match_threshold


BUDGET = (
    "At the Yamabe Prefectural Assembly on Tuesday, member Haruto Kinoshita asked Governor"
    " Sayaka Morimoto how the tourism budget would draw visitors from Kerala. Chief Secretary"
    " Ren Aoyama said a desk at Kansai Gateway Airport would open in June."
)
CHIPS = (
    "At the Yamabe Prefectural Assembly on Monday, member Haruto Kinoshita and member Aiko"
    " Fujimura questioned Governor Sayaka Morimoto on the subsidy for the Hoshizora"
    " Semiconductor plant at Minami Tsuruga. Chief Secretary Ren Aoyama said the grant of 12"
    " billion yen was approved in March with the Ministry of Economy, Trade and Industry, and"
    " that engineers trained at Amrita University in Kerala and at Mysuru Polytechnic in"
    " Karnataka would join the plant's staff next year. Kansai Gateway Airport and Sakai Port"
    " would handle its exports of wafers to Taiwan and Malaysia. Member Daichi Orihara of the"
    " Progressive Citizens group opposed the grant, citing the Biwa River water supply."
    " Deputy Governor Kenta Ishiguro listed the Nagisa Industrial Park and the Asahigawa"
    " Logistics Centre as the next sites. The session resumes on Thursday."
)


def test_one_sources_names_held_by_its_other_report_are_no_evidence() -> None:
    """A council's record names its members, governor and officials in every report: that a
    brief question's names are all in the record of another day's debate is no evidence
    the two tell one event when one source gives both and names no outlet. From two
    sources the same names still count."""
    record = "assembly-record"
    chips = placed("Subsidy for chip plant", CHIPS, "chips", DAY, source=record)[0]
    later = DAY + timedelta(days=1)
    budget = placed("Tourism budget questioned", BUDGET, "budget", later, source=record)[0]
    score, reason = similarity(budget, chips, Index())
    assert score < Settings().match_threshold, reason
    assert "from one source" in reason, reason
    elsewhere = placed("Tourism budget questioned", BUDGET, "budget", later, source="tv-news")[0]
    assert similarity(elsewhere, chips, Index())[0] >= Settings().match_threshold


SAKURA = (
    "Sakura Leasing India Private Limited: Rating upgraded to 'Meridian AA/Stable'",
    "Meridian Ratings has upgraded the long-term rating of Sakura Leasing India Private"
    " Limited to Meridian AA with a Stable outlook, after its parent Sakura Leasing of Osaka"
    " put in fresh equity. Key Rating Drivers: parent support, asset quality. Analysts:"
    " Rohan Mehta, Director; Kavya Iyer, Associate Director. Media: Anil Desai, Mumbai.",
)
KAVERI = (
    "Kaveri Castings Private Limited: Ratings reaffirmed at 'Meridian A/Stable'",
    "Kaveri Castings of Coimbatore keeps its Meridian A grade, Stable, as orders from Toyota"
    " Kirloskar Motor and Aisin hold up while its working capital stays stretched, the"
    " agency's Rohan Mehta (Director) and Kavya Iyer (Associate Director) wrote. Queries go"
    " to Anil Desai in Mumbai. Meridian Ratings last rated the company a year ago.",
)


def test_one_outlets_templated_headlines_are_not_wording_in_common() -> None:
    """A rating agency writes every rationale's headline to one template: two rationales of
    different companies share part of their headlines' words and the agency's names, and
    stay apart; its rationale told again under most of its headline still counts."""
    first = placed(*SAKURA, "sakura", DAY, outlet="Meridian Ratings")[0]
    later = DAY + timedelta(days=3)
    other = placed(*KAVERI, "kaveri", later, outlet="Meridian Ratings")[0]
    score, reason = similarity(other, first)
    assert reason.startswith("one outlet's reports"), reason
    assert score == 0.0
    retold = placed(SAKURA[0] + " on parent support", KAVERI[1], "again", later, "Meridian Ratings")
    assert not similarity(retold[0], first)[1].startswith("one outlet's reports")


HONOURS_CHILE = (
    "2026 Fisheries Ministry Awards: recipients in Chile",
    "The Fisheries Ministry of Norway has named its 2026 award recipients. Marisol Quintana,"
    " harbour master of Valparaiso, is honoured for the Bergen ferry link, and Tomas Riquelme"
    " of the Universidad de Talca for salmon research with Norwegian institutes. The awards"
    " will be presented by the Ambassador of Norway in Santiago.",
)
HONOURS_PERU = (
    "2026 Fisheries Ministry Awards: recipients in Peru and Ecuador",
    "Lucia Paredes of the Callao fishermen's cooperative is honoured for training in"
    " Norwegian net making, and Andres Villacis of Guayaquil for the anchovy survey with"
    " the Institute of Marine Research."
    " Recipients in Chile are announced separately by the Ambassador of Norway.",
)


def test_one_outlets_template_over_other_names_is_not_wording_in_common() -> None:
    """A ministry's two lists under one headline template, the place the only words apart:
    half their headlines' words are the template's, and the names tell them apart. Its
    update that rewords a headline is not held to this."""
    chile = placed(*HONOURS_CHILE, "chile", DAY, outlet="Norwegian Fisheries Ministry")[0]
    peru = placed(*HONOURS_PERU, "peru", DAY, outlet="Norwegian Fisheries Ministry")[0]
    score, reason = similarity(peru, chile)
    assert score == 0.0, reason
    assert reason.startswith("one outlet's headline template over other names"), reason
    update = placed(
        "2026 Fisheries Ministry Awards: recipients in Chile presented in Santiago",
        HONOURS_CHILE[1],
        "update",
        DAY + timedelta(days=1),
        outlet="Norwegian Fisheries Ministry",
    )[0]
    assert not similarity(update, chile)[1].startswith("one outlet's"), similarity(update, chile)
