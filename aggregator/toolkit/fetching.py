"""Every network fetch of the aggregator goes through this module.

It wraps :mod:`requests` with the rules a feed reader needs when it talks to
arbitrary servers: a single deadline for the whole request, a cap on decoded
body size, hand-followed redirects, conditional GET, and a guard that refuses
to talk to private addresses (checked on the socket actually connected, so a
hostname that resolves differently at connect time cannot slip through).
"""

from __future__ import annotations

import contextlib
import hashlib
import heapq
import importlib.metadata
import ipaddress
import itertools
import random
import socket
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from http import HTTPStatus
from types import TracebackType
from typing import TYPE_CHECKING, Literal, Self, TypeVar
from urllib.parse import urldefrag, urljoin, urlsplit

if TYPE_CHECKING:
    import requests

# requests and urllib3 are imported when the first Fetcher is made (see
# aggregator/_http.py, which holds the classes built on them): a run that
# fetches nothing does not import them.

__all__ = [
    "FetchError",
    "FetchPolicy",
    "FetchResult",
    "Fetcher",
    "Validators",
    "backoff_delay",
    "blocked_category",
    "parse_content_type",
    "parse_retry_after",
    "run_per_host",
    "user_agent",
]

T = TypeVar("T")

ErrorKind = Literal[
    "timeout",
    "too_large",
    "redirect_loop",
    "too_many_redirects",
    "blocked_address",
    "bad_url",
    "connection",
    "http_status",
    "gone",
    "rate_limited",
    "dns",
]

_REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
_PERMANENT_STATUSES = frozenset({301, 308})
_RATE_LIMIT_STATUSES = frozenset({429, 503})
_CHUNK_SIZE = 64 * 1024
_PROJECT_URL = "https://github.com/aggregator/aggregator"


def user_agent(version: str) -> str:
    """The User-Agent string for a given aggregator version."""
    return f"aggregator/{version} (+{_PROJECT_URL})"


def _installed_version() -> str:
    try:
        return importlib.metadata.version("aggregator")
    except importlib.metadata.PackageNotFoundError:
        return "0.0.0"


@dataclass(frozen=True, slots=True)
class FetchPolicy:
    connect_timeout: float = 10.0
    total_timeout: float = 30.0
    """Deadline for the whole request: every redirect hop, headers and body."""
    max_bytes: int = 10 * 1024 * 1024
    """Cap on the body after Content-Encoding is undone."""
    max_redirects: int = 5
    allow_private: bool = False
    user_agent: str = field(default_factory=lambda: user_agent(_installed_version()))
    accept: str = (
        "application/atom+xml, application/rss+xml, application/feed+json, "
        "application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.9, "
        "text/html;q=0.8, */*;q=0.5"
    )


@dataclass(frozen=True, slots=True)
class Validators:
    """What the store remembers about a URL from the previous fetch."""

    etag: str | None = None
    last_modified: str | None = None
    body_hash: str | None = None


@dataclass(frozen=True, slots=True)
class FetchResult:
    url: str
    final_url: str
    status: int
    not_modified: bool
    """True on 304, and on 200 when the body hash equals the one remembered
    (the content is still returned, but the caller can skip parsing)."""
    content: bytes
    media_type: str | None
    charset: str | None
    etag: str | None
    last_modified: str | None
    body_hash: str | None
    permanent_redirect: str | None
    """Target of the leading run of 301/308 hops, for the caller to remember."""
    elapsed: float


class FetchError(Exception):
    """Any failure of :meth:`Fetcher.fetch`, with a human-readable reason."""

    def __init__(
        self,
        kind: ErrorKind,
        url: str,
        reason: str,
        *,
        status: int | None = None,
        retry_after: float | None = None,
    ) -> None:
        super().__init__(kind, url, reason)
        self.kind: ErrorKind = kind
        self.url = url
        self.reason = reason
        self.status = status
        self.retry_after = retry_after

    def __str__(self) -> str:
        return f"{self.url}: {self.reason}"


# --- address guard -----------------------------------------------------------


def blocked_category(address: str) -> str | None:
    """Why *address* (an IP literal) must not be contacted, or None if public.

    IPv4-mapped IPv6 addresses are judged by the IPv4 address they carry.
    Anything not globally routable (e.g. 100.64.0.0/10, where some clouds put
    metadata services) is refused as "non-public".
    """
    ip = ipaddress.ip_address(address)
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    checks = (
        ("unspecified", ip.is_unspecified),
        ("loopback", ip.is_loopback),
        ("link-local", ip.is_link_local),
        ("multicast", ip.is_multicast),
        ("reserved", ip.is_reserved),
        ("private", ip.is_private),
        ("non-public", not ip.is_global),
    )
    return next((name for name, hit in checks if hit), None)


