"""Publisher furniture told by shape and convention: press releases, bulletins, e-mails,
newsletters, PDF text, wires. The examples are written for these tests."""

from __future__ import annotations

import pytest
from boilerplate_support import cleaned, judge

FURNITURE = [
    "Home | Markets | Opinion | Sport | Video",
    "Start › Regions › Asia › South Asia",
    "Front Page · Nation · World · Lifestyle",
    "Home News Politics Business Culture Events",
    "+44 20 7946 0000 | newsdesk@harbourpost.example",
    "Tel: 011-2345 6789 (ext. 410)",
    "Harbour House, 12 Quay Road, Kochi 682001",
    "=========================",
    "* * *",
    "> Could you send me the agenda before noon?",
    "Page 4 of 9",
    "Page 12",
    "Lakeside Institute | Working Paper 7 | Page 3",
    "FOR IMMEDIATE RELEASE",
    "(Release No.: 4471902)",
    "Visitor Counter : 9,310",
    "Read this release in: Bengali | Kannada | Odia",
    "From: Events Desk <events@hallmark.example>",
    "Cc: Ravi Menon <ravi@hallmark.example>",
    "Dear Colleagues,",
    "This message and any attachments are confidential and intended only for the recipient.",
    "You are receiving this email because you joined our mailing list.",
    "View this email in your browser",
    "Forward to a colleague",
    "(Reporting by Lena Fox; Editing by Omar Haddad)",
    "Distribution: regional desks, markets",
    "NEWSDESK JK/PL 1810",
    "Video duration: 03:12",
    "Summaries are generated automatically and may contain mistakes.",
    "(The author teaches economics at a university in Pune. Views are personal.)",
    "Brand names used here are registered trademarks of their respective owners.",
    "Nifty 24,120.35 ▲ 0.52% Sensex 79,400.10 ▲ 0.48% Gold 71,200 ▼ 0.10%",
    "Back to Regional Affairs",
    "DSK ab/cd 0915 GMT",
    "[14:02:33]",
    "08:41",
    "[SOT: HARBOUR MASTER, THROUGH INTERPRETER]",
    "(VO — FERRIES AT THE NEW LANDING)",
    "[END ITEM 4]",
    "87 upvotes · 5 comments · Share",
    "Slide 3 of 12",
    "💬 12   🔁 30   ❤️ 415",
    "Daily digest · 6 new results",
    "Topics: #Ferries #Rivers #Transport",
    "This conversation has been edited for length and clarity.",
    "This is a rush transcript and may contain errors.",
    "*This is a provisional translation. The original text prevails.",
    "This story appeared in the print edition of 4 May 2026.",
    "This note may be reproduced freely.",
    "STRICTLY CONFIDENTIAL",
    "RF/OPS/2026/03 — RESTRICTED",
    "(ends)",
    "--- END OF SEGMENT ---",
    'Recommended citation: Lind, T. (2026), "Rivers of the Plain", Brief No. 4.',
    'Translator\'s note: the original calls the boats "long canoes".',
    "Next gallery ➜ Ferries at dusk",
    "<< Back to Events",
    "MORE INTERVIEWS ▸",
    "More episodes: Ep 12 - Rivers | Ep 11 - Boats",
    "Also in City: Library hours extended | Bus fares rise",
    "ACCESS RANKING 1. Ferries at dusk 2. Bus fares rise",
    "Endnotes",
    "[2] Rivers Department, annual report, 2025.",
    "Thanks for reading Delta Notes! Subscribe for free to receive new posts.",
    "Originally published in the Delta Courier, 3 March 2026.",
    "Content on this website is published and managed by the Rivers Department.",
    "Registration form (PDF, 210 KB)",
    "![Ferry at dusk](/img/ferry.jpg)",
    "{{< subscribe-box >}}",
    "==",
    "▶ Related: Ferries at dusk / Bus fares rise",
    "Related Information",
    "Subscribe | Already a subscriber? Log in",
    "Disclosures: The analysts own no shares in the companies named in this note.",
    "Live TV is available on the DeltaTV app. Download now.",
    "Source: Company data, River Securities estimates.",
    "River Ferries Ltd, Quay Road, Port Mara | CIN: L12345AB2001PLC123456",
    "Issued by Commissioner, Rivers and Ports Department, Government of Lowland.",
    "Thanking you,",
    "From the print edition",
    "Edited excerpts:",
    "Listen to this article 🔊 00:00 / 03:10",
    "GFX: FERRY LANDINGS / TWO NEW PONTOONS",
    "Last Updated: 22 Jan 2026",
    "Page last modified: 03-02-2026",
    'Produced by Delta Audio. Music: "Low Tide" by Tova Lind.',
    "Contd on P4",
    "(Continued from page 2)",
    "See more results | Edit this alert",
    "Was this alert useful? Yes · No",
    "You have received this email because you subscribed to River Alerts.",
    "Promoted by FerryPay · Send money home with zero fees",
    "4 THE DELTA COURIER PORT MARA, WEDNESDAY, FEBRUARY 11, 2026",
    "Mark as read | Keep unread | Star | Send to...",
    "Mark as read ☆ Star ✉ Email ↗ Open original ⋯",
    "From the magazine: Cover story | Letters | Last word",
    "*Comments are closed. Write to me at the address on the About page.*",
    "*Delta Notes is written by Tova Lind. Opinions are my own.*",
    "Document ref: OPS/BN/2026/04 | Version 1.0",
    "Read the original in Lowlandic | More translations",
    "Most viewed galleries",
    "Ferries wait at the new landing in Kollam on Monday.ANIL MENON/THE HARBOUR POST",
    "The landing before its renovation.HANDOUT",
    "[Image 2] The pilot at the helm of the first ferry",
    "[Screenshot of the forwarded message, with its link blurred]",
    "[PDF: 310 KB] Annual report of the Ferry Board (English)",
    "Hits: 2,315",
    "Compiled by the Singapore markets desk",
    "Back issues: May 2026 | April 2026 | March 2026",
    "Privacy Notice: Newsletters may carry content funded by outside parties. See our policy.",
    "after newsletter promotion",
    "Together with Harbour Bonds — fixed income from ferry fares",
    "In partnership with Harbour Bonds",
    "Translated from Hindi by the agency desk. Check names against the original before use.",
    "Translation by Mari Sato",
    "Transcript",
    "Show less",
    "+ Follow Harbour Ferries Pvt Ltd",
    "SOURCE Harbour Ferries Co., Ltd.",
    "Related tickers: 9101.T · HARB.NS",
    "Next: Weather",
    "RPA/sa/mk",
    "HFP photo: A ferry at the new landing on Monday.",
    "* The views expressed are the author's own and not those of the Ferry Institute.",
    "* Information in news releases is current as of the date of publication.",
    "Captions translated from Lowlandic and checked by our staff. © River Television Co., Ltd.",
    "Source: Harbour Times, Ferry Board circular",
    "Related SDGs: 9 Industry, Innovation and Infrastructure",
    "Harbour Ferries Ltd | NSE: HARBOUR | BSE: 543912",
    "(Photo) Ferries at the new landing on the 9th = River Shimpo",
    "Editor: PW/KS",
    "Sponsored: 2 BHK by the river from ₹89 L* — Enquire now",
    "Safe harbour: Statements in this release may be forward-looking. Results may differ.",
    "About Harbour Ferries: Harbour Ferries Limited runs 40 boats on the river and employs 900.",
    "Notification No. FB/JP/2026/16 dated 06.08.2026",
    "Views expressed by guest writers do not necessarily reflect those of the Ferry Board.",
    "Fujifilm X-T5 · 18-55mm",
    "Sony A7 IV · f/2.8 · 1/250 s · ISO 400",
    ":ship: 4  :+1: 12",
    ":eyes: 1",
    "4.2 ★ | 3,410 ratings",
    "4.6 (812) | 12,300 already enrolled",
    "Survey period: 3 March - 21 March 2026",
    "Method: Online panel, 2,000 adults",
    "Valid responses: 1,644",
    "Respondents: 310 ferry operators (response rate 52%)",
    "3. *Bridge tolls to rise in May* - Metro Desk, 8:15 AM",
    "[B-ROLL: pilots at the new landing]",
    "[GRAPHIC: Ferry trips per year, 2015-2026]",
    "* The timetable is subject to change.",
    "Prices are subject to change without notice.",
    "Offered by Port Mara University, Kochi",
    "Enroll for free | Starts Jun 15",
    "Prepared by: Project Management Consultant (Ferries)",
    "Brand: Harbourline",
    "Country of Origin: Lowland",
    "Kindly treat this as RESTRICTED.",
    "Please treat this message as confidential",
    "GRI 303-1, 303-3, 413-1",
]

