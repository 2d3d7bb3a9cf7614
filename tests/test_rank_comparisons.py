"""From result rows to weighted comparisons: within papers, deltas, across papers, ties, weights."""

from dataclasses import asdict

import numpy as np
import pandas as pd
import pytest

from leaderboard.models import Result
from leaderboard.rank.comparisons import all_pairs, build_comparisons, outcome, sampled_pairs, value_resolution


def res(paper, method, value, text=None, bench="CIFAR-10", metric="Accuracy", hib=True, **kw) -> dict:
    """One `results` row, built from the Result record so the columns stay those of the table."""
    text = text if text is not None else f"{value}"
    r = Result(paper_id=paper, value=value, value_text=text, method=method, benchmark=bench, metric=metric)
    r.higher_is_better = hib
    for k, v in kw.items():
        setattr(r, k, v)
    return asdict(r)


def pairs_of(rows, **kw) -> pd.DataFrame:
    return build_comparisons(pd.DataFrame(rows), {}, **kw).pairs


def outcome_of(pairs: pd.DataFrame, x: str, y: str) -> str:
    """'x' / 'y' / 'tie' for the pair of methods x and y."""
    row = pairs[((pairs.model_a == x) & (pairs.model_b == y)) | ((pairs.model_a == y) & (pairs.model_b == x))]
    assert len(row) == 1, row
    r = row.iloc[0]
    if r.winner == "tie":
        return "tie"
    return r.model_a if r.winner == "model_a" else r.model_b


def test_value_resolution_reads_the_last_written_digit():
    texts = pd.Series(["92.0%", "92.04", "1,234", "$2.20$", "85.3 ± 0.2", "2e-3", "7", None, "n/a"])
    assert value_resolution(texts).tolist() == pytest.approx([0.1, 0.01, 1, 0.01, 0.1, 0.001, 1, 0, 0])


def test_outcome_ties_under_the_coarser_precision():
    a = np.array([92.0, 92.0, 92.0, 92.0, 92.0])
    b = np.array([92.04, 92.06, 92.1, 92.4, 91.9])
    res_a = np.array([0.1, 0.1, 0.1, 1.0, 0.1])
    res_b = np.array([0.01, 0.01, 0.1, 0.1, 0.1])
    assert outcome(a, b, res_a, res_b).tolist() == ["tie", "model_b", "model_b", "tie", "model_a"]


def test_within_paper_every_pair_by_direction():
    rows = [res("p1", "OurNet", 95.1, is_own_method=True), res("p1", "ResNet", 93.0), res("p1", "VGG", 90.5)]
    pairs = pairs_of(rows)
    assert len(pairs) == 3
    assert not pairs.cross_paper.any() and set(pairs.kind) == {"absolute"}
    assert outcome_of(pairs, "OurNet", "ResNet") == "OurNet"
    assert outcome_of(pairs, "OurNet", "VGG") == "OurNet"
    assert outcome_of(pairs, "ResNet", "VGG") == "ResNet"
    assert pairs.weight.tolist() == pytest.approx([0.5, 0.5, 0.5])  # k=3 -> 1/(k-1)


def test_lower_is_better_metric_reverses_the_outcome():
    rows = [
        res("p1", "DDPM", 3.17, bench="CIFAR-10", metric="FID", hib=False),
        res("p1", "NCSN", 25.32, bench="CIFAR-10", metric="FID", hib=False),
    ]
    assert outcome_of(pairs_of(rows), "DDPM", "NCSN") == "DDPM"


def test_difference_below_reported_precision_is_a_tie():
    rows = [res("p1", "A", 92.0, "92.0"), res("p1", "B", 92.04, "92.04"), res("p1", "C", 92.2, "92.2")]
    pairs = pairs_of(rows)
    assert outcome_of(pairs, "A", "B") == "tie"
    assert outcome_of(pairs, "C", "A") == "C"
    assert outcome_of(pairs, "C", "B") == "C"


def delta(method, value, baseline, improvement, own=None) -> dict:
    """A kind='delta' row on RewardBench with no metric (as in "A outperforms B by 5.6% on RewardBench")."""
    return res("p1", method, value, bench="RewardBench", metric=None, hib=None, kind="delta",
               baseline=baseline, improvement=improvement, is_own_method=own)  # fmt: skip


def test_delta_rows_give_an_outcome_against_the_baseline():
    rows = [
        delta("SkyRM", 5.6, "GPT-4", True, own=True),
        delta("SkyRM", 1.2, "Claude-3", False, own=True),
        delta("SkyRM", 0.0, "Gemini", None),
        delta("SkyRM", 2.0, "Mystery", None),
    ]
    pairs = pairs_of(rows)
    assert set(pairs.kind) == {"delta"}
    assert outcome_of(pairs, "SkyRM", "GPT-4") == "SkyRM"
    assert outcome_of(pairs, "SkyRM", "Claude-3") == "Claude-3"
    assert outcome_of(pairs, "SkyRM", "Gemini") == "tie"  # a zero delta
    assert "Mystery" not in set(pairs.model_b)  # direction of the change unknown: dropped
    assert pairs.self_reported_a.tolist() == [True, True, False]
    assert pairs.weight.tolist() == pytest.approx([1 / 3] * 3)  # 4 methods in the block


