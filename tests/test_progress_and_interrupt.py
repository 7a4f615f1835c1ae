"""Progress of a long run (a total and the time left), and what Ctrl-C says and keeps."""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import time

from aggregator.progress import ProgressLine, time_left
from aggregator.run import RunReport
from aggregator.testing import FeedProject

ARTICLE = """Rail link number {n} agreed by India and Japan

OSAKA, May {day}, 2025 — India and Japan agreed rail link number {n} on Tuesday,
officials of both governments said, in a deal of {n} billion yen.
"""

SLOW_TAGGER = """
import os
import time
from aggregator import hookimpl

@hookimpl
def aggregator_tag_item(item):
    started = os.environ.get("SLOW_TAGGER_STARTED")
    if started and not os.path.exists(started):
        open(started, "w").close()
    time.sleep(0.02)
"""


def report_at(done: int, total: int, seconds: float) -> RunReport:
    report = RunReport()
    report.documents = done
    report.documents_expected = total
    report.started = time.monotonic() - seconds
    return report


def test_time_left_follows_the_rate_so_far() -> None:
    assert time_left(report_at(250, 1000, 10.0), 250, 1000) == "0:00:30"
    assert time_left(report_at(0, 1000, 10.0), 0, 1000) == ""


def test_plain_lines_when_stderr_is_not_a_terminal() -> None:
    stream = io.StringIO()
    progress = ProgressLine(stream)
    progress.last = 0.0
    progress(report_at(500, 2000, 20.0), "articles/a.txt")
    line = stream.getvalue()
    assert line.startswith("progress: 500 of 2,000 inputs (25%)")
    assert "about 0:01:00 left" in line
    assert "\r" not in line
    progress(report_at(501, 2000, 20.0), "articles/b.txt")
    assert stream.getvalue() == line, "a plain line at most every few seconds"


def test_a_files_source_announces_its_total(feed_project: FeedProject) -> None:
    for n in range(1, 4):
        feed_project.add_article(f"{n}.txt", ARTICLE.format(n=n, day=n))
    report = feed_project.run()
    assert report.documents_expected == 3
    assert report.items_stored == 3


def test_ctrl_c_says_what_was_kept_and_the_next_run_resumes(feed_project: FeedProject) -> None:
    for n in range(1, 301):
        feed_project.add_article(f"{n:03}.txt", ARTICLE.format(n=n, day=n % 28 + 1))
    feed_project.add_plugin("slow.py", SLOW_TAGGER)
    feed_project.write_config()
    started = feed_project.root / "tagging-started"
    process = subprocess.Popen(
        [sys.executable, "-m", "aggregator", "run", "--once", "-c", str(feed_project.config_path)],
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1", "SLOW_TAGGER_STARTED": str(started)},
        # As a terminal's foreground job has it: a suite started in the background by a
        # non-interactive shell passes SIGINT on ignored, and Python keeps it ignored.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    deadline = time.monotonic() + 60
    while not started.exists() and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)  # a busy machine may take seconds to start the run
    time.sleep(0.5)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stderr
    assert "interrupted" in stderr and "next run resumes" in stderr
    assert "Traceback" not in stderr
    assert "Aborted!" not in stderr

    (feed_project.plugins / "slow.py").unlink()
    resumed = feed_project.run()
    assert resumed.ok
    assert len(feed_project.items()) == 300
