"""What :func:`aggregator.toolkit.plaintext.extract_article` finds in an article's text."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

__all__ = ["ExtractedArticle"]


@dataclass
class ExtractedArticle:
    """What :func:`extract_article` finds in an article's text."""

    title: str
    """The article's own headline, or a title derived from the blurb or lead."""
    title_derived: bool
    """True when the text had no headline."""
    published: datetime | None
    """Timezone-aware publication time; None when the text carries no date."""
    date_text: str | None
    """The text ``published`` was read from."""
    dateline: str | None
    """Place of the dateline, e.g. "Tokyo" (title-cased if written in capitals)."""
    byline: list[str]
    agency: str | None
    summary: str
    """The blurb, else the joined highlights, else the lead paragraph."""
    highlights: list[str]
    body: str
    """Article text, paragraphs separated by blank lines, metadata lines removed."""
    outlet: str | None = None
    """Who published it, as the text says: a clipping's "Source:", an app's "via …", the
    office credited beside the date, the masthead or issuer line, else the agency (spelled
    out when the text spells it out)."""
    title_from: tuple[str, str] | None = None
    """The line (or lines) the headline was read from and the rule that chose it."""
    date_from: tuple[str, str] | None = None
    """The text ``published`` was read from and the rule that found it."""
    metadata: list[tuple[str, str]] = field(default_factory=list)
    """Each line read as metadata and so left out of ``body``, with what it was read as."""
    lines: list[str] = field(default_factory=list)
    """The text's lines split at ``\\n``, stripped, the blank ones left out."""
