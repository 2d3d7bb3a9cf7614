"""Check the gold annotation of the shipped seed abstracts (tests/data/seed_gold.jsonl).

Usage: python scripts/check_seed_gold.py [--seed PATH] [--gold PATH] [--names] [--summary]

The seed is parsed with the rule the gold is defined on: the non-empty lines (after .strip()) are 5 header
lines, then alternating title / abstract lines; offsets are Python str indices into the stripped abstract.

Checks, each failure printed and counted (exit status 1 when any):
- every line has the schema's keys and plausible values (kind, is_result, unit, range fields);
- its title is a seed title and `text == abstract[start:end]`;
- lines come in seed order, sorted by start within a paper and non-overlapping;
- the second number of a range says "part of range at <start>" of the range line before it;
- every digit of every abstract is covered by a gold line or sits inside a name token (CIFAR-10, GPT-4,
  LLaMA2-7B, P@1, 2-distance, digits in URLs); uncovered digits are reported with their context.
`--names` lists the digit runs accepted as name tokens, for review; `--summary` prints the counts.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SEED = ROOT / "seeds" / "000_8d80533cf89b728c.txt"
DEFAULT_GOLD = ROOT / "tests" / "data" / "seed_gold.jsonl"
HEADER_LINES = 5

KEYS = [
    "title", "start", "end", "text", "is_result", "kind", "value", "value_to", "benchmark", "subset",
    "metric", "method", "baseline", "qualifier", "unit", "note",
]  # fmt: skip
KINDS = {"absolute", "delta", "range"}
UNITS = {None, "%", "x", "pp"}

NUMBER_RUN = re.compile(r"\d+(?:[.,]\d+)*")
# What may follow a number inside one token and still leave it a number token (not a name):
# magnitude, percent, multiple, ordinal and a few "N-thing" settings.
QUANTITY_SUFFIX = re.compile(r"(?:[kKMB]|\\?%|[x×]|th|st|nd|rd|\+|-(?:shot|level|way|fold|point))(?![A-Za-z])")
TOKEN_TRIM = "()[]{}\"'`,;:.!?"
RANGE_NOTE = re.compile(r"part of range at (\d+)")


def load_seed(path: Path) -> list[tuple[str, str]]:
    """(title, abstract) pairs: non-empty stripped lines, less the header, alternating title / abstract."""
    lines = [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
    body = lines[HEADER_LINES:]
    if len(body) % 2:
        raise SystemExit(f"{path}: odd number of title/abstract lines ({len(body)})")
    return [(body[i], body[i + 1]) for i in range(0, len(body), 2)]


def load_gold(path: Path) -> list[dict]:
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            row = json.loads(line)
            row["_line"] = n
            rows.append(row)
    return rows


def token_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The whitespace-delimited token around text[start:end], trimmed of surrounding punctuation."""
    lo = start
    while lo > 0 and not text[lo - 1].isspace():
        lo -= 1
    hi = end
    while hi < len(text) and not text[hi].isspace():
        hi += 1
    while lo < start and text[lo] in TOKEN_TRIM:
        lo += 1
    while hi > end and text[hi - 1] in TOKEN_TRIM:
        hi -= 1
    return lo, hi


def is_name_digit_run(text: str, start: int, end: int) -> bool:
    """True when the digit run text[start:end] is part of a name token rather than a number token.

    A run is part of a name when its token has a letter before it (CIFAR-10, LLaMA2-7B, P@1, R^3, URLs), or
    when letters follow it that are not a quantity suffix (2-distance, 8421BCD, the 2-L of "PaLM 2-L").
    """
    lo, hi = token_bounds(text, start, end)
    if re.search(r"[A-Za-z]", text[lo:start]):
        return True
    rest = text[end:hi]
    if not re.search(r"[A-Za-z]", rest):
        return False
    return not QUANTITY_SUFFIX.match(rest)


def context(text: str, start: int, end: int, width: int = 40) -> str:
    return f"...{text[max(0, start - width) : start]}[{text[start:end]}]{text[end : end + width]}..."


