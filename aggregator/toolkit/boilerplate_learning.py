"""Learning an outlet's furniture: the short lines that recur across its documents.

A short line (``max_words`` words or fewer) seen in ``min_documents``
distinct documents of one source is that outlet's furniture ("The Tokyo
Ledger — English Edition"). :class:`Learner` counts lines per source;
documents are told apart by a content signature (their longest lines), so
the same document delivered again, or the same wire story filed three
times, counts once. Memory stays bounded by lossy counting (Manku and
Motwani): lines that stop recurring are forgotten. Where the counts are kept
between runs is the caller's business: a :class:`Learner` starts each source
from what its ``load`` function returns, and exposes what changed.
"""

from __future__ import annotations

import hashlib
import heapq
import re
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from aggregator.models import Document, Item

from . import lines as linetext

BUCKET_DOCUMENTS = 2000
"""Lossy-counting bucket: a line must recur about once per this many documents to be kept."""
MARKUP_SUBTYPES = ("html", "xml")
"""Media subtypes whose raw lines are markup, not text: counted from their items instead."""
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
    def signatures_kept(self) -> int:
        """Distinct documents remembered per line: enough to decide, never more."""
        return max(self.min_documents, 8)


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
                entries[key] = LineEntry(1, bucket - 1, [document], stored=False)
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
        marker = _digest(source, uri)
        if marker in self.counted:
            return False
        self.counted.add(marker)
        return True

    def observe_lines(self, source: str, lines: list[str], headline: str = "") -> set[str]:
        """Count the short lines of one document, each once (callers ask :meth:`first_time`).

        The document's ``headline`` is never counted, wherever it appears: a
        headline several stories share ("Jerusalem") is not the outlet's furniture.
        """
        skipped = linetext.line_key(headline) if headline else ""
        limit = self.settings.max_words
        char_limit = limit * 30
        keys: set[str] = set()
        for line in lines:
            if not line or len(line) > char_limit:
                continue
            if line.count(" ") >= limit and len(line.split()) > limit:
                continue
            key = linetext.line_key(line)
            if key and key != skipped:
                keys.add(key)
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
        if not self.first_time(source, document.uri):
            return
        text = document.content.decode("utf-8", errors="replace").lstrip("\ufeff")
        lines = [line.strip() for line in text.splitlines()]
        keys = self.observe_lines(source, lines)
        char_limit = self.settings.max_words * 30
        for line in lines:  # the key a line has once its item's text is normalised
            if not line.isascii() and len(line) <= char_limit:
                normal = linetext.line_key(linetext.normalise_text(line))
                if normal:
                    keys.add(normal)
        self.keys[_digest(source, document.uri)] = frozenset(keys)
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
            stats = SourceStats(name)
            if name == source:
                stats.entries = {
                    key: LineEntry(count, 0, [], stored=True) for key, count in counts.items()
                }
            return stats

        learner = cls(settings, load)
        learner.counted.add(_digest(source, uri))
        return learner

    def furniture(self, source: str) -> dict[str, int]:
        """The counts, now, of the lines of ``source`` seen in ``min_documents`` documents
        or more: all that cleaning reads from the learner, since a line seen in fewer
        documents is kept whatever its count."""
        least = self.settings.min_documents
        entries = self.stats(source).entries
        return {key: entry.count for key, entry in entries.items() if entry.count >= least}

    @classmethod
    def cleaning(
        cls, settings: Settings, furniture: dict[str, dict[str, int]], items: list[Item]
    ) -> Learner:
        """A learner that reads ``furniture`` (by source, as :meth:`furniture` gave it)
        and knows ``items`` as counted already."""

        def load(name: str) -> SourceStats:
            stats = SourceStats(name)
            stats.entries = {
                key: LineEntry(count, 0, [], stored=True)
                for key, count in furniture.get(name, {}).items()
            }
            return stats

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
