"""A side's term that names a manner or a model of a thing ("Japan-style forests", "laid
out in the style of a Japanese garden") names no party: the thing is done by others in
that manner. Each shape has an ordinary story that must stay out and a bilateral one that
must come in, written for these tests."""

from __future__ import annotations

from relevance_support import judged, kept

from aggregator.toolkit.side_actors import (
    FOLLOWED_AFTER,
    FOLLOWED_BEFORE,
    MANNER_AFTER,
    MANNER_BEFORE,
)


def reasons(title: str, text: str) -> str:
    relevance = judged(title, text).relevance
    assert relevance is not None
    return "\n".join(relevance.reasons)


def test_manner_words_after_and_before_a_term() -> None:
    assert MANNER_AFTER.match("Japan-style forests", 5)
    assert MANNER_AFTER.match("Indian-inspired menus", 6)
    assert MANNER_AFTER.match("a meal in Japanese style", 18)
    assert not MANNER_AFTER.match("Japan inspired the line", 5)
    assert not MANNER_AFTER.match("Japan-India talks", 5)
    assert MANNER_BEFORE.search("laid out in the style of ")
    assert not MANNER_BEFORE.search("built with the help of ")


def test_a_city_planting_japan_style_groves_stays_out() -> None:
    title = "Nagpur to plant 25 Japan-style pocket forests this winter"
    text = (
        "The Nagpur Municipal Corporation will plant 25 pocket forests on empty plots in"
        " three wards this winter, using the dense planting method first tried by a"
        " Japanese ecologist.\n\n"
        "Each plot will hold about 3,000 saplings of local trees, the corporation's garden"
        " officer said, and schools nearby will water them.\n\n"
        '"A Japan-style grove needs water for three summers," said a forestry lecturer at'
        " a college in the city.\n\n"
        "The first plots are beside the Ambazari lake and behind the old water works, and"
        " the corporation has set aside ₹1.8 crore for fencing and drip lines.\n\n"
        "Residents' associations in the three wards have been asked to name volunteers."
    )
    assert "Japan-style" not in reasons(title, text).split("Japan side:")[1].split("\n")[0]
    assert not kept(title, text)


def test_a_garden_in_the_style_of_a_japanese_one_stays_out() -> None:
    title = "Indore garden laid out in the style of Kyoto's temples reopens"
    text = (
        "The lake garden at Indore's Rajwada, laid out in the style of Kyoto's temple"
        " gardens, will reopen on Sunday after the municipal corporation's repairs to its"
        " paths and ponds.\n\n"
        "The civic body said tickets would rise from ₹10 to ₹20 and the garden would close"
        " on Mondays."
    )
    assert not kept(title, text)


def test_a_loan_for_japan_style_barriers_is_still_a_dealing() -> None:
    title = "Japan to fund Japan-style flood barriers along the Mithi river"
    text = (
        "Japan and India signed a loan agreement on Friday under which JICA will lend"
        " ₹3,000 crore to Maharashtra for flood barriers along the Mithi river in"
        " Mumbai.\n\n"
        "The barriers follow the design of Japan-style river walls in Osaka, and Japanese"
        " engineers will train the state's staff to run them, the two governments said."
    )
    assert kept(title, text)


def test_a_followed_standard_around_a_term() -> None:
    assert FOLLOWED_BEFORE.search("the school follows the ")
    assert FOLLOWED_BEFORE.search("the state adopted an ")
    assert FOLLOWED_AFTER.match("Japanese curriculum", 8)
    assert FOLLOWED_AFTER.match("Indian model of", 6)
    assert not FOLLOWED_AFTER.match("Japanese delegation", 8)


def test_a_school_following_the_japanese_curriculum_stays_out() -> None:
    title = "Sports day at the Japanese school draws a crowd in Whitefield"
    text = (
        "More than 150 children ran relays and played tug of war at the Japanese school in"
        " Whitefield on Saturday, cheered on by their parents.\n\n"
        "Mothers of the pupils cooked rice balls and curry for the whole school, and the"
        " winners were given notebooks and pencils.\n\n"
        "The school, the only one in Karnataka that follows the Japanese curriculum, has"
        " about 120 pupils, most of them children of engineers posted at factories near"
        " Bengaluru.\n\n"
        "Neighbours who came to watch were offered green tea."
    )
    assert "act together" not in reasons(title, text)
    assert not kept(title, text)


def test_a_state_adopting_japans_model_with_jica_still_deals() -> None:
    title = "Odisha adopts the Japanese model of cyclone shelters with JICA's help"
    text = (
        "Odisha signed an agreement with the Japan International Cooperation Agency on"
        " Monday to build 40 cyclone shelters on the Japanese model along its coast.\n\n"
        "JICA will lend ₹900 crore for the shelters, and Japanese engineers will train the"
        " state's disaster staff in Bhubaneswar, officials of both sides said."
    )
    assert kept(title, text)


def test_an_approach_is_a_method_only_after_the() -> None:
    assert FOLLOWED_BEFORE.search("the state adopted the ")
    assert not MANNER_AFTER.match("an Indian approach to Japan", 9)
    title = "Japan lends for Chennai metro's second phase"
    text = (
        "Japan will lend ₹8,000 crore for the second phase of the Chennai metro, JICA said"
        " on Monday.\n\n"
        "The loan follows an Indian approach to Japan last year for funding the line, and"
        " the two governments will sign the notes next month."
    )
    assert "Indian ×1" in reasons(title, text)


def test_adopting_the_japanese_approach_names_no_party() -> None:
    title = "Kerala to change flood drills in schools"
    text = (
        "Kerala's disaster authority said on Monday it had adopted the Japanese approach to"
        " flood drills in schools.\n\n"
        "Teachers in all districts will be trained by March."
    )
    assert "Japan side: none" in reasons(title, text)
