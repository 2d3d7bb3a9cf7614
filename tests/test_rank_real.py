"""Rankings on real leaderboards: Papers with Code's squad.json and nlp-progress.json (tests/data/pwc, CC-BY-SA-4.0)
built with the seeds into one database (the `leaderboards_db` fixture)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from scipy.stats import spearmanr

from leaderboard.rank.api import rank_results
from leaderboard.rank.methods import canonical_names, resolve_aliases
from tests.helpers import sql

RANK_INPUT = Path(__file__).resolve().parents[1] / "src" / "leaderboard" / "rank" / "sql" / "rank_input.sql"


@pytest.fixture(scope="module")
def rows(leaderboards_db: Path) -> pd.DataFrame:
    return sql(leaderboards_db, RANK_INPUT.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def squad_f1(rows: pd.DataFrame) -> pd.Series:
    """Best SQuAD1.1 F1 per method (canonical names), straight from the rows."""
    sub = rows[(rows.benchmark == "SQuAD1.1") & (rows.metric == "F1") & rows.method.notna()]
    names = canonical_names(sub.method, resolve_aliases(None))
    return sub.assign(m=names.to_numpy()).groupby("m").value.max()


def test_bradley_terry_follows_f1_on_the_curated_squad_leaderboard(rows, squad_f1) -> None:
    out = rank_results(rows, benchmark="SQuAD1.1", metric="F1")
    t = out.table
    assert len(t) == 160 and set(t.method) == set(squad_f1.index)
    assert spearmanr(t.rating, t.method.map(squad_f1)).statistic >= 0.95
    assert t.method.iloc[0] == squad_f1.idxmax() == "LUKE (single model)"
    assert t["rank"].nunique() >= 10  # the intervals of a 160-entry leaderboard separate its top from its bottom
    top, bottom = t.iloc[0], t.iloc[-1]
    assert top.ci_lower > bottom.ci_upper
    assert (t.papers == 1).all()  # each entry is one submission: `papers` counts its own sources only
    assert not out.warnings


def test_bootstrap_intervals_contain_their_estimate_and_only_prior_held_ones_are_widened(rows) -> None:
    out = rank_results(rows, benchmark="SQuAD1.1", metric="F1", ci="bootstrap", bootstrap_rounds=60)
    t = out.table.set_index("method")
    assert ((t.ci_lower <= t.rating) & (t.rating <= t.ci_upper)).all()
    assert out.notes[0] == "95% intervals: 60 bootstrap rounds, resampling 135 papers"
    widened = [n for n in out.notes if "widened" in n]
    if widened:  # a percentile interval misses its estimate only where the prior holds the rating
        names = widened[0].split("reach it: ")[1].rstrip(" …").split(", ")
        assert all(t.loc[n, "only_wins"] or t.loc[n, "only_losses"] for n in names)
    assert t["rank"].nunique() >= 10


@pytest.mark.parametrize("method", ["elo", "elo-shuffled"])
def test_elo_follows_f1_with_fractional_weights(rows, squad_f1, method) -> None:
    for dominance in (True, False):  # not only thanks to the dominance projection
        t = rank_results(rows, benchmark="SQuAD1.1", metric="F1", method=method, dominance=dominance, elo_orders=20)
        t = t.table
        assert spearmanr(t.rating, t.method.map(squad_f1)).statistic >= 0.9
        assert t.rating.max() - t.rating.min() > 200  # not flat around 1000


def _dominances(rows: pd.DataFrame) -> list[tuple[str, str]]:
    """(winner, loser): the winner is better in every table (source, benchmark, metric, subset) both are in."""
    df = rows[rows.method.notna() & rows.higher_is_better.notna() & (rows.kind == "absolute")].copy()
    df["m"] = canonical_names(df.method, resolve_aliases(None)).to_numpy()
    df["score"] = df.value.where(df.higher_is_better.astype(bool), -df.value)
    df["table"] = list(zip(df.source, df.metric, df.subset.fillna(""), df.unit.fillna(""), strict=True))
    best = df.groupby(["table", "m"]).score.max().reset_index()
    pairs = best.merge(best, on="table")
    pairs = pairs[pairs.m_x != pairs.m_y]
    stats = pairs.assign(win=pairs.score_x > pairs.score_y).groupby(["m_x", "m_y"]).win.agg(["all", "size"])
    return list(stats[stats["all"]].index)


def test_dominance_consistency_on_every_nlp_progress_benchmark(rows) -> None:
    nlp = rows[rows.source == "pwc:nlp-progress.json"]
    checked = 0
    for bench in sorted(nlp.benchmark.dropna().unique()):
        out = rank_results(nlp, benchmark=bench)
        if out.table.empty:
            continue
        rating = out.table.set_index("method").rating
        for winner, loser in _dominances(nlp[nlp.benchmark == bench]):
            if winner in rating.index and loser in rating.index:
                assert rating[winner] >= rating[loser] - 1e-6, (bench, winner, loser)
                checked += 1
    assert checked > 1000


def test_repeated_reports_of_a_method_are_pooled_not_counted_as_wins(rows) -> None:
    out = rank_results(rows, benchmark="SQuAD1.1")  # both metrics: 2 tables of one source, weight 1/2 each
    pairs = out.pairs
    assert not (pairs.model_a == pairs.model_b).any()
    within = pairs[~pairs.cross_paper]
    assert set(within.table) == {"source:pwc:squad.json"}
    assert within.weight.round(6).unique().tolist() == [0.5]


def test_stability_of_the_squad_top(rows) -> None:
    st = rank_results(rows, benchmark="SQuAD1.1", metric="F1", stability=True).stability
    assert st.top_method == "LUKE (single model)"
    assert st.drop_k == 1 and st.new_top == "XLNet (single model)"  # the top rests on its one submission
    assert len(st.persistence) == 10 and st.papers == 135
    # each of the top 10 leaves the top 10 only when its own submission is dropped
    assert st.persistence.stays_top10.round(4).tolist() == [round(134 / 135, 4)] * 10


def test_capability_index_links_the_squad_versions(rows) -> None:
    out = rank_results(rows, method="index", bootstrap_rounds=20)
    assert out.items.benchmark.tolist() == ["SQuAD1.1", "SQuAD1.1", "SQuAD2.0", "SQuAD2.0"]
    t = out.table
    assert ((t.ci_lower <= t.rating) & (t.rating <= t.ci_upper)).all()
    assert abs(t.rating.mean()) < 1e-9 and t.rating.std(ddof=0) == pytest.approx(1.0)
