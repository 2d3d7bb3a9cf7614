"""Which numbers of an abstract reach the per-number rules: the sentences the vocabulary-free first pass keeps
(filters.quick_non_result), less the numbers written inside a name ("SQuAD 2.0", "MultiWOZ 2.4")."""

from __future__ import annotations

from bisect import bisect_right

from leaderboard.extract.attribution import Span
from leaderboard.extract.filters import dropped_in_any_sentence, quick_non_result
from leaderboard.extract.grammar import Grammar
from leaderboard.extract.trace import Trace


def holding_candidates(text: str, nums: list, sentences: list[tuple[int, int]], g: Grammar) -> list[tuple[int, int]]:
    """The sentences holding a number that the vocabulary-free first pass keeps (one pass over the numbers)."""
    starts = [s0 for s0, _ in sentences]
    keep: list[int] = []
    for n in nums:
        k = bisect_right(starts, n.start) - 1
        if k < 0 or (keep and keep[-1] == k):
            continue
        s0, s1 = sentences[k]
        if n.start < s1 and not quick_non_result(text, n, s0, g):
            keep.append(k)
    return [sentences[k] for k in keep]


def none_kept(text: str, nums: list, g: Grammar) -> bool:
    """Whether the first pass drops every number whatever its sentence (then no sentence holds a candidate and the
    abstract need not be split into sentences: most numbers of most abstracts are years, counts and sizes)."""
    return all(dropped_in_any_sentence(text, n, g) for n in nums)


def inside_known(n, captured: list[Span]) -> bool:
    """A number that is a known name found by the open-name rules ("61.3% on 2.4": the version is MultiWOZ 2.4)."""
    return any(b.entry is not None and b.start <= n.start and n.end <= b.end for b in captured)


def inside_names(nums: list, names: list[tuple[int, int]]) -> list:
    """The numbers written inside a vocabulary name ("SQuAD 2.0")."""
    out = []
    for n in nums:
        for s, e in names:
            if s <= n.start and n.end <= e:
                out.append(n)
                break
    return out


def trace_quick(trace: Trace, text: str, nums: list, sentences: list[tuple[int, int]], g: Grammar) -> None:
    """Record the numbers of the sentences the vocabulary-free first pass drops (only when tracing)."""
    for n in nums:
        s0 = next((a for a, b in sentences if a <= n.start < b), None)
        if s0 is not None and quick_non_result(text, n, s0, g):
            why = "year, size, ordinal, list marker, citation, N-word setting or count (first pass)"
            trace.declined((n.start, n.end), "result.quick_non_result", "result", why)
