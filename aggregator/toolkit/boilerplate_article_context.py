"""Whether a line a rule took for furniture stands inside the article by its place.

A table's row between paragraphs, a corrigendum's "Read:" under its "For:", a learned
short heading between paragraphs or over a section, an office outside a letter.
:class:`ArticleContext` answers for one text: what it learns of the text's lines (which
are paragraphs, where the first prose stands, the runs of rows of one shape) it keeps, so
that a page of thousands of learned headings costs time in proportion to its length.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import TYPE_CHECKING

from aggregator.toolkit import lines as linetext
from aggregator.toolkit.boilerplate_letters import OFFICE_RULE, in_letter
from aggregator.toolkit.boilerplate_listings import (
    CHANGE_RULE,
    DIGEST_RULE,
    PRODUCT_RULE,
    SCRIPT_CUE_RULE,
    SURVEY_RULE,
    is_cue,
    is_rating_bar,
    product_field_label,
)
from aggregator.toolkit.boilerplate_notes import DIVIDER_RULE
from aggregator.toolkit.boilerplate_rows import (
    DIGIT,
    QUOTE_ROW,
    TABLE_RULES,
    is_fact_box,
    is_fact_row,
    is_figure_caption,
    is_table_text,
    prices_above,
    row_shape,
)
from aggregator.toolkit.boilerplate_sections import ITEM_MARK, is_heading, numbered_sections

if TYPE_CHECKING:
    from aggregator.toolkit.boilerplate_cleaner import Cleaner

PARAGRAPH_WORDS = 10
"""A line this long that reads as prose after a list entry makes the entry a heading."""
PROSE_WORDS = 6
"""The least a line under a learned heading holds to be the section's prose ("False.
Japanese financing for the line continues.")."""


