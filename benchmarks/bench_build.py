"""Benchmark `leaderboard build` on synthetic arXiv-snapshot corpora against a floor, and the dashboard's queries.

For each size and each kind of corpus (realistic: digits in ~18% of sentences; dense: in a third): make (once)
a deterministic corpus in the snapshot's format (corpus.py), time the floor in this process (parse every record
and find every number once with the extractor's number regex, nothing else), then time
`python -m leaderboard build` on it as a subprocess, sampling the peak RSS of its whole process tree and the
CPU of the main process and of the workers. The floor and the build alternate, `--repeat` times, so both see
the same machine. Optionally (`--query-rows`) time the dashboard's main queries on a database with that many
synthetic results (bench_queries.py).

    python benchmarks/bench_build.py                                   # 50,000 abstracts, both corpora
    python benchmarks/bench_build.py --sizes 50000,1000000 --repeat 3 --out benchmarks/out
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_queries import make_results_db, print_query_table, time_queries  # noqa: E402
from corpus import KINDS, corpus_name, write_corpus  # noqa: E402
from measure import run_measured  # noqa: E402

SNAPSHOT_RECORDS = 2_700_000  # the full arXiv metadata snapshot, for the extrapolation


@dataclass(slots=True)
class BuildRow:
    """One build of one corpus against the floor measured right before it."""

    size: int
    kind: str  # corpus kind (corpus.KINDS)
    corpus_mb: float
    build_s: float
    floor_s: float
    floor_cpu_s: float  # CPU seconds of the floor (less sensitive to other load than its wall time)
    per_s: float  # abstracts per second, end to end
    floor_per_s: float
    ratio: float  # build time / floor time
    cpu_ratio: float  # build CPU spread over the workers' cores / floor CPU: what the ratio is without other load
    peak_rss_mb: float
    cpu_main_s: float
    cpu_workers_s: float
    papers: int
    results: int
    rss_method: str
    load_before: float  # 1-minute load average when the build started (other work on the machine)


def number_pattern():
    """The extractor's number regex (the floor uses exactly it)."""
    from leaderboard.extract import numbers

    for name in ("NUMBER", "_NUMBER"):
        if hasattr(numbers, name):
            return getattr(numbers, name)
    raise SystemExit("leaderboard.extract.numbers has no NUMBER/_NUMBER regex to time the floor with")


def floor_seconds(path: Path) -> tuple[float, float, int]:
    """Parse every record and find every number once; (seconds, CPU seconds, numbers found)."""
    pattern = number_pattern()
    found = 0
    cpu = time.process_time()
    started = time.perf_counter()
    with path.open("rb") as fh:
        for line in fh:
            record = json.loads(line)
            for _ in pattern.finditer(record["abstract"]):
                found += 1
    return time.perf_counter() - started, time.process_time() - cpu, found


def _counts(db: Path) -> tuple[int, int]:
    import duckdb

    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute("SELECT (SELECT count(*) FROM papers), (SELECT count(*) FROM results)").fetchone()


def bench_size(
    size: int, out: Path, workers: int, seed: int, keep: bool, categories: str = "", kind: str = "realistic"
) -> BuildRow:
    corpus = write_corpus(out / corpus_name(size, seed, kind), size, seed, kind)
    floor_s, floor_cpu_s, _ = floor_seconds(corpus)
    db = out / f"build-{size}-{kind}.duckdb"
    cmd = [sys.executable, "-m", "leaderboard", "build", str(corpus), "--db", str(db), "--quiet"]
    cmd += ["--workers", str(workers)] + (["--filter-categories", categories] if categories else [])
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    m = run_measured(cmd)
    if m.returncode != 0:
        raise SystemExit(f"build failed ({m.returncode}):\n{m.stderr}")
    papers, results = _counts(db)
    if not keep:
        db.unlink(missing_ok=True)
    return BuildRow(
        size=size,
        kind=kind,
        corpus_mb=corpus.stat().st_size / 2**20,
        build_s=m.seconds,
        floor_s=floor_s,
        floor_cpu_s=floor_cpu_s,
        per_s=size / m.seconds,
        floor_per_s=size / floor_s,
        ratio=m.seconds / floor_s,
        cpu_ratio=(m.cpu_main + m.cpu_children) / max(1, min(workers, os.cpu_count() or 1)) / floor_cpu_s,
        peak_rss_mb=m.peak_rss / 2**20,
        cpu_main_s=m.cpu_main,
        cpu_workers_s=m.cpu_children,
        papers=papers,
        results=results,
        rss_method=m.method,
        load_before=load,
    )


