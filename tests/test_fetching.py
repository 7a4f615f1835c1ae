"""Tests for aggregator.toolkit.fetching against real HTTP servers on loopback."""

from __future__ import annotations

import hashlib
import random
import socket
import threading
import time
import tracemalloc
import zlib
from collections.abc import Callable, Iterator
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, cast

import pytest
import requests

from aggregator.toolkit import addresses
from aggregator.toolkit.fetching import (
    Fetcher,
    FetchError,
    FetchPolicy,
    Validators,
    backoff_delay,
    blocked_category,
    parse_content_type,
    parse_retry_after,
    run_per_host,
)

Route = Callable[["_Handler"], None]


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, host: str) -> None:
        super().__init__((host, 0), _Handler)
        self.routes: dict[str, Route] = {}
        self.seen: list[tuple[str, dict[str, str]]] = []

    def url(self, path: str) -> str:
        host, port = self.server_address[:2]
        return f"http://{host!s}:{port}{path}"

    def handle_error(self, request: object, client_address: object) -> None:
        """A client the test cut off on purpose is not a server error worth printing."""

    def route(self, path: str) -> Callable[[Route], Route]:
        def register(handler: Route) -> Route:
            self.routes[path] = handler
            return handler

        return register

    def headers_for(self, path: str) -> dict[str, str]:
        return next(headers for seen_path, headers in reversed(self.seen) if seen_path == path)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        server = cast(_Server, self.server)
        path = self.path.split("?", 1)[0]
        server.seen.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
        handler = server.routes.get(path, _not_found)
        try:
            handler(self)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    def log_message(self, format: str, *args: Any) -> None:
        pass


def reply(
    h: BaseHTTPRequestHandler, status: int, body: bytes = b"", headers: dict[str, str] | None = None
) -> None:
    headers = headers or {}
    h.send_response(status)
    for name, value in headers.items():
        h.send_header(name, value)
    if "Content-Length" not in headers:
        h.send_header("Content-Length", str(len(body)))
    h.end_headers()
    h.wfile.write(body)


def _not_found(h: BaseHTTPRequestHandler) -> None:
    reply(h, 404, b"no such route")


def redirect(status: int, location: str) -> Route:
    return lambda h: reply(h, status, headers={"Location": location})


def _start(host: str) -> _Server:
    server = _Server(host)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def _stop(server: _Server) -> None:
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def server() -> Iterator[_Server]:
    srv = _start("127.0.0.1")
    yield srv
    _stop(srv)


@pytest.fixture
def fetcher() -> Iterator[Fetcher]:
    with Fetcher(FetchPolicy(allow_private=True, connect_timeout=1.0, total_timeout=2.0)) as f:
        yield f


def expect_error(fetcher: Fetcher, url: str, kind: str) -> FetchError:
    with pytest.raises(FetchError) as info:
        fetcher.fetch(url)
    assert info.value.kind == kind, str(info.value)
    assert str(info.value).startswith(f"{url}: ")
    return info.value


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


# --- success, validators, conditional GET ---------------------------------------------


FEED = b"<rss><channel><title>t</title></channel></rss>"


def test_200_records_validators(server: _Server, fetcher: Fetcher) -> None:
    server.route("/feed")(
        lambda h: reply(
            h,
            200,
            FEED,
            {
                "Content-Type": 'Application/RSS+xml; charset="UTF-8"',
                "ETag": '"v1"',
                "Last-Modified": "Wed, 01 Jan 2025 00:00:00 GMT",
            },
        )
    )
    result = fetcher.fetch(server.url("/feed"))
    assert result.status == 200
    assert result.url == result.final_url == server.url("/feed")
    assert result.content == FEED
    assert not result.not_modified
    assert result.media_type == "application/rss+xml"
    assert result.charset == "utf-8"
    assert result.etag == '"v1"'
    assert result.last_modified == "Wed, 01 Jan 2025 00:00:00 GMT"
    assert result.body_hash == hashlib.sha1(FEED).hexdigest()
    assert result.permanent_redirect is None
    assert 0 < result.elapsed < 2


