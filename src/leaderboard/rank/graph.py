"""The comparison graph: connected components and per-method flags.

Methods are nodes, comparisons are edges. Ratings are only comparable inside a connected component, so
every ranking is per component: component 0 is the largest (ties: the one holding the alphabetically
first method), ranks restart at 1 in each component, and no order between components is ever implied.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components


def components(n_items: int, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Component id per item, numbered by decreasing size (0 = largest; ties by lowest item index)."""
    if n_items == 0:
        return np.zeros(0, dtype=np.int64)
    graph = coo_matrix((np.ones(len(a)), (a, b)), shape=(n_items, n_items))
    _, labels = connected_components(graph, directed=False)
    sizes = np.bincount(labels)
    first = np.full(len(sizes), n_items)
    np.minimum.at(first, labels, np.arange(n_items))
    order = np.lexsort((first, -sizes))  # largest first, then by first member
    relabel = np.empty_like(order)
    relabel[order] = np.arange(len(order))
    return relabel[labels]


def outcome_counts(n_items: int, a: np.ndarray, b: np.ndarray, score_a: np.ndarray) -> pd.DataFrame:
    """Unweighted wins, losses and ties per item; score_a is 1 (a won), 0.5 (tie) or 0 (b won)."""
    win_a, tie, win_b = score_a == 1.0, score_a == 0.5, score_a == 0.0
    wins = np.bincount(a[win_a], minlength=n_items) + np.bincount(b[win_b], minlength=n_items)
    losses = np.bincount(a[win_b], minlength=n_items) + np.bincount(b[win_a], minlength=n_items)
    ties = np.bincount(a[tie], minlength=n_items) + np.bincount(b[tie], minlength=n_items)
    return pd.DataFrame({"wins": wins, "losses": losses, "ties": ties})


def flags(
    counts: pd.DataFrame,
    n_items: int,
    a: np.ndarray,
    b: np.ndarray,
    score_a: np.ndarray,
    self_a: np.ndarray,
    self_b: np.ndarray,
) -> pd.DataFrame:
    """only_wins / only_losses (every outcome a win / a loss) and self_reported_only.

    self_reported_only: the method has wins and each of them comes from a number reported by the paper that
    proposed the method (its row has is_own_method True).
    """
    win_a, win_b = score_a == 1.0, score_a == 0.0
    independent = np.bincount(a[win_a & ~self_a], minlength=n_items) + np.bincount(
        b[win_b & ~self_b], minlength=n_items
    )
    wins, losses, ties = (counts[c].to_numpy() for c in ("wins", "losses", "ties"))
    return pd.DataFrame(
        {
            "only_wins": (wins > 0) & (losses == 0) & (ties == 0),
            "only_losses": (losses > 0) & (wins == 0) & (ties == 0),
            "self_reported_only": (wins > 0) & (independent == 0),
        }
    )
