"""From reported results to weighted pairwise comparisons ("battles").

Input: a DataFrame with the columns of the `results` table (see leaderboard.models.Result), optionally with
`published` (the paper's ISO date, for Elo order) and `uses_additional_data` (from `result_extras`).

What one observation is, and how much each comparison weighs, is in `tables` (the README's weighting model):
paper tables, curated leaderboard tables, and pooled entries compared across tables. On top of that:

* deltas: a kind='delta' row with `method` A and `baseline` B ("A outperforms B by 5.6% on RewardBench") gives
  one outcome in A's paper table, A wins when `improvement` is True and loses when it is False (rows with
  `improvement` unknown are dropped); a delta of zero is a tie. Deltas need no metric direction;
* ties under reported precision: two values tie when they differ by less than half a unit in the last
  written digit of the coarser one (92.0 vs 92.04: the resolution of "92.0" is 0.1, |d| = 0.04 < 0.05);
* metric direction: an absolute row's `higher_is_better` is taken from the row, or else from the other rows of
  the same (benchmark, metric); a (benchmark, metric) with no known direction, or with both directions, is
  left out and listed in `excluded`. Raw values are never compared across benchmarks or metrics.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from leaderboard.knowledge.precision import half_ulps
from leaderboard.rank import tables
from leaderboard.rank.generic import GenericNames, ScopedRows, generic_names, scope_generic
from leaderboard.rank.methods import AliasIndex, canonical_names
from leaderboard.rank.tables import all_pairs, sampled_pairs

PAIR_COLUMNS = [
    "model_a",
    "model_b",
    "winner",  # model_a | model_b | tie
    "weight",
    "paper_id",
    "paper_b",  # the second side's paper in a curated table or across tables; None in a paper table
    "benchmark",
    "metric",
    "subset",
    "unit",
    "setting",  # the setting key of the comparability group ("" = default setting)
    "table",  # the table (report) of a within-table pair: paper:<id> | source:<source>; "" across tables
    "kind",  # absolute | delta
    "cross_paper",
    "self_reported_a",
    "self_reported_b",
    "value_a",
    "value_b",
    "date",
    "result_id_a",
    "result_id_b",
    "papers_a",  # the bootstrap clusters (papers) behind each side, joined by tables.SEP
    "papers_b",
]
EXCLUDED_COLUMNS = ["benchmark", "metric", "rows", "reason"]


@dataclass(frozen=True)
class ComparisonSet:
    """Pairs (PAIR_COLUMNS) plus the (benchmark, metric) groups left out and why."""

    pairs: pd.DataFrame
    excluded: pd.DataFrame
    scoped: ScopedRows = ScopedRows(0, ())  # rows whose generic method name was kept within its paper


def value_resolution(
    value_text: pd.Series, value: pd.Series | None = None, half: pd.Series | None = None
) -> np.ndarray:
    """Unit in the last written digit of each number ("92.0%" -> 0.1, "1,234" -> 1, "2e-3" -> 0.001), on the
    scale of `value` when given: twice the rows' `value_half_ulp` (`half`) where known, else computed from the
    text by the one implementation (knowledge/precision.py). 0 where the text holds no number.
    """
    res = 2 * half_ulps(value_text.tolist(), None if value is None else value.to_numpy(dtype=float))
    if half is not None:
        known = pd.to_numeric(half, errors="coerce").to_numpy(dtype=float)
        res = np.where(np.isnan(known), res, 2 * known)
    return res


def outcome(score_a: np.ndarray, score_b: np.ndarray, res_a: np.ndarray, res_b: np.ndarray) -> np.ndarray:
    """'model_a' / 'model_b' / 'tie' for oriented scores (higher is better) under reported precision."""
    diff = score_a - score_b
    tol = 0.5 * np.maximum(res_a, res_b) * (1 - 1e-9)
    tie = (diff == 0) | (np.abs(diff) < tol)
    return np.where(tie, "tie", np.where(diff > 0, "model_a", "model_b"))


def _key(series: pd.Series) -> pd.Series:
    """Missing values become "" so they group and match as their own value."""
    return series.astype(object).where(series.notna(), "").astype(str)


def _prepare(
    results: pd.DataFrame, aliases: AliasIndex | None, across_settings: bool, generic: GenericNames | None = None
) -> tuple[pd.DataFrame, ScopedRows]:
    df = results.copy()
    for col, default in [
        ("method_norm", None),
        ("baseline", None),
        ("improvement", None),
        ("is_own_method", None),
        ("subset", None),
        ("qualifier", None),
        ("uses_additional_data", None),
        ("unit", None),
        ("kind", "absolute"),
        ("value_text", None),
        ("value_half_ulp", None),
        ("published", None),
        ("result_id", None),
        ("higher_is_better", None),
        ("source", None),
    ]:
        if col not in df.columns:
            df[col] = default
    df = df.reset_index(drop=True)
    surface = df["method"].where(df["method"].notna(), df["method_norm"])
    names = canonical_names(pd.concat([surface, df["baseline"]], ignore_index=True), aliases)
    df["m"] = names.iloc[: len(df)].to_numpy()
    df["b"] = names.iloc[len(df) :].to_numpy()
    # "Random" or "the previous best" of one paper is not that of another: keep them within their paper
    scoped_cols, scoped = scope_generic(df, ("m", "b"), generic or generic_names())
    df["generic"] = df["m"].notna() & scoped_cols["m"].ne(df["m"])
    df["m"], df["b"] = scoped_cols["m"], scoped_cols["b"]
    df["own"] = df["is_own_method"].astype(object).eq(True)
    df["date"] = pd.to_datetime(df["published"], errors="coerce")
    df["res"] = value_resolution(df["value_text"], df["value"], df["value_half_ulp"])
    for col in ("benchmark", "metric", "subset", "qualifier", "unit", "paper_id", "source"):
        df[col + "_k"] = _key(df[col])
    df["curated"] = ~df["source_k"].isin(["", "abstract"])
    # a curated table is its source's; a paper's own table is its paper's
    df["report_k"] = np.where(df["curated"], "source:" + df["source_k"], "paper:" + df["paper_id_k"])
    df["setting_k"] = tables.setting_key(df, across_settings)
    return df[df["m"].notna() & df["value"].notna()], scoped


def _directions(absolute: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Attach a known direction to each absolute row, or move its (benchmark, metric) to `excluded`."""
    hib = absolute["higher_is_better"].astype(object)
    stats = (
        pd.DataFrame(
            {
                "benchmark_k": absolute["benchmark_k"],
                "metric_k": absolute["metric_k"],
                "t": hib.eq(True),
                "f": hib.eq(False),
            }
        )
        .groupby(["benchmark_k", "metric_k"])
        .agg(rows=("t", "size"), t=("t", "sum"), f=("f", "sum"))
        .reset_index()
    )
    stats["reason"] = np.where(
        (stats["t"] > 0) & (stats["f"] > 0),
        "conflicting direction",
        np.where((stats["t"] == 0) & (stats["f"] == 0), "unknown direction", ""),
    )
    stats["dir"] = stats["t"] > 0
    rows = absolute.merge(stats[["benchmark_k", "metric_k", "reason", "dir"]], on=["benchmark_k", "metric_k"])
    bad = stats[stats["reason"] != ""].rename(columns={"benchmark_k": "benchmark", "metric_k": "metric"})
    return rows[rows["reason"] == ""].copy(), bad[EXCLUDED_COLUMNS].reset_index(drop=True)


