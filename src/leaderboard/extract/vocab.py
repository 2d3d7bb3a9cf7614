"""Loading the vocabulary data files (benchmarks, metrics, methods, grammar) and matching their names in text.

Names are matched in one pass per text with an Aho-Corasick automaton (pyahocorasick) over a *normalised* copy
of the text: case folded (unless the entry is case-sensitive), with spaces, hyphens, dots, underscores and
apostrophes removed, so "Reward-Bench", "reward bench" and "RewardBench" all meet the key "rewardbench".
Matches are mapped back to offsets in the original text and must sit on word boundaries there (the normalisation
and that mapping live in normtext.py).
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import ahocorasick

from leaderboard.errors import UserError
from leaderboard.extract.normtext import NormText, hit_span, norm_key

KINDS = {
    "benchmarks": {"name", "aliases", "task", "area", "metric"},
    "metrics": {"name", "aliases", "unit", "higher_is_better"},
    "methods": {"name", "aliases"},
}

_CAMEL = re.compile(r"[a-z][A-Z]")


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
    _auto_ci: object | None = None
    _auto_cs: object | None = None

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
                self._stylised.add(key)  # "MultiPLE", "RewardBench": a lower-case "multiple" is a word
            elif not exact and name.islower():
                self._plain.add(key)

    def compile(self) -> None:
        """Build the automata; call once after the last `add`."""
        self._auto_ci = self._automaton(self._ci)
        self._auto_cs = self._automaton(self._cs)

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
        """All non-overlapping mentions in a text, leftmost-longest, in order of position."""
        nt = text if isinstance(text, NormText) else NormText.of(text)
        raw = nt.text
        cn, co = nt._chunk_norm, nt._chunk_orig  # NormText.orig, inlined: it runs for every automaton hit
        found: list[tuple[int, int, Entry]] = []
        for auto, hay, table in ((self._auto_cs, nt.folded, self._cs), (self._auto_ci, nt.lowered, self._ci)):
            if auto is None:
                continue
            for end_idx, key in auto.iter(hay):
                hit = hit_span(raw, cn, co, end_idx, key)
                if hit is None:
                    continue
                start, end, surface = hit
                if (
                    table is self._ci
                    and key in self._stylised
                    and key not in self._plain
                    and surface.isalpha()
                    and surface.islower()
                ):
                    continue
                found.append((start, end, table[key]))
        return _leftmost_longest(found)


def _leftmost_longest(found: list[tuple[int, int, Entry]]) -> list[Mention]:
    found.sort(key=lambda m: (m[0], -m[1]))
    kept: list[Mention] = []
    for s, e, entry in found:
        if not kept or s >= kept[-1].end:
            kept.append(Mention(s, e, entry))
    return kept


@dataclass(slots=True)
class CombinedIndex:
    """Several name indexes scanned together: one automaton per case mode over all their keys.

    Built once (with the extractor); `find` gives `[ix.find(nt) for ix in indexes]` in one pass per case mode.
    """

    indexes: tuple[NameIndex, ...]
    auto_cs: object | None = None
    auto_ci: object | None = None

    @classmethod
    def of(cls, indexes: tuple[NameIndex, ...]) -> CombinedIndex:
        autos = []
        for auto_attr, table_attr in (("_auto_cs", "_cs"), ("_auto_ci", "_ci")):
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
                auto.make_automaton()
            autos.append(auto)
        return cls(indexes, autos[0], autos[1])

    def find(self, nt: NormText) -> list[list[Mention]]:
        """`[ix.find(nt) for ix in self.indexes]`, scanning the text once per case mode for all the indexes.

        A key's hits come in the same order as from its own index's automaton (by end, longest first), so each
        index gets the same mentions as from its own `find`."""
        indexes = self.indexes
        raw = nt.text
        cn, co = nt._chunk_norm, nt._chunk_orig
        found: list[list[tuple[int, int, Entry]]] = [[] for _ in indexes]
        for auto, hay, ci in ((self.auto_cs, nt.folded, False), (self.auto_ci, nt.lowered, True)):
            if auto is None:
                continue
            for end_idx, (key, owners) in auto.iter(hay):
                hit = hit_span(raw, cn, co, end_idx, key)
                if hit is None:
                    continue
                start, end, surface = hit
                for n in owners:
                    ix = indexes[n]
                    if ci:
                        if key in ix._stylised and key not in ix._plain and surface.isalpha() and surface.islower():
                            continue
                        found[n].append((start, end, ix._ci[key]))
                    else:
                        found[n].append((start, end, ix._cs[key]))
        return [_leftmost_longest(f) for f in found]


@dataclass(slots=True)
class Vocabulary:
    """All the names the extractor knows, by kind, plus the grammar cue rows (kind, phrase, value)."""

    benchmarks: NameIndex
    metrics: NameIndex
    methods: NameIndex
    grammar: list[tuple[str, str, str]] = field(default_factory=list)


def _truthy(value: str | None) -> bool:
    return (value or "").strip().lower() in {"true", "1", "yes"}


GRAMMAR_COLUMNS = {"kind", "phrase", "value"}


def _read(path: Path | str, text: str | None = None) -> tuple[str, list]:
    """Parse one vocabulary CSV: its kind (from the header) and its entries (or grammar rows)."""
    if text is None:
        try:
            text = Path(path).read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise UserError(f"{path}: cannot read vocabulary file ({exc})") from None
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    rows = list(csv.DictReader(lines))
    header = {h.strip() for h in (rows[0].keys() if rows else csv.DictReader(lines).fieldnames or []) if h}
    if header >= GRAMMAR_COLUMNS:
        out = []
        for row in rows:
            kind, phrase = (row.get("kind") or "").strip(), (row.get("phrase") or "").strip()
            if kind and phrase:
                out.append((kind, phrase, (row.get("value") or "").strip()))
        return "grammar", out
    kind = next((k for k, cols in KINDS.items() if cols <= header), None)
    if kind is None:
        raise UserError(f"{path}: not a vocabulary file (header {sorted(header)})")
    entries = []
    for row in rows:
        name = (row.get("name") or "").strip()
        if not name:
            continue
        aliases = tuple(a.strip() for a in (row.get("aliases") or "").split("|") if a.strip())
        attrs = tuple((k, (v or "").strip()) for k, v in row.items() if k not in {"name", "aliases"} and k is not None)
        entries.append(Entry(name, aliases, attrs, _truthy(row.get("case_sensitive"))))
    return kind, entries


def load_vocabulary(extra_files: list[Path] | tuple[Path, ...] = ()) -> Vocabulary:
    """Load the shipped vocabulary plus any user files (whose kind is recognised by their header).

    User files are read first, so their entries win when a name or alias is claimed twice; a user entry with
    the canonical name of a shipped one extends it. User grammar rows are added to the shipped cue words.
    """
    indexes = {kind: NameIndex() for kind in KINDS}
    grammar: list[tuple[str, str, str]] = []
    package = resources.files("leaderboard") / "vocab"
    sources: list[tuple[str, str | None]] = []
    for kind in (*KINDS, "grammar"):
        res = package / f"{kind}.csv"
        if res.is_file():
            sources.append((f"{kind}.csv", res.read_text(encoding="utf-8")))
    loaded = [_read(path) for path in extra_files] + [_read(name, text) for name, text in sources]
    for kind, items in loaded:
        if kind == "grammar":
            grammar.extend(items)
            continue
        for e in items:
            indexes[kind].add(e)
    for index in indexes.values():
        index.compile()
    return Vocabulary(indexes["benchmarks"], indexes["metrics"], indexes["methods"], grammar)
