"""index.html in a real browser: headless Chromium loads it from the feed server.

The page is served over HTTP on 127.0.0.1 (the server of ``aggregator serve``,
in a thread), Chromium renders it (``--dump-dom``, ``--screenshot``), and the
DOM it built is checked: every story with its anchor, the SVG timeline and its
marks, "also reported by", the autodiscovery links. Chromium is a Debian
package (CI installs it); without it these tests skip.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import signal
import struct
import subprocess
import sys
import urllib.request
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import lxml.html
import pytest

from aggregator.server import FeedServer
from aggregator.testing import FeedProject

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
import screenshot

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")
TIMEOUT = 30
FLAGS = screenshot.FLAGS

TAGGER = """
import re
from aggregator import hookimpl

TOPICS = {"nav(?:y|ies|al)": "maritime security", "trade": "trade", "rail": "rail & metro"}

@hookimpl
def aggregator_tag_item(item):
    text = item.title + " " + item.text
    for word, topic in TOPICS.items():
        if re.search(rf"\\b{word}\\b", text, re.I) and topic not in item.topics:
            item.topics.append(topic)
"""
WIRE = (
    "Japan lends for Chennai metro rail and trade hub\n\nMarch 3, 2026\n\n"
    "CHENNAI, March 3 (PTI) The Japan International Cooperation Agency signed a loan of 54.3"
    " billion yen for the second phase of the Chennai metro rail on Tuesday, officials said."
    " The corridor will link the airport with the city centre and carry 300,000 riders a day"
    " when it opens in 2028. The loan carries an interest rate of 1.3 per cent.\n\n"
    "Japan has financed metro lines in Delhi, Mumbai and Bengaluru since 1997.\n"
)
COPY = (
    WIRE.replace(
        "Japan lends for Chennai metro rail and trade hub", "JICA loan boosts Chennai metro"
    )
    .replace("officials said", "an official said")
    .replace("\nJapan has financed metro lines in Delhi, Mumbai and Bengaluru since 1997.\n", "")
)
ARTICLES = {
    "wire/navy.txt": "India and Japan navies hold drills\n\nJanuary 12, 2026\n\n"
    "Ships of the two navies exercised in the Bay of Bengal on Monday.\n",
    "wire/trade.txt": "Trade talks resume in Tokyo\n\nFebruary 3, 2026\n\n"
    "Negotiators met to discuss tariffs and trade on Tuesday.\n",
    "wire/metro.txt": WIRE,
    "daily/metro.txt": COPY,
    "daily/festival.txt": "Dance festival opens in Kyoto\n\nApril 2, 2026\n\n"
    "Dancers from Kerala performed at the opening on Thursday.\n",
}
TITLES = [  # newest first; the fuller of the two metro reports represents its story
    "Dance festival opens in Kyoto",
    "Japan lends for Chennai metro rail and trade hub",
    "Trade talks resume in Tokyo",
    "India and Japan navies hold drills",
]
MARKS = {  # (month, topic slug): stories
    ("2026-01", "maritime-security"): 1,
    ("2026-02", "trade"): 1,
    ("2026-03", "trade"): 1,
    ("2026-03", "rail-metro"): 1,
    ("2026-04", ""): 1,  # the story without a topic
}


@dataclass
class Site:
    project: FeedProject
    server: FeedServer
    story_ids: dict[str, str]  # title -> story id, from feed.json

    @property
    def url(self) -> str:
        return self.server.url


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    project = FeedProject(tmp_path_factory.mktemp("browser") / "project")
    project.config["sources"] = [
        {"name": "wire", "type": "files", "paths": ["articles/wire/*.txt"], "outlet": "PTI Wire"},
        {"name": "daily", "type": "files", "paths": ["articles/daily/*.txt"], "outlet": "Daily"},
    ]
    for name, text in ARTICLES.items():
        project.add_article(name, text)
    project.add_plugin("tagger.py", TAGGER)
    report = project.run(now=datetime(2026, 4, 10, tzinfo=UTC))
    assert report.ok, report.errors
    feed = json.loads((project.output_dir / "feed.json").read_text(encoding="utf-8"))
    story_ids = {item["title"]: item["_aggregator"]["story_id"] for item in feed["items"]}
    server = FeedServer(project.output_dir, "127.0.0.1", 0)
    server.start(poll_interval=0.05)
    try:
        yield Site(project, server, story_ids)
    finally:
        server.stop()


def chromium(tmp_path: Path, *args: str) -> bytes:
    """Run headless Chromium with a throw-away profile; its stdout. Killed after TIMEOUT s."""
    assert CHROMIUM is not None
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "LANG": "C.UTF-8",
    }
    command = [CHROMIUM, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", *args]
    process = subprocess.Popen(
        command,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,  # its own process group: a hang kills every helper process
    )
    try:
        stdout, stderr = process.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        pytest.fail(f"chromium did not finish in {TIMEOUT} s: {' '.join(command)}")
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    assert process.returncode == 0, stderr.decode(errors="replace")[-2000:]
    return stdout


def text(element: lxml.html.HtmlElement, xpath: str) -> str:
    return " ".join(str(element.xpath(f"string({xpath})")).split())


def test_chromium_renders_every_story_the_timeline_and_the_feed_links(
    site: Site, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="aggregator.server"):
        dom = chromium(tmp_path, "--dump-dom", site.url)
    requests = [r.getMessage() for r in caplog.records if r.name == "aggregator.server"]
    assert any('"GET / HTTP/1.1" 200' in line and "HeadlessChrome" in line for line in requests)
    root = lxml.html.fromstring(dom)
    assert text(root, "//title") == "Test feed"

    # every story, newest first, with its anchor
    articles = root.xpath('//main[@id="stories"]/article[@class="story"]')
    assert [text(a, './/*[@class="story-title"]') for a in articles] == TITLES
    assert set(site.story_ids) == set(TITLES)
    for article in articles:
        story_id = site.story_ids[text(article, './/*[@class="story-title"]')]
        assert article.get("id") == f"story-{story_id}"
        assert article.get("data-story-id") == story_id

    # the timeline: an inline SVG with one mark per month and topic
    [svg] = root.xpath('//svg[@id="timeline"]')
    assert text(svg, "./title") == "Stories per month, by topic"
    marks = svg.xpath('.//rect[contains(concat(" ", @class, " "), " seg ")]')
    found = {(m.get("data-month"), m.get("data-topic")): int(m.get("data-count")) for m in marks}
    assert found == MARKS
    assert all(float(mark.get("height")) > 0 for mark in marks)
    assert svg.xpath('.//g[@class="month"]/@data-month') == [
        "2026-01",
        "2026-02",
        "2026-03",
        "2026-04",
    ]
    assert "maritime security (1)" in text(svg, './/g[@id="timeline-legend"]')

    # "also reported by": the metro story names the other outlet's report
    metro = articles[1]
    [also] = metro.xpath('.//section[@class="also"]')
    assert text(also, ".//h3") == "Also reported by"
    assert [text(li, ".") for li in also.xpath(".//li")] == [
        "Daily: JICA loan boosts Chennai metro"
    ]
    assert [a for a in articles if a is not metro and a.xpath('.//section[@class="also"]')] == []

    # autodiscovery: a <link rel="alternate"> per feed, each served with its media type
    links = {
        (link.get("type"), link.get("href")) for link in root.xpath('//head/link[@rel="alternate"]')
    }
    assert links == {
        ("application/atom+xml", "feed.atom"),
        ("application/rss+xml", "feed.rss"),
        ("application/feed+json", "feed.json"),
    }
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    for media_type, href in links:
        with opener.open(site.url + href, timeout=10) as response:
            assert response.status == 200
            assert response.headers["Content-Type"].split(";")[0] == media_type


def png_info(data: bytes) -> tuple[int, int, int]:
    """Width, height and the number of distinct scanlines of an 8-bit RGB(A) PNG."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    offset = 8
    width = height = channels = 0
    compressed = bytearray()
    while offset < len(data):
        (length,) = struct.unpack(">I", data[offset : offset + 4])
        kind = data[offset + 4 : offset + 8]
        chunk = data[offset + 8 : offset + 8 + length]
        if kind == b"IHDR":
            width, height, depth, color = struct.unpack(">IIBB", chunk[:10])
            assert depth == 8 and color in (2, 6), (depth, color)
            channels = 3 if color == 2 else 4
        elif kind == b"IDAT":
            compressed += chunk
        offset += 12 + length
    raw = zlib.decompress(bytes(compressed))
    stride = 1 + width * channels
    assert len(raw) == stride * height
    rows = {raw[start + 1 : start + stride] for start in range(0, len(raw), stride)}
    return width, height, len(rows)


def test_chromium_screenshot_is_the_whole_page(site: Site, tmp_path: Path) -> None:
    shot = tmp_path / "shot.png"
    chromium(tmp_path, f"--screenshot={shot}", "--window-size=1280,2000", site.url)
    assert shot.is_file()
    data = shot.read_bytes()
    assert len(data) > 10_000
    width, height, distinct_rows = png_info(data)
    assert (width, height) == (1280, 2000)
    assert distinct_rows > 100  # text, chart and cards, not a blank page

    # the topic filter is CSS :target only: the filtered view renders differently
    filtered = tmp_path / "filtered.png"
    chromium(
        tmp_path,
        f"--screenshot={filtered}",
        "--window-size=1280,2000",
        site.url + "#topic-maritime-security",
    )
    filtered_width, filtered_height, filtered_rows = png_info(filtered.read_bytes())
    assert (filtered_width, filtered_height) == (1280, 2000)
    assert filtered_rows < distinct_rows  # one story card instead of four: more blank rows
