"""The *held* set of render templates (see tests/render_support.py): structures no rule is
made from. Each differs from the tuning set's in structure (where a line stands, what it
carries, how the document is wrapped), not only in words, so that its figures measure
how far the rules made for the tuning set carry."""

from __future__ import annotations

import random
from datetime import date

from render_support import (
    DatePlace,
    Furniture,
    Headline,
    Line,
    Parts,
    art,
    furn,
    meta,
)
from test_plaintext_shapes import MONTHS, WEEKDAYS, _ordinal

SET = "held"

NAMES = ("Rohan Iyer", "Mei Tanaka", "Sofia Brandt", "Arjun Das", "Yuki Sato")
PLACES = ("Kochi", "Nagoya", "Pune", "Kobe", "Kolkata")


def _name(rng: random.Random) -> str:
    return rng.choice(NAMES)


def _place(rng: random.Random) -> str:
    return rng.choice(PLACES)


def _rows(headline: str, width: int) -> list[str]:
    rows: list[str] = []
    for word in headline.split():
        if rows and len(rows[-1]) + 1 + len(word) <= width:
            rows[-1] = f"{rows[-1]} {word}"
        else:
            rows.append(word)
    return rows


FURNITURE = (
    lambda a, r: Furniture(),
    lambda a, r: Furniture(
        furn(a.outlet, "Since 1952 · Independent journalism for the coast"), names_outlet=True
    ),
    lambda a, r: Furniture(furn("English | हिन्दी | 日本語", "Search this site")),
    lambda a, r: Furniture(furn(f"Home > Media Centre > Press Releases > {a.day.year}")),
    lambda a, r: Furniture(
        furn(
            f"{a.day.month}/{a.day.day}/{a.day.year % 100:02d}, 10:12 AM    {a.headline} |"
            f" {a.outlet}"
        )
    ),
    lambda a, r: Furniture(
        furn("You have 2 free articles left this month.", "Subscribe for full access")
    ),
    lambda a, r: Furniture(furn(f"Circular No. {a.day.year}/041", "To: All Members")),
    lambda a, r: Furniture(furn(f"{_place(r)} 31°C · Partly cloudy", "Today's edition")),
    lambda a, r: Furniture(below=furn("Part 3 of 5 · The ports series")),
    lambda a, r: Furniture(
        furn(f"Shared from the {a.outlet} app", "https://m.example.com/a/83721")
    ),
    lambda a, r: Furniture(furn("Skip to content", "Menu", "Search")),
    lambda a, r: Furniture(
        furn("To,", "The Secretary,", "Regional Stock Exchange Limited", "Sub: Press release")
    ),
    lambda a, r: Furniture(
        furn("(Photo: Staff photographer)", "Workers at the site on the first morning.")
    ),
    lambda a, r: Furniture(
        furn(f"{a.outlet.upper()} — THE REGION'S BUSINESS DAILY", "Vol. 14 No. 212"),
        names_outlet=True,
    ),
)


HEADLINES = (
    lambda a, r: Headline(meta("NATION", a.headline), a.headline),
    lambda a, r: Headline(meta(f"# {a.headline}"), a.headline),
    lambda a, r: Headline(meta(f"Sub: {a.headline}"), a.headline),
    lambda a, r: Headline(meta("ENERGY-GRID/ (UPDATE 1)", a.headline), a.headline),
    lambda a, r: Headline(
        meta(a.headline, f"{_name(r)} covers transport and trade for the paper."), a.headline
    ),
    lambda a, r: Headline(meta(f"Written by {_name(r)}", a.headline), a.headline),
    lambda a, r: Headline(
        meta(
            f"Headline: {a.headline}",
            "Standfirst: A plan months in the making reaches its last stage",
        ),
        a.headline,
    ),
    lambda a, r: Headline(meta(*_rows(a.headline, 26)), a.headline),
    lambda a, r: Headline(meta("Inside the Region", a.headline), a.headline),
    lambda a, r: Headline(meta(f"{a.headline} — by {_name(r)}"), a.headline),
    lambda a, r: Headline(
        meta(*(row.upper() for row in _rows(a.headline, 30))), a.headline, capitals=True
    ),
)


def _words(day: date) -> str:
    return f"{MONTHS[day.month - 1]} {day.day}, {day.year}"


def _rfc822(day: date) -> str:
    weekday = WEEKDAYS[day.weekday()][:3]
    return f"{weekday}, {day.day:02d} {MONTHS[day.month - 1][:3]} {day.year} 07:30:00 +0530"


