"""METRIC-RESTATED-IN-PARENTHESES: a metric written at the head of a parenthesis after the values it measures.

Papers name the exact measure of a run of values in a parenthesis after it: "84.2% on A, 36.7% on B and 26.7% on C
(pass@1, averaged over 16 samples)", "reaches 0.74 (Spearman rho)", "41.7 AP on rare categories (APr)". A
parenthesis whose first words are a vocabulary metric mention, closed right after it or followed by a comma or ";",
gives that metric to each number of its sentence that stands before it in the same run (no ";", no other
parenthesis and no other metric mention between the number and the parenthesis; the number's own bound metric
aside):
- a number whose metric is not written on it (none, its benchmark's usual one, the sentence's nearest, a phrase of a
  change verb) takes it when the metric's unit fits;
- a number bound to a metric takes it only when it restates that metric as a variant (the parenthesised name
  starts with the bound one and is longer: "AP" -> "APr", the rare-category AP, not AP), or when the metric is
  written before the number and the parenthesis follows the number directly ("ranking accuracy reaches 0.74
  (Spearman rho)": the exact measure of a loosely named one).
A speed cue's metric stays.
"""

from __future__ import annotations

from leaderboard.extract.attribution import Span
from leaderboard.extract.compared_metrics import unit_fits
from leaderboard.extract.sentence import Abstract, Reading

RULE = "metric.restated_in_parentheses"
_CLOSE = frozenset(",;)")


def _restating(a: Abstract, s0: int, s1: int) -> list[Span]:
    """The metric mentions of the sentence that open a parenthesis and end its first item."""
    text, out = a.text, []
    for m in a.metrics:
        if not s0 <= m.start < s1 or m.entry is None:
            continue
        k = m.start - 1
        while k >= s0 and text[k] == " ":
            k -= 1
        if k < s0 or text[k] != "(":
            continue
        j = m.end
        while j < s1 and text[j] == " ":
            j += 1
        if j < len(text) and text[j] in _CLOSE:
            out.append(m)
    return out


def restated_in_parentheses(a: Abstract, readings: list[Reading]) -> None:
    """metric.restated_in_parentheses: see the module docstring."""
    if not readings or a.text.find("(", readings[0].s0, readings[0].s1) < 0:
        return  # the literal cue first: no parenthesis, nothing to restate
    text = a.text
    parens = _restating(a, readings[0].s0, readings[0].s1)
    if not parens:
        return
    for r in readings:
        if r.rules.get("metric") == "metric.efficiency_cue":
            continue
        p = next((m for m in parens if m.start > r.span_end), None)
        if p is None:
            continue
        opened = text.rfind("(", r.span_end, p.start)
        gap = text[r.span_end : opened]
        if ";" in gap or "(" in gap or ")" in gap:
            continue
        own = r.metric if r.bound else None
        others = [m for m in a.metrics if r.span_end <= m.start < opened and (own is None or m.start != own.start)]
        if others:
            continue
        if own is not None:
            variant = p.raw.startswith(own.raw) and len(p.raw) > len(own.raw)
            right_after = own.end <= r.num.start and not gap.strip()  # "accuracy reaches 0.74 (Spearman rho)"
            if p.name == own.name or not (variant or right_after):
                continue
        elif not unit_fits(p.entry, r.unit) or r.metric is not None and r.metric.name == p.name:
            continue
        r.metric, r.metric_inferred = p, False
        r.note("metric", RULE)
