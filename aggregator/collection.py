"""The cyclic garbage collector's tuning for the processes that curate a run."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

GC_THRESHOLDS = (50_000, 20, 20)
"""The cyclic garbage collector's thresholds during a run (Python's default is 700, 10,
10): a run allocates millions of short-lived objects (items, reports, results taken back
from the workers) that reference counting frees, while the clustering index keeps
growing. With the defaults the collector ran 4,400 times over a 100k-article run and
took 4 s, and 17 collections of the whole heap took 18 % of the run's own process's CPU
at 20k items with workers. Cyclic garbage waits a little longer; the peak memory did not
move."""


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Collect garbage less often while the block runs (see :data:`GC_THRESHOLDS`), with
    what was loaded before it (modules, plugins, the project) frozen, never scanned
    again; both undone afterwards. Results do not depend on when garbage is collected."""
    before = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*before)
        gc.unfreeze()


def collect_less_from_now() -> None:
    """What :func:`fewer_collections` does, for the rest of the process: a worker process,
    which lives only to curate a run's items once it has loaded the project. With Python's
    thresholds a worker collected every few items, and now and then scanned the whole
    project it loaded (its tables, models and compiled patterns): about 23 µs of CPU a feed
    entry, none of which freed anything the run made."""
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)
