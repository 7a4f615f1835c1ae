"""Real feed readers subscribe to `aggregator serve`: newsboat, and feedparser over urllib.

A feed project with four stories (one reported twice, so "also reported by"
exists) is served by the real command, ``python -m aggregator serve --port 0
-v``, whose access log (stderr) tells what each client asked for and got. The
pipeline runs after the server is up, with ``[feed] link`` set to the served
address, as README "Subscribe" says to do.

newsboat (a Debian package; CI installs it) runs headless with ``-x reload``
in a throw-away home, then its SQLite cache is read back; once newsboat has
stored the feed's ETag, its reloads must be answered ``304 Not Modified``.
feedparser reads the same URLs over urllib, then revalidates with the ETag
and the date. Everything is on 127.0.0.1.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import feedparser
import pytest

from aggregator.testing import FeedProject

NEWSBOAT = shutil.which("newsboat")
needs_newsboat = pytest.mark.skipif(NEWSBOAT is None, reason="newsboat is not installed")
T = TypeVar("T")

WIRE = (
    "India–Japan rail & metro deal: JICA lends for Chennai line\n\nMarch 3, 2026\n\n"
    "CHENNAI, March 3 (PTI) The Japan International Cooperation Agency signed a loan of 54.3"
    " billion yen for the second phase of the Chennai metro rail on Tuesday, officials said."
    " The corridor will link the airport with the city centre and carry 300,000 riders a day"
    " when it opens in 2028. The loan carries an interest rate of 1.3 per cent.\n\n"
    "Japan has financed metro lines in Delhi, Mumbai and Bengaluru since 1997.\n"
)
# The same wire copy under another outlet's headline, a little shorter: one story.
COPY = (
    WIRE.replace(
        "India–Japan rail & metro deal: JICA lends for Chennai line",
        "JICA loan boosts Chennai metro",
    )
    .replace("officials said", "an official said")
    .replace("\nJapan has financed metro lines in Delhi, Mumbai and Bengaluru since 1997.\n", "")
)
ARTICLES = {
    "wire/navy.txt": "India and Japan navies hold drills in the Bay of Bengal\n\n"
    "January 12, 2026\n\n"
    "Ships of the two navies exercised in the Bay of Bengal on Monday, the Indian Navy said."
    " The drills tested anti-submarine warfare and replenishment at sea.\n",
    "wire/trade.txt": "Trade talks resume in Tokyo\n\nFebruary 3, 2026\n\n"
    "Negotiators from India and Japan met in Tokyo on Tuesday to discuss tariffs on steel and"
    " the rules of origin of their trade agreement.\n",
    "wire/metro.txt": WIRE,
    "daily/metro.txt": COPY,
    "daily/students.txt": "Scholarships for Indian students in Japan to double\n\nApril 2, 2026\n\n"
    "Japan will double its scholarships for Indian engineering students from next year, the"
    " embassy in New Delhi said on Thursday.\n",
}
TITLES = {
    "India and Japan navies hold drills in the Bay of Bengal",
    "Trade talks resume in Tokyo",
    "India–Japan rail & metro deal: JICA lends for Chennai line",  # the fuller report leads
    "Scholarships for Indian students in Japan to double",
}
FEEDS = {
    "feed.atom": "application/atom+xml; charset=utf-8",
    "feed.rss": "application/rss+xml; charset=utf-8",
}
ACCESS_LOG = re.compile(
    r'aggregator\.server: (?P<client>\S+) "(?P<method>[A-Z]+) (?P<path>\S+) HTTP/[\d.]+" '
    r'(?P<status>\d{3}) (?P<size>\S+) "(?P<agent>[^"]*)"'
)
# Never send loopback requests through a proxy from the environment.
NO_PROXY = urllib.request.build_opener(urllib.request.ProxyHandler({}))


@dataclass(frozen=True)
class Hit:
    """One line of the server's access log."""

    method: str
    path: str
    status: int
    size: str
    agent: str


@dataclass
class Served:
    project: FeedProject
    url: str
    log_path: Path
    process: subprocess.Popen[bytes]

    def hits(self) -> list[Hit]:
        return [
            Hit(m["method"], m["path"], int(m["status"]), m["size"], m["agent"])
            for m in ACCESS_LOG.finditer(self.log_path.read_text(encoding="utf-8"))
        ]

    def json_items(self) -> list[dict[str, Any]]:
        data = json.loads((self.project.output_dir / "feed.json").read_text(encoding="utf-8"))
        items: list[dict[str, Any]] = data["items"]
        return items


def wait_for(condition: Callable[[], T | None], timeout: float, what: str) -> T:
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


