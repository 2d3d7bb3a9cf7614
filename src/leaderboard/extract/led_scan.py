"""A phrase pattern's matches found from its phrases' first words with `str.find` (a memchr-fast C search).

A case-insensitive alternation of phrases opens with a character set, and `re` tests that set at every position
of the text and tries the phrases at every position it lets through (~40 instructions per character). Every
match of such a pattern starts where one of its phrases' first words starts, so on ASCII text (where lowering
keeps every offset and case-insensitive equality is equality of lower case) the candidate starts are the places
`str.find` finds those words in the lowered text; the pattern is then matched only there. Non-ASCII text, or
phrases that are not plain ASCII, take the pattern's own `finditer`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class LedScan:
    """`pattern` (an alternation of `phrases`, each opening its match) with its first-word keys."""

    pattern: re.Pattern
    keys: tuple[str, ...] | None  # lowered first words, none a prefix of another; None: always use `re`

    @classmethod
    def of(cls, pattern: re.Pattern, phrases: list[str]) -> LedScan:
        """The scan of `pattern`, whose every match starts with the first word of one of `phrases`."""
        split = [p.rstrip("*").split() for p in phrases]
        if not all(p.isascii() for p in phrases) or not all(split):
            return cls(pattern, None)  # a phrase that is not ASCII, or has no first word to find
        words = {w[0].lower() for w in split}
        keys = tuple(sorted(w for w in words if not any(k != w and w.startswith(k) for k in words)))
        return cls(pattern, keys)

    def may_match(self, text: str, pos: int = 0, endpos: int | None = None) -> bool:
        """False only when `pattern` has no match in text[pos:endpos]: no first word in the ASCII segment (a few
        C-level `in` tests where `re` would test its opening set at every position)."""
        seg = text[max(0, pos) : len(text) if endpos is None else endpos]
        if self.keys is None or not seg.isascii():
            return True
        low = seg.lower()
        return any(key in low for key in self.keys)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match]:
        """The matches of `pattern.finditer(text, pos, endpos)`, in the same order."""
        end = len(text) if endpos is None else min(endpos, len(text))
        pos = max(0, pos)
        seg = text[pos:end]
        if self.keys is None or not seg.isascii():
            yield from self.pattern.finditer(text, pos, end)
            return
        low = seg.lower()
        starts: set[int] = set()
        for key in self.keys:
            i = low.find(key)
            while i >= 0:
                starts.add(i)
                i = low.find(key, i + 1)
        done = 0
        match = self.pattern.match
        for i in sorted(starts):
            if i < done:
                continue
            m = match(text, pos + i, end)
            if m is not None:
                done = max(m.end() - pos, i + 1)
                yield m


__all__ = ["LedScan"]
