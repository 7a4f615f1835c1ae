"""Value checks for feeds.toml keys: each raises ``ValueError`` with the reason.

They catch values that have the right TOML type but would fail later, at run
time or in a feed reader: an empty title, a link without a scheme, a user
agent that would split an HTTP header.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*")
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:\S+")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def optional(check: Callable[[Any], None]) -> Callable[[Any], None]:
    """``check``, except that the empty string (meaning "not set") passes."""

    def checked(value: Any) -> None:
        if value != "":
            check(value)

    return checked


def absolute_url(value: str) -> None:
    parts = urlsplit(value.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc or value != value.strip():
        raise ValueError(f"{value!r} is not an absolute http(s) URL")


def iri(value: str) -> None:
    if not _SCHEME.fullmatch(value):
        raise ValueError(f"{value!r} is not an IRI (it needs a scheme, as in urn:… or https://…)")


def language_tag(value: str) -> None:
    if not _LANGUAGE_TAG.fullmatch(value):
        raise ValueError(f"{value!r} is not a language tag")


def header_value(value: str) -> None:
    if _CONTROL.search(value) or value != value.strip():
        raise ValueError(f"{value!r} has control characters or surrounding spaces")


def no_empty_items(value: list[str]) -> None:
    for index, element in enumerate(value):
        if not element.strip():
            raise ValueError(f"item {index} is empty")


def source_name(value: str) -> None:
    if not value.strip():
        raise ValueError("must not be empty")
    if value != value.strip() or _CONTROL.search(value) or "/" in value:
        raise ValueError(f"{value!r} has a '/', control characters or surrounding spaces")
