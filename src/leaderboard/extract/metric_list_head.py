"""METRIC-OF-LIST-HEAD: a metric written before the first item of a "<value> on <benchmark>" list measures every
item of it.

"Execution accuracy reaches 78.3% on FinQA, 84.6% on TAT-QA and 73.9% on ConvFinQA": the metric is written once,
before the first number, and the list's items repeat only value and benchmark. Without it each later item would take
its benchmark's usual metric (F1 on TAT-QA), which is another measure than the one the sentence reports.

A number whose metric is written before it (bound on its "before" side, a vocabulary metric) heads a list when the
numbers after it follow one another as items "<number> on|in|for <name>" joined by a comma or "and" (nothing else
between an item's name and the next number). Each later item of the same unit and kind whose metric is not written
(none, or its benchmark's usual one) takes the head's metric, when the metric's unit fits.
"""

from __future__ import annotations

import re

from leaderboard.extract.attribution import Span
from leaderboard.extract.compared_metrics import unit_fits
from leaderboard.extract.sentence import Abstract, Reading

RULE = "metric.of_list_head"
_ITEM_GAP = re.compile(r"\s+(?:on|in|for)\s+(?:the\s+)?[^,;:()]{1,60}?(?:\s*,\s*(?:and\s+)?|\s+and\s+)")


def of_list_head(a: Abstract, readings: list[Reading]) -> None:
    """metric.of_list_head: see the module docstring."""
    if len(readings) < 2:
        return
    text = a.text
    for k, head in enumerate(readings):
        m = head.metric
        if not head.bound or head.side != "before" or m is None or m.entry is None or head.kind != "absolute":
            continue
        prev = head
        for r in readings[k + 1 :]:
            if r.num.start < prev.span_end or not _ITEM_GAP.fullmatch(text, prev.span_end, r.num.start):
                break
            if r.unit != head.unit or r.kind != head.kind:
                break
            prev = r
            if r.bound or r.metric is not None and not r.metric_inferred or r.benchmark is None:
                continue
            if not unit_fits(m.entry, r.unit) or r.metric is not None and r.metric.name == m.name:
                continue
            r.metric, r.metric_inferred = Span(-1, -1, m.name, "", m.entry), True  # implied: no offsets of its own
            r.note("metric", RULE)
