"""How far apart a line may recur and still be answered from memory.

An outlet's furniture ("Follow us on the ferry desk's channel") recurs in document after
document, further apart than a few thousand lines; the line readers remember enough lines
that such a line is not read again.
"""

from __future__ import annotations

from collections.abc import Callable

from aggregator.toolkit.boilerplate import _classify, classify
from aggregator.toolkit.header_zone import is_body_prose


def _answered_from_memory(ask: Callable[[str], object], cached: object, between: int) -> bool:
    """Whether ``ask`` answers a line again from its cache after ``between`` other lines."""
    furniture = "Follow the ferry desk on its channel for the harbour timetable"
    ask(furniture)
    for number in range(between):
        ask(f"The ferry to berth {number} left the harbour at dawn with its cargo.")
    hits = cached.cache_info().hits  # type: ignore[attr-defined]
    ask(furniture)
    return bool(cached.cache_info().hits > hits)  # type: ignore[attr-defined]


def test_classify_remembers_a_line_twelve_thousand_lines_back() -> None:
    assert _answered_from_memory(classify, _classify, 12_000)


def test_is_body_prose_remembers_a_line_six_thousand_lines_back() -> None:
    assert _answered_from_memory(is_body_prose, is_body_prose, 6_000)