def delta_pairs(deltas: pd.DataFrame) -> pd.DataFrame:
    """One outcome per delta row between its method (model_a) and its baseline (model_b)."""
    d = deltas[deltas["b"].notna() & (deltas["m"] != deltas["b"])]
    zero = (d["value"].abs() < 0.5 * d["res"] * (1 - 1e-9)) | (d["value"] == 0)
    imp = d["improvement"].astype(object)
    d, zero, imp = d[zero | imp.notna()], zero[zero | imp.notna()], imp[zero | imp.notna()]
    winner = np.where(zero, "tie", np.where(imp.eq(True), "model_a", "model_b"))
    return pd.DataFrame(
        {
            "model_a": d["m"].to_numpy(),
            "model_b": d["b"].to_numpy(),
            "winner": winner,
            "paper_id": d["paper_id_k"].to_numpy(),
            "paper_b": None,
            "benchmark": d["benchmark_k"].to_numpy(),
            "metric": d["metric_k"].to_numpy(),
            "subset": d["subset_k"].to_numpy(),
            "unit": d["unit_k"].to_numpy(),
            "setting": d["setting_k"].to_numpy(),
            "table": d["report_k"].to_numpy(),
            "kind": "delta",
            "cross_paper": False,
            "self_reported_a": d["own"].to_numpy(),
            "self_reported_b": False,
            "value_a": d["value"].to_numpy(),
            "value_b": np.nan,
            "date": d["date"].to_numpy(),
            "result_id_a": d["result_id"].to_numpy(),
            "result_id_b": None,
            "papers_a": d["paper_id_k"].to_numpy(),
            "papers_b": d["paper_id_k"].to_numpy(),
        }
    )


