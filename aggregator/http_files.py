"""What the feed server says about a file: its path, media type and validators.

The HTTP rules of :mod:`aggregator.server` that do not need a socket: which
request targets map to which files under the output directory (nothing
outside it, nothing hidden), the media types of the feed formats, content
negotiation for gzip, entity tags and HTTP dates, and the per-version cache of
ETags and small bodies. Kept apart so that each can be tested without a server.
"""

from __future__ import annotations

import email.utils
import gzip
import hashlib
import mimetypes
import os
import re
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote, urlsplit

DEFAULT_MAX_AGE = 300
ALLOWED_METHODS = "GET, HEAD"

CONTENT_TYPES = {
    ".atom": "application/atom+xml; charset=utf-8",
    ".rss": "application/rss+xml; charset=utf-8",
    ".json": "application/feed+json; charset=utf-8",
    ".html": "text/html; charset=utf-8",
    ".htm": "text/html; charset=utf-8",
    ".opml": "text/x-opml; charset=utf-8",
    ".svg": "image/svg+xml",
    ".xsl": "text/xsl; charset=utf-8",
}
# Files that the generated "/" page and the startup line call feeds.
FEED_SUFFIXES = (".atom", ".rss", ".json", ".opml")
# Media types worth compressing (besides every text/*).
COMPRESSIBLE = (
    "application/atom+xml",
    "application/rss+xml",
    "application/feed+json",
    "application/json",
    "application/xml",
    "application/xslt+xml",
    "application/javascript",
    "image/svg+xml",
)
# The standard library's built-in table only, so the answer does not depend
# on the machine's /etc/mime.types.
_MIME = mimetypes.MimeTypes()
GZIP_CACHE_LIMIT = 4 * 1024 * 1024
BODY_CACHE_LIMIT = 1024 * 1024
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_ENTITY_TAG = re.compile(r'(?:W/)?"([^"]*)"')


def content_type(name: str) -> str:
    """The Content-Type for a file name."""
    suffix = os.path.splitext(name)[1].lower()
    if suffix in CONTENT_TYPES:
        return CONTENT_TYPES[suffix]
    guessed, encoding = _MIME.guess_type(name, strict=False)
    if guessed is None or encoding is not None:
        return "application/octet-stream"
    if guessed.startswith("text/"):
        return f"{guessed}; charset=utf-8"
    return guessed


def compressible(media_type: str) -> bool:
    bare = media_type.split(";", 1)[0].strip().lower()
    return bare.startswith("text/") or bare in COMPRESSIBLE


def accepts_gzip(header: str | None) -> bool:
    """Whether an Accept-Encoding value allows gzip (``gzip;q=0`` refuses it)."""
    if not header:
        return False
    gzip_q: float | None = None
    star_q: float | None = None
    for member in header.split(","):
        coding, *params = (part.strip() for part in member.split(";"))
        coding = coding.lower()
        q = 1.0
        valid = True
        for param in params:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = float(value.strip())
                except ValueError:
                    valid = False
        if not valid:
            continue
        if coding in ("gzip", "x-gzip"):
            gzip_q = q if gzip_q is None else max(gzip_q, q)
        elif coding == "*":
            star_q = q
    if gzip_q is not None:
        return gzip_q > 0
    return star_q is not None and star_q > 0


def entity_tags(header: str) -> set[str]:
    """The opaque tags of an If-None-Match list, W/ prefixes dropped (weak comparison)."""
    tags = set(_ENTITY_TAG.findall(header))
    if not tags:  # lenient: some clients send tags without their quotes
        tags = {part.strip().removeprefix("W/").strip('"') for part in header.split(",")}
        tags.discard("")
    return tags


def http_date(timestamp: float) -> str:
    return email.utils.formatdate(timestamp, usegmt=True)


def parse_http_date(value: str) -> float | None:
    try:
        parsed: datetime = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if parsed.tzinfo is None:  # RFC 850 / asctime forms are GMT
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.timestamp()


# path resolution -----------------------------------------------------------

ROOT = "/"


