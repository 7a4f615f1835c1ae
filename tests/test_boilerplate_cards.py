"""Who stands behind a text and how it reached the reader: signatories' blocks, blogging
platforms' profile cards, feed-to-mail wrappers, tip lines, a debate page's side labels.
The examples are written for these tests."""

from __future__ import annotations

import pytest
from boilerplate_support import judge, learned, removed

FURNITURE = [
    "(Ravindra K. Iyer)",
    "(Director, Plant Health Division)",
    "Joint Secretary to the Government of Kerala",
    "Written by Tanvi Kulkarni",
    "2.1K followers · Teacher in Kobe. Writes about schools on both sides.",
    "Mailbird · new item in Port and Shipping Watch",
    "[Read more at harbourwatch.example]",
    "Read the full story on example.org",
    "Got a tip from your street? Email us at desk@valleytimes.example.",
    "Managing Director, Kaveri Pumps Limited",
    "(Reference) Seeds Act, Article 4 (labelling of imported seed)",
    "Data used in this chart: Monthly rainfall, Kerala and Okinawa",
    "For enquiries: Visitor Desk 044-2811-0000 (10:00–18:00)",
    "Closed on Tuesdays. Hours 10:00–18:00 (Saturdays until 21:00).",
    "Organised by the Harbour Gallery and the Kobe Print Society",
    "With the kind support of the Consulate-General of India, Osaka",
    "Birthdays: Rtn. A. Menon (2 June), Rtn. L. Das (5 June)",
    "This week: Regular meeting, Thursday 7:30 pm, Hotel Riverside",
    "Stand: B2-14 | Hall: West 1 (Craft Street)",
    "Book a visit | Save to my list",
    "NIB Pune | SK/VR",
]

LABELLED_CREDITS = [
    "Organiser: Harbour Craft Fair Committee, c/o Seaside Events Co., Ltd.",
    "Supported by:",
    "Restoration supported by: Nara Heritage Trust",
    "Organizer: The Evening Courier | Sponsors: Lantern Bank, Ridge Motors",
    "Sponsor: Made possible by listeners of the Ports Programme",
]
"""An event's credits as labelled rows, or the label alone over the supporters' logos."""

ARTICLE = [
    "(Rs in crore)",
    "(Laughter)",
    "(See the table below for the revised rates.)",
    "The Joint Secretary to the Government of Kerala chaired the meeting on Monday.",
    "Written by hand in 1921, the letter was found in a trunk in Kobe.",
    "The post gained 2,000 followers in a week after the minister shared it.",
    "Have a story of your own? Many readers wrote in after last week's column.",
    "Read more about the new port at the exhibition in Hall 3",
    "(Reference) What the two cities did together before",
    "organised by the state's export agency with the chamber of commerce and the port trust",
    "The fair was organised by the Harbour Gallery and the Kobe Print Society.",
    "Long Term Rating | AA-/Stable (Reaffirmed)",
    "This week: the minister visits Kobe and the port of Osaka",
    "The festival was supported by: a grant, volunteers and three schools!",
    "Partners: Lantern Bank (60%), Ridge Motors (40%)",
]


@pytest.mark.parametrize("line", FURNITURE)
def test_a_signatory_profile_card_or_mailer_line_goes(line: str) -> None:
    assert judge(line) is not None


@pytest.mark.parametrize("line", LABELLED_CREDITS)
def test_an_event_s_labelled_credits_go(line: str) -> None:
    assert judge(line) == "event credits"


@pytest.mark.parametrize("line", ARTICLE)
def test_article_lines_of_the_same_words_stay(line: str) -> None:
    assert judge(line) is None


POST = """How I learned to read train timetables in Nagoya

Tanvi Kulkarni

Follow

The first month I missed three trains because the timetable read from right to left.

Now I teach the trick to every new colleague who arrives from Pune."""


def test_a_follow_button_under_the_writer_s_name_goes() -> None:
    assert removed(POST) == ["Follow"]


def test_a_follow_heading_over_links_stays() -> None:
    text = "Listen on your app.\n\nFollow\n\nThe podcast is on every platform you use."
    assert removed(text) == []


DEBATE = """Should schools teach Japanese from class six?

YES

Meera Pillai

Language teacher, Kochi

Children pick up a script fastest before they are twelve, and jobs wait for them.

NO

Arun Bose

Parent, Kolkata

The timetable is full already, and teachers of Japanese are hard to find."""


def test_a_debate_page_s_side_labels_over_their_writers_go() -> None:
    assert removed(DEBATE) == ["YES", "NO"]


def test_a_yes_that_answers_stays() -> None:
    text = "Will the line open in 2028?\n\nYES\n\nThe minister said so twice on Monday."
    assert removed(text) == []


