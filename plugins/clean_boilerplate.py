"""Remove the lines of a scraped page that are not the article, and normalise its text.

Two kinds of evidence, both conservative (an article sentence is never removed):

1. **Rules** (:mod:`aggregator.toolkit.boilerplate`): share and follow
   prompts, reader-comment blocks and comment forms, "Also Read"/"Read
   more"/"READ |" links and related-story lists, advertisement markers,
   newsletter and app prompts, "Summary based on N sources" with its source
   list, photo credits, reading times, cookie and paywall nags, copyright
   footers, disclaimers, agency trailers. A rule matches a *whole* line, so
   "Sources said…" or "The advertisement campaign…" stay.
2. **Learning**: a short line (``max_words`` words or fewer, not a prose
   sentence) seen in ``min_documents`` distinct documents of one source is
   that outlet's furniture ("The Tokyo Ledger — English Edition"). Counts are
   kept per source in the store, so learning continues across runs; the
   ``aggregator_fetch`` wrapper reads up to 64 documents ahead and counts
   their lines before the parser sees them, so an outlet's first documents
   are cleaned as well as its later ones. Each entry of a feed counts as a
   document, and the ``aggregator_parse`` wrapper counts all the entries of
   a feed before its first is cleaned. Documents are told apart by a
   content signature (their longest lines), so reprocessing a document, or
   the same wire story filed three times, counts once. Memory stays bounded
   by lossy counting (lines that stop recurring are forgotten).

Every removed line is recorded in ``item.removed`` with the rule that removed
it. A summary that is the text itself on one line (a feed entry whose
description is its only body) is made again from the cleaned text. Text is
normalised: NFC, one kind of space, no zero-width characters, stripped lines,
at most one blank line between paragraphs.

Configuration (``[plugins.clean_boilerplate]``)::

    min_documents = 3     # a short line in this many documents of a source is boilerplate
    max_words = 12        # only lines this short are learned
    extra_patterns = []   # your own regexes; a line they match (re.search, any case) goes
    learn = true          # false: rules only, nothing counted or stored
"""

from __future__ import annotations

import functools
import hashlib
import heapq
import html as htmllib
import logging
import re
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, NamedTuple

from lxml import etree
from lxml.html import fragment_fromstring, tostring

from aggregator import (
    Config,
    Document,
    Item,
    Option,
    Removal,
    Run,
    RunReport,
    SourceConfig,
    StashKey,
    hookimpl,
)
from aggregator.store import Store
from aggregator.tables import Table
from aggregator.toolkit import boilerplate as rules
from aggregator.toolkit.dates import parse_date_line
from aggregator.toolkit.plaintext import derive_title
from aggregator.toolkit.render import sanitize_html
from aggregator.toolkit.text import cut, squash

log = logging.getLogger(__name__)

NAME = "clean_boilerplate"
LOOKAHEAD_DOCUMENTS = 64
LOOKAHEAD_BYTES = 32 * 1024 * 1024
BUCKET_DOCUMENTS = 2000
"""Lossy-counting bucket: a line must recur about once per this many documents to be kept."""
LONG_SENTENCE_WORDS = 15
"""In a source list, a prose sentence this long is article text, not a list entry."""
MARKUP_SUBTYPES = ("html", "xml")


def _check_min_documents(value: Any) -> None:
    if value < 2:
        raise ValueError(f"must be 2 or more, got {value}")


def _check_positive(value: Any) -> None:
    if value <= 0:
        raise ValueError(f"must be greater than 0, got {value}")


def _check_patterns(value: Any) -> None:
    for index, pattern in enumerate(value):
        try:
            re.compile(pattern)
        except re.error as exc:
            raise ValueError(
                f"extra_patterns[{index}] {pattern!r} is not a valid regular expression: {exc}"
            ) from None


SCHEMA = {
    "min_documents": Option(
        int,
        3,
        help="a short line seen in this many documents of one source is boilerplate",
        check=_check_min_documents,
    ),
    "max_words": Option(
        int, 12, help="only lines of this many words or fewer are learned", check=_check_positive
    ),
    "extra_patterns": Option(
        list,
        [],
        item_type=str,
        help="regular expressions (Python syntax, any case) for more lines to remove",
        check=_check_patterns,
    ),
    "learn": Option(
        bool, True, help="learn each source's repeated lines; false uses the rules only"
    ),
}


