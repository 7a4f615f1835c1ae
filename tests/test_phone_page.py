"""index.html on a phone: 390 px wide in headless Chromium, checked with axe-core.

Chromium is driven over the DevTools protocol on a pipe
(``--remote-debugging-pipe``: commands in on fd 3, answers out on fd 4, each a
JSON message ending in NUL), so the page is loaded as a phone shows it
(device metrics 390 x 844, mobile viewport), every ``<details>`` is opened,
and axe-core (``axe.min.js`` from the ``axe-core-python`` test dependency) is
injected and run. The page must have no axe violation and must not scroll
sideways. Without chromium or axe the test skips, except under CI=true, where
it fails: CI installs both.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import select
import shutil
import signal
import subprocess
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

import pytest

from aggregator.server import FeedServer
from aggregator.testing import FeedProject

PHONE_WIDTH, PHONE_HEIGHT = 390, 844
TIMEOUT = 60.0
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--no-proxy-server",
    "--remote-debugging-pipe",
)


def axe_script() -> Path | None:
    try:
        import axe_core_python
    except ImportError:
        return None
    path = Path(axe_core_python.__file__).with_name("axe.min.js")
    return path if path.is_file() else None


def require(what: str, present: bool) -> None:
    """Skip when a tool is missing here; under CI=true, where it is installed, fail."""
    if present:
        return
    reason = f"{what} is not installed (CI installs it: see .ci/run and pyproject.toml [test])"
    if os.environ.get("CI") == "true":
        pytest.fail(reason)
    pytest.skip(reason)


def above_4(fd: int) -> int:
    """The same pipe end on a descriptor above 4, so that moving it onto 3 or 4 clobbers none."""
    moved = fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10)
    os.close(fd)
    return moved


class DevToolsPipe:
    """Headless Chromium and one page of it, driven over the DevTools protocol on a pipe."""

    def __init__(self, binary: str, home: Path) -> None:
        commands_read, self._commands = (above_4(fd) for fd in os.pipe())
        self._answers, answers_write = (above_4(fd) for fd in os.pipe())
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(home),
            "XDG_CONFIG_HOME": str(home / ".config"),
            "XDG_CACHE_HOME": str(home / ".cache"),
            "LANG": "C.UTF-8",
        }
        self.log = home / "chromium.log"
        self._log_file = self.log.open("wb")
        # bash (dash takes one-digit fds only) puts the pipe's ends where Chromium
        # expects them: 3 to read commands, 4 to write answers.
        launcher = f'exec "$0" "$@" 3<&{commands_read} 4>&{answers_write}'
        self.process = subprocess.Popen(
            # without a page to open (about:blank), headless Chromium exits at once
            [
                "bash",
                "-c",
                launcher,
                binary,
                *FLAGS,
                f"--user-data-dir={home / 'profile'}",
                "about:blank",
            ],
            env=env,
            pass_fds=(commands_read, answers_write),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=self._log_file,
            start_new_session=True,
        )
        os.close(commands_read)
        os.close(answers_write)
        self._buffer = b""
        self._next_id = 0
        self._events: list[dict[str, Any]] = []
        self.session = ""

    def __enter__(self) -> DevToolsPipe:
        target = self.send("Target.createTarget", url="about:blank", session=False)["targetId"]
        attached = self.send("Target.attachToTarget", targetId=target, flatten=True, session=False)
        self.session = attached["sessionId"]
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()
        self._log_file.close()
        os.close(self._commands)
        os.close(self._answers)

    def _message(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            ready, _, _ = select.select([self._answers], [], [], max(left, 0))
            if not ready:
                raise TimeoutError("chromium did not answer in time")
            chunk = os.read(self._answers, 1 << 16)
            if not chunk:
                log = self.log.read_text(errors="replace")[-3000:]
                raise EOFError(f"chromium closed the DevTools pipe; its log ends:\n{log}")
            self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        message: dict[str, Any] = json.loads(raw)
        return message

    def send(self, method: str, *, session: bool = True, **params: Any) -> dict[str, Any]:
        """Send a command (to the page unless ``session=False``) and return its result."""
        self._next_id += 1
        command: dict[str, Any] = {"id": self._next_id, "method": method, "params": params}
        if session:
            command["sessionId"] = self.session
        os.write(self._commands, json.dumps(command).encode() + b"\0")
        deadline = time.monotonic() + TIMEOUT
        while True:
            message = self._message(deadline)
            if message.get("id") == self._next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                result: dict[str, Any] = message.get("result", {})
                return result
            self._events.append(message)

    def wait_for(self, event: str) -> None:
        deadline = time.monotonic() + TIMEOUT
        while True:
            for index, message in enumerate(self._events):
                if message.get("method") == event and message.get("sessionId") == self.session:
                    del self._events[index]
                    return
            self._events.append(self._message(deadline))

    def evaluate(self, expression: str) -> Any:
        """The value of a JavaScript expression in the page (awaited if it is a promise)."""
        answer = self.send(
            "Runtime.evaluate", expression=expression, awaitPromise=True, returnByValue=True
        )
        if "exceptionDetails" in answer:
            raise RuntimeError(f"{expression[:60]}: {answer['exceptionDetails']}")
        return answer["result"].get("value")

    def open_as_phone(self, url: str) -> None:
        self.send(
            "Emulation.setDeviceMetricsOverride",
            width=PHONE_WIDTH,
            height=PHONE_HEIGHT,
            deviceScaleFactor=2,
            mobile=True,
        )
        self.send("Page.enable")
        self.send("Page.navigate", url=url)
        self.wait_for("Page.loadEventFired")


TAGGER = """
from aggregator import hookimpl

