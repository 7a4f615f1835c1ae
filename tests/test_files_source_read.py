"""The files source reads a file whole with a few system calls: what ``open().read()`` reads."""

from __future__ import annotations

from pathlib import Path

import pytest

from aggregator.plugins.files_source import read_file


@pytest.mark.parametrize("content", [b"", b"x", b"one line\n", bytes(range(256)) * 1000])
def test_read_file_reads_what_open_reads(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(content)
    assert read_file(str(path), len(content)) == path.read_bytes() == content


@pytest.mark.parametrize("stated", [0, 1, 10, 70_000, 200_000])
def test_read_file_reads_to_the_end_whatever_size_stat_gave(tmp_path: Path, stated: int) -> None:
    """A file that grew or shrank after its stat is still read to its end."""
    content = b"abcdefghij" * 10_000
    path = tmp_path / "article.txt"
    path.write_bytes(content)
    assert read_file(str(path), stated) == content


def test_read_file_raises_what_open_raises(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        read_file(str(tmp_path / "missing.txt"), 0)
