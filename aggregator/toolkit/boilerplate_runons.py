"""Paragraphs wrapped over several lines, of which a rule knows one line: the first.

The article's paragraph a rule took the first line of, by its opening. Some rules judge a
line by how it opens: a quoted reply by its "> ", a promotion by its "Also in …:". A reply
quoted in a mail marks every line it quotes, and a promotion is a line of its own (a link
to another story, under or over other links). An episode's or a programme's page runs its
"Also in this episode: the weather office says …" on over the next lines of its
paragraph. Such a line is given back when it is long, leaves its sentence open and runs
on into the next line, which the article keeps, in lower case or at the text's wrap
width: the first line of a paragraph, not a line of its own. (A plain text can reach the
cleaner with a blank line after each of its lines, so a blank between them says
nothing.)

The furniture's paragraph a rule knows the first line of and no rule the rest: a
transcript's forward-looking-statements notice, a reply's appeal notice, a broadcaster's
note about itself, wrapped at a width ("… are based on management's judgment and" /
"involve risks and uncertainties."). The lines that finish the sentence the removed line
leaves open go with it; a line taken by its opening (a quoted reply's, whose next line
may be the article's) or for repeating in other documents opens no such tail.
"""

from __future__ import annotations

from collections.abc import Callable

from .lines import PROSE_END, word_count

OPENING_RULES = frozenset({"quoted reply", "promotion"})
"""The rules that take a line by its opening words or mark alone."""
GIVEN_BACK = frozenset({"promotion"})
"""The opening rules whose run-on lines are given back. A quoted reply is not yet: a
read-later app's highlight ("> The loan carries …" / "10-year grace period …") runs on
like a paragraph too, but the text it gives back moved other figures (story pairs) the
wrong way; see docs/boilerplate_classes.md."""
RUN_ON_WORDS = 8
"""The least words of a paragraph's first line given back: a wrapped line of prose, not a
link's title or a short quoted remark."""


def run_on_openers(
    lines: list[str], removed: dict[int, str], wraps_on: Callable[[int], bool]
) -> list[int]:
    """Give back the lines ``OPENING_RULES`` took that open a paragraph of the article; their
    indexes. ``wraps_on(index)``: whether ``lines[index]`` runs on into the line below it
    in lower case or ends at the text's wrap width."""
    given: list[int] = []
    for index in sorted(removed):
        line = lines[index]
        if removed[index] not in GIVEN_BACK:
            continue
        below = next((i for i in range(index + 1, len(lines)) if lines[i]), None)
        if below is None or below in removed or word_count(line) < RUN_ON_WORDS:
            continue
        if not line[-1:].isalnum() or not wraps_on(index):
            continue
        given.append(index)
    for index in given:
        del removed[index]
    return given


TAIL_LINES = 3
"""The most lines a removed line's sentence is followed through to its full stop."""
TAIL_RULE = "wrapped notice"
LEARNED = "learned"
"""How the rules that remove a line for repeating in a source's documents begin: such a
line may be given back later (a sentence's repeated tail), so it opens no tail."""


def run_on_tails(
    lines: list[str], removed: dict[int, str], wraps_on: Callable[[int], bool]
) -> list[int]:
    """Mark as removed the lines that finish the sentence a removed line leaves open, when
    the line is long and the sentence runs on into the next line (in lower case, or from a
    line that ends at the text's wrap width and not past it: ``wraps_on``): "… are based
    on management's judgment and" / "involve risks and uncertainties.", a notice or a
    publisher's note wrapped at a width, whose first line a rule knows and whose last lines
    no rule does. The tail is followed to its first full stop, over at most
    ``TAIL_LINES`` lines the cleaner kept; their indexes."""
    written = [index for index, line in enumerate(lines) if line]
    taken: list[int] = []
    for position, index in enumerate(written):
        rule = removed.get(index)
        if rule is None or rule in OPENING_RULES or rule.startswith(LEARNED):
            continue
        if word_count(lines[index]) < RUN_ON_WORDS:
            continue
        if not _open(lines[index]):
            continue
        tail = written[position + 1 : position + 1 + TAIL_LINES]
        if not tail or tail[0] in removed:
            continue
        if not wraps_on(index):
            continue
        found: list[int] = []
        for below in tail:
            if below in removed:
                break
            found.append(below)
            if not _open(lines[below]):
                break
        if found and PROSE_END.search(lines[found[-1]]) is not None:
            taken.extend(found)
    for index in taken:
        removed.setdefault(index, TAIL_RULE)
    return taken


def _open(line: str) -> bool:
    """Whether a line leaves its sentence open: it ends on a word, a figure or a comma."""
    return line[-1:].isalnum() or line.endswith(",")
