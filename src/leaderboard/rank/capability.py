"""A cross-benchmark capability index over reported magnitudes (`--method index`), in the spirit of Epoch AI's
Capabilities Index: an item-response model with one ability per method and a difficulty and slope per benchmark.

Items. An item is one comparability group (benchmark, metric, unit, setting; see `tables`). A method's value on an
item is the median of its reports there (pooled over papers and leaderboards). Values are normalised to [0, 1]
with the metric's direction: a metric whose values all lie in [0, 1] is taken as is, one in [0, 100] is divided by
100 (percentages), lower-is-better ones are flipped (1 - y); an unbounded metric (perplexity, FID, Elo) is
squashed by a logistic of its robust z-score (median, interquartile range) within the item. Only items that link
enough methods enter: an item needs `min_linked` methods that also appear on another entering item (repeated
until stable), and only the largest connected set of items and methods is ranked. The items of one benchmark
share a weight of 1, so a benchmark reported with five metrics does not count five times.

Model. y_mi ~ sigmoid(slope_i * (ability_m - difficulty_i)), fitted by weighted least squares (as Epoch's index)
with weak Gaussian priors (ability ~ N(0, 1), log slope ~ N(0, 1), difficulty ~ N(0, 2^2)) scaled by the residual
variance, by scipy L-BFGS with analytic gradients; the residual variance is estimated from a first fit. Abilities
are reported standardised (mean 0, standard deviation 1 over the ranked methods), so "1.0" is one standard
deviation above the average method.

Intervals. Paper-level bootstrap: papers are resampled, each value weighs the mean draw count of its papers, the
model is refitted from the full fit and standardised the same way, and the percentile interval is taken
(widened to reach the estimate when the resampled fits lean to one side, as for BT).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy.sparse import csr_matrix
from scipy.special import expit

from leaderboard.rank.tables import GROUP, SEP

MIN_LINKED = 3
PRIOR_DIFFICULTY_SD = 2.0


@dataclass(frozen=True)
class Cells:
    """One row per (method, item): normalised value y, item weight, and the papers behind the value."""

    method: np.ndarray  # method index
    item: np.ndarray  # item index
    y: np.ndarray
    weight: np.ndarray
    methods: np.ndarray  # method names
    items: pd.DataFrame  # benchmark, metric, unit, setting, methods
    papers: np.ndarray  # SEP-joined paper ids per cell


def normalise(values: np.ndarray, higher_is_better: bool) -> np.ndarray:
    """Oriented values mapped to [0, 1] (see the module docstring)."""
    v = np.asarray(values, dtype=float)
    if v.min() >= 0 and v.max() <= 1:
        y = v
    elif v.min() >= 0 and v.max() <= 100:
        y = v / 100.0
    else:
        o = v if higher_is_better else -v
        q1, med, q3 = np.percentile(o, [25, 50, 75])
        spread = (q3 - q1) / 1.349 or (np.std(o) or 1.0)
        return expit((o - med) / spread)
    return y if higher_is_better else 1.0 - y


def linked_items(cells: pd.DataFrame, min_linked: int) -> pd.DataFrame:
    """Cells of the items that link at least `min_linked` methods to other kept items (iterated)."""
    while len(cells):
        per_method = cells.groupby("m")["item"].nunique()
        linked = cells[cells["m"].map(per_method) >= 2].groupby("item")["m"].nunique()
        keep = linked[linked >= min_linked].index
        if len(keep) == cells["item"].nunique():
            break
        cells = cells[cells["item"].isin(keep)]
    return cells


def build_cells(entries: pd.DataFrame, min_linked: int = MIN_LINKED) -> Cells | None:
    """Cells from pooled entries (GROUP columns, m, value, dir, papers); None when no item links enough methods."""
    if entries.empty:
        return None
    frame = entries.copy()
    frame["item"] = frame.groupby(GROUP, sort=True).ngroup()
    frame = linked_items(frame, min_linked)
    if frame.empty:
        return None
    frame = _largest_connected(frame)
    frame["y"] = 0.0
    for _, idx in frame.groupby("item").groups.items():
        frame.loc[idx, "y"] = normalise(frame.loc[idx, "value"].to_numpy(), bool(frame.loc[idx[0], "dir"]))
    items = frame.groupby("item")[[*GROUP]].first()
    items["methods"] = frame.groupby("item")["m"].nunique()
    per_bench = items.groupby("benchmark_k").size()
    item_weight = 1.0 / items["benchmark_k"].map(per_bench)
    m_codes, m_names = pd.factorize(frame["m"], sort=True)
    i_codes, i_names = pd.factorize(frame["item"], sort=True)
    items = items.loc[i_names].reset_index(drop=True)
    return Cells(
        m_codes,
        i_codes,
        frame["y"].to_numpy(dtype=float),
        item_weight.loc[i_names].to_numpy()[i_codes],
        np.asarray(m_names, dtype=object),
        items,
        frame["papers"].to_numpy(),
    )


def _largest_connected(frame: pd.DataFrame) -> pd.DataFrame:
    from scipy.sparse.csgraph import connected_components

    m_codes, _ = pd.factorize(frame["m"])
    i_codes, _ = pd.factorize(frame["item"])
    n_m = int(m_codes.max()) + 1
    n = n_m + int(i_codes.max()) + 1
    graph = csr_matrix((np.ones(len(frame)), (m_codes, n_m + i_codes)), shape=(n, n))
    _, labels = connected_components(graph, directed=False)
    biggest = np.bincount(labels[m_codes]).argmax()
    return frame[labels[m_codes] == biggest].copy()


def _residuals(params: np.ndarray, c: Cells, sw: np.ndarray, n_m: int, n_i: int, noise: float) -> np.ndarray:
    """sqrt(weight) * (prediction - y), then the priors as residuals scaled by the noise."""
    theta, log_a, d = params[:n_m], params[n_m : n_m + n_i], params[n_m + n_i :]
    p = expit(np.exp(log_a)[c.item] * (theta[c.method] - d[c.item]))
    return np.concatenate([sw * (p - c.y), noise * theta, noise * log_a, noise * d / PRIOR_DIFFICULTY_SD])


def fit(c: Cells, w: np.ndarray, noise: float, init: np.ndarray | None = None, max_iter: int = 200) -> np.ndarray:
    """Parameters [ability per method, log slope per item, difficulty per item]: weighted least squares with the
    priors as extra residuals, by Levenberg-Marquardt on the normal equations, with the (diagonal) ability
    block eliminated first (Schur complement, as in bundle adjustment): each step solves a dense system of
    only 2 x items unknowns, so a fit costs milliseconds even for thousands of methods."""
    n_m, n_i = len(c.methods), len(c.items)
    x = np.zeros(n_m + 2 * n_i) if init is None else np.asarray(init, dtype=float).copy()
    sw = np.sqrt(w)
    prior = np.concatenate([np.full(n_m + n_i, noise), np.full(n_i, noise / PRIOR_DIFFICULTY_SD)]) ** 2
    cost = 0.5 * float(np.sum(_residuals(x, c, sw, n_m, n_i, noise) ** 2))
    damping = 1e-3
    for _ in range(max_iter):
        theta, log_a, d = x[:n_m], x[n_m : n_m + n_i], x[n_m + n_i :]
        a = np.exp(log_a)[c.item]
        z = a * (theta[c.method] - d[c.item])
        p = expit(z)
        r = sw * (p - c.y)
        g = sw * p * (1.0 - p)
        j_t, j_la, j_d = g * a, g * z, -g * a  # Jacobian entries of each value's residual
        diag_t = np.bincount(c.method, j_t * j_t, minlength=n_m) + prior[:n_m]
        c_aa = np.bincount(c.item, j_la * j_la, minlength=n_i) + prior[n_m : n_m + n_i]
        c_dd = np.bincount(c.item, j_d * j_d, minlength=n_i) + prior[n_m + n_i :]
        c_ad = np.bincount(c.item, j_la * j_d, minlength=n_i)
        grad = x * prior  # J^T r: the priors' part, then the values'
        grad[:n_m] += np.bincount(c.method, j_t * r, minlength=n_m)
        grad[n_m : n_m + n_i] += np.bincount(c.item, j_la * r, minlength=n_i)
        grad[n_m + n_i :] += np.bincount(c.item, j_d * r, minlength=n_i)
        cols = np.concatenate([c.item, n_i + c.item])
        b_vals = np.concatenate([j_t * j_la, j_t * j_d])
        flat = np.tile(c.method, 2) * (2 * n_i) + cols
        b_mat = np.bincount(flat, b_vals, minlength=n_m * 2 * n_i).reshape(n_m, 2 * n_i)
        while True:
            a_inv = 1.0 / (diag_t * (1.0 + damping))
            schur = -(b_mat.T @ (b_mat * a_inv[:, None]))
            idx = np.arange(n_i)
            schur[idx, idx] += c_aa * (1.0 + damping)
            schur[n_i + idx, n_i + idx] += c_dd * (1.0 + damping)
            schur[idx, n_i + idx] += c_ad
            schur[n_i + idx, idx] += c_ad
            rhs_phi = -grad[n_m:] + b_mat.T @ (a_inv * grad[:n_m])
            try:
                step_phi = np.linalg.solve(schur, rhs_phi)
            except np.linalg.LinAlgError:
                damping *= 10.0
                continue
            step_t = a_inv * (-grad[:n_m] - b_mat @ step_phi)
            trial = x + np.concatenate([step_t, step_phi])
            new_cost = 0.5 * float(np.sum(_residuals(trial, c, sw, n_m, n_i, noise) ** 2))
            if new_cost <= cost or damping > 1e12:
                break
            damping *= 10.0
        done = cost - new_cost <= 1e-9 * max(cost, 1e-300) or np.max(np.abs(trial - x)) < 1e-6
        if new_cost <= cost:
            x, cost = trial, new_cost
            damping = max(damping / 10.0, 1e-9)
        if done:
            break
    return x


def residual_noise(c: Cells, params: np.ndarray) -> float:
    """Root weighted mean squared residual of a fit (floored, so a perfect fit keeps the priors meaningful)."""
    n_m, n_i = len(c.methods), len(c.items)
    theta, a, d = params[:n_m], np.exp(params[n_m : n_m + n_i]), params[n_m + n_i :]
    r = expit(a[c.item] * (theta[c.method] - d[c.item])) - c.y
    return max(float(np.sqrt(np.sum(c.weight * r * r) / np.sum(c.weight))), 0.005)


def standardise(theta: np.ndarray, present: np.ndarray | None = None) -> np.ndarray:
    """Abilities with mean 0 and standard deviation 1 over the (present) methods."""
    sel = theta if present is None else theta[present]
    sd = float(sel.std()) or 1.0
    return (theta - sel.mean()) / sd


@dataclass(frozen=True)
class IndexFit:
    """The fitted index: standardised ability per method with interval, and the items' parameters."""

    methods: np.ndarray
    ability: np.ndarray
    lower: np.ndarray
    upper: np.ndarray
    widened: int
    items: pd.DataFrame  # GROUP columns, methods, slope, difficulty
    cells: Cells
    papers: int


