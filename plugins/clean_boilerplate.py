"""Remove the lines of a scraped page that are not the article, and normalise its text.

Two kinds of evidence, both conservative (an article sentence is never removed):

1. **Rules** (:mod:`aggregator.toolkit.boilerplate`): share and follow
   prompts, reader-comment blocks and comment forms, "Also Read"/"Read
   more"/"READ |" links and related-story lists, advertisement markers,
   newsletter and app prompts, "Summary based on N sources" with its source
   list, photo credits, reading times, cookie and paywall nags, copyright
   footers, disclaimers, agency trailers; and the furniture of every kind of
   publisher by shape (:mod:`aggregator.toolkit.boilerplate_shapes`: menus,
   contact blocks, "About <Company>" back matter, bulletin and newsletter
   footers, e-mail headers and signatures, PDF page furniture, wire codes).
   A rule matches a *whole* line, so "Sources said…" or "The advertisement
   campaign…" stay.
2. **Learning** (:mod:`aggregator.toolkit.boilerplate_learning`): a short
   line (``max_words`` words or fewer, not a prose sentence) seen in
   ``min_documents`` distinct documents of one source is that outlet's
   furniture ("The Tokyo Ledger — English Edition"). At a document's foot,
   lines of any length count and one document fewer is enough: an outlet
   closes its documents with the same paragraphs (copyright, newsletter
   pitch, "about us"); a date, a numbered clause or a line that speaks of
   the article stays. Counts are kept per source in the store (tables
   ``clean_boilerplate_lines`` and ``clean_boilerplate_sources``), so
   learning continues across runs.

Why the look-ahead, and why wrappers: items are cleaned one by one as they
are parsed, so counting a line only when its item is cleaned would leave the
first ``min_documents - 1`` documents of a new outlet uncleaned (the furniture
is learned only by the third). So the plugin counts *ahead* of the cleaning:

- it wraps ``aggregator_fetch`` (``read_ahead``): the documents a fetcher
  yields pass through a buffer of up to 64 documents (32 MB), and each
  document's lines are counted when it enters the buffer, before the parser
  sees it. Only plain-text documents of local sources are counted this way:
  a network source is fetched in threads, and markup is counted from its items;
- it wraps ``aggregator_parse``: when one document gives several items (the
  entries of a feed), all of them are counted before the first is cleaned.

Wrappers, because the look-ahead is about the order in which other plugins'
results reach the cleaner, not a fetch or a parse of its own: a wrapper sees
whatever the fetching or parsing plugin returns, and hands it on unchanged. A
document or an entry is counted once however it arrives (the learner remembers
what it counted in the run), and the counting is best effort: a failure to
count never stops a document.

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

import dataclasses
import functools
import logging
import re
from collections import deque
from collections.abc import Generator, Iterable, Iterator
from typing import TYPE_CHECKING, Any, NamedTuple

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
from aggregator.tables import Table
from aggregator.toolkit import lines as linetext
from aggregator.toolkit.boilerplate_cleaner import Cleaner
from aggregator.toolkit.boilerplate_html import prune_html
from aggregator.toolkit.boilerplate_learning import (
    TOP_MARK,
    Learner,
    LineEntry,
    Settings,
    SourceStats,
    is_short,
    learning_key,
)
from aggregator.toolkit.dates import find_date_prefix
from aggregator.toolkit.header_dated import FIGURES_DATED
from aggregator.toolkit.header_lines import unmarked
from aggregator.toolkit.html import strip_tag_like
from aggregator.toolkit.learned_titles import names_document_over_prose
from aggregator.toolkit.plaintext import derive_title
from aggregator.workers import AFTER_PARSE, SHIPPERS, Later, Shipper

if TYPE_CHECKING:  # a worker process, which loads this plugin, never opens the store
    from aggregator.store import Store

log = logging.getLogger(__name__)

NAME = "clean_boilerplate"
LOOKAHEAD_DOCUMENTS = 64
LOOKAHEAD_BYTES = 32 * 1024 * 1024


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


def load_counts(store: Store, source: str) -> SourceStats:
    """What the store remembers of a source's lines."""
    row = store.table(SOURCES).get(source)
    stats = SourceStats(source, row.documents if row else 0)
    for line in store.table(LINES).select(("source", "=", source)):
        sigs = [int(s, 16) for s in line.signatures.split(",") if s]
        stats.entries[line.line] = LineEntry(line.documents, line.delta, sigs, stored=True)
    return stats


