"""How well the Rankings page's bootstrap time estimate matches the bootstrap run, per rating model.

    python benchmarks/bench_round_cost.py                   # seeds, squad.json, nlp-progress.json; 2 repeats
    python benchmarks/bench_round_cost.py --models bt,elo --sources squad.json --repeat 3

The page times its analytic run (the query, then `rank_results` with the Hessian intervals, and the stability
refits for Bradley-Terry), keeps the point fit's own time (`RankingResult.fit_seconds`) and, before it starts a
bootstrap, estimates it as `analytic seconds + ROUNDS x ROUND_COST[model] x fit seconds`
(page_rankings.bootstrap_estimate). This script runs both as the page does, on the scope the page opens on (the
benchmark and metric of rank_default.sql; the capability index always ranks all benchmarks), and prints what a
round costs in point fits ((bootstrap - analytic) / ROUNDS / fit) next to ROUND_COST, and the estimate over the
measured bootstrap time. Wall times, least of `--repeat`: compare only within one run on a busy machine.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from leaderboard.app.page_rankings import ROUND_COST, ROUNDS, bootstrap_estimate, rank_options  # noqa: E402
from leaderboard.pipeline import BuildOptions, build  # noqa: E402
from leaderboard.rank.api import rank_results  # noqa: E402

SQL = ROOT / "src" / "leaderboard" / "app" / "sql"
SOURCES = {
    "seeds": ROOT / "seeds",
    "squad.json": ROOT / "tests" / "data" / "pwc" / "squad.json",
    "nlp-progress.json": ROOT / "tests" / "data" / "pwc" / "nlp-progress.json",
}
MODELS = ("bt", "elo", "elo-shuffled", "pl", "index")


def page_scope(db: Path, model: str) -> dict[str, list[str]]:
    """The benchmarks and metrics the page ranks first (all for the index, or when no default exists)."""
    with duckdb.connect(str(db), read_only=True) as con:
        row = con.execute((SQL / "rank_default.sql").read_text(encoding="utf-8")).fetchone()
    if model == "index" or row is None:
        return {"benchmarks": [], "metrics": []}
    return {"benchmarks": [row[0]], "metrics": [row[1]]}


def measure(db: Path, model: str, repeat: int) -> tuple[float, float, float, int]:
    """(analytic run with its query, its point fit, bootstrap run on the fetched rows, rows) in seconds, as the
    page runs them; the least of `repeat` runs each."""
    params = page_scope(db, model)
    sql = (SQL / "rank_input.sql").read_text(encoding="utf-8")

    def fetch():
        with duckdb.connect(str(db), read_only=True) as con:
            return con.execute(sql, params).df()

    rows = fetch()
    point, fit, boot = [], [], []
    for _ in range(repeat):
        start = time.perf_counter()
        result = rank_results(fetch(), **rank_options(model, "hessian", True))
        point.append(time.perf_counter() - start)
        fit.append(result.fit_seconds)
        start = time.perf_counter()
        rank_results(rows, **rank_options(model, "bootstrap", True))
        boot.append(time.perf_counter() - start)
    return min(point), min(fit), min(boot), len(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--models", default=",".join(MODELS), help="comma-separated rating models")
    parser.add_argument("--sources", default=",".join(SOURCES), help="comma-separated databases")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        print(f"{'database':<18} {'rows':>5} {'model':<13} {'analytic s':>10} {'fit s':>7} {'bootstrap s':>11} "
              f"{'round/fit':>9} {'ROUND_COST':>10} {'estimate/actual':>15}")  # fmt: skip
        for name in args.sources.split(","):
            db = Path(tmp) / f"{name}.duckdb"
            build(BuildOptions(sources=[SOURCES[name]], db=db, progress=False, workers=1))
            for model in args.models.split(","):
                point, fit, boot, n = measure(db, model, args.repeat)
                per_fit = (boot - point) / ROUNDS / fit if fit else float("nan")
                ratio = bootstrap_estimate(point, fit, model) / boot
                print(f"{name:<18} {n:>5} {model:<13} {point:10.3f} {fit:7.4f} {boot:11.2f} {per_fit:9.2f} "
                      f"{ROUND_COST.get(model, 1.0):10.2f} {ratio:15.2f}", flush=True)  # fmt: skip


if __name__ == "__main__":
    main()
