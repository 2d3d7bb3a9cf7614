"""Calibrated confidence: the probability that a row's (value, benchmark, metric) tuple is right.

Two steps. The rule `confidence.evidence_score` scores a reading from the evidence the rules found (a metric bound
to the number, a known benchmark, a value inside the metric's range). Then a plain logistic regression over
features of how the row was read (that score among them) turns it into a probability. The coefficients and the
`confident` threshold are data (vocab/calibration.csv), fitted by scripts/fit_calibration.py on the development
gold sets: the L2 penalty is chosen by cross-validation across papers, and the threshold is the lowest probability
at which the rows above it had tuple precision >= 0.95 (with a margin) in out-of-fold predictions.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from operator import mul
from typing import TYPE_CHECKING

from leaderboard.extract.rules import rule
from leaderboard.knowledge.entries import CalibrationEntry
from leaderboard.knowledge.loader import read_calibration, shipped_calibration
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
    "benchmark_known",
    "benchmark_elsewhere",
    "benchmark_adjacent",
    "benchmark_after",
    "metric_written",
    "metric_implied",
    "metric_adjacent",
    "decimals",
    "speed_unit",
    "baseline",
    "shared_number",
)
_NUMBER = re.compile(r"\d")  # another number between a name and the value: the name may belong to it
_CLAUSE = re.compile(r"[;:]")  # a clause boundary between a name and the value


def _in_sentence(r: Result, pos: int | None) -> bool:
    start = r.sentence_start or 0
    return pos is not None and start <= pos < start + len(r.evidence)


def _adjacent(r: Result, start: int | None, end: int | None) -> bool:
    """The name is in the value's sentence with no other number and no clause boundary between the two."""
    if start is None or end is None or r.value_start is None or r.value_end is None or not _in_sentence(r, start):
        return False
    s0 = r.sentence_start or 0
    lo, hi = (end, r.value_start) if end <= r.value_start else (r.value_end, start)
    gap = r.evidence[max(0, lo - s0) : max(0, hi - s0)]
    return not _NUMBER.search(gap) and not _CLAUSE.search(gap)


def shared_numbers(rows: Sequence[Result]) -> frozenset[int]:
    """The offsets of the numbers that gave more than one of an abstract's rows."""
    seen: set[int] = set()
    shared: set[int] = set()
    for r in rows:
        start = r.value_start
        if start is not None:
            (shared if start in seen else seen).add(start)
    return frozenset(shared)


def feature_values(r: Result, shared: frozenset[int] = frozenset()) -> tuple[float, ...]:
    """The values of FEATURES for one extracted row; `shared` is its abstract's shared_numbers()."""
    has_b, has_m = r.benchmark is not None, r.metric is not None
    near = has_b and _in_sentence(r, r.benchmark_start)
    after = near and r.value_end is not None and (r.benchmark_start or 0) >= r.value_end
    return (
        r.confidence,
        float(bool(r.benchmark_known)),
        float(has_b and not near),  # taken from another sentence or the title
        float(has_b and _adjacent(r, r.benchmark_start, r.benchmark_end)),
        float(after),
        float(has_m and r.metric_start is not None),
        float(bool(r.metric_implied)),
        float(has_m and _adjacent(r, r.metric_start, r.metric_end)),
        float("." in r.value_text),
        float(r.unit in _SPEED_UNITS),
        float(r.baseline is not None),
        float(r.value_start in shared),
    )


def features(r: Result, rows: Sequence[Result] = ()) -> dict[str, float]:
    """Named features of one extracted row among its abstract's `rows`."""
    return dict(zip(FEATURES, feature_values(r, shared_numbers(rows)), strict=True))


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-40.0, min(40.0, z))))


@dataclass(frozen=True, slots=True)
class Calibration:
    """Logistic-regression coefficients per feature, an intercept and the `confident` threshold."""

    coef: dict[str, float]
    intercept: float
    threshold: float
    weights: tuple[float, ...] = field(default=(), compare=False, repr=False)  # coef in FEATURES order, 0.0 if none

    def __post_init__(self) -> None:
        object.__setattr__(self, "weights", tuple(self.coef.get(k, 0.0) for k in FEATURES))

    @classmethod
    def none(cls) -> Calibration:
        """No calibration: rows keep the evidence score (used when fitting)."""
        return cls({}, 0.0, 2.0)

    @classmethod
    def load(cls) -> Calibration:
        """The shipped fit (vocab/calibration.csv); none when the file is missing."""
        entries = shipped_calibration()  # read and validated by the knowledge loader (errors name file and line)
        if not entries:
            return cls.none()
        return cls.of(entries)

    @classmethod
    def parse(cls, text: str) -> Calibration:
        """Read `feature,value` rows: "(intercept)", "(threshold)" and one coefficient per feature."""
        return cls.of(read_calibration(text, "calibration.csv"))

    @classmethod
    def of(cls, entries: tuple[CalibrationEntry, ...]) -> Calibration:
        """The fit from the loader's entries (knowledge/loader.py)."""
        coef, intercept, threshold = {}, 0.0, 2.0
        for row in entries:
            name, value = row.feature, row.value
            if name == "(intercept)":
                intercept = value
            elif name == "(threshold)":
                threshold = value
            elif name in FEATURES:  # a coefficient of a feature this version no longer computes is ignored
                coef[name] = value
        return cls(coef, intercept, threshold)

    def probability(self, r: Result, shared: frozenset[int] = frozenset()) -> float:
        """P(the row's tuple is right); `shared` is its abstract's shared_numbers()."""
        return _sigmoid(self.intercept + sum(map(mul, self.weights, feature_values(r, shared))))

    def probability_of(self, feats: dict[str, float]) -> float:
        """P(right) of a row given its named features."""
        return _sigmoid(self.intercept + sum(self.coef.get(k, 0.0) * v for k, v in feats.items()))

    def apply(self, r: Result, shared: frozenset[int] = frozenset()) -> Result:
        """The row with its calibrated confidence and `confident` flag (unchanged without coefficients)."""
        if not self.coef:
            return r
        p = round(self.probability(r, shared), 4)
        r.confidence, r.confident = p, p >= self.threshold  # the row is the extractor's own, fresh object
        return r

    def apply_all(self, rows: list[Result]) -> list[Result]:
        """Every row of one abstract with its calibrated confidence (features read from all rows first)."""
        if not self.coef or not rows:  # most abstracts give no row: no Counter to build
            return rows
        shared = shared_numbers(rows)
        return [self.apply(r, shared) for r in rows]


__all__ = ["FEATURES", "Calibration", "evidence_score", "feature_values", "features", "shared_numbers"]
