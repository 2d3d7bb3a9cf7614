"""Calibrated confidence: the probability that a row's (value, benchmark, metric) tuple is right.

A plain logistic regression over features of how the row was read (which rules decided its fields). The
coefficients and the `confident` threshold are data (vocab/calibration.csv), fitted by scripts/fit_calibration.py
on the tune halves of the development gold sets; the threshold is the lowest confidence at which the rows above it
had tuple precision >= 0.95 there.
"""

from __future__ import annotations

import csv
import math
from dataclasses import dataclass, replace
from importlib import resources

from leaderboard.models import Result

_SPEED_UNITS = frozenset({"x", "ms", "s", "min", "tokens/s", "GB"})


def features(r: Result) -> dict[str, float]:
    """Named features of one extracted row (the rule confidence is one of them)."""
    has_b, has_m = r.benchmark is not None, r.metric is not None
    return {
        "rule_confidence": r.confidence,
        "benchmark": float(has_b),
        "benchmark_known": float(bool(r.benchmark_known)),
        "benchmark_in_sentence": float(has_b and r.benchmark_start is not None),
        "metric": float(has_m),
        "metric_written": float(has_m and r.metric_start is not None),
        "metric_implied": float(bool(r.metric_implied)),
        "delta": float(r.kind == "delta"),
        "range": float(r.kind == "range"),
        "percent": float(r.unit in {"%", "pp"}),
        "speed_unit": float(r.unit in _SPEED_UNITS),
        "decimals": float("." in r.value_text),
        "own_method": float(bool(r.is_own_method)),
        "baseline": float(r.baseline is not None),
        "qualifier": float(r.qualifier is not None),
        "subset": float(r.subset is not None),
    }


@dataclass(frozen=True, slots=True)
class Calibration:
    """Logistic-regression coefficients per feature, an intercept and the `confident` threshold."""

    coef: dict[str, float]
    intercept: float
    threshold: float

    @classmethod
    def none(cls) -> Calibration:
        """No calibration: rows keep the rule confidence (used when fitting)."""
        return cls({}, 0.0, 2.0)

    @classmethod
    def load(cls) -> Calibration:
        res = resources.files("leaderboard") / "vocab" / "calibration.csv"
        if not res.is_file():
            return cls.none()
        coef, intercept, threshold = {}, 0.0, 2.0
        rows = [ln for ln in res.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
        for row in csv.DictReader(rows):
            name, value = row["feature"], float(row["value"])
            if name == "(intercept)":
                intercept = value
            elif name == "(threshold)":
                threshold = value
            else:
                coef[name] = value
        return cls(coef, intercept, threshold)

    def probability(self, r: Result) -> float:
        return self.probability_of(features(r))

    def probability_of(self, feats: dict[str, float]) -> float:
        z = self.intercept + sum(self.coef.get(k, 0.0) * v for k, v in feats.items())
        return 1.0 / (1.0 + math.exp(-max(-40.0, min(40.0, z))))

    def apply(self, r: Result) -> Result:
        """The row with its calibrated confidence and `confident` flag (unchanged without coefficients)."""
        if not self.coef:
            return r
        p = round(self.probability(r), 4)
        return replace(r, confidence=p, confident=p >= self.threshold)


__all__ = ["Calibration", "features"]
