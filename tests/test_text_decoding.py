"""decode_text: which codec a file without a BOM is read in."""

from __future__ import annotations

import pytest

from aggregator.toolkit.text import decode_text

KATAKANA_WORDS = [
    "インド",
    "ジャパン",
    "ビジネス",
    "セミナ",
    "トットリ",
    "デリ",
    "カイギ",
    "ケイザイ",
]
"""Shift-JIS words whose bytes cp1252 all defines: such a text decodes as cp1252 without
an error, into mojibake ("ƒCƒ“ƒh")."""


def katakana_notice() -> str:
    rows = [" ".join(KATAKANA_WORDS[i:] + KATAKANA_WORDS[:i]) for i in range(4)]
    return "\n".join(rows) + "\nPress note: a trade seminar in Tottori on 20 October 2026.\n"


def test_a_double_byte_text_that_cp1252_reads_without_error_is_still_read_as_itself() -> None:
    text = katakana_notice()
    content = text.encode("shift_jis")
    content.decode("cp1252")  # no error: the case this guards
    assert decode_text(content) == text


@pytest.mark.parametrize(
    "text",
    [
        "Le ministre a déclaré à Tokyo que l'accord était « historique » — coûts réduits.\n",
        "The minister said “the deal is historic” – costs fell 5 % to €3 million.\n",
        "Ça coûte €€€ — « très » élevé, déjà prévu à Zürich, Köln, São Paulo, Besançon.\n",
        "àéèêëîïôûüç ÀÉÈÊËÎÏÔÛÜÇ ñÑ ßäöü øåæ\n",
    ],
)
def test_western_text_in_cp1252_stays_cp1252(text: str) -> None:
    assert decode_text(text.encode("cp1252")) == text


def test_shift_jis_text_is_read_as_such() -> None:
    text = "港湾局 (Harbour Bureau)\nコンテナ埠頭の入札 / Container berth tender opens\n"
    assert decode_text(text.encode("cp932")) == text.rstrip("\n") + "\n"


def test_utf8_first() -> None:
    text = "インド、日本と協定を締結 — Rs 2,340 crore\n"
    assert decode_text(text.encode("utf-8")) == text