def build_comparisons(
    results: pd.DataFrame,
    aliases: AliasIndex | None = None,
    *,
    cross_paper: bool = True,
    cross_paper_weight: float = 1.0,
    max_cross_pairs: int = 20_000,
    across_settings: bool = False,
    generic: GenericNames | None = None,
) -> ComparisonSet:
    """Turn result rows into weighted pairwise comparisons (see `tables` and the module docstring).

    `generic`: the generic method names kept within their paper (default: the shipped vocabulary; see `generic`).
    """
    df, scoped = _prepare(results, aliases, across_settings, generic)
    kind = df["kind"].fillna("absolute")
    absolute, excluded = _directions(df[kind == "absolute"])
    absolute["score"] = np.where(absolute["dir"], absolute["value"], -absolute["value"])
    ent = tables.entries(absolute)
    in_tables = tables.table_pairs(ent, outcome)
    paper = in_tables[in_tables["paper_b"].isna()] if len(in_tables) else in_tables
    listed = in_tables[in_tables["paper_b"].notna()] if len(in_tables) else in_tables
    within = _concat([paper, delta_pairs(df[kind == "delta"])])
    if len(within):
        # one outcome per paper table and unordered pair (an absolute row beats a delta restating it)
        lo = np.minimum(within["model_a"].to_numpy(), within["model_b"].to_numpy())
        hi = np.maximum(within["model_a"].to_numpy(), within["model_b"].to_numpy())
        dup = within.assign(lo=lo, hi=hi).duplicated(["table", "benchmark", "metric", "setting", "lo", "hi"])
        within = within[~dup.to_numpy()].reset_index(drop=True)
        within["weight"] = tables.paper_weights(within)
    parts = [within, listed]
    if cross_paper:
        shared = tables.shared_tables(_concat(parts))
        named = ent[~ent["m"].isin(set(df.loc[df["generic"], "m"]))]  # a generic row never links two papers
        parts.append(tables.cross_pairs(named, shared, outcome, cross_paper_weight, max_cross_pairs))
    pairs = _concat(parts)
    return ComparisonSet(pairs=pairs[PAIR_COLUMNS], excluded=excluded, scoped=scoped)


def pooled_values(
    results: pd.DataFrame,
    aliases: AliasIndex | None = None,
    *,
    across_settings: bool = False,
    generic: GenericNames | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame, ScopedRows]:
    """One row per (comparability group, method) with its pooled value, direction and papers (for the capability
    index), the (benchmark, metric) groups left out for want of a direction, and the rows whose generic method
    name was kept within its paper."""
    df, scoped = _prepare(results, aliases, across_settings, generic)
    absolute, excluded = _directions(df[df["kind"].fillna("absolute") == "absolute"])
    absolute["score"] = np.where(absolute["dir"], absolute["value"], -absolute["value"])
    ent = tables.entries(absolute[absolute["benchmark_k"] != ""])
    pooled = tables.pooled_entries(ent)
    direction = absolute.drop_duplicates(["benchmark_k", "metric_k"]).set_index(["benchmark_k", "metric_k"])["dir"]
    pooled["dir"] = direction.reindex(pd.MultiIndex.from_frame(pooled[["benchmark_k", "metric_k"]])).to_numpy()
    return pooled, excluded, scoped


def _concat(parts: list[pd.DataFrame]) -> pd.DataFrame:
    """The non-empty frames stacked, or an empty pairs frame."""
    parts = [p for p in parts if len(p)]
    if not parts:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in PAIR_COLUMNS})
    return pd.concat(parts, ignore_index=True)


__all__ = [
    "PAIR_COLUMNS",
    "ComparisonSet",
    "all_pairs",
    "build_comparisons",
    "outcome",
    "pooled_values",
    "sampled_pairs",
]
