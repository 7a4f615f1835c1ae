"""Learning an outlet's furniture: the lines that recur across its documents.

A short line (``max_words`` words or fewer) seen in ``min_documents``
distinct documents of one source is that outlet's furniture ("The Tokyo
Ledger — English Edition"). The last ``FOOT_LINES`` lines of a document are
counted whatever their length: an outlet closes its documents with the same
paragraphs (a copyright notice, a newsletter pitch, "about us"), which the
cleaner removes from a document's foot once two documents share them. So are
its first ``HEAD_LINES``: a bulletin's tagline sentence over every issue ("This
e-Bulletin brings you …"), which must not stand as the issue's headline.
:class:`Learner` counts lines per source;
documents are told apart by a content signature (their longest lines), so
the same document delivered again, or the same wire story filed three
times, counts once. Memory stays bounded by lossy counting (Manku and
Motwani): lines that stop recurring are forgotten. Where the counts are kept
between runs is the caller's business: a :class:`Learner` starts each source
from what its ``load`` function returns, and exposes what changed.
"""

from __future__ import annotations

import hashlib
import re
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from aggregator.models import Document, Item

from . import lines as linetext
from .boilerplate_cards import is_figures_bar, is_share_split

BUCKET_DOCUMENTS = 2000
"""Lossy-counting bucket: a line must recur about once per this many documents to be kept."""
MARKUP_SUBTYPES = ("html", "xml")
"""Media subtypes whose raw lines are markup, not text: counted from their items instead."""
FOOT_LINES = 16
"""A document's last lines (not blank) counted whatever their length: where an outlet's
closing paragraphs stand. More than the cleaner looks at
(:data:`~aggregator.toolkit.boilerplate_cleaner.FOOT_LINES`), since the parser may take a
trailer off the end of the text."""
HEAD_LINES = 10
"""A document's first lines (not blank) counted whatever their length: where a
newsletter's or bulletin's standing tagline sits above the headline."""
KEYS_REMEMBERED = 256
"""Documents counted ahead whose line keys are remembered for :meth:`Learner.counts_for`
(the fetch look-ahead holds at most 64)."""


@dataclass(frozen=True)
class Settings:
    """What counts as boilerplate: the learning thresholds and a user's own patterns."""

    min_documents: int = 3
    max_words: int = 12
    extra_patterns: tuple[re.Pattern[str], ...] = ()
    learn: bool = True

    @property
    def foot_documents(self) -> int:
        """Documents that must share a line of a document's foot: one fewer than elsewhere
        (at the foot an outlet's furniture is told from its articles by place), two at least."""
        return max(2, self.min_documents - 1)

    @property
    def signatures_kept(self) -> int:
        """Distinct documents remembered per line: enough to decide, never more."""
        return max(self.min_documents, 8)


def _digest(*parts: str) -> int:
    data = "\0".join(parts).encode("utf-8", "replace")
    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "big")


def foot_start(lines: list[str], size: int = FOOT_LINES) -> int:
    """The index where a text's foot begins: its last ``size`` lines that are not blank."""
    seen = 0
    for index in range(len(lines) - 1, -1, -1):
        if lines[index]:
            seen += 1
            if seen == size:
                return index
    return 0


def head_end(lines: list[str], size: int = HEAD_LINES) -> int:
    """The index after a text's first ``size`` lines that are not blank."""
    seen = 0
    for index, line in enumerate(lines):
        if line:
            seen += 1
            if seen == size:
                return index + 1
    return len(lines)


def counted_whole(index: int, head: int, foot: int) -> bool:
    """Whether the line at ``index`` is counted whatever its length: in the head or foot."""
    return index < head or index >= foot


LONG_MARK = "¶ "
"""What a long line's key starts with (a key is otherwise words and spaces only)."""
TOP_MARK = "^ "
"""What the second key of a short line among a text's first :data:`TOP_LINES` starts with:
a line several documents of a source open with is no document's own headline."""
TOP_LINES = 6


def learning_key(line: str, max_words: int) -> str:
    """The key a line is counted under: a short line's folds its digits (a masthead's
    issue number, a counter); a long line's keeps them and is marked, so two reports that
    differ only in their figures are two texts."""
    return _key(line, short=is_short(line, max_words))


