"""Lines the tool that copied, saved or exported a text adds to it, not its publisher.

Text reaches a ``files`` source through other programs: a clipboard manager, a chat
app's history export, a CMS preview, a search engine's cache, a browser's start page,
a fax. Each stamps its own lines over the article: the day it copied, saved, exported
or cached the page (never the day the article was published), the name of the chat it
exported, the weather of the user's city. They are told by their role, not by a
program's name: a verb of saving or copying opening a stamp, a snapshot banner, a
"history with" header, a place and a temperature
alone on a line, a mail program's count of the messages it printed ("3 messages"), a
syndicating page's link to the rest of the story on its outlet's site ("Continue reading
on TravelBiz Today").
"""

from __future__ import annotations

import re
from typing import Final

__all__ = ["is_tool_line", "is_tool_stamp", "label_with_date"]

_STAMP: Final = re.compile(
    r"(?:last\s+)?(?:copied|saved|autosaved|exported|clipped|captured|cached|downloaded)"
    r"(?:\s+(?:on|at))?\s*:?\s*(?=.{0,12}\d)",
    re.IGNORECASE,
)
"""A tool's stamp of its own day ("Copied: Sat 17 Oct 2026", "Last saved 18 Oct 2026,
22:10 by desk", "Saved on: 2026/10/25 21:04", "Exported: 2026-10-20 08:05"): the verb
opens the line and a figure follows it."""
_SNAPSHOT: Final = re.compile(
    r"\bsnapshot of the page\b|\bas it appeared on\b|\bcached (?:copy|version) of\b",
    re.IGNORECASE,
)
"""A cache's or archive's banner ("… a snapshot of the page as it appeared on 24 Oct
2026 03:12:09 GMT"): its day is the capture's."""
_HISTORY: Final = re.compile(
    r"(?:\[[^\]]{1,20}\]\s*)?(?:chat|conversation|message|talk)\s+history\s+(?:with|of|in)\s+\S.{0,80}",
    re.IGNORECASE,
)
"""A chat export's header ("[LINE] Chat history with …"): the name of the chat."""
_WEATHER: Final = re.compile(
    r"\W{0,3}\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}\s+-?\d{1,2}(?:\.\d)?\s*°\s*[CF]?"
)
"""A start page's weather chip: a symbol, a place and a temperature ("☀ Mumbai 32°C")."""
_PROVIDER: Final = re.compile(
    r"(?i:provided|powered|syndicated|brought to you|presented) by\s+[A-Z][\w.&'’-]*"
    r"(?:\s+(?:[A-Z][\w.&'’-]*|of|the|and|&)){0,6}"
)
"""A syndicating page's credit of the outlet it shows ("Provided by TravelBiz Today")."""
_CONTINUE: Final = re.compile(
    r"(?i:continue|keep) reading (?i:on|at) [A-Z][\w.&'’-]*"
    r"(?:\s+(?:[A-Z][\w.&'’-]*|of|the|and|&)){0,6}"
    r"\s*[›»→>]?"
)
"""A syndicating page's link to the rest of the story on the outlet's own site."""
_MESSAGE_COUNT: Final = re.compile(r"\d{1,3} messages?")
"""A mail program's printed thread: how many messages it holds, over the first."""
_GLOSSED_FIELD: Final = re.compile(
    r"[^()]{1,40}[:：][^()]{1,60}\((?:to|attn|attention|from|cc)\s*:\s*[^()]{1,60}\)",
    re.IGNORECASE,
)
"""A field of a fax or memo cover glossed in another language ("宛先: 報道機関各位 (To:
Members of the Press)"): the addressee, not a headline."""
_LABEL_DATE: Final = re.compile(
    r"(?P<label>[A-Z][A-Za-z]+(?:\s+[A-Za-z]+){0,2})\s*[(（](?P<date>[^()（）]{6,40})[)）]"
)
"""A document-type label with its day in brackets ("Press Material (19 October 2026)")."""


_YEAR_OR_TIME: Final = re.compile(r"\b(?:19|20)\d\d\b|\b\d{1,2}:\d\d\b")


def is_tool_stamp(line: str) -> bool:
    """A line on which a tool stamps the day it copied, saved, exported or cached the
    text: its date is not the article's. A stamp is no sentence ("Saved 300 jobs.") and
    carries a year or a time."""
    if _STAMP.match(line) is not None:
        return not line.endswith(".") and _YEAR_OR_TIME.search(line) is not None
    lowered = line.lower()
    return (
        "appeared" in lowered or "snapshot" in lowered or "cached" in lowered
    ) and _SNAPSHOT.search(line) is not None


def is_tool_line(line: str, words: int) -> str | None:
    """What a tool's line is ("tool stamp", "chat export header", "weather", "provider
    credit", "message count", "addressee field"), or None."""
    if words <= 60 and is_tool_stamp(line):
        return "tool stamp"
    if words <= 16 and "istory" in line and _HISTORY.fullmatch(line):
        return "chat export header"
    if words <= 4 and "°" in line and _WEATHER.fullmatch(line):
        return "weather"
    if words <= 8 and line[:1] in "PpSsBb" and _PROVIDER.fullmatch(line):
        return "provider credit"
    if words <= 10 and line[:1] in "CcKk" and _CONTINUE.fullmatch(line):
        return "provider credit"
    if words <= 2 and line[:1].isdigit() and _MESSAGE_COUNT.fullmatch(line):
        return "message count"
    if words <= 16 and line.endswith(")") and _GLOSSED_FIELD.fullmatch(line):
        return "addressee field"
    return None


_WEEKDAY_AFTER: Final = re.compile(
    r"(?P<date>\d[\d/.\-]{5,12}\d)\s*[(（](?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]{0,6}\.?[)）]"
)
"""A day with its weekday in brackets after it, as a chat export heads a day's messages
("2026/10/20(Tue)")."""


def label_with_date(line: str) -> tuple[str, str] | None:
    """``(label, date text)`` of a line that is a short label with a day in brackets, or a
    day with its weekday in brackets ("", date text), and nothing else, or None; the
    caller reads the date."""
    if not line.endswith((")", "）")):
        return None
    if found := _LABEL_DATE.fullmatch(line):
        return found["label"], found["date"]
    if found := _WEEKDAY_AFTER.fullmatch(line):
        return "", found["date"]
    return None
