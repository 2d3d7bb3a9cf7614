"""Time the ranking engine on synthetic Bradley-Terry battles and print the figures.

    python benchmarks/bench_rank.py            # 10,000 methods x 1,000,000 comparisons; 1,000 x 200 bootstrap
    python benchmarks/bench_rank.py --quick    # a smaller run for a smoke test

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
    pairs = timed(
        "deduplicate into weighted pairs", lambda: aggregate_pairs(a, b, score, np.ones(len(a)), n_models)
    )
    print(f"  {len(pairs.i):,} distinct pairs")
    fit = timed("fit (penalised ML, L-BFGS)", lambda: fit_bradley_terry(pairs, DEFAULT_REGULARIZATION))
    comp = timed("connected components", lambda: components(n_models, pairs.i, pairs.j))
    var, how = timed(
        "95% intervals (Hessian)", lambda: hessian_variances(fit, pairs, DEFAULT_REGULARIZATION, comp)
    )
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="1,000 x 100,000 and 200 x 20,000 x 50 rounds")
    args = parser.parse_args()
    with single_threaded_blas():  # as rank_pairs does (see leaderboard/rank/_threads.py)
        if args.quick:
            bench_large(1_000, 100_000)
            bench_bootstrap(200, 20_000, 50)
        else:
            bench_large(10_000, 1_000_000)
            bench_bootstrap(1_000, 100_000, 200)


if __name__ == "__main__":
    main()
