"""A deterministic synthetic news corpus with known duplicate groups, for benchmarks.

Every event has facts (a kind, a date, a place, named people and
organisations, figures); each event is reported 1–4 times: the first report
is an original, the others are either the same wire copy under a new headline
with small edits, or the same facts in entirely different prose. Some events
are "confusable": same kind, place and actors as another, but a different
date and different figures. A share of events are relevant India–Japan
stories, the rest are other news; most reports carry outlet boilerplate.

    python benchmarks/corpus.py OUT_DIR --items 10000 [--seed 7]

writes OUT_DIR/articles/<outlet>/<n>.txt and OUT_DIR/groups.json.
"""

from __future__ import annotations

import argparse
import json
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

SYLLABLES = (
    "ka", "ri", "to", "mo", "na", "shi", "ra", "de", "vi", "pa", "lu", "ne", "so", "ta",
    "ki", "ma", "ru", "ho", "be", "ga", "zu", "ye", "wa", "an", "el", "or", "in", "us",
)  # fmt: skip
OUTLETS = ["eastpost", "tokyoledger", "delhidispatch", "indopacwire", "worldbrief"]
FOOTERS = {
    "eastpost": ["© 2026 East Post Media. All rights reserved.", "Share this article:"],
    "tokyoledger": ["Download the Tokyo Ledger app for breaking news", "Advertisement"],
    "delhidispatch": ["Follow Delhi Dispatch on Google News", "Also Read: Metro fares revised"],
    "indopacwire": [
        "Get a daily email with more Indo-Pacific stories",
        "Summary based on 6 sources",
    ],
    "worldbrief": ["Sign up for the World Brief morning newsletter", "2 min read"],
}
KINDS = {
    "loan": (
        "Japan and India signed a loan of {f0} billion yen for the {place} metro project",
        "Indian and Japanese officials said the loan carries {f1} per cent over {f2} years",
    ),
    "exercise": (
        "The navies of India and Japan began an exercise off {place} with {f2} ships",
        "The Indian Navy and the Japanese navy will train {f0} sailors together",
    ),
    "investment": (
        "Japan's {org} agreed with India to invest Rs {f0} crore at {place}",
        "Indian officials welcomed the Japanese plan to employ {f2} people",
    ),
    "summit": (
        "Prime Ministers of India and Japan met in {place} for their annual summit",
        "India and Japan signed {f2} agreements worth {f0} billion yen",
    ),
    "election": (
        "Voters in {place} chose a new council with a turnout of {f1} per cent",
        "The winning party took {f2} of the {f0} seats",
    ),
    "markets": (
        "Shares in {place} closed {f1} per cent higher as the index added {f0} points",
        "Traders said {f2} stocks rose for every one that fell",
    ),
}
RELEVANT_KINDS = ("loan", "exercise", "investment", "summit")


@dataclass
class Event:
    number: int
    kind: str
    day: date
    place: str
    people: list[str]
    org: str
    figures: list[str]
    words: list[str] = field(default_factory=list)

    @property
    def relevant(self) -> bool:
        return self.kind in RELEVANT_KINDS


@dataclass
class Report:
    name: str
    outlet: str
    group: int
    relevant: bool
    text: str


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))


def _name(rng: random.Random) -> str:
    return f"{_word(rng).capitalize()} {_word(rng).capitalize()}"


def _filler(rng: random.Random, words: list[str], count: int) -> list[str]:
    sentences = []
    for _ in range(count):
        body = " ".join(rng.choice(words) for _ in range(rng.randint(10, 18)))
        sentences.append(body[0].upper() + body[1:] + ".")
    return sentences


def _event(rng: random.Random, number: int, start: date, twin: Event | None) -> Event:
    if twin is not None:
        return Event(
            number=number,
            kind=twin.kind,
            day=twin.day + timedelta(days=rng.randint(30, 400)),
            place=twin.place,
            people=list(twin.people),
            org=twin.org,
            figures=[str(rng.randint(11, 999)) for _ in range(3)],
            words=[_word(rng) for _ in range(60)],
        )
    kind = rng.choice(list(KINDS))
    return Event(
        number=number,
        kind=kind,
        day=start + timedelta(days=rng.randint(0, 700)),
        place=_word(rng).capitalize() + rng.choice(["pur", "bad", "shima", "saki", "nagar"]),
        people=[_name(rng) for _ in range(2)],
        org=f"{_word(rng).capitalize()} {rng.choice(['Corporation', 'Industries', 'Agency'])}",
        figures=[str(rng.randint(11, 999)) for _ in range(3)],
        words=[_word(rng) for _ in range(60)],
    )