def test_304_on_matching_etag(server: _Server, fetcher: Fetcher) -> None:
    @server.route("/cond")
    def cond(h: _Handler) -> None:
        if h.headers.get("If-None-Match") == '"v2"':
            reply(h, 304, headers={"ETag": '"v2"'})
        else:
            reply(h, 200, FEED, {"ETag": '"v2"', "Last-Modified": "Thu, 02 Jan 2025 00:00:00 GMT"})

    first = fetcher.fetch(server.url("/cond"))
    assert "if-none-match" not in server.headers_for("/cond")
    again = fetcher.fetch(
        server.url("/cond"),
        Validators(first.etag, first.last_modified, first.body_hash),
    )
    sent = server.headers_for("/cond")
    assert sent["if-none-match"] == '"v2"'
    assert sent["if-modified-since"] == "Thu, 02 Jan 2025 00:00:00 GMT"
    assert again.status == 304
    assert again.not_modified
    assert again.content == b""
    assert again.etag == '"v2"'
    assert again.last_modified == first.last_modified
    assert again.body_hash == first.body_hash


def test_connection_is_reused_after_a_304(server: _Server, fetcher: Fetcher) -> None:
    """A 304 has no body; the connection must go back to the pool, not be closed."""
    clients: list[tuple[str, int]] = []

    @server.route("/cond")
    def cond(h: _Handler) -> None:
        clients.append(h.client_address)
        if h.headers.get("If-None-Match") == '"v2"':
            reply(h, 304, headers={"ETag": '"v2"'})
        else:
            reply(h, 200, FEED, {"ETag": '"v2"'})

    first = fetcher.fetch(server.url("/cond"))
    for _ in range(3):
        assert fetcher.fetch(server.url("/cond"), Validators(first.etag)).status == 304
    assert len(clients) == 4
    assert len(set(clients)) == 1, "every request after the first opened a new connection"


def test_same_body_hash_counts_as_not_modified(server: _Server, fetcher: Fetcher) -> None:
    server.route("/nohdr")(lambda h: reply(h, 200, FEED))
    first = fetcher.fetch(server.url("/nohdr"))
    same = fetcher.fetch(server.url("/nohdr"), Validators(body_hash=first.body_hash))
    assert same.status == 200
    assert same.not_modified
    assert same.content == FEED
    other = fetcher.fetch(server.url("/nohdr"), Validators(body_hash="0" * 40))
    assert not other.not_modified


def test_user_agent_and_accept_sent(server: _Server) -> None:
    server.route("/ua")(lambda h: reply(h, 200, b"ok"))
    policy = FetchPolicy(allow_private=True, user_agent="aggregator/9.9 (+https://example.org)")
    with Fetcher(policy) as f:
        f.fetch(server.url("/ua"))
    sent = server.headers_for("/ua")
    assert sent["user-agent"] == "aggregator/9.9 (+https://example.org)"
    assert sent["accept"] == policy.accept
    assert FetchPolicy().user_agent.startswith("aggregator/")


def test_compressed_bodies_are_asked_for(server: _Server, fetcher: Fetcher) -> None:
    server.route("/enc")(lambda h: reply(h, 200, b"ok"))
    fetcher.fetch(server.url("/enc"))
    offered = {part.strip() for part in server.headers_for("/enc")["accept-encoding"].split(",")}
    assert {"gzip", "deflate"} <= offered


def test_cookie_set_before_a_redirect_is_sent_after_it(server: _Server, fetcher: Fetcher) -> None:
    """Redirects are followed by hand, so the cookie must come from the fetcher's own jar
    (a consent or bot check that sets a cookie and redirects would otherwise loop)."""
    server.route("/gate")(
        lambda h: reply(h, 302, headers={"Location": "/behind", "Set-Cookie": "pass=1; Path=/"})
    )
    server.route("/behind")(
        lambda h: reply(h, 200 if "pass=1" in (h.headers.get("Cookie") or "") else 403, FEED)
    )
    result = fetcher.fetch(server.url("/gate"))
    assert result.status == 200
    assert result.content == FEED


def test_gzip_body_is_decoded(server: _Server, fetcher: Fetcher) -> None:
    packed = zlib.compress(FEED * 100, wbits=31)
    server.route("/gz")(lambda h: reply(h, 200, packed, {"Content-Encoding": "gzip"}))
    result = fetcher.fetch(server.url("/gz"))
    assert result.content == FEED * 100


