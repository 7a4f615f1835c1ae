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
