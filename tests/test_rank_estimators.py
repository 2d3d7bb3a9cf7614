"""Estimators on battles from a known Bradley-Terry model: accuracy, Arena equivalence, coverage, Elo."""

import math

import choix
import numpy as np
import pandas as pd
import pytest
from scipy.optimize import minimize
from scipy.special import expit
from scipy.stats import kendalltau

from leaderboard.rank import rank_battles
from leaderboard.rank._threads import single_threaded_blas
from leaderboard.rank.bradley_terry import NATS_TO_ELO, aggregate_pairs, fit_bradley_terry
from leaderboard.rank.graph import components
from leaderboard.rank.uncertainty import hessian_variances

N_MODELS, N_BATTLES, TIE_RATE, SEED = 200, 20_000, 0.05, 20240601


def draw_battles(n_models=N_MODELS, n_battles=N_BATTLES, tie_rate=TIE_RATE, seed=SEED):
    """Arena-format battles from BT strengths ~ N(0, 1) (nats), random pairings, `tie_rate` ties."""
    rng = np.random.default_rng(seed)
    theta = rng.normal(size=n_models)
    a = rng.integers(0, n_models, n_battles)
    b = (a + rng.integers(1, n_models, n_battles)) % n_models
    a_wins = rng.random(n_battles) < expit(theta[a] - theta[b])
    tie = rng.random(n_battles) < tie_rate
    names = np.array([f"model-{i:03d}" for i in range(n_models)], dtype=object)
    winner = np.where(tie, "tie", np.where(a_wins, "model_a", "model_b"))
    battles = pd.DataFrame({"model_a": names[a], "model_b": names[b], "winner": winner})
    truth = pd.Series(theta, index=names)
    return battles, truth


@pytest.fixture(scope="module")
def data():
    return draw_battles()


@pytest.fixture(scope="module")
def fits(data):
    battles, _ = data
    return {
        "default": rank_battles(battles),
        "mle": rank_battles(battles, regularization=0.0),
        "elo": rank_battles(battles, method="elo"),
        "elo-shuffled": rank_battles(battles, method="elo-shuffled", elo_orders=20),
    }


def truth_on_elo_scale(truth: pd.Series, names) -> pd.Series:
    t = truth[list(names)]
    return (t - t.mean()) * NATS_TO_ELO + 1000.0


def tau(result, truth) -> float:
    table = result.table.set_index("method")
    return kendalltau(table["rating"], truth[table.index])[0]


def arena_reference(battles: pd.DataFrame) -> pd.Series:
    """Chatbot Arena's compute_mle_elo likelihood, written independently: one logistic row per battle (winner
    over loser), a tie as two rows (each side winning) of half weight, no penalty, fitted by scipy L-BFGS on
    log10-odds coefficients; rating = 400 * coef + 1000 with mean 1000."""
    models = sorted(set(battles.model_a) | set(battles.model_b))
    idx = {m: k for k, m in enumerate(models)}
    a = battles.model_a.map(idx).to_numpy()
    b = battles.model_b.map(idx).to_numpy()
    w = battles.winner.to_numpy()
    win = np.concatenate([a[w == "model_a"], b[w == "model_b"], a[w == "tie"], b[w == "tie"]])
    lose = np.concatenate([b[w == "model_a"], a[w == "model_b"], b[w == "tie"], a[w == "tie"]])
    weight = np.concatenate([np.ones((w != "tie").sum()), np.full(2 * (w == "tie").sum(), 0.5)])
    ln10 = math.log(10)

    def nll(beta):
        z = ln10 * (beta[win] - beta[lose])
        g = -weight * expit(-z) * ln10
        grad = np.zeros_like(beta)
        np.add.at(grad, win, g)
        np.add.at(grad, lose, -g)
        return float(np.sum(weight * np.logaddexp(0, -z))), grad

    with single_threaded_blas():  # scipy's optimisers make many small BLAS calls
        beta = minimize(nll, np.zeros(len(models)), jac=True, method="L-BFGS-B", options={"gtol": 1e-9}).x
    return pd.Series(400 * (beta - beta.mean()) + 1000, index=models)


def test_bt_recovers_the_true_order_as_well_as_the_mle(data, fits):
    _, truth = data
    t_default, t_mle = tau(fits["default"], truth), tau(fits["mle"], truth)
    assert t_mle == pytest.approx(0.896, abs=0.002)  # what this much data allows (seeded)
    assert abs(t_default - t_mle) < 0.005  # the default prior costs nothing here
    assert fits["default"].table["component"].eq(0).all()


def test_unpenalised_bt_matches_arena_within_one_rating_point(data, fits):
    battles, _ = data
    ref = arena_reference(battles)
    ours = fits["mle"].table.set_index("method")["rating"]
    assert np.abs(ours[ref.index] - ref).max() < 1.0


