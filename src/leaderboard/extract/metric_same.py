"""SAME-METRICS-AS-BEFORE (metric.same_as_before): numbers written next to a phrase that refers back to the metrics
already reported ("on B it gets 70.2 and 66.4 for the same directions", "33.0 / 12.5 on the same metrics"; grammar
kind `same_metric_ref`) measure, position by position, the metrics of the results written before them in the
sentence: the last n results with a written metric, for a list of n numbers; one such metric for any number.

A number of the list keeps a metric of its own written on it; it yields only no metric, its benchmark's usual one
(implied: "on COCO it gets 70.2" is no AP when the sentence reports R@1) and the sentence's nearest.

ONE-METRIC-OF-ABSTRACT (metric.one_in_abstract): a result with no metric (none written, no usual one of its
benchmark) in an abstract whose results so far name exactly one metric, a vocabulary one and not an efficiency one,
measures that metric (implied): the annotation policy reuses a metric the abstract names once ("the average
margin over the strongest baseline is 2.2 points" after "a macro-F1 of 71.4"). Left alone: a ratio ("3x"), a
number in another unit of measure ("$20"), a percentage for a metric not in percent ("retains 99% of the
performance" after a perplexity), and a sentence reporting a human evaluation (grammar kind `human_eval`).
"""

from __future__ import annotations

import functools
import re

from leaderboard.extract.alternation import compile_role
from leaderboard.extract.attribution import Span
from leaderboard.extract.compared_metrics import unit_fits
from leaderboard.extract.sentence import Abstract, Reading

RULE = "metric.same_as_before"
_NEAREST = "metric.nearest_in_sentence"
_JOIN = re.compile(r"\s*(?:/|,\s*(?:and\s+)?|\s+and\s+)\s*")  # between two numbers of one list


@functools.lru_cache(maxsize=4)
def _cue(phrases: tuple[str, ...]) -> re.Pattern:
    """The reference back to the metrics reported before, right after a list's last number (a unit or preposition
    may stand between: "66.4 for the same directions")."""
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


@functools.lru_cache(maxsize=4)
def _human(phrases: tuple[str, ...]) -> re.Pattern:
    """The words of a human evaluation (grammar kind `human_eval`: "raters", "user study")."""
    return compile_role(r"(?<![\w\-])(?:ALT)(?![\w])", {"human_eval": dict.fromkeys(phrases, "")}, "human_eval")


_PLAIN = frozenset({None, "%", "pp", "points"})


def one_in_abstract(a: Abstract, readings: list[Reading]) -> None:
    """metric.one_in_abstract: see the module docstring."""
    if not any(r.metric is None and r.unit != "x" for r in readings):
        return
    names = dict(a.memory.written)
    for p in readings:
        if p.metric is not None and not p.metric_inferred and p.metric.start >= 0:
            names.setdefault(p.metric.name, p.metric)
    if len(names) != 1:
        return
    only = next(iter(names.values()))
    if only.entry is None or a.speed is not None and a.speed.is_speed(only.name):
        return  # a phrase outside the vocabulary ("total compute") or an efficiency measure: not carried
    if _human(tuple(sorted(a.g.words.get("human_eval", {})))).search(a.text, readings[0].s0, readings[0].s1):
        return  # "Human raters preferred ours in 58%": a human judgement, not the abstract's metric
    own_unit = (only.entry.get("unit") or "").lower()
    for r in readings:
        if r.metric is not None or r.unit not in _PLAIN and (r.unit or "").lower() != own_unit:
            continue  # "3x", "$20", "41 ms": no value of an accuracy-like metric
        bench = r.benchmark
        if bench is not None and bench.entry is not None and bench.entry.get("metric"):
            continue  # "improves MMLU by 3.1%": a benchmark with a usual metric of its own
        if not unit_fits(only.entry, r.unit) or r.unit == "%" and r.kind == "absolute" and own_unit != "%":
            continue  # "retains 99% of the performance" is no perplexity
        r.metric, r.metric_inferred = Span(-1, -1, only.name, "", only.entry), True  # implied: no offsets
        r.note("metric", "metric.one_in_abstract")
