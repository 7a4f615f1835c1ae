"""A fresh PostgreSQL database per test, for the distributed runner's tests.

Skipped locally when PostgreSQL (127.0.0.1:5432, trust) is absent; a failure
under CI=true, as in tests/test_store_postgresql.py.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator

import pytest

SERVER = "host=127.0.0.1 port=5432 user=postgres dbname=postgres connect_timeout=3"
URL = "postgresql+psycopg://postgres@127.0.0.1:5432/{name}"


def unavailable(what: str, exc: BaseException) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"{what} is not reachable in CI: {exc}")
    pytest.skip(f"{what} is not reachable: {exc}")


@pytest.fixture
def database() -> Iterator[str]:
    """The URL of a new, empty PostgreSQL database, dropped after the test."""
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
    name = f"aggregator_test_{secrets.token_hex(6)}"
    with admin:
        admin.execute(f"CREATE DATABASE {name}")
        try:
            yield URL.format(name=name)
        finally:
            admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
