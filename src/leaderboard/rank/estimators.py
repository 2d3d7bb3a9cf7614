"""The estimators behind `rank_pairs`: one function per method turning row weights into strengths (nats).

Each `estimator(...)` returns `estimate(row_weights, init) -> theta`, so the full fit and every bootstrap
round (reweighted rows) use the same code. Elo's update scale works with fractional weights: each update's K
is scaled by the row's weight relative to the mean weight of the full data, so weights set the relative
pull of comparisons and K keeps its meaning (a comparison of average weight moves the ratings by K).
`clusters(pairs)` says what the bootstrap resamples (see uncertainty.Clusters).
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
import pandas as pd
from scipy.sparse import csr_matrix

from leaderboard.rank.bradley_terry import INIT_RATING, NATS_TO_ELO, fit_bradley_terry
from leaderboard.rank.elo import batched_elo, online_elo, shuffled_elo, shuffled_rows
from leaderboard.rank.plackett_luce import fit_plackett_luce, table_rankings
from leaderboard.rank.tables import SEP
from leaderboard.rank.uncertainty import Clusters


def date_order(pairs: pd.DataFrame) -> np.ndarray:
    """Row order for Elo: by date (undated rows last), then as given."""
    if "date" not in pairs.columns:
        return np.arange(len(pairs))
    dates = pd.to_datetime(pairs["date"], errors="coerce")
    return np.lexsort((np.arange(len(pairs)), dates.isna().to_numpy(), dates.to_numpy()))


def estimator(
    method: str, a: np.ndarray, b: np.ndarray, s: np.ndarray, n: int, component: np.ndarray, opts: dict
) -> Callable[[np.ndarray, np.ndarray | None], np.ndarray]:
    """estimate(row_weights, init) -> strengths in nats, for the chosen method."""
    reg = opts["regularization"]
    if method == "bt":
        index = opts["pair_index"]

        def fit_bt(w: np.ndarray, init: np.ndarray | None) -> np.ndarray:
            return fit_bradley_terry(index.data(s, w), reg, init=init)

        return fit_bt
    if method in ("elo", "elo-shuffled"):
        order = opts["order"]
        positive = opts["weight"][opts["weight"] > 0]
        unit = float(positive.mean()) if len(positive) else 1.0

        def fit_elo(w: np.ndarray, init: np.ndarray | None) -> np.ndarray:
            o = order[w[order] > 0]
            wo = w[o] / unit
            if method == "elo":
                r = online_elo(a[o], b[o], s[o], n, wo, k=opts["elo_k"])
            else:
                r = shuffled_elo(a[o], b[o], s[o], n, wo, opts["elo_orders"], opts["seed"], k=opts["elo_k"])
            return (r - INIT_RATING) / NATS_TO_ELO

        return fit_elo
    block = opts["block"]

    def fit_pl(w: np.ndarray, init: np.ndarray | None) -> np.ndarray:
        rep = np.rint(w / np.maximum(opts["weight"], 1e-300)).astype(np.int64)
        rows = np.repeat(np.arange(len(a)), rep)
        copy = np.arange(len(rows)) - np.repeat(np.cumsum(rep) - rep, rep)
        blocks = block[rows] * (int(rep.max(initial=1)) + 1) + copy
        return fit_plackett_luce(table_rankings(a[rows], b[rows], s[rows], blocks), n, component, reg)

    return fit_pl


STATE_BUDGET = 8_000_000  # ratings held at once by a batch of Elo rounds (orders x items x rounds; 64 MB)
WEIGHT_BUDGET = 10_000_000  # row weights held at once by a batch of rounds (rounds x comparisons; 80 MB)


def batch_estimator(
    method: str, a: np.ndarray, b: np.ndarray, s: np.ndarray, n: int, opts: dict
) -> Callable[[np.ndarray], np.ndarray] | None:
    """estimate_many(row_weights: rounds x rows) -> strengths (rounds x items, nats), equal to `estimator`'s
    estimate row by row up to rounding; None for the methods that refit each round on their own (bt, pl).

    Elo runs every round in one pass over the comparisons (elo.batched_elo). A comparison a round did not draw
    (weight 0) is an update of exactly 0, so plain Elo needs no filtering; the shuffled orders are permutations
    of the drawn comparisons, so rounds that drew the same comparisons (all of them, in a bootstrap over
    papers) share their orders and run together.
    """
    if method not in ("elo", "elo-shuffled"):
        return None
    order = opts["order"]
    positive = opts["weight"][opts["weight"] > 0]
    unit = float(positive.mean()) if len(positive) else 1.0

    def fit_many(w: np.ndarray) -> np.ndarray:
        k_rows = np.ascontiguousarray(opts["elo_k"] * (w / unit).T)  # rows x rounds
        if method == "elo":
            r = batched_elo(order[:, None], a, b, s, k_rows, n, power=True)
            return (r - INIT_RATING) / NATS_TO_ELO
        out = np.empty((len(w), n))
        present = w[:, order] > 0
        groups: dict[bytes, list[int]] = {}
        for i, drawn in enumerate(present):
            groups.setdefault(np.packbits(drawn).tobytes(), []).append(i)
        for members in groups.values():
            o = order[present[members[0]]]
            rows = o[shuffled_rows(len(o), opts["elo_orders"], opts["seed"])]
            out[members] = batched_elo(rows, a, b, s, k_rows[:, members], n)
        return (out - INIT_RATING) / NATS_TO_ELO

    return fit_many


def batch_rounds(method: str, n_items: int, n_rows: int, rounds: int, opts: dict) -> int:
    """How many bootstrap rounds `batch_estimator`'s estimate runs at once, within the memory budgets; 1 (each
    round on its own) for methods without a batch estimate and where a batch would not pay. Measured: a numpy
    step over R rounds beats R plain-Python Elo updates from R ~ 40 (2x at 100), and a step over 100 orders x R
    rounds beats R steps over 100 orders from R ~ 4 (6x at 25). So plain Elo batches at least 64 rounds, all
    at once; shuffled Elo at least 8, a quarter of the rounds at a time so a progress bar moves.
    """
    if method not in ("elo", "elo-shuffled"):
        return 1
    orders = 1 if method == "elo" else max(1, opts["elo_orders"])
    least = 64 if method == "elo" else 8
    share = rounds if method == "elo" else max(least, math.ceil(rounds / 4))
    fits = min(STATE_BUDGET // max(1, orders * n_items), WEIGHT_BUDGET // max(1, n_rows), share, rounds)
    return fits if fits >= least else 1


def clusters(pairs: pd.DataFrame) -> Clusters:
    """Bootstrap clusters: papers when the pairs carry them (pooled entries: all their papers), else rows."""
    n = len(pairs)
    if n and "papers_a" in pairs.columns and pairs["papers_a"].notna().all() and pairs["papers_b"].notna().all():
        side_a, side_b = pairs["papers_a"].astype(str), pairs["papers_b"].astype(str)
    elif n and "paper_id" in pairs.columns and pairs["paper_id"].notna().all():
        side_a = pairs["paper_id"].astype(str)
        side_b = pairs["paper_b"].where(pairs["paper_b"].notna(), side_a) if "paper_b" in pairs.columns else side_a
        side_b = side_b.astype(str)
    else:
        member = csr_matrix((np.ones(n), (np.arange(n), np.arange(n))), shape=(n, n))
        return Clusters(np.arange(n), np.full(n, -1), member, f"{n:,} comparisons")
    units, names = pd.factorize(pd.concat([side_a, side_b], ignore_index=True))
    unit_a, unit_b = units[:n], units[n:]
    unit_b = np.where(unit_a == unit_b, -1, unit_b)
    parts = pd.Series(list(names)).str.split(SEP).explode()
    cluster, cluster_names = pd.factorize(parts)
    share = 1.0 / parts.groupby(level=0).size()
    rows = parts.index.to_numpy()
    member = csr_matrix((share.loc[rows].to_numpy(), (rows, cluster)), shape=(len(names), len(cluster_names)))
    return Clusters(unit_a, unit_b, member, f"{len(cluster_names):,} papers", np.asarray(cluster_names, dtype=object))
