"""The English side of a bilingual header line, as a Japanese document prints its labels.

A Japanese office's release or notice gives its furniture in both scripts on one line: the
issuer ("鳥取県 交流推進課 (Tottori Prefecture, International Exchange Division)") or the
document's kind ("記者発表資料   Press Release"). The header reader judges such a line by
its English side, as it would judge that side alone: a label, an issuer, no headline.
OCR'd print slips letters for look-alike figures ("Deve1opment", "0saka") and an "I" for
an "l" ("lnternational"); the side is mended for judging, never for the text kept.
"""

from __future__ import annotations

import re

from .lines import word_set

_CJK = "\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uff01-\uff60・々〆"
_GLOSSED = re.compile(rf"[{_CJK}][{_CJK}\s]*[(（](?P<side>[A-Za-z][^()（）]*)[)）]")
"""Japanese words, then their English in brackets."""
_SIDE_BY_SIDE = re.compile(
    rf"[{_CJK}][{_CJK}\s]*?(?:\s{{2,}}(?P<side>[A-Za-z][^{_CJK}]*)"
    rf"|\s(?P<spelt>[A-Z][A-Z&'. -]+))"
)
"""Japanese words, a gap of two spaces or more, then their English; or a space, then their
name spelt out in capitals ("食品日報 SHOKUHIN NIPPO", a masthead's romanised name)."""
_SLIPS = (
    (re.compile(r"(?<=[A-Za-z])1(?=[a-z])|(?<=[a-z])1\b"), "l"),
    (re.compile(r"\b0(?=[a-z])|(?<=[A-Za-z])0(?=[a-z])"), "O"),
    (re.compile(r"\bl(?=[bcdfghjkmnpqrstvwxz])"), "I"),
)


def english_side(line: str) -> str | None:
    """The English side of a line that opens in Japanese script and gives its English in
    brackets or after a gap, with OCR slips mended; None for any other line."""
    if not line or line[0].isascii():
        return None
    found = _GLOSSED.fullmatch(line) or _SIDE_BY_SIDE.fullmatch(line)
    if found is None:
        return None
    side = (found["side"] or found["spelt"]).strip()
    for slip, letter in _SLIPS:
        side = slip.sub(letter, side)
    return side


_OFFICE_UNITS = word_set(
    """prefecture city town village ward division section department bureau office unit
    ministry agency secretariat"""
)
"""Words that end the name of an office or a unit of one ("Export Division")."""


def names_an_office(side: str) -> bool:
    """Whether an English side names an office by its units ("Tottori Prefecture,
    International Exchange Division"): capitalised names between commas, one ending in a
    unit's word, no sentence."""
    parts = [part.split() for part in side.split(",")]
    return (
        not side.endswith(".")
        and all(words and words[0][0].isupper() for words in parts)
        and any(words[-1].lower() in _OFFICE_UNITS for words in parts if words)
    )
