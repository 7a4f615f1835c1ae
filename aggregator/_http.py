"""The parts of :mod:`aggregator.fetching` built on requests and urllib3.

They live apart so that importing :mod:`aggregator.fetching` (which every
run does, through the pipeline and the web source plugins) does not import
requests: a run that fetches nothing never pays for it. :class:`Fetcher`
imports this module when it is created.
"""

from __future__ import annotations

import socket
from collections.abc import Mapping

import requests
from requests.adapters import HTTPAdapter
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
