"""Calibrated confidence: the probability that a row's (value, benchmark, metric) tuple is right.

A plain logistic regression over features of how the row was read (which rules decided its fields). The
coefficients and the `confident` threshold are data (vocab/calibration.csv), fitted by scripts/fit_calibration.py
on the tune halves of the development gold sets; the threshold is the lowest confidence at which the rows above it
had tuple precision >= 0.95 there.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from leaderboard.knowledge.loader import shipped_calibration
from leaderboard.models import Result

_SPEED_UNITS = frozenset({"x", "ms", "s", "min", "tokens/s", "GB"})


FEATURES = (
    "rule_confidence",
    "benchmark",
    "benchmark_known",
    "benchmark_in_sentence",
    "metric",
    "metric_written",
    "metric_implied",
    "delta",
    "range",
    "percent",
    "speed_unit",
    "decimals",
    "own_method",
    "baseline",
    "qualifier",
    "subset",
)


def feature_values(r: Result) -> tuple[float, ...]:
    """The values of FEATURES for one extracted row (the rule confidence is one of them)."""
    has_b, has_m = r.benchmark is not None, r.metric is not None
    return (
        r.confidence,
        float(has_b),
        float(bool(r.benchmark_known)),
        float(has_b and r.benchmark_start is not None),
        float(has_m),
        float(has_m and r.metric_start is not None),
        float(bool(r.metric_implied)),
        float(r.kind == "delta"),
        float(r.kind == "range"),
        float(r.unit in {"%", "pp"}),
        float(r.unit in _SPEED_UNITS),
        float("." in r.value_text),
        float(bool(r.is_own_method)),
        float(r.baseline is not None),
        float(r.qualifier is not None),
        float(r.subset is not None),
    )


def features(r: Result) -> dict[str, float]:
    """Named features of one extracted row."""
    return dict(zip(FEATURES, feature_values(r), strict=True))


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
        entries = shipped_calibration()  # read and validated by the knowledge loader (errors name file and line)
        if not entries:
            return cls.none()
        coef, intercept, threshold = {}, 0.0, 2.0
        for row in entries:
            name, value = row.feature, row.value
            if name == "(intercept)":
                intercept = value
            elif name == "(threshold)":
                threshold = value
            else:
                coef[name] = value
        return cls(coef, intercept, threshold)

    def probability(self, r: Result) -> float:
        z = self.intercept + sum(self.coef.get(k, 0.0) * v for k, v in zip(FEATURES, feature_values(r), strict=True))
        return 1.0 / (1.0 + math.exp(-max(-40.0, min(40.0, z))))

    def probability_of(self, feats: dict[str, float]) -> float:
        z = self.intercept + sum(self.coef.get(k, 0.0) * v for k, v in feats.items())
        return 1.0 / (1.0 + math.exp(-max(-40.0, min(40.0, z))))

    def apply(self, r: Result) -> Result:
        """The row with its calibrated confidence and `confident` flag (unchanged without coefficients)."""
        if not self.coef:
            return r
        p = round(self.probability(r), 4)
        r.confidence, r.confident = p, p >= self.threshold  # the row is the extractor's own, fresh object
        return r


__all__ = ["Calibration", "features"]
