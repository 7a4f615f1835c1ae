"""``aggregator serve``: real HTTP on 127.0.0.1 (ephemeral ports), in a thread and a subprocess."""

from __future__ import annotations

import gzip
import http.client
import logging
import os
import re
import select
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from email.utils import formatdate, parsedate_to_datetime
from pathlib import Path
from typing import TypeVar

import pytest
from lxml import etree

from aggregator import serve_command  # noqa: F401  (registers `serve` on the cli group)
from aggregator.http_files import accepts_gzip, content_type, entity_tags, resolve
from aggregator.output import write_atomic
from aggregator.server import FeedServer
from aggregator.testing import ATOM, FeedProject

ATOM_BODY = (
    b'<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
    + b"<title>India \xe2\x80\x93 Japan</title>" * 40
    + b"</feed>\n"
)
FILES = {
    "feed.atom": (ATOM_BODY, "application/atom+xml; charset=utf-8"),
    "feed.rss": (
        b'<?xml version="1.0"?><rss version="2.0"></rss>\n',
        "application/rss+xml; charset=utf-8",
    ),
    "feed.json": (
        b'{"version": "https://jsonfeed.org/version/1.1"}\n',
        "application/feed+json; charset=utf-8",
    ),
    "index.html": (b"<!doctype html><title>Feeds</title>\n", "text/html; charset=utf-8"),
    "feeds.opml": (b'<?xml version="1.0"?><opml version="2.0"/>\n', "text/x-opml; charset=utf-8"),
    "logo.svg": (b'<svg xmlns="http://www.w3.org/2000/svg"/>\n', "image/svg+xml"),
    "style.css": (b"body { color: black }\n", "text/css; charset=utf-8"),
    "logo.png": (b"\x89PNG\r\n\x1a\n" + bytes(200), "image/png"),
    "blob.unknownext": (b"\x00\x01\x02", "application/octet-stream"),
}
T = TypeVar("T")
SECRET = b"TOP SECRET: outside the output directory"


@pytest.fixture
def public(tmp_path: Path) -> Path:
    root = tmp_path / "public"
    root.mkdir()
    for name, (data, _) in FILES.items():
        (root / name).write_bytes(data)
    (root / ".feed.atom.abc123.tmp").write_bytes(b"half a feed")
    (root / ".hidden").write_bytes(b"hidden")
    (root / "sub").mkdir()
    (root / "sub" / "page.html").write_bytes(b"<p>inside a directory</p>")
    (root / "sub" / ".secret").write_bytes(b"hidden in a directory")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_bytes(SECRET)
    (tmp_path / "secret.txt").write_bytes(SECRET)
    (root / "leak.txt").symlink_to(outside / "secret.txt")
    (root / "leakdir").symlink_to(outside, target_is_directory=True)
    (root / "alias.atom").symlink_to(root / "feed.atom")
    (root / "unhidden.txt").symlink_to(root / ".hidden")
    return root


@pytest.fixture
def server(public: Path) -> Iterator[FeedServer]:
    running = FeedServer(public, "127.0.0.1", 0, max_age=300)
    running.start(poll_interval=0.02)
    try:
        yield running
    finally:
        running.stop()


def request(
    server: FeedServer, path: str, method: str = "GET", headers: dict[str, str] | None = None
) -> tuple[int, http.client.HTTPMessage, bytes]:
    connection = http.client.HTTPConnection(server.host, server.port, timeout=10)
    try:
        connection.request(method, path, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.headers, response.read()
    finally:
        connection.close()


def raw(server: FeedServer, head: bytes) -> bytes:
    """Send bytes as they are (no client-side normalising) and read to the end."""
    with socket.create_connection((server.host, server.port), timeout=10) as sock:
        sock.sendall(head)
        chunks = []
        while chunk := sock.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)


def raw_status(
    server: FeedServer, target: str | bytes, method: bytes = b"GET"
) -> tuple[int, bytes]:
    if isinstance(target, str):
        target = target.encode("latin-1")
    answer = raw(
        server, method + b" " + target + b" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
    )
    return int(answer.split(b" ", 2)[1]), answer


# content and validators ------------------------------------------------------


