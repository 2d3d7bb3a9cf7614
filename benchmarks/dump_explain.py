"""`leaderboard explain` for many abstracts in one file: a speed change to the engine must leave it identical.

Usage:
    python benchmarks/dump_explain.py OUT.txt [--dense 400]
    cmp before.txt after.txt

Writes the explanation (every rule that fired or declined, per number) of the seed and dev abstracts
(scripts/bench_extract.py's set) and of the first `--dense` records of benchmarks/out/arxiv-50000-seed0-dense.jsonl
(when present), each after a `=== <paper id>` line. Run it before and after a change (e.g. `git stash`) and
compare the two files; `benchmarks/compare_extract.py` does the same for the results alone, on more records.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from bench_extract import load_papers, snapshot_papers  # noqa: E402

from leaderboard.cli_explain import render  # noqa: E402
from leaderboard.extract import Extractor  # noqa: E402
from leaderboard.extract.trace import Trace  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--dense", type=int, default=400, help="records of the dense synthetic corpus to add")
    args = ap.parse_args()
    dense = ROOT / "benchmarks" / "out" / "arxiv-50000-seed0-dense.jsonl"
    papers = load_papers() + (snapshot_papers(dense, args.dense) if dense.exists() and args.dense else [])
    extractor = Extractor.default()
    with args.out.open("w", encoding="utf-8") as f:
        for paper in papers:
            trace = Trace()
            results = extractor.extract(paper, trace)
            f.write(f"=== {paper.paper_id}\n")
            f.writelines(line + "\n" for line in render(paper, results, trace))
    print(f"{len(papers):,} abstracts explained in {args.out}")


if __name__ == "__main__":
    main()