def test_twenty_baselines_do_not_outweigh_a_small_paper():
    big = [res("big", "OurNet", 99.0)] + [res("big", f"B{i}", 80.0 + i) for i in range(20)]
    small = [res("small", "X", 90.0), res("small", "Y", 91.0)]
    pairs = pairs_of(big + small, cross_paper=False)
    w = pairs.groupby("paper_id").weight.sum()
    assert len(pairs[pairs.paper_id == "big"]) == 210
    assert pairs[pairs.paper_id == "big"].weight.iloc[0] == pytest.approx(1 / 20)
    assert w["big"] == pytest.approx(21 / 2)  # k/2: each method carries weight 1 in total
    assert w["small"] == pytest.approx(1.0)
    sides = [pairs[[side, "weight"]].set_axis(["m", "w"], axis=1) for side in ("model_a", "model_b")]
    per_method = pd.concat(sides).groupby("m").w.sum()
    assert per_method["OurNet"] == pytest.approx(1.0)


def test_several_metrics_of_one_paper_share_the_benchmark_weight():
    rows = [res("p", "A", 1.0, metric="Acc"), res("p", "B", 2.0, metric="Acc"),
            res("p", "A", 1.0, metric="F1"), res("p", "B", 2.0, metric="F1")]  # fmt: skip
    assert pairs_of(rows).weight.tolist() == pytest.approx([0.5, 0.5])


def test_best_value_per_method_in_a_table_counts_once():
    rows = [res("p", "A", 70.0), res("p", "A", 80.0), res("p", "B", 75.0)]
    pairs = pairs_of(rows)
    assert len(pairs) == 1 and outcome_of(pairs, "A", "B") == "A"


def test_unknown_direction_is_excluded_and_listed():
    rows = [res("p", "A", 1.0, metric="Foo", hib=None), res("p", "B", 2.0, metric="Foo", hib=None),
            res("p", "A", 1.0, metric="Acc"), res("p", "B", 2.0, metric="Acc")]  # fmt: skip
    comp = build_comparisons(pd.DataFrame(rows), {})
    assert set(comp.pairs.metric) == {"Acc"}
    assert comp.excluded.to_dict("records") == [
        {"benchmark": "CIFAR-10", "metric": "Foo", "rows": 2, "reason": "unknown direction"}
    ]


def test_direction_known_on_some_rows_applies_to_the_metric_conflicts_are_excluded():
    rows = [res("p", "A", 1.0, hib=True), res("p", "B", 2.0, hib=None),
            res("q", "A", 1.0, metric="M", hib=True), res("q", "B", 2.0, metric="M", hib=False)]  # fmt: skip
    comp = build_comparisons(pd.DataFrame(rows), {})
    assert outcome_of(comp.pairs, "A", "B") == "B"
    assert comp.excluded.reason.tolist() == ["conflicting direction"]


def test_cross_paper_edges_same_benchmark_metric_subset_and_unit_only():
    rows = [
        res("p1", "A", 90.0, unit="%", subset="test"),
        res("p2", "B", 91.0, unit="%", subset="test"),
        res("p3", "C", 95.0, unit="%", subset="val"),  # other subset
        res("p4", "D", 0.97, unit=None, subset="test"),  # other unit
        res("p5", "E", 99.0, unit="%", subset="test", bench="ImageNet"),  # other benchmark
        res("p6", "A", 92.5, unit="%", subset="test"),  # A again: pooled with p1, never compared with itself
    ]
    pairs = pairs_of(rows)
    assert pairs.cross_paper.all() and len(pairs) == 1
    (pair,) = pairs.itertuples()
    assert {pair.papers_a, pair.papers_b} == {"p1\x1fp6", "p2"}  # the pooled A stands on both its papers
    assert outcome_of(pairs, "A", "B") == "A"  # A's median 91.25 against B's 91.0
    assert pairs.weight.tolist() == pytest.approx([1.0])  # 2 pooled entries in the group -> 1/(n-1)


def test_rows_without_a_benchmark_compare_only_within_their_paper():
    rows = [res("p1", "A", 90.0, bench=None), res("p1", "B", 80.0, bench=None), res("p2", "C", 85.0, bench=None)]
    pairs = pairs_of(rows)
    assert len(pairs) == 1 and outcome_of(pairs, "A", "B") == "A"


def test_deltas_never_compare_across_papers_and_cross_paper_can_be_turned_off():
    rows = [res("p1", "A", 90.0), res("p2", "B", 91.0),
            res("p3", "A", 3.0, kind="delta", baseline="C", improvement=True)]  # fmt: skip
    assert len(pairs_of(rows)) == 2  # A-B across papers, A-C delta
    assert len(pairs_of(rows, cross_paper=False)) == 1


