"""How much the top of a Bradley-Terry ranking rests on single papers (`leaderboard rank --stability`).

Two figures, on the largest component:

* drop-k: the smallest number of papers whose removal changes the top method. Found greedily: at each step the
  paper whose removal most narrows the gap between the top method and the best of the rest is removed (scored for
  every paper at once by one Newton step from the current fit, the influence-function approximation), the model
  is refitted exactly, and the search stops when another method is on top. Removing every paper of the top
  method always changes the top, so drop-k is at most its number of papers. Greedy search gives an upper bound
  on the true smallest set.
* top-10 persistence: for each of the top 10, the share of leave-one-paper-out refits (one per paper) in which it
  is still among the top 10. Each refit is one Newton step from the full fit (exact enough for one paper out of
  many; a method whose every paper is dropped is out of the top 10).

Both use the same comparisons, weights and dominance rule as the ranking itself.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy.sparse import csr_matrix

from leaderboard.rank.bradley_terry import PairIndex, hessian_weights
from leaderboard.rank.dominance import project
from leaderboard.rank.uncertainty import Clusters

TOP = 10


@dataclass(frozen=True)
class Stability:
    """drop-k with the papers removed, and the top-10 persistence table (method, rating, stays_top10)."""

    top_method: str
    drop_k: int
    dropped: tuple[str, ...]  # the papers removed, in order
    new_top: str | None  # None: the removed papers held every comparison of the largest component
    persistence: pd.DataFrame
    papers: int

    def lines(self) -> list[str]:
        """The result in plain words."""
        papers = ", ".join(self.dropped)
        then = f"puts {self.new_top} on top" if self.new_top else "leaves no method to rank"
        out = [f"top method: {self.top_method}; removing {self.drop_k} paper(s) {then} (removed: {papers})"]
        out.append(
            f"leave one paper out ({self.papers} papers): how often each of the top {TOP} stays in the top {TOP}"
        )
        return out


def _newton_shifts(
    theta: np.ndarray,
    a: np.ndarray,
    b: np.ndarray,
    s: np.ndarray,
    w: np.ndarray,
    index: PairIndex,
    reg: float,
    members: np.ndarray,
    drop: csr_matrix,
) -> np.ndarray:
    """members x clusters: the one-Newton-step change of the strengths when each cluster is removed.

    `drop` (rows x clusters) is the relative change of each row's weight when the cluster goes (-1: the row goes).
    """
    n = len(members)
    local = np.full(index.n_items, -1)
    local[members] = np.arange(n)
    data = index.data(s, w)
    h = hessian_weights(theta, data)
    li, lj = local[data.i], local[data.j]
    ok = (li >= 0) & (lj >= 0)
    hess = np.zeros((n, n))
    np.add.at(hess, (li[ok], lj[ok]), -h[ok])
    np.add.at(hess, (lj[ok], li[ok]), -h[ok])
    hess[np.diag_indices(n)] += -hess.sum(axis=1) + reg + 1e-9
    p = 1.0 / (1.0 + np.exp(-(theta[a] - theta[b])))
    g = w * (p - s)  # each row's NLL gradient: +g on a, -g on b
    rows = np.flatnonzero((local[a] >= 0) & (local[b] >= 0))
    inc = csr_matrix(
        (np.concatenate([g[rows], -g[rows]]), (np.concatenate([local[a[rows]], local[b[rows]]]), np.tile(rows, 2))),
        shape=(n, len(a)),
    )
    delta_grad = (inc @ drop).toarray()  # the gradient change of the remaining NLL, per cluster
    return -np.linalg.solve(hess, delta_grad)


def _drop_matrix(clusters: Clusters) -> csr_matrix:
    """rows x clusters: -1 where removing the cluster removes the row, fractions for pooled entries."""
    m = clusters.membership.tocsr()
    ma = m[clusters.unit_a]
    has_b = clusters.unit_b >= 0
    mb = m[np.where(has_b, clusters.unit_b, clusters.unit_a)].multiply(has_b[:, None]).tocsr()
    return -(ma + mb - ma.multiply(mb)).tocsr()


def stability(
    theta: np.ndarray,
    names: np.ndarray,
    a: np.ndarray,
    b: np.ndarray,
    s: np.ndarray,
    weight: np.ndarray,
    component: np.ndarray,
    clusters: Clusters,
    cluster_names: np.ndarray,
    refit: Callable[[np.ndarray, np.ndarray], np.ndarray],
    edges: np.ndarray,
    index: PairIndex,
    reg: float,
    max_drop: int = 25,
) -> Stability:
    """drop-k and top-10 persistence (see the module docstring); `refit(weights, init) -> theta`."""
    members = np.flatnonzero(component == 0)
    k = clusters.n_clusters
    drop = _drop_matrix(clusters)

    def weights_without(removed: list[int]) -> np.ndarray:
        counts = np.ones(k)
        counts[removed] = 0.0
        return weight * clusters.multipliers(counts)

    def present(w: np.ndarray) -> np.ndarray:
        n = len(theta)
        return (np.bincount(a, w, minlength=n) + np.bincount(b, w, minlength=n))[members] > 0

    order = members[np.argsort(-theta[members], kind="stable")]
    top10 = order[:TOP]
    # leave one paper out: one Newton step per paper, all at once
    shifted = theta[members][:, None] + _newton_shifts(theta, a, b, s, weight, index, reg, members, drop)
    row_left = 1.0 + drop.toarray() if drop.shape[0] * k <= 5_000_000 else None
    stays = np.zeros(len(top10))
    pos = {m: i for i, m in enumerate(members)}
    for c in range(k):
        w = weight * row_left[:, c] if row_left is not None else weights_without([c])
        th = np.where(present(w), shifted[:, c], -np.inf)
        best = set(members[np.argsort(-th, kind="stable")[:TOP]].tolist())
        stays += np.isin(top10, list(best)) & np.isfinite(th[[pos[t] for t in top10]])
    persistence = pd.DataFrame(
        {"method": names[top10], "position": np.arange(1, len(top10) + 1), "stays_top10": stays / max(k, 1)}
    )
    # drop-k: greedy on the gap between the top method and the best of the rest
    top = int(order[0])
    removed: list[int] = []
    th, w = theta, weight
    new_top = None
    for _ in range(min(max_drop, k)):
        cand = _newton_shifts(th, a, b, s, w, index, reg, members, drop)
        rest = [i for i, m in enumerate(members) if m != top]
        runner = rest[int(np.argmax(th[members][rest]))]
        gap_change = cand[pos[top]] - cand[runner]
        own = np.asarray(drop[(a == top) | (b == top)].max(axis=0).toarray()).ravel() <= -1.0
        gap_change = np.where(own, -np.inf, gap_change)  # removing the top method's every paper: it is gone
        gap_change[removed] = np.inf
        removed.append(int(np.argmin(gap_change)))
        w = weights_without(removed)
        alive = np.bincount(a, w, minlength=len(theta)) + np.bincount(b, w, minlength=len(theta)) > 0
        th = project(refit(w, th), edges[alive[edges[:, 0]] & alive[edges[:, 1]]])  # only methods still rated
        ok = present(w)
        if not ok.any():  # the component's every comparison came from the removed papers
            new_top = None
            break
        now = int(members[ok][np.argmax(th[members][ok])])
        if now != top:
            new_top = str(names[now])
            break
    return Stability(str(names[top]), len(removed), tuple(str(cluster_names[c]) for c in removed), new_top,
                     persistence, k)  # fmt: skip
