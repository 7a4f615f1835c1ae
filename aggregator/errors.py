"""Exceptions a plugin raises to report a problem in words rather than a traceback."""

from __future__ import annotations

from .schema import ConfigError

__all__ = ["ConfigError", "DocumentError", "SkipDocument", "SourceError"]


class SourceError(Exception):
    """A source cannot be read (missing directory, dead server). The run goes on."""


class DocumentError(Exception):
    """One document cannot be used (binary, too large, undecodable). Counted as an error."""


class SkipDocument(Exception):
    """One document is deliberately passed over (empty file). Counted, not an error."""
