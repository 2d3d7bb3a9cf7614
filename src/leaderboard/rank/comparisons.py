"""From reported results to weighted pairwise comparisons ("battles").

Input: a DataFrame with the columns of the `results` table (see leaderboard.models.Result), optionally with
a `published` column (the paper's ISO date, used to order Elo updates and SOTA series).

Three sources of comparisons:

* within a paper: every pair of methods that the paper reports on the same (benchmark, metric, subset,
  unit), compared by the metric's direction; per method the best of its values in that table counts;
* deltas: a kind='delta' row with `method` A and `baseline` B ("A outperforms B by 5.6% on RewardBench") gives
  one outcome, A wins when `improvement` is True and loses when it is False (rows with `improvement` unknown
  are dropped); a delta of zero is a tie. Deltas need no metric direction: `improvement` already says who
  is better;
* across papers: kind='absolute' rows on the same named benchmark, metric, subset (None matches None only)
  and unit compare methods of different papers (marked `cross_paper`); rows without a benchmark compare
  only within their paper.

Ties under reported precision: two values tie when they differ by less than half a unit in the last
written digit of the coarser one (92.0 vs 92.04: the resolution of "92.0" is 0.1, |d| = 0.04 < 0.05).

Weights: a paper's table (paper x benchmark x metric x subset) with k methods gives each pair the weight
1/(k-1), divided by the number of such tables the paper reports on that benchmark, so every method carries
at most weight 1 per paper and benchmark however many baselines or metrics the paper lists. Cross-paper
pairs in a group of n entries (one per paper and method) weigh `cross_paper_weight`/(n-1) each; a group with
more than `max_cross_pairs` pairs is sampled instead (see `cross_paper_pairs`).

Metric direction: an absolute row's `higher_is_better` is taken from the row, or else from the other rows of
the same (benchmark, metric); a (benchmark, metric) with no known direction, or with both directions, is left
out and listed in `excluded`. Raw values are never compared across benchmarks or metrics.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from leaderboard.rank.methods import AliasIndex, canonical_names, generic_name, load_generic_words

PAIR_COLUMNS = [
    "model_a",
    "model_b",
    "winner",  # model_a | model_b | tie
    "weight",
    "paper_id",
    "paper_b",  # the second paper of a cross-paper pair, else None
    "benchmark",
    "metric",
    "subset",
    "unit",
    "kind",  # absolute | delta
    "cross_paper",
    "self_reported_a",
    "self_reported_b",
    "value_a",
    "value_b",
    "date",
    "result_id_a",
    "result_id_b",
]
EXCLUDED_COLUMNS = ["benchmark", "metric", "rows", "reason"]

_NUMBER = r"(?:\d[\d,]*)?(?:\.(?P<dec>\d+))?(?:[eE](?P<exp>[-+]?\d+))?"
_NUMBER_RE = r"(?P<num>(?=\.?\d)" + _NUMBER + ")"


@dataclass(frozen=True)
class ComparisonSet:
    """Pairs (PAIR_COLUMNS) plus the (benchmark, metric) groups left out and why."""

    pairs: pd.DataFrame
    excluded: pd.DataFrame


def value_resolution(value_text: pd.Series) -> np.ndarray:
    """Unit in the last written digit of each number ("92.0%" -> 0.1, "1,234" -> 1, "2e-3" -> 0.001).

    0 where the text holds no number (such values tie only when exactly equal).
    """
    found = value_text.fillna("").astype(str).str.extract(_NUMBER_RE)
    decimals = found["dec"].fillna("").str.len().to_numpy(dtype=float)
    exponent = pd.to_numeric(found["exp"], errors="coerce").fillna(0).to_numpy(dtype=float)
    res = np.power(10.0, exponent - decimals)
    return np.where(found["num"].fillna("").str.len().to_numpy() > 0, res, 0.0)


def outcome(score_a: np.ndarray, score_b: np.ndarray, res_a: np.ndarray, res_b: np.ndarray) -> np.ndarray:
    """'model_a' / 'model_b' / 'tie' for oriented scores (higher is better) under reported precision."""
    diff = score_a - score_b
    tol = 0.5 * np.maximum(res_a, res_b) * (1 - 1e-9)
    tie = (diff == 0) | (np.abs(diff) < tol)
    return np.where(tie, "tie", np.where(diff > 0, "model_a", "model_b"))


def _key(series: pd.Series) -> pd.Series:
    """Missing values become "" so they group and match as their own value."""
    return series.astype(object).where(series.notna(), "").astype(str)


def _prepare(results: pd.DataFrame, aliases: AliasIndex | None) -> pd.DataFrame:
    df = results.copy()
    generic_words = load_generic_words()
    for col, default in [
        ("method_norm", None),
        ("baseline", None),
        ("improvement", None),
        ("is_own_method", None),
        ("subset", None),
        ("unit", None),
        ("kind", "absolute"),
        ("value_text", None),
        ("published", None),
        ("result_id", None),
        ("higher_is_better", None),
    ]:
        if col not in df.columns:
            df[col] = default
    df = df.reset_index(drop=True)
    surface = df["method"].where(df["method"].notna(), df["method_norm"])
    names = canonical_names(pd.concat([surface, df["baseline"]], ignore_index=True), aliases)
    df["m"] = names.iloc[: len(df)].to_numpy()
    df["b"] = names.iloc[len(df) :].to_numpy()
    for col in ("m", "b"):  # "the previous best" of one paper is not that of another: keep them apart
        generic = df[col].isin({n for n in df[col].dropna().unique() if generic_name(n, generic_words)})
        df.loc[generic, col] = df.loc[generic, col] + " [" + df.loc[generic, "paper_id"].astype(str) + "]"
    df["own"] = df["is_own_method"].astype(object).eq(True)
    df["date"] = pd.to_datetime(df["published"], errors="coerce")
    df["res"] = value_resolution(df["value_text"])
    for col in ("benchmark", "metric", "subset", "unit", "paper_id"):
        df[col + "_k"] = _key(df[col])
    return df[df["m"].notna() & df["value"].notna()]


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


def _entries(rows: pd.DataFrame) -> pd.DataFrame:
    """One row per (paper, benchmark, metric, subset, unit, method): the method's best value there."""
    rows = rows.assign(score=np.where(rows["dir"], rows["value"], -rows["value"]))
    keys = ["paper_id_k", "benchmark_k", "metric_k", "subset_k", "unit_k", "m"]
    rows = rows.sort_values([*keys, "score"], ascending=[True] * len(keys) + [False], kind="stable")
    cols = [*keys, "score", "value", "res", "own", "date", "result_id"]
    return rows.drop_duplicates(keys)[cols].reset_index(drop=True)


