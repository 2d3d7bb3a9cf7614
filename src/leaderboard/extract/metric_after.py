"""Metric names written right after a number, outside the vocabulary.

- metric.head_noun_after: see its docstring ("98.6% correlation with expert rankings").
- METRIC-UNKNOWN-ACRONYM (metric.unknown_acronym_after): an acronym outside the vocabulary written right after a
  number names its metric.

Papers write a metric they do not define as an acronym right after the value ("58.4 TQS and 61.0 IDR on A", "4.1
ASD"). A token of two to six capitals (digits, "-", "@" allowed after the first letter) right after a number with
decimals, ending its phrase (a comma, ";", ")", "and", "or", "on", "in", "for", "vs", "versus", "compared" or the
sentence end follows), is the number's metric when it is no name the abstract's vocabulary knows (benchmark, method),
no unit, magnitude or hardware (grammar kinds `unit_result`, `time_unit`, `magnitude`, `hardware`), and no generic
model family (`generic_model`: "CNN"); an acronym the abstract defines in parentheses is left to
metric.acronym_defined.
"""

from __future__ import annotations

import functools
import re

from leaderboard.extract.attribution import Span
from leaderboard.extract.sentence import Abstract, Reading

_ACRONYM = re.compile(
    r"[ \t]+(?P<acr>[A-Z][A-Z0-9@\-]{1,5})(?=\s*(?:[,;)]|\.(?:\s|$)|$|\s+(?:and|or|on|in|for|vs\.?|versus|compared)\b))"
)
_NOT_METRIC = ("unit_result", "time_unit", "magnitude", "hardware", "generic_model")


def unknown_acronym(a: Abstract, r: Reading) -> Span | None:
    """The unknown acronym right after the number, as a metric outside the vocabulary, or None."""
    num = r.num
    if not num.decimals or num.unit is not None or num.suffix:
        return None
    m = _ACRONYM.match(a.text, r.span_end, min(r.s1, r.span_end + 10))
    if m is None:
        return None
    acr = m.group("acr")
    if sum(c.isupper() for c in acr) < 2 or acr.endswith("-"):
        return None
    if f"({acr})" in a.text:
        return None  # an acronym the abstract defines: metric.acronym_defined reads it, or it names no metric
    start, end = m.start("acr"), m.end("acr")
    if any(s.start < end and start < s.end for s in (*a.benches, *a.methods, *a.metrics)):
        return None  # a name the vocabulary knows (a known metric binds by its own rule)
    words = a.g.words
    if any(acr.lower() in {k.lower() for k in words.get(kind, {})} for kind in _NOT_METRIC):
        return None
    return Span(start, end, acr, acr)


@functools.lru_cache(maxsize=4)
def _head_after(heads: frozenset[str]) -> re.Pattern:
    alt = "|".join(re.escape(h) for h in sorted(heads, key=len, reverse=True))
    return re.compile(
        r"\s*(?P<m>(?:(?!(?:of|and|or|on|in|for|the|an?|than|with|at|to|by|vs|from|over)\s)[a-z][a-z\-]*\s+){0,2}?"
        r"(?:" + alt + r"))(?![\w\-])"
    )


def head_noun_after(a: Abstract, readings: list[Reading]) -> None:
    """metric.head_noun_after: a result whose metric is not written on it (none, its benchmark's usual one or the
    sentence's nearest) takes a measure noun outside the vocabulary written right after it, with up to two
    modifiers ("98.6% correlation with expert rankings", "0.71 inter-rater agreement"; kind `metric_head_after`); a
    bare head whose row names a vocabulary metric is that metric ("45.0% success" is a Success Rate)."""
    heads = a.g.exact.get("metric_head_after")
    if not heads:
        return
    pattern = _head_after(heads)
    for r in readings:
        if r.bound or r.unit == "x":
            continue
        m = pattern.match(a.text, r.span_end, min(r.s1, r.span_end + a.w.metric_bind_after))
        if m is None or any(b.start < m.end("m") and m.start("m") < b.end for b in a.benches):
            continue
        name = " ".join(m.group("m").split())
        entry = a.vocab.metrics.lookup(a.g.words["metric_head_after"].get(name.lower()) or "")  # "45% success"
        r.metric = Span(m.start("m"), m.end("m"), entry.name if entry else name, m.group("m"), entry)
        r.metric_inferred = False
        r.note("metric", "metric.head_noun_after")
