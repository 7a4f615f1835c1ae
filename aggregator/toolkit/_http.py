"""The parts of :mod:`aggregator.toolkit.fetching` built on requests and urllib3.

They live apart so that importing :mod:`aggregator.toolkit.fetching` (which every
run does, through the pipeline and the web source plugins) does not import
requests: a run that fetches nothing never pays for it. :class:`Fetcher`
imports this module when it is created.
"""

from __future__ import annotations

import socket
from collections.abc import Mapping

import requests
from requests.adapters import HTTPAdapter
from requests.cookies import extract_cookies_to_jar
from requests.structures import CaseInsensitiveDict
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import HTTPError as Urllib3HTTPError
from urllib3.response import HTTPResponse

from .fetching import _admit, _BlockedAddressError, _current_context


class _GuardedHTTPConnection(HTTPConnection):
    def _new_conn(self) -> socket.socket:
        return _admit(super()._new_conn())

    def getresponse(self) -> HTTPResponse:  # type: ignore[override]
        deadline = _current_context().deadline
        if deadline is not None and self.sock is not None:
            deadline.watch(self.sock)
        return super().getresponse()


class _GuardedHTTPSConnection(_GuardedHTTPConnection, HTTPSConnection):
    """The peer is checked in _new_conn, i.e. before the TLS handshake."""


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
    _BlockedAddressError,
)
"""What a fetch catches and turns into a FetchError (see ``fetching._translate``)."""


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