@pytest.mark.parametrize("name", sorted(FILES))
def test_content_types_and_validators(server: FeedServer, public: Path, name: str) -> None:
    data, expected_type = FILES[name]
    status, headers, body = request(server, "/" + name)
    assert status == 200
    assert body == data
    assert headers["Content-Type"] == expected_type
    assert headers["Content-Length"] == str(len(data))
    assert re.fullmatch(r'"[0-9a-f]{32}"', headers["ETag"])
    mtime = (public / name).stat().st_mtime
    assert headers["Last-Modified"] == formatdate(mtime, usegmt=True)
    assert headers["Cache-Control"] == "max-age=300"
    assert headers["X-Content-Type-Options"] == "nosniff"


def test_content_type_table() -> None:
    assert content_type("feed.ATOM") == "application/atom+xml; charset=utf-8"
    assert content_type("archive.tar.gz") == "application/octet-stream"
    assert content_type("notes.txt") == "text/plain; charset=utf-8"


def test_root_serves_index_html(server: FeedServer) -> None:
    status, headers, body = request(server, "/")
    assert status == 200
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    assert body == FILES["index.html"][0]
    assert request(server, "/?utm_source=x")[2] == body


def test_root_without_index_lists_only_feed_files(server: FeedServer, public: Path) -> None:
    (public / "index.html").unlink()
    status, headers, body = request(server, "/")
    assert status == 200
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    assert "ETag" in headers and "Last-Modified" in headers
    links = re.findall(rb'<a href="([^"]+)"', body)
    assert links == [b"alias.atom", b"feed.atom", b"feed.json", b"feed.rss", b"feeds.opml"]
    assert b'<link rel="alternate" type="application/atom+xml" href="feed.atom">' in body
    for name in ("feed.atom", "feed.json", "feed.rss", "feeds.opml"):
        (public / name).unlink()
    (public / "alias.atom").unlink()
    assert request(server, "/")[0] == 404


def test_etag_is_stable_and_if_none_match_gives_304(server: FeedServer) -> None:
    _, headers, _ = request(server, "/feed.atom")
    etag = headers["ETag"]
    assert request(server, "/feed.atom")[1]["ETag"] == etag
    for value in (etag, f"W/{etag}", f'"other", {etag}', f'W/"x",W/{etag} ', "*"):
        status, answer, body = request(server, "/feed.atom", headers={"If-None-Match": value})
        assert status == 304, value
        assert body == b""
        assert answer["ETag"] == etag
        assert answer["Cache-Control"] == "max-age=300"
        assert "Content-Type" not in answer
    assert request(server, "/feed.atom", headers={"If-None-Match": '"stale"'})[0] == 200


def test_if_none_match_takes_precedence_over_if_modified_since(server: FeedServer) -> None:
    _, headers, _ = request(server, "/feed.rss")
    status, _, body = request(
        server,
        "/feed.rss",
        headers={"If-None-Match": '"stale"', "If-Modified-Since": headers["Last-Modified"]},
    )
    assert status == 200 and body == FILES["feed.rss"][0]


def test_if_modified_since(server: FeedServer, public: Path) -> None:
    _, headers, _ = request(server, "/feed.rss")
    last_modified = headers["Last-Modified"]
    assert parsedate_to_datetime(last_modified).timestamp() == int(
        (public / "feed.rss").stat().st_mtime
    )
    status, answer, body = request(
        server, "/feed.rss", headers={"If-Modified-Since": last_modified}
    )
    assert status == 304 and body == b""
    assert answer["Last-Modified"] == last_modified
    later = formatdate(time.time() + 3600, usegmt=True)
    assert request(server, "/feed.rss", headers={"If-Modified-Since": later})[0] == 304
    earlier = formatdate((public / "feed.rss").stat().st_mtime - 3600, usegmt=True)
    assert request(server, "/feed.rss", headers={"If-Modified-Since": earlier})[0] == 200
    assert request(server, "/feed.rss", headers={"If-Modified-Since": "yesterday"})[0] == 200


def test_replaced_file_gets_a_new_etag(server: FeedServer, public: Path) -> None:
    _, before, _ = request(server, "/feed.atom")
    write_atomic(public / "feed.atom", ATOM_BODY.replace(b"India", b"Japan"))
    status, after, body = request(server, "/feed.atom", headers={"If-None-Match": before["ETag"]})
    assert status == 200
    assert after["ETag"] != before["ETag"]
    assert b"Japan \xe2\x80\x93 Japan" in body