def fit_index(
    c: Cells,
    rounds: int = 200,
    seed: int = 0,
    level: float = 0.95,
    progress: Callable[[int, int], None] | None = None,
) -> IndexFit:
    """Fit the index and its paper-level bootstrap intervals (`rounds` 0: no intervals)."""
    n_m, n_i = len(c.methods), len(c.items)
    first = fit(c, c.weight, 0.05)
    noise = residual_noise(c, first)
    params = fit(c, c.weight, noise, first)
    ability = standardise(params[:n_m])
    parts = pd.Series(list(c.papers)).str.split(SEP).explode()
    codes, names = pd.factorize(parts)
    share = 1.0 / parts.groupby(level=0).size()
    member = csr_matrix((share.loc[parts.index].to_numpy(), (parts.index.to_numpy(), codes)),
                        shape=(len(c.y), len(names)))  # fmt: skip
    rng = np.random.default_rng(seed)
    draws = np.full((rounds, n_m), np.nan)
    for r in range(rounds):
        counts = np.bincount(rng.integers(0, len(names), len(names)), minlength=len(names)).astype(float)
        w = c.weight * (member @ counts)
        present = np.bincount(c.method, w, minlength=n_m) > 0
        theta = fit(c, w, noise, params)[:n_m]
        draws[r] = np.where(present, standardise(theta, present), np.nan)
        if progress is not None:
            progress(r + 1, rounds)
    q = (1 - level) / 2
    if rounds:
        with np.errstate(all="ignore"):
            lo, hi = np.nanquantile(draws, q, axis=0), np.nanquantile(draws, 1 - q, axis=0)
        lo, hi = np.where(np.isnan(lo), ability, lo), np.where(np.isnan(hi), ability, hi)
    else:
        lo, hi = ability.copy(), ability.copy()
    widened = int(np.sum((lo > ability) | (hi < ability)))
    raw = params[:n_m]  # item parameters on the standardised ability scale
    sd = float(raw.std()) or 1.0
    items = c.items.assign(
        slope=np.exp(params[n_m : n_m + n_i]) * sd, difficulty=(params[n_m + n_i :] - raw.mean()) / sd
    )
    return IndexFit(c.methods, ability, np.minimum(lo, ability), np.maximum(hi, ability), widened, items, c,
                    len(names))  # fmt: skip
