"""A bilingual header line is judged by its English side: an office's name or a document's
kind there is furniture, an English headline in brackets is not.

Invented lines of a Japanese town's notice, one with OCR slips.
"""

from __future__ import annotations

from aggregator.toolkit.bilingual_lines import english_side, names_an_office
from aggregator.toolkit.header_lines import furniture_kind


def test_the_english_side_in_brackets_or_after_a_gap() -> None:
    assert english_side("港町 観光課 (Minato Town, Tourism Section)") == (
        "Minato Town, Tourism Section"
    )
    assert english_side("報道資料    Press Release") == "Press Release"
    assert english_side("Press Release") is None
    assert english_side("港町観光課") is None


def test_ocr_slips_are_mended_on_the_side_judged() -> None:
    assert english_side("港町 (Minato Town, lnternational Deve1opment Section)") == (
        "Minato Town, International Development Section"
    )


def test_an_office_or_a_kind_of_document_is_furniture() -> None:
    assert furniture_kind("港町 観光課 (Minato Town, Tourism Section)") == "issuer"
    assert furniture_kind("報道資料    Press Release") is not None
    assert names_an_office("Minato Town, Tourism Section")
    assert not names_an_office("Ferry service to resume in May.")


def test_an_english_headline_beside_its_japanese_stays_a_candidate() -> None:
    assert furniture_kind("港町フェリー再開 (Ferry service to the island resumes)") is None