def test_head_has_the_headers_and_no_body(server: FeedServer) -> None:
    _, get_headers, get_body = request(server, "/feed.atom")
    answer = raw(server, b"HEAD /feed.atom HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    head, _, body = answer.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 200")
    assert body == b""
    assert f"ETag: {get_headers['ETag']}".encode() in head
    assert f"Content-Length: {len(get_body)}".encode() in head
    assert b"Last-Modified: " in head
    status, _, _ = request(
        server, "/feed.atom", method="HEAD", headers={"If-None-Match": get_headers["ETag"]}
    )
    assert status == 304


# gzip ------------------------------------------------------------------------


def test_gzip_when_accepted(server: FeedServer) -> None:
    status, headers, body = request(server, "/feed.atom", headers={"Accept-Encoding": "gzip"})
    assert status == 200
    assert headers["Content-Encoding"] == "gzip"
    assert headers["Vary"] == "Accept-Encoding"
    assert gzip.decompress(body) == ATOM_BODY
    assert len(body) < len(ATOM_BODY)
    assert headers["Content-Length"] == str(len(body))
    # the gzip variant has its own strong tag, and either tag validates either variant
    _, plain, _ = request(server, "/feed.atom")
    assert plain["ETag"] != headers["ETag"] and plain["Vary"] == "Accept-Encoding"
    assert "Content-Encoding" not in plain
    for tag, encoding in ((headers["ETag"], "identity"), (plain["ETag"], "gzip")):
        status, _, _ = request(
            server, "/feed.atom", headers={"If-None-Match": tag, "Accept-Encoding": encoding}
        )
        assert status == 304
    # same bytes every time (gzip mtime is 0)
    assert request(server, "/feed.atom", headers={"Accept-Encoding": "gzip"})[2] == body


@pytest.mark.parametrize(
    ("accept", "gzipped"),
    [
        ("gzip, deflate, br", True),
        ("br;q=1.0, gzip;q=0.5", True),
        ("*", True),
        ("x-gzip", True),
        ("GZIP;Q=0.1", True),
        ("gzip;q=0", False),
        ("gzip;q=0.000", False),
        ("*;q=0", False),
        ("gzip;q=0, *", False),
        ("identity", False),
        ("br", False),
        ("", False),
    ],
)
def test_gzip_negotiation(server: FeedServer, accept: str, gzipped: bool) -> None:
    assert accepts_gzip(accept) is gzipped
    _, headers, body = request(server, "/feed.rss", headers={"Accept-Encoding": accept})
    assert (headers.get("Content-Encoding") == "gzip") is gzipped
    assert (gzip.decompress(body) if gzipped else body) == FILES["feed.rss"][0]


def test_binary_types_are_not_gzipped(server: FeedServer) -> None:
    _, headers, body = request(server, "/logo.png", headers={"Accept-Encoding": "gzip"})
    assert "Content-Encoding" not in headers and "Vary" not in headers
    assert body == FILES["logo.png"][0]


# what is never served -------------------------------------------------------

ESCAPES = [
    "/../secret.txt",
    "/../outside/secret.txt",
    "/%2e%2e/secret.txt",
    "/%2E%2E/secret.txt",
    "/%2e./secret.txt",
    "/.%2e/outside/secret.txt",
    "/..%2fsecret.txt",
    "/%2e%2e%2fsecret.txt",
    "/%2e%2e%2f%2e%2e%2fsecret.txt",
    "/sub/../../secret.txt",
    "/sub/%2e%2e/%2e%2e/secret.txt",
    "/%252e%252e/secret.txt",
    "/%c0%ae%c0%ae/secret.txt",
    "/..\\secret.txt",
    "/%5c..%5csecret.txt",
    "/..%5csecret.txt",
    "/feed.atom%00.html",
    "/%00",
    "/feed.atom\x00",
    "/etc/passwd",
    "//etc/passwd",
    "/%2fetc%2fpasswd",
    "http://127.0.0.1/../secret.txt",
    "http://127.0.0.1/%2e%2e/secret.txt",
    "../secret.txt",
    "secret.txt",
    "/leak.txt",
    "/leakdir/secret.txt",
    "/./feed.atom",
    "/feed.atom/",
    "/feed.atom/.",
]


