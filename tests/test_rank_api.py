"""The ranking API on results and battles: components, flags, anchors, exclusions, estimators, errors."""

from dataclasses import asdict

import choix
import numpy as np
import pandas as pd
import pytest

from leaderboard.models import Result
from leaderboard.rank import rank_battles, rank_results
from leaderboard.rank.api import TABLE_COLUMNS
from leaderboard.rank.bradley_terry import NATS_TO_ELO
from leaderboard.rank.graph import components
from leaderboard.rank.plackett_luce import table_rankings
from leaderboard.rank.uncertainty import ci_rank


def res(paper, method, value, bench="CIFAR-10", metric="Accuracy", hib=True, own=None, **kw) -> dict:
    r = Result(paper_id=paper, value=value, value_text=f"{value}", method=method, benchmark=bench, metric=metric)
    r.higher_is_better, r.is_own_method = hib, own
    row = asdict(r)
    row.update(kw)  # e.g. published, which the pipeline joins from the papers table
    return row


def battles(*rows: tuple[str, str, str]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["model_a", "model_b", "winner"])


def two_islands() -> pd.DataFrame:
    """Island 1: A > B > C (3 methods, many games); island 2: X > Y (never played against island 1)."""
    rows = [("A", "B", "model_a")] * 8 + [("B", "A", "model_a")] * 2
    rows += [("B", "C", "model_a")] * 8 + [("C", "B", "model_a")] * 2 + [("A", "C", "model_a")] * 5
    rows += [("X", "Y", "model_a")] * 30 + [("Y", "X", "model_a")] * 10
    return battles(*rows)


def test_table_has_the_documented_columns_and_one_row_per_method():
    out = rank_battles(two_islands())
    assert list(out.table.columns) == TABLE_COLUMNS
    assert sorted(out.table.method) == ["A", "B", "C", "X", "Y"]


def test_components_are_never_ordered_against_each_other():
    out = rank_battles(two_islands())
    t = out.table.set_index("method")
    assert t.loc[["A", "B", "C"], "component"].tolist() == [0, 0, 0]  # largest first
    assert t.loc[["X", "Y"], "component"].tolist() == [1, 1]
    assert t.loc["A", "rank"] == 1 and t.loc["X", "rank"] == 1  # ranks restart per component
    # each component is centred on 1000 on its own: no cross-component order is implied by ratings
    assert t.loc[["A", "B", "C"], "rating"].mean() == pytest.approx(1000.0)
    assert t.loc[["X", "Y"], "rating"].mean() == pytest.approx(1000.0)
    assert out.table.component.tolist() == [0, 0, 0, 1, 1]  # rows grouped by component
    assert any("2 disconnected components" in n for n in out.notes)


def test_components_numbered_by_size_then_first_member():
    comp = components(7, np.array([5, 0, 3, 1]), np.array([6, 1, 4, 2]))
    assert comp.tolist() == [0, 0, 0, 1, 1, 2, 2]


def test_ci_rank_counts_methods_clearly_above_within_the_component():
    lower = np.array([10.0, 5.0, 0.0, 4.0, 100.0])
    upper = np.array([20.0, 12.0, 4.5, 6.0, 110.0])
    comp = np.array([0, 0, 0, 0, 1])
    assert ci_rank(lower, upper, comp).tolist() == [1, 1, 3, 2, 1]


def test_only_wins_and_only_losses_flags():
    out = rank_battles(battles(("A", "B", "model_a"), ("A", "C", "model_a"), ("B", "C", "tie"), ("C", "D", "model_a")))
    t = out.table.set_index("method")
    assert t.loc["A", ["wins", "losses", "ties"]].tolist() == [2, 0, 0]
    assert bool(t.loc["A", "only_wins"]) and not t.loc["A", "only_losses"]
    assert bool(t.loc["D", "only_losses"]) and not t.loc["D", "only_wins"]
    assert not t.loc["B", "only_wins"] and not t.loc["B", "only_losses"]  # one loss, one tie
    assert not t.loc["C", "only_wins"]
    assert np.isfinite(t.loc["A", "rating"]) and t.loc["A", "rating"] == t.rating.max()  # the prior keeps it finite
    assert t.loc["A", "rating"] - t.loc["D", "rating"] < 1500


def test_self_reported_only_flag():
    rows = [
        res("p1", "NewNet", 95.0, own=True),
        res("p1", "OldNet", 90.0, own=False),
        res("p2", "OldNet", 91.0, own=False, bench="SVHN"),
        res("p2", "Other", 89.0, own=True, bench="SVHN"),
        res("p3", "Other", 80.0, own=False, bench="STL-10"),
        res("p3", "Third", 85.0, own=True, bench="STL-10"),
        res("p4", "Other", 70.0, own=False, bench="MNIST"),
        res("p4", "Fourth", 60.0, own=True, bench="MNIST"),
    ]
    t = rank_results(pd.DataFrame(rows), aliases={}).table.set_index("method")
    assert bool(t.loc["NewNet", "self_reported_only"])  # its one win is from its own paper
    assert not t.loc["OldNet", "self_reported_only"]  # beat Other in p2, reported as a baseline
    assert bool(t.loc["Third", "self_reported_only"])
    assert not t.loc["Other", "self_reported_only"]  # beat Fourth in Fourth's paper
    assert not t.loc["Fourth", "self_reported_only"]  # no wins at all
    assert t.loc["OldNet", ["papers", "benchmarks", "comparisons"]].tolist() == [2, 2, 2]


