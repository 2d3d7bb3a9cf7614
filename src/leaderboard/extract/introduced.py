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
# the words an introduction is written with (benchmark_paper.py's patterns and "our new"): a cheap test first
_CUE = re.compile(
    r"[Ii]ntroduc|[Pp]resent|[Rr]eleas|[Cc]onstruct|[Bb]uil[dt]|[Cc]reat|[Cc]urat|[Cc]ollect|called|named|dubbed|termed"
    r"|[Oo]ur\s+new"
)


def _cues_end(a) -> int:
    """Where the abstract has shown both a benchmark head word and an introducing word (len(text): never)."""
    memo = a.memory.introduced
    if "cues" not in memo:
        cue = _CUE.search(a.text)
        head = a.g.any_head.search(a.text) if cue is not None else None
        memo["cues"] = max(head.end(), cue.end()) if head is not None and cue is not None else len(a.text)
    return memo["cues"]  # type: ignore[return-value]


def _is_introduced(a, b: Span) -> bool:
    """Whether the abstract describes the name `b` as a dataset it introduces (decided once per name)."""
    memo, key = a.memory.introduced, norm_key(b.name)
    if key not in memo:
        text, heads = a.text, a.g.benchmark_head
        ours = _OUR_NEW.search(text, max(0, b.start - 30), b.start) and heads.match(text[b.end :].lstrip())
        memo[key] = bool(ours) or described_as_benchmark(b.raw, text, heads)
    return memo[key]  # type: ignore[return-value]


def introduced_default(a, s, r) -> Span | None:
    """The last dataset introduced before the number's sentence, when no other benchmark is named since."""
    if r.metric is not None and a.speed is not None and a.speed.is_speed(r.metric.name):
        return None  # an efficiency result has no benchmark
    if _cues_end(a) > s.s0:
        return None  # no head word or no introducing word before the sentence: nothing introduced
    names = sorted((b for b in a.context.names_between(0, s.s0, _CUE) if b.start >= 0), key=lambda b: b.start)
    last = next((b for b in reversed(names) if _is_introduced(a, b)), None)
    if last is None:
        return None
    key = norm_key(last.name)
    since = (*a.context.names_between(last.end, s.s0), *(b for b in a.benches if last.end <= b.start < s.s0))
    return None if any(norm_key(b.name) != key for b in since) else last


__all__ = ["introduced_default"]
