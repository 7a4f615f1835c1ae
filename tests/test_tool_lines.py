"""Lines a copying or exporting tool adds: never the headline, never the date."""

from __future__ import annotations

from datetime import UTC, datetime

from aggregator.toolkit.boilerplate import classify
from aggregator.toolkit.plaintext import extract_article
from aggregator.toolkit.tool_lines import is_tool_line, is_tool_stamp, label_with_date

NOW = datetime(2026, 11, 1, tzinfo=UTC)


def test_stamps_of_a_tools_own_day() -> None:
    assert is_tool_stamp("Copied: Mon 3 Aug 2026, 10:12 · Source app: Browser — example.org/a")
    assert is_tool_stamp("Last saved 4 Aug 2026, 21:40 by night.desk")
    assert is_tool_stamp("Saved on: 2026/08/05 07:30")
    assert is_tool_stamp("It is a snapshot of the page as it appeared on 9 Aug 2026 01:02:03 GMT.")
    assert not is_tool_stamp("Saved 300 jobs at the mill, the union said in 2026.")
    assert not is_tool_stamp("Exported goods rose 4 per cent.")


def test_a_cache_banner_in_capitals_is_a_stamp() -> None:
    """The banner's words are matched whatever their case, so its quick test must be too."""
    assert is_tool_stamp("THIS IS A SNAPSHOT OF THE PAGE AS IT APPEARED ON 3 MAR 2026 10:15:00 GMT")
    assert is_tool_stamp("Cached Version Of www.harbour.example, Snapshot taken 4 Mar 2026")
    assert not is_tool_stamp("THE FERRY APPEARED ON TIME AT THE QUAY")


def test_other_tool_lines() -> None:
    header = "[Chat] Chat history with Harbour Board Newsroom"
    assert is_tool_line(header, 7) == "chat export header"
    assert is_tool_line("⛅ Pune 29°C", 3) == "weather"
    assert is_tool_line("Provided by Coastal Ledger", 4) == "provider credit"
    assert is_tool_line("受信: 各社 (To: All editors)", 5) == "addressee field"
    assert is_tool_line("Rain lashed Pune at 29 degrees", 6) is None
    assert classify("⛅ Pune 29°C") is not None


def test_label_with_a_day_in_brackets() -> None:
    assert label_with_date("Media Note (3 August 2026)") == ("Media Note", "3 August 2026")
    assert label_with_date("Ports of the west coast (2026)") is None


def test_a_copied_story_takes_its_own_date_and_headline() -> None:
    text = (
        "Clipboard export\n"
        "Copied: Thu 6 Aug 2026, 09:15 · Source app: Browser — example.org/story\n"
        "☀ Pune 31°C\n"
        "Provided by Coastal Ledger\n"
        "Harbour board approves second container berth\n"
        "August 5, 2026 | 18:20 IST\n"
        "The harbour board on Wednesday approved a second container berth at the port,"
        " its chairman said, after two years of studies.\n"
    )
    article = extract_article(text, reference=NOW)
    assert article.title == "Harbour board approves second container berth"
    assert article.published is not None and article.published.date().isoformat() == "2026-08-05"


def test_a_label_with_its_day_in_brackets_dates_a_notice() -> None:
    text = (
        "Media Note (3 August 2026)\n"
        "Harbour Bureau\n\n"
        "Container berth tender opens\n\n"
        "The city opened the tender for a second container berth on Monday, with bids"
        " due in September.\n"
    )
    article = extract_article(text, reference=NOW)
    assert article.title == "Container berth tender opens"
    assert article.published is not None and article.published.date().isoformat() == "2026-08-03"


def test_a_day_headed_by_its_weekday_in_brackets() -> None:
    assert label_with_date("2026/08/04(Tue)") == ("", "2026/08/04")
    text = (
        "[Chat] Chat history with Harbour Board Newsroom\n"
        "Saved on: 2026/08/09 22:00\n\n"
        "2026/08/04(Tue)\n"
        '09:30\tHarbour Board Newsroom\t"[Notice] Second container berth approved\n'
        "The harbour board approved a second container berth on Tuesday after two years of"
        " studies, its chairman said.\n"
    )
    article = extract_article(text, reference=NOW)
    assert article.title == "Second container berth approved"
    assert article.published is not None and article.published.date().isoformat() == "2026-08-04"
