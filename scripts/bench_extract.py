"""Throughput of the extractor: abstracts per second of CPU time on the seed and dev abstracts, repeated.

Usage: python scripts/bench_extract.py [--repeat N] [--snapshot FILE --limit N]

With `--snapshot`, the abstracts are the first `--limit` records of an arXiv-snapshot JSON Lines file instead
(e.g. benchmarks/out/arxiv-50000-seed0.jsonl, the realistic synthetic corpus: most abstracts report nothing).

CPU time on a shared machine varies by +-20%; for a repeatable figure count instructions instead (valgrind):
    valgrind --tool=callgrind $(python -c "import sys; print(sys.executable)") scripts/bench_extract.py --repeat 1
(minus the same with --repeat 0: 1.95 M instructions per abstract on 2026-12-01). Faster, and without the
subtraction: `--callgrind` switches callgrind's instrumentation on around the extraction loop only (callgrind_control),
after one uninstrumented warm-up pass over the same abstracts (the steady state of a worker: patterns that rules
compile on first use are built), so "Collected" counts the loop alone (divide by the abstracts printed):
    PYTHONHASHSEED=0 valgrind --tool=callgrind --instr-atstart=no .venv/bin/python scripts/bench_extract.py \
        --repeat 1 --callgrind [--snapshot benchmarks/out/arxiv-50000-seed0.jsonl --limit 1000]
(PYTHONHASHSEED=0: set order is part of the count; 2026-12-02: 5.67 M per seed/dev abstract, 1.25 M realistic).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import time
from pathlib import Path

from leaderboard.extract import Extractor
from leaderboard.models import Paper
from leaderboard.sources.jsonl import decode_line

ROOT = Path(__file__).resolve().parent.parent


def load_papers() -> list[Paper]:
    lines = [ln.strip() for ln in (ROOT / "seeds" / "000_8d80533cf89b728c.txt").read_text().splitlines() if ln.strip()]
    body = lines[5:]
    papers = [Paper(f"s{i}", body[i], body[i + 1]) for i in range(0, len(body) - 1, 2)]
    for line in (ROOT / "tests" / "data" / "dev" / "leaderboard_abstracts_dev.jsonl").read_text().splitlines():
        d = json.loads(line)
        papers.append(Paper(d["paper_id"], d["title"], d["abstract"]))
    return papers


def snapshot_papers(path: Path, limit: int) -> list[Paper]:
    """The first `limit` records of an arXiv-snapshot JSON Lines file, decoded as a build decodes them."""
    out: list[Paper] = []
    with path.open(encoding="utf-8") as f:
        for i, line in enumerate(f):
            if len(out) >= limit:
                break
            paper = decode_line(line, path.name, i + 1)
            if isinstance(paper, Paper):
                out.append(paper)
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=10)
    ap.add_argument("--snapshot", type=Path, help="arXiv-snapshot JSON Lines file to take the abstracts from")
    ap.add_argument("--limit", type=int, default=1000, help="records of --snapshot to use")
    ap.add_argument(
        "--callgrind", action="store_true", help="instrument only the loop, after one warm-up pass (under callgrind)"
    )
    args = ap.parse_args()
    t0 = time.perf_counter()
    extractor = Extractor.default()
    build = time.perf_counter() - t0
    papers = (snapshot_papers(args.snapshot, args.limit) if args.snapshot else load_papers()) * args.repeat
    if args.callgrind:  # the steady state a worker reaches: patterns that rules compile on first use are built
        for p in papers[: len(papers) // max(args.repeat, 1)]:
            extractor.extract(p)
        _instrument("on")
    t1 = time.process_time()
    n = sum(len(extractor.extract(p)) for p in papers)
    cpu = time.process_time() - t1
    if args.callgrind:
        _instrument("off")
    rate = f"{len(papers) / cpu:,.0f}" if cpu > 0 else "-"
    print(f"extractor built in {build:.2f}s; {len(papers):,} abstracts, {n:,} results, "
          f"{rate} abstracts/s of CPU time")  # fmt: skip


def _instrument(state: str) -> None:
    """Switch callgrind's instrumentation of this process on or off (valgrind's callgrind_control)."""
    subprocess.run(["callgrind_control", "-i", state, str(os.getpid())], check=True, stdout=subprocess.DEVNULL)


if __name__ == "__main__":
    main()
