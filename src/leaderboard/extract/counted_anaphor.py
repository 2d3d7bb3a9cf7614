"""COUNTED-ANAPHOR: coordinated numbers "on the two datasets", "across both benchmarks" take, in order, the
benchmarks the abstract named before, when their count is the count written and the number of values.

"On Kestrel it reaches 0.811 AUC; on Wren 0.794. It beats the baseline by 0.004 and 0.006 AUC on the two
datasets": 0.004 is Kestrel's and 0.006 Wren's. The count is a digit or a grammar `count_word` ("two", "both"),
the head a `several_sets` noun ("datasets", "benchmarks"); the earlier names are the abstract's distinct names
before the sentence, in order of first mention. One value alone, or counts that differ, align with nothing (the
number stays over the unnamed sets).
"""

from __future__ import annotations

import re

from leaderboard.extract.alignment import align
from leaderboard.extract.alternation import compile_role
from leaderboard.extract.attribution import Span
from leaderboard.extract.sentence import Abstract, Reading, Sentence
from leaderboard.extract.vocab import norm_key

_RUN_GAP = re.compile(r"\s*(?:[%×x]|[A-Za-z@]{1,12})?\s*(?:,\s*and|,|and)\s*")


def _phrase(g) -> re.Pattern:
    return compile_role(
        r"\s*(?:[A-Za-z@%\-]+\s+){0,2}?(?:on|across|over|for|in)\s+(?:the\s+|all\s+)?(?P<q>\d+|ALT)\s+"
        r"(?:[a-z\-]+\s+)?(?P<head>[a-z]+(?:\s+sets)?)\b",
        g.words,
        "count_word",
    )


def counted_anaphor(a: Abstract, s: Sentence, r: Reading) -> Span | None:
    """The earlier benchmark a coordinated number takes from a counted anaphor after its run (None: none)."""
    text, nums = a.text, a.nums
    run = [i for i in s.idx if nums[i].start >= r.num.start]
    if not run:
        return None
    k = 0  # the run: this number and the coordinated numbers after it
    while k + 1 < len(run) and _RUN_GAP.fullmatch(text, nums[run[k]].end, nums[run[k + 1]].start):
        k += 1
    last = nums[run[k]]
    m = a.g.derived("counted_anaphor", _phrase).match(text, last.end, s.s1)
    if m is None or not a.g.several_sets.fullmatch(m.group("head")):
        return None
    q = m.group("q").lower()
    count = int(q) if q.isdigit() else int(a.g.words["count_word"].get(q) or 0)
    before = [i for i in s.idx if nums[i].start < r.num.start]
    first = r.num.start
    for i in reversed(before):  # the run's numbers before this one
        if not _RUN_GAP.fullmatch(text, nums[i].end, first):
            break
        first = nums[i].start
    members = [nums[i].start for i in s.idx if first <= nums[i].start <= last.start]
    names: dict[str, Span] = {}
    for b in a.context.names_before(s.s0):
        if b.start >= 0:
            names.setdefault(norm_key(b.name), b)
    if count < 2 or len(members) != count:
        return None
    pairs = align(members, list(names.values()))  # in order, one name per number: [] when the counts differ
    return next((p.name for p in pairs if p.number == r.num.start), None)


def _items(g) -> re.Pattern:
    return compile_role(
        r"(?<![\w\-])(?:across|over|on|in|for)\s+the\s+(?:\d+|[a-z]+)\s+(?:[a-z\-]+\s+)?(?:ALT)(?![\w\-])",
        g.words,
        "suite_item",
    )


def items_of_suite(a: Abstract, s: Sentence) -> Span | None:
    """DEFINITE-ITEMS-OF-SUITE: "Across the 16 games, ...", "over the eight categories": counted items with a
    definite article refer back to the one benchmark the abstract named before, whose items they are."""
    found = s.memo.get("items_of_suite", False)
    if found is False:
        found = None
        if not s.benches and a.g.derived("suite_items", _items).search(a.text, s.s0, s.s1):
            names = {norm_key(b.name): b for b in a.context.names_before(s.s0) if b.start >= 0}
            names.update({norm_key(b.name): b for b in a.benches if b.start < s.s0})
            found = next(iter(names.values())) if len(names) == 1 else None
        s.memo["items_of_suite"] = found
    return found  # type: ignore[return-value]


__all__ = ["counted_anaphor", "items_of_suite"]
