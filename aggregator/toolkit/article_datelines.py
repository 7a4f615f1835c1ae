"""The dateline and the agency lines of a plain-text article (:mod:`.plaintext`'s last
readings before the body is what is left)."""

from __future__ import annotations

from typing import Final

from aggregator.toolkit.article_scan import ArticleScan
from aggregator.toolkit.datelines import match_dateline
from aggregator.toolkit.header_lines import agency_line

__all__ = ["DATELINE_LINES", "read_agency_lines", "read_dateline"]

DATELINE_LINES: Final = 15
LONG_PROSE: Final = 200


def read_dateline(scan: ArticleScan) -> None:
    """Find the first dateline near the top; consume it if it is a line of its own."""
    if scan.dateline is not None:
        return
    long_paragraphs = 0
    for index, line in enumerate(scan.lines[:DATELINE_LINES]):
        if index in scan.consumed:
            continue
        if dateline := match_dateline(line, scan.read):
            scan.dateline = dateline
            scan.set_agency(dateline.agency)
            if dateline.standalone:
                scan.consumed.add(index)
            else:
                scan.inline_dateline = (index, dateline.end)
            return
        long_paragraphs += len(line) >= LONG_PROSE
        if long_paragraphs >= 2:
            return


def read_agency_lines(scan: ArticleScan) -> None:
    for index, line in enumerate(scan.lines):
        if index not in scan.consumed and (agency := agency_line(line)):
            scan.set_agency(agency)
            scan.consumed.add(index)
