"""Evidence about a line beyond its own shape and place, for scripts/line_model.py.

Three kinds, none of which names an outlet or quotes a half's wording:

- **the source**: in how many other documents of the same source (one directory of a
  half, as ``realworld_eval.run_half`` makes each directory one source) the same line
  occurs, and the same line shape (case folded, digits masked); the line's share of its
  document's characters;
- **the neighbourhood's verdicts**: whether the rules removed the previous and the next
  line, and what share of the lines within three either side they removed;
- **the rules' own verdict** on the line: whether they removed it, the family of the
  rule that did (its name up to a colon or bracket: "learned", "menu", "read as
  metadata"), whether a whole-line rule names the line's shape although the cleaner
  kept it (the context protected it), and whether it reads as a sentence.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable

from aggregator.toolkit import boilerplate as rules
from aggregator.toolkit import lines as linetext

EVIDENCE_NAMES = (
    "log_source_documents_same_line",
    "log_source_documents_same_shape",
    "source_share_same_line",
    "source_share_same_shape",
    "document_share",
    "previous_removed",
    "next_removed",
    "window_removed_share",
    "rules_removed",
    "rule_names_shape_kept",
    "reads_as_sentence",
    "words_in_kept_lines",
)
WINDOW = 3
"""Lines either side whose removal the window's share counts."""
_DIGITS = re.compile(r"\d+")
_WORD = re.compile(r"[^\W\d_]{4,}")
"""A word long enough to be the article's own rather than a function word."""
_FAMILY_END = re.compile(r"[:(\[].*")


def line_shape(line: str) -> str:
    """The line with case folded, whitespace squashed and every run of digits one ``0``."""
    return _DIGITS.sub("0", " ".join(line.casefold().split()))


def rule_family(rule: str | None) -> str:
    """A rule's name without what follows a colon or bracket (a count, a source's name)."""
    return _FAMILY_END.sub("", rule).strip() if rule else ""


class SourceCounts:
    """In how many documents of one source each line and each line shape occurs."""

    def __init__(self, documents: Iterable[list[str]]) -> None:
        self.documents = 0
        self.lines: Counter[str] = Counter()
        self.shapes: Counter[str] = Counter()
        for lines in documents:
            self.documents += 1
            self.lines.update(set(lines))
            self.shapes.update({line_shape(line) for line in lines})

    def others(self, line: str) -> tuple[int, int]:
        """Other documents holding the line, and the line's shape (the line's own excluded)."""
        return self.lines[line] - 1, self.shapes[line_shape(line)] - 1


def evidence(
    lines: list[str],
    index: int,
    counts: SourceCounts,
    removed: list[bool],
) -> list[float]:
    """The evidence of ``lines[index]`` (``EVIDENCE_NAMES``) in its document's non-empty,
    stripped ``lines``; ``removed`` tells for each of them whether the rules removed it."""
    line = lines[index]
    same_line, same_shape = counts.others(line)
    others = max(counts.documents - 1, 1)
    total = sum(len(row) for row in lines) or 1
    near = range(max(index - WINDOW, 0), min(index + WINDOW + 1, len(lines)))
    window = [removed[i] for i in near if i != index]
    words = linetext.word_count(line)
    kept_by_context = not removed[index] and rules.classify(line, words) is not None
    own = {word.casefold() for word in _WORD.findall(line)}
    kept_words = {
        word.casefold()
        for i, row in enumerate(lines)
        if i != index and not removed[i]
        for word in _WORD.findall(row)
    }
    return [
        math.log1p(same_line),
        math.log1p(same_shape),
        same_line / others,
        same_shape / others,
        len(line) / total,
        float(index > 0 and removed[index - 1]),
        float(index + 1 < len(lines) and removed[index + 1]),
        sum(window) / len(window) if window else 0.0,
        float(removed[index]),
        float(kept_by_context),
        float(linetext.is_sentence(line)),
        len(own & kept_words) / len(own) if own else 0.0,
    ]