def test_path_escapes_are_404(server: FeedServer, tmp_path: Path) -> None:
    targets = [
        *ESCAPES,
        "/" + str(tmp_path / "secret.txt"),
        "/%2f" + str(tmp_path)[1:] + "/secret.txt",
    ]
    for target in targets:
        status, answer = raw_status(server, target)
        assert status in (400, 404), target
        assert SECRET not in answer, target


def test_resolve_refuses_escapes(public: Path) -> None:
    base = os.path.realpath(public)
    for target in ESCAPES:
        found = resolve(public, target)
        # a literal name inside the directory (public/etc/passwd, public/%2e%2e/...) is harmless
        assert found is None or os.path.commonpath([base, found]) == base, target
    assert resolve(public, "/../secret.txt") is None
    assert resolve(public, "/%2e%2e/secret.txt") is None
    assert resolve(public, "/leak.txt") is None
    assert resolve(public, "/feed.atom") == os.path.realpath(public / "feed.atom")
    assert resolve(public, "/alias.atom") == os.path.realpath(public / "feed.atom")


def test_symlink_inside_the_directory_is_served(server: FeedServer) -> None:
    status, _, body = request(server, "/alias.atom")
    assert status == 200 and body == ATOM_BODY


def test_no_directory_listing(server: FeedServer) -> None:
    for target in ("/sub", "/sub/", "/leakdir", "/leakdir/"):
        assert raw_status(server, target)[0] == 404, target
    assert request(server, "/sub/page.html")[0] == 200


def test_hidden_files_are_404(server: FeedServer) -> None:
    for target in (
        "/.feed.atom.abc123.tmp",
        "/%2efeed.atom.abc123.tmp",
        "/.hidden",
        "/sub/.secret",
        "/unhidden.txt",
    ):
        status, answer = raw_status(server, target)
        assert status == 404, target
        assert b"half a feed" not in answer and b"hidden" not in answer.split(b"\r\n\r\n", 1)[1]


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "PATCH", "OPTIONS", "BREW"])
def test_other_methods_are_405(server: FeedServer, method: str) -> None:
    status, headers, _ = request(server, "/feed.atom", method=method)
    assert status == 405
    assert headers["Allow"] == "GET, HEAD"


def test_entity_tag_lists() -> None:
    assert entity_tags('W/"a", "b",W/"c"') == {"a", "b", "c"}
    assert entity_tags("abc") == {"abc"}


def test_access_log_goes_through_logging(
    server: FeedServer, caplog: pytest.LogCaptureFixture, capsys: pytest.CaptureFixture[str]
) -> None:
    def logged() -> list[str]:
        return [r.getMessage() for r in caplog.records if r.name == "aggregator.server"]

    def both_logged(lines: list[str]) -> bool:
        found_feed = any(
            '"GET /feed.atom HTTP/1.1" 200' in line and "TestReader/1.0" in line for line in lines
        )
        return found_feed and any('"GET /nope HTTP/1.1" 404' in line for line in lines)

    with caplog.at_level(logging.INFO, logger="aggregator.server"):
        request(server, "/feed.atom", headers={"User-Agent": "TestReader/1.0"})
        request(server, "/nope")
        raw_status(server, "/bad\x01")
        # The server's thread logs a request after answering it: on a loaded machine the
        # client can read the answer before the line is written.
        deadline = time.monotonic() + 10
        while not both_logged(logged()) and time.monotonic() < deadline:
            time.sleep(0.02)
    lines = logged()
    assert both_logged(lines), lines
    assert all("\x01" not in line for line in lines)
    assert capsys.readouterr().err == ""


# connections -----------------------------------------------------------------