def _facts(event: Event) -> list[str]:
    values = {"place": event.place, "org": event.org}
    values.update({f"f{i}": figure for i, figure in enumerate(event.figures)})
    first, second = KINDS[event.kind]
    people = (
        f"{event.people[0]} and {event.people[1]} of {event.org} attended the event in"
        f" {event.place}."
    )
    return [first.format(**values) + ".", second.format(**values) + ".", people]


def _original(rng: random.Random, event: Event) -> list[str]:
    facts = _facts(event)
    filler = _filler(rng, event.words, 6)
    return [facts[0], filler[0], facts[1], filler[1], filler[2], facts[2], filler[3], filler[4]]


def _wire_copy(rng: random.Random, lines: list[str]) -> list[str]:
    copy = list(lines)
    if len(copy) > 4 and rng.random() < 0.5:
        copy.pop()
    index = rng.randrange(len(copy))
    words = copy[index].split()
    if len(words) > 6:
        words[rng.randrange(1, len(words) - 1)] = "reportedly"
        copy[index] = " ".join(words)
    return copy


def _reworded(rng: random.Random, event: Event) -> list[str]:
    facts = _facts(event)
    fresh = [_word(rng) for _ in range(60)]
    filler = _filler(rng, fresh, 5)
    return [filler[0], facts[1], filler[1], facts[0], filler[2], facts[2], filler[3]]


def _render(rng: random.Random, event: Event, outlet: str, body: list[str]) -> str:
    headline = " ".join(_word(rng).capitalize() for _ in range(rng.randint(5, 9)))
    day = event.day + timedelta(days=rng.randint(0, 1))
    lines = [headline, day.strftime("%B %d, %Y").replace(" 0", " "), "", *body]
    if rng.random() < 0.8:
        lines += ["", *FOOTERS[outlet]]
    return "\n\n".join(line for line in lines if line) + "\n"


def generate(items: int, *, seed: int = 7) -> Iterator[Report]:
    """Reports until ``items`` are made; groups are events, numbered from 0."""
    rng = random.Random(seed)
    start = date(2024, 1, 1)
    made = 0
    number = 0
    previous: list[Event] = []
    while made < items:
        twin = rng.choice(previous) if previous and rng.random() < 0.1 else None
        event = _event(rng, number, start, twin)
        previous = [*previous, event][-50:]
        original = _original(rng, event)
        copies = min(items - made, rng.choice([1, 1, 1, 2, 2, 3, 4]))
        for copy in range(copies):
            outlet = OUTLETS[(number + copy) % len(OUTLETS)]
            if copy == 0:
                body = original
            elif rng.random() < 0.5:
                body = _wire_copy(rng, original)
            else:
                body = _reworded(rng, event)
            yield Report(
                name=f"{outlet}/{made:07}.txt",
                outlet=outlet,
                group=number,
                relevant=event.relevant,
                text=_render(rng, event, outlet, body),
            )
            made += 1
        number += 1


def write(out: Path, items: int, *, seed: int = 7) -> dict[str, int]:
    """Write the corpus under ``out``; return ``{relative file name: group}``."""
    groups: dict[str, int] = {}
    relevant: dict[str, bool] = {}
    for report in generate(items, seed=seed):
        path = out / "articles" / report.name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(report.text, encoding="utf-8")
        groups[report.name] = report.group
        relevant[report.name] = report.relevant
    (out / "groups.json").write_text(
        json.dumps({"groups": groups, "relevant": relevant}), encoding="utf-8"
    )
    return groups


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--items", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    groups = write(args.out, args.items, seed=args.seed)
    print(f"wrote {len(groups)} articles in {len(set(groups.values()))} groups to {args.out}")


if __name__ == "__main__":
    main()
