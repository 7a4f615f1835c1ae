"""The clauses of a sentence: where one ends and another begins, so that a dealing is read
within one clause (:func:`aggregator.toolkit.dealings.states_dealing`).

Besides the marks :mod:`aggregator.toolkit.clause_marks` finds (a semicolon, ", while"),
a clause begins where a new subject of the other side does: after ", and" or ", but"
(:func:`new_subjects`; not the "and" that closes a "between" whose first member has an
apposition), after a colon, after a comma between two clauses each headed by a
side's term (a headline's "Tokyo at a record, Delhi slips"), and at a subordinating
conjunction between a clause of each side ("prices for Japanese farmers will rise, after a
large purchase by India lifted world prices").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from aggregator.toolkit.clause_marks import clause_breaks

if TYPE_CHECKING:
    from aggregator.toolkit.dealings import Sentence

CLAUSE_CONJUNCTION = re.compile(r",\s+(?:and|but)\s+(?:(?:the|most|many|some|its|their)\s+)?")
"""A conjunction after a comma, with a determiner that may open the next clause's subject."""
BETWEEN_OPEN = re.compile(r"\bbetween\b(?!.*\bbetween\b)", re.IGNORECASE | re.DOTALL)
"""The last "between" before a point: the pair it opens may still be waiting for its
"and"."""
COMMA_SUBJECT = re.compile(r",\s+")
COLON_SUBJECT = re.compile(r"(?<=[a-z]):\s+")
"""A colon after a word, before what may be a new clause ("their cycles: Indian factories")."""
SUBORDINATE = re.compile(r",\s+(?:after|as|because|since|before|although|though)\s+(?!which\b)")
"""A subordinating conjunction after a comma ("…, after India's purchase lifted prices")."""
TERM_SPAN = re.compile(r"[\w-]+(?:['’]s)?")
"""A side's term where it starts a clause: its first word, with a possessive."""
WORD_RUN = re.compile(r"[^\W_]+")


def clauses(sentence: Sentence) -> list[tuple[int, int]]:
    """Offsets of the clauses of a sentence, in the text it was read from."""
    breaks = clause_breaks(sentence.text) + new_subjects(sentence)
    bounds = [sentence.start]
    for start, end in sorted(breaks):
        bounds += [sentence.start + start, sentence.start + end]
    bounds.append(sentence.start + len(sentence.text))
    return list(zip(bounds[::2], bounds[1::2], strict=True))


def new_subjects(sentence: Sentence) -> list[tuple[int, int]]:
    """Conjunctions after a comma that open a clause whose subject is headed by one side's
    term while the clause before names only the other side: "Japan protects its farmers
    with tariffs, and most Indian rice goes to Africa" reports two subjects, while ", and
    will be tested in Gujarat" goes on with the first, and "India chose Japan's trains, and
    Japan lent the money" goes on with both. A colon does too, before a side's term the
    text before it does not name ("less about the two economies' ties than their cycles:
    Indian factories run on local demand"). A comma alone opens one when the clause
    before also begins with its side's term, as a headline sets two subjects side by side
    ("Tokyo at a record, Delhi slips for a third month"; :func:`_comma_subjects`)."""
    found = [
        conjunction.span()
        for conjunction in CLAUSE_CONJUNCTION.finditer(sentence.text)
        if _other_side_opens(sentence, conjunction.end(), named_before=True)
        and not _ends_a_between(sentence.text, conjunction.start())
    ]
    found += [
        colon.span()
        for colon in COLON_SUBJECT.finditer(sentence.text)
        if _other_side_opens(sentence, colon.end(), named_before=False)
    ]
    if "," in sentence.text and len(sentence.sides) == 2:
        found += _comma_subjects(sentence)
        found += _subordinate_sides(sentence)
    return found


def _ends_a_between(text: str, at: int) -> bool:
    """Whether the conjunction at ``at`` joins the second member of a "between" whose first
    member has an apposition: "between the Kagami consortium, a group of 14 companies, and
    Deccan University" names the two parties of one act, not two subjects."""
    opened = BETWEEN_OPEN.search(text, 0, at)
    if opened is None:
        return False
    member = text[opened.end() : at]
    return "," in member and " and " not in member


def _other_side_opens(sentence: Sentence, at: int, *, named_before: bool) -> bool:
    """Whether a side's term stands at ``at`` (an offset in ``sentence.text``) that the text
    before it does not name; with ``named_before``, only when the text before names a side."""
    at += sentence.start
    after = [label for offset, label in sentence.side_offsets if offset == at]
    before = {label for offset, label in sentence.side_offsets if offset < at}
    return bool(after) and (bool(before) or not named_before) and after[0] not in before


def _subordinate_sides(sentence: Sentence) -> list[tuple[int, int]]:
    """Subordinating conjunctions after a comma ("after", "as", "because") between a clause
    that names one side only and one that names only the other, a word of interaction in
    one of them at most: "prices for Japanese farmers will rise, after a large purchase by
    India lifted world prices" relates an event of one side to a state of the other, not a
    dealing between them, while "Japan signed the pact, after India offered a loan" is one."""
    found = []
    mentions = sorted([*sentence.side_offsets, *sentence.place_offsets])
    for conjunction in SUBORDINATE.finditer(sentence.text):
        at = sentence.start + conjunction.start()
        before = {label for offset, label in mentions if offset < at}
        after = {label for offset, label in mentions if offset > at}
        if len(before) == len(after) == 1 and before != after:
            acts = [offset < at for offset in sentence.relation_offsets]
            if not (True in acts and False in acts):
                found.append(conjunction.span())
    return found


def _comma_subjects(sentence: Sentence) -> list[tuple[int, int]]:
    """Commas between two clauses that each begin with a term of their own side, the first
    at the start of the sentence or after a colon, with words between it and the comma:
    and no comma after the second: "India at an eight-month high, Japan contracts again"
    reports two subjects, while "Japan, India sign a pact" lists them as one and "Chile and
    Olsen, Norway's minister, signed" sets a title in apposition."""
    found = []
    mentions = sorted(sentence.side_offsets)
    for comma in COMMA_SUBJECT.finditer(sentence.text):
        at = sentence.start + comma.end()
        after = [label for offset, label in mentions if offset == at]
        if not after:
            continue
        head = sentence.text.rfind(":", 0, comma.start()) + 1
        head += len(sentence.text[head:]) - len(sentence.text[head:].lstrip())
        first = sentence.start + head
        before = [(offset, label) for offset, label in mentions if first <= offset < at]
        term = TERM_SPAN.match(sentence.text, head)
        if (
            before
            and term is not None
            and before[0][0] == first
            and {label for _, label in before} == {before[0][1]} != {after[0]}
            and WORD_RUN.search(sentence.text, term.end(), comma.start())
            and "," not in sentence.text[comma.end() :]
        ):
            found.append(comma.span())
    return found
