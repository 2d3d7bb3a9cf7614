"""The capability index (`--method index`) on synthetic methods x benchmarks with known abilities, difficulties
and slopes, with missing cells and paper-level noise."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy.special import expit
from scipy.stats import spearmanr

from leaderboard.models import Result
from leaderboard.rank.api import rank_results
from leaderboard.rank.capability import build_cells, fit_index, normalise


def synthetic(
    seed: int, n_methods: int = 100, n_bench: int = 12, missing: float = 0.4
) -> tuple[pd.DataFrame, pd.Series]:
    """Pooled values (as comparisons.pooled_values gives them) and the generating abilities.

    y = sigmoid(slope_b * (ability_m - difficulty_b)) + paper effect + noise, in percent; 40% of cells missing;
    each paper reports about four methods on one benchmark and shifts all its numbers a little (its own setup).
    """
    rng = np.random.default_rng(seed)
    ability = rng.normal(size=n_methods)
    difficulty, slope = rng.normal(0, 1, n_bench), np.exp(rng.normal(0.3, 0.3, n_bench))
    seen = rng.random((n_methods, n_bench)) > missing
    rows = []
    for b in range(n_bench):
        methods = rng.permutation(np.flatnonzero(seen[:, b]))
        for k, start in enumerate(range(0, len(methods), 4)):
            effect = rng.normal(0, 0.02)
            for m in methods[start : start + 4]:
                y = expit(slope[b] * (ability[m] - difficulty[b])) + effect + rng.normal(0, 0.02)
                rows.append({"benchmark_k": f"B{b}", "metric_k": "Accuracy", "unit_k": "%", "setting_k": "",
                             "m": f"M{m:03d}", "value": float(np.clip(y, 0, 1) * 100), "dir": True,
                             "papers": f"b{b}p{k}"})  # fmt: skip
    return pd.DataFrame(rows), pd.Series(ability, index=[f"M{m:03d}" for m in range(n_methods)])


def test_index_recovers_generating_abilities_with_calibrated_intervals() -> None:
    inside = total = 0
    for seed in range(3):
        values, truth = synthetic(seed)
        fit = fit_index(build_cells(values), rounds=200, seed=seed)
        t = truth.loc[fit.methods].to_numpy()
        t = (t - t.mean()) / t.std()  # the index reports standardised abilities
        assert spearmanr(fit.ability, t).statistic >= 0.9
        inside += int(((fit.lower <= t) & (t <= fit.upper)).sum())
        total += len(t)
        assert fit.widened == 0
    assert 0.9 <= inside / total <= 0.98


def test_benchmarks_that_link_too_few_methods_are_left_out() -> None:
    values, _ = synthetic(1, n_methods=30, n_bench=4)
    solo = {"benchmark_k": "Solo", "metric_k": "Accuracy", "unit_k": "%", "setting_k": "", "dir": True}
    lonely = pd.DataFrame([{**solo, "m": f"X{i}", "value": 50.0 + i, "papers": f"x{i}"} for i in range(5)])
    cells = build_cells(pd.concat([values, lonely], ignore_index=True))
    assert sorted(cells.items.benchmark_k) == ["B0", "B1", "B2", "B3"]  # Solo's methods appear nowhere else
    assert not any(m.startswith("X") for m in cells.methods)


@pytest.mark.parametrize(
    ("values", "hib", "expected"),
    [
        ([0.2, 0.9], True, [0.2, 0.9]),  # already a fraction
        ([20.0, 90.0], True, [0.2, 0.9]),  # percent
        ([5.0, 25.0], False, [0.95, 0.75]),  # error rate in percent: flipped
    ],
)
def test_normalise_bounded_metrics(values, hib, expected) -> None:
    assert normalise(np.array(values), hib).tolist() == pytest.approx(expected)


def test_normalise_unbounded_metric_orders_by_direction() -> None:
    y = normalise(np.array([20.0, 60.0, 140.0, 300.0]), higher_is_better=False)  # perplexity
    assert (np.diff(y) < 0).all() and ((y > 0) & (y < 1)).all()


def test_index_through_rank_results() -> None:
    rows = []
    for b, (bench, shift) in enumerate([("MMLU", 0.0), ("GSM8K", -10.0), ("HellaSwag", 5.0)]):
        for m, skill in enumerate([40.0, 55.0, 60.0, 72.0, 80.0]):
            r = Result(paper_id=f"p{b}{m}", value=skill + shift, value_text=f"{skill + shift}", method=f"M{m}",
                       benchmark=bench, metric="Accuracy", unit="%", higher_is_better=True)  # fmt: skip
            rows.append({f: getattr(r, f) for f in r.__slots__})
    out = rank_results(pd.DataFrame(rows), method="index", bootstrap_rounds=30, aliases={})
    assert out.table.method.tolist() == ["M4", "M3", "M2", "M1", "M0"]
    assert out.items.benchmark.tolist() == ["GSM8K", "HellaSwag", "MMLU"]
    assert out.items.difficulty.idxmax() == 0  # GSM8K is the hardest: the same methods score lowest there
    assert out.notes[0].startswith("capability index over 3 benchmarks (3 benchmark/metric/setting groups) linking 5")
