"""Metrics of compared numbers: a number that compares with a result of its sentence measures that result's metric.

- metric.of_compared_value: a change with no metric of its own that follows an absolute result of the same sentence
  and benchmark measures that result's metric ("reaches 57.7% ..., surpassing the baseline by 4%"), also in place of
  its benchmark's usual metric ("71.0% mAP at tIoU=0.5 on A, ... by 14.1 points": mAP@0.5) and of the sentence's
  nearest metric when that one is written after the change ("a GLUE score of 84.3, 2.1 points above X, and 89.0 F1":
  the 2.1 is GLUE score, the F1 belongs to 89.0).
- metric.of_compared_system: COMPARED-SYSTEM-VALUE: the number of a compared system written in parentheses after
  its name ("a total score of 84.6%, ahead of FooGen (81.6%)") with no metric of its own, or only its benchmark's
  usual one, measures the metric of the sentence's last earlier result in the same unit; so does the earlier
  value after "up from" / "down from" ("Chord accuracy on A reaches 78.5%, up from 22.0% for B": Chord accuracy,
  not the "accuracy" inside that phrase).
"""

from __future__ import annotations

import re

from leaderboard.extract.sentence import Abstract, Reading
from leaderboard.extract.vocab import Entry

_NEAREST = "metric.nearest_in_sentence"
_UP_FROM = re.compile(r"\b(?:up|down)\s+from$", re.IGNORECASE)


def unit_fits(entry: Entry | None, unit: str | None) -> bool:
    """A number in a unit of measure (mm, ms) is no value of a percentage metric."""
    return entry is None or entry.get("unit") != "%" or unit in {None, "%", "pp", "points", "x"}


def _replaceable(r: Reading) -> bool:
    """No metric, its benchmark's usual one, or the sentence's nearest written after it."""
    m = r.metric
    return m is None or r.metric_inferred or r.rules.get("metric") == _NEAREST and m.start >= r.span_end


def of_compared_value(a: Abstract, readings: list[Reading]) -> None:
    """metric.of_compared_value: see the module docstring."""
    for k, r in enumerate(readings):
        if r.kind != "delta" or not _replaceable(r) or r.unit == "x":
            continue
        prev = next((p for p in reversed(readings[:k]) if p.kind != "delta" and p.num.end <= r.num.start), None)
        if prev is None or prev.metric is None or ";" in a.text[prev.span_end : r.num.start]:
            continue
        if r.metric is not None and not r.metric_inferred and prev.metric_inferred:
            continue  # a written metric after it is no worse than a usual one before it
        if prev.benchmark is not None and r.benchmark is not None and prev.benchmark.name != r.benchmark.name:
            continue
        if a.speed is not None and a.speed.is_speed(prev.metric.name) or not unit_fits(prev.metric.entry, r.unit):
            continue
        r.metric, r.metric_inferred = prev.metric, prev.metric_inferred
        r.note("metric", "metric.of_compared_value")


def of_compared_system(a: Abstract, readings: list[Reading]) -> None:
    """metric.of_compared_system: see the module docstring."""
    for k, r in enumerate(readings):
        if r.kind == "delta" or r.bound:
            continue
        before = a.text[r.s0 : r.num.start].rstrip()
        named = before.endswith("(") and a.g.compared_before.search(before[:-1].rstrip() + " ") is not None
        if not named and (before[-4:].lower() != "from" or _UP_FROM.search(before) is None):  # cheap test first
            continue
        prev = next((p for p in reversed(readings[:k]) if p.kind != "delta" and p.unit == r.unit), None)
        if prev is None or prev.metric is None or prev.metric_inferred or ";" in a.text[prev.span_end : r.num.start]:
            continue
        if prev.benchmark is not None and r.benchmark is not None and prev.benchmark.name != r.benchmark.name:
            continue
        m, pm = r.metric, prev.metric
        inside = m is not None and pm.start <= m.start and m.end <= pm.end  # "Chord accuracy ...": its "accuracy"
        if m is not None and not r.metric_inferred and not inside or m is pm:
            continue
        r.metric, r.metric_inferred = pm, False
        r.note("metric", "metric.of_compared_system")