class LineRow(NamedTuple):
    """A short line of one source: in how many distinct documents it was seen."""

    source: str
    line: str
    documents: int
    delta: int = 0
    """Lossy counting's error bound: the bucket the line was first counted in, less one."""
    signatures: str = ""
    """The documents it was seen in, as comma-separated hexadecimal signatures."""


class SourceRow(NamedTuple):
    """How many documents of one source were counted."""

    source: str
    documents: int


LINES = Table("clean_boilerplate_lines", LineRow, key=("source", "line"))
SOURCES = Table("clean_boilerplate_sources", SourceRow, key=("source",))


@dataclass(frozen=True)
class Settings:
    min_documents: int = 3
    max_words: int = 12
    extra_patterns: tuple[re.Pattern[str], ...] = ()
    learn: bool = True

    @classmethod
    def from_options(cls, options: dict[str, Any]) -> Settings:
        return cls(
            min_documents=options["min_documents"],
            max_words=options["max_words"],
            extra_patterns=tuple(re.compile(p, re.IGNORECASE) for p in options["extra_patterns"]),
            learn=options["learn"],
        )

    @property
    def signatures_kept(self) -> int:
        """Distinct documents remembered per line: enough to decide, never more."""
        return max(self.min_documents, 8)


# ---------------------------------------------------------------------------
# learning


def _digest(*parts: str) -> int:
    data = "\0".join(parts).encode("utf-8", "replace")
    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "big")


def signature(lines: Iterable[str]) -> int:
    """What tells one document from another: its three longest lines.

    The same text delivered again (a reprocessed file) or filed again (the
    same wire story in a second file) has the same signature, so its lines
    count once.
    """
    longest = heapq.nlargest(3, (line for line in lines if line), key=len)
    return _digest(*sorted(rules.signature_key(line) for line in longest))


class _Entry:
    __slots__ = ("count", "delta", "dirty", "signatures", "stored")

    def __init__(self, count: int, delta: int, signatures: list[int], stored: bool) -> None:
        self.count = count
        self.delta = delta
        self.signatures = signatures
        self.stored = stored
        self.dirty = not stored


