"""Benchmark rules for numbers aggregated over a named suite (registered in the `benchmark` group; rules/benchmark.py
imports them so the engine's chains find them by name).

- SUITE-OF-AGGREGATE: "an average nDCG@10 of 55.3 across the 13 public BEIR datasets", "a mean AUROC of 0.89 over
  the 5 CheXpert findings": the number is an aggregate over the members of the suite named in its own "across/over"
  phrase; that suite is its benchmark, not a name of a later "on X" phrase or one before the number.
- COUNTED-TASKS: "2.9 points on average across nine tasks", "averaged over six commonsense tasks": a count of tasks
  (grammar kind `counted_sets`) names no benchmark either, like a count of datasets (`counts_sets`).
- ON-SUITE-AGGREGATE: "On BEIR it reaches an average of 51.2 over 13 datasets": the unnamed sets counted after the
  number are those of the suite in the sentence's fronted "On X" slot (see `fronted_suite`).
- OWN-SCOPE-BEFORE: "On X the accuracy is 70.2, and the gap on our loan audit falls to 0.05", "..., and accuracy over
  6 tasks is 72.1": the number's conjunct names a scope of its own before it (counted sets or tasks, or "our" data)
  and no dataset in it (nor, for counted sets, a fronted "On X" slot before the scope: ON-SUITE-AGGREGATE): the
  names before that scope, and those carried from elsewhere, are not the number's.
- COUNTED-SCOPE-AFTER: "keeps 91% of the average accuracy on seven commonsense tasks": a phrase after the number in
  its item that counts unnamed sets or tasks scopes it the same way.
"""

from __future__ import annotations

import functools
import re

from leaderboard.extract.attribution import Span
from leaderboard.extract.before_after import spread_range
from leaderboard.extract.fronted_names import sentence_fronted
from leaderboard.extract.rules import rule
from leaderboard.extract.sentence import Abstract, Reading, Sentence
from leaderboard.extract.vocab import norm_key

# from the number to the suite's name: "across|over" and up to four lower-case words or counts, no clause break
_TO_SUITE = re.compile(
    r"\s*(?:%\s*)?(?:on\s+average\s+)?(?:across|over)\s+"
    r"(?:(?!(?:and|or|but|while|with|than|on|in|for|to|from)\b)(?:[a-z][\w\-]*|\d+)\s+){0,4}"
)
_COUNTED = re.compile(r"(?:\d+|all|each|every|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s")
_PLURAL_AFTER = re.compile(r"\s+(?:[a-z][\w\-]*\s+){0,2}?[a-z]{2,}s\b")


@rule("benchmark.named_suite_of_aggregate")
def named_suite_of_aggregate(a: Abstract, s: Sentence, r: Reading) -> Span | None:
    """A number aggregated "across/over" a named suite of sets ("55.3 across the 13 BEIR datasets") takes that
    suite."""
    text, end = a.text, r.span_end
    if text.find("over", end, end + 24) < 0 and text.find("across", end, end + 24) < 0:
        return None
    for b in s.benches:
        if not end < b.start <= end + a.w.sets_after + 20:
            continue
        m = _TO_SUITE.fullmatch(text, end, b.start)
        if m is None:
            continue
        words = text[end : b.start]
        if _COUNTED.search(words) or _PLURAL_AFTER.match(text, b.end, s.s1):
            return b
    return None


def fronted_suite(a: Abstract, s: Sentence, r: Reading, fronted: dict[int, Span]) -> bool:
    """ON-SUITE-AGGREGATE: a name in a fronted "On X" slot before the number: the sets it counts are X's."""
    return any(b.end <= r.num.start for b in fronted.values())


def counts_sets_or_tasks(g, text: str) -> bool:
    """Whether the text counts several datasets ("two public datasets") or tasks ("nine tasks": COUNTED-TASKS)."""
    if g.counts_sets(text):
        return True
    nouns = _counted(frozenset(g.words.get("counted_sets", ())))
    return any(g.quantity_before.search(text, max(0, m.start() - 40), m.start()) for m in nouns.finditer(text))


@functools.lru_cache(maxsize=4)
def _counted(words: frozenset[str]) -> re.Pattern:
    alt = "|".join(sorted(re.escape(w) for w in words)) or "(?!x)x"
    return re.compile(rf"(?<![\w\-])(?:{alt})(?![\w\-])", re.IGNORECASE)


def over_sets(a: Abstract, s: Sentence) -> bool:
    """Whether the sentence aggregates over datasets ("on average over all datasets"; not "across 26 classes")."""
    hit = s.memo.get("over_sets")
    if hit is None:
        g, text = a.g, a.text
        hit = s.memo["over_sets"] = any(
            not g.within_set.match(text, m.end(), s.s1) for m in g.aggregate.finditer(text, s.s0, s.s1)
        )
    return bool(hit)


_CONJUNCT_START = re.compile(r"(?:,\s+(?:and|while|whereas|but)|;)\s")
_SCOPE = re.compile(r"\b(?:on|in|for|over|across)\s+(?:(?P<our>our)|(?:the\s+)?(?=\w+\s))", re.IGNORECASE)
_ITEM_END = re.compile(r"[,;:(]")


