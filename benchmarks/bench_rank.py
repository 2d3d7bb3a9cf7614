"""Time the ranking engine on synthetic Bradley-Terry battles and print the figures.

    python benchmarks/bench_rank.py            # 10,000 methods x 1,000,000 comparisons; 1,000 x 200 bootstrap
    python benchmarks/bench_rank.py --quick    # a smaller run for a smoke test
    python benchmarks/bench_rank.py --real DB  # every Rankings-page setting on a built database, with quality
                                               # figures for SQuAD1.1 F1 when the database has squad.json

Targets on the project's 2-core machine: BT fit under 10 s and intervals under 5 s for 10k x 1M.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
from scipy.special import expit
from scipy.stats import kendalltau

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from leaderboard.rank._threads import single_threaded_blas  # noqa: E402
from leaderboard.rank.api import rank_battles  # noqa: E402
from leaderboard.rank.bradley_terry import (  # noqa: E402
    DEFAULT_REGULARIZATION,
    aggregate_pairs,
    fit_bradley_terry,
)
from leaderboard.rank.graph import components  # noqa: E402
from leaderboard.rank.uncertainty import hessian_variances  # noqa: E402


def battles(n_models: int, n_battles: int, seed: int) -> tuple[np.ndarray, ...]:
    """Random pairings of models with outcomes from a BT model (strengths ~ N(0, 1)), 5% ties."""
    rng = np.random.default_rng(seed)
    theta = rng.normal(size=n_models)
    a = rng.integers(0, n_models, n_battles)
    b = (a + rng.integers(1, n_models, n_battles)) % n_models
    score = (rng.random(n_battles) < expit(theta[a] - theta[b])).astype(float)
    score[rng.random(n_battles) < 0.05] = 0.5
    return theta, a, b, score


def timed(label: str, fn):
    start = time.perf_counter()
    out = fn()
    print(f"{label:<52s} {time.perf_counter() - start:7.2f} s", flush=True)
    return out


def bench_large(n_models: int, n_battles: int) -> None:
    print(f"== Bradley-Terry, {n_models:,} methods x {n_battles:,} comparisons ==")
    theta, a, b, score = battles(n_models, n_battles, seed=0)
    pairs = timed("deduplicate into weighted pairs", lambda: aggregate_pairs(a, b, score, np.ones(len(a)), n_models))
    print(f"  {len(pairs.i):,} distinct pairs")
    fit = timed("fit (penalised ML, L-BFGS)", lambda: fit_bradley_terry(pairs, DEFAULT_REGULARIZATION))
    comp = timed("connected components", lambda: components(n_models, pairs.i, pairs.j))
    var, how = timed("95% intervals (Hessian)", lambda: hessian_variances(fit, pairs, DEFAULT_REGULARIZATION, comp))
    print(f"  intervals by {how}; Kendall tau vs truth {kendalltau(fit, theta)[0]:.4f}")
    names = np.array([f"m{i:05d}" for i in range(n_models)], dtype=object)
    frame = pd.DataFrame(
        {
            "model_a": names[a],
            "model_b": names[b],
            "winner": np.select([score == 1, score == 0], ["model_a", "model_b"], "tie"),
        }
    )
    timed("rank_battles end to end (fit + intervals + table)", lambda: rank_battles(frame))


def bench_bootstrap(n_models: int, n_battles: int, rounds: int) -> None:
    print(f"== Bootstrap, {n_models:,} methods x {n_battles:,} comparisons x {rounds} rounds ==")
    theta, a, b, score = battles(n_models, n_battles, seed=1)
    names = np.array([f"m{i:04d}" for i in range(n_models)], dtype=object)
    frame = pd.DataFrame(
        {
            "model_a": names[a],
            "model_b": names[b],
            "winner": np.select([score == 1, score == 0], ["model_a", "model_b"], "tie"),
        }
    )
    res = timed(
        f"rank_battles(ci='bootstrap', bootstrap_rounds={rounds})",
        lambda: rank_battles(frame, ci="bootstrap", bootstrap_rounds=rounds),
    )
    width = (res.table["ci_upper"] - res.table["ci_lower"]).median()
    print(f"  median 95% interval width {width:.1f} rating points")


def synthetic_results(n_papers: int, n_methods: int, n_benchmarks: int, seed: int) -> pd.DataFrame:
    """A `results`-shaped table: each paper reports 3-8 methods on 1-3 benchmarks, values from a latent skill
    plus paper noise, written with one decimal; a third of the benchmarks are lower-is-better."""
    rng = np.random.default_rng(seed)
    skill = rng.normal(size=n_methods)
    rows: dict[str, list] = {k: [] for k in ("paper_id", "method", "benchmark", "metric", "value", "value_text")}
    rows.update(higher_is_better=[], is_own_method=[], published=[])
    for p in range(n_papers):
        date = f"{2015 + p * 10 // n_papers}-{1 + p % 12:02d}-01"
        methods = rng.choice(n_methods, rng.integers(3, 9), replace=False)
        for bench in rng.choice(n_benchmarks, rng.integers(1, 4), replace=False):
            hib = bench % 3 != 0
            for k, m in enumerate(methods):
                v = round(50 + 10 * (skill[m] if hib else -skill[m]) + rng.normal(0, 3), 1)
                rows["paper_id"].append(f"p{p}")
                rows["method"].append(f"method-{m}")
                rows["benchmark"].append(f"bench-{bench}")
                rows["metric"].append("score")
                rows["value"].append(v)
                rows["value_text"].append(f"{v:.1f}")
                rows["higher_is_better"].append(hib)
                rows["is_own_method"].append(k == 0)
                rows["published"].append(date)
    return pd.DataFrame(rows)


def bench_results(n_papers: int, n_methods: int, n_benchmarks: int) -> None:
    from leaderboard.rank.api import rank_results
    from leaderboard.rank.comparisons import build_comparisons

    print(f"== Results pipeline, {n_papers:,} papers, {n_methods:,} methods, {n_benchmarks} benchmarks ==")
    df = synthetic_results(n_papers, n_methods, n_benchmarks, seed=2)
    print(f"  {len(df):,} result rows")
    comp = timed("results -> weighted pairs (within + cross-paper)", lambda: build_comparisons(df, {}))
    print(f"  {len(comp.pairs):,} pairs, {int(comp.pairs.cross_paper.sum()):,} of them cross-paper")
    timed("rank_results (bt, hessian) end to end", lambda: rank_results(df, aliases={}))
    timed("rank_results (bt, bootstrap over papers, 100 rounds)",
          lambda: rank_results(df, aliases={}, ci="bootstrap", bootstrap_rounds=100))  # fmt: skip


def bench_elo_bootstrap(n_papers: int, n_methods: int, n_benchmarks: int, rounds: int) -> None:
    """Elo's bootstrap over papers (the dashboard's Rankings page with 'bootstrap over papers')."""
    from leaderboard.rank.api import rank_results

    print(f"== Elo bootstrap, {n_papers:,} papers, {n_methods:,} methods, {rounds} rounds ==")
    df = synthetic_results(n_papers, n_methods, n_benchmarks, seed=3)
    for method in ("elo", "elo-shuffled"):
        out = timed(
            f"rank_results({method}, bootstrap over papers)",
            lambda m=method: rank_results(df, aliases={}, method=m, ci="bootstrap", bootstrap_rounds=rounds),
        )
        t = out.table
        print(f"  {len(t)} methods, median 95% width {(t.ci_upper - t.ci_lower).median():.3f}, "
              f"sum of bounds {t.ci_lower.sum() + t.ci_upper.sum():.6f}")  # fmt: skip


def bench_real(db: Path) -> None:
    """Each estimator x interval on one benchmark (SQuAD1.1 F1) and on everything, as the Rankings page runs them."""
    import duckdb
    from scipy.stats import spearmanr

    from leaderboard.rank.api import rank_results
    from leaderboard.rank.methods import canonical_names, resolve_aliases

    sql = Path(__file__).resolve().parents[1] / "src" / "leaderboard" / "rank" / "sql" / "rank_input.sql"
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute(sql.read_text(encoding="utf-8")).df()
    sub = rows[(rows.benchmark == "SQuAD1.1") & (rows.metric == "F1") & rows.method.notna()]
    f1 = sub.assign(m=canonical_names(sub.method, resolve_aliases(None)).to_numpy()).groupby("m").value.max()
    for scope, options in (("SQuAD1.1 F1", {"benchmark": "SQuAD1.1", "metric": "F1"}), ("all benchmarks", {})):
        for method in ("bt", "elo", "elo-shuffled", "index"):
            for ci in ("hessian", "bootstrap"):
                if method == "index" and (ci == "hessian" or scope != "all benchmarks"):
                    continue
                start = time.perf_counter()
                out = rank_results(rows, method=method, ci=ci, bootstrap_rounds=100, **options)
                took = time.perf_counter() - start
                t = out.table
                extra = ""
                if scope.startswith("SQuAD") and len(f1):
                    rho = spearmanr(t.rating, t.method.map(f1)).statistic
                    inside = ((t.ci_lower <= t.rating) & (t.rating <= t.ci_upper)).mean()
                    groups = t["rank"].nunique()
                    extra = (f", Spearman with F1 {rho:.4f}, first {t.method.iloc[0]!r}, {groups} rank groups, "
                             f"{inside:.0%} of intervals contain the rating")  # fmt: skip
                print(f"{scope:>15} {method:>12} {ci:>9}: {took:6.1f} s, {len(t)} methods{extra}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="1,000 x 100,000 and 200 x 20,000 x 50 rounds")
    parser.add_argument("--elo", action="store_true", help="only Elo's bootstrap (120 papers, 100 rounds)")
    parser.add_argument("--real", type=Path, default=None, help="time every ranking setting on this database")
    args = parser.parse_args()
    if args.real is not None:
        with single_threaded_blas():
            bench_real(args.real)
        return
    if args.elo:
        with single_threaded_blas():
            bench_elo_bootstrap(120, 30, 5, 100)
        return
    with single_threaded_blas():  # as rank_pairs does (see leaderboard/rank/_threads.py)
        if args.quick:
            bench_large(1_000, 100_000)
            bench_bootstrap(200, 20_000, 50)
            bench_results(500, 100, 10)
            bench_elo_bootstrap(60, 20, 4, 16)
        else:
            bench_large(10_000, 1_000_000)
            bench_bootstrap(1_000, 100_000, 200)
            bench_results(5_000, 1_000, 50)
            bench_elo_bootstrap(120, 30, 5, 100)


if __name__ == "__main__":
    main()
