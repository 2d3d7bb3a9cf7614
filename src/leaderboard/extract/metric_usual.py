"""METRIC-NAMED-AS-USUAL: a written metric that is, on its benchmark, the same measure as the benchmark's usual metric
takes the usual metric's name, so the rows of one leaderboard share one metric name.

Grammar kind `same_as_usual` (phrase: a metric's canonical name, value: the usual metric it equals): "82.4% top-1
accuracy on UCF101" is that benchmark's Accuracy (a single-label benchmark that reports one accuracy), while on
ImageNet, whose usual metric is Top-1 Accuracy itself, nothing changes. Only a metric with the vocabulary's entry
and a benchmark with a usual metric are read; the mention's offsets and text stay.
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
