"""Article lines that dev19's listing and table rules took for furniture, kept again.

Invented ordinary stories: a rainfall table is no camera line, an editor's note in brackets
no script's cue, a trademark story's "Brand:" lines and a poll story's method lines no
listing's, a sentence opening "Offered by …," no course's credit; and the shapes the rules
were written for are still removed.
"""

from __future__ import annotations

from boilerplate_support import learned

from aggregator.toolkit.boilerplate_cleaner import Cleaner
from aggregator.toolkit.boilerplate_learning import Settings, SourceStats

RAIN = "Heavy rain lashed the port town overnight, flooding low-lying wards and halting buses."
PUMPS = "The municipal office said pumps were running in every ward, and schools stayed shut."
COURT = "The high court heard the dairy's plea against a rival that sold butter under a like name."
RULING = "The judges said shoppers could confuse the two packs, and barred the rival's label."


def removed(lines: list[str], stats: SourceStats | None = None) -> list[str]:
    _, taken = Cleaner(Settings(), stats).clean("\n\n".join(lines))
    return [line for line, _ in taken]


def test_a_rainfall_table_in_millimetres_is_no_camera_line() -> None:
    rows = ["Ward 3 | 92 mm", "Ward 7 | 118 mm", "Ward 9 | 61 mm"]
    assert removed([RAIN, "Rainfall in the 24 hours to 8.30 am:", *rows, PUMPS]) == []
    assert removed([RAIN, "Gauge 2 · 104mm", PUMPS]) == []


def test_a_cameras_line_under_a_photo_still_goes() -> None:
    for line in ("Nikon Z6 II · 24-70mm", "Fujifilm X-T5 · 56mm · f/1.2", "X100 · 23mm · ISO 400"):
        assert removed([RAIN, line, PUMPS]) == [line]


def test_an_editors_note_in_brackets_is_the_articles() -> None:
    for note in (
        "[UPDATE: The municipal office has now confirmed that two wards were evacuated.]",
        "[CORRECTION: An earlier version of this story named the wrong ward.]",
        "[EDITOR'S NOTE: This story has been updated with the latest rainfall figures.]",
    ):
        assert removed([RAIN, note, PUMPS]) == []


def test_a_cue_in_brackets_goes_in_a_script_and_a_production_cue_anywhere() -> None:
    script = [
        "[OPENING: Host at the quay]",
        RAIN,
        "[INSERT: Flooded ward from the air]",
        PUMPS,
    ]
    assert removed(script) == [script[0], script[2]]
    assert removed([RAIN, "[INSERT: Flooded ward from the air]", PUMPS]) == []
    assert removed([RAIN, "[B-ROLL: buses stranded at the depot]", PUMPS]) == [
        "[B-ROLL: buses stranded at the depot]"
    ]


def test_brand_lines_in_a_court_story_are_kept() -> None:
    assert removed([COURT, "Brand: Nandini Gold", "Brand: Nandana Gold", RULING]) == []


def test_a_product_pages_fields_still_go() -> None:
    page = [
        "Steel Rice Cooker 1.8 L, Made in Osaka",
        "Brand: Kurokawa",
        "4.5 ★ | 640 ratings",
        "A three-layer pot that cooks rice evenly in under half an hour, with a keep-warm mode.",
        "Country of Origin: Japan",
    ]
    taken = removed(page)
    assert "Brand: Kurokawa" in taken
    assert "Country of Origin: Japan" in taken


def test_a_poll_storys_method_lines_are_kept() -> None:
    lead = "Most city voters back the new metro line, a survey for the transport board found."
    method = [
        "Survey period: May 4 - May 19, 2026",
        "Respondents: 2,100 adults in six wards",
        "Margin of error: 3 percentage points",
    ]
    more = "Support was strongest among commuters who travel more than an hour each day."
    assert removed([lead, *method, more]) == []


def test_a_survey_releases_method_fields_under_its_header_still_go() -> None:
    header = ["Summary of the Survey on Metro Travel (May 2026)", "Released: June 2, 2026"]
    method = ["Survey period: May 4 - May 19, 2026", "Valid responses: 2,100"]
    finding = "1. 61.2% of respondents said they would use the metro at least once a week."
    assert removed([*header, *method, finding]) == method


def test_a_change_notice_among_paragraphs_is_kept_and_a_footnote_goes() -> None:
    assert removed([RAIN, "The timetable is subject to change.", PUMPS]) == []
    rows = ["Mon 15 June | 10:00 | Board meeting", "Tue 16 June | 14:00 | Site visit"]
    assert "* The schedule is subject to change." in removed(
        [RAIN, *rows, "* The schedule is subject to change."]
    )


def test_a_sentence_opening_offered_by_is_no_credit() -> None:
    line = "Offered by Japan, the loan will pay for the second line of the metro"
    assert removed([RAIN, line, PUMPS]) == []
    assert removed(["Offered by Sakura Language Academy, Hyderabad", RAIN, PUMPS]) == [
        "Offered by Sakura Language Academy, Hyderabad"
    ]


def test_a_row_of_the_sources_ticker_goes_with_its_other_rows() -> None:
    match = "India beat Malaysia 3-1 in the hockey final at Chennai on Sunday with two late goals."
    coach = "The coach praised the defence, which held firm through a tense third quarter."
    ticker = ["Sensex 77,210.11 -1.86%", "Nifty 50 23,711.30 -2.03%", "Gold 71,200 +0.4%"]
    stats = learned(*ticker, documents=3)
    for layout in ([match, coach, *ticker], [match, *ticker, coach]):
        assert removed(layout, stats) == ticker
