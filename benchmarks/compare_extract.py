"""Extraction output on the synthetic arXiv corpora, dumped or compared: a speed change must leave it identical.

Usage:
    python benchmarks/compare_extract.py dump OUT.jsonl [--realistic 20000] [--dense 5000]
    python benchmarks/compare_extract.py compare BEFORE.jsonl AFTER.jsonl

`dump` runs the extractor over the first N records of benchmarks/out/arxiv-50000-seed0.jsonl (realistic) and
of arxiv-50000-seed0-dense.jsonl (dense; write them with benchmarks/corpus.py or bench_build.py first) and
writes one JSON line per Result, in input order, with every field but `extractor` (a hash of the code that
changes with every edit). `compare` prints the number of lines and the first differing line, and exits 1 on a
difference. Run `dump` before and after a change (e.g. `git stash`) and `compare` the two files.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from collections.abc import Iterator
from pathlib import Path

from leaderboard.extract import Extractor
from leaderboard.models import Paper
from leaderboard.sources.jsonl import decode_line

OUT = Path(__file__).resolve().parent / "out"
CORPORA = {"realistic": "arxiv-50000-seed0.jsonl", "dense": "arxiv-50000-seed0-dense.jsonl"}
SKIP = frozenset({"extractor"})


def papers(path: Path, limit: int) -> Iterator[Paper]:
    """The first `limit` decodable records of an arXiv-snapshot JSON Lines file."""
    n = 0
    with path.open(encoding="utf-8") as f:
        for i, line in enumerate(f):
            if n >= limit:
                return
            paper = decode_line(line, path.name, i + 1)
            if isinstance(paper, Paper):
                n += 1
                yield paper


def dump(out: Path, limits: dict[str, int]) -> int:
    """Write every Result of the chosen records as JSON lines; return how many."""
    extractor = Extractor.default()
    n = 0
    with out.open("w", encoding="utf-8") as f:
        for kind, limit in limits.items():
            for paper in papers(OUT / CORPORA[kind], limit):
                for r in extractor.extract(paper):
                    d = {k: v for k, v in dataclasses.asdict(r).items() if k not in SKIP}
                    f.write(json.dumps(d, sort_keys=True, default=str, ensure_ascii=False) + "\n")
                    n += 1
    return n


def compare(before: Path, after: Path) -> bool:
    """Print the line counts and the first difference; True when identical."""
    a = before.read_text(encoding="utf-8").splitlines()
    b = after.read_text(encoding="utf-8").splitlines()
    print(f"{before}: {len(a):,} results; {after}: {len(b):,} results")
    for i, (x, y) in enumerate(zip(a, b, strict=False)):
        if x != y:
            print(f"first difference at line {i + 1}:\n- {x}\n+ {y}")
            return False
    if len(a) != len(b):
        print("one file is a prefix of the other")
        return False
    print("identical")
    return True


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("dump")
    d.add_argument("out", type=Path)
    d.add_argument("--realistic", type=int, default=20_000)
    d.add_argument("--dense", type=int, default=5_000)
    c = sub.add_parser("compare")
    c.add_argument("before", type=Path)
    c.add_argument("after", type=Path)
    args = ap.parse_args()
    if args.cmd == "dump":
        n = dump(args.out, {"realistic": args.realistic, "dense": args.dense})
        print(f"{n:,} results written to {args.out}")
    else:
        sys.exit(0 if compare(args.before, args.after) else 1)


if __name__ == "__main__":
    main()
