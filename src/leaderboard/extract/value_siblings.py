"""RESULT-BY-COORDINATED-SIBLING: a bare decimal coordinated with a result of the same form is a result too.

Papers report per-setting or per-system values in a run after one value that carries the evidence: "Pearson
correlation ... is 0.79 for unseen single perturbations and 0.71 for unseen pairs, whereas GEARS reaches 0.64 and
0.58". Only the first number is near the metric; the others are read by their place in the run. A number with no
evidence of its own (a decimal, written with as many decimals and the same unit as its sibling) is a result when the
number before it in its sentence is, and the two are joined by
- "and", a comma or "vs." (a setting phrase "for|on|in|at|with <words>" after the sibling may come between:
  "0.79 for unseen single perturbations and 0.71");
- a contrast clause whose subject reports it with a result verb (", whereas GEARS reaches 0.64").
The sibling is a result when it has its own evidence (a score unit, a metric close by, a benchmark and a result
verb in the sentence, "on <benchmark>" after it, a compared pair) or, in turn, such a sibling; a sibling a rejection
rule declines (a year, a setting) passes nothing on. A result joined so to the reading before it, with no metric of
its own, takes that reading's metric (metric.of_coordinated_sibling).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from leaderboard.extract.attribution import Span
from leaderboard.extract.numbers import Number
from leaderboard.extract.sentence import Abstract, Reading, Sentence

_SETTING = r"(?:\s+(?:for|on|in|at|with)\s+[^,;:()\d]{1,50}?)?"
_JOIN = re.compile(_SETTING + r"(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s+(?:vs\.?|versus)\s+)", re.IGNORECASE)
_CONTRAST = re.compile(
    _SETTING + r",?\s+(?:whereas|while)\s+(?P<subject>[^,;:()]{1,50}?)\s+(?P<verb>[a-z]+)\s+", re.IGNORECASE
)
_DEPTH = 4


def sibling_is_result(
    a: Abstract,
    s: Sentence,
    r: Reading,
    own_evidence: Callable[[Abstract, Sentence, Reading], bool],
    rejected: Callable[[Abstract, Sentence, Reading], bool],
) -> bool:
    """Whether the number is joined to an earlier result of the same form (see the module docstring).
    `own_evidence` says whether a bare reading of a number has evidence of its own; `rejected` whether a rejection
    rule declines it."""
    num = r.num
    if num.decimals == 0 or num.signed or num.suffix or r.kind != "absolute":
        return False
    return _joined_result(a, s, r.i, own_evidence, rejected, _DEPTH)


def _joined_result(a: Abstract, s: Sentence, i: int, own_evidence, rejected, depth: int) -> bool:
    """Whether number `i` has an earlier sibling in its sentence that is a result, joined to it."""
    if depth == 0:
        return False
    k = s.idx.index(i) if i in s.idx else -1
    if k <= 0:
        return False
    num, prev = a.nums[i], a.nums[s.idx[k - 1]]
    if not _joined(a, prev, num):
        return False
    sib = Reading(num=prev, s0=s.s0, s1=s.s1, value=prev.value, span_end=prev.end, i=s.idx[k - 1])
    sib.unit = prev.unit
    if rejected(a, s, sib):
        return False
    return own_evidence(a, s, sib) or _joined_result(a, s, s.idx[k - 1], own_evidence, rejected, depth - 1)


def _joined(a: Abstract, prev: Number, num: Number) -> bool:
    """Whether two numbers of the same form are joined as a run (see the module docstring)."""
    if prev.decimals != num.decimals or prev.unit != num.unit or prev.signed or prev.suffix or prev.end > num.start:
        return False
    return bool(_JOIN.fullmatch(a.text, prev.end, num.start)) or _contrast(a, a.text[prev.end : num.start])


def _contrast(a: Abstract, gap: str) -> bool:
    """A contrast clause whose subject reports the number with a result verb (", whereas GEARS reaches ")."""
    m = _CONTRAST.fullmatch(gap)
    return m is not None and a.g.result_verb.fullmatch(m.group("verb")) is not None


def metric_of_sibling(a: Abstract, readings: list[Reading]) -> None:
    """metric.of_coordinated_sibling: a result with no metric of its own, joined as above to the reading right
    before it, takes that reading's metric ("0.64 and 0.58" after "... is 0.79 for A and 0.71 for B", all Pearson
    correlations)."""
    prev: Reading | None = None
    for r in readings:
        m = prev.metric if prev is not None and _joined(a, prev.num, r.num) else None
        if r.metric is None and m is not None and r.kind == "absolute" and not r.num.signed:
            r.metric, r.metric_inferred = Span(-1, -1, m.name, "", m.entry), True  # implied: no offsets
            r.note("metric", "metric.of_coordinated_sibling")
        prev = r
