"""The CPU of `leaderboard build` with two versions of the code, alternating in one run on the same corpus.

Other load on a shared machine stretches wall time several-fold, and even CPU time a little; alternating the two
versions, round after round, gives both the same conditions. `--before` is a git revision: its `src/` is
exported (git archive) to a temporary folder and put first on PYTHONPATH, so the same interpreter and installed
packages run both. "after" is the working tree. Each build's CPU of the main process and of its workers comes
from benchmarks/measure.py; the summary gives each version's best and median, per record.

    python benchmarks/ab_build.py --before main --limit 20000 --rounds 2
    python benchmarks/ab_build.py --before b5cacbd benchmarks/out/arxiv-50000-seed0-dense.jsonl --limit 10000
"""

from __future__ import annotations

import argparse
import itertools
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from measure import run_measured  # noqa: E402

ROOT = HERE.parent


def export_src(revision: str, into: Path) -> Path:
    """`src/` of `revision`, extracted under `into`; returns the folder to put on PYTHONPATH."""
    archive = into / "src.tar"
    with archive.open("wb") as fh:
        subprocess.run(["git", "-C", str(ROOT), "archive", revision, "src"], stdout=fh, check=True)
    with tarfile.open(archive) as tar:
        tar.extractall(into, filter="data")
    return into / "src"


def first_lines(corpus: Path, limit: int, into: Path) -> Path:
    """The first `limit` records of `corpus` (all of it when limit is 0)."""
    if not limit:
        return corpus
    out = into / f"first{limit}.jsonl"
    with corpus.open("rb") as src, out.open("wb") as dst:
        dst.writelines(itertools.islice(src, limit))
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path, nargs="?", default=HERE / "out" / "arxiv-1000000-seed0.jsonl")
    ap.add_argument("--before", default="main", help="Git revision of the code to compare with (default: main).")
    ap.add_argument("--limit", type=int, default=20_000, help="Records of the corpus to build (0: all).")
    ap.add_argument("--rounds", type=int, default=2, help="Before/after pairs (the order alternates).")
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="ab_build-") as tmp:
        tmpdir = Path(tmp)
        before_src = export_src(args.before, tmpdir)
        corpus = first_lines(args.corpus, args.limit, tmpdir)
        records = sum(1 for _ in corpus.open("rb"))
        paths = {"before": str(before_src), "after": str(ROOT / "src")}
        cpu: dict[str, list[tuple[float, float]]] = {"before": [], "after": []}
        for n in range(args.rounds):
            for side in ("before", "after") if n % 2 == 0 else ("after", "before"):
                env = {**os.environ, "PYTHONPATH": paths[side]}
                db = tmpdir / f"{side}.duckdb"
                cmd = [sys.executable, "-m", "leaderboard", "build", str(corpus), "--db", str(db), "--quiet"]
                m = run_measured([*cmd, "--workers", str(args.workers)], cwd=tmpdir, env=env)
                if m.returncode != 0:
                    raise SystemExit(f"{side} build failed ({m.returncode}):\n{m.stderr}")
                cpu[side].append((m.cpu_main, m.cpu_children))
                load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
                print(
                    f"round {n + 1} {side:>6}: wall {m.seconds:6.1f} s, CPU main {m.cpu_main:6.2f} s, workers "
                    f"{m.cpu_children:6.2f} s, peak RSS {m.peak_rss / 2**20:5.0f} MB, load {load:.1f}",
                    flush=True,
                )
    print(f"\n{records:,} records, {args.workers} workers; CPU per record (us), best / median of {args.rounds}:")
    for side, runs in cpu.items():
        per = [(main_s + workers_s) / records * 1e6 for main_s, workers_s in runs]
        mains = [main_s / records * 1e6 for main_s, _ in runs]
        workers = [workers_s / records * 1e6 for _, workers_s in runs]
        print(
            f"  {side:>6} ({args.before if side == 'before' else 'working tree'}): total {min(per):.0f} / "
            f"{statistics.median(per):.0f}, main {min(mains):.0f} / {statistics.median(mains):.0f}, workers "
            f"{min(workers):.0f} / {statistics.median(workers):.0f}"
        )


if __name__ == "__main__":
    main()
