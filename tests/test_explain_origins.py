"""`aggregator explain` says which line gave the headline and the date, and by which rule."""

from __future__ import annotations

from aggregator.testing import FeedProject

RELEASE = (
    "Ministry of Harbours\n"
    "Home | About | Releases | Contact\n"
    "FOR IMMEDIATE RELEASE\n"
    "Harbour board approves a second container terminal at the river mouth\n"
    "Posted On: 14 MAR 2025 4:10PM by the press office\n\n"
    "The harbour board on Friday approved a second container terminal, doubling the "
    "port's capacity by the end of the decade.\n"
)


def test_explain_names_the_lines_and_rules(feed_project: FeedProject) -> None:
    feed_project.add_article("release.txt", RELEASE)
    assert feed_project.run().ok
    result = feed_project.cli("explain", "articles/release.txt")
    assert result.exit_code == 0, result.output
    assert (
        "  title:      Harbour board approves a second container terminal at the river mouth\n"
        "              from 'Harbour board approves a second container terminal at the river"
        " mouth' (line under a kicker, section label or breadcrumb)"
    ) in result.output
    assert (
        "              from 'Posted On: 14 MAR 2025 4:10PM by the press office'"
        " (date inside a header line)"
    ) in result.output


def test_every_line_read_as_metadata_is_recorded(feed_project: FeedProject) -> None:
    feed_project.add_article("release.txt", RELEASE)
    assert feed_project.run().ok
    output = feed_project.cli("explain", "articles/release.txt").output
    assert (
        "  [read as metadata: headline] Harbour board approves a second container terminal"
        " at the river mouth\n"
    ) in output
    assert "  [read as metadata: date] Posted On: 14 MAR 2025 4:10PM by the press office\n" in (
        output
    )
    assert "  [read as metadata: header line] Ministry of Harbours\n" in output


REPORT = (
    "Harbour board approves a second container terminal\n\n"
    "The harbour board on Friday approved a second container terminal at the river mouth, "
    "doubling the port's capacity by the end of the decade, its chairman Ravi Menon said.\n\n"
    "The terminal will be built by a consortium led by Kestrel Marine at a cost of 42 "
    "billion rupees, with the first berth due to open in 2028.\n"
)


def test_explain_says_why_a_report_joined_its_story(feed_project: FeedProject) -> None:
    feed_project.add_article("first.txt", REPORT)
    assert feed_project.run().ok
    feed_project.add_article("second.txt", REPORT.replace("Harbour board", "Port board", 1))
    assert feed_project.run().ok
    output = feed_project.cli("explain", "articles/second.txt").output
    assert "story: " in output and "(2 reports)" in output
    assert "\n  joined: same URL or text as an earlier report\n" in output


def test_explain_prints_no_reason_for_a_story_of_its_own(feed_project: FeedProject) -> None:
    feed_project.add_article("first.txt", REPORT)
    assert feed_project.run().ok
    output = feed_project.cli("explain", "articles/first.txt").output
    assert "(1 reports)" in output
    assert "  joined:" not in output
