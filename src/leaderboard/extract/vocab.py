"""Loading the vocabulary data files (benchmarks, metrics, methods, grammar) and matching their names in text.

Names are matched in one pass per text with an Aho-Corasick automaton (pyahocorasick) over a *normalised* copy
of the text: case folded (unless the entry is case-sensitive), with spaces, hyphens, dots, underscores and
apostrophes removed, so "Reward-Bench", "reward bench" and "RewardBench" all meet the key "rewardbench".
Matches are mapped back to offsets in the original text and must sit on word boundaries there (the normalisation
and that mapping live in normtext.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import ahocorasick

from leaderboard.extract.normtext import NormText, hit_span, norm_key
from leaderboard.knowledge import (
    BenchmarkEntry,
    Knowledge,
    MethodEntry,
    MetricEntry,
    Splits,
    load_knowledge,
    shipped_knowledge,
)

_CAMEL = re.compile(r"[a-z][A-Z]|[A-Z]{2}[a-z]")  # "RewardBench", "BEATs": stylised case
_SPACED = re.compile(r"[^\W\d_]\s+[^\W\d_]")  # a name written as words ("AG News"), as normtext checks hits


@dataclass(frozen=True, slots=True)
class Entry:
    """One vocabulary entry: a canonical name and its attributes."""

    name: str
    aliases: tuple[str, ...]
    attrs: tuple[tuple[str, str], ...] = ()
    case_sensitive: bool = False

    def get(self, key: str, default: str = "") -> str:
        for k, v in self.attrs:
            if k == key:
                return v or default
        return default


@dataclass(frozen=True, slots=True)
class Mention:
    """A vocabulary name found in text: [start, end) and the entry it names."""

    start: int
    end: int
    entry: Entry


@dataclass(slots=True)
class NameIndex:
    """Compiled matcher for one kind of vocabulary: two Aho-Corasick automata (case-folded, case-sensitive)."""

    entries: list[Entry] = field(default_factory=list)
    _ci: dict[str, Entry] = field(default_factory=dict)
    _cs: dict[str, Entry] = field(default_factory=dict)
    _by_name: dict[str, Entry] = field(default_factory=dict)
    _memo: dict[str, Entry | None] = field(default_factory=dict)
    _stylised: set[str] = field(default_factory=set)
    _plain: set[str] = field(default_factory=set)
    _spaced: frozenset[str] = frozenset()  # short keys the vocabulary writes as two words ("IU X-Ray")
    _auto_ci: object | None = None
    _auto_cs: object | None = None
    _auto_both: object | None = None  # both modes' keys lower-cased -> ((key, case-folded?), ...): ASCII text

    def add(self, entry: Entry) -> None:
        """Add an entry; an entry whose canonical name is already known adds its aliases to the earlier one."""
        known = self._by_name.get(entry.name.lower())
        target = entry
        if known is not None:
            extra = tuple(a for a in entry.aliases if a not in known.aliases)
            target = Entry(known.name, (*known.aliases, *extra), known.attrs, known.case_sensitive)
            self.entries[self.entries.index(known)] = target
            for table in (self._ci, self._cs):
                for k, v in table.items():
                    if v is known:
                        table[k] = target
        else:
            self.entries.append(entry)
        self._by_name[entry.name.lower()] = target
        for name in (entry.name, *entry.aliases):
            # a case-sensitive entry's long multi-word names ("Inception Score") still match in any case
            # short all-caps acronyms ("PER", "MAP") match only as written, so "per" and "map" stay words
            acronym = name.isalpha() and name.isupper() and len(name) <= 4
            caps_word = any(w.isalpha() and w.isupper() and len(w) > 1 for w in name.split())  # "MATH benchmark"
            exact = acronym or (
                entry.case_sensitive and (len(name) <= 5 or name.isupper() or " " not in name or caps_word)
            )
            key = norm_key(name, fold_case=not exact)
            if not key:
                continue
            (self._cs if exact else self._ci).setdefault(key, target)
            if not exact and _CAMEL.search(name):
                self._stylised.add(key)  # "MultiPLE", "BEATs": a lower-case "multiple", "beats" is a word
            elif not exact and name.islower():
                self._plain.add(key)
            if len(key) < 7 and _SPACED.search(name):
                self._spaced |= {key}

    def compile(self) -> None:
        """Build the automata; call once after the last `add`."""
        self._auto_ci = self._automaton(self._ci)
        self._auto_cs = self._automaton(self._cs)
        both: dict[str, list[tuple[str, bool]]] = {}
        for table, ci in ((self._cs, False), (self._ci, True)):
            for key in table:
                both.setdefault(key.lower(), []).append((key, ci))
        if both:
            self._auto_both = ahocorasick.Automaton()
            for low, payload in both.items():
                self._auto_both.add_word(low, tuple(payload))
            self._auto_both.make_automaton()

    @staticmethod
    def _automaton(table: dict[str, Entry]) -> object | None:
        if not table:
            return None
        auto = ahocorasick.Automaton()
        for key in table:
            auto.add_word(key, key)
        auto.make_automaton()
        return auto

    def lookup(self, name: str) -> Entry | None:
        """The entry a name (canonical or alias, any spacing/case) stands for."""
        if not name:
            return None
        if name in self._memo:
            return self._memo[name]
        if len(self._memo) > 50_000:
            self._memo.clear()
        key = norm_key(name, fold_case=False)
        found = self._cs.get(key) or self._ci.get(key.lower())
        self._memo[name] = found
        return found

    def named(self, name: str) -> Entry | None:
        """The entry whose canonical name is `name` in any case (for a phrase the grammar marks as a name)."""
        return self._by_name.get(name.lower())

    def find(self, text: str | NormText) -> list[Mention]:
        """All non-overlapping mentions in a text, leftmost-longest, in order of position.

        ASCII text is scanned once (combined_index.py says why that finds the same), other text once per case mode.
        """
        nt = text if isinstance(text, NormText) else NormText.of(text)
        if self._auto_both is None or not nt.folded.isascii():
            return self._find_twice(nt)
        raw, folded = nt.text, nt.folded
        cn, co = nt._chunk_norm, nt._chunk_orig
        found_cs: list[tuple[int, int, Entry]] = []
        found_ci: list[tuple[int, int, Entry]] = []
        for end_idx, payload in self._auto_both.iter(nt.lowered):
            for key, ci in payload:
                if not ci and folded[end_idx - len(key) + 1 : end_idx + 1] != key:
                    continue
                hit = hit_span(raw, cn, co, end_idx, key, self._spaced)
                if hit is not None and not (ci and self._lower_stylised(key, hit[2])):
                    (found_ci if ci else found_cs).append((hit[0], hit[1], (self._ci if ci else self._cs)[key]))
        return leftmost_longest(found_cs + found_ci)

    def _lower_stylised(self, key: str, surface: str) -> bool:
        """A stylised name written as a lower-case word ("multiple" for "MultiPLE"): not a mention."""
        return key in self._stylised and key not in self._plain and surface.isalpha() and surface.islower()

    def _find_twice(self, nt: NormText) -> list[Mention]:
        """`find` with one automaton per case mode: case-sensitive keys in the text as written, then the rest."""
        raw = nt.text
        cn, co = nt._chunk_norm, nt._chunk_orig  # NormText.orig, inlined: it runs for every automaton hit
        found: list[tuple[int, int, Entry]] = []
        for auto, hay, table in ((self._auto_cs, nt.folded, self._cs), (self._auto_ci, nt.lowered, self._ci)):
            if auto is None:
                continue
            for end_idx, key in auto.iter(hay):
                hit = hit_span(raw, cn, co, end_idx, key, self._spaced)
                if hit is None:
                    continue
                if table is self._ci and self._lower_stylised(key, hit[2]):
                    continue
                found.append((hit[0], hit[1], table[key]))
        return leftmost_longest(found)


def leftmost_longest(found: list[tuple[int, int, Entry]]) -> list[Mention]:
    found.sort(key=lambda m: (m[0], -m[1]))
    kept: list[Mention] = []
    for s, e, entry in found:
        if not kept or s >= kept[-1].end:
            kept.append(Mention(s, e, entry))
    return kept


@dataclass(slots=True)
class Vocabulary:
    """All the names the extractor knows, by kind, plus the grammar cue rows (kind, phrase, value).

    Built from the one knowledge layer (`leaderboard.knowledge`): `knowledge` holds the typed, validated
    entries, `splits` the split table every stage spells splits with."""

    benchmarks: NameIndex
    metrics: NameIndex
    methods: NameIndex
    grammar: list[tuple[str, str, str]] = field(default_factory=list)
    knowledge: Knowledge = field(default_factory=Knowledge)
    splits: Splits = field(default_factory=lambda: Splits.of(shipped_knowledge().splits))


def _number(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if value.is_integer() else repr(value)


def _flag(value: bool | None) -> str:
    return "" if value is None else str(value).lower()


def _entry(e: BenchmarkEntry | MetricEntry | MethodEntry) -> Entry:
    """The matcher's record of a typed entry (attributes as the text the extractor reads)."""
    if isinstance(e, BenchmarkEntry):
        attrs = (("task", e.task), ("area", e.area), ("metric", e.metric))
        return Entry(e.name, e.aliases, attrs, e.case_sensitive)
    if isinstance(e, MetricEntry):
        attrs = (("unit", e.unit), ("higher_is_better", _flag(e.higher_is_better)), ("min", _number(e.min)))
        return Entry(e.name, e.aliases, (*attrs, ("max", _number(e.max))), e.case_sensitive)
    return Entry(e.name, e.aliases)


def load_vocabulary(extra_files: list[Path] | tuple[Path, ...] = ()) -> Vocabulary:
    """Load the shipped vocabulary plus any user files (whose kind is recognised by their header).

    User files are read first, so their entries win when a name or alias is claimed twice; a user entry with
    the canonical name of a shipped one extends it. User grammar rows are added to the shipped cue words.
    Reading and validation are the knowledge layer's (`load_knowledge`): a bad row is a `UserError`.
    """
    knowledge = load_knowledge(extra_files)
    indexes = {kind: NameIndex() for kind in ("benchmarks", "metrics", "methods")}
    for kind, index in indexes.items():
        for e in getattr(knowledge, kind):
            index.add(_entry(e))
        index.compile()
    grammar = [(c.kind, c.phrase, c.value) for c in knowledge.cues]
    splits = Splits.of(knowledge.splits)
    return Vocabulary(indexes["benchmarks"], indexes["metrics"], indexes["methods"], grammar, knowledge, splits)
