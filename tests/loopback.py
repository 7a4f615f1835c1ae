"""A tiny HTTP server on 127.0.0.1 for tests: routes map a path to a response.

Each route is a function ``(handler) -> Response``; helpers build the usual
cases (a feed with ETag/304, redirects, errors, a trickle, a gzip bomb).
"""

from __future__ import annotations

import gzip
import hashlib
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Response:
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    trickle: float = 0.0


Route = Callable[[BaseHTTPRequestHandler], Response]


class Server:
    def __init__(self, httpd: ThreadingHTTPServer, routes: dict[str, Route]) -> None:
        self.httpd = httpd
        self.routes = routes
        self.hits: dict[str, int] = {}

    @property
    def base(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}"

    def url(self, path: str) -> str:
        return self.base + path


@contextmanager
def serve(routes: dict[str, Route]) -> Iterator[Server]:
    holder: dict[str, Server] = {}

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            server = holder["server"]
            path = self.path.split("?", 1)[0]
            server.hits[path] = server.hits.get(path, 0) + 1
            route = server.routes.get(path)
            response = route(self) if route else Response(404, body=b"not here")
            self.send_response(response.status)
            headers = {"Content-Length": str(len(response.body)), **response.headers}
            for name, value in headers.items():
                self.send_header(name, value)
            self.end_headers()
            if response.trickle:
                for byte in response.body:
                    try:
                        self.wfile.write(bytes([byte]))
                        self.wfile.flush()
                    except OSError:
                        return
                    time.sleep(response.trickle)
            else:
                with suppress(OSError):
                    self.wfile.write(response.body)

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    server = Server(httpd, routes)
    holder["server"] = server
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        httpd.shutdown()
        httpd.server_close()


def static(body: bytes, content_type: str, *, etag: bool = True) -> Route:
    """Always the same body; answers 304 to a matching If-None-Match."""
    tag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'

    def route(handler: BaseHTTPRequestHandler) -> Response:
        if etag and handler.headers.get("If-None-Match") == tag:
            return Response(304, {"ETag": tag})
        headers = {"Content-Type": content_type}
        if etag:
            headers["ETag"] = tag
        return Response(200, headers, body)

    return route


def status(code: int, headers: dict[str, str] | None = None) -> Route:
    return lambda handler: Response(code, headers or {}, f"status {code}".encode())


def redirect(location: str, code: int = 302) -> Route:
    return lambda handler: Response(code, {"Location": location})


def trickle(body: bytes, delay: float) -> Route:
    return lambda handler: Response(
        200, {"Content-Type": "application/rss+xml"}, body, trickle=delay
    )


def gzip_bomb(megabytes: int = 100) -> Route:
    payload = gzip.compress(b"<rss>" + b" " * (megabytes * 1024 * 1024), compresslevel=9)
    return lambda handler: Response(
        200, {"Content-Type": "application/rss+xml", "Content-Encoding": "gzip"}, payload
    )


def rss_feed(name: str, entries: list[tuple[str, str]]) -> bytes:
    """An RSS 2.0 feed of ``name``'s site with one entry per (title, text), guids
    ``name-0``, ``name-1``, …, an hour apart on 2 March 2026."""
    items = "".join(
        f"<item><title>{escape(title)}</title><link>http://{name}.example/{number}</link>"
        f'<guid isPermaLink="false">{name}-{number}</guid>'
        f"<pubDate>Mon, 02 Mar 2026 0{number}:00:00 +0000</pubDate>"
        f"<description>{escape(f'<p>{text}</p>')}</description></item>"
        for number, (title, text) in enumerate(entries)
    )
    return (
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>{name}</title><link>http://{name}.example/</link><description>d</description>"
        f"{items}</channel></rss>"
    ).encode()