DATES = (
    lambda d, r: DatePlace(
        above=meta(
            f"{_place(r).upper()} | {WEEKDAYS[d.day.weekday()].upper()} |"
            f" {MONTHS[d.day.month - 1].upper()} {d.day.day}, {d.day.year}"
        )
    ),
    lambda d, r: DatePlace(below=meta(f"Published 10:20 on {d.text}")),
    lambda d, r: DatePlace(below=meta(f"Updated {d.later}", f"Published {d.text}")),
    lambda d, r: DatePlace(foot=meta(f"— {_place(r)}, {d.text}")),
    lambda d, r: DatePlace(
        lead=f"{_place(r).upper()}, {MONTHS[d.day.month - 1][:3]}. {d.day.day}, {d.day.year}"
        " (HNA) -- "
    ),
    lambda d, r: DatePlace(below=meta(f"Date of issue: {d.text}")),
    lambda d, r: DatePlace(
        below=meta(
            f"Posted: {d.day.day} {MONTHS[d.day.month - 1]} {d.day.year}"
            f" ({WEEKDAYS[d.day.weekday()][:3]}.)"
        )
    ),
    lambda d, r: DatePlace(below=meta(f"No. F.12/{d.day.year}-Admin", f"Dated: {d.text}")),
    lambda d, r: DatePlace(below=meta(f"{_name(r)} — {d.text}")),
    lambda d, r: DatePlace(foot=meta(f"First published in print on {d.text}")),
    lambda d, r: DatePlace(
        below=meta(
            f"Broadcast {WEEKDAYS[d.day.weekday()]} {d.day.day} {MONTHS[d.day.month - 1]}"
            f" {d.day.year} at 7:05pm"
        )
    ),
    lambda d, r: DatePlace(lead=f"In a statement issued on {_words(d.day)}, "),
    lambda d, r: DatePlace(
        below=meta(
            f"Received: {d.form(date.fromordinal(d.day.toordinal() - 40))} · Accepted:"
            f" {d.form(date.fromordinal(d.day.toordinal() - 9))} · Published online: {d.text}"
        )
    ),
    lambda d, r: DatePlace(
        above=meta(f"Business · {d.text}"), foot=meta(f"Last modified: {d.later}")
    ),
    lambda d, r: DatePlace(below=meta(f"Vol. 14, No. 6 · {d.text}")),
    lambda d, r: DatePlace(below=meta(f"2 hrs ago · {d.text}")),
)


FOOTERS = (
    lambda a, r: [],
    lambda a, r: furn(
        f"(Reporting by {_name(r)}; Editing by Clara Nunes)", f"© {a.outlet} {a.day.year}"
    ),
    lambda a, r: furn(
        "More from this section",
        "· Ferry operator adds a night crossing",
        "· Harbour dredging to finish by spring",
    ),
    lambda a, r: furn("Follow us on WhatsApp | Telegram | Google News"),
    lambda a, r: furn(
        "Disclaimer: This story is auto-generated from a syndicated feed and has not been edited."
    ),
    lambda a, r: furn(
        "For further information, please contact:",
        "Naomi Kern, Deputy Director",
        "Tel: +81-3-5550-0000 (ext. 4410)",
    ),
    lambda a, r: furn("Was this article helpful? Yes | No"),
    lambda a, r: furn("Like · Comment · Repost · Send", "48 reactions · 6 comments"),
    lambda a, r: furn("(The writer is a former trade official. Views are personal.)"),
    lambda a, r: furn("Sd/-", "(R. Menon)", "Deputy Secretary"),
    lambda a, r: furn("Harbour House, 12 Quay Road, Kochi 682001", "Unsubscribe from this list"),
    lambda a, r: furn(
        "Recommended", "Rains lash the coast for a second day", "Sponsored: Compare home loans"
    ),
    lambda a, r: furn("Topics", "Ports", "Shipping", "Coast"),
)


def _plain(parts: Parts, rng: random.Random) -> list[Line]:
    return parts.document()


def _outlook_reply(parts: Parts, rng: random.Random) -> list[Line]:
    """A reply that carries the piece under its subject only: no headline line above it."""
    day = parts.dated.day
    sent = f"{WEEKDAYS[day.weekday()]}, {MONTHS[day.month - 1]} {day.day}, {day.year} 9:14 AM"
    parts.headline.capitals = False
    return [
        *furn("CAUTION: This email originated from outside the organisation."),
        *furn("From: Media Cell <media@example.gov>"),
        *meta(f"Sent: {sent}"),
        *furn("To: Editors <editors@example.org>"),
        *meta(f"Subject: RE: {parts.headline.expected}"),
        *furn("Please see the note below."),
        *parts.furniture.above,
        *parts.date_place.above,
        *parts.date_place.below,
        *parts.body,
        *parts.footer,
        *parts.date_place.foot,
        *furn("Get Outlook for Android"),
    ]


