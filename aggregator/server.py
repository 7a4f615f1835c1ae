"""``aggregator serve``: the output directory over HTTP, for feed readers and people.

A small static file server on the standard library's ``BaseHTTPRequestHandler``,
with its own connection loop (:mod:`aggregator.server_loop`: one I/O thread,
a pool of workers) and the file rules of :mod:`aggregator.http_files`, made
for feeds:

- exact media types for the feed formats (Atom, RSS, JSON Feed, OPML, HTML);
- a strong ``ETag`` (a hash of the bytes, cached by path, inode, mtime and
  size) and ``Last-Modified`` on every 200, and 304 for ``If-None-Match``
  (which takes precedence) or ``If-Modified-Since``;
- gzip for text types when ``Accept-Encoding`` allows it (q-values honoured),
  with ``Vary: Accept-Encoding``; the gzip variant's ETag ends in ``-gz`` and
  either variant's tag validates the other;
- ``Cache-Control: max-age=N``;
- only GET and HEAD (any other method: 405 with ``Allow``);
- nothing outside the output directory: ``..`` in any encoding, backslashes,
  NUL and control characters, symlinks leading out, hidden files (the
  ``.name.tmp`` files of atomic writes) and directories are all 404;
- ``/`` serves ``index.html``, or when there is none a tiny generated page
  linking the feed files (404 while there are none);
- one access-log line per request through :mod:`logging` (logger
  ``aggregator.server``, level INFO, so ``-v`` shows them).

Outputs are replaced by rename (:func:`aggregator.output.write_atomic`), and a
file is read through one open descriptor (or answered from the bytes cached for
that version), so a response is always one whole version of a file, never half
of two.
"""

from __future__ import annotations

import contextlib
import html
import io
import logging
import os
import socket
import stat
import sys
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from typing import Any, cast
from urllib.parse import quote

from . import __version__
from .http_files import (
    _CONTROL,
    ALLOWED_METHODS,
    BODY_CACHE_LIMIT,
    CONTENT_TYPES,
    GZIP_CACHE_LIMIT,
    ROOT,
    Representation,
    ValidatorCache,
    Validators,
    accepts_gzip,
    compressible,
    content_type,
    entity_tags,
    feed_files,
    http_date,
    parse_http_date,
    resolve,
    version_key,
)
from .server_loop import Connection, ConnectionLoop

log = logging.getLogger("aggregator.server")


class FeedServer(HTTPServer):
    """Serves ``root`` (the output directory). ``port`` 0 picks a free port.

    The socket listens from construction; requests are answered from :meth:`start`.
    """

    request_queue_size = 1024
    """The listen backlog (the kernel caps it at net.core.somaxconn). The standard
    library's 5 drops the SYNs of a burst of clients: at 50 concurrent clients p99 was
    1 s and the slowest request 31 s (SYN retransmits); benchmarks/serve_bench.py."""
    allow_reuse_address = True  # TIME_WAIT only; a live listener still makes bind fail
    allow_reuse_port = False
    workers = 8
    """Requests answered at once. Idle and slow clients hold none (see server_loop)."""

    def __init__(
        self, root: Path, host: str = "127.0.0.1", port: int = 8080, *, max_age: int = 300
    ) -> None:
        self.root = Path(root)
        self.max_age = max_age
        self.validators = ValidatorCache()
        self._thread: threading.Thread | None = None
        self._loop: ConnectionLoop | None = None
        if ":" in host:
            self.address_family = socket.AF_INET6
        super().__init__((host, port), FeedRequestHandler)

    @property
    def host(self) -> str:
        return str(self.server_address[0])

    @property
    def port(self) -> int:
        return int(self.server_address[1])

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}/"

    def start(self, poll_interval: float = 0.5) -> threading.Thread:
        """Serve in a background thread; :meth:`stop` ends it."""
        self._loop = ConnectionLoop(
            self.socket,
            self.answer,
            workers=self.workers,
            idle_timeout=FeedRequestHandler.timeout,
            on_error=lambda connection: self.handle_error(connection, connection.address),
        )
        self._thread = threading.Thread(
            target=self._loop.run, args=(poll_interval,), name="aggregator-serve"
        )
        self._thread.daemon = True
        self._thread.start()
        return self._thread

    def answer(self, connection: Connection) -> bool:
        """Answer the request whose head ``connection`` holds; whether to keep the connection."""
        # socketserver types the request as a socket; setup() unpacks the Connection.
        handler = FeedRequestHandler(cast(Any, connection), connection.address, self)
        return not handler.close_connection

    def handle_error(self, request: Any, client_address: Any) -> None:
        # The base class prints a traceback on stderr; log instead.
        exc = sys.exc_info()[1]
        if isinstance(exc, ConnectionError | TimeoutError):
            log.debug("%s: connection ended: %s", client_address[0], exc)
        else:
            log.exception("error while serving %s", client_address[0])

    def stop(self) -> None:
        """Stop accepting requests, finish the ones being answered, close the socket."""
        if self._loop is not None and self._thread is not None:
            self._loop.stop()
            self._thread.join()
            self._loop = None
            self._thread = None
        self.server_close()


