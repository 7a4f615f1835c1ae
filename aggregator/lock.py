"""The run lock: two runs against one state file never interleave.

An ``flock`` on a file beside the state file: the kernel releases it when the
process dies, even by ``kill -9``, so a crashed run never leaves a stale lock.
"""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .store import StoreError, unusable_location


class LockBusy(Exception):
    """Another run holds the lock."""


@contextmanager
def run_lock(path: Path, *, timeout: float = 0.0, poll: float = 0.1) -> Iterator[None]:
    """Hold the lock at ``path`` for the block; wait up to ``timeout`` seconds for it."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise StoreError(unusable_location(path, exc)) from None
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    holder = _read_holder(fd)
                    raise LockBusy(
                        f"another run holds {path}{holder}; wait for it or raise"
                        " [store] lock_timeout"
                    ) from None
                time.sleep(poll)
        os.ftruncate(fd, 0)
        os.write(fd, str(os.getpid()).encode())
        try:
            yield
        finally:
            os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def _read_holder(fd: int) -> str:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        pid = os.read(fd, 32).decode().strip()
    except OSError:
        return ""
    return f" (pid {pid})" if pid else ""
