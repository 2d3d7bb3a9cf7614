"""Several vocabulary name indexes (metrics, benchmarks, methods) scanned together in one automaton pass.

The indexes each keep two kinds of keys: case-folded ones, matched in the lower-cased normalised text, and
case-sensitive ones, matched in the normalised text as written. In ASCII text, lower-casing is one character for
one character, so a case-sensitive key occurs exactly where its lower-cased form occurs in the lower-cased text and
the text as written spells it: one automaton over the lower-cased text, with the case-sensitive hits checked against
the written text, finds what the two automata find (the automaton passes are about half of a look-up's instructions).
Other text takes the two passes.
"""

from __future__ import annotations

from dataclasses import dataclass

import ahocorasick

from leaderboard.extract.normtext import NormText, hit_span
from leaderboard.extract.vocab import Entry, Mention, NameIndex, leftmost_longest


@dataclass(slots=True)
class CombinedIndex:
    """Several name indexes scanned together: one automaton per case mode over all their keys, and one over both.

    Built once (with the extractor); `find` gives `[ix.find(nt) for ix in indexes]`."""

    indexes: tuple[NameIndex, ...]
    auto_cs: object | None = None
    auto_ci: object | None = None
    auto_both: object | None = None  # lower-cased keys of both modes -> ((key, case-folded?, owners), ...)
    spaced: frozenset[str] = frozenset()  # the indexes' short keys the vocabulary writes as two words

    @classmethod
    def of(cls, indexes: tuple[NameIndex, ...]) -> CombinedIndex:
        autos = []
        both: dict[str, list[tuple[str, bool, tuple[int, ...]]]] = {}
        for auto_attr, table_attr, ci in (("_auto_cs", "_cs", False), ("_auto_ci", "_ci", True)):
            owners: dict[str, list[int]] = {}
            for i, ix in enumerate(indexes):
                if getattr(ix, auto_attr) is not None:
                    for k in getattr(ix, table_attr):
                        owners.setdefault(k, []).append(i)
            auto = None
            if owners:
                auto = ahocorasick.Automaton()
                for k, ids in owners.items():
                    auto.add_word(k, (k, tuple(ids)))
                    both.setdefault(k.lower(), []).append((k, ci, tuple(ids)))
                auto.make_automaton()
            autos.append(auto)
        one = None
        if both:  # a non-ASCII key never spells ASCII text: its hits (if its lower-case form is ASCII) are dropped
            one = ahocorasick.Automaton()
            for k, payload in both.items():
                one.add_word(k, tuple(payload))
            one.make_automaton()
        return cls(indexes, autos[0], autos[1], one, frozenset().union(*(ix._spaced for ix in indexes)))

    def find(self, nt: NormText) -> list[list[Mention]]:
        """`[ix.find(nt) for ix in self.indexes]`, scanning the text once for all the indexes (twice when it is
        not ASCII: once per case mode).

        A key's hits come in the same order as from its own index's automaton (by end, longest first), and each
        index's case-sensitive hits before its case-folded ones, so each index gets the mentions of its own `find`."""
        if self.auto_both is None or not nt.folded.isascii():
            return self._find_twice(nt)
        indexes = self.indexes
        raw, folded = nt.text, nt.folded
        cn, co = nt._chunk_norm, nt._chunk_orig
        found_cs: list[list[tuple[int, int, Entry]]] = [[] for _ in indexes]
        found_ci: list[list[tuple[int, int, Entry]]] = [[] for _ in indexes]
        for end_idx, payload in self.auto_both.iter(nt.lowered):
            for key, ci, owners in payload:
                if not ci and not folded.startswith(key, end_idx - len(key) + 1):  # no slice copied per hit
                    continue
                hit = hit_span(raw, cn, co, end_idx, key, self.spaced)
                if hit is not None:
                    _add(indexes, found_ci if ci else found_cs, key, ci, owners, hit)
        return [leftmost_longest(cs + ci) for cs, ci in zip(found_cs, found_ci, strict=True)]

    def _find_twice(self, nt: NormText) -> list[list[Mention]]:
        """`find` with one automaton per case mode: case-sensitive keys in the text as written, then the rest."""
        indexes = self.indexes
        raw = nt.text
        cn, co = nt._chunk_norm, nt._chunk_orig
        found: list[list[tuple[int, int, Entry]]] = [[] for _ in indexes]
        for auto, hay, ci in ((self.auto_cs, nt.folded, False), (self.auto_ci, nt.lowered, True)):
            if auto is None:
                continue
            for end_idx, (key, owners) in auto.iter(hay):
                hit = hit_span(raw, cn, co, end_idx, key, self.spaced)
                if hit is not None:
                    _add(indexes, found, key, ci, owners, hit)
        return [leftmost_longest(f) for f in found]


def _add(indexes, found, key: str, ci: bool, owners: tuple[int, ...], hit: tuple[int, int, str]) -> None:
    """Record a hit of `key` for each index that owns it (not a name written as an ordinary word: "multiple")."""
    start, end, surface = hit
    for n in owners:
        ix = indexes[n]
        if ci:
            if ix._lower_stylised(key, surface):  # COMMON-WORD-CASE (vocab.py)
                continue
            found[n].append((start, end, ix._ci[key]))
        else:
            found[n].append((start, end, ix._cs[key]))
