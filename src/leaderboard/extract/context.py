"""Names outside the sentence of a result: the benchmarks an abstract names in its number-free sentences.

"We test the method on the ATLAS dataset. ... achieves DSC = 0.53": the result sentence names no benchmark, the
abstract names one. Looked up lazily, only when a reading needs it (most results name their benchmark).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from typing import TYPE_CHECKING

from leaderboard.extract.attribution import Span, spans_from_mentions
from leaderboard.extract.vocab import NormText, norm_key

if TYPE_CHECKING:
    from leaderboard.extract.extractor import Extractor


class AbstractContext:
    """The benchmarks named in an abstract's number-free sentences (`rest`), next to those of its result
    sentences (`named`)."""

    def __init__(self, ex: Extractor, text: str, rest: list[tuple[int, int]], named: list[Span], exclude) -> None:
        self.ex, self.text, self.rest, self.named, self.exclude = ex, text, rest, named, exclude
        self._starts = [w[1] for w in rest]
        self._found: dict[tuple[int, int], list[Span]] = {}
        self._single: list[Span | None] = []

    def _names_in(self, windows: list[tuple[int, int]]) -> list[Span]:
        text, ex = self.text, self.ex
        found = spans_from_mentions(text, ex.vocab.benchmarks.find(NormText.of(text, windows))) if windows else []
        for w0, w1 in windows:
            found += ex.capture.find(text, w0, w1, found, self.exclude, heads_only=True)
        training = ex.grammar.training_on  # "pretrained on ImageNet": training data, not a benchmark
        return [b for b in found if not training.search(text, max(0, b.start - 60), b.start)]

    def single(self) -> Span | None:
        """The one benchmark the whole abstract names, or None (none, several, or "two datasets")."""
        if not self._single:
            self._single.append(self._compute_single())
        return self._single[0]

    def _compute_single(self) -> Span | None:
        names = {norm_key(b.name) for b in self.named}
        if len(names) > 1 or self.ex.grammar.counts_sets(self.text):
            return None  # "on two datasets, A and B": no single one
        found = self._names_in(self.rest)
        names.update(norm_key(b.name) for b in found)
        if len(names) != 1:
            return None
        return next((b for b in (*found, *self.named) if not b.bare), None)  # not a bare "on CPU" alone

    def listed_before(self, s0: int) -> list[Span]:
        """The benchmarks (first mention of each) of the number-free sentence right before the sentence at `s0`."""
        i = bisect_left(self._starts, s0) - 1
        if i < 0 or self.text[self.rest[i][1] : s0].strip():
            return []
        window = self.rest[i]
        if window not in self._found:
            seen: set[str] = set()
            found = sorted(self._names_in([window]), key=lambda b: b.start)
            self._found[window] = [b for b in found if not (norm_key(b.name) in seen or seen.add(norm_key(b.name)))]
        return self._found[window]

    def right_before(self, s0: int, skip: Callable[[str], bool]) -> Span | None:
        """The one benchmark of the number-free sentence right before the sentence at `s0` ("We evaluate on X.
        Our model reaches 81.2%."), unless that sentence counts several datasets (`skip`)."""
        found = self.listed_before(s0)
        if len(found) != 1:
            return None
        i = bisect_left(self._starts, s0) - 1
        return None if skip(self.text[self.rest[i][0] : self.rest[i][1]]) else found[0]