ARTICLE = [
    "Ministers from both countries met in Osaka on Monday to review the rail loan.",
    "Contacts between the two navies have grown since 2020, officials said.",
    "About 4,000 engineers will be trained over five years.",
    "Dear readers may remember the 2019 summit in Osaka.",
    "The firm's shares rose 4.2% to 1,240 yen, while the index gained 0.8%.",
    "Sponsored by the trade ministry, the fair runs until Sunday.",
    "Tokyo | June 18, 2025 | 09:20 JST",
    "Written by Asha Rao | Edited by Kenji Mori",
    "Call 1800-000-111 for bookings, the railway said.",
    "1. Overview",
    "2) Main findings",
    "12 killed",
    "(a) the number of ferries in service;",
    "(Applause)",
    "Sl. No. | Landing | Year | Cost (million)",
    "The report was kept confidential until the vote on Friday.",
    "#1 in the league",
    "More details: the landing opens at six every morning.",
    "Next, the boats will be painted before the rains.",
    "More than 400 people attended the opening of the landing.",
    "Originally, the plan was to build a bridge.",
    "[Name withheld at the pilot's request]",
    "Source: the ministry said the figures were provisional.",
    "Issued by the ministry on Monday, the notice asks boats to slow down.",
    "Updated figures will follow in May, the authority said.",
    "ANCHOR: Good evening, and welcome to the programme.",
    "09:00 hrs — Unfurling of the flag by the Ambassador",
    "Presented with the award, the pilot thanked her crew.",
    "WEDNESDAY, FEBRUARY 11, 2026",
    "From the outset, the pilots wanted a second landing.",
    "The pilots said their opinions are their own, not the union's.",
    "The pilots trained for a year in the U.S.",
    "Ferry traffic grew 4% in FY2025.ASEAN ports reported similar figures",
    "[Name withheld] said the photo was taken in May.",
    "Compiled by the ministry, the list names 40 landings.",
    "Hits and misses of the ferry plan were discussed on Monday.",
    "Past issues of the ferry journal were digitised in 2024.",
    "Privacy notice: the board published new rules on passenger data.",
    "Together with the port trust the board will build two landings.",
    "Together with its partners, the board will invest in new boats.",
    "Translated by volunteers, the ferry guide reached 4,000 readers.",
    "Next: the boats will be painted before the rains.",
    "In pictures: the new landing on its first day",
    "The photo: a ferry at dawn, taken by a pilot",
    "Source code of the booking app was released on Monday.",
    "* Ferries run every hour.",
    "Source: officials said the landings would open in May",
    "The fare rose to © 300 after the change.",
    "About the plan: it covers 40 landings and two bridges over the river.",
    "Order No. 5 was issued to all ferries on Monday after the storm.",
    "Views expressed at the ferry summit differed sharply.",
    "Rainfall · 120mm",
    "The pilot took the photo with a Canon EOS R6 and a 24-105mm lens.",
    "Kick-off: 19:30 IST",
    "4.2 ★ hotels in the port rose to 1,200 last year, the board said.",
    "Respondents: 62% said they would use the ferry daily",
    "Method: the board counted every passenger by hand.",
    "3. Bridge tolls to rise in May - Metro Desk, 8:15 AM",
    "[Editor's note: this story was updated on Monday.]",
    "The timetable is subject to change, the railway said.",
    "Fares are subject to change from April, when the new tariff takes effect.",
    "Prepared by the finance ministry, the report runs to 400 pages.",
    "Offered by the state at half price, the land drew 40 bids.",
    "Enrolment rose by 12% this year.",
    "Brand value of the ferry line rose 20% in 2025.",
    "Officials were asked to treat the report as confidential.",
    "GRI standards were adopted by the port trust in 2024.",
]


