"""`aggregator items` pages a long list on a terminal (as `git log` does), else prints it whole."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

from aggregator.testing import FeedProject

ARTICLE = """India and Japan sign rail pact number {n}

TOKYO, March {n}, 2025 — India and Japan signed agreement number {n} on high-speed rail,
the two governments said on Tuesday, extending their cooperation.
"""


def project_with_articles(feed_project: FeedProject, count: int) -> None:
    for n in range(1, count + 1):
        feed_project.add_article(f"{n:02}.txt", ARTICLE.format(n=n))
    assert feed_project.run().ok


def items_on_a_terminal(feed_project: FeedProject, env: dict[str, str]) -> str:
    """Run `aggregator items` with stdout on a pseudo-terminal; return what the terminal shows."""
    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "aggregator", "items", "-c", str(feed_project.config_path)],
        stdin=follower,
        stdout=follower,
        stderr=subprocess.DEVNULL,
        env={**os.environ, **env},
        cwd=feed_project.root,
    )
    os.close(follower)
    shown = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        shown += chunk
    process.wait(timeout=60)
    os.close(leader)
    return shown.decode("utf-8", "replace")


def test_a_long_list_goes_through_the_pager_on_a_terminal(
    feed_project: FeedProject, tmp_path: Path
) -> None:
    project_with_articles(feed_project, 12)
    paged = tmp_path / "paged.txt"
    pager = tmp_path / "pager.sh"
    pager.write_text(f"#!/bin/sh\ncat > {paged}\n", encoding="utf-8")
    pager.chmod(0o755)
    shown = items_on_a_terminal(feed_project, {"PAGER": str(pager), "LINES": "5", "COLUMNS": "120"})
    lines = [line for line in paged.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(lines) == 12
    assert all("India and Japan sign rail pact" in line for line in lines)
    assert "rail pact" not in shown


def test_a_piped_list_is_printed_whole(feed_project: FeedProject) -> None:
    project_with_articles(feed_project, 12)
    result = subprocess.run(
        [sys.executable, "-m", "aggregator", "items", "-c", str(feed_project.config_path)],
        capture_output=True,
        text=True,
        env={**os.environ, "PAGER": "false", "LINES": "5"},
        check=True,
    )
    assert len(result.stdout.splitlines()) == 12
