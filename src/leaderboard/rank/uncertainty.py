"""Uncertainty of ratings: curvature (Hessian) intervals, a cluster bootstrap, and the CI-aware rank.

Curvature intervals. At the fitted strengths the Hessian of the penalised NLL is H = L + lambda*I, with L the
weighted graph Laplacian of per-pair curvatures w*p*(1-p). Ratings are shown centred per component (or
relative to an anchor), so the variance that matters is that of the centred strengths. Per component of size
n we invert M = H + J/n (J the all-ones matrix: it only adds curvature along the constant direction, which the
centring removes, and makes M invertible even for lambda = 0), then

    Var(theta_k - mean(theta)) = (M^-1)_kk - 1 / (n * (lambda + 1))
    Var(theta_k - theta_anchor) = (M^-1)_kk + (M^-1)_aa - 2 (M^-1)_ka

Components up to `dense_limit` methods are inverted exactly (Cholesky, then the triangular inverse;
well under a second for 2,000 methods). Larger ones use Hutchinson's estimator diag(C) ~ mean(v * C v),
C = P M^-1 P the centred covariance (P removes the mean), over `probes` random +-1 vectors, solved together
by block conjugate gradients with a Jacobi preconditioner on the sparse M: a few seconds for 10,000 methods
and a million comparisons, with about 1/sqrt(probes) * (off-diagonal mass of C) relative noise (about 1%
on a random graph of degree 100 with 64 probes; the note in the result says which method was used).

Bootstrap. Resamples the observation units. Battles: single comparisons drawn with replacement, as Chatbot
Arena does. Results: papers (reports), by the Bayesian bootstrap (Rubin 1981): each paper gets a weight drawn
from Dirichlet(1, ..., 1) x (number of papers), mean 1, so every paper stays in every round. A drawn-or-not
multinomial draw would drop a third of the papers each round and, given that a method is present, weigh it 1.58
times on average; where the prior holds a rating (a method that beats or loses to everyone in a curated table)
that conditional weight pushes every round to one side of the estimate. A comparison between two reports weighs
the product of their weights, a pooled entry the mean weight of its papers (`Clusters`). Each round is refitted
from the full fit, aligned to it (per component, on the methods present, or on the anchor), and the interval
is the 2.5 / 97.5 percentiles (widened to reach the estimate where it still misses it, and said so).

Rank: 1 + the number of methods in the same component whose lower bound is above this one's upper bound.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import scipy.linalg as sla
from scipy.sparse import csr_matrix

from leaderboard.rank.bradley_terry import NATS_TO_ELO, PairData, hessian_weights

DENSE_LIMIT = 2000
PROBES = 64
Z95 = 1.959963984540054


def _local_hessian(theta: np.ndarray, pairs: PairData, regularization: float, members: np.ndarray, dense: bool):
    """M = L + lambda*I restricted to `members` (dense array or sparse CSR; J/n is added by the caller)."""
    n = len(members)
    local = np.full(pairs.n_items, -1, dtype=np.int64)
    local[members] = np.arange(n)
    li, lj = local[pairs.i], local[pairs.j]
    keep = (li >= 0) & (lj >= 0)
    li, lj, h = li[keep], lj[keep], hessian_weights(theta, pairs)[keep]
    diag = np.bincount(li, h, minlength=n) + np.bincount(lj, h, minlength=n) + regularization
    if dense:
        m = np.zeros((n, n))
        np.add.at(m, (li, lj), -h)
        np.add.at(m, (lj, li), -h)
        m[np.diag_indices(n)] += diag
        return m, diag
    rows = np.concatenate([li, lj, np.arange(n)])
    cols = np.concatenate([lj, li, np.arange(n)])
    vals = np.concatenate([-h, -h, diag])
    return csr_matrix((vals, (rows, cols)), shape=(n, n)), diag


def block_cg(
    matvec: Callable[[np.ndarray], np.ndarray],
    rhs: np.ndarray,
    precond: np.ndarray,
    tol: float,
    max_iter: int,
) -> np.ndarray:
    """Solve M X = B column by column (all columns at once) by preconditioned conjugate gradients."""
    x = np.zeros_like(rhs)
    r = rhs.copy()
    z = r / precond[:, None]
    p = z.copy()
    rz = np.einsum("ij,ij->j", r, z)
    bnorm = np.linalg.norm(rhs, axis=0) + 1e-300
    for _ in range(max_iter):
        q = matvec(p)
        alpha = rz / np.einsum("ij,ij->j", p, q)
        x += p * alpha
        r -= q * alpha
        if np.all(np.linalg.norm(r, axis=0) <= tol * bnorm):
            break
        z = r / precond[:, None]
        rz_new = np.einsum("ij,ij->j", r, z)
        p = z + p * (rz_new / rz)
        rz = rz_new
    return x


def hessian_variances(
    theta: np.ndarray,
    pairs: PairData,
    regularization: float,
    component: np.ndarray,
    anchor: int | None = None,
    dense_limit: int = DENSE_LIMIT,
    probes: int = PROBES,
    seed: int = 0,
) -> tuple[np.ndarray, str]:
    """Variance (nats^2) of each centred (or anchor-relative) strength, and a note on how it was computed."""
    var = np.full(pairs.n_items, np.nan)
    used = set()
    order = np.argsort(component, kind="stable")
    bounds = np.flatnonzero(np.diff(component[order])) + 1
    for members in np.split(order, bounds):
        n = len(members)
        a_local = None
        if anchor is not None and component[anchor] == component[members[0]]:
            a_local = int(np.flatnonzero(members == anchor)[0])
        if n <= dense_limit:
            used.add("exact")
            m, _ = _local_hessian(theta, pairs, regularization, members, dense=True)
            m += 1.0 / n
            chol = sla.cholesky(m, lower=True, check_finite=False)
            linv = sla.lapack.dtrtri(chol, lower=1)[0]
            diag = np.einsum("ij,ij->j", linv, linv)
            col_a = linv.T @ linv[:, a_local] if a_local is not None else None
        else:
            used.add(f"hutchinson({probes} probes)")
            m, d = _local_hessian(theta, pairs, regularization, members, dense=False)

            def matvec(x: np.ndarray, m: csr_matrix = m, n: int = n) -> np.ndarray:
                return m @ x + x.mean(axis=0, keepdims=True)

            # probes summing to zero estimate the diagonal of the centred covariance P M^-1 P directly;
            # uncentred probes would add the large all-ones part of M^-1 to the estimator's noise
            rng = np.random.default_rng(seed)
            v = rng.choice([-1.0, 1.0], size=(n, probes))
            rhs = v - v.mean(axis=0, keepdims=True)
            if a_local is not None:
                e = np.full((n, 1), -1.0 / n)
                e[a_local] += 1.0
                rhs = np.hstack([rhs, e])
            z = block_cg(matvec, rhs, d + 1.0 / n, tol=1e-4, max_iter=1000)
            z -= z.mean(axis=0, keepdims=True)
            centred = np.einsum("ij,ij->i", v, z[:, :probes]) / probes
            diag = centred + 1.0 / (n * (regularization + 1.0))  # back to the (M^-1)_kk convention
            col_a = None
            if a_local is not None:
                col_a = z[:, probes] + 1.0 / (n * (regularization + 1.0))
                diag[a_local] = col_a[a_local]  # exact, from the anchor's own column
        if a_local is not None:
            local = diag + diag[a_local] - 2.0 * col_a
            local[a_local] = 0.0
        else:
            local = diag - 1.0 / (n * (regularization + 1.0))
        var[members] = np.maximum(local, 0.0)
    return var, "hessian " + "+".join(sorted(used))


def intervals_from_variance(rating: np.ndarray, var: np.ndarray, z: float = Z95) -> tuple[np.ndarray, np.ndarray]:
    """Normal-approximation interval on the Elo scale."""
    half = z * NATS_TO_ELO * np.sqrt(var)
    return rating - half, rating + half


@dataclass(frozen=True)
class Clusters:
    """What the bootstrap resamples: clusters (papers, or single battles), and per row the one or two units
    (a paper, or a pooled entry's papers) whose draw counts multiply into the row's weight.

    `membership` maps units to clusters (rows sum to 1: a pooled entry's multiplicity is the mean count of
    its papers); `unit_b` is -1 for a row with one unit (a paper's own table, a battle).
    """

    unit_a: np.ndarray
    unit_b: np.ndarray
    membership: csr_matrix  # units x clusters
    what: str  # "37 papers" / "20,000 comparisons", for the note
    names: np.ndarray | None = None  # cluster names (paper ids), when clusters are papers

    @property
    def by_paper(self) -> bool:
        """True when the clusters are papers (reports), not single comparisons."""
        return self.names is not None

    @property
    def n_clusters(self) -> int:
        return int(self.membership.shape[1])

    def multipliers(self, counts: np.ndarray) -> np.ndarray:
        """Row multiplicities for one draw of cluster counts."""
        unit = self.membership @ counts
        mult = unit[self.unit_a]
        has_b = self.unit_b >= 0
        mult[has_b] *= unit[self.unit_b[has_b]]
        return mult


def cluster_multipliers(
    cluster_a: np.ndarray, cluster_b: np.ndarray, n_clusters: int, rng: np.random.Generator
) -> np.ndarray:
    """Row multiplicities for one bootstrap draw of clusters (cluster_b < 0 means the row has one cluster)."""
    counts = np.bincount(rng.integers(0, n_clusters, n_clusters), minlength=n_clusters).astype(float)
    mult = counts[cluster_a]
    has_b = cluster_b >= 0
    mult[has_b] *= counts[cluster_b[has_b]]
    return mult


def bootstrap_ratings(
    estimate: Callable[[np.ndarray], np.ndarray],
    full_theta: np.ndarray,
    row_weight: np.ndarray,
    row_a: np.ndarray,
    row_b: np.ndarray,
    clusters: Clusters,
    component: np.ndarray,
    rounds: int,
    seed: int = 0,
    anchor: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    estimate_many: Callable[[np.ndarray], np.ndarray] | None = None,
    batch: int = 1,
) -> np.ndarray:
    """Bootstrap draws of the strengths (rounds x items, nats), aligned to `full_theta`; NaN where absent.

    `estimate(row_weights) -> theta` refits on reweighted rows (zero weight = row not drawn); given
    `estimate_many(rounds x rows weights) -> rounds x items`, `batch` rounds at a time are refitted together
    (the same draws, in the same order, as one at a time). `progress(done, total)` is called after each round.
    """
    rng = np.random.default_rng(seed)
    n = len(full_theta)
    k = clusters.n_clusters
    out = np.full((rounds, n), np.nan)
    batch = batch if estimate_many is not None and batch > 1 else 1
    for first in range(0, rounds, batch):
        weights = []
        for _ in range(min(batch, rounds - first)):
            if clusters.by_paper:  # Bayesian bootstrap: every paper present, weight ~ Dirichlet(1, ..., 1) x k
                counts = rng.exponential(size=k)
                counts *= k / counts.sum()
            else:
                counts = np.bincount(rng.integers(0, k, k), minlength=k).astype(float)
            weights.append(row_weight * clusters.multipliers(counts))
        thetas = list(estimate_many(np.stack(weights))) if batch > 1 and estimate_many else [estimate(weights[0])]
        for r, (w, theta) in enumerate(zip(weights, thetas, strict=True), start=first):
            out[r] = _aligned(theta, full_theta, w, row_a, row_b, component, anchor)
            if progress is not None:
                progress(r + 1, rounds)
    return out


def _aligned(
    theta: np.ndarray,
    full_theta: np.ndarray,
    w: np.ndarray,
    row_a: np.ndarray,
    row_b: np.ndarray,
    component: np.ndarray,
    anchor: int | None,
) -> np.ndarray:
    """One round's strengths on the full fit's footing: NaN where absent, each component's mean shift removed
    (or the anchor's, in the anchor's component)."""
    n = len(full_theta)
    present = (np.bincount(row_a, w, minlength=n) + np.bincount(row_b, w, minlength=n)) > 0
    delta = np.where(present, theta - full_theta, np.nan)
    if anchor is not None and present[anchor]:
        in_anchor = component == component[anchor]
        delta[in_anchor] -= delta[anchor]
    shift = np.bincount(component, np.nan_to_num(delta)) / np.maximum(np.bincount(component, present), 1)
    if anchor is not None:
        shift[component[anchor]] = 0.0 if present[anchor] else np.nan
    return full_theta + delta - shift[component]


def bootstrap_intervals(
    draws: np.ndarray, full_rating: np.ndarray, full_theta: np.ndarray, level: float = 0.95
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Percentile interval on the Elo scale from aligned bootstrap draws, and which were widened.

    A percentile interval can miss the full-data estimate when the resampled fits are biased (a method that
    only wins is held by the prior, and is stronger in every round where its losers are drawn twice). Such
    an interval is widened to reach the estimate, and marked (True in the returned mask). A method absent from
    every round gets the point estimate as both bounds.
    """
    q = (1 - level) / 2
    offset = full_rating - NATS_TO_ELO * full_theta
    with np.errstate(all="ignore"):
        lo = np.nanquantile(draws, q, axis=0) * NATS_TO_ELO + offset
        hi = np.nanquantile(draws, 1 - q, axis=0) * NATS_TO_ELO + offset
    lo, hi = np.where(np.isnan(lo), full_rating, lo), np.where(np.isnan(hi), full_rating, hi)
    widened = (lo > full_rating) | (hi < full_rating)
    return np.minimum(lo, full_rating), np.maximum(hi, full_rating), widened


def ci_rank(lower: np.ndarray, upper: np.ndarray, component: np.ndarray) -> np.ndarray:
    """1 + number of methods in the same component whose lower bound exceeds this one's upper bound."""
    n = len(lower)
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    lo_all = min(lower.min(), upper.min())
    span = 2.0 * (max(lower.max(), upper.max()) - lo_all) + 1.0
    key_lower = (lower - lo_all) + component * span
    key_upper = (upper - lo_all) + component * span
    sorted_lower = np.sort(key_lower)
    ends = np.cumsum(np.bincount(component))  # position after the last member of each component
    return 1 + ends[component] - np.searchsorted(sorted_lower, key_upper, side="right")