def _pair_frame(left: pd.DataFrame, right: pd.DataFrame, cross: bool) -> pd.DataFrame:
    win = outcome(left["score"].to_numpy(), right["score"].to_numpy(), left["res"].to_numpy(), right["res"].to_numpy())
    date = left["date"].to_numpy()
    if cross:  # a cross-paper comparison exists from the later paper on
        date = pd.DataFrame({"a": date, "b": right["date"].to_numpy()}).max(axis=1).to_numpy()
    return pd.DataFrame(
        {
            "model_a": left["m"].to_numpy(),
            "model_b": right["m"].to_numpy(),
            "winner": win,
            "paper_id": left["paper_id_k"].to_numpy(),
            "paper_b": right["paper_id_k"].to_numpy() if cross else None,
            "benchmark": left["benchmark_k"].to_numpy(),
            "metric": left["metric_k"].to_numpy(),
            "subset": left["subset_k"].to_numpy(),
            "unit": left["unit_k"].to_numpy(),
            "kind": "absolute",
            "cross_paper": cross,
            "self_reported_a": left["own"].to_numpy(),
            "self_reported_b": right["own"].to_numpy(),
            "value_a": left["value"].to_numpy(),
            "value_b": right["value"].to_numpy(),
            "date": date,
            "result_id_a": left["result_id"].to_numpy(),
            "result_id_b": right["result_id"].to_numpy(),
        }
    )