LETTER = """The revised rates apply to every bill of entry filed from the first of June.

Yours faithfully,

(Ravi Shankar Menon)

Additional Secretary to the Government of India

Page maintained by the Board. Last reviewed on the date shown. Help | Feedback"""


def test_a_sign_off_takes_its_signatory_above_the_portal_s_shared_closing_sentence() -> None:
    closing = "Page maintained by the Board. Last reviewed on the date shown. Help | Feedback"
    assert removed(LETTER, learned(closing)) == LETTER.split("\n\n")[1:]


CITY_PAGE = """The new walkway round the tank will open in June, the corporation said on Friday.

Residents asked for lights along the whole path, and the engineer promised them.

Got a story from your street? WhatsApp us on 90000 11111.

› Metro: the second line's trial run moves to July after the monsoon delays
› Markets: flower prices double before the temple festival
› Weekend: 12 places to eat mangoes in every form"""


def test_a_changing_list_marked_with_chevrons_goes_under_a_shared_tip_line() -> None:
    stats = learned("Got a story from your street? WhatsApp us on 90000 11111.", documents=2)
    assert removed(CITY_PAGE, stats) == [line for line in CITY_PAGE.split("\n") if line][2:]


SAVED = """The two ministers agreed to meet again in Delhi before the end of the year.

Officials said the talks would cover rare earths and the training of chip engineers.

Heard in full · Saved to archive

Notes: ask Priya about the chip training numbers"""


def test_a_reader_s_own_note_under_an_app_s_repeated_status_line_goes() -> None:
    stats = learned("Heard in full · Saved to archive")
    assert removed(SAVED, stats) == ["Heard in full · Saved to archive", SAVED.split("\n")[-1]]


CAPTIONS = """9
00:00:31.000 --> 00:00:34.000
Two nurses a year will train

10
00:00:34.000 --> 00:00:36.500
in the city's hospitals."""


def test_a_caption_file_s_last_cue_under_a_repeated_timing_line_stays() -> None:
    stats = learned("00:00:34.000 --> 00:00:36.500")
    assert "in the city's hospitals." not in removed(CAPTIONS, stats)


TRANSLATION = """The company will open its first office in Pune in June.

Translator's notes
• 営業所 — "sales office", the company's own word for the branch.
• 代理店 — "agent", as the partner does not buy the goods."""


def test_a_translator_s_notes_take_their_entries() -> None:
    assert removed(TRANSLATION) == TRANSLATION.split("\n")[2:]


WEB_STORY = """The two leaders will meet in Tokyo in the autumn, officials said on Friday.

More web stories
• Monsoon: 8 things to pack
• Cricket: the week's best catches"""


def test_more_web_stories_take_their_list() -> None:
    assert removed(WEB_STORY) == WEB_STORY.split("\n")[2:]


EXPLAINER = """The rule lets a maker count parts from either country as its own.

Explainers: more
How the new port fund works
What is a rule of origin?"""


def test_a_section_s_more_heading_takes_its_list() -> None:
    assert removed(EXPLAINER) == EXPLAINER.split("\n")[2:]


@pytest.mark.parametrize(
    "line",
    [
        "Funded by the Ministry of Earth Sciences, Government of India, and the Japan Agency"
        " for Marine-Earth Science and Technology under the joint monsoon programme.",
        "Co-funded by the Tamil Nadu Fisheries Department (TNFD) and JICA.",
        "This project has received funding from the Asia Research Fund under grant No 22-041.",
        "Acknowledgements: Kerala State Disaster Management Authority; Tohoku University.",
    ],
)
def test_a_research_projects_funders_go(line: str) -> None:
    assert judge(line) == "funding credit"


@pytest.mark.parametrize(
    "line",
    [
        "Funded by JICA, the Chennai metro's second phase will add 118 km of lines.",
        "Funded by JICA under its yen loan, the bridge opened to traffic in March.",
        "Financed by a yen loan, the plant began production in 2025.",
    ],
)
def test_a_sentence_that_names_a_funder_stays(line: str) -> None:
    assert judge(line) is None


@pytest.mark.parametrize(
    "line",
    [
        'Excerpted with permission from "Monsoon Kitchens", Leela Nair, Coral Books, Rs 599.',
        "Reprinted from “The Harbour Years” (Seaview Books, 2025).",
    ],
)
def test_a_reprints_credit_goes(line: str) -> None:
    assert judge(line) == "reprint credit"


def test_a_sentence_about_an_adaptation_stays() -> None:
    line = 'Adapted from "Kyoto Notes", the film follows two cooks from Kochi in Japan.'
    assert judge(line) is None
