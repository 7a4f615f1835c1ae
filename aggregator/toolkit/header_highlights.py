"""The highlights a header gives as a run of bulleted lines under its headline."""

from __future__ import annotations

from aggregator.toolkit.article_scan import ArticleScan
from aggregator.toolkit.lead_paragraph import BULLET

__all__ = ["read_highlights"]


def read_highlights(scan: ArticleScan, index: int) -> int:
    """A run of two or more bulleted lines in the header zone, from ``index``: the
    article's highlights (the first run only); returns the lines it took (≥ 1)."""
    run = []
    for line in scan.lines[index:]:
        if not (bullet := BULLET.match(line)):
            break
        run.append(line[bullet.end() :])
    if len(run) < 2 or scan.highlights:
        return 1
    scan.highlights = run
    scan.consumed.update(range(index, index + len(run)))
    return len(run)