def save_counts(store: Store, learner: Learner) -> None:
    """Write what changed in the learner's counts (call inside a store transaction).

    A long line of a document's foot seen in one document is not among the counts
    (:attr:`SourceStats.pending`), so it is not stored: a foot learns from the
    documents of one run.
    """
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


def clean_item(item: Item, learner: Learner) -> None:
    """Clean one item in place (what the hook does), with ``learner``'s settings and counts."""
    settings = learner.settings
    item.title = " ".join(linetext.normalise_text(item.title).split())
    item.summary = linetext.normalise_text(item.summary)
    item.text = linetext.normalise_text(item.text)
    stats = None
    if settings.learn:
        learner.observe_item(item)
        stats = learner.stats(item.source)
    headline = "" if learner.counted_raw(item) else item.title
    cleaner = Cleaner(settings, stats, headline=headline, authors=tuple(item.authors))
    removals: list[tuple[str, str]] = []
    if item.summary:
        item.summary, found = cleaner.clean(item.summary)
        removals.extend(found)
    if item.text:
        item.text, found = cleaner.clean(item.text)
        removals.extend(found)
    if item.title:
        named = frozenset(
            linetext.line_key(_LIST_ENTRY.sub("", line, count=1))
            for line, rule in removals
            if rule in LISTS
        )
        removals.extend(_repair_title(item, cleaner, named))
    for line, rule in removals:
        item.removed.append(Removal(text=line, rule=rule, plugin=NAME))
    if removals and item.html:
        item.html = prune_html(item.html, {line for line, _ in removals})


HEADLINE_SHAPED = frozenset({"related link", "photo credit", "related stories", "source list"})
"""Rules whose lines can be a real headline ("Watch: …", "Photo: …"); a title they match stays."""


def _repair_title(
    item: Item, cleaner: Cleaner, named: frozenset[str] = frozenset()
) -> list[tuple[str, str]]:
    """Replace a title that is boilerplate (a masthead or cookie notice taken for a headline).

    The first line of the text becomes the title when it looks like a
    headline, past up to four lines above it that no headline is: a page's
    section labels and menu words ("World", "SPORTS", "Home"), copied with it,
    a newsletter's greeting ("Good morning. Here's what you need to know."),
    its issue line ("Issue No. 25 · 5 January 2026") and its standing tagline, a
    long sentence the source's other documents open with too ("This e-Bulletin
    brings you … every month."); otherwise a title is derived from the summary
    or the lead. Such a tagline is itself a title to replace. A learned title that names a
    kind of document over a text of prose alone stays (:mod:`aggregator.toolkit.learned_titles`).
    """
    title = item.title
    judgement = cleaner.judge(title, linetext.word_count(title))
    if judgement is None:
        judgement = cleaner.shared_head(title)
        if judgement is None:
            return _repair_shared_title(item, cleaner, named)
    elif judgement[0] in HEADLINE_SHAPED or linetext.is_sentence(title):
        return []
    elif judgement[0].startswith("learned") and any(char.isdigit() for char in title):
        return []  # learning folds digits; "JIMEX-24" and "JIMEX-25" are different headlines
    lines = item.text.split("\n")
    found = [(title, judgement[0])]
    start = 0
    for _ in range(SECTION_LABELS + 1):
        first = next((i for i in range(start, len(lines)) if lines[i]), None)
        if first is None:
            break
        if _looks_like_headline(lines[first], cleaner):
            item.title = strip_tag_like(unmarked(lines[first]))
            item.text = linetext.join_lines(lines[first + 1 :])
            return found
        kind = _above_headline(lines[first])
        if kind is None and (shared := cleaner.shared_head(lines[first])) is not None:
            kind = shared[0]
        if kind is None:
            break
        found.append((lines[first], kind))
        start = first + 1
    if judgement[0].startswith("learned") and names_document_over_prose(title, lines[start:]):
        return []
    lead = item.summary or linetext.join_lines(lines[start:]).split("\n\n", 1)[0]
    item.title = strip_tag_like(derive_title(lead)) if lead else ""
    item.extras["title_derived"] = True
    return found[:1]


