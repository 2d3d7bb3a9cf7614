"""Metrics of compared numbers: a number that compares with a result of its sentence measures that result's metric.

- metric.of_compared_value: a change with no metric of its own that follows an absolute result of the same sentence
  and benchmark measures that result's metric ("reaches 57.7% ..., surpassing the baseline by 4%"), also in place of
  its benchmark's usual metric ("71.0% mAP at tIoU=0.5 on A, ... by 14.1 points": mAP@0.5) and of the sentence's
  nearest metric when that one is written after the change ("a GLUE score of 84.3, 2.1 points above X, and 89.0 F1":
  the 2.1 is GLUE score, the F1 belongs to 89.0).
- metric.of_compared_system: COMPARED-SYSTEM-VALUE: the number of a compared system written in parentheses after
  its name ("a total score of 84.6%, ahead of FooGen (81.6%)") with no metric of its own, or only its benchmark's
  usual one or the sentence's nearest written after it, measures the metric of the sentence's last earlier result
  in the same unit, and so do the next items of that list ("ahead of A (0.61) and B (0.57), and its CLIP score":
  B's 0.57 too, not CLIP score); so does the earlier
  value after "up from" / "down from" ("Chord accuracy on A reaches 78.5%, up from 22.0% for B": Chord accuracy,
  not the "accuracy" inside that phrase), and a named system's number after a comparison word ("a mean return of 0.71,
  compared with 0.58 for X and 0.46 for Y").
- metric.of_parallel_compared_list: PARALLEL-COMPARED-LIST, see its docstring ("X 0.712, Y 0.823 and Z 0.311,
  against 0.668, 0.803 and 0.305 for B": position by position).
"""

from __future__ import annotations

import functools
import re

from leaderboard.extract.alignment import align, assign, from_readings
from leaderboard.extract.alternation import compile_role
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
    named_at: set[int] = set()  # the readings read as a compared system's value in parentheses
    for k, r in enumerate(readings):
        if r.kind == "delta" or r.bound:
            continue
        before = a.text[r.s0 : r.num.start].rstrip()
        named = before.endswith("(") and a.g.compared_before.search(before[:-1].rstrip() + " ") is not None
        named = named or before.endswith("(") and _next_compared(a.text, readings, k, named_at)
        named = named or r.rules.get("result") == "result.compared_named_value"  # "compared with 0.58 for X"
        if named:
            named_at.add(k)
        if not named and (before[-4:].lower() != "from" or _UP_FROM.search(before) is None):  # cheap test first
            continue
        prev = next((p for p in reversed(readings[:k]) if p.kind != "delta" and p.unit == r.unit), None)
        if prev is None or prev.metric is None or prev.metric_inferred or ";" in a.text[prev.span_end : r.num.start]:
            continue
        if prev.benchmark is not None and r.benchmark is not None and prev.benchmark.name != r.benchmark.name:
            continue
        m, pm = r.metric, prev.metric
        inside = m is not None and pm.start <= m.start and m.end <= pm.end  # "Chord accuracy ...": its "accuracy"
        later = named and _replaceable(r)  # "below A (4.10) and B (3.35), and its CLAP score": not CLAP
        if m is not None and not r.metric_inferred and not inside and not later or m is pm:
            continue
        r.metric, r.metric_inferred = pm, False
        r.note("metric", "metric.of_compared_system")


def _next_compared(text: str, readings: list[Reading], k: int, named_at: set[int]) -> bool:
    """Whether reading k, in parentheses after a name, continues a list of compared systems whose previous item is
    the reading before it ("ahead of A (0.61) and B (0.57)": B's 0.57 too)."""
    if k - 1 not in named_at:
        return False
    return _NEXT_ITEM.fullmatch(text, readings[k - 1].num.end, readings[k].num.start) is not None


_NEXT_ITEM = re.compile(r"[^()]{0,6}\)\s*(?:,\s*(?:and\s+|or\s+)?|\s(?:and|or)\s+)[^(),;]{1,60}\(\s*")
_LIST_RULE = "metric.of_parallel_compared_list"
_PAIRED = re.compile(r"\s*(?:[A-Za-z%]{1,8}\s*)?(?:vs\.?|versus)\s", re.IGNORECASE)
# between two numbers of one list: a unit word of the first ("2.8x and 3.7"), then a comma and/or "and"
_JOIN = re.compile(r"\s*(?:[A-Za-z%]{1,8}\s*)?(?:,\s*(?:and\s+)?|\s+and\s+)")


@functools.lru_cache(maxsize=4)
def _list_cue(phrases: tuple[str, ...]) -> re.Pattern:
    """A comparison cue right before a list of numbers: "against 0.668, ...", "surpassing PDM-Closed (90.1 and ..."."""
    words = {"compared_list_cue": dict.fromkeys(phrases, "")}
    return compile_role(
        r"(?<![\w\-])(?:ALT)\s+(?:(?:the|only|just|about)\s+)?(?:[\w\-.]+(?:\s+[\w\-.]+){0,2}\s*\(\s*)?$",
        words,
        "compared_list_cue",
    )


def of_parallel_compared_list(a: Abstract, readings: list[Reading]) -> None:
    """metric.of_parallel_compared_list: PARALLEL-COMPARED-LIST: a list of n numbers after a comparison cue (grammar
    kind `compared_list_cue`: "against", "compared with", "surpassing X (") reports a compared system's values
    position by position with the n results written before the cue ("DINO 0.712, CLIP-I 0.823 and CLIP-T 0.311,
    against 0.668, 0.803 and 0.305 for X"; "a 3.4x speedup and an acceptance length of 4.6, compared with 2.8x and
    3.7 for Y"): each takes its counterpart's metric, unless a rule found it one of its own or its unit differs."""
    cues = a.g.words.get("compared_list_cue")
    if not cues or len(readings) < 4:
        return
    text, k = a.text, 0
    while k < len(readings):
        j = k
        while j + 1 < len(readings) and _JOIN.fullmatch(text, readings[j].num.end, readings[j + 1].num.start):
            j += 1
        n = j - k + 1
        if n >= 2 and k >= n and _pairs(a, readings[k - n : k], readings[k : j + 1], cues):
            pairs = align(readings[k : j + 1], readings[k - n : k])
            assign(from_readings(pairs, "metric"), "metric", _LIST_RULE)
        k = j + 1


def _defaulted(r: Reading) -> bool:
    """No metric of its own: none, its benchmark's usual one or the sentence's nearest."""
    return not r.bound and (r.metric is None or r.metric_inferred or r.rules.get("metric") == _NEAREST)


def _pairs(a: Abstract, own: list[Reading], other: list[Reading], cues: dict[str, str]) -> bool:
    """Whether `other` is a compared list parallel to `own`: a cue right before it, after every one of `own`; each
    of `own` with a metric, each of `other` with none of its own and in its counterpart's unit (or none)."""
    first = other[0]
    start = max(own[-1].span_end, first.s0)
    if _list_cue(tuple(sorted(cues))).search(a.text, start, first.num.start) is None:
        return False
    if _PAIRED.match(a.text, other[-1].span_end):
        return False  # "(26mm vs 52mm, 29mm vs 35mm)": pairs, not a list
    return all(
        p.metric is not None and _defaulted(q) and q.kind == p.kind and q.unit in (None, p.unit)
        for p, q in zip(own, other, strict=True)
    )
