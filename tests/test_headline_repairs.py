"""Headlines printed behind something that is not theirs, on invented pages: a chat
export's time and sender, a post's account handle, a wire terminal's flash mark, a
reporter's filing slug as an e-mail's subject."""

from __future__ import annotations

from datetime import UTC, datetime

from aggregator.toolkit.header_repair import header_view, is_filing_slug, repaired_line
from aggregator.toolkit.plaintext import extract_article

REFERENCE = datetime(2026, 3, 1, tzinfo=UTC)
LEAD = (
    "The river authority opened two new ferry landings on Monday, cutting the crossing "
    "for commuters from the eastern bank by almost twenty minutes."
)
HEADLINE = "River authority opens two ferry landings for eastern commuters"


def read(text: str) -> tuple[str, str]:
    article = extract_article(text, reference=REFERENCE)
    return article.title, article.title_from[1] if article.title_from else ""


def test_a_chat_messages_stamp_and_sender_are_not_the_headline() -> None:
    text = (
        "[12/02/26, 8:05:10 AM] Valley Transit Desk: *VALLEY TRANSIT NOTICE | 12 Feb 2026*\n"
        f"*{HEADLINE}*\n"
        "Dear commuters,\n"
        f"{LEAD}\n"
    )
    title, rule = read(text)
    assert title == HEADLINE
    assert rule.endswith("kicker removed")
    assert repaired_line(text.splitlines(), 0) == (
        "*VALLEY TRANSIT NOTICE | 12 Feb 2026*",
        "chat stamp removed",
    )


def test_the_other_chat_export_stamp() -> None:
    line = "12/02/2026, 08:05 - Valley Transit Desk: Ferry timetable changes"
    assert repaired_line([line], 0) == ("Ferry timetable changes", "chat stamp removed")


def test_a_caption_opening_with_the_accounts_handle() -> None:
    text = (
        "Photos\n"
        "valley_transit ✓ • Follow\n"
        "Riverside Ferry Terminal, Gate Four\n"
        f"valley_transit {HEADLINE}\n"
        f"🚢 {LEAD}\n"
    )
    title, rule = read(text)
    assert title == HEADLINE
    assert rule.endswith("account handle removed")
    assert header_view(text.splitlines(), 4).tags == {2}


def test_a_word_repeated_from_a_line_above_needs_the_accounts_line() -> None:
    lines = ["transit updates for the valley", "ferries run late today on the east bank"]
    assert repaired_line(lines, 1) == (lines[1], None)


def test_an_at_handle_and_a_place_tag_before_a_posts_text() -> None:
    line = f"@valley_transit · Riverside: {HEADLINE}"
    assert repaired_line([line], 0) == (HEADLINE, "account handle removed")


def test_the_first_of_a_run_of_flashes_is_the_headline_kept_in_capitals() -> None:
    text = (
        "VALLEY WIRE | TERMINAL | FLASHES\n"
        "*RIVER AUTHORITY OPENS TWO FERRY LANDINGS FOR EASTERN COMMUTERS\n"
        "*RIVER AUTHORITY: CROSSING TIME CUT BY 20 MINUTES\n"
        "*RIVER AUTHORITY: THIRD LANDING DUE IN 2027\n"
        "--\n"
        "Flashes are sent unedited as events happen; a full story follows where marked.\n"
    )
    title, rule = read(text)
    assert title == "RIVER AUTHORITY OPENS TWO FERRY LANDINGS FOR EASTERN COMMUTERS"
    assert "flash mark removed" in rule


def test_a_bullet_or_a_pair_of_marks_is_no_flash_mark() -> None:
    assert repaired_line(["* Ferries run late today"], 0)[1] is None
    assert repaired_line([f"*{HEADLINE}*"], 0)[1] is None
    assert repaired_line(["*ONE FLASH", "*ITS FOLLOW-UP"], 1)[1] is None


def test_a_filing_slug_subject_gives_way_to_the_headline_field_below_the_note() -> None:
    text = (
        "From: A Reporter <reporter@valley.example>\n"
        "To: desk@valley.example\n"
        "Subject: FILE: FERRY-LANDINGS (450w) for Tue city page\n"
        "\n"
        "Desk, here is the ferry story for the city page. Pictures will follow by evening.\n"
        "\n"
        "SLUG: FERRY-LANDINGS\n"
        f"HED: {HEADLINE}\n"
        "\n"
        f"{LEAD}\n"
    )
    title, rule = read(text)
    assert title == HEADLINE
    assert rule == "headline field below a covering note"


def test_filing_slugs() -> None:
    assert is_filing_slug("FILE: FERRY-LANDINGS (450w) for Tue")
    assert is_filing_slug("Ferry landings (450 words)")
    assert not is_filing_slug(HEADLINE)


def test_a_calendar_invitations_event_is_its_headline() -> None:
    text = (
        "Invitation: Ferry landings walkthrough – east bank @ Tue 3 Feb 2026 10am - 11am (IST)"
        " (planner@valley.example)\n"
        "Join with a video call\n"
        "meet.valley.example/abc-defg-hij\n"
        "When\n"
        "Tuesday 3 Feb 2026 ⋅ 10am – 11am (India Standard Time)\n"
        f"{LEAD}\n"
    )
    title, rule = read(text)
    assert title == "Ferry landings walkthrough – east bank"
    assert rule.endswith("invitation's time removed")