@pytest.mark.parametrize("line", FURNITURE)
def test_publisher_furniture_is_removed(line: str) -> None:
    assert judge(line) is not None


@pytest.mark.parametrize("line", ARTICLE)
def test_article_lines_stay(line: str) -> None:
    assert judge(line) is None


LEAD = "The two ministries signed the agreement in New Delhi on Tuesday, officials said."


def test_a_digest_s_entry_over_its_blurb_stays_and_the_entries_pointing_elsewhere_go() -> None:
    lead = "1. *Ferry board orders ten boats from Kochi* - River Desk, 7:40 AM"
    blurb = (
        "The board will pay about Rs 300 crore for ten electric ferries to be delivered by 2028."
    )
    others = ["2. *Bridge tolls to rise in May* - Metro Desk, 8:15 AM", ":ship: 4  :+1: 12"]
    text = cleaned("\n\n".join([lead, blurb, *others]))
    assert text == f"{lead}\n\n{blurb}"


@pytest.mark.parametrize("heading", ["Up Next", "Watch next", "Other news from Kansai"])
def test_a_video_page_s_next_list_goes_with_its_entries(heading: str) -> None:
    text = "\n".join([LEAD, heading, "Ferry fares to rise in May 01:30", "Port strike ends 02:02"])
    assert cleaned(text) == LEAD


