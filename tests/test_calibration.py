"""Calibrated confidence (extract/calibration.py), its refit script and the reliability table."""

from __future__ import annotations

import sys
from pathlib import Path

from leaderboard.extract.calibration import Calibration, features
from leaderboard.extract.gold_eval import reliability
from leaderboard.models import Result

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
from fit_calibration import threshold  # noqa: E402


def _row(**kw) -> Result:
    base = dict(paper_id="p", value=81.5, value_text="81.5%", unit="%", confidence=0.8)
    return Result(**(base | kw))


def test_shipped_calibration_is_a_probability_with_a_threshold() -> None:
    cal = Calibration.load()
    assert cal.coef and 0.5 < cal.threshold < 1.0
    full = _row(benchmark="SVHN", benchmark_known=True, benchmark_start=3, metric="Accuracy", metric_start=9)
    bare = _row()
    p_full, p_bare = cal.probability(full), cal.probability(bare)
    assert 0.0 < p_bare < p_full < 1.0


def test_apply_sets_confidence_and_confident() -> None:
    cal = Calibration({"benchmark": 4.0}, -2.0, 0.85)
    named = cal.apply(_row(benchmark="SVHN"))
    assert round(named.confidence, 4) == 0.8808 and named.confident is True
    unnamed = cal.apply(_row())
    assert round(unnamed.confidence, 4) == 0.1192 and unnamed.confident is False


def test_no_calibration_keeps_rule_confidence() -> None:
    r = _row(confidence=0.63)
    assert Calibration.none().apply(r) is r


def test_features_name_the_rules() -> None:
    f = features(_row(metric="Accuracy", metric_implied=True, kind="delta"))
    assert f["metric"] == 1.0 and f["metric_written"] == 0.0 and f["metric_implied"] == 1.0 and f["delta"] == 1.0


def test_threshold_is_lowest_probability_with_target_precision() -> None:
    probs = [0.99, 0.95, 0.9, 0.8, 0.7, 0.6]
    right = [True, True, True, False, True, False]
    assert threshold(probs, right, 0.95) == 0.9
    assert threshold(probs, right, 0.75) == 0.7
    assert threshold([0.5], [False], 0.95) == 2.0


def test_reliability_bands() -> None:
    pairs = [(_row(confidence=0.97), True), (_row(confidence=0.96), False), (_row(confidence=0.1), True)]
    bands = {lo: (n, p) for lo, _, n, p in reliability(pairs)}
    assert bands[0.95] == (2, 0.5) and bands[0.0] == (1, 1.0) and bands[0.4] == (0, None)
