"""Headlines and dates under notices, programme slots, program keys and field runs.

Each case is an invented page whose header holds a line the rules had misread: a notice of
short sentences over an intranet post (taken for the first paragraph), a chat channel's
topic (taken for a "Topic:" headline), a feed's keys in camel case ("titleText:"), a
numbered series mark before a pool report's subject, a radio station's programme and its
hours, a trade paper's masthead in Japanese with its name spelt in capitals, a ruling's
fields under its headline, a site's name line under its masthead, a transcript's dated
"Recorded:" line over its speakers, and a festival's programme of days and hours.
"""

from __future__ import annotations

from datetime import UTC, datetime

from header_support import LEAD, SECOND, read

from aggregator.toolkit.article_dates import opens_schedule
from aggregator.toolkit.header_lines import header_field, strip_kicker
from aggregator.toolkit.header_shapes import is_notice, runs_on
from aggregator.toolkit.header_zone import is_body_prose

HEADLINE = "Second container berth opens at Rivermouth"
RULE = "=" * 60


def test_a_line_of_short_sentences_is_a_notice_not_prose() -> None:
    assert is_notice("STAFF ONLY. Not to be shared outside the board.")
    assert is_notice("Trouble seeing the pictures? Open this letter online.")
    assert not is_body_prose("Machine transcript (edited). Check the recording before quoting.")
    assert is_body_prose("Mr. Okada said the berth would open to feeder ships on Monday.")
    assert is_body_prose("Two bids came in. The board chose the cheaper of the two consortia.")


def test_a_notice_over_an_intranet_post_does_not_end_the_header() -> None:
    article = read(
        "Harbour Staff Portal | Intranet\nHome | News | Forms | Help desk | Directory\n"
        "STAFF ONLY. Not to be shared outside the board.\nNews › Notices\n"
        f"{HEADLINE}\nPosted by Corporate Communications · 12 May 2026 · 1 min read\n\n"
        f"{LEAD}\n\n{SECOND}\n"
    )
    assert article.title == HEADLINE
    assert article.published == datetime(2026, 5, 12, tzinfo=UTC)


def test_a_mail_letters_notice_does_not_hide_the_issue_and_its_date() -> None:
    article = read(
        "Trouble seeing the pictures? Open this letter online.\nFriends of the Harbour — "
        "Supporters' Letter\nNo. 12 | Tuesday, 12 May 2026\n"
        f"{HEADLINE}\nFrom the quay: Aiko Mori, Engineer\n\n{LEAD}\n\n{SECOND}\n"
    )
    assert article.title == HEADLINE
    assert article.published == datetime(2026, 5, 12, tzinfo=UTC)


def test_a_field_value_that_runs_past_a_sentence_is_a_note() -> None:
    assert runs_on("Links from the port's own feeds. Please talk in #general, not here.")
    assert not runs_on("Berth opens: what it means")
    assert not runs_on("Second berth opens at Rivermouth")


def test_a_channel_topic_of_sentences_is_no_headline() -> None:
    article = read(
        f"{RULE}\nServer: Harbour Friends\nChannel: port-news (Feeds)\n"
        "Topic: Links from the port's own feeds. Please talk in #general, not here.\n"
        f"{RULE}\n[12-May-26 09:00 AM] PortBot (BOT)\nPort Daily\n"
        f"{HEADLINE}\nhttps://port.example/berth\n\n{LEAD}\n"
    )
    assert article.title == HEADLINE


def test_a_programs_key_names_its_field_by_its_words() -> None:
    found = header_field("titleText: Second berth opens")
    assert found is not None and found.label == "title"
    typed = header_field("headlineString: Second berth opens")
    assert typed is not None and typed.label == "headline"
    article = read(
        "Skill: Port Radio Flash Briefing (en)\n--- item 2 of 4 ---\n"
        "updateDate: 2026-05-14T06:00:00.0Z\n"
        f"titleText: {HEADLINE}\nmainText:\n\n{LEAD}\n\n{SECOND}\n"
    )
    assert article.title == HEADLINE


