"""Header fields by their form: an old mail system's tabbed "Subject<TAB>…" field gives the
headline as "Subject: …" does; a CMS's qualified title field ("SEO title: …") is the
search engines' title, not the page's headline; a plain-text mail's "** " heading mark is
no part of the headline.

Invented texts: a forwarded internal memo, a story editor's preview.
"""

from __future__ import annotations

from datetime import UTC, datetime

from aggregator.toolkit.header_lines import header_field, unmarked
from aggregator.toolkit.plaintext import extract_article

REFERENCE = datetime(2026, 5, 1, tzinfo=UTC)

MEMO = (
    "----- Forwarded by Ana Lopes/OPS/HBR on 04/20/2026 09:10 AM -----\n"
    "Ana Lopes/OPS/HBR\n"
    "04/20/2026 08:55 AM\n"
    "To\tBerth Planning/OPS/HBR@HBR\n"
    "cc\n"
    "Subject\tFerry timetable from June - berth changes\n"
    "\n"
    "All,\n"
    "\n"
    "The weekly ferry to Valparaiso starts on 2 June and will use berth 4 on Tuesdays.\n"
    "Berth 4 cargo work moves to berth 6 from the same day.\n"
    "\n"
    "Regards,\n"
    "Ana\n"
)

PREVIEW = (
    "Harbour TV CMS  ·  Story editor\n"
    "Status: Published · 20 Apr 2026, 18:05 IST\n"
    "Slug: weekly-ferry-valparaiso-june\n"
    "SEO title: Weekly ferry to Valparaiso from June | Harbour TV\n"
    "— Story preview —\n"
    "Norway and Chile open a weekly ferry link from June\n"
    "Written by Ports Desk\n"
    "\n"
    "Norway and Chile will open a weekly ferry between Bergen and Valparaiso from June, the"
    " two foreign ministries said on Monday.\n"
    "The ferry will carry 400 passengers and 60 trucks on each sailing.\n"
)


def test_a_tabbed_field_is_read_by_its_label() -> None:
    found = header_field("Subject\tFerry timetable")
    assert found is not None and (found.label, found.value) == ("subject", "Ferry timetable")
    assert header_field("Wharf\tFerry timetable") is None


def test_a_forwarded_memo_s_tabbed_subject_is_its_headline() -> None:
    article = extract_article(MEMO, reference=REFERENCE)
    assert article.title == "Ferry timetable from June - berth changes"


def test_a_qualified_title_field_is_metadata_not_the_headline() -> None:
    found = header_field("SEO title: Weekly ferry | Harbour TV")
    assert found is not None and found.label == "seo title"
    article = extract_article(PREVIEW, reference=REFERENCE)
    assert article.title == "Norway and Chile open a weekly ferry link from June"


def test_a_plain_text_mail_s_heading_mark_is_no_part_of_the_headline() -> None:
    assert unmarked("** Ferries and trains this week") == "Ferries and trains this week"
    assert unmarked("**Ferries**") == "Ferries"
    assert unmarked("** ") == "** "
