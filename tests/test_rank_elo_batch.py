"""Elo's bootstrap runs its rounds together (elo.batched_elo): the same draws and ratings as round by round."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from leaderboard.rank import estimators
from leaderboard.rank.elo import batched_elo, online_elo, shuffled_elo, shuffled_rows
from leaderboard.rank.graph import components
from leaderboard.rank.uncertainty import bootstrap_ratings


def _pairs(n_papers: int = 12, n_models: int = 9, seed: int = 5) -> pd.DataFrame:
    """Comparisons from papers that each compare a few models (the shape `build_comparisons` gives)."""
    rng = np.random.default_rng(seed)
    skill = rng.normal(size=n_models)
    rows = []
    for p in range(n_papers):
        models = rng.choice(n_models, 4, replace=False)
        for i in range(4):
            for j in range(i + 1, 4):
                a, b = models[i], models[j]
                win = rng.random() < 1 / (1 + np.exp(skill[b] - skill[a]))
                rows.append((f"m{a}", f"m{b}", "model_a" if win else "model_b", 1.0 + p % 3, f"p{p}"))
    return pd.DataFrame(rows, columns=["model_a", "model_b", "winner", "weight", "paper_id"])


def _setup(pairs: pd.DataFrame, method: str, orders: int = 7):
    codes, _ = pd.factorize(pd.concat([pairs.model_a, pairs.model_b], ignore_index=True))
    m = len(pairs)
    a, b, n = codes[:m], codes[m:], int(codes.max()) + 1
    s = pairs.winner.map({"model_a": 1.0, "model_b": 0.0, "tie": 0.5}).to_numpy()
    weight = pairs.weight.to_numpy(dtype=float)
    opts = dict(regularization=0.1, elo_k=4.0, elo_orders=orders, seed=3, weight=weight, order=np.arange(m))
    comp = components(n, a, b)
    return a, b, s, n, weight, comp, opts


@pytest.mark.parametrize("method", ["elo", "elo-shuffled"])
@pytest.mark.parametrize("by_paper", [True, False])
def test_batched_rounds_equal_round_by_round(method: str, by_paper: bool) -> None:
    pairs = _pairs()
    if not by_paper:  # battles: each round draws rows with replacement, so rounds drop different rows
        pairs = pairs.drop(columns="paper_id")
    a, b, s, n, weight, comp, opts = _setup(pairs, method)
    one = estimators.estimator(method, a, b, s, n, comp, opts)
    many = estimators.batch_estimator(method, a, b, s, n, opts)
    assert many is not None
    clusters = estimators.clusters(pairs)
    assert clusters.by_paper is by_paper
    full = one(weight, None)
    args = (full, weight, a, b, clusters, comp, 10, 11)
    slow = bootstrap_ratings(lambda w: one(w, full), *args)
    seen: list[tuple[int, int]] = []
    fast = bootstrap_ratings(lambda w: one(w, full), *args, progress=lambda d, t: seen.append((d, t)),
                             estimate_many=many, batch=4)  # fmt: skip
    np.testing.assert_allclose(fast, slow, rtol=0, atol=1e-9)
    assert seen == [(r, 10) for r in range(1, 11)]
    assert np.isfinite(fast).sum() > 0.9 * fast.size


def test_batched_elo_is_online_and_shuffled_elo() -> None:
    rng = np.random.default_rng(0)
    a = rng.integers(0, 6, 50)
    b = (a + rng.integers(1, 6, 50)) % 6
    s = rng.integers(0, 3, 50) / 2
    w = rng.random(50)
    got = batched_elo(np.arange(50)[:, None], a, b, s, np.stack([4 * w, 4 * w * 0, 8 * w], axis=1), 6, power=True)
    np.testing.assert_allclose(got[0], online_elo(a, b, s, 6, w), atol=1e-9)
    assert got[1].tolist() == [1000.0] * 6  # zero weight: no update at all
    np.testing.assert_allclose(got[2], online_elo(a, b, s, 6, w, k=8.0), atol=1e-9)
    rows = shuffled_rows(50, 5, seed=2)
    assert rows.shape == (50, 5) and sorted(rows[:, 3].tolist()) == list(range(50))
    np.testing.assert_allclose(shuffled_elo(a, b, s, 6, w, 5, seed=2), online_elo_mean(a, b, s, w, rows), atol=1e-9)


def online_elo_mean(a, b, s, w, rows) -> np.ndarray:
    return np.mean([online_elo(a[r], b[r], s[r], 6, w[r]) for r in rows.T], axis=0)


def test_batch_rounds_policy() -> None:
    opts = {"elo_orders": 100}
    assert estimators.batch_rounds("bt", 500, 10_000, 100, opts) == 1
    assert estimators.batch_rounds("elo-shuffled", 500, 10_000, 100, opts) == 25
    assert estimators.batch_rounds("elo-shuffled", 500, 10_000, 4, opts) == 1  # too few to pay
    assert estimators.batch_rounds("elo", 500, 10_000, 100, opts) == 100
    assert estimators.batch_rounds("elo", 500, 10_000, 20, opts) == 1
    assert estimators.batch_rounds("elo-shuffled", 20_000, 10_000, 100, opts) == 1  # over the memory budget