def test_a_numbered_series_mark_before_a_subject_is_removed() -> None:
    assert strip_kicker("DESK REPORT #3 — Minister tours the new berth") == (
        "Minister tours the new berth"
    )
    assert strip_kicker("BULLETIN NO. 4: Minister tours the new berth") == (
        "Minister tours the new berth"
    )
    article = read(
        "From: Media Desk <desk@port.example>\nTo: Travelling press <press@port.example>\n"
        "Date: Tue, 12 May 2026 18:31:05 +0900\n"
        "Subject: POOL REPORT #3 — Minister at the Rivermouth berth\n\n"
        f"Pooler: Aiko Mori, Harbour Wire\n\n{LEAD}\n"
    )
    assert article.title == "Minister at the Rivermouth berth"


def test_a_programme_and_its_hours_name_a_programme_not_a_headline() -> None:
    article = read(
        "RIVER FM 90.1MHz\nOn Air | Shows | Podcast | Local News | Events\n"
        "ON AIR NOW: Drive Time Harbour (16:00–18:00)\nLocal News (Mon–Fri 8:00 / 17:00)\n"
        f"{HEADLINE}\nAired: 2026.05.14 (Thu) 17:00\nRead by Aiko Mori\n\n{LEAD}\n"
    )
    assert article.title == HEADLINE


def test_a_masthead_in_japanese_with_its_name_spelt_in_capitals_is_no_headline() -> None:
    article = read(
        "港湾日報 KOWAN NIPPO\nInternational Edition\n"
        "Ports | Shipping | Logistics | Data | Overseas\n◆ Ports\n"
        f"{HEADLINE}\nKowan Nippo, May 14, 2026 (No. 1,204)\n\n{LEAD}\n"
    )
    assert article.title == HEADLINE


def test_a_run_of_fields_under_a_ruling_headline_is_not_the_headline() -> None:
    headline = "Berth lease is no transfer of land; stamp duty not due"
    article = read(
        "Port Law Weekly\nCases | Statutes | News | Subscribe\n"
        f"Home » Cases » Berths\n{headline}\nCitation: [2026] 12 PLW 4 (South)\n"
        "Lessee: Rivermouth Terminals Ltd.\nBench: Southern Bench\n"
        "Date of order: 9 May 2026\nPosted on May 12, 2026 by PLW Desk\nFacts\n"
        f"{LEAD}\n"
    )
    assert article.title == headline


def test_a_dated_line_is_no_label_over_the_line_below() -> None:
    headline = "What a second berth means for feeder lines"
    article = read(
        "PORT POLICY FORUM\nResearch | Webinars | Publications | About\nWebinar Transcript\n"
        "Machine transcript (edited). Check the recording before quoting.\n"
        f"{headline}\nRecorded: Wednesday, 13 May 2026, 16:00–17:00 IST\n"
        "Speakers: Dr Asha Rao (chair), Ms Bina Sen (Rivermouth)\n\n"
        f"[00:00:05] Asha Rao: Welcome. {LEAD}\n"
    )
    assert article.title == headline
    assert article.published is not None
    assert article.published.date() == datetime(2026, 5, 13).date()


def test_a_day_over_entries_with_their_hours_heads_a_programme() -> None:
    assert opens_schedule(["Saturday, 23 May", "10:00 – 11:00 | Quay | Opening"], 0)
    assert opens_schedule(["Saturday, 23 May", "10.00 Opening of the quay"], 0)
    article = read(
        "Boat Week 2026: full programme\nUpdated on 10.05.2026\n\n"
        "Boat Week returns for a second year with two days of rowing and music.\n\n"
        "Saturday, 23 May\n\n10:00 – 11:00 | Quay | Opening ceremony\n\n"
        "11:00 – 13:00 | River | Rowing heats\n\nSunday, 24 May\n\n"
        f"10:00 – 12:00 | River | Finals\n\n{SECOND}\n"
    )
    assert article.published == datetime(2026, 5, 10, tzinfo=UTC)