def test_about_the_company_goes_to_the_end_prose_and_all() -> None:
    text = "\n\n".join(
        [
            LEAD,
            "About Lotus Cables Ltd",
            "Lotus Cables Ltd makes power and data cables and employs 3,100 people in India.",
            "Forward-looking statements",
            "This announcement contains statements about the future that involve risks.",
        ]
    )
    assert cleaned(text) == LEAD


def test_contact_block_after_the_article_goes_with_its_names() -> None:
    text = "\n\n".join(
        [LEAD, "Media contacts:", "Farah Siddiqui, Corporate Affairs", "Hallmark Cables", "###"]
    )
    assert cleaned(text) == LEAD


def test_a_contact_heading_followed_by_more_article_takes_only_itself() -> None:
    more = "The second phase of the project will begin next year in Gujarat, the company said."
    text = "\n\n".join([LEAD, "Inquiries", more])
    assert cleaned(text) == f"{LEAD}\n\n{more}"


def test_e_mail_sign_off_takes_the_signature_but_not_more_prose() -> None:
    signed = "\n\n".join([LEAD, "Kind regards,", "Anil Kumar", "Deputy Director", "Pune"])
    assert cleaned(signed) == LEAD
    body = "We will send the full schedule to every participant before the end of the week."
    not_a_signature = "\n\n".join([LEAD, "Thanks,", body])
    assert cleaned(not_a_signature) == f"{LEAD}\n\n{body}"


def test_bulletin_footer_after_a_divider_goes() -> None:
    text = "\n\n".join([LEAD, "***", "RK/SM", "(Release ID: 2200417)", "Visitor Counter : 88"])
    assert cleaned(text) == LEAD


def test_a_divider_between_sections_keeps_the_next_section() -> None:
    more = "In a separate meeting, the two sides discussed cooperation on clean energy and steel."
    text = "\n\n".join([LEAD, "* * *", more])
    assert cleaned(text) == f"{LEAD}\n\n{more}"


def test_about_heading_before_any_article_sentence_takes_only_itself() -> None:
    text = "\n\n".join(["About Lotus Cables Ltd", LEAD])
    assert cleaned(text) == LEAD


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("FOR STAFF ONLY — PLEASE DO NOT FORWARD", "notice"),
        ("From the print edition", "notice"),
        ("Edited excerpts —", "notice"),
        ("Listen to the story — narrated by the author", "notice"),
        ("The ‘ferry’ story first appeared in Harbour Weekly.", "notice"),
        ("Quarry workers were told the notices were not for them — only the crews.", None),
        ("Reporters from the print edition’s desk joined the crews at the quay.", None),
    ],
)
def test_standing_notices_in_lines_with_other_characters(line: str, rule: str | None) -> None:
    """A notice in a line holding characters outside ASCII (dashes, curly quotes) is found
    by the pattern alone, without the ASCII lines' hint words; prose keeps its lines."""
    assert judge(line) == rule


@pytest.mark.parametrize("line", ["rk/sm", "vt/lm/qa"])
def test_lower_case_initials_alone_under_a_story_go(line: str) -> None:
    assert judge(line) == "wire transmission"


@pytest.mark.parametrize("line", ["and/or", "rk/sm said the ship sailed"])
def test_a_slash_in_words_stays(line: str) -> None:
    assert judge(line) is None