def short_key(line: str) -> str:
    """The key a short line is counted under: its digits folded, unless it is a bar of
    figures ("Offered: 41,200 kgs | Sold: 84%") or a split of a whole into shares ("For 44%
    Against 36% Undecided 20%"), whose figures are what it says: the same figures in every
    document are the outlet's (a helpline's numbers, a price list), other figures under
    the same labels are each report's own. Such a line is keyed as a long line is."""
    if (" | " in line or line.count("%") >= 2) and (is_figures_bar(line) or is_share_split(line)):
        return LONG_MARK + linetext.words_key(line)  # (neither is without these: asked first)
    return linetext.line_key(line)


def _key(line: str, *, short: bool) -> str:
    return short_key(line) if short else LONG_MARK + linetext.words_key(line)


def is_short(line: str, max_words: int) -> bool:
    """Whether a line is short enough to be learned anywhere in a document."""
    if len(line) > max_words * 30:
        return False
    return line.count(" ") < max_words or len(line.split()) <= max_words


def is_long_key(key: str) -> bool:
    """Whether a learning key is of a long line (one of a document's foot)."""
    return key.startswith(LONG_MARK)


def signature(lines: Iterable[str]) -> int:
    """What tells one document from another: its three longest lines.

    The same text delivered again (a reprocessed file) or filed again (the
    same wire story in a second file) has the same signature, so its lines
    count once.
    """
    longest = sorted(filter(None, lines), key=len, reverse=True)[:3]  # nlargest's, in C
    return _digest(*sorted(linetext.signature_key(line) for line in longest))


