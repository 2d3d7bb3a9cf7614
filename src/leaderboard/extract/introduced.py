"""INTRODUCED-DATASET-DEFAULT: a dataset the abstract introduces is where its later unnamed results were measured.

"We release Brindle-QA, a new benchmark of scanned tables. ... Our model answers 71.4% of its questions": a name the
abstract describes with a benchmark head ("X, a new ... dataset", "we introduce X benchmark", "a corpus called X",
"our new X collection") is the default benchmark of a later result sentence that names none, unless a sentence
between them names another benchmark (that one is carried instead), or the result is an efficiency measure
(speed, latency, memory: no benchmark under the annotation policy).
"""

from __future__ import annotations

import re

from leaderboard.extract.attribution import Span
from leaderboard.extract.benchmark_paper import described_as_benchmark
from leaderboard.extract.vocab import norm_key

_OUR_NEW = re.compile(r"\bour\s+(?:(?:new|own|newly)\s+)?(?:[a-z\-]+\s+)?$", re.IGNORECASE)


def introduced(a, pos: int) -> list[Span]:
    """The names the abstract introduces as datasets before the sentence starting at `pos`, in order: a name
    before `pos` is introduced or not whatever follows it, so only the sentences before `pos` are scanned."""
    text, heads = a.text, a.g.benchmark_head
    found, seen = [], set()
    for b in sorted((b for b in a.context.names_before(pos) if b.start >= 0), key=lambda b: b.start):
        key = norm_key(b.name)
        if key in seen:
            continue
        seen.add(key)
        ours = _OUR_NEW.search(text, max(0, b.start - 30), b.start) and heads.match(text[b.end :].lstrip())
        if ours or described_as_benchmark(b.raw, text, heads):
            found.append(b)
    return found


def introduced_default(a, s, r) -> Span | None:
    """The last dataset introduced before the number's sentence, when no other benchmark is named since."""
    if r.metric is not None and a.speed is not None and a.speed.is_speed(r.metric.name):
        return None  # an efficiency result has no benchmark
    last = s.memo.get("introduced")
    if last is None:  # once per sentence: the same for each of its numbers
        last = s.memo["introduced"] = _last_introduced(a, s) or False
    return last or None


def _last_introduced(a, s) -> Span | None:
    if next(a.g.scan("any_head", a.text, 0, s.s0), None) is None:
        return None  # no head word before the sentence: nothing introduced (the literal cue first; led_scan.py)
    before = [b for b in introduced(a, s.s0) if b.end <= s.s0]
    if not before:
        return None
    last = before[-1]
    key = norm_key(last.name)
    since = (b for b in (*a.benches, *a.context.names_before(s.s0)) if last.end <= b.start < s.s0)
    return None if any(norm_key(b.name) != key for b in since) else last


__all__ = ["introduced", "introduced_default"]
