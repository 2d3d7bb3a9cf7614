"""The Rankings page says how long a bootstrap will take before it runs one (page_rankings.bootstrap_estimate):
the analytic run's time plus ROUNDS refits at ROUND_COST point fits each. The per-model costs are measured by
`python benchmarks/bench_round_cost.py` (a benchmark script, not a timed test: it compares the estimate with the
bootstrap run, within a factor of 1.5, on the seeds and on the Papers with Code SQuAD1.1 F1 table)."""

from __future__ import annotations

import time

import duckdb
import pandas as pd
import pytest

from leaderboard.app.page_rankings import ESTIMATORS, ROUND_COST, ROUNDS, bootstrap_estimate, rank_options
from leaderboard.rank.api import rank_results


def test_every_page_model_has_a_round_cost() -> None:
    assert set(ESTIMATORS) <= set(ROUND_COST)
    assert all(0 < c <= 2 for c in ROUND_COST.values())


@pytest.mark.parametrize(
    ("model", "expected"),
    [
        ("bt", 0.4 + ROUNDS * 0.5 * 0.02),
        ("elo", 0.4 + ROUNDS * 1.0 * 0.02),
        ("elo-shuffled", 0.4 + ROUNDS * 0.13 * 0.02),
    ],
)
def test_estimate_is_the_analytic_run_plus_the_refits(model: str, expected: float) -> None:
    assert bootstrap_estimate(0.4, 0.02, model) == pytest.approx(expected)


def test_unknown_model_costs_one_point_fit_a_round() -> None:
    assert bootstrap_estimate(1.0, 0.05, "no-such-model") == pytest.approx(1.0 + ROUNDS * 0.05)


def test_shuffled_elo_is_estimated_cheaper_than_plain_elo() -> None:
    """Shuffled Elo's rounds are batched (one vectorised pass for all rounds): cheaper per round than plain Elo."""
    assert bootstrap_estimate(0.1, 0.01, "elo-shuffled") < bootstrap_estimate(0.1, 0.01, "elo")


@pytest.mark.parametrize("model", ["bt", "elo"])
def test_ranking_reports_its_point_fit_time(seed_db, model: str) -> None:
    """The estimate needs the point fit's own seconds: a positive share of the whole analytic run."""
    with duckdb.connect(str(seed_db), read_only=True) as con:
        rows: pd.DataFrame = con.execute("SELECT * FROM results").df()
    start = time.perf_counter()
    point = rank_results(rows, **rank_options(model, "hessian", True))
    total = time.perf_counter() - start
    assert 0 < point.fit_seconds <= total
