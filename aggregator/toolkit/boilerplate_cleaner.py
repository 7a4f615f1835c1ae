"""Deciding line by line what in a text is boilerplate: rules first, then learned lines.

:class:`Cleaner` applies the whole-line rules of :mod:`aggregator.toolkit.boilerplate`,
a user's own patterns, and what a :class:`~aggregator.toolkit.boilerplate_learning.SourceStats`
learned of the outlet; a heading of comments, a comment form or a source list takes what
follows it. :func:`~aggregator.toolkit.boilerplate_html.prune_html` drops the same lines
from the item's HTML.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from aggregator.toolkit import boilerplate as rules
from aggregator.toolkit.boilerplate_article_context import (
    PARAGRAPH_WORDS,
    PROSE_WORDS,
    ArticleContext,
)
from aggregator.toolkit.boilerplate_bios import (
    AUDIENCE_WORDS,
    bio_lines,
    head_bio_lines,
    is_writer_bio,
    profile_names,
)
from aggregator.toolkit.boilerplate_cards import card_buttons
from aggregator.toolkit.boilerplate_dated_links import dated_links
from aggregator.toolkit.boilerplate_documents import (
    CHAT_RULE,
    STAMP_WORDS,
    is_chat_message,
    is_update_stamp,
)
from aggregator.toolkit.boilerplate_kept_sections import kept_sections, sentence_tails
from aggregator.toolkit.boilerplate_learning import (
    Settings,
    SourceStats,
    is_short,
    learning_key,
    short_key,
)
from aggregator.toolkit.boilerplate_letter_frames import (
    opening_salutation,
    quoted_original,
    signature_blocks,
    signers,
)
from aggregator.toolkit.boilerplate_minutes import attendance_lists
from aggregator.toolkit.boilerplate_repeats import repeated_frame
from aggregator.toolkit.boilerplate_rows import (
    QUOTE_MARKS,
    content_words,
    is_contents_entry,
    is_digest_index,
    is_pull_quote,
    keep_gallery,
)
from aggregator.toolkit.boilerplate_running import mark_running_pages
from aggregator.toolkit.boilerplate_runons import run_on_openers, run_on_tails
from aggregator.toolkit.boilerplate_sections import (
    ITEM_MARK,
    ends_foot,
    foot_top,
    is_foot_entry,
    is_heading,
    learnable,
)
from aggregator.toolkit.boilerplate_widgets import signing_blocks
from aggregator.toolkit.fact_blocks import keep_fact_rows

from . import lines as linetext
from .boilerplate_html import prune_html as prune_html

LONG_SENTENCE_WORDS = 15
"""In a source list, a prose sentence this long is article text, not a list entry."""


FOOTER_LINE_WORDS = 12
"""Below a footer marker, a line this long or longer that no rule removes is article text."""

FOOT_LINES = 14
"""The last lines of a text where an outlet's shared closing paragraphs are looked for."""
FOOT_OVERLAP = 0.35
"""A foot line more than about a third of whose words are the article's own is article
text an outlet repeats (a background paragraph in two reports), not furniture, which
speaks of the outlet (its name, its newsletter, its licence)."""
FOOT_SHARE = 0.4
"""An outlet's closing lines are a small part of a text: when the lines a text shares with
another document at its foot make more than this share of it, the two are versions of
one report (a copy, an update), and the text keeps them."""
_BARE_INDEX = re.compile(r"\s*index\s*:?\s*", re.IGNORECASE)
"""A contents heading that is only "Index": a digest's list under it, or a ranking the
article discusses (see ``is_digest_index``)."""
_WRAPPED = re.compile(r"\. (?<=[a-z]{3}\. )[A-Z]")
"""A sentence ending inside a line: prose wrapped at a width (looked behind from each stop,
not tried at every letter)."""

Judgement = tuple[str, str] | None


