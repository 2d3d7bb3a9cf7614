"""`rank_results(..., method="index")`: the capability index (capability.py) as a ranking table.

The table has the columns of every ranking (api.TABLE_COLUMNS): `rating` is the standardised ability (0 = the
average ranked method, 1 = one standard deviation above), `comparisons` the number of pooled values, `papers`
the distinct papers behind them, `benchmarks` the distinct benchmarks; wins, losses and ties do not apply (0).
The items' slopes and difficulties are in `RankingResult.items`.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd

from leaderboard.rank.capability import MIN_LINKED, build_cells, fit_index
from leaderboard.rank.comparisons import PAIR_COLUMNS
from leaderboard.rank.tables import SEP, setting_label
from leaderboard.rank.uncertainty import ci_rank


def index_table(
    pooled: pd.DataFrame,
    *,
    bootstrap_rounds: int = 200,
    seed: int = 0,
    level: float = 0.95,
    min_linked: int = MIN_LINKED,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame, list[str]]:
    """(ranking table, items, notes) from pooled values (comparisons.pooled_values)."""
    cells = build_cells(pooled, min_linked)
    groups = pooled.groupby(["benchmark_k", "metric_k", "unit_k", "setting_k"]).ngroups if len(pooled) else 0
    if cells is None:
        note = (f"capability index: no benchmark links {min_linked} or more of its methods to another benchmark "
                "(the index needs methods reported on several benchmarks)")  # fmt: skip
        return pd.DataFrame(), pd.DataFrame(), [note]
    fit = fit_index(cells, rounds=bootstrap_rounds, seed=seed, level=level, progress=progress)
    n = len(fit.methods)
    n_cells = np.bincount(cells.method, minlength=n)
    frame = pd.DataFrame({"m": cells.method, "b": cells.items["benchmark_k"].to_numpy()[cells.item],
                          "p": cells.papers})  # fmt: skip
    papers = frame.assign(p=frame["p"].str.split(SEP)).explode("p").groupby("m")["p"].nunique()
    table = pd.DataFrame(
        {
            "method": fit.methods,
            "rating": fit.ability,
            "ci_lower": fit.lower,
            "ci_upper": fit.upper,
            "rank": ci_rank(fit.lower, fit.upper, np.zeros(n, dtype=np.int64)),
            "component": 0,
            "comparisons": n_cells,
            "papers": papers.reindex(range(n), fill_value=0).to_numpy(),
            "benchmarks": frame.groupby("m")["b"].nunique().reindex(range(n), fill_value=0).to_numpy(),
            "wins": 0,
            "losses": 0,
            "ties": 0,
            "only_wins": False,
            "only_losses": False,
            "self_reported_only": False,
        }
    ).sort_values(["rank", "rating", "method"], ascending=[True, False, True])
    items = fit.items.rename(columns={"benchmark_k": "benchmark", "metric_k": "metric", "unit_k": "unit"})
    items["setting"] = items.pop("setting_k").map(setting_label)
    kept = len(items)
    notes = [
        f"capability index over {items['benchmark'].nunique()} benchmarks ({kept} benchmark/metric/setting "
        f"groups) linking {n} methods; {groups - kept} groups left out (they link fewer than {min_linked} "
        "methods to the other benchmarks)",
        f"{level:.0%} intervals: {bootstrap_rounds} bootstrap rounds, resampling {fit.papers:,} papers",
    ]
    if fit.widened:
        notes.append(f"{fit.widened} interval(s) did not contain their index and were widened to reach it")
    return table.reset_index(drop=True), items, notes


def empty_pairs() -> pd.DataFrame:
    """The index uses no pairwise comparisons."""
    return pd.DataFrame({c: pd.Series(dtype=object) for c in PAIR_COLUMNS})