def _repair_shared_title(
    item: Item, cleaner: Cleaner, named: frozenset[str]
) -> list[tuple[str, str]]:
    """Replace a title other documents of the source open with too (a site-wide banner, a
    record's session heading the parser took for the headline) by the first line of the
    text that reads as a headline, past up to four lines no headline is. The title stays
    when there is none, when it holds a figure (learning folds digits: "Exercise 25" and
    "Exercise 26" are two headlines), or when the line is a list's entry or named in the
    document's contents list (a section of an issue, not its headline)."""
    title = item.title
    judgement = _shared_title(title, cleaner)
    if judgement is None or any(char.isdigit() for char in title):
        return []
    lines = item.text.split("\n")
    start = 0
    for _ in range(SECTION_LABELS + 1):
        first = next((i for i in range(start, len(lines)) if lines[i]), None)
        if first is None:
            return []
        line = lines[first]
        if _looks_like_headline(line, cleaner):
            if _LIST_ENTRY.match(line) or linetext.line_key(line) in named:
                return []
            item.title = strip_tag_like(unmarked(line))
            item.text = linetext.join_lines(lines[first + 1 :])
            return [(title, judgement[0])]
        if _above_headline(line) is None and cleaner.shared_head(line) is None:
            return []
        start = first + 1
    return []


def _shared_title(title: str, cleaner: Cleaner) -> tuple[str, str] | None:
    """Whether other documents of the source open with the title too: the cleaner never
    judges the item's own title by its count; this counts it among the documents' first
    lines only (a list of earlier pieces at a column's foot names titles too), once two
    documents share it, as a document's foot is judged."""
    stats, limit = cleaner.stats, cleaner.settings.max_words
    if stats is None or not is_short(title, limit):
        return None
    count = stats.count(TOP_MARK + learning_key(title, limit))
    if count < cleaner.settings.foot_documents:
        return None
    return f"learned title: opens {count} documents of source {stats.name}", "line"


LISTS = frozenset({"contents list"})
_LIST_ENTRY = re.compile(r"(?:\d{1,3}|[IVXivx]{1,4}|[A-Za-z])[.)]\s")


SECTION_LABELS = 4
_SECTION_LABEL = re.compile(r"[A-Z][\w&'’./-]*(?: [\w&'’./-]+){0,2}")
_GREETING = re.compile(
    r"(?:good (?:morning|afternoon|evening|day)|hello|hi|greetings|dear \w+(?: \w+)?)\b.{0,80}",
    re.IGNORECASE,
)
_ISSUE_LINE = re.compile(
    r"(?:issue|vol(?:ume)?\.?|edition|no\.)\s*(?:no\.\s*)?\d+\b.{0,60}"
    r"|(?:issue|edition)\s+(?:of|for|dated)\s+(?=\D{0,30}\d).{4,60}",
    re.I,
)
"""An issue line, numbered ("Issue No. 25 · 5 January 2026") or dated ("Issue of Tuesday,
May 5, 2026 (No. 21890)")."""
_BRACKETED_LABEL = re.compile(r"\[[A-Z][\w&'’ -]{1,30}\]")
"""A trade paper's section in brackets over each story ("[Steelmakers]")."""


def _above_headline(line: str) -> str | None:
    """What a line over a page's headline is, when it cannot be the headline: a page
    section's name (up to three words, no sentence, no figure), a greeting, an issue line,
    a line that opens with a date ("Tuesday, May 5, 2026 / 10:02 a.m. / Briefing Room")."""
    if (
        _SECTION_LABEL.fullmatch(line) is not None
        and not any(char.isdigit() for char in line)
        and not linetext.ends_like_sentence(line)
    ) or _BRACKETED_LABEL.fullmatch(line):
        return "section label"
    if len(line.split()) <= GREETING_WORDS and _GREETING.fullmatch(line):
        return "greeting"
    if _ISSUE_LINE.fullmatch(line):
        return "issue line"
    if find_date_prefix(line) is not None:
        return "date line"
    return None


