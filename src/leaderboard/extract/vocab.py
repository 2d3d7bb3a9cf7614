"""Loading the vocabulary data files (benchmarks, metrics, methods) and matching their names in text."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from leaderboard.errors import UserError

KINDS = {
    "benchmarks": {"name", "aliases", "task", "area", "metric"},
    "metrics": {"name", "aliases", "unit", "higher_is_better"},
    "methods": {"name", "aliases"},
}


@dataclass(frozen=True, slots=True)
class Entry:
    """One vocabulary entry: a canonical name and its attributes."""

    name: str
    aliases: tuple[str, ...]
    attrs: tuple[tuple[str, str], ...] = ()
    case_sensitive: bool = False

    def get(self, key: str, default: str = "") -> str:
        return dict(self.attrs).get(key, default)


@dataclass(frozen=True, slots=True)
class Mention:
    """A vocabulary name found in text: [start, end) and the entry it names."""

    start: int
    end: int
    entry: Entry


@dataclass(slots=True)
class NameIndex:
    """Compiled matcher for one kind of vocabulary (one alternation regex per case mode)."""

    entries: list[Entry] = field(default_factory=list)
    _by_key: dict[str, Entry] = field(default_factory=dict)
    _exact: dict[str, Entry] = field(default_factory=dict)
    _ci: re.Pattern | None = None
    _cs: re.Pattern | None = None

    def add(self, entry: Entry) -> None:
        self.entries.append(entry)
        for name in (entry.name, *entry.aliases):
            if entry.case_sensitive and (len(name) <= 5 or name.isupper() or " " not in name):
                self._exact.setdefault(name, entry)
            else:
                self._by_key.setdefault(name.lower(), entry)

    def compile(self) -> None:
        def alternation(names: list[str], flags: int) -> re.Pattern | None:
            if not names:
                return None
            body = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
            return re.compile(rf"(?<![\w-])(?:{body})(?![\w]|-\d)", flags)

        self._ci = alternation(list(self._by_key), re.IGNORECASE)
        self._cs = alternation(list(self._exact), 0)

    def lookup(self, name: str) -> Entry | None:
        return self._exact.get(name) or self._by_key.get(name.lower())

    def find(self, text: str) -> list[Mention]:
        """All non-overlapping mentions, leftmost-longest, in order of position."""
        found: list[Mention] = []
        for pattern, table, fold in ((self._cs, self._exact, False), (self._ci, self._by_key, True)):
            if pattern is None:
                continue
            for m in pattern.finditer(text):
                entry = table.get(m.group(0).lower() if fold else m.group(0))
                if entry is not None:
                    found.append(Mention(m.start(), m.end(), entry))
        found.sort(key=lambda m: (m.start, -(m.end - m.start)))
        kept: list[Mention] = []
        for m in found:
            if not kept or m.start >= kept[-1].end:
                kept.append(m)
        return kept


@dataclass(slots=True)
class Vocabulary:
    """All the names the extractor knows, by kind."""

    benchmarks: NameIndex
    metrics: NameIndex
    methods: NameIndex


def _truthy(value: str | None) -> bool:
    return (value or "").strip().lower() in {"true", "1", "yes"}


def _read(path: Path | str, text: str | None = None) -> tuple[str, list[Entry]]:
    if text is None:
        try:
            text = Path(path).read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise UserError(f"{path}: cannot read vocabulary file ({exc})") from None
    rows = list(csv.DictReader(text.splitlines()))
    header = set(rows[0].keys()) if rows else set()
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
    """Load the shipped vocabulary plus any user files (whose kind is recognised by their header)."""
    indexes = {kind: NameIndex() for kind in KINDS}
    package = resources.files("leaderboard") / "vocab"
    sources: list[tuple[str, str | None]] = []
    for kind in KINDS:
        res = package / f"{kind}.csv"
        if res.is_file():
            sources.append((f"{kind}.csv", res.read_text(encoding="utf-8")))
    # user files first so that their entries win on conflicting aliases
    for path in [*extra_files]:
        kind, entries = _read(path)
        for e in entries:
            indexes[kind].add(e)
    for name, text in sources:
        kind, entries = _read(name, text)
        for e in entries:
            indexes[kind].add(e)
    for index in indexes.values():
        index.compile()
    return Vocabulary(indexes["benchmarks"], indexes["metrics"], indexes["methods"])
