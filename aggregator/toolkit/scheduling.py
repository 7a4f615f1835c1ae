"""When to try a source again, and how many fetches run at once per host."""

from __future__ import annotations

import random
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar
from urllib.parse import urlsplit

__all__ = ["backoff_delay", "host_key", "run_per_host"]

T = TypeVar("T")


def backoff_delay(
    failures: int,
    *,
    base: float = 60.0,
    cap: float = 6 * 3600.0,
    rng: random.Random | None = None,
) -> float:
    """Delay before the next attempt after *failures* consecutive failures.

    Capped exponential backoff with full jitter::

        delay = uniform(0, min(cap, base * 2 ** (failures - 1)))

    and 0 when there has been no failure. Full jitter spreads retries of many
    feeds that failed together (e.g. one host down) instead of syncing them.
    """
    if failures <= 0:
        return 0.0
    ceiling = min(cap, base * 2.0 ** min(failures - 1, 1000))
    return (rng or random).random() * ceiling


def host_key(target: str) -> str:
    """The lower-cased host of a URL, or the string itself when it is a bare host."""
    if "://" in target:
        return (urlsplit(target).hostname or target).lower()
    return target.lower()


def run_per_host(
    tasks: Sequence[tuple[str, Callable[[], T]]],
    *,
    max_workers: int = 8,
    per_host: int = 2,
) -> list[T | BaseException]:
    """Run callables concurrently, at most *per_host* at once for one host.

    The string of each task is a URL or a bare host. Results come back in
    input order; an exception raised by a task is returned in its slot.

    Each host gets up to *per_host* "lanes", each draining that host's queue
    one task at a time, so no worker ever sits blocked waiting for a host.
    """
    if max_workers < 1 or per_host < 1:
        raise ValueError("max_workers and per_host must be at least 1")
    queues: dict[str, deque[int]] = {}
    for index, (target, _) in enumerate(tasks):
        queues.setdefault(host_key(target), deque()).append(index)
    results: dict[int, T | BaseException] = {}

    def lane(queue: deque[int]) -> None:
        while True:
            try:
                index = queue.popleft()
            except IndexError:
                return
            try:
                results[index] = tasks[index][1]()
            except BaseException as exc:
                results[index] = exc

    lanes = [q for round_ in range(per_host) for q in queues.values() if len(q) > round_]
    with ThreadPoolExecutor(max_workers=max_workers) as pool:
        for future in [pool.submit(lane, q) for q in lanes]:
            future.result()
    return [results[i] for i in range(len(tasks))]