def read_response(sock: socket.socket, deadline: float) -> tuple[bytes, bool]:
    """One response read from ``sock`` (headers and Content-Length body), and whether
    the server then closed the connection (EOF) before ``deadline``."""
    data = b""
    while b"\r\n\r\n" not in data:
        sock.settimeout(max(deadline - time.monotonic(), 0.01))
        chunk = sock.recv(65536)
        if not chunk:
            return data, True
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = int(re.search(rb"(?im)^content-length:\s*(\d+)", head).group(1))  # type: ignore[union-attr]
    while len(body) < length:
        sock.settimeout(max(deadline - time.monotonic(), 0.01))
        chunk = sock.recv(65536)
        if not chunk:
            return head + b"\r\n\r\n" + body, True
        body += chunk
    sock.settimeout(max(deadline - time.monotonic(), 0.01))
    try:
        closed = sock.recv(1) == b""
    except TimeoutError:
        closed = False
    return head + b"\r\n\r\n" + body, closed


def test_http_1_0_without_keep_alive_is_answered_and_closed(server: FeedServer) -> None:
    with socket.create_connection((server.host, server.port), timeout=5) as sock:
        sock.sendall(b"GET /feed.atom HTTP/1.0\r\nHost: x\r\n\r\n")
        answer, closed = read_response(sock, time.monotonic() + 1.0)
    assert answer.startswith(b"HTTP/1.1 200 ")
    assert answer.endswith(ATOM_BODY)
    assert closed, "the server kept an HTTP/1.0 connection open"


