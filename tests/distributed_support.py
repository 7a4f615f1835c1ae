"""A fresh PostgreSQL database per test, Redis, and `aggregator worker` processes, for
the distributed runner's tests.

Skipped locally when PostgreSQL (127.0.0.1:5432, trust) or Redis is absent; a
failure under CI=true, as in tests/test_store_postgresql.py.
"""

from __future__ import annotations

import os
import secrets
import signal
import socket
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

SERVER = "host=127.0.0.1 port=5432 user=postgres dbname=postgres connect_timeout=3"
URL = "postgresql+psycopg://postgres@127.0.0.1:5432/{name}"


def unavailable(what: str, exc: BaseException) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"{what} is not reachable in CI: {exc}")
    pytest.skip(f"{what} is not reachable: {exc}")


@pytest.fixture
def database(databases: Callable[[], str]) -> str:
    """The URL of a new, empty PostgreSQL database, dropped after the test."""
    return databases()


@pytest.fixture
def databases() -> Iterator[Callable[[], str]]:
    """Makes new, empty PostgreSQL databases, all dropped after the test."""
    try:
        import psycopg
    except ImportError as exc:
        unavailable("psycopg", exc)
        raise
    try:
        admin = psycopg.connect(SERVER, autocommit=True)
    except psycopg.OperationalError as exc:
        unavailable("PostgreSQL on 127.0.0.1:5432", exc)
        raise
    names: list[str] = []

    def create() -> str:
        name = f"aggregator_test_{secrets.token_hex(6)}"
        admin.execute(f"CREATE DATABASE {name}")
        names.append(name)
        return URL.format(name=name)

    with admin:
        try:
            yield create
        finally:
            for name in names:
                admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture
def redis_url() -> str:
    """The Redis on 127.0.0.1:6379 (skipped when absent, a failure under CI=true)."""
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=3).close()
    except OSError as exc:
        unavailable("Redis on 127.0.0.1:6379", exc)
    return "redis://127.0.0.1:6379/0"


Workers = Callable[..., list[subprocess.Popen[bytes]]]
"""``workers(config_path, count=2, concurrency=2)`` starts workers and returns them."""


@pytest.fixture
def workers(tmp_path: Path) -> Iterator[Workers]:
    """Starts `aggregator worker` processes for a project (their output in
    ``tmp_path/worker-N.log``); stops those still running after the test."""
    started: list[subprocess.Popen[bytes]] = []

    def start(
        config_path: Path, count: int = 2, concurrency: int = 2
    ) -> list[subprocess.Popen[bytes]]:
        processes = []
        for _ in range(count):
            log = (tmp_path / f"worker-{len(started)}.log").open("wb")
            command = [sys.executable, "-m", "aggregator", "worker", "-c", str(config_path)]
            process = subprocess.Popen(
                [*command, "--concurrency", str(concurrency)], stdout=log, stderr=log
            )
            started.append(process)
            processes.append(process)
        return processes

    yield start
    for process in started:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
    for process in started:
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