def _sorted_groups(entries: pd.DataFrame, group: list[str]) -> tuple[pd.DataFrame, np.ndarray]:
    """Entries sorted by group, with their group ids (0, 0, 1, 1, 1, 2, ...)."""
    gid = entries.groupby(group, sort=True).ngroup().to_numpy()
    order = np.argsort(gid, kind="stable")
    return entries.iloc[order].reset_index(drop=True), gid[order]


def all_pairs(gid: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Every (i, j), i < j, of rows sharing a group id; rows sorted by `gid` (vectorised, no merge)."""
    n = len(gid)
    counts = np.searchsorted(gid, gid, side="right") - np.arange(n) - 1
    left = np.repeat(np.arange(n), counts)
    starts = np.repeat(np.cumsum(counts) - counts, counts)
    return left, left + 1 + (np.arange(len(left)) - starts)


def sampled_pairs(gid: np.ndarray, degree: np.ndarray, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """A random sparse set of pairs (i < j) per group, each row in about 2 * degree of them.

    Rows of a group are put in a random cyclic order and each is paired with the rows at `degree` random
    distinct offsets from it (a random circulant graph: every row gets the same number of partners, and the
    graph is well connected). `degree` is given per row and constant within a group; rows sorted by `gid`.
    """
    rng = np.random.default_rng(seed)
    lefts, rights = [], []
    bounds = np.flatnonzero(np.diff(gid)) + 1
    for rows in np.split(np.arange(len(gid)), bounds) if len(gid) else []:
        n = len(rows)
        d = int(min(degree[rows[0]], (n - 1) // 2))
        if d < 1:
            continue
        cycle = rows[rng.permutation(n)]
        offsets = rng.choice(np.arange(1, n), size=d, replace=False)
        partner = cycle[(np.arange(n)[:, None] + offsets[None, :]) % n]
        i, j = np.repeat(cycle, d), partner.ravel()
        lefts.append(np.minimum(i, j))
        rights.append(np.maximum(i, j))
    if not lefts:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    key = np.unique(np.concatenate(lefts) * len(gid) + np.concatenate(rights))
    return key // len(gid), key % len(gid)


def within_paper_pairs(entries: pd.DataFrame) -> pd.DataFrame:
    """Every pair of methods in one paper's (benchmark, metric, subset, unit) table."""
    entries, gid = _sorted_groups(entries, ["paper_id_k", "benchmark_k", "metric_k", "subset_k", "unit_k"])
    i, j = all_pairs(gid)
    return _pair_frame(entries.iloc[i], entries.iloc[j], cross=False)


def cross_paper_pairs(entries: pd.DataFrame, cross_paper_weight: float, max_pairs: int = 20_000) -> pd.DataFrame:
    """Pairs of different methods from different papers on the same (benchmark, metric, subset, unit).

    A group of n entries (one per paper and method) gives all its pairs, each weighing
    cross_paper_weight / (n - 1), while n(n-1)/2 <= max_pairs; a larger group pairs each entry with about
    2d others, d = max_pairs // n, on a seeded random circulant (`sampled_pairs`), at weight
    cross_paper_weight / (2d). Either way
    an entry carries about cross_paper_weight in total and a group costs at most ~max_pairs comparisons.
    """
    entries = entries[entries["benchmark_k"] != ""]  # same metric, unnamed benchmark: not comparable
    entries, gid = _sorted_groups(entries, ["benchmark_k", "metric_k", "subset_k", "unit_k"])
    size = np.bincount(gid)[gid] if len(gid) else np.zeros(0, dtype=np.int64)
    small = size * (size - 1) // 2 <= max_pairs
    i1, j1 = all_pairs(gid[small])
    idx_small = np.flatnonzero(small)
    degree = np.maximum(max_pairs // np.maximum(size[~small], 1), 1)
    i2, j2 = sampled_pairs(gid[~small], degree)
    idx_big = np.flatnonzero(~small)
    i = np.concatenate([idx_small[i1], idx_big[i2]]).astype(np.int64)
    j = np.concatenate([idx_small[j1], idx_big[j2]]).astype(np.int64)
    per_pair = np.where(small, 1.0 / np.maximum(size - 1, 1), 0.0)
    per_pair[~small] = 1.0 / (2.0 * degree)
    paper, method = entries["paper_id_k"].to_numpy(), entries["m"].to_numpy()
    keep = (paper[i] != paper[j]) & (method[i] != method[j])
    i, j = i[keep], j[keep]
    pairs = _pair_frame(entries.iloc[i], entries.iloc[j], cross=True)
    pairs["weight"] = cross_paper_weight * per_pair[i]
    return pairs


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
            "kind": "delta",
            "cross_paper": False,
            "self_reported_a": d["own"].to_numpy(),
            "self_reported_b": False,
            "value_a": d["value"].to_numpy(),
            "value_b": np.nan,
            "date": d["date"].to_numpy(),
            "result_id_a": d["result_id"].to_numpy(),
            "result_id_b": None,
        }
    )


