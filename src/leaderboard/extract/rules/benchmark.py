"""Benchmark: which dataset a number was measured on. First the names of its own sentence, then names carried
from elsewhere in the abstract (the sentence before, earlier results, the title)."""

from __future__ import annotations

import re

from leaderboard.extract.attribution import Span, following_on, nearest, preceding
from leaderboard.extract.rules import rule
from leaderboard.extract.sentence import Abstract, Reading, Sentence
from leaderboard.extract.vocab import norm_key

_CLOSE_BEFORE = re.compile(r"[^,;:]{0,40}")
_TO_AFTER = re.compile(r"\s+to\s+")
_ACROSS = re.compile(r"\s*(?:%\s*)?(?:on\s+average\s+)?(?:across|over|on)\s+")
_AND_LIST = re.compile(r"[^;]*?\band\b[^;]*")


@rule("benchmark.across_unnamed_sets")
def across_unnamed_sets(a: Abstract, s: Sentence, r: Reading) -> bool:
    """A number "across/over N datasets" that names none of them has no benchmark of its sentence."""
    m = _ACROSS.match(a.text, r.span_end, s.s1)
    reach = m.end() + a.w.sets_after if m is not None else 0
    if m is None or any(m.end() <= b.start < reach for b in s.benches):
        return False
    return a.g.counts_sets(a.text[m.end() : min(s.s1, reach)])


def _name_before(a: Abstract, s: Sentence, r: Reading) -> tuple[Span | None, int]:
    """The last name before the number (before its open parenthesis, if any) and that parenthesis (-1: none);
    three rules ask, it is found once per number."""
    found = s.memo.get(r.num.start)
    if found is None:
        found = s.memo[r.num.start] = _find_name_before(a, s, r)  # type: ignore[index]
    return found  # type: ignore[return-value]


def _find_name_before(a: Abstract, s: Sentence, r: Reading) -> tuple[Span | None, int]:
    text, num = a.text, r.num
    opened = text.rfind("(", s.s0, num.start)
    if opened >= 0 and ")" in text[opened : num.start]:
        opened = -1
    return preceding(s.benches, opened if opened >= 0 else num.start, s.s0), opened


# -- in the number's sentence ----------------------------------------------------------------------------------
@rule("benchmark.name_before_parenthesis")
def name_before_parenthesis(a: Abstract, s: Sentence, r: Reading) -> Span | None:
    """A number in parentheses close after a name: "X (81.2%)", "X with Y (81.2%)"."""
    before, opened = _name_before(a, s, r)
    if before is not None and opened >= 0 and _CLOSE_BEFORE.fullmatch(a.text[before.end : opened]):
        return before
    return None


@rule("benchmark.name_before_to_value")
def name_before_to_value(a: Abstract, s: Sentence, r: Reading) -> Span | None:
    """A name right before "to <number>": "accuracy on X to 84.1%"."""
    before, _ = _name_before(a, s, r)
    return before if before is not None and _TO_AFTER.fullmatch(a.text, before.end, r.num.start) else None


@rule("benchmark.on_phrase_after")
def on_phrase_after(a: Abstract, s: Sentence, r: Reading) -> Span | None:
    """A name in an "on/in/for X" phrase after the number, before any later number with its own phrase."""
    text, g, start = a.text, a.g, r.num.start

    def nums_between(x: int, y: int) -> bool:  # "A and B on X" is a list; "A and achieves B on X" is not
        if not any(x <= n < y for n in r.peers if n != start):
            return False
        return not _AND_LIST.fullmatch(text[x:y]) or g.result_verb.search(text, x, y) is not None

    return following_on(text, s.benches, r.span_end, s.s1, nums_between, a.w)


@rule("benchmark.last_name_before")
def last_name_before(a: Abstract, s: Sentence, r: Reading) -> Span | None:
    """The last name before the number in its sentence."""
    return _name_before(a, s, r)[0]


@rule("benchmark.nearest_in_sentence")
def nearest_in_sentence(a: Abstract, s: Sentence, r: Reading) -> Span | None:
    """The name nearest to the number in its sentence."""
    return nearest(s.benches, r.num.start, r.span_end, a.text, s.s0, s.s1, a.w.benchmark_nearest, a.w)


# -- carried from elsewhere (the reading is marked `carried`) ----------------------------------------------------
@rule("benchmark.this_benchmark_is_own")
def this_benchmark_is_own(a: Abstract, s: Sentence, r: Reading) -> Span | None:
    """ "this benchmark", "our dataset": the paper's own dataset, by the paper's own name."""
    if s.has(a, "this_ref") and a.own:
        return Span(-1, -1, a.own, a.own, a.vocab.benchmarks.lookup(a.own))
    return None


def _aggregate(a: Abstract, s: Sentence) -> bool:
    return s.has(a, "aggregate")


def _titled(a: Abstract) -> bool:
    return len({norm_key(b.name) for b in a.title_benches}) == 1


@rule("benchmark.sentence_before")
def sentence_before(a: Abstract, s: Sentence, r: Reading) -> Span | None:
    """The one name of the number-free sentence right before ("We evaluate on X. We reach 81.2%.")."""
    if _aggregate(a, s):
        return None  # "on average over all datasets"
    before = a.context.right_before(s.s0, a.g.counts_sets)
    return before if before is not None and (before.known or not _titled(a)) else None  # the title's known name wins


@rule("benchmark.previous_results")
def previous_results(a: Abstract, s: Sentence, r: Reading) -> Span | None:
    """The one benchmark the results of the previous result sentence were given on."""
    return None if _aggregate(a, s) else a.memory.last_bench


@rule("benchmark.title")
def title(a: Abstract, s: Sentence, r: Reading) -> Span | None:
    """The one benchmark the title names."""
    return a.title_benches[0] if _titled(a) and not _aggregate(a, s) else None


@rule("benchmark.single_in_abstract")
def single_in_abstract(a: Abstract, s: Sentence, r: Reading) -> Span | None:
    """The one benchmark the whole abstract names, for a number with a metric ("tested on X. ... DSC = 0.53")."""
    if r.metric is None or a.title_benches or s.has(a, "aggregate"):
        return None
    return a.context.single()
