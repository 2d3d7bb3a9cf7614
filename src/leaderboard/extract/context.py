"""Names outside the sentence of a result: the benchmarks an abstract names in its number-free sentences.

"We test the method on the ATLAS dataset. ... achieves DSC = 0.53": the result sentence names no benchmark, the
abstract names one. Looked up lazily, only when a reading needs it (most results name their benchmark).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable

from leaderboard.extract.attribution import Span, spans_from_mentions
from leaderboard.extract.grammar import Grammar
from leaderboard.extract.names import NameCapture
from leaderboard.extract.sibling_names import name_list_siblings
from leaderboard.extract.task_bindings import Binding, bindings
from leaderboard.extract.vocab import NameIndex, NormText, norm_key

_BACK_REF = re.compile(r"\brespectively\b|\b(?:on|for|across|over|of)\s+(?:each\s+of\s+)?them\b", re.IGNORECASE)
# `\b(?:on|using|use[sd]?|with|from|in|of)\s+(?:the\s+)?[A-Z0-9]`, opening with the set of first letters that `re`
# skips to (a leading `\b` made it try every position); the word start is tested after that letter
_EVAL_HINT = re.compile(
    r"[ouwfi](?<!\w.)(?:(?<=o)[nf]|(?<=u)(?:sing|se[sd]?)|(?<=w)ith|(?<=f)rom|(?<=i)n)\s+(?:the\s+)?[A-Z0-9]"
)


class AbstractContext:
    """The benchmarks named in an abstract's number-free sentences (`rest`), next to those of its result
    sentences (`named`)."""

    def __init__(
        self,
        index: tuple[NameIndex, NameCapture, Grammar],
        text: str,
        rest: list[tuple[int, int]],
        named: list[Span],
        exclude: Callable[[str], bool],
    ) -> None:
        self.benchmarks, self.capture, self.g = index  # the benchmark names, the name grammar, the cue words
        self.text, self.rest, self.named, self.exclude = text, rest, named, exclude
        self._ends = [w[1] for w in rest]
        self._known: list[Span] = []  # vocabulary names of the number-free sentences rest[:_scanned], in order
        self._scanned = 0  # how many number-free sentences (from the first) `_known` covers
        self._found: dict[tuple[int, int], list[Span]] = {}
        self._single: list[Span | None] = []
        self._bindings: list[list[Binding]] = []

    def _names_in(self, window: tuple[int, int], alone: bool = False) -> list[Span]:
        """The benchmarks of one number-free sentence, in order, first mention of each name (cached)."""
        if window in self._found:
            return self._found[window]
        text = self.text
        w0, w1 = window
        if not alone and not self._covers(w1):
            self._scan(len(self.rest))
        if self._covers(w1):
            found = [b for b in self._known if w0 <= b.start < w1]
        else:  # one sentence asked for: scan it alone
            found = spans_from_mentions(text, self.benchmarks.find(NormText.of(text, [window])))
        found = found + self.capture.find(text, w0, w1, found, self.exclude, heads_only=True)
        if any(b.entry is not None for b in found) and (" and " in text[w0:w1] or " or " in text[w0:w1]):
            found += name_list_siblings(text, w0, w1, found, self.exclude, self.g.hardware)  # "on A, B and C"
        found = sorted(found, key=lambda b: b.start)
        training = self.g.training_on  # "pretrained on ImageNet": training data, not a benchmark
        seen: set[str] = set()
        out = []
        for b in found:
            key = norm_key(b.name)
            if key not in seen and not training.search(text, max(0, b.start - 60), b.start):
                seen.add(key)
                out.append(b)
        self._found[window] = out
        return out

    def _covers(self, w1: int) -> bool:
        """Whether the number-free sentence ending at `w1` has been scanned (`_known` holds its names)."""
        return self._scanned > 0 and w1 <= self._ends[self._scanned - 1]

    def _scan(self, upto: int) -> None:
        """Scan the number-free sentences rest[_scanned:upto] for vocabulary names, in one pass (each sentence is
        normalised on its own: a sentence's names are the same scanned alone or with others)."""
        if upto > self._scanned:
            nt = NormText.of(self.text, self.rest[self._scanned : upto])
            self._known += spans_from_mentions(self.text, self.benchmarks.find(nt))
            self._scanned = upto

    def single(self) -> Span | None:
        """The one benchmark the whole abstract names, or None (none, several, or "two datasets")."""
        if not self._single:
            self._single.append(self._compute_single())
        return self._single[0]

    def _compute_single(self) -> Span | None:
        names = {norm_key(b.name) for b in self.named}
        if len(names) > 1 or self.g.counts_sets(self.text):
            return None  # "on two datasets, A and B": no single one
        found = []
        for window in self.rest:
            found += self._names_in(window)
            names.update(norm_key(b.name) for b in found)
            if len(names) > 1:
                return None
        if len(names) != 1:
            return None
        return next((b for b in (*found, *self.named) if not b.bare), None)  # not a bare "on CPU" alone

    def task_bindings(self) -> list[Binding]:
        """The datasets the number-free sentences bind to tasks ("A for parsing and B for tagging"), cached."""
        if not self._bindings:
            stop = self.g.words.get("not_a_task", {})
            self._bindings.append(
                bindings(self.text, self.rest, lambda w: self._names_in(w, alone=True), stop, self.exclude)
            )
        return self._bindings[0]

    def every_name(self) -> list[Span]:
        """The benchmarks of the whole abstract: its result sentences' and its number-free sentences' (cached)."""
        if (-1, -1) not in self._found:
            self._found[(-1, -1)] = [*self.named, *(b for w in self.rest for b in self._names_in(w))]
        return self._found[(-1, -1)]

    def names_before(self, pos: int) -> list[Span]:
        """`every_name()`'s names that start before the sentence starting at `pos`, in its order: only the
        number-free sentences before `pos` are scanned (INTRODUCED-DATASET-DEFAULT reads no later name)."""
        if (-1, -1) in self._found:
            return [b for b in self._found[(-1, -1)] if b.start < pos]
        k = bisect_right(self._ends, pos)  # the number-free sentences that end before `pos`
        self._scan(k)
        return [*(b for b in self.named if b.start < pos), *(b for w in self.rest[:k] for b in self._names_in(w))]

    def listed_before(self, s0: int) -> list[Span]:
        """The benchmarks (first mention of each) of the number-free sentence right before the sentence at `s0`."""
        i = bisect_left(self._ends, s0) - 1
        if i < 0 or self.text[self.rest[i][1] : s0].strip():
            return []
        w0, w1 = self.rest[i]
        if self.rest[i] not in self._found and not (
            _EVAL_HINT.search(self.text, w0, w1) or next(self.g.scan("any_head", self.text, w0, w1), None)
        ):
            return []  # no "on X", "using X" or head word: no dataset named (a cheap test before the scan)
        return self._names_in(self.rest[i], alone=True)

    def list_for_values(self, s0: int, s1: int, starts: list[int]) -> list[Span]:
        """LIST-IN-SENTENCE-BEFORE: the names of the number-free sentence right before, one per value, when the
        sentence at [s0, s1) names no dataset but points back at them ("on the two datasets", "on both benchmarks",
        "on them", "respectively") and gives exactly as many values (`starts`, outside parentheses) as there are
        names ("We test on A and B. Our errors on the two datasets are x and y."). Empty otherwise."""
        if len(starts) < 2:
            return []
        text = self.text
        if not (_BACK_REF.search(text, s0, s1) or self.g.several_sets.search(text, s0, s1)):
            return []
        found = self.listed_before(s0)
        if len(found) != len(starts) or len({norm_key(b.name) for b in found}) != len(found):
            return []
        return found

    def right_before(self, s0: int, skip: Callable[[str], bool]) -> Span | None:
        """The one benchmark of the number-free sentence right before the sentence at `s0` ("We evaluate on X.
        Our model reaches 81.2%."), unless that sentence counts several datasets (`skip`)."""
        found = self.listed_before(s0)
        if len(found) != 1:
            return None
        i = bisect_left(self._ends, s0) - 1
        return None if skip(self.text[self.rest[i][0] : self.rest[i][1]]) else found[0]
