"""A text browser's numbered link markers do not hide a line's role from the boilerplate
rules: "[14]WhatsApp" is the share button "WhatsApp" is; prose keeps its markers and stays.
An advertiser's label before a bullet ("Ad • …") marks an advertisement as "Ad: …" does.

Invented lines of a page saved with a text browser.
"""

from __future__ import annotations

from aggregator.toolkit.boilerplate import classify
from aggregator.toolkit.link_marks import without_link_marks


def test_markers_glued_to_a_link_s_text_are_taken_off() -> None:
    assert without_link_marks("* [7]Telegram") == "* Telegram"
    assert without_link_marks("Posted on [3]May 4, 2026 by [4]Harbour Desk") == (
        "Posted on May 4, 2026 by Harbour Desk"
    )
    assert without_link_marks("Ferry sails weekly [1] from June") is None
    assert without_link_marks("No markers here") is None


def test_a_marked_share_button_is_furniture() -> None:
    found = classify("* [7]Telegram")
    assert found is not None and "link markers" in found.name


def test_marked_prose_is_no_furniture() -> None:
    assert (
        classify("The ferry to [9]Valparaiso will sail weekly from June, the ministry said.")
        is None
    )


def test_an_advertiser_s_link_behind_a_bullet_label_is_an_advertisement() -> None:
    found = classify("Ad • Ferry tickets from 20 euros")
    assert found is not None and found.name == "advertisement"
    assert classify("Adria Ferries • new route to Split") is None