def test_penalised_bt_matches_choix_map_estimate():
    battles, _ = draw_battles(n_models=40, n_battles=2000, tie_rate=0.0, seed=7)
    codes, names = pd.factorize(pd.concat([battles.model_a, battles.model_b]))
    a, b = codes[: len(battles)], codes[len(battles) :]
    a_won = battles.winner.eq("model_a").to_numpy()
    data = [(int(x), int(y)) if aw else (int(y), int(x)) for x, y, aw in zip(a, b, a_won, strict=True)]
    ref = choix.opt_pairwise(len(names), data, alpha=0.5, tol=1e-10)  # choix: alpha*||theta||^2
    ours = fit_bradley_terry(aggregate_pairs(a, b, a_won.astype(float), np.ones(len(a)), len(names)), 1.0)
    assert np.abs((ours - ours.mean()) - (ref - ref.mean())).max() * NATS_TO_ELO < 0.05


def test_hessian_intervals_cover_the_truth_about_95_percent(data, fits):
    _, truth = data
    table = fits["default"].table.set_index("method")
    t = truth_on_elo_scale(truth, table.index)
    coverage = ((table.ci_lower <= t) & (t <= table.ci_upper)).mean()
    assert 0.90 <= coverage <= 0.99
    # each model plays ~200 battles with mean p(1-p) ~ 0.18 for N(0, 2) strength gaps: sd ~ 1/sqrt(36) nats
    width = (table.ci_upper - table.ci_lower).median()
    assert width == pytest.approx(2 * 1.96 * NATS_TO_ELO / math.sqrt(200 * 0.18), rel=0.1)


def test_rank_is_one_plus_methods_clearly_above(fits):
    table = fits["default"].table
    lower, upper = table.ci_lower.to_numpy(), table.ci_upper.to_numpy()
    expected = [1 + int((lower > u).sum()) for u in upper]
    assert table["rank"].tolist() == expected
    assert table["rank"].iloc[0] == 1 and table["rank"].is_monotonic_increasing


def test_elo_is_close_behind_bt(data, fits):
    _, truth = data
    t_bt = tau(fits["default"], truth)
    assert t_bt - 0.03 < tau(fits["elo"], truth) < t_bt + 0.01
    assert t_bt - 0.03 < tau(fits["elo-shuffled"], truth) < t_bt + 0.01
    ratings = fits["elo"].table.rating
    assert ratings.mean() == pytest.approx(1000.0)  # zero-sum updates around the initial 1000


def test_hutchinson_diagonal_agrees_with_the_exact_inverse(data):
    battles, _ = data
    codes, names = pd.factorize(pd.concat([battles.model_a, battles.model_b]))
    a, b = codes[: len(battles)], codes[len(battles) :]
    score = battles.winner.map({"model_a": 1.0, "model_b": 0.0, "tie": 0.5}).to_numpy()
    pairs = aggregate_pairs(a, b, score, np.ones(len(a)), len(names))
    theta = fit_bradley_terry(pairs, 0.1)
    comp = components(len(names), pairs.i, pairs.j)
    for anchor in (None, 3):
        exact, how_exact = hessian_variances(theta, pairs, 0.1, comp, anchor)
        approx, how = hessian_variances(theta, pairs, 0.1, comp, anchor, dense_limit=0, probes=64)
        assert (how_exact, how) == ("hessian exact", "hessian hutchinson(64 probes)")
        keep = exact > 0  # all but the anchor, whose variance is 0 by definition
        assert (exact == 0).sum() == (0 if anchor is None else 1) and approx[~keep].tolist() == exact[~keep].tolist()
        rel = np.sqrt(approx[keep]) / np.sqrt(exact[keep])
        assert np.abs(rel - 1).max() < 0.05  # interval widths within 5%
        assert np.abs(rel - 1).mean() < 0.015


def test_battle_bootstrap_intervals_are_close_to_the_hessian_ones(data):
    battles, truth = data
    boot = rank_battles(battles, ci="bootstrap", bootstrap_rounds=60, seed=1)
    assert boot.notes == ("95% intervals: 60 bootstrap rounds, resampling 20,000 comparisons",)
    boot = boot.table.set_index("method")
    hess = rank_battles(battles).table.set_index("method").loc[boot.index]
    ratio = ((boot.ci_upper - boot.ci_lower) / (hess.ci_upper - hess.ci_lower)).median()
    assert 0.85 < ratio < 1.1  # percentile tails from 60 rounds run a little narrow
    t = truth_on_elo_scale(truth, boot.index)
    assert 0.87 <= ((boot.ci_lower <= t) & (t <= boot.ci_upper)).mean() <= 0.99
