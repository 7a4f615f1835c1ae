""".ci/run brings up the services the store's tests need (read, not run: it installs
packages as root)."""

from __future__ import annotations

from pathlib import Path

CI_RUN = (Path(__file__).resolve().parents[1] / ".ci" / "run").read_text(encoding="utf-8")


def test_ci_starts_postgresql_without_systemd_when_it_is_not_answering() -> None:
    assert "pg_isready -h 127.0.0.1 -p 5432" in CI_RUN
    assert "pg_ctlcluster" in CI_RUN and "pg_createcluster" in CI_RUN
    assert "systemctl" not in CI_RUN
    assert "host all all 127.0.0.1/32 trust" in CI_RUN


def test_ci_installs_the_services_only_when_missing() -> None:
    install = CI_RUN.index("install -y --no-install-recommends \\\n      postgresql redis-server")
    guard = CI_RUN.rfind("if ! command -v pg_ctlcluster", 0, install)
    assert guard != -1 and "redis-server" in CI_RUN[guard:install]


def test_ci_starts_redis_as_a_daemon_on_localhost() -> None:
    assert "redis-cli -h 127.0.0.1 ping" in CI_RUN
    assert "redis-server --daemonize yes --bind 127.0.0.1" in CI_RUN


def test_ci_cannot_skip_the_postgresql_tests() -> None:
    assert "export CI=true" in CI_RUN
    assert CI_RUN.index("export CI=true") < CI_RUN.index("-m pytest")
    assert ".[test,distributed]" in CI_RUN
