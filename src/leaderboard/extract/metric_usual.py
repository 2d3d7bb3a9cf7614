"""Metrics named after the benchmark's usual one.

METRIC-NAMED-AS-USUAL: a written metric that is, on its benchmark, the same measure as the benchmark's usual metric
takes the usual metric's name, so the rows of one leaderboard share one metric name.

Grammar kind `same_as_usual` (phrase: a metric's canonical name, value: the usual metric it equals): "82.4% top-1
accuracy on UCF101" is that benchmark's Accuracy (a single-label benchmark that reports one accuracy), while on
ImageNet, whose usual metric is Top-1 Accuracy itself, nothing changes. Only a metric with the vocabulary's entry
and a benchmark with a usual metric are read; the mention's offsets and text stay.

METRIC-OF-PARALLEL-BENCHMARK: a number on a benchmark with no usual metric (outside the vocabulary, or none usual)
and no metric of its own, in a sentence whose other numbers of the same unit and kind on other benchmarks all have
one metric, takes it: "from 61.2% to 70.4% on MGSM and from 38.0% to 45.1% on FooMath" (Accuracy, MGSM's usual).
"""

from __future__ import annotations

from leaderboard.extract.attribution import Span
from leaderboard.extract.sentence import Abstract, Reading

RULE = "metric.named_as_usual"


def named_as_usual(a: Abstract, readings: list[Reading]) -> None:
    """metric.named_as_usual: see the module docstring."""
    same = a.g.words.get("same_as_usual")
    if not same:
        return
    for r in readings:
        m, bench = r.metric, r.benchmark
        if m is None or m.entry is None or bench is None or bench.entry is None:
            continue
        equal = same.get(m.name.lower())
        if equal is None:
            continue
        usual = a.vocab.metrics.lookup(bench.entry.get("metric"))
        if usual is None or usual.name.lower() != equal.lower():
            continue
        r.metric = Span(m.start, m.end, usual.name, m.raw, usual)
        r.note("metric", RULE)


def of_parallel_benchmark(a: Abstract, readings: list[Reading]) -> None:
    """metric.of_parallel_benchmark: see the module docstring."""
    for r in readings:
        bench = r.benchmark
        if r.metric is not None or bench is None or bench.entry is not None and bench.entry.get("metric"):
            continue
        names = {
            p.metric.name: p.metric
            for p in readings
            if p.metric is not None and p.unit == r.unit and p.kind == r.kind
            if p.benchmark is not None and p.benchmark.name != bench.name
        }
        if len(names) != 1:
            continue
        m = next(iter(names.values()))
        r.metric, r.metric_inferred = Span(-1, -1, m.name, "", m.entry), True  # implied: not named, no offsets
        r.note("metric", "metric.of_parallel_benchmark")
