"""Details of a reading once its number, benchmark and metric are known: the new value of a transition, a
metric phrase outside the vocabulary, a change's direction and whether it is relative, and a confidence score.
The method and baseline decisions are rules (rules/method.py, rules/baseline.py)."""

from __future__ import annotations

import re

from leaderboard.extract.attribution import Span, capture_metric, clause_start
from leaderboard.extract.numbers import Number
from leaderboard.extract.sentence import Abstract, Reading

_FROM_END = re.compile(r"(?<![\w-])(?<!ranging )(?<!ranges )(?<!range )from\s*[(\[]?\s*$", re.IGNORECASE)
_REPORTED_AS = re.compile(r"\s+(?:an?|the)\s+(?:[\w\-]+\s+){0,2}?[\w\-]+\s+of\s+")  # "obtains a return of "
_TO_GAP = re.compile(
    r"\s*(?:(?!up\s)[A-Za-z][\w@\-]{0,11}\s+)?(?:to|->|\u2192|=>|\u21d2|\\rightarrow|\$\\rightarrow\$|\$\\to\$)\s*"
)


def transitions(a: Abstract, readings: list[Reading], s0: int) -> list[Reading]:
    """ "improves F1 from 72.69% to 76.77%": the new value of an improvement is a result of its own (kind
    absolute); the range reading keeps both ends."""
    out = []
    for r in readings:
        if r.kind != "range" or r.num.signed:
            continue
        second = next((n for n in a.nums if n.end == r.span_end and n.start > r.num.end), None)
        if second is None or second.signed or not _TO_GAP.fullmatch(a.text, r.num.end, second.start):
            continue
        c0 = clause_start(a.text, s0, r.num.start)
        if not _FROM_END.search(a.text, max(c0, r.num.start - a.w.from_before_range), r.num.start):
            continue
        change = None
        for m in a.g.change.finditer(a.text, c0, r.num.start):
            change = a.g.value_of("change", m.group(0))
        hib = r.metric.entry.get("higher_is_better").lower() if r.metric and r.metric.entry else ""
        better = (second.value > r.value) == (hib == "true") if hib in {"true", "false"} else change == "better"
        if change not in {"better", "up", "down"} or not better:
            continue
        new = r.at_end(second, None, {k: v for k, v in r.rules.items() if k not in _CHANGE_FIELDS})
        if new.trace is not None:
            new.trace.copied((r.num.start, r.num.end), (second.start, second.end), set(new.rules))
        new.note("kind", "kind.end_of_transition", (r.num.start, second.end))
        if second.unit:
            new.note("unit", "unit.attached_sign")
        out.append(new)
    return out


def captured_metric(a: Abstract, num: Number, s0: int) -> Span | None:
    """A metric phrase outside the vocabulary before a number with decimals or a unit ("an R-precision of
    0.22"), or before a whole number a result verb reports ("obtains a return of 3,200", "achieves a score of
    812"); a phrase that is a known metric's canonical name in other case takes its entry ("Return")."""
    text, g = a.text, a.g
    if num.decimals or num.unit:
        metric = capture_metric(text, num, s0, g)
    elif not text[max(s0, num.start - a.w.of_before_reported) : num.start].rstrip().endswith("of"):
        return None  # cheap test first: "a return of 3,200"
    else:
        w0 = max(s0, num.start - a.w.reported_verb_before)
        verbs = g.result_verb.finditer(text, w0, num.start)
        if not any(_REPORTED_AS.fullmatch(text, v.end(), num.start) for v in verbs):
            return None
        metric = capture_metric(text, num, s0, g, generic=True)
    entry = a.vocab.metrics.named(metric.name) if metric is not None else None
    return metric if entry is None else Span(metric.start, metric.end, entry.name, metric.raw, entry)


def delta_details(a: Abstract, r: Reading, s0: int, s1: int) -> None:
    """A change's direction (the nearest change word with one: "gain", "drop"), whether it is an improvement given
    the metric's direction, and whether it is relative ("relative", else by its unit)."""
    text, g, num = a.text, a.g, r.num
    c0 = clause_start(text, s0, num.start)
    window_end = min(s1, r.span_end + a.w.change_word_after)
    best, best_d = None, 10**9
    for m in g.change.finditer(text, c0, window_end):
        if not g.value_of("change", m.group(0)):
            continue  # "relative", "difference": a change without a direction
        if any(b.start <= m.start() < b.end for b in a.benches):
            continue  # "4.2 points ahead on DROP": a word inside a benchmark's name is no change word
        d = num.start - m.end() if m.end() <= num.start else m.start() - r.span_end
        if d >= -1 and d < best_d:
            best, best_d = m, d
    r.direction = g.value_of("change", best.group(0)) if best else ""
    hib_raw = r.metric.entry.get("higher_is_better") if r.metric and r.metric.entry else ""
    hib = {"true": True, "false": False}.get(hib_raw.lower())
    r.improvement = {
        "better": True,
        "worse": False,
        "up": True if hib is None else hib,
        "down": None if hib is None else not hib,
    }.get(r.direction)
    rel = None
    for m in g.relative.finditer(text, max(s0, num.start - a.w.relative_before), window_end):
        rel = g.value_of("relative", m.group(0)) == "true"
    if rel is None:
        rel = True if r.unit == "%" else (False if r.unit in {"pp", "points"} or r.unit is None else None)
    r.delta_relative = rel
    if r.improvement is not None:
        r.note("improvement", "kind.direction_of_change_word", best.span() if best else None)


_CHANGE_FIELDS = frozenset({"kind", "value", "qualifier", "baseline", "improvement"})
