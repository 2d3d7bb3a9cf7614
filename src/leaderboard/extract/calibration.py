"""Calibrated confidence: the probability that a row's (value, benchmark, metric) tuple is right.

Two steps. The rule `confidence.evidence_score` scores a reading from the evidence the rules found (a metric bound
to the number, a known benchmark, a value inside the metric's range). Then a plain logistic regression over
features of how the row was read (that score among them) turns it into a probability. The coefficients and the
`confident` threshold are data (vocab/calibration.csv), fitted by scripts/fit_calibration.py on the development
gold sets: the L2 penalty is chosen by cross-validation across papers, and the threshold is the lowest probability
at which the rows above it had tuple precision >= 0.95 (with a margin) in out-of-fold predictions.
"""

from __future__ import annotations

import csv
import math
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING

from leaderboard.extract.rules import rule
from leaderboard.models import Result

if TYPE_CHECKING:
    from leaderboard.extract.sentence import Abstract, Reading

_SPEED_UNITS = frozenset({"x", "ms", "s", "min", "tokens/s", "GB"})


@rule("confidence.evidence_score")
def evidence_score(a: Abstract, r: Reading) -> float:
    """How much evidence the rules found for a reading: a bound metric, a known benchmark, a value in range."""
    c = 0.45
    if r.bound:
        c += 0.2
    elif r.metric is not None:
        c += 0.08
    if r.benchmark is not None:
        c += 0.12 if r.benchmark.known else 0.06
    if r.carried:
        c -= 0.1
    if r.unit in {"%", "x"}:
        c += 0.05
    if r.metric is not None and r.metric.entry is not None:
        lo, hi = r.metric.entry.get("min"), r.metric.entry.get("max")
        try:
            if r.kind == "absolute" and ((lo and r.value < float(lo)) or (hi and r.value > float(hi))):
                c -= 0.3
        except ValueError:
            pass
    return round(min(0.99, max(0.05, c)), 3)


FEATURES = (
    "rule_confidence",
    "benchmark",
    "benchmark_known",
    "benchmark_in_sentence",
    "benchmark_elsewhere",
    "metric",
    "metric_written",
    "metric_implied",
    "lower_is_better",
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


def _in_sentence(r: Result, pos: int | None) -> bool:
    start = r.sentence_start or 0
    return pos is not None and start <= pos < start + len(r.evidence)


def feature_values(r: Result) -> tuple[float, ...]:
    """The values of FEATURES for one extracted row (the evidence score is one of them)."""
    has_b, has_m = r.benchmark is not None, r.metric is not None
    near = has_b and _in_sentence(r, r.benchmark_start)
    return (
        r.confidence,
        float(has_b),
        float(bool(r.benchmark_known)),
        float(near),
        float(has_b and not near),  # taken from another sentence or the title
        float(has_m),
        float(has_m and r.metric_start is not None),
        float(bool(r.metric_implied)),
        float(r.higher_is_better is False),
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


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-40.0, min(40.0, z))))


@dataclass(frozen=True, slots=True)
class Calibration:
    """Logistic-regression coefficients per feature, an intercept and the `confident` threshold."""

    coef: dict[str, float]
    intercept: float
    threshold: float

    @classmethod
    def none(cls) -> Calibration:
        """No calibration: rows keep the evidence score (used when fitting)."""
        return cls({}, 0.0, 2.0)

    @classmethod
    def load(cls) -> Calibration:
        """The shipped fit (vocab/calibration.csv); none when the file is missing."""
        res = resources.files("leaderboard") / "vocab" / "calibration.csv"
        if not res.is_file():
            return cls.none()
        return cls.parse(res.read_text(encoding="utf-8"))

    @classmethod
    def parse(cls, text: str) -> Calibration:
        """Read `feature,value` rows: "(intercept)", "(threshold)" and one coefficient per feature."""
        coef, intercept, threshold = {}, 0.0, 2.0
        rows = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
        for row in csv.DictReader(rows):
            name, value = row["feature"], float(row["value"])
            if name == "(intercept)":
                intercept = value
            elif name == "(threshold)":
                threshold = value
            elif name in FEATURES:  # a coefficient of a feature this version no longer computes is ignored
                coef[name] = value
        return cls(coef, intercept, threshold)

    def probability(self, r: Result) -> float:
        """P(the row's tuple is right)."""
        coef = self.coef
        return _sigmoid(
            self.intercept + sum(coef.get(k, 0.0) * v for k, v in zip(FEATURES, feature_values(r), strict=True))
        )

    def probability_of(self, feats: dict[str, float]) -> float:
        """P(right) of a row given its named features."""
        return _sigmoid(self.intercept + sum(self.coef.get(k, 0.0) * v for k, v in feats.items()))

    def apply(self, r: Result) -> Result:
        """The row with its calibrated confidence and `confident` flag (unchanged without coefficients)."""
        if not self.coef:
            return r
        p = round(self.probability(r), 4)
        r.confidence, r.confident = p, p >= self.threshold  # the row is the extractor's own, fresh object
        return r


__all__ = ["FEATURES", "Calibration", "evidence_score", "features"]