def test_anchor_gets_its_fixed_rating_and_a_zero_width_interval():
    out = rank_battles(two_islands(), anchor="b", anchor_rating=1200.0)  # names match as keys
    t = out.table.set_index("method")
    assert t.loc["B", ["rating", "ci_lower", "ci_upper"]].tolist() == pytest.approx([1200.0] * 3)
    free = rank_battles(two_islands()).table.set_index("method")
    gap = free.loc["A", "rating"] - free.loc["B", "rating"]
    assert t.loc["A", "rating"] - t.loc["B", "rating"] == pytest.approx(gap)
    assert t.loc[["X", "Y"], "rating"].mean() == pytest.approx(1000.0)  # other components stay centred
    with pytest.raises(ValueError, match="anchor 'Zed' is not among the ranked methods"):
        rank_battles(two_islands(), anchor="Zed")


def test_battle_winner_values_and_validation():
    out = rank_battles(battles(("A", "B", "tie (bothbad)"), ("A", "B", "model_b"), ("B", "A", "TIE")))
    t = out.table.set_index("method")
    assert t.loc["A", ["wins", "losses", "ties"]].tolist() == [0, 1, 2]
    with pytest.raises(ValueError, match="winner must be model_a, model_b or tie; found 'draw'"):
        rank_battles(battles(("A", "B", "draw")))
    with pytest.raises(ValueError, match="missing: winner"):
        rank_battles(pd.DataFrame({"model_a": ["A"], "model_b": ["B"]}))
    with pytest.raises(ValueError, match="unknown method 'glicko'"):
        rank_battles(two_islands(), method="glicko")


def test_excluded_metrics_are_listed_and_empty_input_gives_an_empty_table():
    rows = [res("p", "A", 1.0, metric="Weird", hib=None), res("p", "B", 2.0, metric="Weird", hib=None)]
    out = rank_results(pd.DataFrame(rows), aliases={})
    assert out.table.empty and out.notes == ("no comparisons",)
    assert out.excluded_metrics == ["CIFAR-10 / Weird (unknown direction)"]


def test_benchmark_and_metric_filters_are_tolerant_of_spelling():
    rows = [
        res("p", "A", 1.0),
        res("p", "B", 2.0),
        res("q", "C", 3.0, bench="SVHN"),
        res("q", "D", 4.0, bench="SVHN"),
    ]
    out = rank_results(pd.DataFrame(rows), benchmark="cifar10", metric="accuracy", aliases={})
    assert sorted(out.table.method) == ["A", "B"]


def lower_is_better_results() -> pd.DataFrame:
    """Three papers on CIFAR-10 FID, consistent order M1 < M2 < M3 < M4 (lower is better), dated."""
    rows = []
    for paper, date, values in [
        ("p1", "2020-01-01", {"M4": 30.0, "M3": 20.0}),
        ("p2", "2021-01-01", {"M3": 19.0, "M2": 10.0}),
        ("p3", "2022-01-01", {"M2": 9.5, "M1": 3.0, "M4": 31.0}),
    ]:
        for m, v in values.items():
            rows.append(res(paper, m, v, metric="FID", hib=False, published=date))
    return pd.DataFrame(rows)


@pytest.mark.parametrize("method", ["bt", "pl"])
def test_likelihood_estimators_order_a_consistent_lower_is_better_benchmark(method):
    out = rank_results(lower_is_better_results(), method=method, aliases={})
    assert out.table.method.tolist() == ["M1", "M2", "M3", "M4"]
    assert out.method == method and out.table.rating.is_monotonic_decreasing


@pytest.mark.parametrize("method", ["elo", "elo-shuffled"])
def test_elo_gets_the_direction_right_on_a_lower_is_better_benchmark(method):
    # with K=4 and a handful of comparisons Elo barely moves from 1000 and cannot sort M1/M2 (M1 plays once);
    # the best and worst FID still end on the right sides of 1000
    t = rank_results(lower_is_better_results(), method=method, aliases={}, elo_orders=10).table.set_index("method")
    assert t.loc["M1", "rating"] > 1000 > t.loc["M4", "rating"]
    assert t.rating.max() - t.rating.min() < 20


