"""What the network source types share: one HTTP client per run, and a fetch that
remembers, per URL, what the server said last time.

The remembered state lives in ``run.source_state(name)`` (a plain dict the
core loads before and saves after fetching), so fetchers never touch the
store from the threads they run in. For each URL it keeps the validators for
a conditional GET, a permanent redirect's target, the failures in a row with
the time of the next attempt (capped exponential backoff with jitter, or the
server's Retry-After), and whether the URL is gone (410).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from datetime import datetime, timedelta
from typing import Any

from aggregator import Document, Run, SkipDocument, SourceConfig, SourceError
from aggregator.toolkit.fetching import Fetcher, FetchError, FetchPolicy, FetchResult, Validators
from aggregator.toolkit.fetching import user_agent as _user_agent
from aggregator.toolkit.scheduling import backoff_delay as _backoff_delay

_LOCK = threading.Lock()

HOST_SLOTS = "web.host_slots"
"""``run.state`` key of a callable that takes a URL and returns a context manager holding
one of its host's fetch slots: a distributed worker sets one that all workers share
(:mod:`aggregator.distributed.hosts`), so ``[http] per_host`` holds across them. Absent,
a run limits its fetches per host itself (:func:`~aggregator.toolkit.scheduling.run_per_host`)."""


def policy(run: Run) -> FetchPolicy:
    from aggregator import __version__

    http = run.config.http
    return FetchPolicy(
        connect_timeout=float(http["connect_timeout"]),
        total_timeout=float(http["total_timeout"]),
        max_bytes=int(http["max_bytes"]),
        max_redirects=int(http["max_redirects"]),
        allow_private=bool(http["allow_private"]),
        user_agent=http["user_agent"] or _user_agent(__version__),
    )


def fetcher(run: Run) -> Fetcher:
    """The run's one HTTP client (a connection pool shared by all network sources)."""
    with _LOCK:
        client = run.state.get("web.fetcher")
        if not isinstance(client, Fetcher):
            client = Fetcher(policy(run))
            run.state["web.fetcher"] = client
        return client


def close(run: Run) -> None:
    client = run.state.pop("web.fetcher", None)
    if isinstance(client, Fetcher):
        client.close()


def _iso(moment: datetime) -> str:
    return moment.isoformat()


def fetch_tracked(run: Run, url: str, state: dict[str, Any]) -> FetchResult:
    """Fetch ``url`` politely, reading and updating its remembered ``state``.

    Raises :class:`SkipDocument` while the URL is retired or backing off, and
    :class:`SourceError` (after recording the failure and the next attempt)
    when the fetch fails.
    """
    now = run.now
    if state.get("gone"):
        raise SkipDocument(
            f"{url}: retired, the server answered 410 Gone on {state.get('last_attempt', '?')}"
        )
    waiting = state.get("next_attempt")
    if waiting and datetime.fromisoformat(waiting) > now and not run.reprocess:
        raise SkipDocument(
            f"{url}: waiting until {waiting} after {state.get('failures', 0)} failures"
            f" ({state.get('last_error')})"
        )
    target = state.get("permanent_url") or url
    validators = None
    if not run.reprocess:
        validators = Validators(
            etag=state.get("etag"),
            last_modified=state.get("last_modified"),
            body_hash=state.get("body_hash"),
        )
    state["last_attempt"] = _iso(now)
    slots: Callable[[str], AbstractContextManager[object]] | None = run.state.get(HOST_SLOTS)
    try:
        with slots(target) if slots is not None else nullcontext():
            result = fetcher(run).fetch(target, validators)
    except FetchError as error:
        _record_failure(state, error, now)
        raise SourceError(str(error)) from None
    state.update(
        status="not modified" if result.not_modified else "ok",
        failures=0,
        last_error=None,
        next_attempt=None,
        last_success=_iso(now),
        final_url=result.final_url,
        etag=result.etag,
        last_modified=result.last_modified,
        body_hash=result.body_hash,
    )
    if result.permanent_redirect:
        state["permanent_url"] = result.permanent_redirect
    return result


def _record_failure(state: dict[str, Any], error: FetchError, now: datetime) -> None:
    failures = int(state.get("failures", 0)) + 1
    state["failures"] = failures
    state["last_error"] = str(error)
    if error.kind == "gone":
        state.update(gone=True, status="retired", next_attempt=None)
        return
    delay = error.retry_after if error.retry_after is not None else _backoff_delay(failures)
    state["status"] = "rate limited" if error.kind == "rate_limited" else "error"
    state["next_attempt"] = _iso(now + timedelta(seconds=max(delay, 1.0)))


def to_document(source: SourceConfig, run: Run, url: str, result: FetchResult) -> Document:
    return Document(
        source=source.name,
        uri=result.final_url,
        content=result.content,
        media_type=result.media_type or "application/octet-stream",
        fetched_at=run.now,
        encoding=result.charset,
        etag=result.etag,
        last_modified=result.last_modified,
        meta={"url": url},
    )


def failed_document(
    source: SourceConfig, run: Run, url: str, reason: str, media_type: str
) -> Document:
    """A document that could not be fetched: the core records ``reason`` against it."""
    return Document(
        source=source.name,
        uri=url,
        content=b"",
        media_type=media_type,
        fetched_at=run.now,
        error=reason,
    )


def sub_state(state: dict[str, Any], group: str, url: str, keep: int = 500) -> dict[str, Any]:
    """The remembered state of one of several URLs a source fetches (article links,
    OPML outlines), keeping the ``keep`` most recently used."""
    entries: dict[str, Any] = state.setdefault(group, {})
    entry = entries.pop(url, None) or {}
    entries[url] = entry
    while len(entries) > keep:
        entries.pop(next(iter(entries)))
    return entry


def check_http_url(source: SourceConfig, key: str = "url") -> None:
    url: str = source.get(key) or ""
    if not url.startswith(("http://", "https://")):
        raise source.error(
            key, f"{url!r} is not an http(s) URL", 'e.g. url = "https://example.com/feed.xml"'
        )