def check(seed: Path, gold_path: Path, show_names: bool = False, show_summary: bool = False) -> int:
    papers = load_seed(seed)
    gold = load_gold(gold_path)
    order = {title: i for i, (title, _) in enumerate(papers)}
    abstracts = dict(papers)
    errors: list[str] = []

    def err(row: dict | None, msg: str) -> None:
        where = f"gold line {row['_line']}: " if row else ""
        errors.append(where + msg)

    by_paper: dict[str, list[dict]] = {}
    last_paper = -1
    for row in gold:
        missing = [k for k in KEYS if k not in row]
        extra = [k for k in row if k not in KEYS and k != "_line"]
        if missing or extra:
            err(row, f"keys missing {missing} / unexpected {extra}")
            continue
        title = row["title"]
        if title not in abstracts:
            err(row, f"title not in seed: {title!r}")
            continue
        if order[title] < last_paper:
            err(row, f"paper out of seed order: {title!r}")
        last_paper = order[title]
        abstract = abstracts[title]
        start, end = row["start"], row["end"]
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(abstract)):
            err(row, f"bad offsets {start}:{end}")
            continue
        if abstract[start:end] != row["text"]:
            err(row, f"text {row['text']!r} != abstract[{start}:{end}] {abstract[start:end]!r}")
        if not re.match(r"\d", row["text"]):
            err(row, f"text {row['text']!r} does not start with a digit")
        if start > 0 and abstract[start - 1].isdigit() or end < len(abstract) and abstract[end].isdigit():
            err(row, f"span {row['text']!r} cuts a digit run: {context(abstract, start, end)}")
        if not isinstance(row["is_result"], bool):
            err(row, "is_result must be true or false")
        if row["is_result"] and row["kind"] not in KINDS:
            err(row, f"result with kind {row['kind']!r}")
        if not row["is_result"] and row["kind"] not in (None, "range"):
            err(row, f"non-result with kind {row['kind']!r} (null, or range for a range's first number)")
        if (row["kind"] == "range") != (row["value_to"] is not None):
            err(row, "value_to is set exactly on range lines")
        if not isinstance(row["value"], int | float):
            err(row, f"value {row['value']!r} is not a number")
        if row["unit"] not in UNITS:
            err(row, f"unit {row['unit']!r} not one of {sorted(u for u in UNITS if u)} or null")
        if ("%" in row["text"]) != (row["unit"] == "%"):
            err(row, f"unit {row['unit']!r} disagrees with text {row['text']!r}")
        if row["kind"] == "delta" and not row["is_result"]:
            err(row, "delta on a non-result line")
        runs = [
            (start + m.start(), start + m.end()) for m in NUMBER_RUN.finditer(row["text"])
        ]  # a gold line may not cover a name's digits
        for a, b in runs:
            if is_name_digit_run(abstract, a, b):
                err(row, f"line covers digits inside a name token: {context(abstract, a, b)}")
        by_paper.setdefault(title, []).append(row)

    for title, rows in by_paper.items():
        abstract = abstracts[title]
        for prev, row in zip(rows, rows[1:], strict=False):
            if row["start"] < prev["end"]:
                err(row, f"overlaps or is out of order with gold line {prev['_line']}")
        starts = {r["start"]: r for r in rows}
        for i, row in enumerate(rows):
            m = RANGE_NOTE.search(row["note"] or "")
            if m:
                ref = starts.get(int(m.group(1)))
                if ref is None or ref["kind"] != "range" or i == 0 or rows[i - 1] is not ref:
                    err(row, f"'part of range at {m.group(1)}' does not name the range line before it")
                if row["is_result"]:
                    err(row, "second number of a range must have is_result false")
            if row["kind"] == "range":
                nxt = rows[i + 1] if i + 1 < len(rows) else None
                if nxt is None or f"part of range at {row['start']}" not in (nxt["note"] or ""):
                    err(row, "range line is not followed by its 'part of range at' line")

    names: list[str] = []
    uncovered = 0
    for title, abstract in papers:
        covered = [False] * len(abstract)
        for row in by_paper.get(title, []):
            for k in range(row["start"], row["end"]):
                covered[k] = True
        for m in NUMBER_RUN.finditer(abstract):
            a, b = m.span()
            if all(covered[a:b]):
                continue
            if any(covered[a:b]):
                err(None, f"{title[:50]!r}: digit run partly covered: {context(abstract, a, b)}")
            elif is_name_digit_run(abstract, a, b):
                lo, hi = token_bounds(abstract, a, b)
                names.append(f"{title[:40]!r}: {abstract[lo:hi]}")
            else:
                uncovered += 1
                err(None, f"{title[:50]!r}: uncovered number at {a}: {context(abstract, a, b)}")

    if show_names:
        print(f"{len(names)} digit runs accepted as part of name tokens:")
        for n in names:
            print("  " + n)
    if show_summary:
        print_summary(papers, gold)
    for e in errors:
        print("ERROR " + e)
    status = "FAILED" if errors else "OK"
    print(f"{status}: {len(gold)} gold lines, {len(papers)} papers, {len(errors)} errors, {uncovered} uncovered")
    return 1 if errors else 0


def print_summary(papers: list[tuple[str, str]], gold: list[dict]) -> None:
    results = [r for r in gold if r["is_result"]]
    kinds = Counter(r["kind"] for r in results)
    with_numbers = {r["title"] for r in gold}
    with_results = {r["title"] for r in results}
    print(f"papers: {len(papers)}")
    print(f"papers with number tokens: {len(with_numbers)}")
    print(f"papers with results: {len(with_results)}")
    print(f"number tokens (gold lines): {len(gold)}")
    print(f"results: {len(results)} ({', '.join(f'{k} {kinds[k]}' for k in sorted(kinds))})")
    print(f"non-results: {len(gold) - len(results)}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=Path, default=DEFAULT_SEED)
    ap.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    ap.add_argument("--names", action="store_true", help="list digit runs accepted as name tokens")
    ap.add_argument("--summary", action="store_true", help="print counts")
    args = ap.parse_args(argv)
    return check(args.seed, args.gold, args.names, args.summary)


if __name__ == "__main__":
    sys.exit(main())
