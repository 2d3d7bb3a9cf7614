"""Plackett-Luce over each paper's full ranking of methods on a benchmark (via choix), an alternative to BT.

Where Bradley-Terry sees a paper's table of k methods as k(k-1)/2 weighted pairs, Plackett-Luce sees it as
one ranking: the best method is chosen from all k, the second from the remaining k-1, and so on. The
ranking of a (paper, benchmark, metric, subset) table is recovered from its pairwise outcomes by Copeland
score (wins + ties/2 within the table), which reproduces the order of the values; methods with equal
scores are tied. choix's Plackett-Luce has no ties, so every table contributes two rankings: one with each
tie group in the order of first appearance and one with every tie group reversed (a table without ties
contributes the same ranking twice, so all tables weigh alike). Rows without a paper (battles) and deltas
are two-method tables. Cross-paper comparisons are not rankings within a paper and are not used.

Fitting is choix.opt_rankings (penalised maximum likelihood) per connected component with
alpha = regularization / 2, the same Gaussian prior as `bradley_terry` (choix penalises alpha*||theta||^2);
regularization 0 is replaced by choix's default 1e-6 to keep the Newton iterations defined. Strengths are on
the same natural-log scale as BT (for two methods PL is BT).
"""

from __future__ import annotations

import choix
import numpy as np
import pandas as pd

from leaderboard.rank.bradley_terry import DEFAULT_REGULARIZATION


def table_rankings(a: np.ndarray, b: np.ndarray, score_a: np.ndarray, block: np.ndarray) -> list[list[int]]:
    """Rankings (best first, item ids) of each block of comparisons, two per block (see module docstring)."""
    long = pd.DataFrame(
        {
            "block": np.concatenate([block, block]),
            "item": np.concatenate([a, b]),
            "score": np.concatenate([score_a, 1.0 - score_a]),
            "pos": np.concatenate([np.arange(len(a)), np.arange(len(a))]),
        }
    )
    per = long.groupby(["block", "item"], sort=False).agg(score=("score", "sum"), pos=("pos", "min"))
    per = per.reset_index().sort_values(["block", "score", "pos"], ascending=[True, False, True])
    rankings: list[list[int]] = []
    for _, grp in per.groupby("block", sort=False):
        items = grp["item"].to_numpy()
        if len(items) < 2:
            continue
        groups = np.split(items, np.flatnonzero(np.diff(grp["score"].to_numpy()) != 0) + 1)
        forward = [int(x) for g in groups for x in g]
        backward = [int(x) for g in groups for x in g[::-1]]
        rankings += [forward, backward]
    return rankings


def fit_plackett_luce(
    rankings: list[list[int]],
    n_items: int,
    component: np.ndarray,
    regularization: float = DEFAULT_REGULARIZATION,
) -> np.ndarray:
    """Penalised-ML Plackett-Luce strengths (natural-log scale, centred per component) via choix."""
    theta = np.zeros(n_items)
    alpha = max(regularization / 2.0, 1e-6)
    by_comp: dict[int, list[list[int]]] = {}
    for r in rankings:
        by_comp.setdefault(int(component[r[0]]), []).append(r)
    for comp, rs in by_comp.items():
        members = np.flatnonzero(component == comp)
        local = {int(m): k for k, m in enumerate(members)}
        data = [[local[x] for x in r] for r in rs]
        est = choix.opt_rankings(len(members), data, alpha=alpha)
        theta[members] = est - est.mean()
    return theta