def print_build_table(rows: list[BuildRow], workers: int, categories: str = "", out=sys.stdout) -> None:
    filtered = f", --filter-categories {categories}" if categories else ""
    print(
        f"\nbuild vs floor ({workers} workers, {os.cpu_count()} cores, Python {platform.python_version()}{filtered})",
        file=out,
    )
    head = (
        f"{'corpus':>9} {'abstracts':>10} {'MB':>6} {'build s':>8} {'abs/s':>7} {'floor s':>8} {'floor/s':>8} "
        f"{'ratio':>6} {'CPU ratio':>9} "
        f"{'peak RSS MB':>11} {'CPU main s':>10} {'CPU workers s':>13} {'results':>8} {'load':>5}"
    )
    print(head, file=out)
    for r in rows:
        print(
            f"{r.kind:>9} {r.size:>10,} {r.corpus_mb:6.0f} {r.build_s:8.1f} {r.per_s:7.0f} {r.floor_s:8.2f} "
            f"{r.floor_per_s:8.0f} {r.ratio:6.1f} {r.cpu_ratio:9.1f} {r.peak_rss_mb:11.0f} {r.cpu_main_s:10.1f} "
            f"{r.cpu_workers_s:13.1f} {r.results:>8,} "
            f"{r.load_before:5.1f}",
            file=out,
        )
    print("\nbest of the repeats (lowest ratio) and the spread of the ratio", file=out)
    for (kind, size), group in sorted(groups(rows).items(), key=lambda kv: (kv[0][1], list(KINDS).index(kv[0][0]))):
        best = min(group, key=lambda r: r.ratio)
        spread = f"{min(r.ratio for r in group):.1f}-{max(r.ratio for r in group):.1f}"
        minutes = SNAPSHOT_RECORDS / best.per_s / 60
        cores = max(1, min(workers, os.cpu_count() or 1))
        cpu_minutes = min(SNAPSHOT_RECORDS * (r.cpu_main_s + r.cpu_workers_s) / cores / r.size / 60 for r in group)
        print(
            f"{kind:>9} {size:>10,}: ratio {best.ratio:.1f} (spread {spread} over {len(group)}; CPU ratio "
            f"{min(r.cpu_ratio for r in group):.1f}), "
            f"{best.per_s:,.0f} abstracts/s, peak RSS {max(r.peak_rss_mb for r in group):,.0f} MB; "
            f"full snapshot ({SNAPSHOT_RECORDS:,}) at this rate: {minutes:.1f} min (lower bound from CPU: "
            f"{cpu_minutes:.1f} min)",
            file=out,
        )
    print(
        f"peak RSS measured with {rows[0].rss_method}; load = 1-minute load average before the build; CPU ratio ="
        " (CPU main + CPU workers) / cores used / floor CPU, a lower bound of the ratio that other load on the"
        " machine inflates less",
        file=out,
    )
    print(
        "full snapshot: the wall rate at this size, scaled linearly (the fixed start, ~1-2 s, weighs less at 2.7 M;"
        " finalize's sort grows a little faster than linearly): an estimate only on an otherwise idle machine,"
        " pessimistic under load. The CPU figure is (CPU main + CPU workers) / cores: a lower bound, reached only if"
        " the main process's work overlapped the workers' perfectly; its serial start and finalize do not (the"
        " main stages: benchmarks/profile_build.py)",
        file=out,
    )


def groups(rows: list[BuildRow]) -> dict[tuple[str, int], list[BuildRow]]:
    """The rows of each (corpus kind, size)."""
    out: dict[tuple[str, int], list[BuildRow]] = {}
    for r in rows:
        out.setdefault((r.kind, r.size), []).append(r)
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="50000", help="Corpus sizes, comma-separated (e.g. 50000,1000000).")
    ap.add_argument("--corpora", default=",".join(KINDS), help="Corpus kinds, comma-separated: " + ", ".join(KINDS))
    ap.add_argument("--repeat", type=int, default=1, help="Floor + build runs per size and corpus.")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="Extraction processes for build.")
    ap.add_argument("--out", type=Path, default=HERE / "out", help="Corpora, databases and results.json here.")
    ap.add_argument("--seed", type=int, default=0, help="Corpus random seed.")
    ap.add_argument("--query-rows", type=int, default=0, help="Results for the query timings (0: skip; 1000000).")
    ap.add_argument("--keep", action="store_true", help="Keep the built databases.")
    ap.add_argument("--filter-categories", default="", help="Pass --filter-categories to build (floor unchanged).")
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    kinds = [k.strip() for k in args.corpora.split(",") if k.strip()]
    if unknown := [k for k in kinds if k not in KINDS]:
        raise SystemExit(f"error: unknown corpus kind {unknown[0]!r} (known: {', '.join(KINDS)})")
    rows = []
    for size in sizes:
        for _ in range(args.repeat):
            for kind in kinds:
                row = bench_size(size, args.out, args.workers, args.seed, args.keep, args.filter_categories, kind)
                rows.append(row)
                print(
                    f"  {kind} {size:,}: floor {row.floor_s:.2f}s, build {row.build_s:.1f}s, ratio {row.ratio:.1f}, "
                    f"{row.per_s:,.0f} abstracts/s, peak RSS {row.peak_rss_mb:,.0f} MB",
                    file=sys.stderr,
                )
    print_build_table(rows, args.workers, args.filter_categories)
    report: dict[str, object] = {
        "builds": [asdict(r) for r in rows],
        "workers": args.workers,
        "filter_categories": args.filter_categories,
    }
    if args.query_rows:
        path = args.out / f"queries-{args.query_rows}.duckdb"
        path.unlink(missing_ok=True)
        finalize_s = make_results_db(path, args.query_rows)
        timings = time_queries(path)
        print_query_table(timings, args.query_rows, finalize_s)
        report["queries"] = [asdict(t) for t in timings]
        report["query_rows"] = args.query_rows
        report["query_finalize_s"] = finalize_s
    (args.out / "results.json").write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
