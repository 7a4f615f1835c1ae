"""Line patterns stay fast on long or hostile lines.

A scraped page can hold a line of any length, and a pattern whose alternatives overlap, or
with two runs that can trade characters, takes exponential or quadratic time on it. Each
case reads such a line, checks the answer, and must finish inside :data:`_BOUND`: not a
speed target (those live in benchmarks/), a guard against the blow-up — the lines take a few
milliseconds now, and took seconds to minutes with the patterns these tests were written for.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime

from aggregator.toolkit.lines import is_cited_sentence
from aggregator.toolkit.plaintext import extract_article

_BOUND = 5.0
_SENTENCE = "The two ports agreed a joint venture to run the new container berth."


def test_a_sentence_with_its_sources_in_brackets_is_cited() -> None:
    assert is_cited_sentence(f"{_SENTENCE} (Meridian Press) (report, 2026)")
    assert not is_cited_sentence(f"{_SENTENCE} (Meridian Press) (see below)")


def test_a_long_run_of_cited_sources_is_read_in_time() -> None:
    line = _SENTENCE + " (Wire Service 2026)" * 24 + " more"
    began = time.perf_counter()
    cited = is_cited_sentence(line)
    assert time.perf_counter() - began < _BOUND
    assert not cited


def test_a_long_line_of_page_links_is_read_in_time() -> None:
    pager = "« news | " * 4_000
    began = time.perf_counter()
    article = extract_article(
        f"Second berth opens\n{pager}\n{_SENTENCE}\n",
        reference=datetime(2026, 6, 30, tzinfo=UTC),
    )
    assert time.perf_counter() - began < _BOUND
    assert article.title == "Second berth opens"
