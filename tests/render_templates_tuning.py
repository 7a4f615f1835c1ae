"""The *tuning* set of render templates (see tests/render_support.py): the structures a rule
may be made from when a render of them fails. Written for these tests from the kinds of
structure the development halves show, never from their wording."""

from __future__ import annotations

import random
from datetime import date

from render_support import (
    META,
    DatePlace,
    Furniture,
    Headline,
    Line,
    Parts,
    art,
    furn,
    meta,
)
from test_plaintext_shapes import MONTHS, WEEKDAYS

SET = "tuning"

NAMES = ("Asha Verma", "Kenji Mori", "Lena Ortiz", "Tomas Halvorsen", "Priya Nair")
PLACES = ("Tokyo", "New Delhi", "Chennai", "Osaka", "Mumbai")


def _name(rng: random.Random) -> str:
    return rng.choice(NAMES)


def _split_headline(headline: str) -> tuple[str, str]:
    words = headline.split()
    half = len(words) // 2
    return " ".join(words[:half]), " ".join(words[half:])


FURNITURE = (
    lambda a, r: Furniture(),
    lambda a, r: Furniture(
        furn(a.outlet, "Home | World | Business | Opinion | Sport | Video"), names_outlet=True
    ),
    lambda a, r: Furniture(furn("Home › News › Regions", "Business")),
    lambda a, r: Furniture(
        furn(
            "We use cookies to improve your experience on our site. Accept all | Manage settings",
            "Sign in | Subscribe",
        )
    ),
    lambda a, r: Furniture(furn("日本語 | English | हिन्दी", a.issuer)),
    lambda a, r: Furniture(
        furn(a.issuer.upper(), f"Ref. No. {a.outlet[:3].upper()}/{a.day.year}/114", "NOTICE")
    ),
    lambda a, r: Furniture(
        furn("e-Paper | Today's Paper | Newsletters | Podcasts", a.outlet.upper()),
        names_outlet=True,
    ),
    lambda a, r: Furniture(furn("9:41", "< Back", "Aa   Share   Save")),
    lambda a, r: Furniture(
        furn("SENSEX 74,118.20 ▲ 0.41% | NIFTY 22,510.05 ▲ 0.38% | USD/INR 83.12 ▼ 0.05%")
    ),
    lambda a, r: Furniture(furn("Skip to main content", "Advertisement")),
    lambda a, r: Furniture(furn("PREMIUM", "Economy")),
    lambda a, r: Furniture(furn(a.issuer, "Working together for a better region", "PRESS RELEASE")),
    lambda a, r: Furniture(furn(_name(r), "@" + _name(r).split()[0].lower() + "_reports · Follow")),
    lambda a, r: Furniture(below=furn("Listen to this article · 4 min", "Share   Save   Print")),
)


def _byline(rng: random.Random) -> str:
    name = _name(rng)
    return rng.choice((f"By {name}", f"By {name}, Staff Writer", f"{name} | Correspondent"))


HEADLINES = (
    lambda a, r: Headline(meta(a.headline), a.headline),
    lambda a, r: Headline(meta(a.headline.upper()), a.headline, capitals=True),
    lambda a, r: Headline(meta(*_split_headline(a.headline)), a.headline),
    lambda a, r: Headline(meta("EXPLAINER: " + a.headline), a.headline),
    lambda a, r: Headline(meta(_byline(r), a.headline), a.headline),
    lambda a, r: Headline(meta(a.headline, _byline(r)), a.headline),
    lambda a, r: Headline(
        [
            (a.headline, META),
            ("The plan has been months in the making and still needs one more approval", META),
        ],
        a.headline,
    ),
    lambda a, r: Headline(meta(f"Title: {a.headline}"), a.headline),
    lambda a, r: Headline([*furn(f"{a.headline} | {a.outlet}"), *meta(a.headline)], a.headline),
    lambda a, r: Headline(meta("LEAD STORY", a.headline), a.headline),
    lambda a, r: Headline(
        meta(*(line.upper() for line in _split_headline(a.headline))), a.headline, capitals=True
    ),
)


def _place(rng: random.Random) -> str:
    return rng.choice(PLACES)


def _words(day: date) -> str:
    return f"{MONTHS[day.month - 1]} {day.day}, {day.year}"


DATES = (
    lambda d, r: DatePlace(below=meta(d.text)),
    lambda d, r: DatePlace(below=meta(f"Published: {d.text} | Updated: {d.later}")),
    lambda d, r: DatePlace(
        above=meta(f"Updated {d.later}"), foot=meta(f"First published {d.text}")
    ),
    lambda d, r: DatePlace(lead=f"{_place(r).upper()}, {_words(d.day)} — "),
    lambda d, r: DatePlace(foot=meta(f"Dated: {d.text}")),
    lambda d, r: DatePlace(foot=meta(f"Posted {d.text} in Regional News")),
    lambda d, r: DatePlace(below=meta(f"By {_name(r)} | {d.text}")),
    lambda d, r: DatePlace(below=meta(f"{d.text} | 4 min read")),
    lambda d, r: DatePlace(below=meta(f"Date: {d.text}")),
    lambda d, r: DatePlace(below=meta(f"{_place(r)} | {d.text} | City Bureau")),
    lambda d, r: DatePlace(
        above=meta(
            f"{WEEKDAYS[d.day.weekday()]}, {MONTHS[d.day.month - 1]} {d.day.day}, {d.day.year}"
        )
    ),
    lambda d, r: DatePlace(below=meta(f"Last updated {d.later} · Published {d.text}")),
    lambda d, r: DatePlace(lead=f"On {_words(d.day)}, "),
    lambda d, r: DatePlace(above=meta(f"Issue No. 27 · {d.text}")),
    lambda d, r: DatePlace(below=meta(f"Release No. 07/{d.day.year} · {d.text}")),
    lambda d, r: DatePlace(
        below=meta(f"{_place(r)}, {d.text}"), foot=meta(f"{_place(r)}", d.form(d.day))
    ),
)


