"""Online Elo ratings, as Chatbot Arena's `compute_elo` (K=4, scale 400, base 10, initial 1000).

Elo is order-dependent: `online_elo` applies the comparisons in the order given (the API passes them in
paper-date order), and `shuffled_elo` averages the final ratings over `n_orders` seeded random orders, which
removes the dependence on order. Each update is scaled by the comparison's weight. Online updates are
inherently sequential, so this is the one place that loops over comparisons (plain Python floats, about
1 µs per update).
"""

from __future__ import annotations

import numpy as np

from leaderboard.rank.bradley_terry import ELO_BASE, ELO_SCALE, INIT_RATING

DEFAULT_K = 4.0
DEFAULT_ORDERS = 100


def online_elo(
    a: np.ndarray,
    b: np.ndarray,
    score_a: np.ndarray,
    n_items: int,
    weight: np.ndarray | None = None,
    k: float = DEFAULT_K,
    scale: float = ELO_SCALE,
    base: float = ELO_BASE,
    init: float = INIT_RATING,
) -> np.ndarray:
    """Final ratings after applying each comparison once, in order.

    score_a: 1 when a won, 0.5 for a tie, 0 when b won; weight scales K per comparison (default 1).
    """
    rating = [float(init)] * n_items
    ks = [k] * len(a) if weight is None else (k * np.asarray(weight, dtype=float)).tolist()
    inv_scale = 1.0 / scale
    for ia, ib, s, kk in zip(
        np.asarray(a).tolist(), np.asarray(b).tolist(), np.asarray(score_a).tolist(), ks, strict=True
    ):
        ra, rb = rating[ia], rating[ib]
        ea = 1.0 / (1.0 + base ** ((rb - ra) * inv_scale))
        delta = kk * (s - ea)
        rating[ia] = ra + delta
        rating[ib] = rb - delta
    return np.asarray(rating)


def shuffled_elo(
    a: np.ndarray,
    b: np.ndarray,
    score_a: np.ndarray,
    n_items: int,
    weight: np.ndarray | None = None,
    n_orders: int = DEFAULT_ORDERS,
    seed: int = 0,
    k: float = DEFAULT_K,
) -> np.ndarray:
    """Mean of `online_elo` over `n_orders` random permutations of the comparisons (seeded).

    All orders run at once: step t applies the t-th comparison of every order to that order's ratings (one
    vectorised update per step instead of one Python update per comparison and order).
    """
    rng = np.random.default_rng(seed)
    a, b, score_a = np.asarray(a), np.asarray(b), np.asarray(score_a, dtype=float)
    w = np.ones(len(a)) if weight is None else np.asarray(weight, dtype=float)
    n_orders = max(1, n_orders)
    if len(a) == 0:
        return np.full(n_items, float(INIT_RATING))
    perms = np.stack([rng.permutation(len(a)) for _ in range(n_orders)], axis=1)  # steps x orders
    rating = np.full(n_orders * n_items, float(INIT_RATING))  # order r's ratings at r * n_items + item
    offset = np.arange(n_orders) * n_items
    fa, fb = a[perms] + offset, b[perms] + offset
    ps, pk = score_a[perms], k * w[perms]
    log_base = np.log(ELO_BASE) / ELO_SCALE
    for t in range(len(a)):
        ia, ib = fa[t], fb[t]
        ra, rb = rating[ia], rating[ib]
        delta = pk[t] * (ps[t] - 1.0 / (1.0 + np.exp((rb - ra) * log_base)))
        rating[ia] = ra + delta
        rating[ib] = rb - delta
    return rating.reshape(n_orders, n_items).mean(axis=0)
