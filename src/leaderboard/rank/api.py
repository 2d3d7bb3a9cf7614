"""The ranking API used by the CLI and the dashboard: pure functions over pandas DataFrames.

* `rank_results(results, ...)`: rows of the `results` table -> comparisons -> ratings with intervals.
* `rank_battles(battles, ...)`: Chatbot Arena battles (`model_a, model_b, winner`) -> the same table.
* `rank_pairs(pairs, ...)`: the shared core, for a pairs DataFrame as built by `comparisons`.

Estimators (`method`):
  bt            Bradley-Terry, penalised ML (bradley_terry.py; scipy L-BFGS on deduplicated weighted pairs)
  elo           online Elo in paper-date order (elo.py; K=4, scale 400, base 10, initial 1000)
  elo-shuffled  online Elo averaged over seeded random orders (order-free)
  pl            Plackett-Luce over each paper's full ranking of methods, via choix (plackett_luce.py)
Intervals (`ci`):
  hessian       curvature of the penalised BT likelihood at the estimate (exact for bt; for elo and pl it is
                the BT curvature evaluated at their ratings: it ignores Elo's shrinkage, so prefer bootstrap
                for elo) — uncertainty.py
  bootstrap     resample papers (results) or single battles (battles), refit, percentile interval
choix is used for pl, and in the tests as an independent check of the penalised BT fit (opt_pairwise).
All entry points run with BLAS limited to one thread (see _threads.py).
Rank: Chatbot Arena's, 1 + the number of methods of the same component whose lower bound is above this
one's upper bound; component 0 is the largest connected component and ranks restart in each component.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np
import pandas as pd
from scipy.stats import norm

from leaderboard.rank import estimators, graph, uncertainty
from leaderboard.rank._threads import single_threaded_blas
from leaderboard.rank.bradley_terry import (
    DEFAULT_REGULARIZATION,
    INIT_RATING,
    index_pairs,
    to_ratings,
)
from leaderboard.rank.comparisons import EXCLUDED_COLUMNS, PAIR_COLUMNS, build_comparisons, pooled_values
from leaderboard.rank.dominance import dominance_edges, project
from leaderboard.rank.elo import DEFAULT_K, DEFAULT_ORDERS
from leaderboard.rank.generic import GenericNames, load_generic_names, scoped_note
from leaderboard.rank.methods import method_key, resolve_aliases
from leaderboard.rank.notes import hessian_note, separation_warnings
from leaderboard.rank.stability import Stability
from leaderboard.rank.stability import stability as stability_of
from leaderboard.rank.tables import SEP

METHODS = ("bt", "elo", "elo-shuffled", "pl", "index")
CIS = ("hessian", "bootstrap")
WINNERS = {"model_a": 1.0, "model_b": 0.0, "tie": 0.5, "tie (bothbad)": 0.5}
TABLE_COLUMNS = [
    "method",
    "rating",
    "ci_lower",
    "ci_upper",
    "rank",
    "component",
    "comparisons",
    "papers",
    "benchmarks",
    "wins",
    "losses",
    "ties",
    "only_wins",
    "only_losses",
    "self_reported_only",
]


@dataclass(frozen=True)
class RankingResult:
    """A ranking table (TABLE_COLUMNS, sorted by component then rating) with what went into it."""

    table: pd.DataFrame
    excluded: pd.DataFrame  # benchmark, metric, rows, reason: left out of the ranking
    pairs: pd.DataFrame  # the comparisons that were used
    method: str
    ci: str
    regularization: float
    anchor: str | None = None
    notes: tuple[str, ...] = field(default_factory=tuple)
    warnings: tuple[str, ...] = field(default_factory=tuple)
    items: pd.DataFrame | None = None  # the capability index's benchmarks: slope and difficulty
    stability: Stability | None = None  # with stability=True: drop-k and top-10 persistence
    fit_seconds: float = 0.0  # wall time of the point fit alone (the Rankings page estimates a bootstrap from it)

    @property
    def excluded_metrics(self) -> list[str]:
        """'benchmark / metric (reason)' for each left-out group."""
        return [
            f"{r.benchmark or '(no benchmark)'} / {r.metric or '(no metric)'} ({r.reason})"
            for r in self.excluded.itertuples()
        ]


def _check(method: str, ci: str, bootstrap_rounds: int) -> None:
    if method not in METHODS:
        raise ValueError(f"unknown method {method!r}: choose one of {', '.join(METHODS)}")
    if ci not in CIS:
        raise ValueError(f"unknown ci {ci!r}: choose one of {', '.join(CIS)}")
    if ci == "bootstrap" and bootstrap_rounds < 2:
        raise ValueError("bootstrap needs at least 2 rounds")


def _empty_table() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=object) for c in TABLE_COLUMNS})


def _per_method_counts(pairs: pd.DataFrame, codes_a: np.ndarray, codes_b: np.ndarray, n: int) -> pd.DataFrame:
    """comparisons, papers (distinct reports the method itself appears in) and benchmarks per method."""
    comparisons = np.bincount(codes_a, minlength=n) + np.bincount(codes_b, minlength=n)
    out = pd.DataFrame({"comparisons": comparisons, "papers": 0, "benchmarks": 0})
    own = [("papers_a", codes_a), ("papers_b", codes_b)] if "papers_a" in pairs.columns else []
    if not own and "paper_id" in pairs.columns:  # pairs from elsewhere: both sides come from the row's paper
        own = [("paper_id", codes_a), ("paper_id", codes_b)]
    for col, src in (("papers", own), ("benchmarks", [("benchmark", codes_a), ("benchmark", codes_b)])):
        parts = [pd.DataFrame({"m": codes, "v": pairs[c].to_numpy()}) for c, codes in src if c in pairs.columns]
        if parts:
            long = pd.concat(parts, ignore_index=True)
            long = long[long["v"].notna() & (long["v"].astype(str) != "")].drop_duplicates()
            if col == "papers":
                long = long.assign(v=long["v"].astype(str).str.split(SEP)).explode("v").drop_duplicates()
            out[col] = long.groupby("m")["v"].nunique().reindex(range(n), fill_value=0).to_numpy()
    return out


@single_threaded_blas()
def rank_pairs(
    pairs: pd.DataFrame,
    *,
    method: str = "bt",
    regularization: float = DEFAULT_REGULARIZATION,
    ci: str = "hessian",
    bootstrap_rounds: int = 200,
    anchor: str | None = None,
    anchor_rating: float = INIT_RATING,
    seed: int = 0,
    elo_k: float = DEFAULT_K,
    elo_orders: int = DEFAULT_ORDERS,
    level: float = 0.95,
    dense_limit: int = uncertainty.DENSE_LIMIT,
    probes: int = uncertainty.PROBES,
    excluded: pd.DataFrame | None = None,
    progress: Callable[[int, int], None] | None = None,
    dominance: bool = True,
    stability: bool = False,
) -> RankingResult:
    """Rank the methods of a pairs DataFrame (model_a, model_b, winner[, weight, date, paper_id, paper_b, ...]).

    See the module docstring for `method` and `ci`. `regularization`: Gaussian prior precision on the strengths
    (0 = plain MLE). `anchor` gets `anchor_rating`, else each component is centred on 1000. `level`: interval
    coverage. `elo_k`, `elo_orders`: Elo's K and the number of shuffled orders. `dense_limit`, `probes`: how the
    Hessian is inverted (uncertainty.py). `excluded` is passed through to the result. `progress(done, total)`
    is called after each bootstrap round. `dominance`: project the ratings so that a method that beat another
    in every table they share is never rated below it (dominance.py). `stability`: also compute drop-k and
    top-10 persistence (stability.py; Bradley-Terry only).
    """
    _check(method, ci, bootstrap_rounds)
    excluded = excluded if excluded is not None else pd.DataFrame(columns=EXCLUDED_COLUMNS)
    args = dict(method=method, ci=ci, regularization=regularization, anchor=anchor)
    notes: list[str] = []
    if method == "pl" and "cross_paper" in pairs.columns and pairs["cross_paper"].astype(bool).any():
        pairs = pairs[~pairs["cross_paper"].astype(bool).to_numpy()].reset_index(drop=True)
        notes.append("pl ranks each paper's own table: cross-paper comparisons are not used")
    if method == "index":
        raise ValueError("the capability index ranks results (rank_results), not pairwise comparisons")
    if len(pairs) == 0:
        if anchor is not None:
            raise ValueError(f"anchor {anchor!r} is not among the ranked methods (nothing to rank)")
        return RankingResult(_empty_table(), excluded, pairs, notes=(*notes, "no comparisons"), **args)
    winner = pairs["winner"].astype(str).str.strip().str.lower()
    bad = sorted(set(winner[~winner.isin(list(WINNERS))]))
    if bad:
        raise ValueError(f"winner must be model_a, model_b or tie; found {', '.join(map(repr, bad[:5]))}")
    s = winner.map(WINNERS).to_numpy(dtype=float)
    codes, names = pd.factorize(pd.concat([pairs["model_a"], pairs["model_b"]], ignore_index=True).astype(str))
    n_rows = len(pairs)
    a, b, n = codes[:n_rows], codes[n_rows:], len(names)
    weight = pairs["weight"].to_numpy(dtype=float) if "weight" in pairs.columns else np.ones(len(pairs))
    component = graph.components(n, a, b)
    anchor_idx = _find_anchor(anchor, names)
    opts = dict(regularization=regularization, elo_k=elo_k, elo_orders=elo_orders, seed=seed, weight=weight)
    opts["order"] = estimators.date_order(pairs)
    opts["pair_index"] = index_pairs(a, b, n)
    if method == "pl":
        blocks = [c for c in ("table", "paper_id", "benchmark", "metric", "setting", "subset") if c in pairs.columns]
        has_paper = "paper_id" in pairs.columns and pairs["paper_id"].notna().all()
        block_frame = pairs[blocks].astype(str)
        opts["block"] = block_frame.groupby(blocks, sort=False).ngroup().to_numpy() if has_paper else np.arange(n_rows)
    estimate = estimators.estimator(method, a, b, s, n, component, opts)
    edges = dominance_edges(pairs, a, b, s) if dominance else np.zeros((0, 2), dtype=np.int64)
    started = time.perf_counter()
    raw = estimate(weight, None)
    fit_seconds = time.perf_counter() - started
    theta = project(raw, edges)
    moved = int(np.sum(np.abs(theta - raw) > 1e-6))
    if moved:
        notes.append(f"{moved} ratings were moved (least squares) so that no method that beat another in every "
                     "table they share is rated below it")  # fmt: skip
    rating = to_ratings(theta, component, anchor_idx, anchor_rating)
    if ci == "hessian":
        bt_pairs = opts["pair_index"].data(s, weight)
        var, how = uncertainty.hessian_variances(
            theta, bt_pairs, regularization, component, anchor_idx, dense_limit=dense_limit, probes=probes, seed=seed
        )
        z = float(norm.ppf(0.5 + level / 2))
        lower, upper = uncertainty.intervals_from_variance(rating, var, z)
        notes.append(hessian_note(method, how, level))
    else:
        clusters = estimators.clusters(pairs)
        # rounds refit without the dominance projection; the interval moves with the projected estimate
        draws = uncertainty.bootstrap_ratings(
            lambda w: estimate(w, raw),
            raw,
            weight,
            a,
            b,
            clusters,
            component,
            bootstrap_rounds,
            seed,
            anchor_idx,
            progress,
            estimators.batch_estimator(method, a, b, s, n, opts),
            estimators.batch_rounds(method, n, n_rows, bootstrap_rounds, opts),
        )
        raw_rating = to_ratings(raw, component, anchor_idx, anchor_rating)
        lower, upper, widened = uncertainty.bootstrap_intervals(draws, raw_rating, raw, level)
        lower, upper = lower + (rating - raw_rating), upper + (rating - raw_rating)
        notes.append(f"{level:.0%} intervals: {bootstrap_rounds} bootstrap rounds, resampling {clusters.what}")
        if widened.any():
            shown = ", ".join(np.asarray(names, dtype=object)[widened][:5]) + (" …" if widened.sum() > 5 else "")
            notes.append(
                f"{int(widened.sum())} interval(s) did not contain their rating (the resampled fits lean to one "
                f"side, as for a method that only wins or only loses) and were widened to reach it: {shown}"
            )
    robust = None
    if stability:
        if method != "bt":
            raise ValueError("--stability works with Bradley-Terry (--method bt)")
        clusters = estimators.clusters(pairs)
        if not clusters.by_paper:
            raise ValueError("--stability needs comparisons that carry their papers (not battles)")
        robust = stability_of(theta, np.asarray(names, dtype=object), a, b, s, weight, component, clusters,
                              clusters.names, estimate, edges, opts["pair_index"], regularization)  # fmt: skip
    counts = graph.outcome_counts(n, a, b, s)
    self_a = _bool_col(pairs, "self_reported_a")
    self_b = _bool_col(pairs, "self_reported_b")
    table = pd.DataFrame({"method": np.asarray(names, dtype=object), "rating": rating})
    table["ci_lower"], table["ci_upper"] = lower, upper
    table["rank"] = uncertainty.ci_rank(lower, upper, component)
    table["component"] = component
    table = pd.concat(
        [table, _per_method_counts(pairs, a, b, n), counts, graph.flags(counts, n, a, b, s, self_a, self_b)],
        axis=1,
    )
    table = table.sort_values(["component", "rank", "rating", "method"], ascending=[True, True, False, True])
    n_comp = int(component.max()) + 1
    if n_comp > 1:
        notes.append(f"{n_comp} disconnected components: ranks are within a component, never across")
    warnings = separation_warnings(table)
    return RankingResult(
        table[TABLE_COLUMNS].reset_index(drop=True),
        excluded,
        pairs,
        notes=tuple(notes),
        warnings=warnings,
        stability=robust,
        fit_seconds=fit_seconds,
        **args,
    )


def _bool_col(pairs: pd.DataFrame, col: str) -> np.ndarray:
    if col not in pairs.columns:
        return np.zeros(len(pairs), dtype=bool)
    return pairs[col].astype(object).eq(True).to_numpy()


def _find_anchor(anchor: str | None, names: pd.Index) -> int | None:
    if anchor is None:
        return None
    keys = [method_key(x) for x in names]
    key = method_key(anchor)
    if key not in keys:
        raise ValueError(f"anchor {anchor!r} is not among the ranked methods")
    return keys.index(key)


def _matches(series: pd.Series, wanted: str | None) -> pd.Series:
    if wanted is None:
        return pd.Series(True, index=series.index)
    return series.map(method_key) == method_key(wanted)


def rank_results(
    results: pd.DataFrame,
    *,
    papers: pd.DataFrame | None = None,
    benchmark: str | None = None,
    metric: str | None = None,
    subset: str | None = None,
    aliases: Mapping[str, str] | str | Path | None = None,
    cross_paper: bool = True,
    cross_paper_weight: float = 1.0,
    max_cross_pairs: int = 20_000,
    across_settings: bool = False,
    vocab: Iterable[str | Path] = (),
    **options,
) -> RankingResult:
    """Rank methods from rows of the `results` table (optionally restricted to a benchmark/metric/subset).

    `papers` (paper_id, published) supplies paper dates when `results` has no `published` column.
    `aliases`: None for the shipped vocab/methods.csv, a path to a user alias file (added to it), or a
    mapping spelling -> canonical name. `across_settings`: compare results of different settings (subset,
    qualifier, extra training data) too. `vocab`: user files of generic method names (generic.py). `method="index"`
    fits the capability index (index_api.py). Other keyword options are those of `rank_pairs`.
    """
    _check(options.get("method", "bt"), options.get("ci", "hessian"), options.get("bootstrap_rounds", 200))
    df = results
    if papers is not None and "published" not in df.columns and "published" in papers.columns:
        df = df.merge(papers[["paper_id", "published"]].drop_duplicates("paper_id"), on="paper_id", how="left")
    for col, wanted in (("benchmark", benchmark), ("metric", metric), ("subset", subset)):
        if wanted is not None:
            df = df[_matches(df[col], wanted)] if col in df.columns else df.iloc[:0]
    generic = load_generic_names(vocab)
    if options.get("method") == "index":
        return _rank_index(df, resolve_aliases(aliases), across_settings, options, generic)
    comp = build_comparisons(
        df,
        resolve_aliases(aliases),
        cross_paper=cross_paper,
        cross_paper_weight=cross_paper_weight,
        max_cross_pairs=max_cross_pairs,
        across_settings=across_settings,
        generic=generic,
    )
    result = rank_pairs(comp.pairs, excluded=comp.excluded, **options)
    line = scoped_note(comp.scoped)
    return replace(result, notes=(*result.notes, line)) if line else result


def _rank_index(
    df: pd.DataFrame, aliases: Mapping, across: bool, options: dict, generic: GenericNames
) -> RankingResult:
    """The capability index as a RankingResult (intervals always by the paper bootstrap)."""
    from leaderboard.rank.index_api import empty_pairs, index_table

    pooled, excluded, scoped = pooled_values(df, dict(aliases), across_settings=across, generic=generic)
    keys = ("bootstrap_rounds", "seed", "level", "progress")
    started = time.perf_counter()
    table, items, notes = index_table(pooled, **{k: options[k] for k in keys if k in options})
    fit_seconds = (time.perf_counter() - started) / (1 + options.get("bootstrap_rounds", 200))  # about one fit
    line = scoped_note(scoped)
    notes = [*notes, line] if line else notes
    if table.empty:
        table, fit_seconds = _empty_table(), 0.0  # nothing was fitted (no benchmark links enough methods)
    args = dict(method="index", ci="bootstrap", regularization=0.0, anchor=None)
    return RankingResult(
        table, excluded, empty_pairs(), notes=tuple(notes), items=items, fit_seconds=fit_seconds, **args
    )


def rank_battles(battles: pd.DataFrame, **options) -> RankingResult:
    """Rank models from Chatbot Arena battles: columns model_a, model_b, winner (model_a | model_b | tie |
    tie (bothbad)), optionally weight and tstamp (Elo order). Bootstrap resamples single battles."""
    missing = [c for c in ("model_a", "model_b", "winner") if c not in battles.columns]
    if missing:
        raise ValueError(f"battles need columns model_a, model_b, winner (missing: {', '.join(missing)})")
    keep = battles["model_a"].notna() & battles["model_b"].notna() & battles["winner"].notna()
    cols = ["model_a", "model_b", "winner"] + [c for c in ("weight",) if c in battles.columns]
    pairs = battles.loc[keep, cols].reset_index(drop=True)
    if "tstamp" in battles.columns:
        stamp = battles.loc[keep, "tstamp"]
        numeric = pd.api.types.is_numeric_dtype(stamp)
        dates = pd.to_datetime(stamp, errors="coerce", unit="s" if numeric else None)
        pairs["date"] = dates.to_numpy()
    return rank_pairs(pairs, **options)


__all__ = ["PAIR_COLUMNS", "RankingResult", "rank_battles", "rank_pairs", "rank_results"]