class _BlockedAddressError(Exception):
    def __init__(self, address: str, category: str) -> None:
        super().__init__(address, category)
        self.address = address
        self.category = category


class _Deadline:
    """The time budget of one fetch.

    Per-recv socket timeouts cannot bound a peer that trickles one byte at a
    time (buffered reads keep waiting for more), so when the budget runs out
    the watchdog thread shuts down every socket the fetch has used; the
    blocked read then returns and the fetch reports a timeout.
    """

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self._end = time.monotonic() + seconds
        self._lock = threading.Lock()
        self._sockets: list[socket.socket] = []
        self._fired = False
        self.done = False

    def __enter__(self) -> Self:
        _WATCHDOG.watch(self)
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.done = True
        with self._lock:
            self._sockets.clear()

    @property
    def end(self) -> float:
        return self._end

    def remaining(self) -> float:
        return self._end - time.monotonic()

    @property
    def expired(self) -> bool:
        return self._fired or self.remaining() <= 0

    def watch(self, sock: socket.socket) -> None:
        with self._lock:
            if self._fired:
                _sever(sock)
            elif not any(s is sock for s in self._sockets):
                self._sockets.append(sock)

    def expire(self) -> None:
        with self._lock:
            self._fired = True
            for sock in self._sockets:
                _sever(sock)
            self._sockets.clear()


class _Watchdog:
    """One daemon thread that expires every fetch's deadline when its time comes.

    A timer thread per fetch cost a thread start (and the wait for it) on
    every request: on 1,000 feeds answering 304 that was a third of the run.
    Finished deadlines stay in the heap until they reach its top; there are
    at most as many as fetches started within one timeout.
    """

    def __init__(self) -> None:
        self._condition = threading.Condition()
        self._heap: list[tuple[float, int, _Deadline]] = []
        self._order = itertools.count()
        self._thread: threading.Thread | None = None

    def watch(self, deadline: _Deadline) -> None:
        with self._condition:
            heapq.heappush(self._heap, (deadline.end, next(self._order), deadline))
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(
                    target=self._run, name="aggregator-fetch-deadlines", daemon=True
                )
                self._thread.start()
            elif self._heap[0][2] is deadline:
                self._condition.notify()

    def _run(self) -> None:
        with self._condition:
            while True:
                while self._heap and self._heap[0][2].done:
                    heapq.heappop(self._heap)
                if not self._heap:
                    self._condition.wait()
                    continue
                end, _, deadline = self._heap[0]
                delay = end - time.monotonic()
                if delay > 0:
                    self._condition.wait(delay)
                    continue
                heapq.heappop(self._heap)
                deadline.expire()


_WATCHDOG = _Watchdog()


def _sever(sock: socket.socket) -> None:
    """Shut down the raw socket; for TLS this bypasses SSLSocket.shutdown,
    which would tear down TLS state under the reading thread."""
    with contextlib.suppress(OSError):
        socket.socket.shutdown(sock, socket.SHUT_RDWR)


@dataclass(frozen=True, slots=True)
class _Context:
    allow_private: bool
    deadline: _Deadline | None


_DEFAULT_CONTEXT = _Context(allow_private=False, deadline=None)
_active = threading.local()
"""The fetch running on this thread; requests calls the connection classes
synchronously on the caller's thread, so this is how they learn its policy."""


def _current_context() -> _Context:
    context = getattr(_active, "context", None)
    return context if isinstance(context, _Context) else _DEFAULT_CONTEXT


def _admit(sock: socket.socket) -> socket.socket:
    """Check the peer the socket is connected to, then start watching it."""
    context = _current_context()
    if not context.allow_private:
        try:
            peer = str(sock.getpeername()[0])
        except OSError:
            sock.close()
            raise
        category = blocked_category(peer)
        if category is not None:
            sock.close()
            raise _BlockedAddressError(peer, category)
    if context.deadline is not None:
        context.deadline.watch(sock)
    return sock


# The connection classes that call _admit, and the adapter that installs
# them, are in aggregator/_http.py.


# --- header parsing ------------------------------------------------------------


