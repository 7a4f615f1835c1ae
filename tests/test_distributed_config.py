"""``[workers] broker``: a Redis URL, only with a PostgreSQL store, only with Celery installed."""

from __future__ import annotations

import importlib.util

import pytest

from aggregator.app import load_app
from aggregator.schema import ConfigError
from aggregator.testing import FeedProject

POSTGRESQL = "postgresql+psycopg://postgres@127.0.0.1:5432/aggregator"


def config_error(project: FeedProject) -> ConfigError:
    project.write_config()
    with pytest.raises(ConfigError) as caught:
        load_app(project.config_path)
    return caught.value


def test_no_broker_by_default(feed_project: FeedProject) -> None:
    feed_project.write_config()
    assert load_app(feed_project.config_path).config.broker is None


def test_broker_with_postgresql_store_is_accepted(feed_project: FeedProject) -> None:
    feed_project.config["store"] = {"url": POSTGRESQL}
    feed_project.config["workers"] = {"broker": "redis://127.0.0.1:6379/0"}
    feed_project.write_config()
    config = load_app(feed_project.config_path).config
    assert config.broker == "redis://127.0.0.1:6379/0"


@pytest.mark.parametrize("url", ["amqp://localhost//", "http://127.0.0.1:6379", "redis://"])
def test_broker_must_be_a_redis_url(feed_project: FeedProject, url: str) -> None:
    feed_project.config["store"] = {"url": POSTGRESQL}
    feed_project.config["workers"] = {"broker": url}
    error = config_error(feed_project)
    assert error.key == "workers.broker"
    assert "Redis URL" in error.line()


def test_broker_needs_a_postgresql_store(feed_project: FeedProject) -> None:
    feed_project.config["workers"] = {"broker": "redis://127.0.0.1:6379/0"}
    error = config_error(feed_project)
    assert error.key == "workers.broker"
    assert "postgresql+psycopg://" in error.line()


def test_broker_without_celery_says_what_to_install(
    feed_project: FeedProject, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "celery" else real(name, *a)
    )
    feed_project.config["store"] = {"url": POSTGRESQL}
    feed_project.config["workers"] = {"broker": "redis://127.0.0.1:6379/0"}
    error = config_error(feed_project)
    assert "install aggregator-feeds[distributed]" in error.line()


def test_scheduled_runs_leave_sources_fresh_for_most_of_an_interval(
    feed_project: FeedProject,
) -> None:
    from datetime import timedelta

    from aggregator.scheduler import freshness

    feed_project.config["schedule"] = {"interval_minutes": 30}
    assert freshness(feed_project.load().config) == timedelta(minutes=27)
    feed_project.config["schedule"] = {"cron": "*/15 * * * *"}
    assert freshness(feed_project.load().config) == timedelta(0)


def test_lease_seconds_sets_how_soon_a_dead_workers_task_comes_back(
    feed_project: FeedProject,
) -> None:
    from aggregator.distributed.celery_app import retry_seconds, transport_options

    feed_project.config["store"] = {"url": POSTGRESQL}
    feed_project.config["workers"] = {"broker": "redis://127.0.0.1:6379/0"}
    config = feed_project.load().config
    assert config.lease_seconds == 60
    assert transport_options(config.lease_seconds) == {
        "visibility_timeout": 45,
        "unacked_restore_interval": 5,
        "unacked_restore_throttle": 1,
        "unacked_mutex_expire": 30,
    }
    assert retry_seconds(config) == 5.0
    feed_project.config["workers"]["lease_seconds"] = 4
    config = feed_project.load().config
    assert transport_options(config.lease_seconds)["visibility_timeout"] == 3
    assert transport_options(config.lease_seconds)["unacked_restore_interval"] == 1
    assert retry_seconds(config) == 1.0


@pytest.mark.parametrize("seconds", [3, 3601, "60"])
def test_lease_seconds_out_of_range_is_refused(feed_project: FeedProject, seconds: object) -> None:
    feed_project.config["store"] = {"url": POSTGRESQL}
    feed_project.config["workers"] = {
        "broker": "redis://127.0.0.1:6379/0",
        "lease_seconds": seconds,
    }
    assert config_error(feed_project).key == "workers.lease_seconds"
