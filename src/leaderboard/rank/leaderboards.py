"""Per-benchmark leaderboards and state-of-the-art-over-time series, straight from reported values.

No model here: a leaderboard is each method's best reported absolute value on one (benchmark, metric),
ordered by the metric's direction; the SOTA series is the best value so far by paper date, for a step
chart. Values are only compared within one benchmark, metric and unit: by default the unit most rows use
(a bare 0.92 and 92% are not the same number). When the direction is unknown the table is still returned,
unranked (`position` empty) and ordered by method name. `aliases` as in `api.rank_results` (None: the
shipped vocab/methods.csv).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import numpy as np
import pandas as pd

from leaderboard.rank.methods import canonical_names, method_key, resolve_aliases

LEADERBOARD_COLUMNS = [
    "position",
    "method",
    "value",
    "value_text",
    "unit",
    "subset",
    "paper_id",
    "title",
    "published",
    "reported_as",  # own | baseline | unknown: whether the paper reports its own method
    "evidence",
    "result_id",
]
SOTA_COLUMNS = ["published", "method", "value", "paper_id", "sota_value", "sota_method", "is_record"]


def _column(df: pd.DataFrame, name: str) -> pd.Series:
    return df[name] if name in df.columns else pd.Series(None, index=df.index, dtype=object)


def _select(
    results: pd.DataFrame,
    benchmark: str,
    metric: str,
    subset: str | None,
    unit: str | None,
    aliases: Mapping[str, str] | str | Path | None,
) -> tuple[pd.DataFrame, bool | None]:
    """Absolute rows of one benchmark/metric(/subset) in one unit, with canonical method names."""
    df = results
    keep = _column(df, "benchmark").map(method_key).eq(method_key(benchmark))
    keep &= _column(df, "metric").map(method_key).eq(method_key(metric))
    keep &= _column(df, "kind").fillna("absolute").eq("absolute") & df["value"].notna()
    if subset is not None:
        keep &= _column(df, "subset").map(method_key).eq(method_key(subset))
    df = df[keep].copy()
    surface = _column(df, "method").where(_column(df, "method").notna(), _column(df, "method_norm"))
    df["method"] = canonical_names(surface, resolve_aliases(aliases))
    df = df[df["method"].notna()]
    units = _column(df, "unit").astype(object).where(_column(df, "unit").notna(), "")
    if unit is None and len(df):
        unit = units.value_counts().sort_index().sort_values(ascending=False, kind="stable").index[0]
    df = df[units == (unit or "")]
    hib = set(_column(df, "higher_is_better").dropna().astype(bool))
    direction = hib.pop() if len(hib) == 1 else None
    return df, direction


def _with_dates(results: pd.DataFrame, papers: pd.DataFrame | None) -> pd.DataFrame:
    if papers is not None and "published" not in results.columns and "published" in papers.columns:
        return results.merge(papers[["paper_id", "published"]].drop_duplicates("paper_id"), on="paper_id", how="left")
    return results


def leaderboard_table(
    results: pd.DataFrame,
    benchmark: str,
    metric: str,
    *,
    subset: str | None = None,
    unit: str | None = None,
    papers: pd.DataFrame | None = None,
    aliases: Mapping[str, str] | str | Path | None = None,
) -> pd.DataFrame:
    """Best reported result per method on (benchmark, metric[, subset]), best first (LEADERBOARD_COLUMNS).

    Equal values share a position (competition ranking: 1, 2, 2, 4). Among a method's equal best values the
    earliest paper is shown.
    """
    df, direction = _select(_with_dates(results, papers), benchmark, metric, subset, unit, aliases)
    if df.empty:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in LEADERBOARD_COLUMNS})
    df["published"] = pd.to_datetime(_column(df, "published"), errors="coerce")
    own = _column(df, "is_own_method").astype(object)
    df["reported_as"] = np.where(own.eq(True), "own", np.where(own.eq(False), "baseline", "unknown"))
    score = df["value"] if direction in (True, None) else -df["value"]
    df = df.assign(_score=score).sort_values(["method", "_score", "published"], ascending=[True, False, True])
    best = df.drop_duplicates("method")
    if direction is None:
        best = best.sort_values("method").assign(position=pd.NA)
    else:
        best = best.sort_values(["_score", "published", "method"], ascending=[False, True, True])
        best["position"] = best["_score"].rank(method="min", ascending=False).astype("Int64")
    for col in LEADERBOARD_COLUMNS:
        if col not in best.columns:
            best[col] = None
    return best[LEADERBOARD_COLUMNS].reset_index(drop=True)


def sota_over_time(
    results: pd.DataFrame,
    benchmark: str,
    metric: str,
    *,
    subset: str | None = None,
    unit: str | None = None,
    papers: pd.DataFrame | None = None,
    aliases: Mapping[str, str] | str | Path | None = None,
) -> pd.DataFrame:
    """Every dated result in date order with the best value so far (SOTA_COLUMNS).

    `is_record` marks the results that set a new best (strictly better than every earlier date's best);
    plotting `sota_value` against `published` as a step line gives the SOTA chart. Empty when the metric's
    direction is unknown or no result is dated.
    """
    df, direction = _select(_with_dates(results, papers), benchmark, metric, subset, unit, aliases)
    df = df.assign(published=pd.to_datetime(_column(df, "published"), errors="coerce"))
    df = df[df["published"].notna()]
    if direction is None or df.empty:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in SOTA_COLUMNS})
    sign = 1.0 if direction else -1.0
    df = df.assign(_score=sign * df["value"]).sort_values(["published", "_score"], ascending=[True, False])
    best_so_far = df["_score"].cummax()
    previous = best_so_far.shift(1, fill_value=-np.inf)
    df["is_record"] = df["_score"] > previous
    df["sota_value"] = sign * best_so_far
    df["sota_method"] = df["method"].where(df["is_record"]).ffill()
    return df[SOTA_COLUMNS].reset_index(drop=True)


def benchmark_overview(results: pd.DataFrame) -> pd.DataFrame:
    """One row per (benchmark, metric) with absolute results: counts and the known direction, for pickers."""
    df = results[_column(results, "kind").fillna("absolute").eq("absolute")]
    df = df[df["benchmark"].notna() & df["metric"].notna()]
    hib = _column(df, "higher_is_better").astype(object)
    out = (
        df.assign(_t=hib.eq(True), _f=hib.eq(False))
        .groupby(["benchmark", "metric"])
        .agg(
            results=("value", "size"),
            papers=("paper_id", "nunique"),
            methods=("method", "nunique"),
            _t=("_t", "sum"),
            _f=("_f", "sum"),
        )
        .reset_index()
    )
    out["higher_is_better"] = np.where(
        (out["_t"] > 0) & (out["_f"] == 0), True, np.where((out["_f"] > 0) & (out["_t"] == 0), False, None)
    )
    return out.drop(columns=["_t", "_f"]).sort_values(["results", "benchmark"], ascending=[False, True])