def block_weights(pairs: pd.DataFrame) -> np.ndarray:
    """1/(k-1) per pair in a paper's (benchmark, metric, subset) table of k methods, divided by the number of
    (metric, subset) tables the paper reports on that benchmark."""
    block = ["paper_id", "benchmark", "metric", "subset"]
    long = pd.concat(
        [pairs[[*block]].assign(m=pairs["model_a"]), pairs[[*block]].assign(m=pairs["model_b"])],
        ignore_index=True,
    )
    k = long.drop_duplicates().groupby(block).size().rename("k")
    tables = k.reset_index().groupby(["paper_id", "benchmark"]).size().rename("tables")
    w = pairs[block].join(k, on=block).join(tables, on=["paper_id", "benchmark"])
    return 1.0 / ((w["k"].to_numpy() - 1) * w["tables"].to_numpy())


def build_comparisons(
    results: pd.DataFrame,
    aliases: AliasIndex | None = None,
    *,
    cross_paper: bool = True,
    cross_paper_weight: float = 1.0,
    max_cross_pairs: int = 20_000,
) -> ComparisonSet:
    """Turn result rows into weighted pairwise comparisons (see the module docstring for the rules)."""
    df = _prepare(results, aliases)
    kind = df["kind"].fillna("absolute")
    absolute, excluded = _directions(df[kind == "absolute"])
    entries = _entries(absolute)
    within = pd.concat([within_paper_pairs(entries), delta_pairs(df[kind == "delta"])], ignore_index=True)
    if len(within):
        # one outcome per paper table and unordered pair (an absolute row beats a delta restating it)
        lo = np.minimum(within["model_a"].to_numpy(), within["model_b"].to_numpy())
        hi = np.maximum(within["model_a"].to_numpy(), within["model_b"].to_numpy())
        dup = within.assign(lo=lo, hi=hi).duplicated(["paper_id", "benchmark", "metric", "subset", "lo", "hi"])
        within = within[~dup.to_numpy()].reset_index(drop=True)
        within["weight"] = block_weights(within)
    parts = [within]
    if cross_paper:
        parts.append(cross_paper_pairs(entries, cross_paper_weight, max_cross_pairs))
    pairs = pd.concat([p for p in parts if len(p)], ignore_index=True) if any(len(p) for p in parts) else None
    if pairs is None:
        pairs = pd.DataFrame({c: pd.Series(dtype=object) for c in PAIR_COLUMNS})
    return ComparisonSet(pairs=pairs[PAIR_COLUMNS], excluded=excluded)