def test_http_1_0_keep_alive_is_announced_and_reusable(server: FeedServer) -> None:
    """A 1.0 client only reuses a connection the response says is kept open; an
    unannounced keep-alive leaves it waiting for an EOF that never comes."""
    with socket.create_connection((server.host, server.port), timeout=5) as sock:
        for _ in range(2):
            sock.sendall(b"GET /feed.rss HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
            answer, closed = read_response(sock, time.monotonic() + 0.5)
            head = answer.split(b"\r\n\r\n", 1)[0]
            assert answer.startswith(b"HTTP/1.1 200 ")
            assert re.search(rb"(?im)^connection: keep-alive\r?$", head), head
            assert not closed


def test_fifty_clients_connecting_at_once_are_all_answered(public: Path) -> None:
    """The listen backlog holds a burst of connections that arrive while the server is
    busy; with the default of 5 the rest have their SYNs dropped and wait 1 s, 3 s, 7 s..."""
    clients = 50
    running = FeedServer(public, "127.0.0.1", 0)  # listening, not yet accepting
    sockets = [socket.socket() for _ in range(clients)]
    try:
        for sock in sockets:
            sock.setblocking(False)
            sock.connect_ex((running.host, running.port))
        deadline = time.monotonic() + 0.5
        pending = set(sockets)
        while pending and time.monotonic() < deadline:
            _, writable, _ = select.select([], list(pending), [], 0.05)
            pending.difference_update(writable)
        assert not pending, f"{len(pending)} of {clients} connections were not taken"
        running.start(poll_interval=0.02)
        deadline = time.monotonic() + 5.0
        for sock in sockets:
            sock.setblocking(True)
            sock.sendall(b"GET /feed.json HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        for sock in sockets:
            answer, _ = read_response(sock, deadline)
            assert answer.startswith(b"HTTP/1.1 200 "), answer[:100]
    finally:
        for sock in sockets:
            sock.close()
        running.stop()


def test_idle_and_slow_clients_hold_no_worker(server: FeedServer) -> None:
    """Three times as many silent or half-sent connections as workers, and a real
    request is still answered at once: only a whole request head reaches a worker."""
    idle = [socket.create_connection((server.host, server.port)) for _ in range(server.workers * 3)]
    try:
        for sock in idle[::2]:
            sock.sendall(b"GET /feed.atom HTTP/1.1\r\nHost: x\r\n")  # never finished
        started = time.monotonic()
        status, _, body = request(server, "/feed.atom")
        assert status == 200 and body == ATOM_BODY
        assert time.monotonic() - started < 2.0
    finally:
        for sock in idle:
            sock.close()


def test_pipelined_requests_are_answered_in_order(server: FeedServer) -> None:
    answer = raw(
        server,
        b"GET /feed.rss HTTP/1.1\r\nHost: x\r\n\r\n"
        b"HEAD /feed.json HTTP/1.1\r\nHost: x\r\n\r\n"
        b"GET /feed.json HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
    )
    assert answer.count(b"HTTP/1.1 200 ") == 3
    assert answer.index(b"application/rss+xml") < answer.index(b"application/feed+json")
    assert answer.endswith(FILES["feed.json"][0])


def test_an_oversized_request_head_is_431_and_closed(server: FeedServer) -> None:
    answer = raw(server, b"GET /feed.atom HTTP/1.1\r\n" + b"X-Filler: " + b"a" * 70_000)
    assert answer.startswith(b"HTTP/1.1 431 ")


# the command -----------------------------------------------------------------


def test_port_in_use_is_one_line_and_exit_2(feed_project: FeedProject) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = feed_project.cli("serve", "--port", str(port))
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "already in use" in lines[0], result.output


ARTICLES = {
    "a.txt": "India and Japan sign a semiconductor pact\n\nMarch 2, 2026\n\n"
    "TOKYO — India and Japan signed an agreement on semiconductor supply chains on Monday,"
    " officials of both governments said.\n",
    "b.txt": "Japanese navy and Indian Navy hold joint exercise\n\nMarch 4, 2026\n\n"
    "NEW DELHI — Warships of India and Japan began a joint maritime exercise in the Bay of"
    " Bengal on Wednesday.\n",
    "c.txt": "Japan lends India money for the Mumbai metro\n\nMarch 6, 2026\n\n"
    "MUMBAI — Japan agreed on Friday to lend India 150 billion yen for a new metro line in"
    " Mumbai, the finance ministry said.\n",
}
# `python -m aggregator serve` once cli.py imports serve_command; this works either way.
LAUNCH = "import aggregator.serve_command; from aggregator.cli import main; main()"


def entry_ids(data: bytes) -> list[str]:
    root = etree.fromstring(data)
    return [str(entry.findtext(f"{ATOM}id")) for entry in root.iterfind(f"{ATOM}entry")]


def wait_for(condition: Callable[[], T | None], timeout: float, what: str) -> T:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


def test_serve_schedule_publishes_new_stories_and_stops_on_sigterm(
    feed_project: FeedProject,
) -> None:
    feed_project.config["schedule"] = {"interval_minutes": 0.02}
    feed_project.add_article("a.txt", ARTICLES["a.txt"])
    feed_project.add_article("b.txt", ARTICLES["b.txt"])
    config = feed_project.write_config()
    log_path = feed_project.root / "serve.log"
    atom_path = feed_project.output_dir / "feed.atom"
    with log_path.open("wb") as log_file:
        process = subprocess.Popen(
            [
                sys.executable,
                "-c",
                LAUNCH,
                "serve",
                "-c",
                str(config),
                "--port",
                "0",
                "--schedule",
                "-v",
            ],
            cwd=feed_project.root,
            stdout=subprocess.DEVNULL,
            stderr=log_file,
        )
    try:

        def startup_url() -> str | None:
            found = re.search(
                r"serving \S+ at (http://127\.0\.0\.1:\d+/) \(feeds: ", log_path.read_text()
            )
            return found.group(1) if found else None

        url = wait_for(startup_url, 30, "the startup line")
        port = int(url.rsplit(":", 1)[1].rstrip("/"))

        def served_ids() -> list[str]:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            try:
                connection.request("GET", "/feed.atom")
                response = connection.getresponse()
                body = response.read()
            finally:
                connection.close()
            return entry_ids(body) if response.status == 200 else []

        wait_for(atom_path.exists, 30, "public/feed.atom")

        def entries(count: int) -> Callable[[], list[str] | None]:
            return lambda: ids if len(ids := served_ids()) == count else None

        old_ids = wait_for(entries(2), 30, "the two first stories in the served feed")
        feed_project.add_article("c.txt", ARTICLES["c.txt"])
        new_ids = wait_for(entries(3), 30, "the third story in the served feed")
        assert set(old_ids) <= set(new_ids)
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=15) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    log_text = log_path.read_text()
    assert '"GET /feed.atom HTTP/1.1" 200' in log_text
    assert "Traceback" not in log_text
    tree = etree.parse(str(atom_path))
    assert len(tree.findall(f"{ATOM}entry")) == 3
    assert not [p.name for p in feed_project.output_dir.iterdir() if p.name.endswith(".tmp")]
