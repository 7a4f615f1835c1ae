"""The real-world evaluation reads every half as at one fixed moment, not the clock: a date
printed without its year is placed against the moment of reading, so with the clock a
half's figures moved with the calendar."""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from realworld_eval import DEVELOPMENT_HALVES, READ_AT, REALWORLD, load_labels

from curation_eval import run_with_shipped_settings


def test_the_halves_are_read_after_every_date_they_were_labelled_with() -> None:
    for half in DEVELOPMENT_HALVES:
        if not (REALWORLD / half / "labels.json").is_file():
            continue
        for article in load_labels(REALWORLD / half)["articles"].values():
            published = article.get("published")
            if published:
                day = datetime.fromisoformat(published[:10]).replace(tzinfo=UTC)
                assert day <= READ_AT, (half, published)


def test_a_yearless_date_is_placed_against_the_moment_given(tmp_path: Path) -> None:
    source = tmp_path / "wire"
    source.mkdir()
    (source / "harbour.txt").write_text(
        "Harbour reopens after dredging\n\nTOKYO, Dec 8 (Kyodo) - The harbour reopened to"
        " container ships on Monday after three months of dredging, the port authority"
        " said.\n",
        encoding="utf-8",
    )
    sources = [{"name": "wire", "type": "files", "paths": [str(source / "*.txt")]}]

    def read_at(moment: datetime, workdir: str) -> datetime | None:
        (tmp_path / workdir).mkdir()
        (item,) = run_with_shipped_settings(sources, tmp_path / workdir, now=moment)
        published: datetime | None = item.published
        return published

    before = read_at(datetime(2026, 12, 7, tzinfo=UTC), "before")
    within = read_at(datetime(2026, 12, 7, 12, tzinfo=UTC), "within")
    assert before is not None and before.date().isoformat() == "2025-12-08"
    assert within is not None and within.date().isoformat() == "2026-12-08"
