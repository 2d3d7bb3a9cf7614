"""Dominance consistency: a method that beats another in every table they share is never rated below it.

Bradley-Terry (and Elo) pool all comparisons, so a method that beat B in the one table they share can still
end below B when B collected easy wins elsewhere. The rule here is stated on tables, the observation units:
A *dominates* B when they share at least one table (a paper's own table or a curated leaderboard table, in
any comparability group) and A won every one of those comparisons (no tie, no loss). Cross-table pairs of
pooled entries do not count: they are not a table the two methods share.

The fitted strengths are then projected onto the dominance constraints (theta_A >= theta_B for every
dominance), by least squares: the closest strengths that respect them. A cycle of dominances (A over B, B
over C, C over A in three different tables) puts its members level. The dual of the projection is a
non-negative least-squares problem (scipy.optimize.nnls), solved on the violated constraints and grown
until no constraint is violated, so it costs nothing when the fit already respects every dominance.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy.optimize import nnls

TOLERANCE = 1e-9


def dominance_edges(pairs: pd.DataFrame, a: np.ndarray, b: np.ndarray, score_a: np.ndarray) -> np.ndarray:
    """(winner, loser) item pairs, shape (k, 2): the winner won every shared-table comparison with the loser."""
    if "table" not in pairs.columns or not len(pairs):
        return np.zeros((0, 2), dtype=np.int64)
    in_table = pairs["table"].fillna("").astype(str).ne("").to_numpy()
    a, b, s = a[in_table], b[in_table], score_a[in_table]
    lo, hi = np.minimum(a, b), np.maximum(a, b)
    lo_score = np.where(a == lo, s, 1.0 - s)  # 1: lo won, 0: hi won, 0.5: tie
    frame = pd.DataFrame({"lo": lo, "hi": hi, "lo_won": lo_score == 1.0, "hi_won": lo_score == 0.0})
    stats = (
        frame[frame["lo"] != frame["hi"]]
        .groupby(["lo", "hi"])
        .agg(n=("lo_won", "size"), lo_won=("lo_won", "sum"), hi_won=("hi_won", "sum"))
    )
    stats = stats.reset_index()
    lo_dom = stats[stats["lo_won"] == stats["n"]]
    hi_dom = stats[stats["hi_won"] == stats["n"]]
    winners = np.concatenate([lo_dom["lo"].to_numpy(), hi_dom["hi"].to_numpy()])
    losers = np.concatenate([lo_dom["hi"].to_numpy(), hi_dom["lo"].to_numpy()])
    return np.stack([winners, losers], axis=1).astype(np.int64)


def project(theta: np.ndarray, edges: np.ndarray, max_rounds: int = 50) -> np.ndarray:
    """The least-squares closest strengths with theta[w] >= theta[l] for every (w, l) edge."""
    x = np.asarray(theta, dtype=float).copy()
    if not len(edges):
        return x
    active = np.zeros(len(edges), dtype=bool)
    for _ in range(max_rounds):
        violated = x[edges[:, 0]] < x[edges[:, 1]] - TOLERANCE
        if not violated.any():
            break
        active |= violated
        act = edges[active]
        nodes, local = np.unique(act, return_inverse=True)
        local = local.reshape(act.shape)
        d_t = np.zeros((len(nodes), len(act)))  # D^T: one column per constraint, +1 winner, -1 loser
        d_t[local[:, 0], np.arange(len(act))] = 1.0
        d_t[local[:, 1], np.arange(len(act))] = -1.0
        lam, _ = nnls(d_t, -theta[nodes], maxiter=50 * len(act) + 100)
        x = np.asarray(theta, dtype=float).copy()
        x[nodes] = theta[nodes] + d_t @ lam
    return x


def violations(theta: np.ndarray, edges: np.ndarray, tolerance: float = 1e-6) -> int:
    """How many dominances the strengths break."""
    if not len(edges):
        return 0
    return int(np.sum(theta[edges[:, 0]] < theta[edges[:, 1]] - tolerance))
