"""Calibrated confidence (extract/calibration.py), its refit script and the reliability table."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from leaderboard.extract import Extractor
from leaderboard.extract.calibration import FEATURES, Calibration, evidence_score, features
from leaderboard.extract.gold_eval import calibration_error, format_gold_run, reliability, run_gold
from leaderboard.models import Paper, Result

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
from fit_calibration import (  # noqa: E402
    Labelled,
    bands,
    choose_penalty,
    csv_text,
    fit,
    fold_of,
    out_of_fold,
    predict,
    split,
    threshold,
)


def _row(**kw) -> Result:
    base = dict(paper_id="p", value=81.5, value_text="81.5%", unit="%", confidence=0.8, evidence="x" * 80)
    return Result(**(base | kw))


def test_shipped_calibration_is_a_probability_with_a_threshold() -> None:
    cal = Calibration.load()
    assert set(cal.coef) == set(FEATURES) and 0.5 < cal.threshold < 1.0
    text = "x" * 20 + " 81.5% accuracy on SVHN " + "x" * 20
    full = _row(
        evidence=text, sentence_start=0, value_start=21, value_end=26, benchmark="SVHN", benchmark_known=True,
        benchmark_start=39, benchmark_end=43, metric="Accuracy", metric_start=27, metric_end=35,
    )  # fmt: skip
    bare = _row()
    p_full, p_bare = cal.probability(full), cal.probability(bare)
    assert 0.0 < p_bare < p_full < 1.0


def test_apply_sets_confidence_and_confident() -> None:
    cal = Calibration({"benchmark_known": 4.0}, -2.0, 0.85)
    named = cal.apply(_row(benchmark="SVHN", benchmark_known=True))
    assert round(named.confidence, 4) == 0.8808 and named.confident is True
    unnamed = cal.apply(_row())
    assert round(unnamed.confidence, 4) == 0.1192 and unnamed.confident is False


def test_apply_all_reads_the_other_rows_of_the_abstract() -> None:
    cal = Calibration({"shared_number": -4.0}, 2.0, 0.85)
    a, b, c = _row(value_start=5, value_end=10), _row(value_start=5, value_end=10), _row(value_start=30, value_end=34)
    rows = cal.apply_all([a, b, c])
    assert [round(r.confidence, 4) for r in rows] == [0.1192, 0.1192, 0.8808]
    assert [r.confident for r in rows] == [False, False, True]
    assert Calibration.none().apply_all([a]) == [a]


def test_no_calibration_keeps_rule_confidence() -> None:
    r = _row(confidence=0.63)
    assert Calibration.none().apply(r) is r


def test_parse_ignores_comments_and_unknown_features() -> None:
    text = "# c\nfeature,value\n(intercept),-1.5\n(threshold),0.9\nmetric_written,2.0\nretired_feature,7.0\n"
    cal = Calibration.parse(text)
    assert cal.coef == {"metric_written": 2.0} and cal.intercept == -1.5 and cal.threshold == 0.9


def test_features_name_the_evidence() -> None:
    f = features(_row(metric="Accuracy", metric_implied=True, kind="delta", value_text="4", unit="x"))
    assert f["metric_written"] == 0.0 and f["metric_implied"] == 1.0 and f["metric_adjacent"] == 0.0
    assert f["decimals"] == 0.0 and f["speed_unit"] == 1.0 and f["baseline"] == 0.0


def _sentence(text: str, value: str, bench: str, metric: str | None = None) -> Result:
    """A row of `text` (one sentence starting at offset 100) with its value, benchmark and metric mentions."""
    at = text.index(value)
    b0 = text.index(bench)
    m0 = text.index(metric) if metric else None
    return _row(
        evidence=text, sentence_start=100, value_text=value, value_start=100 + at, value_end=100 + at + len(value),
        benchmark=bench, benchmark_start=100 + b0, benchmark_end=100 + b0 + len(bench), metric=metric,
        metric_start=None if m0 is None else 100 + m0, metric_end=None if m0 is None else 100 + m0 + len(metric),
    )  # fmt: skip


def test_adjacent_names_have_no_other_number_or_clause_boundary_between() -> None:
    lone = features(_sentence("Our parser scores 77.4 LAS on the Hindi treebank.", "77.4", "Hindi", "LAS"))
    assert lone["benchmark_adjacent"] == 1.0 and lone["metric_adjacent"] == 1.0 and lone["benchmark_after"] == 1.0
    text = "On Quora it reaches 0.81 and on Yelp 0.64 recall."
    late = features(_sentence(text, "0.64", "Quora", "recall"))
    assert (late["benchmark_adjacent"], late["benchmark_after"], late["metric_adjacent"]) == (0.0, 0.0, 1.0)
    early = features(_sentence(text, "0.81", "Yelp", "recall"))
    assert (early["benchmark_adjacent"], early["benchmark_after"], early["metric_adjacent"]) == (1.0, 1.0, 0.0)
    clause = _sentence("Tested on KITTI; the tracker runs at 41.0 MOTA.", "41.0", "KITTI", "MOTA")
    f = features(clause)
    assert f["benchmark_adjacent"] == 0.0 and f["benchmark_after"] == 0.0 and f["metric_adjacent"] == 1.0


def test_benchmark_from_another_sentence_is_told_apart() -> None:
    here = features(_row(benchmark="SVHN", sentence_start=100, benchmark_start=130, benchmark_end=134))
    before = features(_row(benchmark="SVHN", sentence_start=100, benchmark_start=40, benchmark_end=44))
    title = features(_row(benchmark="SVHN", sentence_start=100))
    assert here["benchmark_elsewhere"] == 0.0
    assert (before["benchmark_elsewhere"], before["benchmark_adjacent"]) == (1.0, 0.0)
    assert (title["benchmark_elsewhere"], title["benchmark_adjacent"]) == (1.0, 0.0)


def test_evidence_score_is_the_named_confidence_rule() -> None:
    assert evidence_score.rule_name == "confidence.evidence_score"
    ex = Extractor.default()
    ex.calibration = Calibration.none()
    text = (
        "Our tagger reaches an F1 of 91.3 on the Ontonotes corpus. "
        "Training takes 12% less time. "
        "It also improves recall by 2.4 on an internal set."
    )
    rows = {r.value_text: r for r in ex.extract(Paper("p", "A tagger", text))}
    assert '"confidence":"confidence.evidence_score"' in rows["91.3"].rules
    assert rows["91.3"].confidence > rows["12%"].confidence
    assert min(r.confidence for r in rows.values()) >= 0.05 and max(r.confidence for r in rows.values()) <= 0.99


def test_threshold_is_lowest_probability_with_target_precision() -> None:
    probs = [0.99, 0.95, 0.9, 0.8, 0.7, 0.6]
    right = [True, True, True, False, True, False]
    assert threshold(probs, right, 0.95) == 0.9
    assert threshold(probs, right, 0.75) == 0.7
    assert threshold([0.5], [False], 0.95) == 2.0


def test_folds_keep_a_paper_together_and_are_deterministic() -> None:
    papers = ("a", "b", "a", "c", "b", "a")
    folds = fold_of(papers, 3, 13)
    assert folds[0] == folds[2] == folds[5] and folds[1] == folds[4]
    assert fold_of(papers, 3, 13).tolist() == folds.tolist()


def _toy(n: int = 120) -> Labelled:
    x = np.array([[float(i % 2), float(i % 3 == 0)] + [0.0] * (len(FEATURES) - 2) for i in range(n)])
    y = np.array([1.0 if (i % 2 == 1 or i % 5 == 0) else 0.0 for i in range(n)])
    return Labelled(x, y, tuple(f"p{i // 3}" for i in range(n)), n)


def test_fit_learns_the_informative_feature_and_penalty_is_from_the_grid() -> None:
    data = _toy()
    w = fit(data.x, data.y, 1.0)
    assert w[1] > 2.0  # feature 0 decides most labels
    p = predict(w, data.x)
    assert p[data.x[:, 0] == 1].min() > p[data.x[:, 0] == 0].max()
    oof = out_of_fold(data, 1.0, 5, 13)
    assert oof.shape == (120,) and oof.min() > 0.0 and oof.max() < 1.0
    assert choose_penalty([data], 5, 13) in (0.3, 1.0, 3.0, 10.0, 30.0)


def test_split_cuts_a_join_back_into_its_sets() -> None:
    a, b = _toy(6), _toy(4)
    parts = split(np.arange(10.0), [a, b])
    assert [p.tolist() for p in parts] == [[0.0, 1.0, 2.0, 3.0, 4.0, 5.0], [6.0, 7.0, 8.0, 9.0]]


def test_bands_line_counts_and_precision() -> None:
    line = bands(np.array([0.1, 0.85, 0.86, 0.97]), np.array([0.0, 1.0, 0.0, 1.0]))
    assert "[0.00,0.20) 1:0.00" in line and "[0.80,0.90) 2:0.50" in line and "[0.95,1.00) 1:1.00" in line


def test_csv_text_round_trips() -> None:
    w = np.arange(len(FEATURES) + 1, dtype=float) / 10
    cal = Calibration.parse(csv_text(w, 0.8123, 3.0))
    assert cal.intercept == 0.0 and cal.threshold == 0.8123 and cal.coef[FEATURES[-1]] == len(FEATURES) / 10


@settings(max_examples=50, deadline=None)
@given(st.lists(st.tuples(st.floats(0, 1), st.booleans()), min_size=1, max_size=30), st.floats(0.5, 1.0))
def test_threshold_rows_above_meet_the_target(pairs: list[tuple[float, bool]], target: float) -> None:
    t = threshold([p for p, _ in pairs], [ok for _, ok in pairs], target)
    above = [ok for p, ok in pairs if p >= t]
    assert t == 2.0 or (above and sum(above) / len(above) >= target)


def test_reliability_bands() -> None:
    pairs = [(_row(confidence=0.97), True), (_row(confidence=0.96), False), (_row(confidence=0.1), True)]
    bands = {lo: (n, p) for lo, _, n, p in reliability(pairs)}
    assert bands[0.95] == (2, 0.5) and bands[0.0] == (1, 1.0) and bands[0.4] == (0, None)


def test_calibration_error_is_the_weighted_gap_per_bin() -> None:
    assert round(calibration_error([0.9, 0.9, 0.9, 0.9], [True, True, True, False]), 6) == 0.15
    assert round(calibration_error([0.15, 0.95], [False, True]), 6) == 0.1  # 0.5 * 0.15 + 0.5 * 0.05
    assert calibration_error([1.0], [True]) == 0.0  # p = 1.0 falls in the last bin


@settings(max_examples=50, deadline=None)
@given(st.lists(st.tuples(st.floats(0, 1), st.booleans()), min_size=1, max_size=30))
def test_calibration_error_is_between_zero_and_one(pairs: list[tuple[float, bool]]) -> None:
    e = calibration_error([p for p, _ in pairs], [ok for _, ok in pairs])
    assert 0.0 <= e <= 1.0


def test_evaluate_prints_reliability_and_calibration_error_for_both_gold_kinds(tmp_path: Path) -> None:
    text = "Our tagger reaches an F1 of 88.6 on the Wojood corpus."
    gold = tmp_path / "ex"
    gold.mkdir()
    (gold / "abstracts.jsonl").write_text(json.dumps({"id": "a1", "title": "T", "abstract": text}) + "\n")
    result = {"id": "a1", "value": 88.6, "benchmark": "Wojood", "metric": "F1", "confidence": "clear"}
    (gold / "results.jsonl").write_text(json.dumps(result) + "\n")
    ex = Extractor.default()
    run = run_gold(gold, ex.extract)
    (row, right), *_ = run.tally.correct
    out = format_gold_run(run, "ex")
    assert right and f"expected calibration error (10 bins): {1 - row.confidence:.3f}" in out
    assert "reliability (confidence band: rows, tuple precision):" in out
    recall = tmp_path / "dev.jsonl"
    tup = {"dataset": "Wojood", "metric": "F1", "score": "88.6"}
    recall.write_text(json.dumps({"paper_id": "a1", "title": "T", "abstract": text, "tuples": [tup]}) + "\n")
    out = format_gold_run(run_gold(recall, ex.extract), "dev")
    assert "tuple precision, of the rows matched to a gold tuple by value):" in out
    assert f"expected calibration error (10 bins): {1 - row.confidence:.3f}" in out


@settings(max_examples=60, deadline=None)
@given(
    st.text(alphabet="ab 1.;:", min_size=12, max_size=40),
    st.integers(0, 11),
    st.integers(0, 11),
    st.booleans(),
)
def test_feature_values_are_flags_beside_the_evidence_score(text: str, v: int, b: int, known: bool) -> None:
    r = _row(
        evidence=text, sentence_start=0, value_start=v, value_end=v + 1, benchmark="B", benchmark_known=known,
        benchmark_start=b, benchmark_end=b + 1, metric="M", metric_start=b, metric_end=b + 1, confidence=0.7,
    )  # fmt: skip
    f = features(r, [r, r])
    assert len(f) == len(FEATURES) and f["rule_confidence"] == 0.7 and f["shared_number"] == 1.0
    assert all(x in (0.0, 1.0) for k, x in f.items() if k != "rule_confidence")
    assert f["benchmark_adjacent"] <= 1.0 - f["benchmark_elsewhere"] and f["benchmark_known"] == float(known)
