"""SAME-METRICS-AS-BEFORE (metric.same_as_before): numbers written next to a phrase that refers back to the metrics
already reported ("it reaches 78.1 and 61.3 for the same directions", "42.3 / 21.8 on the same metrics"; grammar
kind `same_metric_ref`) measure, position by position, the metrics of the results written before them in the
sentence: the last n results with a written metric, for a list of n numbers; one such metric for any number.

A number of the list keeps a metric of its own written on it; it yields only no metric, its benchmark's usual one
(implied: "on MSCOCO it reaches 78.1" is no AP when the sentence reports R@1) and the sentence's nearest.
"""

from __future__ import annotations

import functools
import re

from leaderboard.extract.alternation import compile_role
from leaderboard.extract.sentence import Abstract, Reading

RULE = "metric.same_as_before"
_NEAREST = "metric.nearest_in_sentence"
_JOIN = re.compile(r"\s*(?:/|,\s*(?:and\s+)?|\s+and\s+)\s*")  # between two numbers of one list


@functools.lru_cache(maxsize=4)
def _cue(phrases: tuple[str, ...]) -> re.Pattern:
    """The reference back to the metrics reported before, right after a list's last number (a unit or preposition
    may stand between: "61.3 for the same directions")."""
    words = {"same_metric_ref": dict.fromkeys(phrases, "")}
    return compile_role(
        r"\s*[%x]?\s*(?:on|for|in|under|with|by|at)?\s*(?:the\s+)?(?:ALT)(?![\w\-])", words, "same_metric_ref"
    )


def same_as_before(a: Abstract, readings: list[Reading]) -> None:
    """metric.same_as_before: see the module docstring."""
    phrases = a.g.words.get("same_metric_ref")
    if not phrases or len(readings) < 2:
        return
    cue = _cue(tuple(sorted(phrases)))
    for j, last in enumerate(readings):
        if cue.match(a.text, last.span_end) is None:
            continue
        k = j
        while k > 0 and _JOIN.fullmatch(a.text, readings[k - 1].span_end, readings[k].num.start):
            k -= 1
        mine = readings[k : j + 1]
        written = [p for p in readings[:k] if p.metric is not None and not p.metric_inferred and p.metric.start >= 0]
        if not written:
            continue
        names = {p.metric.name for p in written}
        if len(names) == 1:
            sources = [written[-1]] * len(mine)
        elif len(written) >= len(mine):
            sources = written[-len(mine) :]
        else:
            continue
        for r, src in zip(mine, sources, strict=True):
            if r.bound and r.rules.get("metric") != _NEAREST or r.kind != src.kind:
                continue
            if r.metric is not None and not r.metric_inferred and r.rules.get("metric") != _NEAREST:
                continue
            r.metric, r.metric_inferred = src.metric, False
            r.note("metric", RULE)
