"""One answer to "is this an HTML page?" for the feed source (autodiscovery) and the
page parser: ``aggregator.toolkit.pages.decoding.is_html_page``."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from aggregator import Document
from aggregator.plugins import page_parser
from aggregator.toolkit.pages.decoding import is_html_page

CASES = [
    ("text/html", b"<!doctype html><html><body>x</body></html>", True),
    ("text/html; charset=utf-8", b"<html><head></head></html>", True),
    ("text/html", b"\xef\xbb\xbf<!-- a comment --><rss version='2.0'></rss>", False),
    ("text/html", b"<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'/>", False),
    ("text/html", b'{"version": "https://jsonfeed.org/version/1.1", "items": []}', False),
    ("application/octet-stream", b"<!DOCTYPE html><html></html>", True),
    ("", b"  <html></html>", True),
    ("application/rss+xml", b"<html></html>", False),
    ("text/plain", b"<!doctype html><html></html>", False),
]


@pytest.mark.parametrize(("media_type", "content", "expected"), CASES)
def test_is_html_page(media_type: str, content: bytes, expected: bool) -> None:
    assert is_html_page(media_type, content) is expected


@pytest.mark.parametrize(("media_type", "content", "expected"), CASES)
def test_the_page_parser_asks_the_same_question(
    media_type: str, content: bytes, expected: bool
) -> None:
    document = Document(
        source="s",
        uri="http://127.0.0.1/x",
        content=content,
        media_type=media_type,
        fetched_at=datetime(2026, 1, 1, tzinfo=UTC),
    )
    assert page_parser.is_html(document) is expected
