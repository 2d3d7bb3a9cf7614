"""Observation units: which results form one table, and the comparisons each kind of table gives.

A *comparability group* is (benchmark, metric, unit, setting); the setting is the subset/split, the
qualifier and, for imported rows, whether extra training data was used (`uses_additional_data`). With
`across_settings` the setting is left out of the group, so results of every setting are compared.

A *table* is what one report ranks in one group:
  * a paper's own table: the extracted rows (source 'abstract') of one paper in one group;
  * a curated leaderboard table: the imported rows (any other source, e.g. 'pwc:squad.json') of one source
    in one group, one entry per submission, all measured under the leaderboard's protocol.
An *entry* is one method's best value in one table. The *report* behind an entry (its bootstrap cluster) is
its paper: a paper's table is one report, a curated table holds one report per submitted paper.

Comparisons (each a weighted pair; the weights are the README's weighting model):
  * paper table with k methods: every pair, weight 1/(k-1), divided by the number of tables the paper
    reports on that benchmark (a method carries weight <= 1 per paper and benchmark however many
    baselines or metrics the paper lists);
  * curated table: every pair of entries, weight 1 (two independent reports under one protocol), divided by
    the number of tables the source has on that benchmark;
  * across tables: a method's entries in the group are pooled into one (median value, all its papers), so a
    method reported by several sources counts once; two pooled methods that share no table are compared
    at weight `cross_paper_weight`/(n-1), n the pooled entries of the group (sampled when large).
Methods that share a table are compared only by the tables they share.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

GROUP = ["benchmark_k", "metric_k", "unit_k", "setting_k"]
TABLE = [*GROUP, "report_k"]
SEP = "\x1f"  # joins the papers of a pooled entry


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


def setting_key(df: pd.DataFrame, across_settings: bool) -> pd.Series:
    """The setting part of the comparability group: subset | qualifier | extra data ("" when ignored)."""
    if across_settings:
        return pd.Series("", index=df.index)
    extra = df["uses_additional_data"].astype(object)
    extra_k = np.where(extra.eq(True), "extra data", np.where(extra.eq(False), "", ""))
    return df["subset_k"] + SEP + df["qualifier_k"] + SEP + extra_k


def setting_label(key: str) -> str:
    """A setting key as a person reads it ("test · 5-shot · extra data"; "" for the default setting)."""
    return " · ".join(part for part in key.split(SEP) if part)


def entries(rows: pd.DataFrame) -> pd.DataFrame:
    """One row per (table, method): the method's best oriented value there (rows carry `score`)."""
    keys = [*TABLE, "m"]
    rows = rows.sort_values([*keys, "score"], ascending=[True] * len(keys) + [False], kind="stable")
    cols = [*keys, "curated", "paper_id_k", "subset_k", "score", "value", "res", "own", "date", "result_id"]
    return rows.drop_duplicates(keys)[cols].reset_index(drop=True)


def pooled_entries(ent: pd.DataFrame) -> pd.DataFrame:
    """One row per (group, method): median value over its tables, its papers joined, earliest date."""
    grp = ent.groupby([*GROUP, "m"], sort=True)
    out = grp.agg(
        score=("score", "median"),
        value=("value", "median"),
        res=("res", "max"),
        own=("own", "max"),
        date=("date", "min"),
        subset_k=("subset_k", "first"),
        result_id=("result_id", "first"),
        paper_id_k=("paper_id_k", "first"),
        tables=("report_k", "nunique"),
    ).reset_index()
    papers = grp["paper_id_k"].agg(lambda s: SEP.join(sorted(set(s))))
    out["papers"] = papers.to_numpy()
    return out


def _frame(left: pd.DataFrame, right: pd.DataFrame, outcome, kind: str) -> pd.DataFrame:
    """Pairs between aligned rows of `left` and `right` (see comparisons.PAIR_COLUMNS)."""
    win = outcome(left["score"].to_numpy(), right["score"].to_numpy(), left["res"].to_numpy(), right["res"].to_numpy())
    cross = kind == "cross"
    date = left["date"].to_numpy()
    if kind != "paper":  # a comparison between two reports exists from the later one on
        date = pd.DataFrame({"a": date, "b": right["date"].to_numpy()}).max(axis=1).to_numpy()
    papers_a = left["papers"].to_numpy() if cross else left["paper_id_k"].to_numpy()
    papers_b = right["papers"].to_numpy() if cross else right["paper_id_k"].to_numpy()
    return pd.DataFrame(
        {
            "model_a": left["m"].to_numpy(),
            "model_b": right["m"].to_numpy(),
            "winner": win,
            "paper_id": left["paper_id_k"].to_numpy(),
            "paper_b": None if kind == "paper" else right["paper_id_k"].to_numpy(),
            "benchmark": left["benchmark_k"].to_numpy(),
            "metric": left["metric_k"].to_numpy(),
            "subset": left["subset_k"].to_numpy(),
            "unit": left["unit_k"].to_numpy(),
            "setting": left["setting_k"].to_numpy(),
            "table": "" if cross else left["report_k"].to_numpy(),
            "kind": "absolute",
            "cross_paper": cross,
            "self_reported_a": left["own"].to_numpy(),
            "self_reported_b": right["own"].to_numpy(),
            "value_a": left["value"].to_numpy(),
            "value_b": right["value"].to_numpy(),
            "date": date,
            "result_id_a": left["result_id"].to_numpy(),
            "result_id_b": right["result_id"].to_numpy(),
            "papers_a": papers_a,
            "papers_b": papers_a if kind == "paper" else papers_b,
        }
    )