# --- deadline and size caps ---------------------------------------------------------------


def test_trickling_body_is_cut_at_total_deadline(server: _Server) -> None:
    @server.route("/trickle")
    def trickle(h: _Handler) -> None:
        h.send_response(200)
        h.send_header("Content-Length", "1000")
        h.end_headers()
        for _ in range(1000):
            h.wfile.write(b"x")
            h.wfile.flush()
            time.sleep(0.2)

    with Fetcher(FetchPolicy(allow_private=True, total_timeout=1.0)) as f:
        started = time.monotonic()
        error = expect_error(f, server.url("/trickle"), "timeout")
        elapsed = time.monotonic() - started
        assert 0.9 < elapsed < 2.0
        assert "gave up after 1.0 s (total deadline)" in str(error)
        server.route("/after")(lambda h: reply(h, 200, b"fine"))
        assert f.fetch(server.url("/after")).content == b"fine"


def test_deadlines_share_one_watchdog_thread(server: _Server) -> None:
    """Each fetch has a deadline, but not a thread of its own: one watchdog expires them all,
    and a deadline that passes while a later one waits still fires on time."""
    server.route("/quick")(lambda h: reply(h, 200, b"ok"))

    def watchdogs() -> int:
        return sum(t.name == "aggregator-fetch-deadlines" for t in threading.enumerate())

    with Fetcher(FetchPolicy(allow_private=True, total_timeout=30.0)) as f:
        for _ in range(25):
            assert f.fetch(server.url("/quick")).content == b"ok"
    assert watchdogs() == 1

    _expect_headers_cut_at_one_second(server)
    assert watchdogs() == 1


def test_trickling_headers_are_cut_at_total_deadline(server: _Server) -> None:
    _expect_headers_cut_at_one_second(server)


def _expect_headers_cut_at_one_second(server: _Server) -> None:
    @server.route("/slow-headers")
    def slow_headers(h: _Handler) -> None:
        h.wfile.write(b"HTTP/1.1 200 OK\r\nX-Slow: ")
        for _ in range(1000):
            h.wfile.write(b"y")
            h.wfile.flush()
            time.sleep(0.2)

    with Fetcher(FetchPolicy(allow_private=True, total_timeout=1.0)) as f:
        started = time.monotonic()
        expect_error(f, server.url("/slow-headers"), "timeout")
        assert time.monotonic() - started < 2.0