FOOTERS = (
    lambda a, r: [],
    lambda a, r: furn("Share: Facebook | X | LinkedIn | Email"),
    lambda a, r: furn(
        "Related stories",
        "Port workers end strike after pay deal",
        "New bridge opens to traffic on the river crossing",
        "Exporters ask for faster customs clearance",
    ),
    lambda a, r: furn(
        f"About {a.issuer}",
        f"{a.issuer} serves people across the region through its offices and online services.",
    ),
    lambda a, r: furn("Media contact:", "Press Office", "press@example.org", "+91 11 2345 6789"),
    lambda a, r: furn(f"© {a.day.year} {a.outlet}. All rights reserved.", "Terms | Privacy"),
    lambda a, r: furn("Tags: infrastructure, trade, regions"),
    lambda a, r: furn("12 comments", "Sign in to comment"),
    lambda a, r: furn(
        "Get our morning newsletter in your inbox every weekday.",
        "Sign up",
    ),
    lambda a, r: furn("-- ENDS --", "KM/AV 1840 IST"),
    lambda a, r: furn("Page 2 of 2"),
    lambda a, r: furn("Back to top", "Print this page"),
)


def _plain(parts: Parts, rng: random.Random) -> list[Line]:
    return parts.document()


def _forwarded_mail(parts: Parts, rng: random.Random) -> list[Line]:
    sent = parts.dated.form(parts.dated.day)
    return [
        *furn(
            "---------- Forwarded message ---------",
            "From: Press Office <press@example.org>",
        ),
        *meta(f"Date: {sent}", f"Subject: Fwd: {parts.headline.expected}"),
        *furn("To: Desk <desk@example.org>"),
        *furn("Hi all,", "Sharing the piece below for the file."),
        *parts.document(),
        *furn("Regards,", "Mina Rao", "Communications Officer"),
    ]


def _hyphenated(text: str, width: int) -> list[str]:
    """``text`` hard-wrapped at ``width``, a long word at a line's end split with a hyphen."""
    words = text.split()
    rows: list[str] = []
    row = ""
    for word in words:
        if not row:
            row = word
        elif len(row) + 1 + len(word) <= width:
            row = f"{row} {word}"
        elif len(word) > 7 and len(row) + 6 <= width and word.isalpha():
            rows.append(f"{row} {word[:4]}-")
            row = word[4:]
        else:
            rows.append(row)
            row = word
    if row:
        rows.append(row)
    return rows


def _pdf(parts: Parts, rng: random.Random) -> list[Line]:
    head = f"{parts.article.outlet.upper()} | QUARTERLY REVIEW"
    lines: list[Line] = []
    page = rng.randrange(2, 30)
    count = 0
    for line, role in parts.document():
        pieces = _hyphenated(line, 64) if len(line) > 70 and role != META else [line]
        for piece in pieces:
            if count and count % 9 == 0:
                lines += furn(str(page), head)
                page += 1
            lines.append((piece, role))
            count += 1
    return lines


def _web_inserts(parts: Parts, rng: random.Random) -> list[Line]:
    header = parts.header()
    body = list(parts.body)
    insert = furn("Advertisement", "Also read: Ferry fares to rise from next month")
    return [*header, *body[:1], *insert, *body[1:], *parts.footer, *parts.date_place.foot]


def _reader_view(parts: Parts, rng: random.Random) -> list[Line]:
    slug = "-".join(parts.headline.expected.lower().split()[:5])
    return [
        *furn(f"news.example.org/{parts.article.day.year}/{slug}", "Reader view · 3 min"),
        *parts.document(),
        *furn("Open in browser"),
    ]


def _transcript(parts: Parts, rng: random.Random) -> list[Line]:
    body: list[Line] = []
    speakers = ("ANCHOR", "REPORTER")
    for index, (line, role) in enumerate(parts.body):
        body += furn(f"[00:0{index}:{rng.randrange(10, 59)}]")
        body.append((f"{speakers[index % 2]}: {line}", role))
    return [
        *parts.header(),
        *furn("This is a rush transcript and may contain errors."),
        *body,
        *parts.footer,
        *parts.date_place.foot,
    ]


def _with_table(parts: Parts, rng: random.Random) -> list[Line]:
    table = art(
        "Item | 2024 | 2025",
        "Sites | 12 | 18",
        "Staff | 340 | 415",
        "Budget (million) | 48.5 | 61.2",
    )
    return [*parts.header(), *parts.body, *table, *parts.footer, *parts.date_place.foot]


def _quoted_reply(parts: Parts, rng: random.Random) -> list[Line]:
    return [
        *parts.document(),
        *furn(
            f"On {parts.dated.later}, Desk <desk@example.org> wrote:",
            "> Could you send the final text before noon?",
            "> Thanks",
        ),
    ]


WRAPPERS = (
    _plain,
    _forwarded_mail,
    _pdf,
    _web_inserts,
    _reader_view,
    _transcript,
    _with_table,
    _quoted_reply,
)

FORMS = (
    lambda d: f"{d.day} {MONTHS[d.month - 1][:3]}. {d.year}",
    lambda d: f"{WEEKDAYS[d.weekday()]} {d.day} {MONTHS[d.month - 1]} {d.year}",
    lambda d: f"{MONTHS[d.month - 1][:3]} {d.day} {d.year}",
)