class Cleaner:
    """Decides line by line what is boilerplate in one text, rules first, then learning."""

    def __init__(
        self,
        settings: Settings,
        stats: SourceStats | None,
        headline: str = "",
        authors: tuple[str, ...] = (),
    ) -> None:
        """``headline``: the item's own title, which is never removed as a learned line;
        ``authors``: its byline, whose names open an author's bio at the end."""
        self.headline_key = linetext.line_key(headline) if headline else ""
        self.authors = tuple(name for name in authors if len(name.split()) >= 2)
        self.settings = settings
        self.stats = stats
        self.source = stats.name if stats is not None else ""
        self._prose_end: int | None = None
        self._width: int | None = None
        self._measured = False
        """Whether ``_width`` is the text's: it is measured when a list asks for it."""

    def judge(self, line: str, words: int) -> Judgement:
        """``(rule name, kind)`` when the line is boilerplate, else ``None``."""
        for pattern in self.settings.extra_patterns:
            if pattern.search(line):
                return f"extra pattern: {pattern.pattern}", rules.LINE
        rule = rules.classify(line, words)
        if rule is not None:
            return rule.name, rule.kind
        if words <= STAMP_WORDS and is_update_stamp(line):
            return "update stamp", rules.LINE
        stats = self.stats
        if stats is not None and words <= self.settings.max_words:
            key = short_key(line)
            count = stats.count(key) if key != self.headline_key else 0
            if count >= self.settings.min_documents and learnable(line):
                return f"learned: repeats in {count} documents of source {self.source}", rules.LINE
        return None

    def shared_head(self, line: str) -> Judgement:
        """A long sentence that other documents of the source open with too (a bulletin's
        tagline, "This e-Bulletin brings you … every month."): furniture, though no
        rule knows it and it is too long to be learned anywhere in a text."""
        limit = self.settings.max_words
        if self.stats is None or is_short(line, limit) or not linetext.ends_like_sentence(line):
            return None
        count = self.stats.count(learning_key(line, limit))
        if count < self.settings.foot_documents:
            return None
        return f"learned head: repeats in {count} documents of source {self.source}", rules.LINE

    def clean(self, text: str) -> tuple[str, list[tuple[str, str]]]:
        """The text without its boilerplate lines, and ``(line, rule)`` for each line removed."""
        lines = text.split("\n")
        count = len(lines)
        removed: dict[int, str] = {}
        self._prose_end = None
        self._measured = False
        context = ArticleContext(self, lines)
        i = 0
        while i < count:
            line = lines[i]
            if not line:
                i += 1
                continue
            judgement = self.judge(line, linetext.word_count(line))
            if judgement is None and line[0] in QUOTE_MARKS and is_pull_quote(line, text):
                judgement = "pull quote", rules.LINE
            if judgement is None and is_chat_message(line) and self._replies_to_post(lines, i):
                judgement = CHAT_RULE, rules.COMMENTS
            if judgement is not None and context.holds(i, judgement[0]):
                judgement = None
            if judgement is None:
                i += 1
                continue
            name, kind = judgement
            removed[i] = name
            if kind == rules.COMMENTS and self._comments_follow(lines, i + 1, name):
                self._remove_rest(lines, i + 1, name, removed)
                break
            if kind == rules.FORM and self._form_to_end(lines, i + 1):
                self._remove_rest(lines, i + 1, name, removed)
                break
            if kind == rules.BACK_MATTER and self._sections_follow(lines, i + 1):
                del removed[i]
                i += 1
                continue
            if kind == rules.BACK_MATTER and self._prose_before(lines, i):
                self._remove_rest(lines, i + 1, name, removed)
                break
            if kind == rules.FOOTER:
                if self._footer_follows(lines, i + 1):
                    self._remove_rest(lines, i + 1, name, removed)
                    break
                if self._heads_list(lines, i):
                    del removed[i]
            if kind == rules.TO_END:
                self._remove_rest(lines, i + 1, "source list", removed, keep_prose=True)
                break
            if kind in (rules.LIST, rules.SOURCES):
                end = self._remove_list(lines, i + 1, name, kind, removed)
                if _BARE_INDEX.fullmatch(line) and not is_digest_index(lines, i, end):
                    for index in range(i, end):
                        if removed.get(index) == name:
                            del removed[index]
                i = end
                continue
            i += 1
        wraps_on = functools.partial(self._wraps_on, lines)
        run_on_openers(lines, removed, wraps_on)
        run_on_tails(lines, removed, functools.partial(self._ends_wrapped, lines))
        opening_salutation(lines, removed)
        signature_blocks(lines, removed, functools.partial(self._heads_prose, lines))
        signers(lines, removed)
        dated_links(lines, removed)
        repeated_frame(lines, removed)
        quoted_original(lines, removed, lambda index: self._is_prose(lines, index, PARAGRAPH_WORDS))
        attendance_lists(lines, removed, wraps_on)
        keep_gallery(lines, removed)
        keep_fact_rows(lines, removed)
        self._remove_shared_foot(lines, removed, context)
        mark_running_pages(lines, removed)
        signing_blocks(lines, removed)
        sentence_tails(lines, removed)
        kept_sections(lines, removed, lambda index, least: self._is_prose(lines, index, least))
        profiles = profile_names(lines) if linetext.holds_any(text, AUDIENCE_WORDS) else []
        names = self.authors + tuple(lines[i] for i in profiles)
        for index in bio_lines(lines, removed, names):
            removed[index] = "author bio"
        for index in head_bio_lines(lines, removed, self.authors):
            removed.setdefault(index, "author bio")
        for index in profiles:
            removed[index] = "profile name"
        for index in card_buttons(lines):
            removed.setdefault(index, "profile card")
        if not removed:
            return text, []
        kept = [line for index, line in enumerate(lines) if index not in removed]
        return linetext.join_lines(kept), [(lines[i], removed[i]) for i in sorted(removed)]

    def _replies_to_post(self, lines: list[str], index: int) -> bool:
        """Whether a chat message opens a thread of replies under the article's prose: a
        paragraph no rule takes (and no message) stands above it, another message below."""
        if not any(is_chat_message(line) for line in lines[index + 1 :] if line):
            return False
        return any(
            self._is_prose(lines, i, PARAGRAPH_WORDS) and not is_chat_message(lines[i])
            for i in range(index)
            if lines[i]
        )

    def _heads_prose_too(self, lines: list[str], index: int) -> bool:
        """Whether ``lines[index]`` is a heading no rule knows (or a learned one) over a
        line of prose: another section of the same document."""
        line = lines[index]
        if not line or not is_heading(line):
            return False
        judgement = self.judge(line, linetext.word_count(line))
        if judgement is not None and not judgement[0].startswith("learned:"):
            return False
        below = self._next(lines, index + 1)
        return below is not None and self._is_prose(lines, below, PROSE_WORDS)

    def _own(self, line: str) -> bool:
        """Whether a line is the document's own: no rule's, no count's, and not shared with
        other documents of the source as their closing lines are."""
        if self.judge(line, linetext.word_count(line)) is not None:
            return False
        return self.stats is None or self._shared(line) < self.settings.foot_documents

    def _is_prose(self, lines: list[str], index: int, least: int) -> bool:
        """A line of the article's prose: a sentence of ``least`` words or more, or a line of
        hard-wrapped prose, that no rule or count takes for furniture and that does not say
        who the writer is (a bio under the byline)."""
        line = lines[index]
        words = linetext.word_count(line)
        if words < least or self.judge(line, words) is not None or is_writer_bio(lines, index):
            return False
        return linetext.is_cited_sentence(line, least // 2) or self._wraps_on(lines, index)

    @staticmethod
    def _previous(lines: list[str], end: int) -> int | None:
        for index in range(end - 1, -1, -1):
            if lines[index]:
                return index
        return None

    @staticmethod
    def _next(lines: list[str], start: int) -> int | None:
        for index in range(start, len(lines)):
            if lines[index]:
                return index
        return None

    def _sections_follow(self, lines: list[str], start: int) -> bool:
        """Whether the document goes on with a section of its own after ``start``: a heading
        no rule knows (or a learned one) over a line of its prose. Then an "About …" above
        it is a section of the article ("About the treaty" / … / "Challenges" / …), not the
        back matter that closes a release, whose later headings are furniture's ("About
        <Partner>", "Media contact")."""
        return any(self._heads_prose_too(lines, i) for i in range(start, len(lines)))

    @staticmethod
    def _prose_before(lines: list[str], end: int) -> bool:
        """Whether an article sentence comes before a back-matter heading ("About <Company>")."""
        return any(linetext.is_sentence(line) for line in lines[:end])

    def _footer_follows(self, lines: list[str], start: int) -> bool:
        """After a footer marker (a contact heading, a sign-off, "###"), is the rest furniture?

        Short lines that are not sentences (names, titles, offices, places), lines a rule
        removes anyway and lines the outlet closes its other documents with too (a portal's
        "Content owned by …" sentence) read as a footer; one prose sentence of the
        document's own means the article goes on.
        """
        for index in range(start, len(lines)):
            line = lines[index]
            if not line:
                continue
            words = linetext.word_count(line)
            if not self._own(line):
                continue
            if words > FOOTER_LINE_WORDS or linetext.is_sentence(line, 4):
                return False
        return True

    def _comments_follow(self, lines: list[str], start: int, name: str = "") -> bool:
        """Whether a comments heading is followed by comments (avatars, names) or a form;
        whether a comment's header (a handle, how long ago) opens a thread: another
        comment's header follows it."""
        first = self._next(lines, start)
        if first is None:
            return False
        if name == THREAD_RULE:
            return any(_rule_name(line) == THREAD_RULE for line in lines[start:] if line)
        if name == CHAT_RULE:
            return True  # asked by _replies_to_post before the message was taken
        line = lines[first]
        if linetext.is_avatar(line):
            return True
        rule = rules.classify(line)
        if rule is not None and rule.kind in (rules.FORM, rules.COMMENTS):
            return True
        if _NAMED_COMMENT.match(line) and not linetext.is_sentence(line.partition(":")[0], 4):
            return True
        return linetext.is_commenter_name(line) and self._next(lines, first + 1) is not None

    def _form_to_end(self, lines: list[str], start: int) -> bool:
        """After comment-form text, is everything left more form (labels, buttons, footers)?"""
        if self._next(lines, start) is None:
            return False
        return start > self._last_prose(lines)

    def _last_prose(self, lines: list[str]) -> int:
        """Index of the last line that is article prose (found once per text, from the end)."""
        if self._prose_end is None:
            self._prose_end = -1
            for index in range(len(lines) - 1, -1, -1):
                line = lines[index]
                words = linetext.word_count(line)
                if not line or (words <= 6 and not linetext.is_sentence(line, 4)):
                    continue
                if self.judge(line, words) is None:
                    self._prose_end = index
                    break
        return self._prose_end

    def _remove_rest(
        self,
        lines: list[str],
        start: int,
        name: str,
        removed: dict[int, str],
        *,
        keep_prose: bool = False,
    ) -> None:
        for index in range(start, len(lines)):
            line = lines[index]
            if not line:
                continue
            words = linetext.word_count(line)
            judgement = self.judge(line, words)
            if judgement is not None:
                removed[index] = judgement[0]
            elif not (keep_prose and words >= LONG_SENTENCE_WORDS and linetext.is_sentence(line)):
                removed[index] = name

    def _remove_list(
        self, lines: list[str], start: int, name: str, kind: str, removed: dict[int, str]
    ) -> int:
        """Remove the list under a related-stories or sources heading; the index after it."""
        accepts: Callable[[str, int], bool] = (
            linetext.is_list_item if kind == rules.LIST else linetext.is_source_item
        )
        if name == "contents list":
            accepts = is_contents_entry
        index = start
        taken = 0
        numbered: bool | None = None
        while index < len(lines) and taken < 30:
            line = lines[index]
            if not line:
                index += 1
                continue
            words = linetext.word_count(line)
            if self.judge(line, words) is not None or not accepts(line, words):
                break
            marked = ITEM_MARK.match(line) is not None
            if numbered is None:
                numbered = marked
            if marked != numbered or self._wraps_on(lines, index):
                break
            if kind == rules.LIST and not taken and not marked and self._heads_prose(lines, index):
                break
            removed[index] = name
            taken += 1
            index += 1
        return index

    def _remove_shared_foot(
        self, lines: list[str], removed: dict[int, str], context: ArticleContext
    ) -> None:
        """The closing lines this text shares with other documents of its source, whatever
        their length: from the end up, while each line is removed already, seen in
        ``foot_documents`` documents, or a short entry of a changing list under them, and
        is neither a date nor a numbered sentence (a standard clause of an order is the
        order's own); a shared line goes unless it speaks of the article (two reports that
        end on the same background paragraph keep it); none goes when the shared lines are
        much of the text; the foot lies below the heading of the article's last section (a
        repeated heading over a list of the text's own) and below a table of prices that
        stands in the article (see ``context``)."""
        if self.stats is None:
            return
        least = self.settings.foot_documents
        foot: list[int] = []
        shared_counts: dict[int, int] = {}
        closing: dict[int, int] = {}
        entries: set[int] = set()
        heads: set[int] = set()
        for index in range(len(lines) - 1, -1, -1):
            line = lines[index]
            if not line:
                continue
            if len(foot) == FOOT_LINES or index in context.last_sections:
                break
            if index in removed:
                if removed[index].startswith("learned:"):
                    heads.add(index)  # a repeated line: a heading, or a list's standing entry
                elif linetext.is_sentence(line) and self._shared(line) >= least:
                    closing[index] = least  # a rule's sentence the outlet's documents close on
            else:
                key = learning_key(line, self.settings.max_words)
                count = self.stats.count(key) if key != self.headline_key else 0
                shared_line = count >= least
                if not shared_line and (not is_foot_entry(line) or self._wraps_on(lines, index)):
                    break  # asked first: most texts end on a line of their own (or its prose)
                if ends_foot(line) or context.closes_prices(index):
                    break
                if shared_line:
                    shared_counts[index] = count
                else:
                    entries.add(index)
            foot.append(index)
        top = foot_top(lines, foot[::-1], shared_counts | closing, heads, entries)
        foot = foot[: len(foot) - top]  # it begins with a line the outlet's documents share
        if not foot:
            return
        shared = [i for i in foot if i in shared_counts]
        body = [i for i, line in enumerate(lines) if line and i not in removed and i not in foot]
        shared_size = sum(len(lines[i]) for i in shared)
        if shared_size > FOOT_SHARE * (shared_size + sum(len(lines[i]) for i in body)):
            return  # another version of one report (a copy, an update), not furniture
        article = {word for i in body for word in content_words(lines[i])}
        for index in shared:
            words = content_words(lines[index])
            if words and len(words & article) >= FOOT_OVERLAP * len(words):
                continue
            removed[index] = (
                f"learned foot: repeats in {shared_counts[index]} documents of source {self.source}"
            )
        for index in entries & set(foot):
            removed[index] = f"learned foot: below lines other documents of {self.source} end on"

    def _shared(self, line: str) -> int:
        """In how many documents of the source ``line`` stands (0 without counts)."""
        if self.stats is None:
            return 0
        return self.stats.count(learning_key(line, self.settings.max_words))

    def _heads_list(self, lines: list[str], index: int) -> bool:
        """Whether a one-word footer marker ("Notes") heads a list of the article's own
        (marked entries that no rule removes): then it is a section heading."""
        line = lines[index].strip()
        following = self._next(lines, index + 1)
        if not line.isalpha() or line.isupper() or following is None:
            return False
        entry = lines[following]
        words = linetext.word_count(entry)
        return ITEM_MARK.match(entry) is not None and self.judge(entry, words) is None

    def _wraps_on(self, lines: list[str], index: int) -> bool:
        """Whether ``lines[index]`` is a line of hard-wrapped prose: it runs on into a line
        in lower case (after a word broken by a hyphen too, "streng-" / "then"), or ends at
        the text's wrap width."""
        line = lines[index]
        following = self._next(lines, index + 1)
        broken = line[-1:].isalnum() or (line[-1:] == "-" and line[-2:-1].isalpha())
        if following is not None and broken and lines[following][:1].islower():
            return True
        if not self._measured:
            self._width = linetext.wrap_width([text for text in lines if text])
            self._measured = True
        return self._width is not None and len(line) >= self._width - linetext.WRAP_MARGIN

    def _ends_wrapped(self, lines: list[str], index: int) -> bool:
        """Whether ``lines[index]`` runs on into a line in lower case, or ends at the text's
        wrap width and not past it (a longer line was never wrapped: a caption pasted
        whole)."""
        if not self._wraps_on(lines, index):
            return False
        following = self._next(lines, index + 1)
        if following is not None and lines[following][:1].islower():
            return True
        return self._width is not None and len(lines[index]) <= self._width

    def _heads_prose(self, lines: list[str], index: int) -> bool:
        """Whether the line after ``lines[index]`` is a paragraph: then the line is the
        heading of the article's next section, not the first entry of a list."""
        following = self._next(lines, index + 1)
        if following is None:
            return False
        after = lines[following]
        words = linetext.word_count(after)
        if words < PARAGRAPH_WORDS or after.endswith("?") or self.judge(after, words) is not None:
            return False
        return (
            linetext.is_sentence(after)
            or _WRAPPED.search(after) is not None
            or self._wraps_on(lines, following)
        )


THREAD_RULE = "comment header"
_NAMED_COMMENT = re.compile(r"[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}(?: \([^()]{1,40}\))?: \S")
"""A comment that opens with its writer's name, their team in brackets or not ("Asha Rao
(Finance): Will it be recorded?", "Corporate Communications: Yes.")."""


def _rule_name(line: str) -> str:
    rule = rules.classify(line)
    return "" if rule is None else rule.name