@pytest.fixture(scope="module")
def gzip_bomb() -> bytes:
    """200 MB of zeros, gzip-compressed (about 200 KB)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    zeros = bytes(1024 * 1024)
    return b"".join([*(packer.compress(zeros) for _ in range(200)), packer.flush()])


def test_gzip_bomb_is_refused_early(server: _Server, gzip_bomb: bytes) -> None:
    assert len(gzip_bomb) < 1024 * 1024
    server.route("/bomb")(lambda h: reply(h, 200, gzip_bomb, {"Content-Encoding": "gzip"}))
    with Fetcher(FetchPolicy(allow_private=True, max_bytes=1024 * 1024)) as f:
        tracemalloc.start()
        started = time.monotonic()
        try:
            error = expect_error(f, server.url("/bomb"), "too_large")
        finally:
            _, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
    assert time.monotonic() - started < 2.0
    assert peak < 16 * 1024 * 1024
    assert "body exceeds 1048576 bytes after decoding" in str(error)


def test_declared_content_length_over_cap_is_refused_before_reading(server: _Server) -> None:
    @server.route("/huge")
    def huge(h: _Handler) -> None:
        h.send_response(200)
        h.send_header("Content-Length", str(50_000_000))
        h.end_headers()
        h.wfile.write(b"z" * 1000)

    with Fetcher(FetchPolicy(allow_private=True, max_bytes=1_000_000)) as f:
        error = expect_error(f, server.url("/huge"), "too_large")
    assert "Content-Length 50000000 exceeds limit of 1000000 bytes" in str(error)


# --- redirects -----------------------------------------------------------------------------


def test_redirect_chain_reports_leading_permanent_hop(server: _Server, fetcher: Fetcher) -> None:
    server.route("/r/a")(redirect(301, server.url("/r/b")))
    server.route("/r/b")(redirect(302, "/r/c"))
    server.route("/r/c")(lambda h: reply(h, 200, FEED))
    result = fetcher.fetch(server.url("/r/a"))
    assert result.content == FEED
    assert result.url == server.url("/r/a")
    assert result.final_url == server.url("/r/c")
    assert result.permanent_redirect == server.url("/r/b")


def test_consecutive_permanent_hops_report_the_last_one(server: _Server, fetcher: Fetcher) -> None:
    server.route("/p/a")(redirect(301, "/p/b"))
    server.route("/p/b")(redirect(308, "/p/c"))
    server.route("/p/c")(lambda h: reply(h, 200, FEED))
    assert fetcher.fetch(server.url("/p/a")).permanent_redirect == server.url("/p/c")


def test_temporary_first_hop_is_not_permanent(server: _Server, fetcher: Fetcher) -> None:
    server.route("/t/a")(redirect(307, "/t/b"))
    server.route("/t/b")(redirect(301, "/t/c"))
    server.route("/t/c")(lambda h: reply(h, 200, FEED))
    result = fetcher.fetch(server.url("/t/a"))
    assert result.final_url == server.url("/t/c")
    assert result.permanent_redirect is None


def test_relative_locations_resolve_against_current_url(server: _Server, fetcher: Fetcher) -> None:
    server.route("/rel/start")(redirect(302, "next"))
    server.route("/rel/next")(redirect(303, "../rel2/end?x=1"))
    server.route("/rel2/end")(lambda h: reply(h, 200, b"end"))
    result = fetcher.fetch(server.url("/rel/start"))
    assert result.final_url == server.url("/rel2/end?x=1")
    assert result.content == b"end"


def test_redirect_loop(server: _Server, fetcher: Fetcher) -> None:
    server.route("/loop/a")(redirect(302, "/loop/b"))
    server.route("/loop/b")(redirect(302, "/loop/a"))
    error = expect_error(fetcher, server.url("/loop/a"), "redirect_loop")
    a, b = server.url("/loop/a"), server.url("/loop/b")
    assert f"redirect loop ({a} → {b} → {a})" in str(error)


def test_too_many_redirects(server: _Server) -> None:
    for i in range(5):
        server.route(f"/many/{i}")(redirect(302, f"/many/{i + 1}"))
    server.route("/many/5")(lambda h: reply(h, 200, b"made it"))
    with Fetcher(FetchPolicy(allow_private=True, max_redirects=5)) as f:
        assert f.fetch(server.url("/many/0")).content == b"made it"
    with Fetcher(FetchPolicy(allow_private=True, max_redirects=4)) as f:
        error = expect_error(f, server.url("/many/0"), "too_many_redirects")
    assert "more than 4 redirects" in str(error)


def test_redirect_to_other_scheme_is_bad_url(server: _Server, fetcher: Fetcher) -> None:
    server.route("/to-ftp")(redirect(302, "ftp://example.com/feed"))
    error = expect_error(fetcher, server.url("/to-ftp"), "bad_url")
    assert "redirect to 'ftp://example.com/feed'" in str(error)


# --- address guard -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("address", "category"),
    [
        ("10.0.0.5", "private"),
        ("192.168.1.1", "private"),
        ("172.16.0.1", "private"),
        ("127.0.0.1", "loopback"),
        ("::1", "loopback"),
        ("::ffff:127.0.0.1", "loopback"),
        ("::ffff:10.1.2.3", "private"),
        ("169.254.169.254", "link-local"),
        ("fe80::1", "link-local"),
        ("224.0.0.1", "multicast"),
        ("ff02::1", "multicast"),
        ("0.0.0.0", "unspecified"),
        ("::", "unspecified"),
        ("240.0.0.1", "reserved"),
        ("fc00::1", "private"),
        ("100.100.100.200", "non-public"),
        ("93.184.216.34", None),
        ("2606:4700::6810:85e5", None),
        ("::ffff:93.184.216.34", None),
    ],
)
def test_blocked_category(address: str, category: str | None) -> None:
    assert blocked_category(address) == category


def test_loopback_refused_without_allow_private(server: _Server) -> None:
    server.route("/private")(lambda h: reply(h, 200, b"secret"))
    before = len(server.seen)
    with Fetcher(FetchPolicy(allow_private=False, total_timeout=2.0)) as f:
        error = expect_error(f, server.url("/private"), "blocked_address")
    assert "refused to connect to loopback address 127.0.0.1" in str(error)
    assert "allow_private" in str(error)
    assert len(server.seen) == before


def test_guard_checks_connected_address_not_hostname(
    server: _Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A public-looking name that resolves to loopback is still refused."""
    real_getaddrinfo = socket.getaddrinfo

    def fake_getaddrinfo(host: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
        if host == "feeds.example.com":
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", port))]
        return real_getaddrinfo(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", fake_getaddrinfo)
    server.route("/named")(lambda h: reply(h, 200, b"named"))
    url = server.url("/named").replace("127.0.0.1", "feeds.example.com")
    with Fetcher(FetchPolicy(allow_private=True)) as f:
        assert f.fetch(url).content == b"named"
    with Fetcher(FetchPolicy(allow_private=False)) as f:
        error = expect_error(f, url, "blocked_address")
    assert "127.0.0.1" in str(error)


def test_passed_in_session_gets_the_guard(server: _Server) -> None:
    server.route("/sess")(lambda h: reply(h, 200, b"x"))
    session = requests.Session()
    with Fetcher(FetchPolicy(allow_private=False), session=session) as f:
        expect_error(f, server.url("/sess"), "blocked_address")
    session.close()


def test_redirect_to_blocked_address_is_refused_at_connect(
    server: _Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first server counts as public here; the redirect target does not."""
    try:
        inner = _start("127.0.0.2")
    except OSError:
        pytest.skip("cannot bind 127.0.0.2")
    try:
        inner.route("/internal")(lambda h: reply(h, 200, b"metadata"))
        server.route("/to-inner")(redirect(302, inner.url("/internal")))
        monkeypatch.setattr(
            addresses, "blocked_category", lambda a: "private" if a == "127.0.0.2" else None
        )
        with Fetcher(FetchPolicy(allow_private=False, total_timeout=2.0)) as f:
            error = expect_error(f, server.url("/to-inner"), "blocked_address")
        assert "refused to connect to private address 127.0.0.2" in str(error)
        assert inner.url("/internal") in str(error)
        assert server.headers_for("/to-inner")
        assert inner.seen == []
    finally:
        _stop(inner)


def _listening_socket() -> socket.socket:
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    listener.setblocking(False)
    return listener


def _pending_connections(listener: socket.socket) -> int:
    """How many TCP connections reached the listener (each is accepted and closed)."""
    count = 0
    while True:
        try:
            conn, _ = listener.accept()
        except BlockingIOError:
            return count
        conn.close()
        count += 1


def test_blocked_loopback_is_never_connected_to() -> None:
    """The address is vetted before connecting: no TCP handshake reaches the port."""
    with _listening_socket() as listener:
        port = listener.getsockname()[1]
        with Fetcher(FetchPolicy(allow_private=False, total_timeout=2.0)) as f:
            expect_error(f, f"http://127.0.0.1:{port}/feed", "blocked_address")
        time.sleep(0.05)
        assert _pending_connections(listener) == 0


def test_open_and_closed_loopback_ports_look_the_same() -> None:
    """Otherwise the error text would tell which private ports are open."""
    with _listening_socket() as listener:
        open_port = listener.getsockname()[1]
        closed_port = _free_port()
        with Fetcher(FetchPolicy(allow_private=False, total_timeout=2.0)) as f:
            open_error = expect_error(f, f"http://127.0.0.1:{open_port}/", "blocked_address")
            closed_error = expect_error(f, f"http://127.0.0.1:{closed_port}/", "blocked_address")
    assert open_error.reason == closed_error.reason


def test_every_resolved_address_is_vetted(server: _Server, monkeypatch: pytest.MonkeyPatch) -> None:
    """One private address among the answers refuses the host, even if another is public."""
    real_getaddrinfo = socket.getaddrinfo

    def fake_getaddrinfo(host: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
        if host == "mixed.example.com":
            return [
                (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", port)),
                (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.0.0.7", port)),
            ]
        return real_getaddrinfo(host, port, *args, **kwargs)

    real_category = addresses.blocked_category
    monkeypatch.setattr(socket, "getaddrinfo", fake_getaddrinfo)
    monkeypatch.setattr(
        addresses, "blocked_category", lambda a: None if a == "127.0.0.1" else real_category(a)
    )
    server.route("/mixed")(lambda h: reply(h, 200, b"mixed"))
    before = len(server.seen)
    url = server.url("/mixed").replace("127.0.0.1", "mixed.example.com")
    with Fetcher(FetchPolicy(allow_private=False, total_timeout=2.0)) as f:
        error = expect_error(f, url, "blocked_address")
    assert "refused to connect to private address 10.0.0.7" in str(error)
    assert len(server.seen) == before


def test_allowed_loopback_by_name_keeps_the_host_header_across_redirects(
    server: _Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_getaddrinfo = socket.getaddrinfo

    def fake_getaddrinfo(host: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
        if host == "feeds.example.com":
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", port))]
        return real_getaddrinfo(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", fake_getaddrinfo)
    server.route("/by-name")(redirect(302, "/by-name/final"))
    server.route("/by-name/final")(lambda h: reply(h, 200, b"final"))
    url = server.url("/by-name").replace("127.0.0.1", "feeds.example.com")
    with Fetcher(FetchPolicy(allow_private=True, total_timeout=2.0)) as f:
        result = f.fetch(url)
    assert result.content == b"final"
    assert result.final_url == url + "/final"
    port = server.server_address[1]
    assert server.headers_for("/by-name/final")["host"] == f"feeds.example.com:{port}"


# --- status codes and network errors ---------------------------------------------------


@pytest.mark.parametrize(
    ("status", "kind", "text"),
    [
        (404, "http_status", "server answered 404 Not Found"),
        (500, "http_status", "server answered 500 Internal Server Error"),
        (410, "gone", "server answered 410 Gone"),
        (300, "http_status", "server answered 300 Multiple Choices"),
    ],
)
def test_error_statuses(
    server: _Server, fetcher: Fetcher, status: int, kind: str, text: str
) -> None:
    server.route(f"/status/{status}")(lambda h: reply(h, status, b"nope"))
    error = expect_error(fetcher, server.url(f"/status/{status}"), kind)
    assert error.status == status
    assert text in str(error)
    assert error.retry_after is None


def test_302_without_location_is_an_error(server: _Server, fetcher: Fetcher) -> None:
    server.route("/noloc")(lambda h: reply(h, 302))
    error = expect_error(fetcher, server.url("/noloc"), "http_status")
    assert "without a Location header" in str(error)


def test_429_with_retry_after_seconds(server: _Server, fetcher: Fetcher) -> None:
    server.route("/429")(lambda h: reply(h, 429, headers={"Retry-After": "120"}))
    error = expect_error(fetcher, server.url("/429"), "rate_limited")
    assert error.status == 429
    assert error.retry_after == 120.0
    assert "429 Too Many Requests (retry after 120 s)" in str(error)


def test_503_with_retry_after_date(server: _Server, fetcher: Fetcher) -> None:
    when = formatdate(time.time() + 120, usegmt=True)
    server.route("/503")(lambda h: reply(h, 503, headers={"Retry-After": when}))
    error = expect_error(fetcher, server.url("/503"), "rate_limited")
    assert error.status == 503
    assert error.retry_after is not None
    assert 100 < error.retry_after <= 121


def test_503_without_retry_after(server: _Server, fetcher: Fetcher) -> None:
    server.route("/503b")(lambda h: reply(h, 503))
    assert expect_error(fetcher, server.url("/503b"), "rate_limited").retry_after is None


def test_connection_refused(fetcher: Fetcher) -> None:
    url = f"http://127.0.0.1:{_free_port()}/feed"
    error = expect_error(fetcher, url, "connection")
    assert "refused" in str(error).lower()


def test_dns_failure(fetcher: Fetcher, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_such_host(*args: Any, **kwargs: Any) -> Any:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_such_host)
    error = expect_error(fetcher, "http://feeds.invalid/rss", "dns")
    assert "could not resolve host feeds.invalid" in str(error)


@pytest.mark.parametrize(
    "url",
    [
        "ftp://example.com/feed",
        "file:///etc/passwd",
        "javascript:alert(1)",
        "feed.xml",
        "http://",
        "http://[::1/feed",
        "http://example.com:99999/feed",
    ],
)
def test_bad_urls(fetcher: Fetcher, url: str) -> None:
    expect_error(fetcher, url, "bad_url")


# --- helpers -------------------------------------------------------------------------------


def test_parse_content_type() -> None:
    assert parse_content_type(None) == (None, None)
    assert parse_content_type("text/xml") == ("text/xml", None)
    assert parse_content_type("Text/HTML; Charset='ISO-8859-1'; q=1") == ("text/html", "iso-8859-1")


def test_parse_retry_after() -> None:
    assert parse_retry_after("0") == 0.0
    assert parse_retry_after(" 30 ") == 30.0
    assert parse_retry_after("soon") is None
    assert parse_retry_after(None) is None
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0


class _MaxRandom(random.Random):
    def random(self) -> float:
        return 1.0


def test_backoff_delay_zero_without_failures() -> None:
    assert backoff_delay(0) == 0.0
    assert backoff_delay(-3) == 0.0


def test_backoff_ceiling_doubles_then_caps() -> None:
    ceilings = [backoff_delay(n, base=60, cap=3600, rng=_MaxRandom()) for n in range(1, 12)]
    assert ceilings[:6] == [60, 120, 240, 480, 960, 1920]
    assert ceilings[6:] == [3600] * 5
    assert ceilings == sorted(ceilings)
    assert backoff_delay(100_000, rng=_MaxRandom()) == 6 * 3600.0


def test_backoff_jitter_within_bounds() -> None:
    rng = random.Random(42)
    for failures in range(1, 15):
        ceiling = min(3600.0, 10.0 * 2 ** (failures - 1))
        samples = [backoff_delay(failures, base=10, cap=3600, rng=rng) for _ in range(200)]
        assert all(0 <= s <= ceiling for s in samples)
        assert max(samples) > ceiling / 2
    assert 0 <= backoff_delay(3) <= 240


def test_run_per_host_limits_concurrency_and_keeps_order() -> None:
    lock = threading.Lock()
    running: dict[str, int] = {}
    peak: dict[str, int] = {}
    peak_total = [0]

    def task(host: str, value: int) -> Callable[[], int]:
        def run() -> int:
            with lock:
                running[host] = running.get(host, 0) + 1
                peak[host] = max(peak.get(host, 0), running[host])
                peak_total[0] = max(peak_total[0], sum(running.values()))
            time.sleep(0.03)
            with lock:
                running[host] -= 1
            if value % 7 == 3:
                raise ValueError(f"task {value}")
            return value

        return run

    hosts = ["a.example", "b.example", "c.example"]
    tasks: list[tuple[str, Callable[[], int]]] = []
    for i in range(30):
        host = hosts[i % 3]
        target = f"https://{host.upper()}/feed/{i}" if i % 2 else host
        tasks.append((target, task(host, i)))

    results = run_per_host(tasks, max_workers=8, per_host=2)

    assert len(results) == 30
    for i, result in enumerate(results):
        if i % 7 == 3:
            assert isinstance(result, ValueError)
            assert str(result) == f"task {i}"
        else:
            assert result == i
    assert all(p <= 2 for p in peak.values()), peak
    assert max(peak.values()) == 2
    assert peak_total[0] > 2


def test_run_per_host_empty_and_single_lane() -> None:
    assert run_per_host([]) == []
    order: list[int] = []

    def make(i: int) -> Callable[[], int]:
        def run() -> int:
            order.append(i)
            return i

        return run

    assert run_per_host([("h", make(i)) for i in range(5)], per_host=1) == [0, 1, 2, 3, 4]
    assert order == [0, 1, 2, 3, 4]
