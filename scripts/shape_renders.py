"""Accuracy of the plain-text reader on harder renders, per field and per template set.

Each render is an article of tests/test_plaintext_shapes.py written through one template
of each kind (header furniture, headline placement, date line and position, footer,
wrapper) of a set, read by the parse stage and cleaned by the boilerplate plugin with
nothing learnt (tests/render_support.py). The *tuning* set (tests/render_templates_tuning.py)
is the one rules may be made from; the *held* set (tests/render_templates_held.py) is not,
and measures how far they carry. The generator is seeded, so a run is repeatable. Run:

    python scripts/shape_renders.py [--renders N] [--set tuning|held|both] [--failures K]
        [--seed S] [--templates]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

import render_templates_held  # noqa: E402
import render_templates_tuning  # noqa: E402
from render_support import TemplateSet, measure  # noqa: E402

SETS = {
    "tuning": TemplateSet.of(render_templates_tuning),
    "held": TemplateSet.of(render_templates_held),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--renders", type=int, default=1000, help="renders per set")
    parser.add_argument("--set", choices=("tuning", "held", "both"), default="both")
    parser.add_argument("--failures", type=int, default=0, help="failing renders to print")
    parser.add_argument("--seed", type=int, default=26)
    parser.add_argument(
        "--templates", action="store_true", help="count the misses of each field per template"
    )
    args = parser.parse_args()
    names = ("tuning", "held") if args.set == "both" else (args.set,)
    for name in names:
        result = measure(SETS[name], args.renders, seed=args.seed, failures=args.failures)
        print(result.line())
        if args.templates:
            for label, count in result.missed_by_template.most_common(25):
                print(f"    {count:5}  {label}")
        for failure in result.failures:
            print(failure)


if __name__ == "__main__":
    main()