def _sorted_groups(frame: pd.DataFrame, group: list[str]) -> tuple[pd.DataFrame, np.ndarray]:
    """Rows sorted by group, with their group ids (0, 0, 1, 1, 1, 2, ...)."""
    gid = frame.groupby(group, sort=True).ngroup().to_numpy()
    order = np.argsort(gid, kind="stable")
    return frame.iloc[order].reset_index(drop=True), gid[order]


def table_pairs(ent: pd.DataFrame, outcome) -> pd.DataFrame:
    """Every pair of methods of each table (paper tables: weight set later by `paper_weights`)."""
    ent, gid = _sorted_groups(ent, TABLE)
    i, j = all_pairs(gid)
    curated = ent["curated"].to_numpy()[i]
    parts = []
    if (~curated).any():
        parts.append(_frame(ent.iloc[i[~curated]], ent.iloc[j[~curated]], outcome, "paper"))
    if curated.any():
        c = _frame(ent.iloc[i[curated]], ent.iloc[j[curated]], outcome, "curated")
        c["weight"] = 1.0 / _tables_per_benchmark(c)
        parts.append(c)
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame()


def _tables_per_benchmark(pairs: pd.DataFrame) -> np.ndarray:
    """How many tables the pair's report has on the pair's benchmark (metrics x settings x units)."""
    key = ["table", "benchmark"]
    tables = pairs.drop_duplicates([*key, "metric", "setting"]).groupby(key).size().rename("t")
    return pairs[key].join(tables, on=key)["t"].to_numpy(dtype=float)


def paper_weights(pairs: pd.DataFrame) -> np.ndarray:
    """1/(k-1) per pair in a paper table of k methods, divided by the paper's number of tables on the benchmark."""
    block = ["table", "benchmark", "metric", "setting"]
    long = pd.concat(
        [pairs[block].assign(m=pairs["model_a"]), pairs[block].assign(m=pairs["model_b"])], ignore_index=True
    )
    k = long.drop_duplicates().groupby(block).size().rename("k")
    return 1.0 / ((pairs[block].join(k, on=block)["k"].to_numpy() - 1) * _tables_per_benchmark(pairs))


def cross_pairs(
    ent: pd.DataFrame, shared: pd.DataFrame, outcome, cross_paper_weight: float, max_pairs: int
) -> pd.DataFrame:
    """Pairs of pooled methods of one group that share no table (see the module docstring)."""
    pooled = pooled_entries(ent[ent["benchmark_k"] != ""])  # an unnamed benchmark is not comparable
    pooled, gid = _sorted_groups(pooled, GROUP)
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
    if len(shared) and len(i):
        m = pooled["m"].to_numpy()
        lo, hi = np.minimum(m[i], m[j]), np.maximum(m[i], m[j])
        cand = pd.DataFrame({"g": gid[i], "lo": lo, "hi": hi})
        groups = pooled[GROUP].assign(g=gid).drop_duplicates()
        known = shared.merge(groups, on=GROUP, how="inner")[["g", "lo", "hi"]].drop_duplicates()
        hit = cand.merge(known.assign(_shared=True), on=["g", "lo", "hi"], how="left")["_shared"]
        keep = hit.isna().to_numpy()
        i, j = i[keep], j[keep]
    pairs = _frame(pooled.iloc[i].assign(report_k=""), pooled.iloc[j].assign(report_k=""), outcome, "cross")
    pairs["weight"] = cross_paper_weight * per_pair[i]
    return pairs


def shared_tables(pairs: pd.DataFrame) -> pd.DataFrame:
    """(group, lo, hi) of every method pair that shares a table (to leave them out of the cross pairs)."""
    if not len(pairs):
        return pd.DataFrame(columns=[*GROUP, "lo", "hi"])
    a, b = pairs["model_a"].to_numpy(), pairs["model_b"].to_numpy()
    out = pd.DataFrame(
        {
            "benchmark_k": pairs["benchmark"].to_numpy(),
            "metric_k": pairs["metric"].to_numpy(),
            "unit_k": pairs["unit"].to_numpy(),
            "setting_k": pairs["setting"].to_numpy(),
            "lo": np.minimum(a, b),
            "hi": np.maximum(a, b),
        }
    )
    return out.drop_duplicates()