def quiet_env(home: Path) -> dict[str, str]:
    """A minimal environment for a client: its own home, UTF-8, and no proxy variables."""
    for sub in (".config", ".local/share", ".cache"):
        (home / sub).mkdir(parents=True, exist_ok=True)
    return {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local/share"),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "TERM": "dumb",
        "no_proxy": "127.0.0.1,localhost",
        "NO_PROXY": "127.0.0.1,localhost",
    }


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    project = FeedProject(tmp_path_factory.mktemp("readers") / "project")
    project.config["sources"] = [
        {"name": "wire", "type": "files", "paths": ["articles/wire/*.txt"], "outlet": "PTI Wire"},
        {"name": "daily", "type": "files", "paths": ["articles/daily/*.txt"], "outlet": "Daily"},
    ]
    for name, text in ARTICLES.items():
        project.add_article(name, text)
    config = project.write_config()
    log_path = project.root / "serve.log"
    with log_path.open("wb") as log_file:
        process = subprocess.Popen(
            [sys.executable, "-m", "aggregator", "serve", "-c", str(config), "--port", "0", "-v"],
            cwd=project.root,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=log_file,
        )
    try:

        def startup_url() -> str | None:
            found = re.search(r"serving \S+ at (http://127\.0\.0\.1:\d+/)", log_path.read_text())
            if found is None and process.poll() is not None:
                raise AssertionError(f"aggregator serve exited: {log_path.read_text()}")
            return found.group(1) if found else None

        url = wait_for(startup_url, 30, "aggregator serve to listen")
        project.config["feed"]["link"] = url  # the feeds' links point where they are served
        report = project.run()
        assert report.ok, report.errors
        yield Served(project, url, log_path, process)
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=15) == 0
        assert "Traceback" not in log_path.read_text()
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def test_the_served_feeds_hold_four_stories(served: Served) -> None:
    items = served.json_items()
    assert {item["title"] for item in items} == TITLES
    [metro] = [item for item in items if "also reported by" in item["content_html"].lower()]
    assert [member["outlet"] for member in metro["_aggregator"]["members"]] == ["PTI Wire", "Daily"]


# newsboat ------------------------------------------------------------------------


@dataclass
class Newsboat:
    """A newsboat profile of its own: home, config, urls file and cache."""

    root: Path
    urls: list[str]

    def __post_init__(self) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        (self.root / "urls").write_text("".join(f"{url}\n" for url in self.urls))
        (self.root / "config").write_text(
            "reload-threads 1\n"
            "download-timeout 10\n"
            "download-retries 1\n"
            "max-items 0\n"
            "show-read-feeds yes\n"
        )

    @property
    def cache(self) -> Path:
        return self.root / "cache.db"

    def reload(self) -> None:
        assert NEWSBOAT is not None
        command = [NEWSBOAT, "-u", "urls", "-c", "cache.db", "-C", "config", "-x", "reload"]
        try:
            done = subprocess.run(
                command,
                cwd=self.root,
                env=quiet_env(self.root / "home"),
                stdin=subprocess.DEVNULL,
                capture_output=True,
                timeout=30,
            )
        except subprocess.TimeoutExpired as exc:  # run() has killed it
            raise AssertionError(f"newsboat hung: {exc.stderr!r}") from None
        assert done.returncode == 0, (done.stdout, done.stderr)
        assert b"error" not in done.stderr.lower(), done.stderr

    def feeds(self) -> list[tuple[str, str, str, int]]:
        with sqlite3.connect(self.cache) as db:
            rows = db.execute("SELECT rssurl, title, etag, lastmodified FROM rss_feed").fetchall()
        return [(str(a), str(b), str(c), int(d)) for a, b, c, d in rows]

    def items(self) -> list[dict[str, Any]]:
        with sqlite3.connect(self.cache) as db:
            db.row_factory = sqlite3.Row
            rows = db.execute(
                "SELECT id, guid, title, url, feedurl, content, unread, deleted FROM rss_item"
                " ORDER BY id"
            ).fetchall()
        return [dict(row) for row in rows]