def test_method_names_are_unified_across_papers():
    rows = [res("p1", "LLaMA2-7B", 45.0, bench="MMLU"), res("p2", "Llama-2-7B", 46.0, bench="MMLU"),
            res("p2", "llama 2 7b", 46.0, bench="MMLU"), res("p3", "GPT-4", 86.4, bench="MMLU"),
            res("p4", "Llama-2-7B", 45.3, bench="MMLU")]  # fmt: skip
    pairs = pairs_of(rows)
    # one identity, shown as its most frequent spelling; its reports in p1, p2 and p4 are pooled into one entry
    assert set(pairs.model_a) | set(pairs.model_b) == {"Llama-2-7B", "GPT-4"}
    assert len(pairs) == 1 and outcome_of(pairs, "GPT-4", "Llama-2-7B") == "GPT-4"


def test_no_rows_give_an_empty_pairs_frame_with_columns():
    comp = build_comparisons(pd.DataFrame([res("p", "A", 1.0)]), {})
    assert len(comp.pairs) == 0 and "model_a" in comp.pairs.columns


def test_all_pairs_and_sampled_pairs_index_generation():
    i, j = all_pairs(np.array([0, 0, 0, 1, 2, 2]))
    assert list(zip(i.tolist(), j.tolist(), strict=True)) == [(0, 1), (0, 2), (1, 2), (4, 5)]
    gid = np.repeat([3, 7], [50, 40])
    i, j = sampled_pairs(gid, np.full(90, 5), seed=1)
    assert (i < j).all() and (gid[i] == gid[j]).all()  # within a group, no self-pairs, deduplicated
    assert len(np.unique(i * 90 + j)) == len(i) and 430 <= len(i) <= 450
    degree = np.bincount(np.concatenate([i, j]), minlength=90)
    assert degree.min() >= 8 and degree.max() <= 10  # 2 x 5, less an offset that mirrors another


def test_large_cross_paper_groups_are_sampled_with_entry_weight_about_one():
    rows = [res(f"p{k}", f"M{k}", 50.0 + k * 0.1, text=f"{50.0 + k * 0.1:.1f}") for k in range(100)]
    full = pairs_of(rows)  # 100 entries -> 4,950 pairs
    sampled = pairs_of(rows, max_cross_pairs=1000)  # d = 10 partners each
    assert len(full) == 4950 and full.weight.iloc[0] == pytest.approx(1 / 99)
    assert 900 < len(sampled) <= 1000 and sampled.weight.iloc[0] == pytest.approx(1 / 20)
    for pairs in (full, sampled):
        sides = [pairs[[s, "weight"]].set_axis(["m", "w"], axis=1) for s in ("model_a", "model_b")]
        per_entry = pd.concat(sides).groupby("m").w.sum()
        assert per_entry.mean() == pytest.approx(1.0, abs=0.06)
    assert (sampled.winner != "tie").all()  # 0.1 apart at one decimal: real differences


def test_a_generic_baseline_is_a_different_system_in_every_paper():
    """ "the previous best" of one paper is not that of another: no false link between unrelated papers."""
    rows = [
        res("p1", "AlphaNet", 2.1, bench="RewardBench", metric=None, hib=None, kind="delta",
            baseline="the previous best", improvement=True),
        res("p2", "BetaNet", 3.4, bench="RewardBench", metric=None, hib=None, kind="delta",
            baseline="SOTA", improvement=True),
        res("p2", "GammaNet", 1.0, bench="RewardBench", metric=None, hib=None, kind="delta",
            baseline="BT reward model", improvement=True),
    ]  # fmt: skip
    pairs = pairs_of(rows)
    assert sorted(zip(pairs.model_a, pairs.model_b, strict=True)) == [
        ("AlphaNet", "the previous best [p1]"),
        ("BetaNet", "SOTA [p2]"),
        ("GammaNet", "BT reward model"),
    ]


def test_across_settings_and_extra_data_define_comparability_groups():
    rows = [res("p1", "A", 90.0, subset="test"), res("p2", "B", 91.0, subset="val"),
            res("p3", "C", 80.0, subset="test", source="pwc:x.json"),
            res("p4", "D", 85.0, subset="test", source="pwc:x.json")]  # fmt: skip
    df = pd.DataFrame(rows).assign(uses_additional_data=[None, None, True, False])
    apart = build_comparisons(df, {}).pairs
    assert len(apart) == 1  # A (test) - C (test, no extra data flag known... ) see below
    assert sorted(apart.model_a.tolist() + apart.model_b.tolist()) == ["A", "D"]  # test, no extra data: one group
    together = build_comparisons(df, {}, across_settings=True).pairs
    assert len(together) == 6 and set(together.setting) == {""}
