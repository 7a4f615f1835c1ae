"""Every network fetch of the aggregator goes through this module.

It wraps :mod:`requests` with the rules a feed reader needs when it talks to
arbitrary servers: a single deadline for the whole request
(:mod:`~aggregator.toolkit.deadline`), a cap on decoded body size,
hand-followed redirects, conditional GET, and a guard that refuses to
connect to private addresses (:mod:`~aggregator.toolkit.addresses`: every
address a host resolves to is vetted before anything is sent).

The connection classes built on requests and urllib3 are in
:mod:`~aggregator.toolkit.transport`, imported when the first Fetcher is
made, so a run that fetches nothing does not import them.
:func:`blocked_category`, :func:`backoff_delay` and :func:`run_per_host` are
re-exported here from the modules that own them.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import socket
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from http import HTTPStatus
from types import TracebackType
from typing import TYPE_CHECKING, Literal, Self
from urllib.parse import urldefrag, urljoin, urlsplit

from .addresses import BlockedAddressError, blocked_category
from .deadline import Deadline
from .scheduling import backoff_delay, run_per_host

if TYPE_CHECKING:
    import requests

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
        return importlib.metadata.version("aggregator-feeds")
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


def _timeout_error(url: str, deadline: Deadline) -> FetchError:
    return FetchError("timeout", url, f"gave up after {deadline.seconds:.1f} s (total deadline)")


def _translate(exc: BaseException, url: str, current: str, deadline: Deadline) -> FetchError:
    """Turn an exception from requests/urllib3 into a FetchError."""
    import requests
    from urllib3.exceptions import LocationValueError, NameResolutionError

    if isinstance(exc, BlockedAddressError):
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

        from .transport import TRANSLATED, GuardedAdapter, fetch_scope, send_get

        self.policy = policy
        self._translated = TRANSLATED
        self._send_get = send_get
        self._fetch_scope = fetch_scope
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
        with (
            Deadline(self.policy.total_timeout) as deadline,
            self._fetch_scope(allow_private=self.policy.allow_private, deadline=deadline),
        ):
            return self._fetch(url, validators or Validators(), deadline, started)

    def _fetch(
        self, url: str, validators: Validators, deadline: Deadline, started: float
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
        self, current: str, url: str, validators: Validators, deadline: Deadline
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
        deadline: Deadline,
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

    def _read_body(self, response: requests.Response, hops: _Hops, deadline: Deadline) -> bytes:
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