class LineEntry:
    """One line's count in one source, and the documents it was seen in."""

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
        self.entries: dict[str, LineEntry] = {}
        self.pending: dict[str, int] = {}
        """Long lines of a foot seen in one document so far, with its signature: most are
        an article's last paragraphs, kept out of ``entries`` (and the store) until a
        second document has them, and forgotten at the end of each bucket."""
        self.deleted: set[str] = set()
        self.changed = False
        self.read_only: dict[str, int] | None = None

    def count(self, key: str) -> int:
        if self.read_only is not None:
            return self.read_only.get(key, 0)
        entry = self.entries.get(key)
        return entry.count if entry is not None else 0

    @classmethod
    def reading(cls, name: str, counts: dict[str, int]) -> SourceStats:
        """Stats that only answer :meth:`count` from ``counts`` (what a worker cleans
        with): no entry is built for lines nothing will count again."""
        stats = cls(name)
        stats.read_only = counts
        return stats

    def observe(self, keys: Iterable[str], document: int, cap: int) -> None:
        self.documents += 1
        self.changed = True
        bucket = -(-self.documents // BUCKET_DOCUMENTS)
        entries = self.entries
        pending = self.pending
        for key in keys:
            entry = entries.get(key)
            if entry is None:
                if not key.startswith(LONG_MARK):
                    entries[key] = LineEntry(1, bucket - 1, [document], stored=False)
                elif (first := pending.setdefault(key, document)) != document:
                    del pending[key]
                    entries[key] = LineEntry(2, bucket - 1, [first, document], stored=False)
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
        self.pending.clear()
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
        self.keys: OrderedDict[int, frozenset[str]] = OrderedDict()
        """The line keys of the last documents counted before they were parsed."""

    def stats(self, source: str) -> SourceStats:
        stats = self.sources.get(source)
        if stats is None:
            stats = self.load(source)
            self.sources[source] = stats
        return stats

    def first_time(self, source: str, uri: str) -> bool:
        """True the first time a document is seen in this run (it is then counted)."""
        return self._first_time(_digest(source, uri))

    def _first_time(self, marker: int) -> bool:
        if marker in self.counted:
            return False
        self.counted.add(marker)
        return True

    def observe_lines(self, source: str, lines: list[str], headline: str = "") -> set[str]:
        """Count the short lines of one document and the lines of its head and foot, each once
        (callers ask :meth:`first_time`).

        The document's ``headline`` is never counted, wherever it appears: a
        headline several stories share ("Jerusalem") is not the outlet's furniture.
        """
        skipped = learning_key(headline, self.settings.max_words) if headline else ""
        limit = self.settings.max_words
        head, foot = head_end(lines), foot_start(lines)
        top = head_end(lines, TOP_LINES)
        keys: set[str] = set()
        for index, line in enumerate(lines):
            if not line:
                continue
            short = is_short(line, limit)
            if not short and not counted_whole(index, head, foot):
                continue
            key = _key(line, short=short)
            if key and key != skipped:
                keys.add(key)
                if short and index < top:
                    keys.add(TOP_MARK + key)
        if keys:
            self.stats(source).observe(keys, signature(lines), self.settings.signatures_kept)
        return keys

    def observe_document(self, source: str, document: Document) -> None:
        """Count a fetched document's lines before it is parsed (``text/*`` but markup only)."""
        if document.error or not document.content:
            return
        media_type = document.media_type.split(";", 1)[0].strip().lower()
        kind, _, subtype = media_type.partition("/")
        if kind != "text" or any(markup in subtype for markup in MARKUP_SUBTYPES):
            return
        marker = _digest(source, document.uri)
        if not self._first_time(marker):
            return
        text = document.content.decode("utf-8", errors="replace").lstrip("\ufeff")
        lines = [line.strip() for line in text.splitlines()]
        keys = self.observe_lines(source, lines)
        if not text.isascii():  # only a line with other characters changes when normalised
            limit = self.settings.max_words
            head, foot = head_end(lines), foot_start(lines)
            for index, line in enumerate(lines):  # the key a line has once normalised
                if line.isascii():
                    continue
                if counted_whole(index, head, foot) or is_short(line, limit):
                    normal = learning_key(linetext.normalise_text(line), limit)
                    if normal:
                        keys.add(normal)
        self.keys[marker] = frozenset(keys)
        if len(self.keys) > KEYS_REMEMBERED:
            self.keys.popitem(last=False)

    def counts_for(self, source: str, uri: str) -> dict[str, int] | None:
        """The counts, now, of the short lines of a document counted before it was parsed:
        all that cleaning its items reads from the learner. None when it was not
        counted so (or too long ago): then its items are counted when cleaned."""
        keys = self.keys.get(_digest(source, uri))
        if keys is None:
            return None
        stats = self.sources.get(source)
        if stats is None:
            return {}
        entries = stats.entries
        return {key: entries[key].count for key in keys if key in entries}

    @classmethod
    def replaying(
        cls, settings: Settings, source: str, uri: str, counts: dict[str, int]
    ) -> Learner:
        """A learner that reads ``counts`` for ``source``, as :meth:`counts_for` gave them,
        and knows the document ``uri`` as counted before it was parsed."""

        def load(name: str) -> SourceStats:
            return SourceStats.reading(name, counts if name == source else {})

        learner = cls(settings, load)
        learner.counted.add(_digest(source, uri))
        return learner

    def furniture(self, source: str) -> dict[str, int]:
        """The counts, now, of the lines of ``source`` seen in ``foot_documents`` documents
        or more (at a document's foot; elsewhere ``min_documents``): all that cleaning
        reads from the learner, since a line seen in fewer documents is kept whatever its
        count."""
        least = self.settings.foot_documents
        entries = self.stats(source).entries
        return {key: entry.count for key, entry in entries.items() if entry.count >= least}

    @classmethod
    def cleaning(
        cls, settings: Settings, furniture: dict[str, dict[str, int]], items: list[Item]
    ) -> Learner:
        """A learner that reads ``furniture`` (by source, as :meth:`furniture` gave it)
        and knows ``items`` as counted already."""

        def load(name: str) -> SourceStats:
            return SourceStats.reading(name, furniture.get(name, {}))

        learner = cls(settings, load)
        learner.counted.update(_digest(item.source, f"{item.uri}\0{item.id}") for item in items)
        return learner

    def counted_raw(self, item: Item) -> bool:
        """Whether the item's document was counted as raw text, before it was parsed.

        Then the item's title is a line of that text (a plain-text article's
        first line, perhaps a masthead) and was counted as one; otherwise the
        title is a field of its own (a feed entry's headline), never counted.
        """
        return _digest(item.source, item.uri) in self.counted

    def observe_item(self, item: Item) -> None:
        """Count an item's lines, when its document was not counted while it was fetched.

        The item counts as a document of its own: the entries of a feed share
        the feed's URI, and counted under it, only each feed's first entry was.
        """
        if self.counted_raw(item):
            return
        if not self.first_time(item.source, f"{item.uri}\0{item.id}"):
            return  # counted when its feed was parsed
        lines = [item.title, *item.summary.split("\n"), *item.text.split("\n")]
        self.observe_lines(item.source, lines, headline=item.title)