@rule("benchmark.spread_over_listed")
def spread_over_listed(a: Abstract, s: Sentence, r: Reading) -> bool:
    """SPREAD-OVER-LISTED: a spread ("by between 0.9 and 1.7 mIoU", "2 to 5 points above X") after two or more
    benchmarks of its sentence, with none after it, spans them: it is measured on no one of them."""
    key = f"spread_listed@{r.num.start}"
    hit = s.memo.get(key)
    if hit is None:
        names = {norm_key(b.name) for b in s.benches if b.start < r.num.start}
        hit = (
            len(names) >= 2 and not any(b.start > r.num.start for b in s.benches) and spread_range(r, a.text, s.s0, a.g)
        )
        s.memo[key] = hit
    if hit and r.trace is not None and not s.memo.get(key + "/traced"):
        s.memo[key + "/traced"] = True
        why = "a spread after several benchmarks of its sentence spans them"
        r.trace.declined((r.num.start, r.num.end), "benchmark.spread_over_listed", "benchmark", why)
    return bool(hit)


@rule("benchmark.own_scope_before")
def own_scope_before(a: Abstract, s: Sentence, r: Reading) -> bool:
    """A number whose conjunct names a scope of its own before it ("over 6 tasks", "on our held-out audit set"),
    with no dataset named from that scope to the end of the number's item, has no benchmark of an earlier name
    of its sentence nor one carried from elsewhere."""
    key = f"own_scope@{r.num.start}"
    hit = s.memo.get(key)
    if hit is None:
        hit = s.memo[key] = _own_scope(a, s, r)
        if hit and r.trace is not None:
            why = "the number's conjunct names a scope of its own before it"
            r.trace.declined((r.num.start, r.num.end), "benchmark.own_scope_before", "benchmark", why)
    return bool(hit)


def _own_scope(a: Abstract, s: Sentence, r: Reading) -> bool:
    return _scope_before(a, s, r) or _counted_scope_after(a, s, r)


def _counted_scope_after(a: Abstract, s: Sentence, r: Reading) -> bool:
    """COUNTED-SCOPE-AFTER: "keeps 91% of the average accuracy on seven commonsense tasks": an "on/over/across"
    phrase after the number, in its item (before the next number or a comma), that counts unnamed sets or tasks."""
    text = a.text
    nxt = [n.start for i in s.idx if r.span_end <= (n := a.nums[i]).start]
    item = text[r.span_end : min([s.s1, *nxt])]  # holds the item (up to a comma) that `seg` is
    if " on " not in item and " over " not in item and " across " not in item:
        return False  # the literal cues first
    end = _ITEM_END.search(text, r.span_end, min([s.s1, *nxt]))
    stop = end.start() if end is not None else min([s.s1, *nxt])
    seg = text[r.span_end : stop]
    if " on " not in seg and " over " not in seg and " across " not in seg:
        return False
    if "task" not in seg and not a.g.may_hold("several_sets", text, r.span_end, stop):
        return False  # no counted noun ("tasks", "datasets", "benchmarks"): no count of unnamed sets
    return any(
        m.group("our") is None
        and not any(m.start() <= b.start < stop for b in s.benches)
        and counts_sets_or_tasks(a.g, text[m.end() : stop])
        for m in _SCOPE.finditer(text, r.span_end, stop)
    )


def _scope_before(a: Abstract, s: Sentence, r: Reading) -> bool:
    text, start = a.text, r.num.start
    seg = text[max(0, s.s0 - 1) : start].lower()
    if " our " not in seg and "over " not in seg and "across " not in seg:
        return False  # the literal cues first
    c0 = max([s.s0, *(m.end() for m in _CONJUNCT_START.finditer(text, s.s0, start))])
    end = _ITEM_END.search(text, r.span_end, s.s1)
    stop = end.start() if end is not None else s.s1
    for m in _SCOPE.finditer(text, c0, start):
        if any(m.start() <= b.start < stop for b in s.benches):
            return False  # "in our tests on X": the scope is named
        phrase = text[m.end() : start]
        if m.group("our") is not None:
            if _own_data(frozenset(a.g.words.get("own_data_head", ()))).search(phrase) or a.g.any_head.search(phrase):
                return True
        elif counts_sets_or_tasks(a.g, phrase) and not _fronted_before(a, s, c0, m.start()):
            return True
    return False


def _fronted_before(a: Abstract, s: Sentence, c0: int, pos: int) -> bool:
    """ON-SUITE-AGGREGATE before the number: "On X, its success rate over 12 tasks is 0.64": a name in a fronted
    "On X" slot of the conjunct, before the counted scope, is the suite whose tasks it counts."""
    return any(c0 <= b.start and b.end <= pos for b in sentence_fronted(a, s).values())


@functools.lru_cache(maxsize=4)
def _own_data(words: frozenset[str]) -> re.Pattern:
    alt = "|".join(sorted(re.escape(w.rstrip("*")) + (r"\w*" if w.endswith("*") else "") for w in words)) or "(?!x)x"
    return re.compile(rf"(?<![\w\-])(?:{alt})(?![\w\-])", re.IGNORECASE)
