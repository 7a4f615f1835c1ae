"""Property test of the plain-text reader: many shapes of one article, measured per field.

A dozen short articles written for this test (headline, date, outlet, body
paragraphs) are rendered through combinations of header furniture (kickers,
issuer and masthead lines, "Label: value" blocks), bylines before or after the
headline, every date form the reader should know (numeric D/M/Y, Y-M-D, month
names in any case, weekday first, ordinals, times before or after, zones), date
positions ("Posted On", "Published"/"Updated" pairs, a date beside a section
label) and footers ("About …", "###", media contacts, copyright). Each render is
read with :func:`extract_article` and scored on its headline, its publication
day, its outlet and whether every body paragraph was kept. The figures are
printed per field; each must stay at or above :data:`FLOOR`.

The renders are drawn from a seeded generator, so a run is repeatable; a
failing render is printed whole so that it can become an example test.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime

from aggregator.toolkit.plaintext import extract_article

FLOOR = 0.97
RENDERS = 3000
REFERENCE = datetime(2026, 3, 1, tzinfo=UTC)


@dataclass(frozen=True)
class Article:
    headline: str
    day: date
    outlet: str
    issuer: str
    paragraphs: tuple[str, ...]


ARTICLES = (
    Article(
        "Coastal towns test a shared warning network for storm surges",
        date(2025, 9, 14),
        "Harbour Ledger",
        "Maritime Safety Office",
        (
            "Four coastal towns began a month-long trial of a shared siren and text alert "
            "network on Sunday, officials said, after last year's surge flooded two harbours.",
            "The network links tide gauges to a single control room, which can warn every "
            "registered phone within ninety seconds of a reading crossing its threshold.",
            "Fishing cooperatives asked that alerts also go out on marine radio, since many "
            "boats lose mobile coverage a few kilometres offshore.",
        ),
    ),
    Article(
        "Rail operator orders twelve new trainsets for its northern line",
        date(2025, 3, 3),
        "Transit Weekly",
        "Northern Rail Corporation",
        (
            "The operator signed a contract for twelve electric trainsets to replace carriages "
            "that have run on its northern line for more than thirty years.",
            "Deliveries are due to start in eighteen months, and the first units will run on "
            "the busiest commuter stretch before reaching the mountain section.",
        ),
    ),
    Article(
        "University opens a laboratory for recycling battery metals",
        date(2024, 11, 27),
        "Campus Review",
        "Institute of Applied Chemistry",
        (
            "A new laboratory will study ways to recover lithium, nickel and cobalt from spent "
            "batteries at a scale that small recyclers could afford.",
            "The project is funded for five years and will take on twenty doctoral students, "
            "half of them from partner universities abroad.",
            "Its director said the first pilot line should be running before the end of the "
            "next academic year.",
        ),
    ),
    Article(
        "Farmers' groups seek longer window for crop insurance claims",
        date(2025, 7, 8),
        "Rural Times",
        "Department of Agriculture",
        (
            "Farmers' groups asked the government to extend the window for filing crop "
            "insurance claims from fifteen days to thirty after a late monsoon.",
            "They said assessors had been slow to reach remote villages, leaving many "
            "claims unfiled when the deadline passed.",
        ),
    ),
    Article(
        "City council approves budget for new public library branches",
        date(2025, 1, 21),
        "Metro Gazette",
        "City Council Secretariat",
        (
            "The city council approved funds on Tuesday for three library branches in "
            "districts that have had none since the old reading rooms closed.",
            "Each branch will have a children's section, study rooms and free internet, and "
            "the first is expected to open in the spring of next year.",
        ),
    ),
    Article(
        "Shipping line adds weekly service between two southern ports",
        date(2025, 5, 30),
        "Cargo Daily",
        "Southern Ports Authority",
        (
            "A shipping line will add a weekly container service between the two southern "
            "ports from next month, cutting transit times for exporters by two days.",
            "The port authority said the new berth can take the larger vessels the line "
            "plans to deploy on the route.",
            "Exporters of textiles and machinery are expected to be the first to use it.",
        ),
    ),
    Article(
        "Hospital network trains nurses in remote patient monitoring",
        date(2024, 12, 2),
        "Health Bulletin",
        "Ministry of Health",
        (
            "A hospital network has begun training three hundred nurses to monitor patients "
            "at home through connected devices, easing pressure on its wards.",
            "The programme pairs each nurse with a physician who reviews alerts daily, and "
            "patients can call a helpline at any hour.",
        ),
    ),
    Article(
        "Solar park on former mine site begins feeding the grid",
        date(2025, 10, 19),
        "Energy Monitor",
        "Green Power Company Limited",
        (
            "A solar park built on a former open-pit mine began supplying electricity to the "
            "regional grid this week, its developer said.",
            "The site was chosen because its land could not be farmed, and the panels were "
            "mounted on frames that need no deep foundations.",
        ),
    ),
    Article(
        "Museum returns carved panels to the temple they came from",
        date(2025, 6, 11),
        "Heritage Post",
        "Embassy of the Republic",
        (
            "A museum returned four carved wooden panels to the temple they were taken from "
            "more than a century ago, at a ceremony attended by villagers.",
            "Researchers traced the panels through old auction catalogues and a photograph "
            "taken by a travelling surveyor in the last century.",
        ),
    ),
    Article(
        "Startups pitch water-saving ideas to a panel of irrigation experts",
        date(2025, 8, 5),
        "Tech Courier",
        "Water Innovation Forum",
        (
            "Twenty startups presented water-saving ideas to a panel of irrigation experts, "
            "from soil sensors to low-cost drip kits for small plots.",
            "Three winners will receive grants and a season of field trials on farms run by "
            "the state's agricultural university.",
        ),
    ),
    Article(
        "Airport to open second runway after years of delays",
        date(2026, 2, 9),
        "Aviation Today",
        "Civil Aviation Authority",
        (
            "The airport's second runway will open to traffic next month after land disputes "
            "and redesigns held it up for almost six years.",
            "Airlines expect the extra capacity to end the evening holding patterns that "
            "have delayed many flights during the winter schedule.",
        ),
    ),
    Article(
        "Tea growers report early harvest after a mild spring",
        date(2025, 4, 16),
        "Plantation Chronicle",
        "Tea Growers Association",
        (
            "Tea growers in the hills reported an early first flush after a mild spring, with "
            "picking under way two weeks ahead of the usual calendar.",
            "Auction houses said the early leaf was fetching good prices, although volumes "
            "remain small until the main season begins.",
        ),
    ),
)

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def _ordinal(day: int) -> str:
    suffix = "th" if 11 <= day % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


DateForm = Callable[[date], str]
DATE_FORMS: tuple[DateForm, ...] = (
    lambda d: f"{d.day:02d}/{d.month:02d}/{d.year}",
    lambda d: f"{d.day}.{d.month:02d}.{d.year}",
    lambda d: d.isoformat(),
    lambda d: f"{d.year}/{d.month:02d}/{d.day:02d} 19:05",
    lambda d: f"{MONTHS[d.month - 1]} {d.day}, {d.year}",
    lambda d: f"{d.day} {MONTHS[d.month - 1]} {d.year}",
    lambda d: f"{d.day} {MONTHS[d.month - 1][:3].upper()} {d.year} 6:40PM",
    lambda d: f"{MONTHS[d.month - 1].upper()} {d.day}, {d.year}",
    lambda d: f"{WEEKDAYS[d.weekday()]}, {d.day} {MONTHS[d.month - 1]} {d.year}",
    lambda d: f"{WEEKDAYS[d.weekday()][:3]}, {MONTHS[d.month - 1][:3]} {d.day}, {d.year}",
    lambda d: f"{_ordinal(d.day)} {MONTHS[d.month - 1]} {d.year}",
    lambda d: f"{MONTHS[d.month - 1]} {_ordinal(d.day)}, {d.year}",
    lambda d: f"10:20 IST, {MONTHS[d.month - 1]} {d.day}, {d.year}",
    lambda d: f"17:40 JST, {MONTHS[d.month - 1]} {d.day}, {d.year}",
    lambda d: f"{d.day} {MONTHS[d.month - 1][:3]} {d.year}, 11:05 am IST",
    lambda d: f"{MONTHS[d.month - 1][:3]} {d.day}, {d.year} 09:20 (GMT+5:30)",
    lambda d: f"{d.isoformat()}T08:15:00+09:00",
    lambda d: f"{MONTHS[d.month - 1].lower()} {d.day}, {d.year}",
    lambda d: f"{d.day}-{d.month:02d}-{d.year}",
    lambda d: f"{WEEKDAYS[d.weekday()].upper()}, {MONTHS[d.month - 1].upper()} {d.day}, {d.year}",
    lambda d: f"{d.day} {MONTHS[d.month - 1][:3]} {d.year} | 19:05 IST",
    lambda d: f"{MONTHS[d.month - 1][:3]}. {d.day}, {d.year}, 9:12 p.m. IST",
    lambda d: f"9:12 PM · {MONTHS[d.month - 1][:3]} {d.day}, {d.year}",
    lambda d: f"{d.year}年{d.month}月{d.day}日 6時00分",
    lambda d: (
        f"{WEEKDAYS[d.weekday()][:3]} {d.day:02d} {MONTHS[d.month - 1][:3]} {d.year} · 12:00 IST"
    ),
)

DateLine = Callable[[str, str, random.Random], str]
"""A line carrying the date: (date text, another date text for "Updated", rng)."""
DATE_LINES: tuple[DateLine, ...] = (
    lambda text, _later, _rng: text,
    lambda text, _later, _rng: f"Published: {text}",
    lambda text, _later, _rng: f"Posted On: {text} by Press Desk",
    lambda text, later, _rng: f"Published: {text} | Updated: {later}",
    lambda text, later, _rng: f"Updated: {later} | Published: {text}",
    lambda text, _later, _rng: f"Date: {text}",
    lambda text, _later, rng: f"{rng.choice(('Business', 'World', 'Science'))} | {text}",
    lambda text, _later, _rng: f"{text} | 4 min read",
    lambda text, _later, _rng: f"First Published: {text}",
    lambda text, later, _rng: f"Updated - {later} | Published - {text}",
    lambda text, _later, _rng: f"Last Updated: {text}",
    lambda text, _later, rng: f"{rng.choice(('Tokyo', 'New Delhi', 'Chennai'))} | {text}",
    lambda text, _later, rng: f"{rng.choice(('Tokyo', 'New Delhi'))}, {text}",
    lambda text, _later, _rng: f"Posted on {text}",
    lambda text, _later, _rng: f"Answered {text}",
    lambda text, _later, _rng: f"Issued on {text}",
)

Lines = list[str]
Header = Callable[[Article, str, random.Random], Lines]
"""Everything above the body: given the article and its date line."""


def _byline(rng: random.Random) -> str:
    name = rng.choice(("Asha Verma", "Kenji Mori", "Lena Ortiz", "Tomas Halvorsen"))
    return rng.choice((f"By {name}", f"By {name} and Priya Nair", f"By {name}, Staff Writer"))


HEADERS: tuple[Header, ...] = (
    lambda a, d, _r: [a.headline, d],
    lambda a, d, r: [a.headline, _byline(r), d],
    lambda a, d, r: [a.headline, d, _byline(r)],
    lambda a, d, r: [_byline(r), a.headline, d],
    lambda a, d, _r: [d, a.headline],
    lambda a, d, _r: [a.outlet, a.headline, d],
    lambda a, d, _r: [a.issuer, "Press Release", a.headline, d],
    lambda a, d, _r: [a.issuer, d, a.headline],
    lambda a, d, _r: ["FOR IMMEDIATE RELEASE", a.headline, d],
    lambda a, d, _r: ["EXCLUSIVE", a.headline, d],
    lambda a, d, _r: ["Home | News | Business | Contact", a.headline, d],
    lambda a, d, _r: ["Home > News > Region", a.headline, d],
    lambda a, d, r: [f"Headline: {a.headline}", f"Source: {a.outlet}", d, "Page: 7"],
    lambda a, d, _r: [a.outlet, "Menu | Search | Subscribe", d, a.headline],
    lambda a, d, r: [a.issuer, a.headline, _byline(r), d],
    lambda a, d, _r: ["ANALYSIS: " + a.headline, d],
    lambda a, d, _r: ["OPINION | " + a.headline, d],
    lambda a, d, _r: [a.outlet.upper(), "BUSINESS", a.headline, d],
    lambda a, d, _r: ["Section: Business", f"Title: {a.headline}", d, f"Publication: {a.outlet}"],
    lambda a, d, r: [a.outlet, a.headline, f"Written by {_byline(r)[3:]} | Edited by Mina Rao", d],
    lambda a, d, _r: [a.issuer, "Home > Media > Press Releases", "Press Releases", a.headline, d],
    lambda a, d, _r: ["View in browser", f"{a.outlet} | Issue 112", d, a.headline],
    lambda a, d, _r: [
        "---------- Forwarded message ---------",
        "From: Press Office <press@example.org>",
        f"Date: {d.removeprefix('Published: ')}",
        f"Subject: Fwd: {a.headline}",
        "To: Readers <list@example.org>",
    ],
    lambda a, d, _r: [a.headline, "A short standfirst that sets out what the story is about", d],
    lambda a, d, _r: [f"{a.outlet} — independent news since 1998", a.headline, d],
    lambda a, d, r: [a.headline, f"{_byline(r)} | {d}"],
    lambda a, d, _r: [
        a.issuer,
        "Keeping the region informed since 1952",
        "PRESS NOTE",
        a.headline,
        d,
    ],
    lambda a, d, _r: [a.outlet.upper(), "FACT SHEET", a.headline, f"Issued by: {a.issuer}", d],
    lambda a, d, _r: [
        a.outlet,
        f"Home > Media > Releases > Releases of the {a.issuer}",
        a.headline,
        d,
    ],
    lambda a, d, _r: [
        f"{a.headline} - {a.outlet}",
        a.outlet.upper(),
        "Home | World | Business",
        a.headline,
        d,
    ],
    lambda a, d, _r: [
        a.outlet,
        "Subscribe",
        "Sign in",
        a.headline,
        "Asha Verma",
        "@asha_writes",
        d,
    ],
    lambda a, d, _r: [
        "Note: This is a courtesy translation of a notice filed in another language; the original"
        " text prevails in case of any difference between the two versions.",
        d,
        f"Company name: {a.issuer}",
        "Ticker: ABCD",
        a.headline,
    ],
    lambda a, d, _r: ["---", f'title: "{a.headline}"', f"date: {a.day.isoformat()}", "---"],
    lambda a, d, _r: [
        "Kenji Mori",
        "Correspondent | Rivers, ports and trade",
        "2,114 followers",
        a.headline,
        d,
    ],
    lambda a, d, _r: [a.outlet, "Sector view: NEUTRAL (maintained)", a.headline, d],
    lambda a, d, _r: [a.outlet.upper(), "INTERVIEW SERIES: Voices of the Region", a.headline, d],
    lambda a, d, _r: [
        "To,",
        "The Registrar of Companies,",
        "Dear Sir/Madam,",
        "Please find attached the release issued by the company today for your records.",
        "Yours faithfully,",
        "PRESS RELEASE",
        a.headline,
        d,
    ],
    lambda a, d, _r: [
        f"{a.issuer.upper()}",
        "LOWER HOUSE",
        "WRITTEN QUESTION NO. 512",
        d,
        a.headline.upper(),
    ],
)

Footer = Callable[[Article, random.Random], Lines]
FOOTERS: tuple[Footer, ...] = (
    lambda _a, _r: [],
    lambda a, _r: [
        f"About {a.issuer}",
        f"{a.issuer} works on public services across the region.",
    ],
    lambda _a, _r: ["###"],
    lambda a, _r: ["Media contact:", "Press Office", "press@example.org", "+1 555 010 0199"],
    lambda a, _r: [f"© 2025 {a.outlet}. All rights reserved."],
    lambda _a, _r: ["Share this article", "Facebook | X | WhatsApp | Email"],
    lambda a, _r: ["***", f"(Release ID: 21{a.day.day:02d}45)", "Visitor Counter : 1204"],
    lambda a, _r: [f"(With inputs from {a.outlet})"],
    lambda _a, _r: ["Related Articles", "Rains lash the coast for a second day", "Read more"],
    lambda _a, _r: ["Unsubscribe | Manage preferences", "You received this because you signed up."],
    lambda _a, _r: ["87 upvotes · 5 comments · Share", "Related questions"],
    lambda _a, _r: [
        "This conversation has been edited for length and clarity.",
        "STRICTLY CONFIDENTIAL",
    ],
    lambda _a, _r: ["(ends)", "DSK ab/cd 0915 GMT"],
    lambda a, _r: ["Related Information", a.issuer, "Back to top", "Page Top"],
)


@dataclass(frozen=True)
class Render:
    article: Article
    text: str

    @property
    def headline_in_capitals(self) -> bool:
        """The render printed the headline in capitals: its case cannot be read back."""
        return self.article.headline.upper() in self.text.split("\n")


def render(rng: random.Random) -> Render:
    article = rng.choice(ARTICLES)
    form = rng.choice(DATE_FORMS)
    later = date.fromordinal(article.day.toordinal() + 1)
    date_line = rng.choice(DATE_LINES)(form(article.day), form(later), rng)
    header = rng.choice(HEADERS)(article, date_line, rng)
    footer = rng.choice(FOOTERS)(article, rng)
    spacing = rng.choice(("\n", "\n\n"))
    text = spacing.join([*header, *article.paragraphs, *footer]) + "\n"
    return Render(article, text)


def _kept(body: str, paragraph: str) -> bool:
    return " ".join(paragraph.split()) in " ".join(body.split())


def measure(renders: int = RENDERS, seed: int = 16) -> tuple[dict[str, float], list[str]]:
    """Accuracy per field over ``renders`` renders, and the first failing renders."""
    rng = random.Random(seed)
    right: Counter[str] = Counter()
    failures: list[str] = []
    for _ in range(renders):
        case = render(rng)
        found = extract_article(case.text, reference=REFERENCE)
        published = found.published
        checks = {
            "headline": found.title == case.article.headline
            or (case.headline_in_capitals and found.title.lower() == case.article.headline.lower()),
            "date": published is not None and published.date() == case.article.day,
            "body": all(_kept(found.body, p) for p in case.article.paragraphs),
        }
        right.update(name for name, ok in checks.items() if ok)
        if not all(checks.values()) and len(failures) < 20:
            missed = ", ".join(name for name, ok in checks.items() if not ok)
            failures.append(f"--- missed {missed}: {found.title!r} {published}\n{case.text}")
    return {name: right[name] / renders for name in ("headline", "date", "body")}, failures


def test_every_field_is_read_in_nearly_every_shape() -> None:
    accuracy, failures = measure()
    print(" ".join(f"{name} {value:.3f}" for name, value in accuracy.items()))
    low = {name: value for name, value in accuracy.items() if value < FLOOR}
    assert not low, f"{low}\n" + "\n".join(failures[:5])


def test_renders_are_repeatable() -> None:
    first = [render(random.Random(3)).text for _ in range(3)]
    assert first == [render(random.Random(3)).text for _ in range(3)]


if __name__ == "__main__":
    figures, misses = measure()
    print(" ".join(f"{name} {value:.3f}" for name, value in figures.items()))
    print("\n".join(misses))


def test_a_leaders_headline_in_capitals_under_its_label_wins_over_its_deck() -> None:
    """A paper's leader: masthead in capitals, sections, the day, "LEADER", the headline
    in capitals, then a deck in mixed case; the deck is no headline under a label."""
    text = (
        "THE EVENING COURIER\n"
        "Opinion | Leaders | Columns | Letters\n\n"
        "KOCHI | FRIDAY | JUNE 5, 2026\n\n"
        "LEADER\n"
        "THE PRICE OF RICE\n"
        "A second poor monsoon would test the state's grain reserves and its patience\n\n"
        "The monsoon reached the coast a week late this year, and the first rains were thin.\n"
    )
    article = extract_article(text, reference=datetime(2026, 6, 30, tzinfo=UTC))
    assert article.title == "THE PRICE OF RICE"
