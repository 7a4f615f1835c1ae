"""The HTTP transport of :class:`~aggregator.toolkit.fetching.Fetcher`, built on requests.

Importing :mod:`aggregator.toolkit.fetching` (which every run does, through
the pipeline and the web source plugins) does not import requests or
urllib3: a run that fetches nothing never pays for them. A Fetcher imports
this module when it is created.

Its connections resolve the host themselves, vet every address with
:func:`~aggregator.toolkit.addresses.resolve_vetted`, and connect only to a
vetted address. The Host header, TLS SNI and certificate check still use the
hostname, as urllib3 takes them from the URL, not from the socket.
"""

from __future__ import annotations

import contextlib
import socket
import sys
import threading
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

import requests
from requests.adapters import HTTPAdapter
from requests.cookies import extract_cookies_to_jar
from requests.structures import CaseInsensitiveDict
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import (
    ConnectTimeoutError,
    LocationParseError,
    NameResolutionError,
    NewConnectionError,
)
from urllib3.exceptions import HTTPError as Urllib3HTTPError
from urllib3.response import HTTPResponse
from urllib3.util.connection import allowed_gai_family

from .addresses import BlockedAddressError, resolve_vetted
from .deadline import Deadline

__all__ = ["TRANSLATED", "GuardedAdapter", "fetch_scope", "send_get"]


@dataclass(frozen=True, slots=True)
class _Scope:
    allow_private: bool
    deadline: Deadline | None


_UNSCOPED = _Scope(allow_private=False, deadline=None)
_active = threading.local()
"""The fetch running on this thread; requests calls the connection classes
synchronously on the caller's thread, so this is how they learn its policy."""


@contextlib.contextmanager
def fetch_scope(*, allow_private: bool, deadline: Deadline) -> Iterator[None]:
    """Connections made on this thread inside the block follow this policy.

    Outside any scope (a session used directly) private addresses are refused.
    """
    _active.scope = _Scope(allow_private, deadline)
    try:
        yield
    finally:
        _active.scope = None


def _current_scope() -> _Scope:
    scope = getattr(_active, "scope", None)
    return scope if isinstance(scope, _Scope) else _UNSCOPED


def _connect_vetted(conn: HTTPConnection, allow_private: bool) -> socket.socket:
    """urllib3's ``create_connection``, connecting only to addresses the guard vetted."""
    host = conn._dns_host.strip("[]")
    try:
        host.encode("idna")
    except UnicodeError:
        raise LocationParseError(f"'{host}', label empty or too long") from None
    try:
        answer = resolve_vetted(
            host, conn.port or 0, allow_private=allow_private, family=allowed_gai_family()
        )
    except socket.gaierror as exc:
        raise NameResolutionError(conn.host, conn, exc) from exc
    error: OSError = OSError(f"no address found for {host}")
    for family, kind, proto, _, sockaddr in answer:
        sock = socket.socket(family, kind, proto)
        try:
            for option in conn.socket_options or ():
                sock.setsockopt(*option)
            if conn.timeout is None or isinstance(conn.timeout, int | float):
                sock.settimeout(conn.timeout)
            if conn.source_address:
                sock.bind(conn.source_address)
            sock.connect(sockaddr)
        except OSError as exc:
            sock.close()
            error = exc
            continue
        sys.audit("http.client.connect", conn, conn.host, conn.port)
        return sock
    if isinstance(error, TimeoutError):
        message = f"Connection to {conn.host} timed out. (connect timeout={conn.timeout})"
        raise ConnectTimeoutError(conn, message) from error
    raise NewConnectionError(conn, f"Failed to establish a new connection: {error}") from error


class _GuardedHTTPConnection(HTTPConnection):
    def _new_conn(self) -> socket.socket:
        scope = _current_scope()
        sock = _connect_vetted(self, scope.allow_private)
        if scope.deadline is not None:
            scope.deadline.watch(sock)
        return sock

    def getresponse(self) -> HTTPResponse:  # type: ignore[override]
        deadline = _current_scope().deadline
        if deadline is not None and self.sock is not None:
            deadline.watch(self.sock)
        return super().getresponse()


class _GuardedHTTPSConnection(_GuardedHTTPConnection, HTTPSConnection):
    """The address is vetted in _new_conn, i.e. before the TCP and TLS handshakes."""


class _GuardedHTTPPool(HTTPConnectionPool):
    ConnectionCls = _GuardedHTTPConnection


class _GuardedHTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _GuardedHTTPSConnection


class GuardedAdapter(HTTPAdapter):
    """Adapter whose connections apply the address guard and the deadline.

    Proxies are ignored on purpose: through a proxy the peer is the proxy,
    and the guard could no longer see where the request really goes.
    """

    def init_poolmanager(
        self, connections: int, maxsize: int, block: bool = False, **pool_kwargs: object
    ) -> None:
        super().init_poolmanager(connections, maxsize, block, **pool_kwargs)
        self.poolmanager.pool_classes_by_scheme = {
            "http": _GuardedHTTPPool,
            "https": _GuardedHTTPSPool,
        }

    def send(
        self,
        request: requests.PreparedRequest,
        stream: bool = False,
        timeout: float | tuple[float, float] | tuple[float, None] | None = None,
        verify: bool | str = True,
        cert: bytes | str | tuple[bytes | str, bytes | str] | None = None,
        proxies: Mapping[str, str] | None = None,
    ) -> requests.Response:
        return super().send(request, stream, timeout, verify, cert, proxies=None)


TRANSLATED: tuple[type[BaseException], ...] = (
    requests.RequestException,
    Urllib3HTTPError,
    OSError,
    BlockedAddressError,
)
"""What a fetch catches and turns into a FetchError."""


def send_get(
    session: requests.Session,
    url: str,
    headers: Mapping[str, str],
    timeout: tuple[float, float],
) -> requests.Response:
    """One GET through the session's adapter, without redirects, its body not yet read.

    What ``session.get(..., allow_redirects=False, stream=True)`` does for a
    fetch of ours, without the parts of ``Session.request`` that have nothing
    to do here (environment settings, which are off; hooks; the redirect
    machinery, as redirects are followed by hand): a fifth of the client's
    time on a conditional GET answered 304. The session's default headers
    and cookies are used as before.
    """
    merged: CaseInsensitiveDict[str | bytes] = CaseInsensitiveDict(session.headers)
    merged.update(headers)
    request = requests.PreparedRequest()
    request.prepare(method="GET", url=url, headers=merged, cookies=session.cookies)
    response = session.get_adapter(url).send(request, stream=True, timeout=timeout)
    extract_cookies_to_jar(session.cookies, request, response.raw)  # type: ignore[no-untyped-call]
    return response