def _narrow(text: str, width: int) -> list[str]:
    rows: list[str] = []
    for word in text.split():
        if rows and len(rows[-1]) + 1 + len(word) <= width:
            rows[-1] = f"{rows[-1]} {word}"
        elif rows and len(word) > 6 and word.isalpha() and len(rows[-1]) + 5 <= width:
            rows[-1] = f"{rows[-1]} {word[:3]}-"
            rows.append(word[3:])
        else:
            rows.append(word)
    return rows


def _ocr_print(parts: Parts, rng: random.Random) -> list[Line]:
    day = parts.dated.day
    running = (
        f"{parts.article.outlet.upper()}   {WEEKDAYS[day.weekday()].upper()},"
        f" {MONTHS[day.month - 1].upper()} {day.day}, {day.year}"
    )
    body: list[Line] = []
    for line, role in parts.body:
        body += [(row, role) for row in _narrow(line, 40)]
    middle = len(body) // 2
    return [
        *furn(running),
        *parts.header(),
        *body[:middle],
        *furn("Contd on P4", f"4   {parts.article.outlet.upper()}", "Contd from P1"),
        *body[middle:],
        *parts.footer,
        *parts.date_place.foot,
    ]


def _slides(parts: Parts, rng: random.Random) -> list[Line]:
    lines = [*furn("Slide 1 of 4"), *parts.header()]
    for index, paragraph in enumerate(parts.body, start=2):
        lines += furn(f"Confidential — {parts.article.issuer} | {index - 1}", f"Slide {index} of 4")
        lines.append(paragraph)
    return [*lines, *parts.footer, *parts.date_place.foot]


def _thread(parts: Parts, rng: random.Random) -> list[Line]:
    count = len(parts.body)
    lines = parts.header()
    for index, paragraph in enumerate(parts.body, start=1):
        lines += furn(f"{index}/{count}")
        lines.append(paragraph)
        lines += furn(f"💬 {index + 3}   🔁 {index * 7}   ❤ {index * 40}")
    return [*lines, *furn("Show more replies"), *parts.footer, *parts.date_place.foot]


def _feed_item(parts: Parts, rng: random.Random) -> list[Line]:
    """A feed reader's export: the headline and date only in fields."""
    parts.headline.capitals = False
    parts.furniture.names_outlet = False
    slug = "-".join(parts.headline.expected.lower().split()[:4])
    return [
        *furn(f"Feed: {parts.article.outlet} — Top stories", "Item 3 of 20"),
        *meta(f"Title: {parts.headline.expected}"),
        *furn(f"Link: https://www.example.com/{slug}"),
        *meta(f"pubDate: {_rfc822(parts.dated.day)}"),
        *furn("Categories: Regions; Economy"),
        *parts.body,
        *furn(f"guid: https://www.example.com/{slug}", "Read in app"),
    ]


def _list_archive(parts: Parts, rng: random.Random) -> list[Line]:
    return [
        *furn("[coast-news] " + parts.headline.expected),
        *furn("rohan at example.org"),
        *parts.document(),
        *furn(
            "-- ",
            "Rohan",
            "Previous message: Ferry timetable for the holidays",
            "Messages sorted by: [ date ] [ thread ] [ subject ] [ author ]",
        ),
    ]


def _bilingual(parts: Parts, rng: random.Random) -> list[Line]:
    translations = (
        "（日本語訳は下記をご覧ください）",
        "हिन्दी अनुवाद नीचे दिया गया है।",
        "（以下、英文の仮訳）",
    )
    body: list[Line] = []
    for index, paragraph in enumerate(parts.body):
        body.append(paragraph)
        body += furn(translations[index % len(translations)])
    return [*parts.header(), *body, *parts.footer, *parts.date_place.foot]


def _listing(parts: Parts, rng: random.Random) -> list[Line]:
    """A notice whose schedule is article: rows of dates and places after the text."""
    rows = art(
        "1. Harbour district — 14 sites — first phase",
        "2. River ward — 9 sites — second phase",
        "3. Hill wards — 6 sites — third phase",
    )
    return [*parts.header(), *parts.body, *rows, *parts.footer, *parts.date_place.foot]


WRAPPERS = (
    _plain,
    _outlook_reply,
    _ocr_print,
    _slides,
    _thread,
    _feed_item,
    _list_archive,
    _bilingual,
    _listing,
)

FORMS = (
    lambda d: f"the {_ordinal(d.day)} of {MONTHS[d.month - 1]}, {d.year}",
    lambda d: f"{MONTHS[d.month - 1][:3].upper()}. {d.day}, {d.year}",
    lambda d: f"{d.day:02d}.{d.month:02d}.{d.year % 100:02d}" if d.day > 12 else d.isoformat(),
)