GREETING_WORDS = 12


def _looks_like_headline(line: str, cleaner: Cleaner) -> bool:
    words = linetext.word_count(line)
    return (
        3 <= words <= 25
        and not linetext.ends_like_sentence(line)
        and _ISSUE_LINE.fullmatch(line) is None
        and cleaner.judge(line, words) is None
        and find_date_prefix(line) is None
        and FIGURES_DATED.search(line) is None
    )


# ---------------------------------------------------------------------------
# hooks


def read_settings(options: dict[str, Any]) -> Settings:
    return Settings(
        min_documents=options["min_documents"],
        max_words=options["max_words"],
        extra_patterns=tuple(re.compile(p, re.IGNORECASE) for p in options["extra_patterns"]),
        learn=options["learn"],
    )


SETTINGS = StashKey[Settings]()
LEARNER = StashKey[Learner]()
"""This run's learner (one without a store between runs), replaced at each run start."""
STORE = StashKey["Store"]()
"""The store this run's learner reads from and saves to (absent when ``learn`` is false)."""


class LearnerShipper:
    """Cleaning in a worker process reads what this process's learner knows now.

    The run's process keeps counting, in input order. A document counted before
    it was parsed (a local text file) goes with the counts of the lines it
    contains; a worker cleans its items with a learner that reads just those
    counts (:meth:`Learner.replaying`), so the result is the one process's. A
    document of a network source (a feed) is counted when parsed, from its
    items: a worker parses it (counting nothing), the run's process counts its
    entries when their turn comes (:meth:`ship_parsed`, what the parse wrapper
    does in one process) and ships the lines the source has learned by then
    (:meth:`Learner.furniture`); a worker cleans the items with a learner that
    knows just those (:meth:`Learner.cleaning`). A document with a single item
    is counted when that item is cleaned, so the run's process cleans it. Other
    documents (markup of a local source, counted from its items while the
    look-ahead counts other files of the source) are parsed and cleaned here.
    """

    def ship(
        self, source: SourceConfig, document: Document, config: Config
    ) -> object | Later | None:
        learner = config.stash[LEARNER]
        if not learner.settings.learn:
            return {}
        counts = learner.counts_for(source.name, document.uri)
        if counts is None and source.network:
            return AFTER_PARSE
        return counts

    def receive(
        self, source: SourceConfig, document: Document, config: Config, payload: object
    ) -> None:
        settings = config.stash[SETTINGS]
        if not settings.learn:
            return
        if payload is AFTER_PARSE:  # the run's process counts the items
            config.stash[LEARNER] = Learner(dataclasses.replace(settings, learn=False))
            return
        assert isinstance(payload, dict)
        learner = Learner.replaying(settings, source.name, document.uri, payload)
        config.stash[LEARNER] = learner

    def ship_parsed(
        self, source: SourceConfig, document: Document, items: list[Item], config: Config
    ) -> object | None:
        learner = config.stash[LEARNER]
        count_entries(learner, items)
        if len(items) < 2:
            return None
        return {name: learner.furniture(name) for name in {item.source for item in items}}

    def receive_parsed(
        self, source: SourceConfig, items: list[Item], config: Config, payload: object
    ) -> None:
        assert isinstance(payload, dict)
        config.stash[LEARNER] = Learner.cleaning(config.stash[SETTINGS], payload, items)


@hookimpl
def aggregator_configure(config: Config) -> None:
    settings = read_settings(config.plugin_options(NAME, SCHEMA))
    config.stash[SETTINGS] = settings
    config.stash[LEARNER] = Learner(settings)
    shippers: dict[str, Shipper] = config.stash.get(SHIPPERS, {})
    config.stash[SHIPPERS] = {**shippers, NAME: LearnerShipper()}


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
    if items:
        count_entries(config.stash[LEARNER], items)
    return items


def count_entries(learner: Learner, items: list[Item]) -> None:
    """Count the lines of the items of one document, when there are several."""
    if len(items) > 1 and learner.settings.learn:
        for item in items:
            try:
                learner.observe_item(item)
            except Exception:  # learning is best effort; the items still go on
                log.exception("could not count the lines of %s", item.uri)


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
