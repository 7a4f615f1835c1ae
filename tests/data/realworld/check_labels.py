#!/usr/bin/env python3
"""Validate a realworld corpus half: python check_labels.py <half-dir>

Checks that every labelled file exists and decodes with its declared encoding,
that every boilerplate/keep line occurs verbatim (after strip) as a line of
its file, that topics/kinds/dates are well formed, and prints counts per kind,
shape and story. Exit status 1 on errors; warnings do not fail.
"""
import collections, datetime, json, pathlib, sys

KINDS = {"wire", "indian_newspaper", "japanese_newspaper", "broadcaster", "gov_india", "gov_japan",
         "embassy", "corporate", "think_tank", "opinion", "aggregator", "newsletter", "web_copy",
         "email", "pdf_text"}
ENCODINGS = {"utf-8", "utf-8-sig", "cp1252"}


def main(argv):
    if len(argv) != 2:
        print(__doc__.strip()); return 2
    root = pathlib.Path(argv[1])
    labels = json.loads((root / "labels.json").read_text(encoding="utf-8"))
    tax = labels["taxonomy"]
    errors, warnings = [], []
    if len(tax) != 20 or len(set(tax)) != 20:
        errors.append(f"taxonomy must have 20 distinct names, has {len(tax)}")
    by_kind, by_shape, stories = collections.Counter(), collections.Counter(), collections.defaultdict(list)
    relevant = collections.Counter()
    listed = set(labels["articles"])
    on_disk = {str(p.relative_to(root)) for p in root.rglob("*.txt")}
    for extra in sorted(on_disk - listed):
        warnings.append(f"{extra}: file not labelled")
    for rel, lab in sorted(labels["articles"].items()):
        def err(msg): errors.append(f"{rel}: {msg}")
        path = root / rel
        if not path.is_file():
            err("missing file"); continue
        raw = path.read_bytes()
        enc = lab.get("encoding")
        if enc not in ENCODINGS:
            err(f"unknown encoding {enc!r}"); continue
        try:
            text = raw.decode(enc)
        except UnicodeDecodeError as e:
            err(f"does not decode as {enc}: {e}"); continue
        if enc == "utf-8" and text.startswith("\ufeff"):
            err("declared utf-8 but starts with a BOM (use utf-8-sig)")
        if enc == "utf-8-sig" and not raw.startswith(b"\xef\xbb\xbf"):
            err("declared utf-8-sig but has no BOM")
        if enc == "cp1252":
            try:
                raw.decode("utf-8"); warnings.append(f"{rel}: declared cp1252 but is also valid UTF-8")
            except UnicodeDecodeError:
                pass
        lines = {ln.strip() for ln in text.splitlines()}
        for key in ("boilerplate", "keep"):
            for ln in lab.get(key, []):
                if ln.strip() != ln or not ln:
                    err(f"{key} line not stripped or empty: {ln!r}")
                if ln not in lines:
                    err(f"{key} line not found verbatim: {ln[:70]!r}")
        both = set(lab.get("boilerplate", [])) & set(lab.get("keep", []))
        if both:
            err(f"lines both boilerplate and keep: {sorted(both)[:3]}")
        if lab.get("kind") not in KINDS:
            err(f"unknown kind {lab.get('kind')!r}")
        for t in lab.get("topics", []):
            if t not in tax:
                err(f"topic not in taxonomy: {t!r}")
        if len(lab.get("topics", [])) > 4:
            err("more than 4 topics")
        pub = lab.get("published")
        if pub is not None:
            try:
                datetime.date.fromisoformat(pub)
            except ValueError:
                err(f"bad published date {pub!r}")
        title = lab.get("title")
        if not title:
            warnings.append(f"{rel}: no title")
        elif title not in text:
            warnings.append(f"{rel}: title not found verbatim in text: {title[:60]!r}")
        if title and title in lab.get("keep", []):
            err("title listed as a keep line")
        if not lab.get("keep"):
            warnings.append(f"{rel}: no keep lines")
        if not isinstance(lab.get("relevant"), bool):
            err("relevant must be true/false")
        shape = rel.split("/", 1)[0]
        by_kind[lab.get("kind")] += 1
        by_shape[shape] += 1
        relevant[lab.get("relevant")] += 1
        if lab.get("story"):
            stories[lab["story"]].append((rel, shape, lab.get("published"), lab.get("relevant")))
    for sid, members in sorted(stories.items()):
        if len(members) == 1:
            warnings.append(f"story {sid}: only one member ({members[0][0]})")
        shapes = [m[1] for m in members]
        if len(set(shapes)) != len(shapes):
            warnings.append(f"story {sid}: two members share a shape")
        if len({m[3] for m in members}) > 1:
            errors.append(f"story {sid}: members disagree on relevance")
    print(f"{sum(by_kind.values())} articles, {len(by_shape)} shapes, {len(by_kind)} kinds; "
          f"relevant {relevant[True]}, not relevant {relevant[False]}")
    print("\nper kind:"); [print(f"  {k:20} {n}") for k, n in sorted(by_kind.items())]
    print("\nper shape:"); [print(f"  {k:28} {n}") for k, n in sorted(by_shape.items())]
    groups = {s: m for s, m in stories.items() if len(m) > 1}
    print(f"\nstory groups (2+ members): {len(groups)}")
    for sid, members in sorted(groups.items()):
        print(f"  {sid:32} {len(members)}  " + ", ".join(m[1] for m in members))
    missing_kinds = KINDS - set(by_kind)
    if missing_kinds:
        warnings.append(f"kinds not covered: {sorted(missing_kinds)}")
    for k, n in by_kind.items():
        if n < 2:
            warnings.append(f"kind {k} has only {n} article")
    for w in warnings: print("WARNING:", w)
    for e in errors: print("ERROR:", e)
    print(f"\n{len(errors)} errors, {len(warnings)} warnings")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