def request_path(target: str) -> str | None:
    """The decoded path of a request target, or None when it is not one we serve.

    Refuses backslashes, NUL and control characters (raw or percent-encoded),
    invalid UTF-8, and targets that are neither ``/path`` nor ``http(s)://host/path``.
    """
    if "\\" in target or _CONTROL.search(target):
        return None
    if target.lower().startswith(("http://", "https://")):
        path = urlsplit(target).path or "/"
    else:
        path = target.split("#", 1)[0].split("?", 1)[0]
    if not path.startswith("/"):
        return None
    try:
        decoded = unquote(path, errors="strict")
    except UnicodeDecodeError:
        return None
    if "\\" in decoded or _CONTROL.search(decoded):
        return None
    return decoded


def resolve(root: Path, target: str) -> str | None:
    """Map a request target to a real file path under ``root``, :data:`ROOT` for "/",
    or None (404).

    Every segment must be a plain name: no empty segment (``//``, a trailing
    slash), no ``.`` or ``..``, nothing hidden. The real path (symlinks
    followed) must stay inside the real ``root`` and hold no hidden part.
    """
    path = request_path(target)
    if path is None:
        return None
    if path == "/":
        return ROOT
    parts = path[1:].split("/")
    if any(part in ("", ".", "..") or part.startswith(".") for part in parts):
        return None
    base = os.path.realpath(root)
    real = os.path.realpath(os.path.join(base, *parts))
    try:
        if os.path.commonpath([base, real]) != base or real == base:
            return None
    except ValueError:
        return None
    if any(part.startswith(".") for part in os.path.relpath(real, base).split(os.sep)):
        return None
    return real


def feed_files(root: Path) -> list[str]:
    """The feed files at the top of ``root`` (by suffix) that a request could get, sorted."""
    try:
        names = os.listdir(root)
    except OSError:
        return []
    found = []
    for name in names:
        if not name.lower().endswith(FEED_SUFFIXES):
            continue
        real = resolve(root, "/" + quote(name))  # the same rules as a request
        if real is not None and real != ROOT and os.path.isfile(real):
            found.append(name)
    return sorted(found)


# validators ---------------------------------------------------------------


@dataclass
class Validators:
    """What is known about one version of a file: its ETag, its bytes when small, and,
    lazily, its gzip body."""

    etag: str
    gzipped: bytes | None = None
    body: bytes | None = None
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @property
    def etag_gzip(self) -> str:
        return self.etag[:-1] + '-gz"'

    def opaque_tags(self) -> set[str]:
        return {self.etag.strip('"'), self.etag_gzip.strip('"')}

    def gzip(self, data: bytes, *, keep: bool = True) -> bytes:
        with self.lock:
            if self.gzipped is not None:
                return self.gzipped
            body = gzip.compress(data, compresslevel=6, mtime=0)
            if keep:
                self.gzipped = body
            return body

    @classmethod
    def of(cls, data: bytes) -> Validators:
        return cls('"' + hashlib.sha256(data).hexdigest()[:32] + '"')


def version_key(path: str, info: os.stat_result) -> tuple[Any, ...]:
    """What identifies one version of a file: a rename or a rewrite changes it."""
    return (path, info.st_dev, info.st_ino, info.st_mtime_ns, info.st_size)


class ValidatorCache:
    """ETags by (path, device, inode, mtime_ns, size): a file is hashed once per version."""

    def __init__(self, size: int = 256) -> None:
        self.size = size
        self.entries: OrderedDict[tuple[Any, ...], Validators] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key: tuple[Any, ...]) -> Validators | None:
        with self.lock:
            entry = self.entries.get(key)
            if entry is not None:
                self.entries.move_to_end(key)
            return entry

    def put(self, key: tuple[Any, ...], entry: Validators) -> Validators:
        with self.lock:
            existing = self.entries.get(key)
            if existing is not None:
                return existing
            self.entries[key] = entry
            while len(self.entries) > self.size:
                self.entries.popitem(last=False)
            return entry


@dataclass
class Representation:
    """One response body candidate: its media type, mtime, validators and bytes."""

    media_type: str
    mtime: float
    validators: Validators
    read: Callable[[], bytes]
    data: bytes | None = None

    def body(self) -> bytes:
        if self.data is None:
            self.data = self.read()
        return self.data
