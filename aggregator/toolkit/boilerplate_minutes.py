"""The attendance of minutes and records of proceedings: who was present, not what was said.

Minutes open with their attendance ("Present:", "In attendance:", "Apologies:"), a
committee's record with its "Members present" and "Government officials present", a
call's transcript with its "Participants:" or "Management:": a label, then names and
offices, in one line or over several ("Present: Mayor, Varanasi
(Chair); Deputy Mayor, City of Kyoto (Co-chair); Municipal" / "Commissioner, VMC; …").
The block ends at the first agenda item ("1. Renewal of the partner city agreement"), a
sentence (a speaker's first turn), a divider or after ``ATTENDANCE_LINES`` lines; a name
a rule took already (a "Name, Chairman" signatory's) stands in it. A count of participants
("Participants: 35") is the report's figure and no list of names.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .boilerplate_notes import DIVIDER_RULE
from .boilerplate_sections import ITEM_MARK
from .lines import PROSE_END, word_count

ATTENDANCE_RULE = "attendance"
ATTENDANCE_LINES = 10
"""The most lines of one attendance block, its labels among them."""
NAME_LINE_WORDS = 20
"""The most words of a line of names and offices."""
SENTENCE_WORDS = 8
"""A line this long that ends in a full stop is a sentence, which ends the block."""
_LABEL = re.compile(
    r"(?:(?:Members|Government officials|Officials|Also|Others) present|Present|In attendance"
    r"|Apologies(?: for absence)?|Absent|Attendees|Participants|Management)"
    r"(?:\s*:\s*(?P<names>\S.*)|\s*:?)"
)
_INNER_STOP = re.compile(r"\. (?<=[a-z]{3}\. )[A-Z]")
"""A sentence that ends inside a line ("… the Briefing. The presentation will be"): a
speaker's turn or a paragraph, not a line of names ("Ms. Reema Sawant, Co-Chair")."""


def attendance_lists(
    lines: list[str], removed: dict[int, str], wraps_on: Callable[[int], bool]
) -> list[int]:
    """Mark as removed the attendance blocks of minutes: each label and the lines of names
    under it; their indexes. Names on the label's line go on to the next line only while
    the line runs on (``wraps_on``): under "Management: A, CEO | B, CFO" a moderator's
    first turn may be as short as a line of names."""
    written = [index for index, line in enumerate(lines) if line]
    taken: list[int] = []
    position = 0
    while position < len(written):
        index = written[position]
        label = _LABEL.fullmatch(lines[index])
        if index in removed or label is None or not _names(label["names"]):
            position += 1
            continue
        block = [index]
        inline = label["names"] is not None
        for below in written[position + 1 : position + ATTENDANCE_LINES]:
            line = lines[below]
            if removed.get(below) == DIVIDER_RULE or (inline and not wraps_on(block[-1])):
                break
            if below not in removed and (ITEM_MARK.match(line) is not None or not _names(line)):
                break
            block.append(below)
        taken.extend(block)
        position += len(block)
    for index in taken:
        removed.setdefault(index, ATTENDANCE_RULE)
    return taken


def _names(line: str | None) -> bool:
    """Whether a line may hold names and offices (no text after a bare label is one too):
    short, no sentence, not a count ("35", "41 (officials, scholars …)")."""
    if line is None:
        return True
    words = word_count(line)
    if words > NAME_LINE_WORDS or line[:1].isdigit() or _INNER_STOP.search(line):
        return False
    return words < SENTENCE_WORDS or PROSE_END.search(line) is None