@needs_newsboat
def test_newsboat_subscribes_and_revalidates_with_304(served: Served, tmp_path: Path) -> None:
    json_items = {item["id"]: item for item in served.json_items()}
    # One profile per feed: newsboat keys its cache by guid across feeds, and the
    # Atom and RSS entries of a story rightly share one permanent id.
    readers = {name: Newsboat(tmp_path / name, [served.url + name]) for name in FEEDS}
    before = len(served.hits())
    for reader in readers.values():
        reader.reload()

    for name, reader in readers.items():
        [(rssurl, title, _, _)] = reader.feeds()
        assert rssurl == served.url + name
        assert title == "Test feed"
        items = reader.items()
        assert {item["title"] for item in items} == TITLES, name
        assert {item["guid"] for item in items} == set(json_items), name
        for item in items:
            assert item["feedurl"] == served.url + name
            assert item["url"] == json_items[item["guid"]]["url"]
            assert item["url"].startswith(served.url + "index.html#story-")
            assert item["unread"] == 1 and item["deleted"] == 0
        [metro] = [item for item in items if "Also reported by" in item["content"]]
        assert metro["title"] == "India–Japan rail & metro deal: JICA lends for Chennai line"
        assert "Daily: JICA loan boosts Chennai metro" in metro["content"]

    def newsboat_hits(count: int) -> list[Hit] | None:
        hits = [hit for hit in served.hits()[before:] if hit.agent.startswith("newsboat/")]
        return hits if len(hits) >= count else None

    first = wait_for(lambda: newsboat_hits(2), 10, "the access log of the first reload")
    assert sorted((hit.method, hit.path, hit.status) for hit in first) == [
        ("GET", "/feed.atom", 200),
        ("GET", "/feed.rss", 200),
    ]
    assert all(int(hit.size) > 1000 for hit in first)
    cached = {name: reader.items() for name, reader in readers.items()}

    # newsboat 2.21 (Debian 12) writes a feed's ETag and Last-Modified before the
    # feed's row exists on the first reload, so it only keeps them from the
    # second reload on; newer versions keep them at once. Either way, from the
    # third reload the server must answer 304 to the validators newsboat stored.
    for reader in readers.values():
        reader.reload()
    wait_for(lambda: newsboat_hits(4), 10, "the access log of the second reload")
    for name, reader in readers.items():
        [(_, _, etag, lastmodified)] = reader.feeds()
        assert re.fullmatch(r'"[0-9a-f]{32}(-gz)?"', etag), (name, etag)  # the strong ETag
        assert lastmodified > 0
        assert reader.items() == cached[name]

    for reader in readers.values():
        reader.reload()
    third = wait_for(lambda: newsboat_hits(6), 10, "the access log of the third reload")[4:]
    assert sorted((hit.method, hit.path, hit.status, hit.size) for hit in third) == [
        ("GET", "/feed.atom", 304, "0"),
        ("GET", "/feed.rss", 304, "0"),
    ]
    for name, reader in readers.items():
        assert reader.items() == cached[name]  # nothing new, nothing changed, still unread


# feedparser ----------------------------------------------------------------------


def fetch(url: str, headers: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers=headers)
    try:
        with NO_PROXY.open(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as exc:  # urllib raises for 304 too
        with exc:
            return exc.code, dict(exc.headers), exc.read()


@pytest.mark.parametrize("name", sorted(FEEDS))
def test_feedparser_over_urllib_with_conditional_requests(served: Served, name: str) -> None:
    url = served.url + name
    json_items = {item["id"]: item for item in served.json_items()}
    before = len(served.hits())

    status, headers, body = fetch(url, {"Accept-Encoding": "gzip"})
    assert status == 200
    assert headers["Content-Type"] == FEEDS[name]
    assert headers["Content-Encoding"] == "gzip"
    parsed = feedparser.parse(gzip.decompress(body))
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == ("atom10" if name.endswith(".atom") else "rss20")
    assert parsed.feed.title == "Test feed"
    assert {entry.title for entry in parsed.entries} == TITLES
    assert {entry.id for entry in parsed.entries} == set(json_items)
    for entry in parsed.entries:
        assert entry.link == json_items[entry.id]["url"]
    [metro] = [entry for entry in parsed.entries if entry.title.startswith("India–Japan rail")]
    content = metro.content[0].value if "content" in metro else metro.description
    assert "Also reported by" in content and "JICA loan boosts Chennai metro" in content

    etag = headers["ETag"]
    status, headers, body = fetch(url, {"If-None-Match": etag, "Accept-Encoding": "gzip"})
    assert (status, body) == (304, b"")
    assert headers["ETag"] == etag

    # feedparser's own HTTP client (urllib underneath): a 200, then 304 by ETag and by date
    handlers = [urllib.request.ProxyHandler({})]
    fresh = feedparser.parse(url, handlers=handlers)
    assert fresh.status == 200 and {entry.id for entry in fresh.entries} == set(json_items)
    by_etag = feedparser.parse(url, etag=fresh.etag, handlers=handlers)
    assert by_etag.status == 304 and not by_etag.entries
    by_date = feedparser.parse(url, modified=fresh.modified, handlers=handlers)
    assert by_date.status == 304 and not by_date.entries

    def hits() -> list[Hit] | None:
        found = [hit for hit in served.hits()[before:] if hit.path == "/" + name]
        return found if len(found) >= 5 else None

    # Each request is logged by its own server thread after it is answered, so the log's
    # order can differ from the requests' on a busy machine: the statuses are compared.
    statuses = [hit.status for hit in wait_for(hits, 10, "the access log")]
    assert sorted(statuses) == [200, 200, 304, 304, 304]
