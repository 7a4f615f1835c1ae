"""benchmarks/stage_bench.py runs end to end and reads the stages with the CPU clock."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STAGES = ("fetch", "parse", "clean", "tag", "judge", "cluster", "store", "publish", "run")


def test_every_stage_is_timed_on_a_small_corpus() -> None:
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "stage_bench.py"),
            "--items",
            "60",
            "--repeats",
            "2",
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    assert "60 items, one process, least of 2 runs, CPU clock" in done.stdout
    seconds = {}
    for line in done.stdout.splitlines():
        match = re.fullmatch(r"\s+(\w+)\s+([\d.]+)\s+(\d+)", line)
        if match:
            seconds[match[1]] = float(match[2])
    assert set(seconds) == set(STAGES)
    assert seconds["parse"] > 0 and seconds["run"] >= seconds["parse"] + seconds["clean"]
