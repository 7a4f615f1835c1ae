"""A worker thread keeps its store (engine, connection, checked tables) across tasks."""

from __future__ import annotations

import threading

import pytest

from aggregator.app import load_app
from aggregator.testing import FeedProject

pytest.importorskip("celery")

from aggregator.distributed.celery_app import forget_store, thread_store


def test_a_thread_keeps_its_store_until_a_task_fails(feed_project: FeedProject) -> None:
    feed_project.write_config()
    config = load_app(feed_project.config_path).config
    first = thread_store(config)
    assert thread_store(config) is first
    other: list[object] = []
    thread = threading.Thread(target=lambda: other.append(thread_store(config)))
    thread.start()
    thread.join()
    assert other and other[0] is not first
    forget_store(config)
    assert first.connection.closed
    second = thread_store(config)
    assert second is not first and not second.connection.closed
    forget_store(config)