class SourceStats:
    """Per-source counts of short lines: in how many distinct documents each was seen.

    Lossy counting (Manku and Motwani) keeps memory bounded: every
    ``BUCKET_DOCUMENTS`` documents, lines whose count cannot matter any more
    are forgotten.
    """

    def __init__(self, name: str, documents: int = 0) -> None:
        self.name = name
        self.documents = documents
        self.entries: dict[str, _Entry] = {}
        self.deleted: set[str] = set()
        self.changed = False

    def count(self, key: str) -> int:
        entry = self.entries.get(key)
        return entry.count if entry is not None else 0

    def observe(self, keys: Iterable[str], document: int, cap: int) -> None:
        self.documents += 1
        self.changed = True
        bucket = -(-self.documents // BUCKET_DOCUMENTS)
        entries = self.entries
        for key in keys:
            entry = entries.get(key)
            if entry is None:
                entries[key] = _Entry(1, bucket - 1, [document], stored=False)
                continue
            if entry.count >= cap:
                entry.count += 1
            elif document in entry.signatures:
                continue
            else:
                entry.signatures.append(document)
                entry.count += 1
            entry.dirty = True
        if self.documents % BUCKET_DOCUMENTS == 0:
            self.prune(bucket)

    def prune(self, bucket: int) -> None:
        stale = [k for k, e in self.entries.items() if e.count + e.delta <= bucket]
        for key in stale:
            if self.entries.pop(key).stored:
                self.deleted.add(key)


class Learner:
    """Counts lines per source for one run, starting from what ``load`` remembers of a source."""

    def __init__(
        self, settings: Settings, load: Callable[[str], SourceStats] = SourceStats
    ) -> None:
        self.settings = settings
        self.load = load
        self.sources: dict[str, SourceStats] = {}
        self.counted: set[int] = set()

    def stats(self, source: str) -> SourceStats:
        stats = self.sources.get(source)
        if stats is None:
            stats = self.load(source)
            self.sources[source] = stats
        return stats

    def first_time(self, source: str, uri: str) -> bool:
        """True the first time a document is seen in this run (it is then counted)."""
        marker = _digest(source, uri)
        if marker in self.counted:
            return False
        self.counted.add(marker)
        return True

    def observe_lines(self, source: str, lines: list[str]) -> None:
        """Count the short lines of one document, each once (callers ask :meth:`first_time`)."""
        limit = self.settings.max_words
        char_limit = limit * 30
        keys: set[str] = set()
        for line in lines:
            if not line or len(line) > char_limit:
                continue
            if line.count(" ") >= limit and len(line.split()) > limit:
                continue
            key = rules.line_key(line)
            if key:
                keys.add(key)
        if keys:
            self.stats(source).observe(keys, signature(lines), self.settings.signatures_kept)

    def observe_document(self, source: str, document: Document) -> None:
        """Count a fetched document's lines before it is parsed (``text/*`` but markup only)."""
        if document.error or not document.content:
            return
        media_type = document.media_type.split(";", 1)[0].strip().lower()
        kind, _, subtype = media_type.partition("/")
        if kind != "text" or any(markup in subtype for markup in MARKUP_SUBTYPES):
            return
        if not self.first_time(source, document.uri):
            return
        text = document.content.decode("utf-8", errors="replace").lstrip("\ufeff")
        self.observe_lines(source, [line.strip() for line in text.splitlines()])

    def observe_item(self, item: Item) -> None:
        """Count an item's lines, when its document was not counted while it was fetched.

        The item counts as a document of its own: the entries of a feed share
        the feed's URI, and counted under it, only each feed's first entry was.
        """
        if _digest(item.source, item.uri) in self.counted:
            return
        if not self.first_time(item.source, f"{item.uri}\0{item.id}"):
            return  # counted when its feed was parsed
        lines = [item.title, *item.summary.split("\n"), *item.text.split("\n")]
        self.observe_lines(item.source, lines)


def load_counts(store: Store, source: str) -> SourceStats:
    """What the store remembers of a source's lines."""
    row = store.table(SOURCES).get(source)
    stats = SourceStats(source, row.documents if row else 0)
    for line in store.table(LINES).select(("source", "=", source)):
        sigs = [int(s, 16) for s in line.signatures.split(",") if s]
        stats.entries[line.line] = _Entry(line.documents, line.delta, sigs, stored=True)
    return stats


def save_counts(store: Store, learner: Learner) -> None:
    """Write what changed in the learner's counts (call inside a store transaction)."""
    lines, sources = store.table(LINES), store.table(SOURCES)
    for stats in learner.sources.values():
        if not stats.changed:
            continue
        if stats.deleted:
            lines.delete((stats.name, key) for key in stats.deleted)
            stats.deleted.clear()
        rows = []
        for key, entry in stats.entries.items():
            if entry.dirty:
                sigs = ",".join(f"{s:x}" for s in entry.signatures)
                rows.append(LineRow(stats.name, key, entry.count, entry.delta, sigs))
                entry.dirty = False
                entry.stored = True
        lines.upsert(rows)
        sources.upsert([SourceRow(stats.name, stats.documents)])
        stats.changed = False


def read_ahead(documents: Iterable[Document], source: str, learner: Learner) -> Iterator[Document]:
    """Pass documents through, counting their lines up to 64 documents (32 MB) ahead.

    A failure of the underlying iterator is raised only after the documents
    read before it were delivered, as it would have been without the look-ahead.
    """
    iterator = iter(documents)
    buffer: deque[Document] = deque()
    buffered = 0
    failure: Exception | None = None
    exhausted = False
    try:
        while True:
            while (
                not exhausted
                and failure is None
                and len(buffer) < LOOKAHEAD_DOCUMENTS
                and buffered < LOOKAHEAD_BYTES
            ):
                try:
                    document = next(iterator)
                except StopIteration:
                    exhausted = True
                    break
                except Exception as exc:
                    failure = exc
                    break
                try:
                    learner.observe_document(source, document)
                except Exception:  # learning is best effort; the document still goes on
                    log.exception("could not count the lines of %s", document.uri)
                buffer.append(document)
                buffered += len(document.content)
            if not buffer:
                if failure is not None:
                    raise failure
                return
            document = buffer.popleft()
            buffered -= len(document.content)
            yield document
    finally:
        close = getattr(iterator, "close", None)
        if close is not None:
            close()


# ---------------------------------------------------------------------------
# cleaning


Judgement = tuple[str, str] | None


class Cleaner:
    """Decides line by line what is boilerplate in one text, rules first, then learning."""

    def __init__(self, settings: Settings, stats: SourceStats | None) -> None:
        self.settings = settings
        self.stats = stats
        self.source = stats.name if stats is not None else ""
        self._prose_end: int | None = None

    def judge(self, line: str, words: int) -> Judgement:
        """``(rule name, kind)`` when the line is boilerplate, else ``None``."""
        for pattern in self.settings.extra_patterns:
            if pattern.search(line):
                return f"extra pattern: {pattern.pattern}", rules.LINE
        rule = rules.classify(line, words)
        if rule is not None:
            return rule.name, rule.kind
        stats = self.stats
        if stats is not None and words <= self.settings.max_words:
            count = stats.count(rules.line_key(line))
            if count >= self.settings.min_documents and _learnable(line):
                return f"learned: repeats in {count} documents of source {self.source}", rules.LINE
        return None

    def clean(self, text: str) -> tuple[str, list[tuple[str, str]]]:
        """The text without its boilerplate lines, and ``(line, rule)`` for each line removed."""
        lines = text.split("\n")
        count = len(lines)
        removed: dict[int, str] = {}
        self._prose_end = None
        i = 0
        while i < count:
            line = lines[i]
            if not line:
                i += 1
                continue
            judgement = self.judge(line, rules.word_count(line))
            if judgement is None:
                i += 1
                continue
            name, kind = judgement
            removed[i] = name
            if kind == rules.COMMENTS and self._comments_follow(lines, i + 1):
                self._remove_rest(lines, i + 1, name, removed)
                break
            if kind == rules.FORM and self._form_to_end(lines, i + 1):
                self._remove_rest(lines, i + 1, name, removed)
                break
            if kind == rules.TO_END:
                self._remove_rest(lines, i + 1, "source list", removed, keep_prose=True)
                break
            if kind in (rules.LIST, rules.SOURCES):
                i = self._remove_list(lines, i + 1, name, kind, removed)
                continue
            i += 1
        if not removed:
            return text, []
        kept = [line for index, line in enumerate(lines) if index not in removed]
        return rules.join_lines(kept), [(lines[i], removed[i]) for i in sorted(removed)]

    @staticmethod
    def _next(lines: list[str], start: int) -> int | None:
        for index in range(start, len(lines)):
            if lines[index]:
                return index
        return None

    def _comments_follow(self, lines: list[str], start: int) -> bool:
        """Whether a comments heading is followed by comments (avatars, names) or a form."""
        first = self._next(lines, start)
        if first is None:
            return False
        line = lines[first]
        if rules.is_avatar(line):
            return True
        rule = rules.classify(line)
        if rule is not None and rule.kind in (rules.FORM, rules.COMMENTS):
            return True
        return rules.is_commenter_name(line) and self._next(lines, first + 1) is not None

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
                words = rules.word_count(line)
                if not line or (words <= 6 and not rules.is_sentence(line, 4)):
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
            words = rules.word_count(line)
            judgement = self.judge(line, words)
            if judgement is not None:
                removed[index] = judgement[0]
            elif not (keep_prose and words >= LONG_SENTENCE_WORDS and rules.is_sentence(line)):
                removed[index] = name

    def _remove_list(
        self, lines: list[str], start: int, name: str, kind: str, removed: dict[int, str]
    ) -> int:
        """Remove the list under a related-stories or sources heading; the index after it."""
        accepts: Callable[[str, int], bool] = (
            rules.is_list_item if kind == rules.LIST else rules.is_source_item
        )
        index = start
        taken = 0
        while index < len(lines) and taken < 30:
            line = lines[index]
            if not line:
                index += 1
                continue
            words = rules.word_count(line)
            if self.judge(line, words) is not None or not accepts(line, words):
                break
            removed[index] = name
            taken += 1
            index += 1
        return index


@functools.lru_cache(maxsize=4096)
def _learnable(line: str) -> bool:
    """Whether a repeated short line may be boilerplate: not a prose sentence, not a date."""
    return not rules.is_sentence(line) and parse_date_line(line) is None


def clean_item(item: Item, learner: Learner) -> None:
    """Clean one item in place (what the hook does), with ``learner``'s settings and counts."""
    settings = learner.settings
    item.title = " ".join(rules.normalise_text(item.title).split())
    item.summary = rules.normalise_text(item.summary)
    item.text = rules.normalise_text(item.text)
    stats = None
    if settings.learn:
        learner.observe_item(item)
        stats = learner.stats(item.source)
    cleaner = Cleaner(settings, stats)
    removals: list[tuple[str, str]] = []
    derived_summary = repeats_text(item.summary, item.text)
    if item.summary and not derived_summary:
        item.summary, found = cleaner.clean(item.summary)
        removals.extend(found)
    if item.text:
        item.text, found = cleaner.clean(item.text)
        removals.extend(found)
        if derived_summary and found:
            squashed = squash(item.text)
            cut_short = item.summary.endswith("…")
            item.summary = cut(squashed, len(item.summary)) if cut_short else squashed
    if item.title:
        removals.extend(_repair_title(item, cleaner))
    for line, rule in removals:
        item.removed.append(Removal(text=line, rule=rule, plugin=NAME))
    if removals and item.html:
        item.html = prune_html(item.html, {line for line, _ in removals})


def repeats_text(summary: str, text: str) -> bool:
    """Whether a summary is the text itself on one line, perhaps cut short ("…").

    A feed entry whose description is its only body gets that body as its
    summary too, its paragraphs joined into one line. Cleaned as a line, it
    would keep every boilerplate line the text loses ("ADVERTISEMENT",
    "Follow us on…"), and publishers show it; such a summary is made again
    from the cleaned text instead. A lead paragraph taken as the summary is
    not the whole text, and stays as it is.
    """
    cut_short = summary.endswith("…")
    head = summary.removesuffix("…")
    words = text.split(None, 1) if cut_short else text.rsplit(None, 1)
    if not head or not words:
        return False
    if cut_short:  # cheap refusals first: most summaries are not the text
        if words[0] != head.split(" ", 1)[0]:
            return False
        squashed = squash(text)
        return len(squashed) > len(head) and squashed.startswith(head)
    if words[-1] != head.rsplit(" ", 1)[-1]:
        return False
    return squash(text) == head


HEADLINE_SHAPED = frozenset({"related link", "photo credit", "related stories", "source list"})
"""Rules whose lines can be a real headline ("Watch: …", "Photo: …"); a title they match stays."""


def _repair_title(item: Item, cleaner: Cleaner) -> list[tuple[str, str]]:
    """Replace a title that is boilerplate (a masthead or cookie notice taken for a headline).

    The first line of the text becomes the title when it looks like a
    headline; otherwise a title is derived from the summary or the lead.
    """
    title = item.title
    judgement = cleaner.judge(title, rules.word_count(title))
    if judgement is None or judgement[0] in HEADLINE_SHAPED or rules.is_sentence(title):
        return []
    if judgement[0].startswith("learned") and any(char.isdigit() for char in title):
        return []  # learning folds digits; "JIMEX-24" and "JIMEX-25" are different headlines
    lines = item.text.split("\n")
    first = lines[0] if lines else ""
    if _looks_like_headline(first, cleaner):
        item.title = first
        item.text = rules.join_lines(lines[1:])
    else:
        lead = item.summary or item.text.split("\n\n", 1)[0]
        item.title = derive_title(lead) if lead else ""
        item.extras["title_derived"] = True
    return [(title, judgement[0])]


def _looks_like_headline(line: str, cleaner: Cleaner) -> bool:
    words = rules.word_count(line)
    return (
        3 <= words <= 25
        and not rules.ends_like_sentence(line)
        and cleaner.judge(line, words) is None
        and parse_date_line(line) is None
    )


_PRUNABLE = ("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "figcaption", "dt", "dd")


def prune_html(markup: str, lines: set[str]) -> str:
    """Drop the HTML blocks whose whole text is one of the removed lines; sanitized again.

    Read with lxml (the markup is already sanitized, so well formed); the tree
    is walked and written by libxml2, not by recursion in Python.
    """
    wanted = {" ".join(line.split()).casefold() for line in lines}
    try:
        root = fragment_fromstring(markup, create_parent="div")
    except (ValueError, etree.ParserError):
        return markup
    dropped = False
    for element in list(root.iter(*_PRUNABLE)):
        if element.getroottree().getroot() is not root:
            continue  # inside a block dropped already
        text = " ".join(element.text_content().split()).casefold()
        if text and text in wanted:
            element.drop_tree()
            dropped = True
    if not dropped:
        return markup
    for container in list(root.iter("ul", "ol", "figure", "blockquote")):
        if container.getroottree().getroot() is root and not container.text_content().strip():
            container.drop_tree()
    inner = htmllib.escape(root.text or "", quote=False) + "".join(
        tostring(child, encoding="unicode") for child in root
    )
    return sanitize_html(inner)


# ---------------------------------------------------------------------------
# hooks


SETTINGS = StashKey[Settings]()
LEARNER = StashKey[Learner]()
"""This run's learner (one without a store between runs), replaced at each run start."""
STORE = StashKey[Store]()
"""The store this run's learner reads from and saves to (absent when ``learn`` is false)."""


@hookimpl
def aggregator_configure(config: Config) -> None:
    settings = Settings.from_options(config.plugin_options(NAME, SCHEMA))
    config.stash[SETTINGS] = settings
    config.stash[LEARNER] = Learner(settings)


@hookimpl
def aggregator_run_start(run: Run) -> None:
    stash = run.config.stash
    settings = stash[SETTINGS]
    if settings.learn:
        store = run.store
        store.plugin_tables(NAME, LINES, SOURCES)
        stash[LEARNER] = Learner(settings, functools.partial(load_counts, store))
        stash[STORE] = store
    else:
        stash[LEARNER] = Learner(settings)


@hookimpl(wrapper=True)
def aggregator_fetch(  # network sources are fetched in threads: their lines are counted later
    source: SourceConfig, run: Run
) -> Generator[None, Iterable[Document] | None, Iterable[Document] | None]:
    documents = yield
    learner = run.config.stash[LEARNER]
    if documents is None or source.network or not learner.settings.learn:
        return documents
    return read_ahead(documents, source.name, learner)


@hookimpl(wrapper=True)
def aggregator_parse(
    document: Document, source: SourceConfig, config: Config
) -> Generator[None, list[Item] | None, list[Item] | None]:
    """Count the lines of all of a document's items before the first is cleaned: a feed's
    entries then teach the learner their outlet's furniture before any of them is
    cleaned, as the fetch wrapper's look-ahead does for files."""
    items = yield
    learner = config.stash[LEARNER]
    if items and len(items) > 1 and learner.settings.learn:
        for item in items:
            try:
                learner.observe_item(item)
            except Exception:  # learning is best effort; the items still go on
                log.exception("could not count the lines of %s", item.uri)
    return items


@hookimpl
def aggregator_clean_item(item: Item, config: Config) -> None:
    clean_item(item, config.stash[LEARNER])


@hookimpl
def aggregator_run_finish(run: Run, report: RunReport) -> None:
    stash = run.config.stash
    if stash.get(STORE, None) is run.store:
        with run.store.transaction():
            save_counts(run.store, stash[LEARNER])
        del stash[STORE]
    stash[LEARNER] = Learner(stash[SETTINGS])