def parse_content_type(value: str | None) -> tuple[str | None, str | None]:
    """Split a Content-Type header into (media type, charset), both lower-cased."""
    if not value:
        return None, None
    main, *params = value.split(";")
    charset = None
    for param in params:
        key, sep, raw = param.partition("=")
        if sep and key.strip().lower() == "charset":
            charset = raw.strip().strip("\"'").lower() or None
    return main.strip().lower() or None, charset


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP-date)."""
    if value is None or not value.strip():
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    now = now or datetime.now(UTC)
    return max(0.0, (when - now).total_seconds())


def _reason_phrase(response: requests.Response) -> str:
    if response.reason:
        return str(response.reason)
    try:
        return HTTPStatus(response.status_code).phrase
    except ValueError:
        return ""


# --- errors from requests --------------------------------------------------------


def _causes(exc: BaseException) -> Iterator[BaseException]:
    """The exception and everything it wraps (cause, context, args, .reason)."""
    seen: set[int] = set()
    stack = [exc]
    while stack:
        current = stack.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        linked = [current.__cause__, current.__context__, getattr(current, "reason", None)]
        linked.extend(current.args)
        stack.extend(x for x in linked if isinstance(x, BaseException))


def _root_reason(exc: BaseException) -> str:
    for cause in _causes(exc):
        if isinstance(cause, OSError) and cause.strerror:
            return cause.strerror
    return str(exc) or type(exc).__name__


def _timeout_error(url: str, deadline: _Deadline) -> FetchError:
    return FetchError("timeout", url, f"gave up after {deadline.seconds:.1f} s (total deadline)")


def _translate(exc: BaseException, url: str, current: str, deadline: _Deadline) -> FetchError:
    """Turn an exception from requests/urllib3 into a FetchError."""
    import requests
    from urllib3.exceptions import LocationValueError, NameResolutionError

    if isinstance(exc, _BlockedAddressError):
        via = f" for redirect target {current}" if current != url else ""
        return FetchError(
            "blocked_address",
            url,
            f"refused to connect to {exc.category} address {exc.address}{via}"
            " (set allow_private to allow)",
        )
    if deadline.expired:
        return _timeout_error(url, deadline)
    if isinstance(exc, requests.ConnectTimeout):
        return FetchError("timeout", url, "timed out while connecting")
    if isinstance(exc, requests.Timeout):
        return FetchError("timeout", url, "timed out waiting for the server")
    causes = list(_causes(exc))
    if any(isinstance(c, NameResolutionError | socket.gaierror) for c in causes):
        host = urlsplit(current).hostname or current
        return FetchError("dns", url, f"could not resolve host {host}")
    bad_url = (
        requests.exceptions.InvalidURL,
        requests.exceptions.MissingSchema,
        requests.exceptions.InvalidSchema,
        LocationValueError,
    )
    if any(isinstance(c, bad_url) for c in causes):
        return FetchError("bad_url", url, f"invalid URL {current!r}")
    if isinstance(exc, requests.exceptions.ContentDecodingError):
        return FetchError("connection", url, "could not decode the body (bad Content-Encoding)")
    return FetchError("connection", url, f"connection failed: {_root_reason(exc)}")


# --- the fetcher -------------------------------------------------------------------


def _check_url(url: str, current: str) -> None:
    try:
        parts = urlsplit(current)
        host, _ = parts.hostname, parts.port
    except ValueError:
        raise FetchError("bad_url", url, f"malformed URL {current!r}") from None
    if parts.scheme.lower() not in ("http", "https"):
        what = "redirect to" if current != url else "only http and https URLs are fetched, not"
        raise FetchError("bad_url", url, f"{what} {current!r}")
    if not host:
        raise FetchError("bad_url", url, f"URL {current!r} has no host")


class _Hops:
    """The redirect chain of one fetch, starting with the URL requested."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.chain = [url]
        self.permanent: str | None = None
        self._leading_permanent = True

    @property
    def current(self) -> str:
        return self.chain[-1]

    def follow(self, status: int, target: str, max_redirects: int) -> None:
        self._leading_permanent = self._leading_permanent and status in _PERMANENT_STATUSES
        if self._leading_permanent:
            self.permanent = target
        if urldefrag(target).url in {urldefrag(u).url for u in self.chain}:
            path = " → ".join([*self.chain, target])
            raise FetchError("redirect_loop", self.url, f"redirect loop ({path})")
        if len(self.chain) > max_redirects:
            raise FetchError("too_many_redirects", self.url, f"more than {max_redirects} redirects")
        self.chain.append(target)


