#!/usr/bin/env python3
"""Rebuild this directory from a clone of WCXB (the selection is deterministic).

    python benchmarks/data/wcxb-articles/select.py /path/to/web-content-extraction-benchmark

Takes the development split's pages typed ``article`` (not single-page apps),
ranks them by the SHA-1 of their file id (an order unrelated to content,
domain or size) and keeps the first ``COUNT``; copies each ``dev/html/<id>.html.gz``
unchanged and writes ``ground-truth.json`` in the Zyte benchmark's shape
(``articleBody`` from ``main_content``, ``url``, ``title``), so that
``benchmarks/pages_bench.py`` reads both sets the same way.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sys
from pathlib import Path

COUNT = 150
HERE = Path(__file__).resolve().parent


def main(source: Path) -> int:
    metadata = json.loads((source / "metadata.json").read_text(encoding="utf-8"))["files"]
    candidates = [
        key
        for key, meta in metadata.items()
        if meta["split"] == "dev" and meta["page_type"] == "article" and not meta["spa"]
    ]
    candidates.sort(key=lambda key: hashlib.sha1(key.encode()).hexdigest())
    truth: dict[str, dict[str, str]] = {}
    (HERE / "html").mkdir(exist_ok=True)
    for key in candidates:
        if len(truth) == COUNT:
            break
        record = json.loads((source / "dev" / "ground-truth" / f"{key}.json").read_text("utf-8"))
        body = (record["ground_truth"].get("main_content") or "").strip()
        if not body:
            continue
        truth[key] = {
            "articleBody": body,
            "url": record.get("url") or "",
            "title": record["ground_truth"].get("title") or "",
        }
        shutil.copyfile(
            source / "dev" / "html" / f"{key}.html.gz", HERE / "html" / f"{key}.html.gz"
        )
    (HERE / "ground-truth.json").write_text(
        json.dumps(truth, indent=1, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    print(f"{len(truth)} pages from {len(candidates)} candidates")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