TOPICS = ("trade", "defence", "rail", "energy", "semiconductors", "space", "culture")

@hookimpl
def aggregator_tag_item(item):
    text = (item.title + " " + item.text).lower()
    for topic in TOPICS:
        if topic in text and topic not in item.topics:
            item.topics.append(topic)
"""
LONG_URL = (
    "https://www.example-ministry-of-external-affairs.gov.in/bilateral-documents.htm?dtl/"
    "39271/Joint_Statement_on_the_India_Japan_Special_Strategic_and_Global_Partnership_2026"
)
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")  # fmt: skip
SUBJECTS = ("trade", "defence", "rail", "energy", "semiconductors", "space", "culture")


def articles() -> dict[str, str]:
    """Two years of stories, several topics each, with long unbroken URLs in their text."""
    texts: dict[str, str] = {}
    for index in range(24):
        year, month = 2024 + index // 12, MONTHS[index % 12]
        first, second = SUBJECTS[index % 7], SUBJECTS[(index + 3) % 7]
        texts[f"report-{index:02d}.txt"] = (
            f"India and Japan agree on {first} and {second} step {index}\n\n"
            f"{month} 9, {year}\n\n"
            f"Officials of India and Japan met on {first} and {second}, number {index}; the joint "
            f"statement is at {LONG_URL}/{index} and was read out in Tokyo.\n\n"
            f"The next round on {first} is due in the autumn, the statement at {LONG_URL} says.\n"
        )
    return texts


@pytest.fixture(scope="module")
def phone_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    project = FeedProject(tmp_path_factory.mktemp("phone") / "project")
    for name, text in articles().items():
        project.add_article(name, text)
    project.add_article(  # a second report of the newest story: "also reported by"
        "copy-23.txt", articles()["report-23.txt"].replace("was read out", "was read aloud")
    )
    project.add_plugin("tagger.py", TAGGER)
    report = project.run(now=datetime(2026, 1, 10, tzinfo=UTC))
    assert report.ok, report.errors
    server = FeedServer(project.output_dir, "127.0.0.1", 0)
    server.start(poll_interval=0.05)
    try:
        yield server.url
    finally:
        server.stop()


OPEN_EVERY_DETAILS = "document.querySelectorAll('details').forEach(d => d.open = true); true"
RUN_AXE = """
axe.run(document, {resultTypes: ['violations']}).then(result => result.violations.map(v => ({
  id: v.id, impact: v.impact, help: v.help,
  nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5),
})))
"""
WIDER_THAN_SCREEN = """
[...document.querySelectorAll('body *')]
  .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5
               && !e.closest('.chart'))
  .slice(0, 5).map(e => e.tagName + '.' + e.className + ': ' + e.textContent.slice(0, 60))
"""


def test_the_page_fits_a_phone_and_axe_finds_no_violation(phone_site: str, tmp_path: Path) -> None:
    require("chromium", CHROMIUM is not None)
    script = axe_script()
    require("axe-core (the axe-core-python package)", script is not None)
    assert CHROMIUM is not None and script is not None
    with DevToolsPipe(CHROMIUM, tmp_path) as browser:
        browser.open_as_phone(phone_site)
        assert browser.evaluate("document.querySelectorAll('article.story').length") == 24
        browser.evaluate(OPEN_EVERY_DETAILS)
        assert browser.evaluate("document.documentElement.clientWidth") == PHONE_WIDTH
        scroll_width = browser.evaluate("document.documentElement.scrollWidth")
        assert scroll_width <= PHONE_WIDTH, browser.evaluate(WIDER_THAN_SCREEN)
        browser.evaluate(script.read_text(encoding="utf-8") + "\ntrue")
        violations = browser.evaluate(RUN_AXE)
    assert violations == []