class ArticleContext:
    """The article-context tests of one text's lines, for the cleaner cleaning it."""

    def __init__(self, cleaner: Cleaner, lines: list[str]) -> None:
        self.cleaner = cleaner
        self.lines = lines
        self._paragraphs: dict[int, bool] = {}
        self._first_paragraph: int | None = None
        self._prose: list[int] = []
        """Indices of the prose lines (``PARAGRAPH_WORDS``) before ``_prose_scanned``."""
        self._prose_scanned = 0
        self._last_own: int | None = None
        self._last_section: int | None = None
        self._runs: dict[int, tuple[int, int]] | None = None
        """For each line of a table's shape, the first and last line of its run of rows."""
        self._nonblank: list[int] = []
        self._run_answers: dict[int, bool] = {}
        self._forms: set[tuple[bool, str]] | None = None
        self._learned_runs: dict[int, bool] = {}
        self._page: tuple[int, bool] | None = None
        """How many lines are a script's cues, and whether it is a product's listing."""
        self.last_sections: set[int] = set()
        """The repeated headings kept over a list that closes the article."""
        self._numbered: set[int] | None = None

    def holds(self, index: int, rule: str) -> bool:
        """Whether ``lines[index]``, taken by ``rule``, stands inside the article: a table's
        row between paragraphs (as many " | " cells as the row next to it, or "Label:
        figures" like it) or under a figure's caption, a corrigendum's "Read:" under its
        "For:", a learned short heading between two paragraphs or numbered in a run of
        sections ("1 Purpose" / … / "2 Period"), a divider between two paragraphs, an
        office outside a letter, or a digest's entry over its blurb (the item the digest
        carries, not one it points to)."""
        lines = self.lines
        if rule == OFFICE_RULE:
            return not in_letter(lines, index)
        line = lines[index]
        above = self.cleaner._previous(lines, index)
        below = self.cleaner._next(lines, index + 1)
        if rule == DIGEST_RULE:
            return below is not None and self._is_paragraph(below)
        if rule in _LISTING_RULES:
            return self._outside_listing(index, rule, above)
        if rule == "related link" and above is not None:
            return line.startswith("Read:") and lines[above].startswith("For:")
        if rule in TABLE_RULES and above is not None and self._under_caption(above):
            return True
        if rule in TABLE_RULES and (shape := row_shape(line)) is not None:
            rows = [i for i in (above, below) if i is not None and row_shape(lines[i]) == shape]
            return (
                (bool(rows) or shape == QUOTE_ROW)
                and self._amid_text(index)
                and not (shape == QUOTE_ROW and self._learned_run(index))
            )
        if rule.startswith("learned:") and self.closes_prices(index):
            return True
        if rule.startswith("learned:") and index in self._numbered_sections():
            return True
        if rule == DIVIDER_RULE and not any(char.isalnum() for char in line):
            return self._breaks_section(index, above, below)
        if rule.startswith("learned:") and is_heading(line):
            return (
                self._between_paragraphs(index, above, below)
                or self._heads_section(index)
                or self._heads_fact_box(index)
                or (below is not None and self._heads_prices(below))
                or self._heads_last_list(index, above, below)
            )
        return False

    def _numbered_sections(self) -> set[int]:
        if self._numbered is None:
            self._numbered = numbered_sections(self.lines)
        return self._numbered

    def _kept(self, line: str) -> bool:
        """Whether the cleaner's line rules leave ``line`` in the article."""
        return self.cleaner.judge(line, linetext.word_count(line)) is None

    def _learned(self, line: str) -> bool:
        """Whether ``line`` goes as one its source prints in its other documents."""
        judgement = self.cleaner.judge(line, linetext.word_count(line))
        return judgement is not None and judgement[0].startswith("learned:")

    def _under_caption(self, above: int) -> bool:
        """Whether the line above a row is a figure's caption the article keeps."""
        caption = self.lines[above]
        return is_figure_caption(caption) and self._kept(caption)

    def _outside_listing(self, index: int, rule: str, above: int | None) -> bool:
        """Whether a line a listing prints stands where the page is no listing: a cue in
        brackets in a text with fewer than :data:`SCRIPT_CUES` cue lines (no script); a
        survey's method field whose run of fields stands under a paragraph (a poll story's,
        not a survey release's header); an unmarked change notice under a paragraph; a
        product field on a page with no rating bar and no product field of another label
        (a trademark story's "Brand: …")."""
        lines = self.lines
        cues, listing = self._page_shape()
        if rule == SCRIPT_CUE_RULE:
            return cues < SCRIPT_CUES
        if rule == PRODUCT_RULE:
            return not listing
        if rule == CHANGE_RULE:
            marked = lines[index][:1] in "*†"
            return not marked and above is not None and self._is_paragraph(above)
        top = above
        for _ in range(FIELD_RUN):
            if top is None or _FIELD.match(lines[top]) is None:
                break
            top = self.cleaner._previous(lines, top)
        return top is not None and self._is_paragraph(top)

    def _page_shape(self) -> tuple[int, bool]:
        if self._page is None:
            labels: set[str] = set()
            cues, rated = 0, False
            for line in self.lines:
                cues += is_cue(line)
                rated = rated or is_rating_bar(line)
                if (label := product_field_label(line)) is not None:
                    labels.add(label)
            self._page = cues, rated or len(labels) > 1
        return self._page

    def _learned_run(self, index: int) -> bool:
        """Whether a row of the run of rows ``lines[index]`` stands in is one the source
        prints in its other documents: the run is the source's ticker, not a table of the
        article's, though a row of it changed its figures."""
        first, last = self._table_runs()[index]
        known = self._learned_runs.get(first)
        if known is None:
            lines = self.lines
            known = any(self._learned(lines[i]) for i in range(first, last + 1) if lines[i])
            self._learned_runs[first] = known
        return known

    def _between_paragraphs(self, index: int, above: int | None, below: int | None) -> bool:
        """Whether paragraphs stand right above and below a heading, and one more above
        (a heading is not the line under a byline)."""
        if above is None or below is None:
            return False
        if not self._is_paragraph(above) or not self._is_paragraph(below):
            return False
        return self._first_paragraph_index() < above

    def _breaks_section(self, index: int, above: int | None, below: int | None) -> bool:
        """Whether a divider stands between two paragraphs of the article each way: a
        section break, not the rule over a newsletter's closing note and its footer."""
        if not self._between_paragraphs(index, above, below) or below is None:
            return False
        after = self.cleaner._next(self.lines, below + 1)
        return after is not None and self._is_paragraph(after)

    def _first_paragraph_index(self) -> int:
        if self._first_paragraph is None:
            lines = self.lines
            self._first_paragraph = next(
                (i for i in range(len(lines)) if lines[i] and self._is_paragraph(i)), len(lines)
            )
        return self._first_paragraph

    def _is_paragraph(self, index: int) -> bool:
        known = self._paragraphs.get(index)
        if known is None:
            line = self.lines[index]
            words = linetext.word_count(line)
            known = (
                words >= PARAGRAPH_WORDS
                and linetext.is_sentence(line)
                and self.cleaner.judge(line, words) is None
            )
            self._paragraphs[index] = known
        return known

    def _prose_before(self, end: int) -> list[int]:
        """The prose lines (``PARAGRAPH_WORDS``) above ``lines[end]``."""
        self._scan_prose(end)
        return self._prose[: bisect_left(self._prose, end)]

    def _any_prose_before(self, end: int) -> bool:
        self._scan_prose(end, first_only=True)
        return bool(self._prose) and self._prose[0] < end

    def _scan_prose(self, end: int, *, first_only: bool = False) -> None:
        """Ask the lines above ``lines[end]`` not asked yet whether they are prose, in
        order (until the first prose line, ``first_only``): each line is asked once."""
        lines = self.lines
        while self._prose_scanned < end and not (first_only and self._prose):
            i = self._prose_scanned
            if lines[i] and self.cleaner._is_prose(lines, i, PARAGRAPH_WORDS):
                self._prose.append(i)
            self._prose_scanned += 1

    def _heads_section(self, index: int) -> bool:
        """Whether a heading stands over the document's own prose, with more of the
        document's text after its first line, and the article's prose above it or a
        later heading over prose too: a section of the article (its first of several,
        its second, third…), not a label of the page nor a standing feature over the
        footer ("Today's phrase"); see :mod:`~aggregator.toolkit.boilerplate_sections`."""
        cleaner, lines = self.cleaner, self.lines
        below = cleaner._next(lines, index + 1)
        if below is None or not cleaner._is_prose(lines, below, PROSE_WORDS):
            return False
        if self._last_own_index() == below:
            return self._heads_only_prose(index)
        if self._last_own_index() < below:
            return False
        if self._any_prose_before(index):
            return True
        return self._last_section_index() > below

    def _heads_only_prose(self, index: int) -> bool:
        """Whether a heading over the document's last own line, a paragraph, has no prose
        above it but lines of the document's own (an agenda's items): the one section of
        a page of records ("Summary of discussion" under a meeting's agenda), not a
        summary box over an article, which goes on under it, nor a standing feature
        under the article's prose."""
        if self._any_prose_before(index):
            return False
        lines = self.lines
        return any(lines[i] and self.cleaner._own(lines[i]) for i in range(index))

    def _last_own_index(self) -> int:
        """The last line that is the document's own (-1 when none is)."""
        if self._last_own is None:
            lines = self.lines
            self._last_own = next(
                (
                    i
                    for i in range(len(lines) - 1, -1, -1)
                    if lines[i] and self.cleaner._own(lines[i])
                ),
                -1,
            )
        return self._last_own

    def _last_section_index(self) -> int:
        """The last heading over prose of the document's own (-1 when none is)."""
        if self._last_section is None:
            lines = self.lines
            self._last_section = next(
                (
                    i
                    for i in range(len(lines) - 1, -1, -1)
                    if self.cleaner._heads_prose_too(lines, i)
                ),
                -1,
            )
        return self._last_section

    def _heads_fact_box(self, index: int) -> bool:
        """Whether a heading stands over a box of "Label: value" rows of the document's
        own that restate what its prose says ("Project at a glance" / "Households
        served: about 900" / …), under the article's prose: the article's summary of its
        figures, though every document of the source has the heading."""
        lines = self.lines
        rows: list[int] = []
        for i in range(index + 1, len(lines)):
            if not lines[i]:
                continue
            if not is_fact_row(lines[i]) or not self.cleaner._own(lines[i]):
                break
            rows.append(i)
        if not rows:
            return False  # a box has rows
        prose = self._prose_before(index)
        return bool(prose) and is_fact_box([lines[i] for i in rows], [lines[i] for i in prose])

    def _heads_last_list(self, index: int, above: int | None, below: int | None) -> bool:
        """Whether a heading over a list of the document's own entries, right under a
        paragraph, is written as a heading the text keeps between its paragraphs ("WHY IT
        MATTERS" / … / "WHAT TO WATCH" / "- Tender notice, expected by September"): the
        article's last section, a list as a note's last section often is, not the outlet's
        standing list, whose heading is not one of the article's."""
        if above is None or below is None or not self._is_paragraph(above):
            return False
        entry = self.lines[below]
        if ITEM_MARK.match(entry) is None or not self.cleaner._own(entry):
            return False
        if _heading_form(self.lines[index]) not in self._section_forms():
            return False
        self.last_sections.add(index)
        return True

    def _section_forms(self) -> set[tuple[bool, str]]:
        """How the learned headings that stand over the text's paragraphs are written."""
        if self._forms is None:
            lines = self.lines
            self._forms = set()
            written = [i for i in range(len(lines)) if lines[i]]
            for above, index, below in zip(written, written[1:], written[2:], strict=False):
                line = lines[index]
                if not is_heading(line) or not self._is_paragraph(below):
                    continue
                if self._learned(line) and (
                    self._between_paragraphs(index, above, below) or self._heads_section(index)
                ):
                    self._forms.add(_heading_form(line))
        return self._forms

    def closes_prices(self, index: int) -> bool:
        """Whether ``lines[index]`` is a name and its figure ("USD/JPY 151.20") under the
        rows of a table of prices that stands in the article: the table's own, though the
        outlet's other reports print the same names with other figures."""
        row = prices_above(self.lines, index)
        return row is not None and self._amid_text(row)

    def _heads_prices(self, below: int) -> bool:
        """Whether the line under a heading opens a table of prices that stands in the
        article ("Today's movers" over the rows of the shares its column spoke of)."""
        return row_shape(self.lines[below]) == QUOTE_ROW and self._amid_text(below)

    def _amid_text(self, index: int) -> bool:
        """Whether the article's text stands around a table row: a sentence or a lead-in
        ("Closing levels:") above its run of rows of one shape, and a sentence below the
        run or a header row on top of rows of figures. Two rows of prices or more need
        only the article's sentence above them, and one row or more a heading right
        under it ("Today's movers"): a market report closes on its table, and a page's
        ticker stands over the article, not right under its prose. The answer is the
        run's."""
        runs = self._table_runs()
        first, last = runs[index]
        answer = self._run_answers.get(first)
        if answer is None:
            answer = self._run_amid_text(first, last)
            self._run_answers[first] = answer
        return answer

    def _run_amid_text(self, first: int, last: int) -> bool:
        lines, nonblank = self.lines, self._nonblank
        start = bisect_left(nonblank, first)
        end = bisect_left(nonblank, last)
        if start == 0:
            return False
        if row_shape(lines[first]) == QUOTE_ROW:
            return (end > start and self._leads_in(start - 1)) or (
                start > 1
                and is_heading(lines[nonblank[start - 1]])
                and is_table_text(lines[nonblank[start - 2]])
            )
        if not self._leads_in(start - 1):
            return False
        headed = not DIGIT.search(lines[first]) and all(
            DIGIT.search(lines[nonblank[p]]) for p in range(start + 1, end + 1)
        )
        return headed or (end + 1 < len(nonblank) and is_table_text(lines[nonblank[end + 1]]))

    def _leads_in(self, position: int) -> bool:
        """Whether the written line at ``position`` of ``_nonblank`` leads into a table: a
        sentence or a lead-in ("Closing levels:"), or the short last line of a paragraph
        wrapped at a width ("… agreed the disbursement" / "schedule.")."""
        lines, nonblank = self.lines, self._nonblank
        line = lines[nonblank[position]]
        if is_table_text(line, lead_in=True):
            return True
        if position == 0 or linetext.PROSE_END.search(line) is None:
            return False
        above = nonblank[position - 1]
        return (
            linetext.word_count(lines[above]) >= PROSE_WORDS
            and self.cleaner._wraps_on(lines, above)
            and self._kept(lines[above])
        )

    def _table_runs(self) -> dict[int, tuple[int, int]]:
        """Each line of a table's shape, with the first and last line of the run of
        non-blank lines of that shape it stands in."""
        if self._runs is None:
            lines = self.lines
            self._nonblank = [i for i in range(len(lines)) if lines[i]]
            shapes = [row_shape(lines[i]) for i in self._nonblank]
            self._runs = {}
            position = 0
            while position < len(shapes):
                shape = shapes[position]
                end = position
                while end + 1 < len(shapes) and shapes[end + 1] == shape:
                    end += 1
                if shape is not None:
                    run = (self._nonblank[position], self._nonblank[end])
                    for p in range(position, end + 1):
                        self._runs[self._nonblank[p]] = run
                position = end + 1
        return self._runs


SCRIPT_CUES = 2
"""The least cue lines in brackets of a script."""
FIELD_RUN = 6
"""The most "Label: value" lines looked over above a survey's method field."""
_FIELD = re.compile(r"[A-Z][\w ()'/-]{0,30}:\s\S")
_LISTING_RULES = frozenset({SCRIPT_CUE_RULE, SURVEY_RULE, CHANGE_RULE, PRODUCT_RULE})


def _heading_form(line: str) -> tuple[bool, str]:
    """How a heading is written: in capitals or not, and the mark it opens with."""
    return line.isupper(), line[:1] if not line[:1].isalnum() else ""
