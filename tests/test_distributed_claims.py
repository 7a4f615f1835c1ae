"""source_claims on PostgreSQL: no source claimed twice, leases, a second delivery does nothing."""

from __future__ import annotations

import threading
from datetime import timedelta
from pathlib import Path

from aggregator.distributed import claims
from aggregator.distributed.claims import Take
from aggregator.store import Store

pytest_plugins = ("distributed_support",)  # the database fixture

SOURCES = [f"source-{number:02d}" for number in range(40)]


def open_store(tmp_path: Path, url: str) -> Store:
    store = Store.open(tmp_path / "unused.db", url=url)
    claims.declare_tables(store)
    return store


def test_two_concurrent_coordinators_never_claim_one_source_twice(
    tmp_path: Path, database: str
) -> None:
    stores = [open_store(tmp_path, database) for _ in range(2)]
    start = threading.Barrier(2)
    results: dict[int, list[str]] = {}

    def coordinate(number: int) -> None:
        start.wait()
        results[number] = claims.claim_due(stores[number], f"run-{number}", SOURCES)

    threads = [threading.Thread(target=coordinate, args=(number,)) for number in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    try:
        assert not set(results[0]) & set(results[1])
        assert sorted(results[0] + results[1]) == SOURCES
        assert claims.claim_due(stores[0], "run-2", SOURCES) == []  # all queued under a lease
    finally:
        for store in stores:
            store.close()


def test_rows_another_transaction_holds_are_skipped_not_waited_for(
    tmp_path: Path, database: str
) -> None:
    first, second = open_store(tmp_path, database), open_store(tmp_path, database)
    expired = timedelta(seconds=-1)
    claims.claim_due(first, "run-0", SOURCES[:5], queued_lease=expired)  # the rows exist
    try:
        with first.transaction():
            assert claims.claim_due(first, "run-a", SOURCES[:3]) == SOURCES[:3]
            # run-a has not committed: its rows are locked, and run-b skips them at once.
            assert claims.claim_due(second, "run-b", SOURCES[:5]) == SOURCES[3:5]
        assert claims.progress(second, "run-a").outstanding == 3
    finally:
        first.close()
        second.close()


def test_take_lease_finish_and_a_second_delivery(tmp_path: Path, database: str) -> None:
    store = open_store(tmp_path, database)
    try:
        claims.claim_due(store, "run-1", SOURCES[:2])
        assert claims.take(store, "run-1", "source-00", "worker-a") is Take.TAKEN
        assert claims.take(store, "run-1", "source-00", "worker-b") is Take.BUSY
        assert claims.take(store, "run-0", "source-00", "worker-b") is Take.GONE  # old run
        assert claims.renew(store, "run-1", "source-00", "worker-a")
        assert not claims.renew(store, "run-1", "source-00", "worker-b")
        claims.finish(store, "run-1", "source-00", problems=1, items=7)
        assert claims.take(store, "run-1", "source-00", "worker-b") is Take.GONE  # redelivered
        assert claims.progress(store, "run-1") == claims.Progress(1, 1, 7)
        # A finished source is not due again within fresh_for, and is after it.
        assert claims.claim_due(store, "run-2", ["source-00"], fresh_for=timedelta(hours=1)) == []
        assert claims.claim_due(store, "run-2", ["source-00"]) == ["source-00"]
    finally:
        store.close()


def test_an_expired_lease_lets_another_worker_take_the_source(
    tmp_path: Path, database: str
) -> None:
    store = open_store(tmp_path, database)
    try:
        claims.claim_due(store, "run-1", ["source-00"])
        expired = timedelta(seconds=-1)
        assert claims.take(store, "run-1", "source-00", "dead-worker", expired) is Take.TAKEN
        assert claims.take(store, "run-1", "source-00", "worker-b") is Take.TAKEN
        claims.release(store, "run-1", "source-00", "worker-b")
        assert claims.take(store, "run-1", "source-00", "worker-c") is Take.TAKEN
    finally:
        store.close()


def test_two_workers_taking_one_source_at_once_get_it_once(tmp_path: Path, database: str) -> None:
    stores = [open_store(tmp_path, database) for _ in range(8)]
    claims.claim_due(stores[0], "run-1", ["source-00"])
    start = threading.Barrier(len(stores))
    outcomes: list[Take] = []

    def work(number: int) -> None:
        start.wait()
        outcomes.append(claims.take(stores[number], "run-1", "source-00", f"worker-{number}"))

    threads = [threading.Thread(target=work, args=(number,)) for number in range(len(stores))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for store in stores:
        store.close()
    assert outcomes.count(Take.TAKEN) == 1
    assert outcomes.count(Take.BUSY) == len(stores) - 1


def test_a_second_clusterer_returns_at_once_while_the_lock_is_held(
    tmp_path: Path, database: str
) -> None:
    import sqlalchemy as sa

    from aggregator.distributed.clustering import LOCK_KEY, try_lock

    holder, second = open_store(tmp_path, database), open_store(tmp_path, database)
    try:
        with holder.transaction() as connection:
            held = sa.select(sa.func.pg_try_advisory_xact_lock(LOCK_KEY))
            assert connection.execute(held).scalar() is True
            with second.transaction() as other:
                assert try_lock(other) is False  # at once, not after waiting
        with second.transaction() as other:
            assert try_lock(other) is True  # the holder's transaction ended: lock released
    finally:
        holder.close()
        second.close()