class Fetcher:
    """Fetches URLs under a :class:`FetchPolicy`.

    A passed-in session gets the guarded adapter mounted for http/https and is
    not closed by :meth:`close`; a session created here is.
    """

    def __init__(self, policy: FetchPolicy, session: requests.Session | None = None) -> None:
        import requests

        from ._http import TRANSLATED, GuardedAdapter, send_get

        self.policy = policy
        self._translated = TRANSLATED
        self._send_get = send_get
        self._owns_session = session is None
        self._session = session if session is not None else requests.Session()
        if self._owns_session:
            self._session.trust_env = False
        adapter = GuardedAdapter()
        self._session.mount("http://", adapter)
        self._session.mount("https://", adapter)

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        if self._owns_session:
            self._session.close()

    def fetch(self, url: str, validators: Validators | None = None) -> FetchResult:
        """GET *url*, following redirects; raise :class:`FetchError` on any failure."""
        started = time.monotonic()
        with _Deadline(self.policy.total_timeout) as deadline:
            _active.context = _Context(self.policy.allow_private, deadline)
            try:
                return self._fetch(url, validators or Validators(), deadline, started)
            finally:
                _active.context = None

    def _fetch(
        self, url: str, validators: Validators, deadline: _Deadline, started: float
    ) -> FetchResult:
        hops = _Hops(url)
        while True:
            _check_url(url, hops.current)
            response = self._send(hops.current, url, validators, deadline)
            with response:
                location = response.headers.get("Location")
                if response.status_code not in _REDIRECT_STATUSES or not location:
                    return self._finish(response, hops, validators, deadline, started)
            hops.follow(
                response.status_code,
                urljoin(hops.current, location.strip()),
                self.policy.max_redirects,
            )

    def _headers(self, validators: Validators) -> dict[str, str]:
        headers = {"User-Agent": self.policy.user_agent, "Accept": self.policy.accept}
        if validators.etag:
            headers["If-None-Match"] = validators.etag
        if validators.last_modified:
            headers["If-Modified-Since"] = validators.last_modified
        return headers

    def _send(
        self, current: str, url: str, validators: Validators, deadline: _Deadline
    ) -> requests.Response:
        remaining = deadline.remaining()
        if remaining <= 0:
            raise _timeout_error(url, deadline)
        timeout = (min(self.policy.connect_timeout, remaining), remaining)
        try:
            return self._send_get(self._session, current, self._headers(validators), timeout)
        except self._translated as exc:
            raise _translate(exc, url, current, deadline) from exc

    def _finish(
        self,
        response: requests.Response,
        hops: _Hops,
        validators: Validators,
        deadline: _Deadline,
        started: float,
    ) -> FetchResult:
        url, status = hops.url, response.status_code
        _raise_for_status(response, url)
        if status == 304:
            # Empty; reading it marks the response consumed, so the connection goes back
            # to the pool instead of being closed (a new connection per 304 was a third
            # of a no-change rerun over 1,000 feeds).
            self._read_body(response, hops, deadline)
            content = b""
            body_hash = validators.body_hash
        else:
            content = self._read_body(response, hops, deadline)
            body_hash = hashlib.sha1(content, usedforsecurity=False).hexdigest()
        media_type, charset = parse_content_type(response.headers.get("Content-Type"))
        return FetchResult(
            url=url,
            final_url=hops.current,
            status=status,
            not_modified=status == 304 or body_hash == validators.body_hash,
            content=content,
            media_type=media_type,
            charset=charset,
            etag=response.headers.get("ETag") or (validators.etag if status == 304 else None),
            last_modified=response.headers.get("Last-Modified")
            or (validators.last_modified if status == 304 else None),
            body_hash=body_hash,
            permanent_redirect=hops.permanent,
            elapsed=time.monotonic() - started,
        )

    def _read_body(self, response: requests.Response, hops: _Hops, deadline: _Deadline) -> bytes:
        limit, url = self.policy.max_bytes, hops.url
        declared = response.headers.get("Content-Length", "").strip()
        if declared.isdigit() and int(declared) > limit:
            raise FetchError(
                "too_large", url, f"Content-Length {declared} exceeds limit of {limit} bytes"
            )
        body = bytearray()
        try:
            for chunk in response.iter_content(_CHUNK_SIZE):
                if deadline.expired:
                    raise _timeout_error(url, deadline)
                body += chunk
                if len(body) > limit:
                    raise FetchError("too_large", url, f"body exceeds {limit} bytes after decoding")
        except self._translated as exc:
            raise _translate(exc, url, hops.current, deadline) from exc
        if deadline.expired:
            raise _timeout_error(url, deadline)
        return bytes(body)


def _raise_for_status(response: requests.Response, url: str) -> None:
    status = response.status_code
    if 200 <= status < 300 or status == 304:
        return
    answered = f"server answered {status} {_reason_phrase(response)}".rstrip()
    if status == 410:
        raise FetchError("gone", url, f"{answered} (permanently removed)", status=status)
    if status in _RATE_LIMIT_STATUSES:
        retry_after = parse_retry_after(response.headers.get("Retry-After"))
        hint = f" (retry after {retry_after:.0f} s)" if retry_after is not None else ""
        raise FetchError(
            "rate_limited", url, answered + hint, status=status, retry_after=retry_after
        )
    if status in _REDIRECT_STATUSES:
        answered += " without a Location header"
    raise FetchError("http_status", url, answered, status=status)


# --- scheduling helpers ---------------------------------------------------------------


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


def _host_key(target: str) -> str:
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
        queues.setdefault(_host_key(target), deque()).append(index)
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