class _SocketWriter(io.BufferedIOBase):
    """The response stream: every write is one ``sendall`` (nothing to flush)."""

    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock

    def writable(self) -> bool:
        return True

    def write(self, data: Any, /) -> int:
        self.sock.sendall(data)
        return len(data)


class FeedRequestHandler(BaseHTTPRequestHandler):
    server: FeedServer
    server_version = f"aggregator/{__version__}"
    sys_version = ""
    protocol_version = "HTTP/1.1"
    timeout = 30  # seconds a client may stay silent (idle keep-alive, slow headers)
    error_content_type = "text/plain; charset=utf-8"
    error_message_format = "%(code)d %(message)s\n"

    # one request per handler ------------------------------------------------------

    def setup(self) -> None:
        # The request is a server_loop.Connection whose head is already read.
        self.connection = self.request.sock
        self.connection.settimeout(self.timeout)
        self.rfile = io.BytesIO(self.request.head)
        self.wfile = _SocketWriter(self.connection)

    def handle(self) -> None:
        self.close_connection = True
        self.handle_one_request()

    def finish(self) -> None:
        pass  # nothing is buffered; the loop keeps or closes the connection

    # methods ----------------------------------------------------------------

    def do_GET(self) -> None:
        self.respond(head=False)

    def do_HEAD(self) -> None:
        self.respond(head=True)

    def parse_request(self) -> bool:
        # Every method but GET and HEAD gets 405 (the base class would say 501).
        if not super().parse_request():
            return False
        if self.headers.get("Transfer-Encoding") or self.headers.get(
            "Content-Length", ""
        ).strip() not in ("", "0"):
            self.close_connection = True  # a request body is never read: do not reuse the stream
        if self.command not in ("GET", "HEAD"):
            self.method_not_allowed()
            return False
        return True

    def method_not_allowed(self) -> None:
        self.close_connection = True  # the request body, if any, is not read
        self.send_plain(HTTPStatus.METHOD_NOT_ALLOWED, head=False, extra={"Allow": ALLOWED_METHODS})

    # responses ----------------------------------------------------------------

    def respond(self, *, head: bool) -> None:
        target = resolve(self.server.root, self.path)
        if target is None:
            self.send_plain(HTTPStatus.NOT_FOUND, head=head)
            return
        if target == ROOT:
            index = resolve(self.server.root, "/index.html")
            if index is not None and os.path.isfile(index):
                target = index
            else:
                self.send_listing(head=head)
                return
        self.send_file(target, head=head)

    def send_file(self, path: str, *, head: bool) -> None:
        """Answer with the file at ``path``: from the cache when this version's bytes are
        in it (one ``lstat``, no ``open``: fewer system calls, fewer GIL hand-overs per
        request), else through one open descriptor."""
        try:
            info = os.lstat(path)
        except OSError:
            info = None
        if info is None or not stat.S_ISREG(info.st_mode):  # directories, FIFOs, symlinks
            self.send_plain(HTTPStatus.NOT_FOUND, head=head)
            return
        media_type = content_type(os.path.basename(path))
        cached = self.server.validators.get(version_key(path, info))
        if cached is not None and cached.body is not None:
            body = cached.body
            self.send_representation(
                Representation(media_type, info.st_mtime, cached, lambda: body, body), head=head
            )
            return
        try:
            fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0))
        except OSError:
            self.send_plain(HTTPStatus.NOT_FOUND, head=head)
            return
        with open(fd, "rb") as handle:
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode):
                self.send_plain(HTTPStatus.NOT_FOUND, head=head)
                return
            key = version_key(path, info)
            cache = self.server.validators
            validators = cache.get(key)
            data = None
            if validators is None:
                data = handle.read()
                fresh = Validators.of(data)
                if len(data) <= BODY_CACHE_LIMIT:
                    fresh.body = data
                validators = cache.put(key, fresh)
            representation = Representation(
                media_type=media_type,
                mtime=info.st_mtime,
                validators=validators,
                read=handle.read,
                data=data,
            )
            self.send_representation(representation, head=head)

    def send_listing(self, *, head: bool) -> None:
        root = self.server.root
        names = feed_files(root)
        if not names:
            self.send_plain(HTTPStatus.NOT_FOUND, head=head, text="no feeds published yet\n")
            return
        data = listing_page(names)
        mtimes = []
        for name in names:
            with contextlib.suppress(OSError):
                mtimes.append(os.stat(root / name).st_mtime)
        mtime = max(mtimes, default=0.0)
        representation = Representation(
            media_type=CONTENT_TYPES[".html"],
            mtime=mtime,
            validators=Validators.of(data),
            read=lambda: data,
            data=data,
        )
        self.send_representation(representation, head=head)

    def send_representation(self, rep: Representation, *, head: bool) -> None:
        validators = rep.validators
        text = compressible(rep.media_type)
        use_gzip = text and accepts_gzip(self.headers.get("Accept-Encoding"))
        etag = validators.etag_gzip if use_gzip else validators.etag
        headers = {
            "ETag": etag,
            "Last-Modified": http_date(rep.mtime),
            "Cache-Control": f"max-age={self.server.max_age}",
        }
        if text:
            headers["Vary"] = "Accept-Encoding"
        if self.not_modified(validators, rep.mtime):
            self.send_response(HTTPStatus.NOT_MODIFIED)
            for name, value in headers.items():
                self.send_header(name, value)
            self.end_headers()
            self.log_request(HTTPStatus.NOT_MODIFIED, 0)
            return
        body = rep.body()
        if use_gzip:
            body = validators.gzip(body, keep=len(body) <= GZIP_CACHE_LIMIT)
            headers["Content-Encoding"] = "gzip"
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", rep.media_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        if not head:
            self.wfile.write(body)
        self.log_request(HTTPStatus.OK, 0 if head else len(body))

    def not_modified(self, validators: Validators, mtime: float) -> bool:
        """RFC 9110 §13.2.2: If-None-Match decides when present; else If-Modified-Since."""
        if_none_match = self.headers.get("If-None-Match")
        if if_none_match is not None:
            if if_none_match.strip() == "*":
                return True
            return bool(entity_tags(if_none_match) & validators.opaque_tags())
        values = self.headers.get_all("If-Modified-Since") or []
        if len(values) != 1:
            return False
        since = parse_http_date(values[0])
        return since is not None and int(mtime) <= since

    def send_plain(
        self,
        status: HTTPStatus,
        *,
        head: bool,
        text: str | None = None,
        extra: dict[str, str] | None = None,
    ) -> None:
        body = (text or f"{status.value} {status.phrase}\n").encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-cache")
        self.send_header("X-Content-Type-Options", "nosniff")
        for name, value in (extra or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if not head:
            self.wfile.write(body)
        self.log_request(status, 0 if head else len(body))

    # logging --------------------------------------------------------------------

    def send_response(self, code: int, message: str | None = None) -> None:
        # The base class logs here; this handler logs once the size is known.
        self._connection_sent = False
        self.send_response_only(code, message)
        self.send_header("Server", self.version_string())
        self.send_header("Date", self.date_time_string())

    def send_header(self, keyword: str, value: str) -> None:
        if keyword.lower() == "connection":
            self._connection_sent = True
        super().send_header(keyword, value)

    def end_headers(self) -> None:
        """Say how the connection goes on when the client would otherwise guess wrong.

        HTTP/1.1 keeps a connection by default, so a response that ends it (unread
        request body, 405) says ``close``; HTTP/1.0 closes by default, so a kept
        ``Connection: keep-alive`` request is answered ``keep-alive``: unannounced,
        the client would wait for an end of stream that comes only with the idle timeout.
        """
        if not getattr(self, "_connection_sent", False):
            legacy = getattr(self, "request_version", "HTTP/0.9") == "HTTP/1.0"
            if self.close_connection and not legacy:
                self.send_header("Connection", "close")
            elif legacy and not self.close_connection:
                self.send_header("Connection", "keep-alive")
        super().end_headers()

    def version_string(self) -> str:
        return self.server_version

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        if not log.isEnabledFor(logging.INFO):
            return  # formatting the line costs a tenth of a small request's time
        status = code.value if isinstance(code, HTTPStatus) else code
        self.log_message('"%s" %s %s', self.requestline, status, size)

    def log_error(self, format: str, *args: Any) -> None:
        # Malformed requests and timeouts: the client's problem, not the server's.
        self.log_message(format, *args)

    def log_message(self, format: str, *args: Any) -> None:
        message = _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", format % args)
        headers = getattr(self, "headers", None)
        agent = _CONTROL.sub("?", headers.get("User-Agent", "-")) if headers else "-"
        log.info('%s %s "%s"', self.address_string(), message, agent)


def listing_page(names: list[str]) -> bytes:
    """The page "/" shows when there is no index.html: a link to each feed file."""
    kinds = {
        ".atom": "application/atom+xml",
        ".rss": "application/rss+xml",
        ".json": "application/feed+json",
    }
    head_links = []
    items = []
    for name in names:
        href = html.escape(quote(name), quote=True)
        label = html.escape(name)
        kind = kinds.get(os.path.splitext(name)[1].lower())
        if kind:
            head_links.append(f'<link rel="alternate" type="{kind}" href="{href}">')
        items.append(f'<li><a href="{href}">{label}</a></li>')
    page = (
        "<!doctype html>\n"
        '<html lang="en"><head><meta charset="utf-8"><title>Feeds</title>\n'
        + "\n".join(head_links)
        + "\n</head><body><h1>Feeds</h1>\n"
        "<p>Subscribe to one of these in your feed reader:</p>\n<ul>\n"
        + "\n".join(items)
        + "\n</ul></body></html>\n"
    )
    return page.encode("utf-8")
