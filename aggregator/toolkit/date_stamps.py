"""Dates as machines write them in feeds and metadata (see :mod:`aggregator.toolkit.dates`
for the dates people write in article text)."""

from __future__ import annotations

from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

__all__ = ["parse_timestamp"]


def parse_timestamp(value: Any) -> datetime | None:
    """A date as machines write it in feeds and metadata, timezone-aware (naive means UTC).

    ISO 8601 / RFC 3339 (``2026-03-06T10:00:00+05:30``) or RFC 822
    (``Fri, 06 Mar 2026 10:00:00 +0000``), and nothing else: unlike
    :func:`parse_date`, which reads the dates people write in article text
    ("March 6", "6th March 2026, 10:32 IST"), it infers no year, knows no
    zone abbreviations and does not reject future dates, and any value that
    is not a string gives None.
    """
    if not isinstance(value, str) or not value.strip():
        return None
    value = value.strip()
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        try:
            parsed = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
