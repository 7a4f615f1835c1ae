"""The state of the plain-text reader (:mod:`aggregator.toolkit.plaintext`) while it reads
one article's lines: what it has consumed as metadata and what it has found."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from aggregator.toolkit.article_dates import DateReader
from aggregator.toolkit.bylines import BYLINE
from aggregator.toolkit.datelines import Dateline
from aggregator.toolkit.dates import DateMatch
from aggregator.toolkit.header_lines import agency_line, header_field
from aggregator.toolkit.header_repair import HeaderView

if TYPE_CHECKING:
    from aggregator.toolkit.header_zone import HeaderZone, Headline

__all__ = ["ArticleScan", "HeadlineChooser"]

HeadlineChooser = Callable[["HeaderZone"], "Headline | None"]
"""What chooses a header zone's headline: the rules (:func:`.header_zone.choose_zone_headline`)
or the learned chooser (:mod:`.headline_model`)."""


@dataclass
class ArticleScan:
    """Mutable state while reading one article's lines."""

    lines: list[str]
    read: DateReader
    consumed: set[int] = field(default_factory=set)
    facts: set[int] = field(default_factory=set)
    """Rows of a fact sheet (:mod:`.fact_blocks`): the article's, never metadata."""
    headline: str | None = None
    blurb: str | None = None
    dates: list[DateMatch] = field(default_factory=list)
    dateline: Dateline | None = None
    inline_dateline: tuple[int, int] | None = None
    byline: list[str] = field(default_factory=list)
    agency: str | None = None
    highlights: list[str] = field(default_factory=list)

    source: str | None = None
    """The "Source:" of a clipping."""
    credit: str | None = None
    """The office credited beside the date ("Posted On: … by the Press Office")."""
    title_from: tuple[str, str] | None = None
    """(the line or lines, the rule) the headline came from."""
    headline_field: int | None = None
    """The line of a "Subject:" or "Headline:" field that gave the headline: the header's
    lines above it (a letterhead, an address block) are metadata too."""
    date_origins: list[tuple[str, str]] = field(default_factory=list)
    """(line, rule) of each of ``dates``."""
    view: HeaderView = field(default_factory=lambda: HeaderView([], {}, frozenset()))
    """The header's lines as a headline is read from them (see :mod:`.header_repair`)."""
    choose: HeadlineChooser | None = None
    """Chooses the header zone's headline in place of the rules."""

    def add_date(self, date: DateMatch, line: str, rule: str) -> None:
        self.dates.append(date)
        self.date_origins.append((line, rule))

    def set_agency(self, agency: str | None) -> None:
        if self.agency is None:
            self.agency = agency

    def add_date_first(self, date: DateMatch, line: str, rule: str) -> None:
        """A date that goes before those found so far (the document's own)."""
        self.dates.insert(0, date)
        self.date_origins.insert(0, (line, rule))

    def read_as(self, index: int) -> str:
        """What a line left out of the body was read as, for ``item.removed``."""
        line = self.lines[index]
        if self.title_from and line in self.title_from[0].split(" / "):
            return "headline"
        if any(line == origin for origin, _ in self.date_origins):
            return "date"
        if (found := header_field(line)) is not None:
            return f'"{found.label}:" field'
        if BYLINE.fullmatch(line.partition(" | ")[0]) or line in self.byline:
            return "byline"
        if agency_line(line):
            return "agency trailer"
        if self.dateline and self.dateline.standalone and self.dateline.place in line:
            return "dateline"
        if any(line.endswith(highlight) for highlight in self.highlights):
            return "highlight"
        return "header line"
