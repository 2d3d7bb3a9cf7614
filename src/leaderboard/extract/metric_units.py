"""Metrics implied by a number's unit of measure ("dB", "ms"; not "%", "x" or points), for a number with none.

USUAL-IN-OWN-UNIT (metric.usual_in_own_unit): a change written in a unit of measure ("gains +0.52 dB over X") on a
benchmark whose usual metric is measured in that unit (PSNR in dB on a deraining set, SI-SDRi on a separation set)
is a change of that usual metric (implied). The benchmark default (metric.usual_of_benchmark) takes changes only in
points or in no unit, since a change in percent may be relative or absolute; a change in the usual metric's own unit
of measure (vocabulary column `unit`) says which measure moved just as well. Another unit decides nothing.

UNIT-NAMED-EARLIER (metric.of_unit_named_earlier): a number in a unit of measure with no metric, after earlier
sentences wrote one metric on numbers of that unit ("a PSNR of 29.84 dB ... on X it is ahead by 1.2 dB"), measures
that metric (implied: the abstract names it once). Two metrics written on one unit (PSNR and SI-SNR both in dB)
leave it open (Memory.unit_metric).
"""

from __future__ import annotations

from leaderboard.extract.attribution import Span
from leaderboard.extract.sentence import Abstract, Reading

_NOT_MEASURE_UNITS = frozenset({"%", "pp", "points", "point", "x", "×"})


def _measure_unit(r: Reading) -> str | None:
    """The number's unit when it is a unit of measure, lower case; else None."""
    unit = (r.unit or "").lower()
    return unit if unit and unit not in _NOT_MEASURE_UNITS else None


def of_unit(a: Abstract, readings: list[Reading]) -> None:
    """metric.usual_in_own_unit, then metric.of_unit_named_earlier: see the module docstring."""
    for r in readings:
        unit = _measure_unit(r)
        if r.metric is not None or unit is None:
            continue
        bench = r.benchmark
        usual = a.vocab.metrics.lookup(bench.entry.get("metric")) if bench and bench.entry is not None else None
        if r.kind == "delta" and usual is not None and (usual.get("unit") or "").lower() == unit:
            r.metric, r.metric_inferred = Span(-1, -1, usual.name, "", usual), True  # implied: no offsets
            r.note("metric", "metric.usual_in_own_unit")
            continue
        earlier = a.memory.unit_metric.get(unit)
        if earlier is not None:
            r.metric, r.metric_inferred = Span(-1, -1, earlier.name, "", earlier.entry), True
            r.note("metric", "metric.of_unit_named_earlier")