def test_elo_follows_paper_date_order():
    # the same two results, one paper each way: the later paper's outcome moves Elo last
    rows = [
        res("old", "A", 2.0, published="2019-01-01"),
        res("old", "B", 1.0, published="2019-01-01"),
        res("new", "A", 1.0, published="2023-01-01"),
        res("new", "B", 2.0, published="2023-01-01"),
    ]
    t = rank_results(pd.DataFrame(rows), method="elo", cross_paper=False, aliases={}).table.set_index("method")
    assert t.loc["B", "rating"] > t.loc["A", "rating"]
    # old: A wins at even odds, A 1002 / B 998; new: B wins as the underdog by 4 points
    assert t.loc["B", "rating"] == pytest.approx(998 + 4 * (1 - 1 / (1 + 10 ** (4 / 400))))
    shuffled = rank_results(pd.DataFrame(rows), method="elo-shuffled", cross_paper=False, aliases={}, elo_orders=50)
    assert abs(shuffled.table.rating.iloc[0] - 1000) < abs(t.loc["B", "rating"] - 1000)


def test_paper_bootstrap_resamples_papers_around_the_full_data_fit():
    rng = np.random.default_rng(3)
    quality = {f"M{i}": 5.0 * i for i in range(8)}
    rows = []
    for p in range(30):  # each paper reports 4 random methods with paper-specific noise
        for m in rng.choice(list(quality), 4, replace=False):
            rows.append(res(f"paper{p}", m, round(quality[m] + rng.normal(0, 6) + 50, 1)))
    df = pd.DataFrame(rows)
    boot = rank_results(df, ci="bootstrap", bootstrap_rounds=40, seed=2, aliases={})
    assert boot.notes[0] == "95% intervals: 40 bootstrap rounds, resampling 30 papers"
    hess = rank_results(df, aliases={})
    b, h = boot.table.set_index("method"), hess.table.set_index("method").loc[boot.table.method]
    assert (b.rating == h.rating).all()  # the point estimate is the full-data fit
    assert (b.ci_lower <= b.rating + 1e-9).all() and (b.rating <= b.ci_upper + 1e-9).all()
    assert ((b.ci_upper - b.ci_lower) > 50).all()  # papers disagree: every method's rating moves
    assert b.index[0] == "M7" and b.index[-1] == "M0"
    assert hess.table.method.tolist()[:3] == ["M7", "M6", "M5"]


def test_pl_rankings_keep_tie_groups_in_both_orders():
    a = np.array([0, 0, 0, 1, 1, 2])  # block 0: A=0 > B=1 = C=2 > D=3 by pairwise outcomes
    b = np.array([1, 2, 3, 2, 3, 3])
    s = np.array([1.0, 1.0, 1.0, 0.5, 1.0, 1.0])
    assert table_rankings(a, b, s, np.zeros(6, dtype=int)) == [[0, 1, 2, 3], [0, 2, 1, 3]]
    assert table_rankings(a[:1], b[:1], np.array([0.0]), np.zeros(1, dtype=int)) == [[1, 0], [1, 0]]


def test_pl_fits_each_paper_ranking_as_choix_does():
    rows = [res("p1", m, v) for m, v in {"A": 4.0, "B": 3.0, "C": 2.0, "D": 1.0}.items()]
    rows += [res("p2", "D", 5.0), res("p2", "A", 1.0)]
    out = rank_results(pd.DataFrame(rows), method="pl", regularization=0.2, aliases={}, dominance=False)
    assert out.notes[0].startswith("95% intervals: Bradley-Terry curvature around the pl ratings")
    assert not out.pairs.cross_paper.any()
    ref = choix.opt_rankings(4, [[0, 1, 2, 3]] * 2 + [[3, 0]] * 2, alpha=0.1)
    expected = dict(zip("ABCD", (ref - ref.mean()) * NATS_TO_ELO + 1000, strict=True))
    got = out.table.set_index("method")["rating"]
    for m in "ABCD":
        assert got[m] == pytest.approx(expected[m], abs=0.05)
    assert out.table.method.tolist() == sorted("ABCD", key=lambda m: -expected[m])
    # PL breaks a dominance (B, C and D only ever met in p1, A-B-C-D); with the dominance rule on (the
    # default) the ratings are projected so that none is broken
    assert not (expected["A"] >= expected["B"] >= expected["C"] >= expected["D"])
    ranked = rank_results(pd.DataFrame(rows), method="pl", regularization=0.2, aliases={}).table.set_index("method")
    assert ranked.rating["B"] >= ranked.rating["C"] - 1e-6 and ranked.rating["C"] >= ranked.rating["D"] - 1e-6
    assert rank_results(pd.DataFrame(rows), method="pl", aliases={}).notes[0].startswith("2 ratings were moved")


def test_cluster_multipliers_count_a_cross_paper_edge_once_per_pair_of_drawn_papers():
    from leaderboard.rank.uncertainty import cluster_multipliers

    class FixedDraw:  # papers 0, 0, 2 drawn: paper 0 twice, paper 1 never, paper 2 once
        def integers(self, low, high, size):
            return np.array([0, 0, 2])

    mult = cluster_multipliers(np.array([0, 1, 0, 2]), np.array([-1, -1, 2, 1]), 3, FixedDraw())
    assert mult.tolist() == [2.0, 0.0, 2.0, 0.0]  # within p0; within p1; p0 x p2; p2 x p1
